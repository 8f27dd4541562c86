/* form_cell.c — what goes inside a cell of the form: lines of text, labels with their
 * continuation, and the value cells of leaf items (text, date, choice with its option list,
 * checkbox grid, blocks of 別添1), all read from the bound model (see form_cell.h). */
#include "form_cell.h"
#include "era.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers -------------------------------------------------------------------- */

hy_src fc_src(const fctx *c, int line, int col)
{
    return (hy_src){c->m->file, line, col};
}

hy_src fc_layout_src(const fctx *c)
{
    return (hy_src){c->f->path, 0, 0};
}

const char *fc_text(hy_text t)
{
    return t.s ? t.s : "";
}

const char *fc_date(fctx *c, const hy_item *it)
{
    if (!it->has_date) return fc_text(it->text);
    char buf[64];
    if (!hy_date_format(it->date, c->m->gannen, buf, sizeof buf)) return it->text.s;
    return hy_arena_strdup(c->a, buf);
}

const char *fc_subst(fctx *c, const char *s, const char *name, const char *val)
{
    char pat[128];
    snprintf(pat, sizeof pat, "{%s}", name);
    const char *at = strstr(s, pat);
    if (!at) return s;
    return hy_arena_printf(c->a, "%.*s%s%s", (int)(at - s), s, val, at + strlen(pat));
}

double fc_inner(const tb_cell *cell) { return cell->w - 2 * PAD_X; }

size_t fc_chars(const char *s)
{
    size_t n = 0, len = strlen(s), k;
    uint32_t cp;
    for (size_t i = 0; (k = hy_utf8_decode(s + i, len - i, &cp)); i += k) n++;
    return n;
}

/* ---- structure ------------------------------------------------------------------------ */

void fc_tag(fctx *c, int elem)
{
    c->elem = elem;
    c->splits = NULL;
    c->n_splits = 0;
}

void fc_tag_item(fctx *c, int lbl, size_t chars, int body)
{
    fc_tag(c, lbl ? lbl : body);
    if (!lbl || !chars) return;
    c->split = (fc_split){chars, body};
    c->splits = &c->split;
    c->n_splits = 1;
}

/* Gives t, a run of the text being added, the element of its first character and the splits
 * inside it; *chars counts the characters of the text before the run. */
static void tag_run(fctx *c, tb_text *t, size_t *chars)
{
    size_t s = 0, len = strlen(t->utf8), k;
    t->elem = c->elem;
    for (; s < c->n_splits && c->splits[s].chars <= *chars; s++) t->elem = c->splits[s].elem;
    hy_tagsplit *out = NULL;
    uint32_t cp;
    for (size_t i = 0; (k = hy_utf8_decode(t->utf8 + i, len - i, &cp)); i += k, ++*chars) {
        if (s >= c->n_splits || c->splits[s].chars != *chars || !i) continue;
        if (!out) out = hy_arena_alloc(c->a, (c->n_splits - s) * sizeof *out);
        out[t->n_splits++] = (hy_tagsplit){(unsigned)i, c->splits[s++].elem};
    }
    t->splits = out;
}

