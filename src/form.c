/* form.c — document + layout → rows → pages (see form.h).
 *
 * Column plan of the assessment grid (fractions of the text width come from the layout):
 *   | label (col_label) | value                                   |   ordinary item
 *   | parent | sublabel (col_sublabel) | value                    |   rows of a span
 *   | band: the whole width                                      |   1. headings, risks
 */
#include "form.h"
#include "era.h"
#include "table.h"
#include "typeset.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shades of the form: headings darker than labels, values white. */
#define GRAY_BAND 0.82
#define GRAY_RISK 0.88
#define GRAY_LABEL 0.93
#define GRAY_NONE 1.0
#define PAD_X 4.0
#define PAD_Y 3.0
#define MAX_CONT_LINES 4   /* lines of a label repeated on a continuation page */

typedef struct {
    const lay_form *f;
    const yl_doc *doc;
    hy_typesetter ts;
    hy_arena *a;
    const char *gannen;
    double W;               /* text width */
    double lh, lh_small;    /* line heights */
    hy_vec rows;            /* tb_row * in order */
    tb_row *header[2];      /* header rows of the table being built */
    bool page_before;       /* the next row starts a new page */
    const char *mark;       /* bookmark for the next row */
    int mark_level;
} fctx;

/* ---- small helpers -------------------------------------------------------------------- */

static hy_src src_of(const fctx *c, const yl_node *n)
{
    return (hy_src){c->doc->file, n ? n->line : 0, n ? n->col : 0};
}

static const char *text_of(const yl_node *n)
{
    return !n || n->kind != YL_SCALAR || yl_is_null(n) ? "" : n->str;
}

static const char *date_of(fctx *c, const yl_node *n)
{
    hy_date dt;
    if (!n || yl_is_null(n) || n->kind != YL_SCALAR || !hy_date_parse(n->str, &dt)) return text_of(n);
    char buf[64];
    if (!hy_date_format(dt, c->gannen, buf, sizeof buf)) return n->str;
    return hy_arena_strdup(c->a, buf);
}

/* Replaces "{name}" in s by val (labels like システム{n}, titles like …（{事務名}）). */
static const char *subst(fctx *c, const char *s, const char *name, const char *val)
{
    char pat[128];
    snprintf(pat, sizeof pat, "{%s}", name);
    const char *at = strstr(s, pat);
    if (!at) return s;
    return hy_arena_printf(c->a, "%.*s%s%s", (int)(at - s), s, val, at + strlen(pat));
}

static tb_row *add_row(fctx *c)
{
    tb_row *r = tb_row_new(c->a);
    r->header[0] = c->header[0];
    r->header[1] = c->header[1];
    r->page_before = c->page_before;
    r->mark = c->mark;
    r->mark_level = c->mark_level;
    c->page_before = false;
    c->mark = NULL;
    hy_vec_push(&c->rows, r);
    return r;
}

static double inner(const tb_cell *cell) { return cell->w - 2 * PAD_X; }

/* Appends one strip per line of text, starting at x offset dx within the cell. */
static void add_text(fctx *c, tb_cell *cell, const char *text, double size, bool bold, hy_src src,
                     double dx, double width, const char *align)
{
    hy_tline *lines;
    size_t n = hy_typeset(&c->ts, text, size, width, src, &lines);
    double lh = size * c->f->leading;
    for (size_t i = 0; i < n; i++) {
        tb_strip *s = tb_strip_add(c->a, cell, lh, lines[i].n_runs);
        double shift = 0;
        if (align && !strcmp(align, "center")) shift = (width - lines[i].width) / 2;
        if (align && !strcmp(align, "right")) shift = width - lines[i].width;
        double base = (lh - size) / 2 + size * 0.88;
        for (size_t k = 0; k < lines[i].n_runs; k++) {
            const hy_run *run = &lines[i].runs[k];
            tb_strip_push(c->a, s, (tb_text){dx + shift + run->x, base, size, run->font, bold, run->utf8, 0});
            if (run->underline)
                tb_strip_push(c->a, s, (tb_text){dx + shift + run->x, base + size * 0.15, size, 0, false, NULL, run->w});
        }
    }
}