void fc_add_text(fctx *c, tb_cell *cell, const char *text, double size, bool bold, hy_src src,
                 double dx, double width, const char *align)
{
    if (c->too_long) { /* refused: one empty line keeps the shape callers rely on (>= 1 strip) */
        tb_strip_add(c->a, cell, size * c->f->leading, 0);
        return;
    }
    hy_tline *lines;
    c->ts.arena = &c->scratch;
    size_t n = hy_typeset(&c->ts, text, size, width, src, &lines);
    tb_row *row = c->rows.n ? c->rows.items[c->rows.n - 1] : NULL;
    if (row && !row->line && src.line > 0) { /* for the page-limit message */
        row->line = src.line;
        row->col = src.col;
    }
    double lh = size * c->f->leading;
    size_t chars = 0;
    tb_cell_reserve(c->a, cell, n);
    for (size_t i = 0; i < n; i++) {
        tb_strip *s = tb_strip_add(c->a, cell, lh, lines[i].n_runs);
        s->keep_with_next = lines[i].heading || bold;  /* headings stay with what follows them */
        double shift = 0;
        if (align && !strcmp(align, "center")) shift = (width - lines[i].width) / 2;
        if (align && !strcmp(align, "right")) shift = width - lines[i].width;
        double base = (lh - size) / 2 + size * 0.88;
        for (size_t k = 0; k < lines[i].n_runs; k++) {
            const hy_run *run = &lines[i].runs[k];
            tb_text t = {dx + shift + run->x, base, size, run->font, bold, hy_arena_strdup(c->a, run->utf8), 0,
                         k ? TB_SAME_LINE : lines[i].begins};
            tag_run(c, &t, &chars);
            tb_strip_push(c->a, s, t);
            if (run->underline)
                tb_strip_push(c->a, s, (tb_text){dx + shift + run->x, base + size * 0.15, size, 0, false, NULL, run->w});
        }
    }
    hy_arena_free(&c->scratch);
    c->ts.arena = c->a;
    if (cell->h > c->row_h) c->row_h = cell->h;
    double body = c->f->page_h - c->f->margin[0] - c->f->margin[2];
    if (c->height + c->row_h > HY_MAX_PAGES * body) {
        c->too_long = true;
        c->too_long_at = src;
    }
}

void fc_cell_text(fctx *c, tb_cell *cell, const char *text, hy_src src)
{
    fc_add_text(c, cell, text, c->f->size, false, src, 0, fc_inner(cell), NULL);
}

/* Wrapped at the cell's own width. */
void fc_set_cont(fctx *c, tb_cell *cell, const char *label, bool bold, hy_src src)
{
    cell->cont = hy_arena_alloc(c->a, sizeof *cell->cont);
    *cell->cont = *cell;
    cell->cont->n = cell->cont->cap = 0;
    cell->cont->strips = NULL;
    cell->cont->cont = NULL;
    cell->cont->h = 0;
    double row_h = c->row_h; /* shown instead of the cell, not below it */
    int elem = c->elem;
    const fc_split *splits = c->splits;
    size_t n_splits = c->n_splits;
    fc_tag(c, HY_TAG_REPEAT);  /* a reminder repeated by pagination: an artifact */
    /* A repeated label is a reminder, not the text: a long one is cut where a word ends (it
     * was printed in full where it began), so that it can never fill a page by itself. Most
     * labels fit whole: set them once, and only a label that does not is undone and cut
     * (hy_typeset_cut gives the label itself exactly when it fits). */
    size_t n_diags = c->ts.diags->n;
    bool ts_ok = c->ts.ok, too_long = c->too_long;
    hy_src too_long_at = c->too_long_at;
    fc_add_text(c, cell->cont, hy_arena_printf(c->a, "%s%s", label, c->f->continued), c->f->size, bold, src, 0,
                fc_inner(cell), NULL);
    if (!too_long && cell->cont->n > MAX_CONT_LINES) {
        cell->cont->n = 0;
        cell->cont->h = 0;
        c->row_h = row_h;
        hy_diags_truncate(c->ts.diags, n_diags);
        c->ts.ok = ts_ok;
        c->too_long = too_long;
        c->too_long_at = too_long_at;
        const char *shown = hy_typeset_cut(&c->ts, label, c->f->continued, c->f->size, fc_inner(cell),
                                           MAX_CONT_LINES, src);
        fc_add_text(c, cell->cont, hy_arena_printf(c->a, "%s%s", shown, c->f->continued), c->f->size, bold,
                    src, 0, fc_inner(cell), NULL);
    }
    c->row_h = row_h;
    c->elem = elem;
    c->splits = splits;
    c->n_splits = n_splits;
}