static void cell_text(fctx *c, tb_cell *cell, const char *text, hy_src src)
{
    add_text(c, cell, text, c->f->size, false, src, 0, inner(cell), NULL);
}

/* Gives cell the content it shows on a continuation page: the label marked （続き）, wrapped
 * at the cell's own width. */
static void set_cont(fctx *c, tb_cell *cell, const char *label, bool bold, hy_src src)
{
    cell->cont = hy_arena_alloc(c->a, sizeof *cell->cont);
    *cell->cont = *cell;
    cell->cont->n = cell->cont->cap = 0;
    cell->cont->strips = NULL;
    cell->cont->cont = NULL;
    add_text(c, cell->cont, hy_arena_printf(c->a, "%s%s", label, c->f->continued), c->f->size, bold,
             src, 0, inner(cell), NULL);
    /* A repeated label is a reminder, not the text: a long one is cut to its first lines (it
     * was printed in full where it began), so that it can never fill a page by itself. */
    if (cell->cont->n > MAX_CONT_LINES) {
        cell->cont->n = MAX_CONT_LINES - 1;
        add_text(c, cell->cont, hy_arena_printf(c->a, "\u2026%s", c->f->continued), c->f->size, bold, src, 0,
                 inner(cell), NULL);
    }
}

/* A label cell; on a continuation page it shows the label marked （続き）. */
static tb_cell *label_cell_at(fctx *c, tb_row *r, double x, double w, double gray, const char *label,
                              bool bold, hy_src src)
{
    tb_cell *cell = tb_cell_add(c->a, r, x, w, gray);
    add_text(c, cell, label, c->f->size, bold, src, 0, inner(cell), NULL);
    set_cont(c, cell, label, bold, src);
    return cell;
}

/* A label of the layout (messages about its text point at the layout file). */
static tb_cell *label_cell(fctx *c, tb_row *r, double x, double w, double gray, const char *label,
                           bool bold)
{
    return label_cell_at(c, r, x, w, gray, label, bold, (hy_src){c->f->path, 0, 0});
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
    if (*c->f->mark_options) add_text(c, col, c->f->mark_options, sz, false, none, 0, width, NULL);
    const char **item = hy_arena_alloc(c->a, (o->n + 1) * sizeof *item);
    bool pairs = o->n >= 2;
    for (size_t i = 0; i < o->n; i++) {
        item[i] = hy_arena_printf(c->a, "%zu) %s", i + 1, o->opts[i].text);
        if (hy_text_width(&c->ts, item[i], sz, none) > half) pairs = false;
    }
    for (size_t i = 0; i < o->n; i++) {
        if (!pairs) {
            add_text(c, col, item[i], sz, false, none, 0, width, NULL);
            continue;
        }
        tb_cell pair = {0};
        add_text(c, &pair, item[i], sz, false, none, 0, half, NULL);
        if (i + 1 < o->n) add_text(c, &pair, item[++i], sz, false, none, width / 2, half, NULL);
        tb_strip *s = tb_strip_add(c->a, col, pair.strips[0].h, 4);
        for (size_t k = 0; k < pair.n; k++)
            for (size_t t = 0; t < pair.strips[k].n; t++) tb_strip_push(c->a, s, pair.strips[k].texts[t]);
    }
}

static void fill_choice(fctx *c, tb_cell *cell, const lay_node *ln, const yl_node *map)
{
    const yl_node *v = yl_get(map, ln->key);
    const char *val = text_of(v);
    const char *shown = *val ? hy_arena_printf(c->a, "[ %s ]", val) : c->f->mark_empty_choice;
    if (ln->count_key) {
        const char *cnt = text_of(yl_get(map, ln->count_key));
        shown = hy_arena_printf(c->a, "%s　%s", shown, subst(c, c->f->mark_count, "", *cnt ? cnt : "　"));
    }
    double w = inner(cell), lw = w * 0.44, rw = w - lw - 6;
    tb_cell left = {0}, right = {0};
    add_text(c, &left, shown, c->f->size, false, src_of(c, v ? v : map), 0, lw, NULL);
    options_column(c, &right, ln->options, rw);
    zip_columns(c, cell, &left, &right, lw + 6);
}

static bool checked(const yl_node *list, const lay_checklist *cl, const lay_check *ck,
                    const yl_node **text)
{
    *text = NULL;
    for (size_t i = 0; list && list->kind == YL_SEQ && i < list->n; i++) {
        const yl_node *it = list->items[i];
        const yl_node *name = it->kind == YL_MAP && it->n == 1 ? it->items[0] : it;
        if (name->kind == YL_SCALAR && hy_check_match(cl, name->str) == ck) {
            if (it != name) *text = it->vals[0];
            return true;
        }
    }
    return false;
}

/* The label as the document wrote it, when it used an accepted variant of the item. */
static const char *item_label(const yl_node *list, const lay_checklist *cl, const lay_check *ck)
{
    for (size_t i = 0; list && list->kind == YL_SEQ && i < list->n; i++) {
        const yl_node *it = list->items[i];
        const yl_node *name = it->kind == YL_MAP && it->n == 1 ? it->items[0] : it;
        if (name->kind == YL_SCALAR && hy_check_match(cl, name->str) == ck) return name->str;
    }
    return ck->label;
}

static const char *check_text(fctx *c, const yl_node *list, const lay_checklist *cl, const lay_check *ck)
{
    const yl_node *t;
    bool on = checked(list, cl, ck, &t);
    const char *s = hy_arena_printf(c->a, "%s %s", on ? c->f->mark_checked : c->f->mark_unchecked,
                                    item_label(list, cl, ck));
    if (ck->paren) s = hy_arena_printf(c->a, "%s ( %s )", s, *text_of(t) ? text_of(t) : "　");
    if (ck->suffix) s = hy_arena_printf(c->a, "%s %s", s, ck->suffix);
    return s;
}

/* The layout's number of columns, or fewer when an item would otherwise wrap inside its
 * column (long items such as 電子記録媒体(フラッシュメモリを除く。) in a narrow cell). */
static int check_columns(fctx *c, const yl_node *list, const lay_checklist *cl, double w, hy_src src)
{
    double widest = 0;  /* the widest item that shares a row decides */
    for (size_t i = 0; i < cl->n; i++) {
        if (cl->items[i].wide) continue;
        double iw = hy_text_width(&c->ts, check_text(c, list, cl, &cl->items[i]), c->f->size, src);
        if (iw > widest) widest = iw;
    }
    int cols = cl->columns;
    while (cols > 1 && widest > w / cols - 4) cols--;
    return cols;
}

/* Checkbox items in a grid, row by row; a `wide` item takes a row of its own. */
static void fill_checks(fctx *c, tb_cell *cell, const lay_node *ln, const yl_node *map)
{
    const lay_checklist *cl = ln->checks;
    const yl_node *list = yl_get(map, ln->key);
    hy_src src = src_of(c, list ? list : map);
    double w = inner(cell);
    int cols = check_columns(c, list, cl, w, src);
    double colw = w / cols;
    const char *group = NULL;
    for (size_t i = 0; i < cl->n;) {
        if (cl->items[i].group && cl->items[i].group != group) {
            group = cl->items[i].group;
            add_text(c, cell, group, c->f->size, false, src, 0, w, NULL);
        }
        tb_cell rowcells = {0};
        size_t col = 0;
        for (; i < cl->n && col < (size_t)cols; col++, i++) {
            const lay_check *ck = &cl->items[i];
            if (ck->group != group || (ck->wide && col > 0)) break;
            tb_cell one = {0};
            double cw = ck->wide ? w : colw - 4;
            add_text(c, &one, check_text(c, list, cl, ck), c->f->size, false, src, col * colw, cw, NULL);
            merge_strips(c, &rowcells, &one);
            if (ck->wide) { i++; col++; break; }
        }
        append_strips(c, cell, &rowcells);
    }
}

/* (別添1): paragraphs, headings and grids of items. */
static void fill_grid(fctx *c, tb_cell *cell, const yl_node *items, int cols)
{
    double w = inner(cell), colw = w / cols;
    for (size_t i = 0; i < items->n; i += (size_t)cols) {
        tb_cell rowcells = {0};
        for (int k = 0; k < cols && i + (size_t)k < items->n; k++) {
            const yl_node *it = items->items[i + (size_t)k];
            tb_cell one = {0};
            add_text(c, &one, text_of(it), c->f->size, false, src_of(c, it), k * colw, colw - 4, NULL);
            merge_strips(c, &rowcells, &one);
        }
        append_strips(c, cell, &rowcells);
    }
}