tb_cell *fc_label_cell_at(fctx *c, tb_row *r, double x, double w, double gray, const char *label,
                          bool bold, hy_src src)
{
    tb_cell *cell = tb_cell_add(c->a, r, x, w, gray);
    fc_add_text(c, cell, label, c->f->size, bold, src, 0, fc_inner(cell), NULL);
    fc_set_cont(c, cell, label, bold, src);
    return cell;
}

tb_cell *fc_label_cell(fctx *c, tb_row *r, double x, double w, double gray, const char *label, bool bold)
{
    return fc_label_cell_at(c, r, x, w, gray, label, bold, (hy_src){c->f->path, 0, 0});
}

/* ---- value cells ---------------------------------------------------------------------- */

/* Zips two columns of strips into one strip list (choice: value left, options right). */
static void zip_columns(fctx *c, tb_cell *dst, const tb_cell *l, const tb_cell *r, double rx)
{
    size_t n = l->n > r->n ? l->n : r->n;
    for (size_t i = 0; i < n; i++) {
        double h = 0;
        size_t nt = 0;
        if (i < l->n) { h = l->strips[i].h; nt += l->strips[i].n; }
        if (i < r->n) { h = r->strips[i].h > h ? r->strips[i].h : h; nt += r->strips[i].n; }
        tb_strip *s = tb_strip_add(c->a, dst, h, nt);
        for (size_t k = 0; i < l->n && k < l->strips[i].n; k++) s->texts[s->n++] = l->strips[i].texts[k];
        for (size_t k = 0; i < r->n && k < r->strips[i].n; k++) {
            tb_text t = r->strips[i].texts[k];
            t.dx += rx;
            s->texts[s->n++] = t;
        }
    }
}

/* Overlays the strips of `one` onto `acc` line by line (items side by side in a grid row). */
static void merge_strips(fctx *c, tb_cell *acc, const tb_cell *one)
{
    for (size_t k = 0; k < one->n; k++) {
        tb_strip *s = k < acc->n ? &acc->strips[k] : tb_strip_add(c->a, acc, one->strips[k].h, 4);
        if (one->strips[k].h > s->h) s->h = one->strips[k].h;
        for (size_t t = 0; t < one->strips[k].n; t++) tb_strip_push(c->a, s, one->strips[k].texts[t]);
    }
}

/* Appends the strips of src below those of dst. */
static void append_strips(fctx *c, tb_cell *dst, const tb_cell *src)
{
    for (size_t k = 0; k < src->n; k++) {
        tb_strip *s = tb_strip_add(c->a, dst, src->strips[k].h, src->strips[k].n);
        for (size_t t = 0; t < src->strips[k].n; t++) s->texts[s->n++] = src->strips[k].texts[t];
    }
}

/* The option list (<選択肢>): two options to a line when every option fits in half the width, so
 * that the numbers line up in columns; otherwise one option per line. */
static void options_column(fctx *c, tb_cell *col, const lay_options *o, double width)
{
    hy_src none = {c->f->path, 0, 0};
    double sz = c->f->small, half = width / 2 - 2;
    int cell = c->elem, list = 0;
    if (*c->f->mark_options) {
        fc_tag(c, tg_elem(&c->tg, cell, "P"));
        fc_add_text(c, col, c->f->mark_options, sz, false, none, 0, width, NULL);
    }
    if (o->n) list = tg_elem(&c->tg, cell, "L");
    const char **item = hy_arena_alloc(c->a, (o->n + 1) * sizeof *item);
    bool pairs = o->n >= 2;
    for (size_t i = 0; i < o->n; i++) {
        item[i] = hy_arena_printf(c->a, "%zu) %s", i + 1, o->opts[i].text);
        if (hy_text_width(&c->ts, item[i], sz, none) > half) pairs = false;
    }
    for (size_t i = 0; i < o->n; i++) {
        int lbl, body;  /* each option an LI: its number "1)" the Lbl */
        tg_item(&c->tg, list, true, NULL, &lbl, &body);
        fc_tag_item(c, lbl, tg_label_chars(item[i]), body);
        if (!pairs) {
            fc_add_text(c, col, item[i], sz, false, none, 0, width, NULL);
            continue;
        }
        tb_cell pair = {0};
        fc_add_text(c, &pair, item[i], sz, false, none, 0, half, NULL);
        if (i + 1 < o->n) {
            tg_item(&c->tg, list, true, NULL, &lbl, &body);
            fc_tag_item(c, lbl, tg_label_chars(item[i + 1]), body);
            fc_add_text(c, &pair, item[++i], sz, false, none, width / 2, half, NULL);
        }
        tb_strip *s = tb_strip_add(c->a, col, pair.strips[0].h, 4);
        for (size_t k = 0; k < pair.n; k++)
            for (size_t t = 0; t < pair.strips[k].n; t++) tb_strip_push(c->a, s, pair.strips[k].texts[t]);
    }
    fc_tag(c, cell);
}