static void fill_blocks(fctx *c, tb_cell *cell, const yl_node *v)
{
    if (!v || v->kind == YL_SCALAR) {
        cell_text(c, cell, text_of(v), src_of(c, v));
        return;
    }
    for (size_t i = 0; i < v->n; i++) {
        const yl_node *b = v->items[i];
        if (b->kind == YL_SCALAR) {
            cell_text(c, cell, text_of(b), src_of(c, b));
            continue;
        }
        const yl_node *h = yl_get(b, "見出し"), *t = yl_get(b, "本文"), *items = yl_get(b, "項目");
        const yl_node *cols = yl_get(b, "列数");
        if (h) add_text(c, cell, text_of(h), c->f->size, true, src_of(c, h), 0, inner(cell), NULL);
        if (t) cell_text(c, cell, text_of(t), src_of(c, t));
        if (items && items->kind == YL_SEQ) fill_grid(c, cell, items, cols ? atoi(cols->str) : 1);
    }
}

/* Fills a value cell for a leaf node. */
static void fill_value(fctx *c, tb_cell *cell, const lay_node *ln, const yl_node *map)
{
    const yl_node *v = ln->key ? yl_get(map, ln->key) : NULL;
    switch (ln->kind) {
    case LK_CHOICE: fill_choice(c, cell, ln, map); break;
    case LK_CHECKS: fill_checks(c, cell, ln, map); break;
    case LK_BLOCKS: fill_blocks(c, cell, v); break;
    case LK_DATE: cell_text(c, cell, date_of(c, v), src_of(c, v)); break;
    default:
        cell_text(c, cell, ln->value_kind == LK_DATE ? date_of(c, v) : text_of(v), src_of(c, v ? v : map));
        break;
    }
}

/* ---- rows ----------------------------------------------------------------------------- */

static double label_w(const fctx *c) { return c->W * c->f->col_label; }
static double sublabel_w(const fctx *c) { return c->W * c->f->col_sublabel; }

static tb_row *band_row(fctx *c, const char *label, double gray)
{
    tb_row *r = add_row(c);
    label_cell(c, r, 0, c->W, gray, label, true);
    r->keep_with_next = true;
    return r;
}

static void full_value_row(fctx *c, const lay_node *ln, const yl_node *map)
{
    tb_row *r = add_row(c);
    fill_value(c, tb_cell_add(c->a, r, 0, c->W, GRAY_NONE), ln, map);
}

static void item_row(fctx *c, const lay_node *ln, const yl_node *map)
{
    if (!ln->label) {
        full_value_row(c, ln, map);
        return;
    }
    if (ln->wide) {
        band_row(c, ln->label, GRAY_LABEL)->keep_with_next = true;
        full_value_row(c, ln, map);
        return;
    }
    tb_row *r = add_row(c);
    label_cell(c, r, 0, label_w(c), GRAY_LABEL, ln->label, false);
    fill_value(c, tb_cell_add(c->a, r, label_w(c), c->W - label_w(c), GRAY_NONE), ln, map);
}

static void emit_rows(fctx *c, const lay_node *parent, const yl_node *map);
static void emit(fctx *c, const lay_node *ln, const yl_node *map);

/* A span: the parent label runs down the left of its sub-rows. With a value of its own, the
 * span's first row has the parent label across both label columns, then the value; the sub-rows
 * below continue the parent column (merged, no rule) with their own labels. */