/* ---- value cells ---------------------------------------------------------------------- */

static void fill_choice(fctx *c, tb_cell *cell, const hy_item *it)
{
    const char *val = fc_text(it->text);
    const char *shown = *val ? hy_arena_printf(c->a, "[ %s ]", val) : c->f->mark_empty_choice;
    if (it->node->count_key) {
        const char *cnt = fc_text(it->count);
        shown = hy_arena_printf(c->a, "%s　%s", shown, fc_subst(c, c->f->mark_count, "", *cnt ? cnt : "　"));
    }
    double w = fc_inner(cell), lw = w * 0.44, rw = w - lw - 6;
    tb_cell left = {0}, right = {0};
    int td = c->elem;  /* the choice: its value a P, then the option list */
    fc_tag(c, tg_elem(&c->tg, td, "P"));
    fc_add_text(c, &left, shown, c->f->size, false, fc_src(c, it->line, it->col), 0, lw, NULL);
    fc_tag(c, td);
    options_column(c, &right, it->node->options, rw);
    zip_columns(c, cell, &left, &right, lw + 6);
}

/* "[○] label ( text ) suffix": the label as the document wrote it when it used a variant. */
static const char *check_text(fctx *c, const hy_check_value *cv)
{
    const lay_check *ck = cv->check;
    const char *s = hy_arena_printf(c->a, "%s %s", cv->on ? c->f->mark_checked : c->f->mark_unchecked,
                                    cv->on ? fc_text(cv->label) : ck->label);
    if (ck->paren) s = hy_arena_printf(c->a, "%s ( %s )", s, cv->paren.s && *cv->paren.s ? cv->paren.s : "　");
    if (ck->suffix) s = hy_arena_printf(c->a, "%s %s", s, ck->suffix);
    return s;
}

/* The layout's number of columns, or fewer when an item would otherwise wrap inside its
 * column (long items such as 電子記録媒体(フラッシュメモリを除く。) in a narrow cell). */
static int check_columns(fctx *c, const hy_item *it, double w, hy_src src)
{
    double widest = 0;  /* the widest item that shares a row decides */
    for (size_t i = 0; i < it->n_checks; i++) {
        if (it->checks[i].check->wide) continue;
        double iw = hy_text_width(&c->ts, check_text(c, &it->checks[i]), c->f->size, src);
        if (iw > widest) widest = iw;
    }
    int cols = it->node->checks->columns;
    while (cols > 1 && widest > w / cols - 4) cols--;
    return cols;
}