static void span_rows(fctx *c, const lay_node *ln, const yl_node *map)
{
    double lw = label_w(c), pw = lw - sublabel_w(c);
    tb_cell *prev = NULL;
    size_t total = ln->n_rows + (ln->value ? 1 : 0);
    for (size_t i = 0; i < total; i++) {
        const lay_node *sub = ln->value ? (i == 0 ? ln->value : ln->rows[i - 1]) : ln->rows[i];
        tb_row *r = add_row(c);
        tb_cell *p;
        if (i == 0)
            p = label_cell(c, r, 0, sub == ln->value ? lw : pw, GRAY_LABEL, ln->label, false);
        else {
            p = tb_cell_add(c->a, r, 0, pw, GRAY_LABEL);
            p->merge_up = true;
            /* After a first row across both label columns, the parent column is narrower: its
             * continuation is wrapped again at its own width. */
            if (prev->w == pw) p->cont = prev->cont;
            else set_cont(c, p, ln->label, false, (hy_src){c->f->path, 0, 0});
        }
        if (prev) prev->merge_down = true;
        prev = p;
        if (sub != ln->value) label_cell(c, r, pw, lw - pw, GRAY_LABEL, sub->label ? sub->label : "", false);
        fill_value(c, tb_cell_add(c->a, r, lw, c->W - lw, GRAY_NONE), sub, map);
    }
}

static void head_row(fctx *c, const lay_node *ln, const yl_node *map)
{
    if (!ln->n_head_checks) {
        band_row(c, ln->label, GRAY_BAND);
        return;
    }
    hy_buf b = {0};
    for (size_t i = 0; i < ln->n_head_checks; i++) {
        const yl_node *v = yl_get(map, ln->head_checks[i]);
        bool on = v && v->kind == YL_SCALAR && !strcmp(v->str, "true");
        hy_buf_printf(&b, "%s%s %s", i ? "　" : "", on ? c->f->mark_checked : c->f->mark_unchecked,
                      ln->head_checks[i]);
    }
    hy_src none = {c->f->path, 0, 0};
    double cw = hy_text_width(&c->ts, b.data, c->f->size, none) + 2 * PAD_X + 2;
    if (cw > c->W / 2) cw = c->W / 2;
    tb_row *r = add_row(c);
    r->keep_with_next = true;
    label_cell(c, r, 0, c->W - cw, GRAY_BAND, ln->label, true);
    tb_cell *chk = tb_cell_add(c->a, r, c->W - cw, cw, GRAY_BAND);
    cell_text(c, chk, b.data, none);
    hy_buf_free(&b);
}

static void group_entity(fctx *c, const lay_node *ln, const yl_node *entry, int n)
{
    tb_row *r = add_row(c);
    char num[16];
    snprintf(num, sizeof num, "%d", n);
    label_cell(c, r, 0, label_w(c), GRAY_LABEL, subst(c, ln->label, "n", num), true);
    tb_cell *v = tb_cell_add(c->a, r, label_w(c), c->W - label_w(c), GRAY_NONE);
    const yl_node *t = ln->title_key ? yl_get(entry, ln->title_key) : NULL;
    cell_text(c, v, text_of(t), src_of(c, t ? t : entry));
    r->keep_with_next = true;
    emit_rows(c, ln, entry);
}

static void range_row(fctx *c, const lay_node *ln, int from, int to, bool followed)
{
    tb_row *r = add_row(c);
    label_cell(c, r, 0, label_w(c), GRAY_LABEL,
               subst(c, ln->label, "n", hy_arena_printf(c->a, "%d%s%d", from, c->f->mark_range, to)), true);
    cell_text(c, tb_cell_add(c->a, r, label_w(c), c->W - label_w(c), GRAY_NONE), "", (hy_src){0});
    r->keep_with_next = followed;  /* stays with the entities printed under it */
}

/* Entity 1 always prints (empty if need be); range rows print even when empty. */
static void group_rows(fctx *c, const lay_node *ln, const yl_node *map)
{
    const yl_node *list = yl_get(map, ln->key);
    size_t n = list && list->kind == YL_SEQ ? list->n : 0;
    static const yl_node empty_map = {.kind = YL_MAP};
    group_entity(c, ln, n ? list->items[0] : &empty_map, 1);
    size_t next = 1;
    for (size_t r = 0; r < ln->n_ranges; r++) {
        range_row(c, ln, ln->ranges[r][0], ln->ranges[r][1], next < n && next + 1 <= (size_t)ln->ranges[r][1]);
        for (; next < n && next + 1 <= (size_t)ln->ranges[r][1]; next++)
            group_entity(c, ln, list->items[next], (int)next + 1);
    }
    for (; next < n; next++) group_entity(c, ln, list->items[next], (int)next + 1);
}

static void fields_rows(fctx *c, const lay_node *ln, const yl_node *map)
{
    tb_row *h = add_row(c), *v = add_row(c);
    h->keep_with_next = true;
    double x = 0;
    for (size_t i = 0; i < ln->n_rows; i++) {
        const lay_node *cell = ln->rows[i];
        double w = c->W * cell->width;
        if (i + 1 == ln->n_rows) w = c->W - x;
        label_cell(c, h, x, w, GRAY_LABEL, cell->label ? cell->label : "", false);
        fill_value(c, tb_cell_add(c->a, v, x, w, GRAY_NONE), cell, map);
        x += w;
    }
}

static void title_row(fctx *c, const lay_node *ln, const yl_node *map, double size, const char *align)
{
    const char *text = ln->text ? ln->text : ln->title;
    const char *open = strchr(text, '{'), *close = open ? strchr(open, '}') : NULL;
    if (open && close) {
        const char *key = hy_arena_strndup(c->a, open + 1, (size_t)(close - open - 1));
        text = subst(c, text, key, text_of(yl_get(c->doc->root, key)));
    }
    tb_row *r = add_row(c);
    r->borderless = true;
    r->keep_with_next = true;
    tb_cell *cell = tb_cell_add(c->a, r, 0, c->W, GRAY_NONE);
    add_text(c, cell, text, size, true, src_of(c, map), PAD_X, c->W - 2 * PAD_X, align);
    tb_strip_add(c->a, cell, size * 0.6, 0);  /* space below the title */
}

static void toc_rows(fctx *c, const lay_node *ln)
{
    c->page_before = c->page_before || ln->new_page;
    tb_row *gap = add_row(c);
    gap->borderless = true;
    tb_strip_add(c->a, tb_cell_add(c->a, gap, 0, c->W, GRAY_NONE), c->f->size, 0);
    lay_node t = {.kind = LK_TITLE, .text = ln->label};
    title_row(c, &t, c->doc->root, c->f->section_size, NULL);
    tb_row *r = add_row(c);
    r->borderless = true;
    tb_cell *cell = tb_cell_add(c->a, r, 0, c->W, GRAY_NONE);
    for (size_t i = 0; i < ln->n_lines; i++)
        add_text(c, cell, ln->lines[i], c->f->size + 1, false, (hy_src){0}, 2 * PAD_X + 10,
                 c->W - 40, NULL);
}

/* ---- tables (別添2, the correction table) --------------------------------------------- */

typedef struct {
    const lay_node *col;
    double x, w;
    const char *label, *label2;
    size_t index;           /* item of a multi column */
} tcol;

static size_t table_columns(fctx *c, const lay_node *ln, tcol *out, size_t cap)
{
    size_t n = 0;
    double x = 0;
    for (size_t i = 0; i < ln->n_rows && n < cap; i++) {
        const lay_node *col = ln->rows[i];
        const yl_node *labels = col->labels_from ? yl_get(c->doc->root, col->labels_from) : NULL;
        size_t k = col->multi && labels && labels->kind == YL_SEQ ? labels->n : 1;
        double w = c->W * col->width / (double)(k ? k : 1);
        const char *l2 = col->label2_from ? text_of(yl_get(c->doc->root, col->label2_from)) : "";
        for (size_t j = 0; j < k && n < cap; j++) {
            const char *label = col->multi && labels && labels->kind == YL_SEQ ? text_of(labels->items[j]) : col->label;
            out[n++] = (tcol){col, x, w, label ? label : "", l2, j};
            x += w;
        }
    }
    if (n) out[n - 1].w = c->W - out[n - 1].x;  /* absorb rounding into the last column */
    return n;
}