/* Checkbox items in a grid, row by row; a `wide` item takes a row of its own. */
static void fill_checks(fctx *c, tb_cell *cell, const hy_item *it)
{
    hy_src src = fc_src(c, it->line, it->col);
    double w = fc_inner(cell);
    int cols = check_columns(c, it, w, src);
    double colw = w / cols;
    const char *group = NULL;
    int td = c->elem, l = tg_elem(&c->tg, td, "L");  /* a list per group, after its title (P) */
    for (size_t i = 0; i < it->n_checks;) {
        const lay_check *first = it->checks[i].check;
        if (first->group && first->group != group) {
            group = first->group;
            fc_tag(c, tg_elem(&c->tg, td, "P"));
            fc_add_text(c, cell, group, c->f->size, false, src, 0, w, NULL);
            l = tg_elem(&c->tg, td, "L");
        }
        tb_cell rowcells = {0};
        size_t col = 0;
        for (; i < it->n_checks && col < (size_t)cols; col++, i++) {
            const lay_check *ck = it->checks[i].check;
            if (ck->group != group || (ck->wide && col > 0)) break;
            tb_cell one = {0};
            double cw = ck->wide ? w : colw - 4;
            /* an LI: the mark a Lbl that says in words whether it is ticked */
            bool on = it->checks[i].on;
            int lbl, body;
            tg_item(&c->tg, l, true, on ? TG_ALT_CHECKED : TG_ALT_UNCHECKED, &lbl, &body);
            fc_tag_item(c, lbl, fc_chars(on ? c->f->mark_checked : c->f->mark_unchecked), body);
            fc_add_text(c, &one, check_text(c, &it->checks[i]), c->f->size, false, src, col * colw, cw, NULL);
            merge_strips(c, &rowcells, &one);
            if (ck->wide) { i++; col++; break; }
        }
        append_strips(c, cell, &rowcells);
    }
    fc_tag(c, td);
}

/* (別添1): paragraphs, headings and grids of items; a grid is a list, an item an LI. */
static void fill_grid(fctx *c, tb_cell *cell, const hy_block *b)
{
    int cols = b->columns;
    double w = fc_inner(cell), colw = w / cols;
    int l = tg_block(&c->tg, "L");
    for (size_t i = 0; i < b->n_items; i += (size_t)cols) {
        tb_cell rowcells = {0};
        for (int k = 0; k < cols && i + (size_t)k < b->n_items; k++) {
            hy_text t = b->items[i + (size_t)k];
            size_t label = tg_label_chars(fc_text(t));
            int lbl, body;
            tg_item(&c->tg, l, label > 0, NULL, &lbl, &body);
            fc_tag_item(c, lbl, label, body);
            tb_cell one = {0};
            fc_add_text(c, &one, fc_text(t), c->f->size, false, fc_src(c, t.line, t.col), k * colw, colw - 4, NULL);
            merge_strips(c, &rowcells, &one);
        }
        append_strips(c, cell, &rowcells);
    }
}

/* Not a table but headings, paragraphs (P) and lists, directly in the document. */
static void fill_blocks(fctx *c, tb_cell *cell, const hy_item *it)
{
    if (!it->is_list) {
        fc_tag(c, tg_block(&c->tg, "P"));
        fc_cell_text(c, cell, fc_text(it->text), fc_src(c, it->line, it->col));
        return;
    }
    for (size_t i = 0; i < it->n_blocks; i++) {
        const hy_block *b = &it->blocks[i];
        if (b->heading.s) {
            fc_tag(c, tg_heading(&c->tg, c->nest));
            fc_add_text(c, cell, b->heading.s, c->f->size, true, fc_src(c, b->heading.line, b->heading.col), 0,
                        fc_inner(cell), NULL);
        }
        if (b->body.s) {
            fc_tag(c, tg_block(&c->tg, "P"));
            fc_cell_text(c, cell, b->body.s, fc_src(c, b->body.line, b->body.col));
        }
        if (b->items) fill_grid(c, cell, b);
    }
}

void fc_fill_value(fctx *c, tb_cell *cell, const hy_item *it)
{
    hy_src src = fc_src(c, it->line, it->col);
    switch (it->node->kind) {
    case LK_CHOICE: fill_choice(c, cell, it); break;
    case LK_CHECKS: fill_checks(c, cell, it); break;
    case LK_BLOCKS: fill_blocks(c, cell, it); break;
    case LK_DATE: fc_cell_text(c, cell, fc_date(c, it), src); break;
    default:
        fc_cell_text(c, cell, it->node->value_kind == LK_DATE ? fc_date(c, it) : fc_text(it->text), src);
        break;
    }
}