static void table_rows(fctx *c, const lay_node *ln, const yl_node *map)
{
    tcol cols[32];
    size_t n = table_columns(c, ln, cols, 32);
    tb_row *h1 = add_row(c);
    h1->keep_with_next = true;
    tb_row *h2 = NULL;
    bool second = false;
    for (size_t i = 0; i < n; i++) second = second || *cols[i].label2;
    for (size_t i = 0; i < n; i++)
        cell_text(c, tb_cell_add(c->a, h1, cols[i].x, cols[i].w, GRAY_LABEL), cols[i].label, (hy_src){0});
    if (second) {
        h2 = add_row(c);
        h2->keep_with_next = true;
        for (size_t i = 0; i < n; i++)
            cell_text(c, tb_cell_add(c->a, h2, cols[i].x, cols[i].w, GRAY_LABEL), cols[i].label2, (hy_src){0});
    }
    c->header[0] = h1;
    c->header[1] = h2;
    const yl_node *list = yl_get(map, ln->key);
    for (size_t i = 0; list && list->kind == YL_SEQ && i < list->n; i++) {
        const yl_node *row = list->items[i];
        tb_row *r = add_row(c);
        for (size_t k = 0; k < n; k++) {
            const yl_node *v = yl_get(row, cols[k].col->key);
            if (cols[k].col->multi) v = v && v->kind == YL_SEQ && cols[k].index < v->n ? v->items[cols[k].index] : NULL;
            const char *t = cols[k].col->kind == LK_DATE ? date_of(c, v) : text_of(v);
            if (cols[k].col->repeat) /* repeated, marked continued, on the pages the row continues on */
                label_cell_at(c, r, cols[k].x, cols[k].w, GRAY_NONE, t, false, src_of(c, v ? v : row));
            else
                cell_text(c, tb_cell_add(c->a, r, cols[k].x, cols[k].w, GRAY_NONE), t, src_of(c, v ? v : row));
        }
    }
    c->header[0] = c->header[1] = NULL;
}

/* ---- the walk ------------------------------------------------------------------------- */

static const yl_node *sub_map(const lay_node *ln, const yl_node *map)
{
    static const yl_node empty_map = {.kind = YL_MAP};
    if (!ln->key) return map;
    const yl_node *m = yl_get(map, ln->key);
    return m && m->kind == YL_MAP ? m : &empty_map;
}

static void section(fctx *c, const lay_node *ln, const yl_node *map)
{
    c->page_before = c->page_before || ln->new_page;
    c->mark = ln->bookmark ? ln->bookmark : ln->title;
    c->mark_level = 0;
    if (ln->title) {
        lay_node t = {.kind = LK_TITLE, .text = ln->title};
        title_row(c, &t, map, c->f->section_size, NULL);
    }
    emit_rows(c, ln, sub_map(ln, map));
}

static void emit(fctx *c, const lay_node *ln, const yl_node *map)
{
    switch (ln->kind) {
    case LK_SECTION: section(c, ln, map); break;
    case LK_TITLE: title_row(c, ln, map, c->f->title_size, ln->align ? ln->align : "center"); break;
    case LK_TOC: toc_rows(c, ln); break;
    case LK_HEAD:
        c->mark = ln->label;
        c->mark_level = 1;
        head_row(c, ln, sub_map(ln, map));
        emit_rows(c, ln, sub_map(ln, map));
        break;
    case LK_RISK:
        band_row(c, ln->label, GRAY_RISK);
        emit_rows(c, ln, sub_map(ln, map));
        break;
    case LK_SPAN: span_rows(c, ln, map); break;
    case LK_GROUP: group_rows(c, ln, map); break;
    case LK_FIELDS: fields_rows(c, ln, map); break;
    case LK_BLOCK:
        band_row(c, ln->label, GRAY_LABEL);
        full_value_row(c, ln, map);
        break;
    case LK_TABLE: table_rows(c, ln, map); break;
    case LK_PARAM: break;
    default: item_row(c, ln, map); break;
    }
}

static void emit_rows(fctx *c, const lay_node *parent, const yl_node *map)
{
    for (size_t i = 0; i < parent->n_rows; i++) emit(c, parent->rows[i], map);
}

/* ---- page furniture and document information ----------------------------------------- */

static void furniture(fctx *c, hy_boxes *b, const hy_form_options *opt)
{
    hy_src none = {0};
    double size = 8;
    for (size_t i = 0; i < b->n_pages; i++) {
        hy_page *p = &b->pages[i];
        p->label = hy_arena_printf(&b->arena, "%zu", i + 1);
        const char *num = hy_arena_printf(&b->arena, "%zu / %zu", i + 1, b->n_pages);
        double w = hy_text_width(&c->ts, num, size, none);
        hy_page_text(p, (hy_textbox){(b->width - w) / 2, b->height - c->f->margin[2] / 2, size, 0, false, 0, 0, 1, num});
        if (opt && opt->stamp) {
            double sw = hy_text_width(&c->ts, opt->stamp, 11, src_of(c, NULL));
            double x = b->width - c->f->margin[1] - sw;
            hy_page_text(p, (hy_textbox){x, c->f->margin[0] - 12, 11, 0, true, 0, 0, 1, hy_arena_strdup(&b->arena, opt->stamp)});
            hy_page_rule(p, x - 4, c->f->margin[0] - 25, b->width - c->f->margin[1] + 4, c->f->margin[0] - 25, 0.5);
            hy_page_rule(p, x - 4, c->f->margin[0] - 7, b->width - c->f->margin[1] + 4, c->f->margin[0] - 7, 0.5);
            hy_page_rule(p, x - 4, c->f->margin[0] - 25, x - 4, c->f->margin[0] - 7, 0.5);
            hy_page_rule(p, b->width - c->f->margin[1] + 4, c->f->margin[0] - 25, b->width - c->f->margin[1] + 4, c->f->margin[0] - 7, 0.5);
        }
        if (opt && opt->watermark) {
            double ws = 96;
            double ww = hy_text_width(&c->ts, opt->watermark, ws, src_of(c, NULL));
            /* centred on the page, rotated 45°: start half the width back along the diagonal */
            double cx = b->width / 2 - ww / 2 * 0.7071, cy = b->height / 2 + ww / 2 * 0.7071;
            hy_page_text(p, (hy_textbox){cx, cy, ws, 0, false, 0, 45, 0.15, hy_arena_strdup(&b->arena, opt->watermark)});
        }
    }
}

static const char *meta_value(fctx *c, const char *path)
{
    if (!path) return NULL;
    const yl_node *n = c->doc->root;
    char *p = hy_arena_strdup(c->a, path), *save = NULL;
    for (char *k = strtok_r(p, ".", &save); k && n; k = strtok_r(NULL, ".", &save)) n = yl_get(n, k);
    return n && n->kind == YL_SCALAR && !yl_is_null(n) ? n->str : NULL;
}

static void doc_info(fctx *c, hy_boxes *b, const hy_form_options *opt)
{
    const char *title = meta_value(c, c->f->meta_title);
    if (title && c->f->meta_title_format) title = subst(c, c->f->meta_title_format, "", title);
    b->title = title ? hy_arena_strdup(&b->arena, title) : NULL;
    const char *author = meta_value(c, c->f->meta_author);
    b->author = author ? hy_arena_strdup(&b->arena, author) : NULL;
    b->subject = c->f->meta_subject ? hy_arena_strdup(&b->arena, c->f->meta_subject) : NULL;
    const char *date = meta_value(c, c->f->meta_date);
    if (!date && opt) date = opt->date;
    b->date = date ? hy_arena_strdup(&b->arena, date) : NULL;
}

bool hy_form_layout(const lay_form *form, const yl_doc *doc, hy_fontset *fonts,
                    const hy_form_options *opt, hy_boxes *b, hy_diags *d)
{
    memset(b, 0, sizeof *b);
    fctx c = {.f = form, .doc = doc, .a = &b->arena};
    c.ts = (hy_typesetter){fonts, &b->arena, d, true, form->underline_markup};
    const yl_node *style = yl_get(doc->root, HY_KEY_STYLE);
    const yl_node *g = yl_get(style, "元年表記");
    c.gannen = g && g->kind == YL_SCALAR ? g->str : form->gannen;
    b->width = form->page_w;
    b->height = form->page_h;
    c.W = form->page_w - form->margin[1] - form->margin[3];
    emit_rows(&c, &form->root, doc->root);
    tb_geometry geo = {form->page_w, form->page_h, form->margin[0], form->margin[1], form->margin[2],
                       form->margin[3], PAD_X, PAD_Y, 0.5};
    tb_paginate((tb_row **)c.rows.items, c.rows.n, &geo, b);
    hy_vec_free(&c.rows);
    furniture(&c, b, opt);
    for (size_t i = 0; i < b->n_pages; i++) hy_page_merge_rules(&b->pages[i]);
    doc_info(&c, b, opt);
    return c.ts.ok;
}
