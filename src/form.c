/* form.c — the bound model → rows of cells → pages (see form.h). Cell contents are filled
 * by form_cell.c; this file decides which rows an item makes and in what order.
 *
 * Column plan of the assessment grid (fractions of the text width come from the layout):
 *   | label (col_label) | value                                   |   ordinary item
 *   | parent | sublabel (col_sublabel) | value                    |   rows of a span
 *   | band: the whole width                                      |   1. headings, risks
 */
#include "form_cell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tb_row *add_row(fctx *c)
{
    tb_row *r = tb_row_new(c->a);
    r->header[0] = c->header[0];
    r->header[1] = c->header[1];
    r->page_before = c->page_before;
    r->mark = c->mark;
    r->mark_level = c->mark_level;
    r->item = c->cur;
    c->page_before = false;
    c->mark = NULL;
    hy_vec_push(&c->rows, r);
    c->height += c->row_h;
    c->row_h = 0;
    return r;
}

/* ---- rows ----------------------------------------------------------------------------- */

static double label_w(const fctx *c) { return c->W * c->f->col_label; }
static double sublabel_w(const fctx *c) { return c->W * c->f->col_sublabel; }

static tb_row *band_row(fctx *c, const char *label, double gray)
{
    tb_row *r = add_row(c);
    fc_label_cell(c, r, 0, c->W, gray, label, true);
    r->keep_with_next = true;
    return r;
}

/* A value across the whole width: a TD across the table (別添1's blocks are no table). */
static void full_value_row(fctx *c, const hy_item *it)
{
    if (it->node->kind != LK_BLOCKS) fc_tag(c, tg_cell(&c->tg, tg_row(&c->tg), "TD", 0, 1, 3));
    tb_row *r = add_row(c);
    fc_fill_value(c, tb_cell_add(c->a, r, 0, c->W, GRAY_NONE), it);
}

/* A label across the whole width, over its value: a TH for the column below. */
static tb_row *label_band(fctx *c, const char *label)
{
    fc_tag(c, tg_cell(&c->tg, tg_row(&c->tg), "TH", 'C', 1, 3));
    return band_row(c, label, GRAY_LABEL);
}

static void item_row(fctx *c, const hy_item *it)
{
    const lay_node *ln = it->node;
    if (!ln->label) {
        full_value_row(c, it);
        return;
    }
    if (ln->wide) {
        label_band(c, ln->label)->keep_with_next = true;
        full_value_row(c, it);
        return;
    }
    tb_row *r = add_row(c);
    int tr = tg_row(&c->tg);
    fc_tag(c, tg_cell(&c->tg, tr, "TH", 'R', 1, 2));
    fc_label_cell(c, r, 0, label_w(c), GRAY_LABEL, ln->label, false);
    fc_tag(c, tg_cell(&c->tg, tr, "TD", 0, 1, 1));
    fc_fill_value(c, tb_cell_add(c->a, r, label_w(c), c->W - label_w(c), GRAY_NONE), it);
}

static void emit_rows(fctx *c, const hy_item *parent);
static void emit(fctx *c, const hy_item *it);

/* A span: the parent label runs down the left of its sub-rows. With a value of its own (its
 * first kid), the span's first row has the parent label across both label columns, then the
 * value; the sub-rows below continue the parent column (merged, no rule) with their own labels. */
static void span_rows(fctx *c, const hy_item *it)
{
    const lay_node *ln = it->node;
    double lw = label_w(c), pw = lw - sublabel_w(c);
    tb_cell *prev = NULL;
    if (it->n_kids) tg_spans(&c->tg);
    for (size_t i = 0; i < it->n_kids; i++) {
        const hy_item *sub = it->kids[i];
        bool own = sub->node == ln->value;
        c->cur = sub;
        tb_row *r = add_row(c);
        tb_cell *p;
        int tr = tg_row(&c->tg);  /* the parent label a TH spanning all the rows */
        if (i == 0) fc_tag(c, tg_cell(&c->tg, tr, "TH", 'R', (int)it->n_kids, 1));
        if (i == 0)
            p = fc_label_cell(c, r, 0, own ? lw : pw, GRAY_LABEL, ln->label, false);
        else {
            p = tb_cell_add(c->a, r, 0, pw, GRAY_LABEL);
            p->merge_up = true;
            /* After a first row across both label columns, the parent column is narrower: its
             * continuation is wrapped again at its own width. */
            if (prev->w == pw) p->cont = prev->cont;
            else fc_set_cont(c, p, ln->label, false, fc_layout_src(c));
        }
        if (prev) prev->merge_down = true;
        prev = p;
        if (!own) {
            fc_tag(c, tg_cell(&c->tg, tr, "TH", 'R', 1, 1));
            fc_label_cell(c, r, pw, lw - pw, GRAY_LABEL, sub->node->label ? sub->node->label : "", false);
        }
        fc_tag(c, tg_cell(&c->tg, tr, "TD", 0, 1, own ? 2 : 1));
        fc_fill_value(c, tb_cell_add(c->a, r, lw, c->W - lw, GRAY_NONE), sub);
    }
    c->cur = it;
}

/* A numbered band: a heading; its checkboxes a list after it, an LI each. */
static void head_row(fctx *c, const hy_item *it)
{
    const lay_node *ln = it->node;
    int h = tg_heading(&c->tg, c->nest);
    fc_tag(c, h);
    if (!it->n_flags) {
        band_row(c, ln->label, GRAY_BAND);
        return;
    }
    hy_buf b = {0};
    int l = tg_block(&c->tg, "L");
    fc_split *splits = hy_arena_alloc(c->a, 2 * it->n_flags * sizeof *splits);
    for (size_t i = 0; i < it->n_flags; i++) {
        bool on = it->flags[i].on;
        const char *mark = on ? c->f->mark_checked : c->f->mark_unchecked;
        if (i) hy_buf_puts(&b, "　");
        int lbl, body;
        tg_item(&c->tg, l, true, on ? TG_ALT_CHECKED : TG_ALT_UNCHECKED, &lbl, &body);
        size_t at = b.data ? fc_chars(b.data) : 0;
        splits[2 * i] = (fc_split){at, lbl};
        splits[2 * i + 1] = (fc_split){at + fc_chars(mark), body};
        hy_buf_printf(&b, "%s %s", mark, it->flags[i].name);
    }
    hy_src none = fc_layout_src(c);
    double cw = hy_text_width(&c->ts, b.data, c->f->size, none) + 2 * PAD_X + 2;
    if (cw > c->W / 2) cw = c->W / 2;
    tb_row *r = add_row(c);
    r->keep_with_next = true;
    fc_label_cell(c, r, 0, c->W - cw, GRAY_BAND, ln->label, true);
    tb_cell *chk = tb_cell_add(c->a, r, c->W - cw, cw, GRAY_BAND);
    fc_tag(c, splits[0].elem);
    c->splits = splits;
    c->n_splits = 2 * it->n_flags;
    fc_cell_text(c, chk, b.data, none);
    fc_tag(c, h);
    hy_buf_free(&b);
}

static void group_entity(fctx *c, const hy_item *entry)
{
    const lay_node *ln = entry->node;
    const hy_item *group = c->cur;
    c->cur = entry;
    tb_row *r = add_row(c);
    char num[16];
    snprintf(num, sizeof num, "%d", entry->index + 1);
    int tr = tg_row(&c->tg);
    fc_tag(c, tg_cell(&c->tg, tr, "TH", 'R', 1, 2));
    fc_label_cell(c, r, 0, label_w(c), GRAY_LABEL, fc_subst(c, ln->label, "n", num), true);
    fc_tag(c, tg_cell(&c->tg, tr, "TD", 0, 1, 1));
    tb_cell *v = tb_cell_add(c->a, r, label_w(c), c->W - label_w(c), GRAY_NONE);
    fc_cell_text(c, v, fc_text(entry->text), fc_src(c, entry->text.line, entry->text.col));
    r->keep_with_next = true;
    emit_rows(c, entry);
    c->cur = group;
}

static void range_row(fctx *c, const lay_node *ln, int from, int to, bool followed)
{
    tb_row *r = add_row(c);
    int tr = tg_row(&c->tg);
    fc_tag(c, tg_cell(&c->tg, tr, "TH", 'R', 1, 2));
    fc_label_cell(c, r, 0, label_w(c), GRAY_LABEL,
                  fc_subst(c, ln->label, "n", hy_arena_printf(c->a, "%d%s%d", from, c->f->mark_range, to)), true);
    fc_tag(c, tg_cell(&c->tg, tr, "TD", 0, 1, 1));
    fc_cell_text(c, tb_cell_add(c->a, r, label_w(c), c->W - label_w(c), GRAY_NONE), "", (hy_src){0});
    r->keep_with_next = followed;  /* stays with the entities printed under it */
}

/* The entries (the model holds at least the layout's min_rows of them, blank ones included),
 * with each range row (委託事項2～5) before the entries it covers; range rows print even when
 * empty. */
static void group_rows(fctx *c, const hy_item *it)
{
    const lay_node *ln = it->node;
    size_t n = it->n_kids, next = 0;
    for (size_t r = 0; r < ln->n_ranges; r++) {
        for (; next < n && next + 1 < (size_t)ln->ranges[r][0]; next++) group_entity(c, it->kids[next]);
        range_row(c, ln, ln->ranges[r][0], ln->ranges[r][1], next < n && next + 1 <= (size_t)ln->ranges[r][1]);
        for (; next < n && next + 1 <= (size_t)ln->ranges[r][1]; next++) group_entity(c, it->kids[next]);
    }
    for (; next < n; next++) group_entity(c, it->kids[next]);
}

static void fields_rows(fctx *c, const hy_item *it)
{
    tb_row *h = add_row(c), *v = add_row(c);
    h->keep_with_next = true;
    tg_table_begin(&c->tg, true);  /* a table of its own: labels in a THead, values below */
    int trh = tg_row(&c->tg);
    tg_table_body(&c->tg);
    int trv = tg_row(&c->tg);
    double x = 0;
    for (size_t i = 0; i < it->n_kids; i++) {
        const lay_node *cell = it->kids[i]->node;
        double w = c->W * cell->width;
        if (i + 1 == it->n_kids) w = c->W - x;
        fc_tag(c, tg_cell(&c->tg, trh, "TH", 'C', 1, 1));
        fc_label_cell(c, h, x, w, GRAY_LABEL, cell->label ? cell->label : "", false);
        fc_tag(c, tg_cell(&c->tg, trv, "TD", 0, 1, 1));
        fc_fill_value(c, tb_cell_add(c->a, v, x, w, GRAY_NONE), it->kids[i]);
        x += w;
    }
    tg_table_end(&c->tg);
}

/* A borderless title row; `text` already has its {key} filled in by the model. It is the
 * heading of its nesting level `nominal` (1: the document's title). */
static void title_row(fctx *c, const char *text, hy_src src, double size, const char *align, int nominal)
{
    fc_tag(c, tg_heading(&c->tg, nominal));
    tb_row *r = add_row(c);
    r->borderless = true;
    r->keep_with_next = true;
    tb_cell *cell = tb_cell_add(c->a, r, 0, c->W, GRAY_NONE);
    fc_add_text(c, cell, text, size, true, src, PAD_X, c->W - 2 * PAD_X, align);
    tb_strip_add(c->a, cell, size * 0.6, 0);  /* space below the title */
}

static void toc_rows(fctx *c, const hy_item *it)
{
    const lay_node *ln = it->node;
    c->page_before = c->page_before || ln->new_page;
    tb_row *gap = add_row(c);
    gap->borderless = true;
    tb_strip_add(c->a, tb_cell_add(c->a, gap, 0, c->W, GRAY_NONE), c->f->size, 0);
    title_row(c, fc_text(it->text), fc_src(c, c->m->root->line, c->m->root->col), c->f->section_size, NULL,
              c->nest);
    tb_row *r = add_row(c);
    r->borderless = true;
    tb_cell *cell = tb_cell_add(c->a, r, 0, c->W, GRAY_NONE);
    int toc = tg_block(&c->tg, "TOC");  /* 項目一覧: a table of contents, a TOCI per line */
    for (size_t i = 0; i < ln->n_lines; i++) {
        fc_tag(c, tg_elem(&c->tg, toc, "TOCI"));
        fc_add_text(c, cell, ln->lines[i], c->f->size + 1, false, (hy_src){0}, 2 * PAD_X + 10, c->W - 40, NULL);
    }
}

/* ---- tables (別添2, the correction table) --------------------------------------------- */

typedef struct {
    size_t ci;              /* the layout column (index of the row's kid) */
    double x, w;
    const char *label, *label2;
    size_t index;           /* item of a multi column */
} tcol;

static size_t table_columns(fctx *c, const hy_item *it, tcol *out, size_t cap)
{
    size_t n = 0;
    double x = 0;
    for (size_t i = 0; i < it->n_columns && n < cap; i++) {
        const hy_column *hc = &it->columns[i];
        const lay_node *col = hc->column;
        bool split = col->multi && hc->has_labels;
        size_t k = split ? hc->n_labels : 1;
        double w = c->W * col->width / (double)(k ? k : 1);
        for (size_t j = 0; j < k && n < cap; j++) {
            const char *label = split ? fc_text(hc->labels[j]) : col->label;
            out[n++] = (tcol){i, x, w, label ? label : "", fc_text(hc->label2), j};
            x += w;
        }
    }
    if (n) out[n - 1].w = c->W - out[n - 1].x;  /* absorb rounding into the last column */
    return n;
}

static void table_rows(fctx *c, const hy_item *it)
{
    tcol cols[32];
    size_t n = table_columns(c, it, cols, 32);
    tb_row *h1 = add_row(c);
    h1->keep_with_next = true;
    tb_row *h2 = NULL;
    bool second = false;
    for (size_t i = 0; i < n; i++) second = second || *cols[i].label2;
    tg_table_begin(&c->tg, true);  /* header rows in a THead, each label a TH for its column */
    int tr = tg_row(&c->tg);
    for (size_t i = 0; i < n; i++) {
        fc_tag(c, tg_cell(&c->tg, tr, "TH", 'C', 1, 1));
        fc_cell_text(c, tb_cell_add(c->a, h1, cols[i].x, cols[i].w, GRAY_LABEL), cols[i].label, (hy_src){0});
    }
    if (second) {
        h2 = add_row(c);
        h2->keep_with_next = true;
        tr = tg_row(&c->tg);
        for (size_t i = 0; i < n; i++) {
            fc_tag(c, tg_cell(&c->tg, tr, "TH", 'C', 1, 1));
            fc_cell_text(c, tb_cell_add(c->a, h2, cols[i].x, cols[i].w, GRAY_LABEL), cols[i].label2, (hy_src){0});
        }
    }
    tg_table_body(&c->tg);
    c->header[0] = h1;
    c->header[1] = h2;
    for (size_t i = 0; i < it->n_kids; i++) {
        const hy_item *row = it->kids[i];
        c->cur = row;
        tb_row *r = add_row(c);
        tr = tg_row(&c->tg);
        for (size_t k = 0; k < n; k++) {
            fc_tag(c, tg_cell(&c->tg, tr, "TD", 0, 1, 1));
            const hy_item *v = row->kids[cols[k].ci];
            const char *t;
            hy_src src = fc_src(c, v->line, v->col);
            if (v->node->multi) {
                bool has = v->is_list && cols[k].index < v->n_texts;
                hy_text mt = has ? v->texts[cols[k].index] : (hy_text){NULL, row->line, row->col};
                t = fc_text(mt);
                src = fc_src(c, mt.line, mt.col);
            } else {
                t = v->node->kind == LK_DATE ? fc_date(c, v) : fc_text(v->text);
            }
            if (v->node->repeat) /* repeated, marked continued, on the pages the row continues on */
                fc_label_cell_at(c, r, cols[k].x, cols[k].w, GRAY_NONE, t, false, src);
            else
                fc_cell_text(c, tb_cell_add(c->a, r, cols[k].x, cols[k].w, GRAY_NONE), t, src);
        }
    }
    c->cur = it;
    c->header[0] = c->header[1] = NULL;
    tg_table_end(&c->tg);
}

/* ---- the walk ------------------------------------------------------------------------- */

static void section(fctx *c, const hy_item *it)
{
    const lay_node *ln = it->node;
    c->page_before = c->page_before || ln->new_page;
    c->mark = ln->bookmark ? ln->bookmark : ln->title;
    c->mark_level = 0;
    int nest = c->nest;
    if (it->text.s)
        title_row(c, it->text.s, fc_src(c, it->map_line, it->map_col), c->f->section_size, NULL, c->nest++);
    emit_rows(c, it);
    c->nest = nest;
}

/* The rows under a heading: one level deeper. */
static void emit_nested(fctx *c, const hy_item *parent)
{
    c->nest++;
    emit_rows(c, parent);
    c->nest--;
}

static void emit(fctx *c, const hy_item *it)
{
    const lay_node *ln = it->node;
    const hy_item *up = c->cur;
    c->cur = it;
    switch (ln->kind) {
    case LK_SECTION: section(c, it); break;
    case LK_TITLE:
        title_row(c, fc_text(it->text), fc_src(c, it->map_line, it->map_col), c->f->title_size,
                  ln->align ? ln->align : "center", 1);
        break;
    case LK_TOC: toc_rows(c, it); break;
    case LK_HEAD:
        c->mark = ln->label;
        c->mark_level = 1;
        head_row(c, it);
        emit_nested(c, it);
        break;
    case LK_RISK:
        fc_tag(c, tg_heading(&c->tg, c->nest));
        band_row(c, ln->label, GRAY_RISK);
        emit_nested(c, it);
        break;
    case LK_SPAN: span_rows(c, it); break;
    case LK_GROUP: group_rows(c, it); break;
    case LK_FIELDS: fields_rows(c, it); break;
    case LK_BLOCK:
        label_band(c, ln->label);
        full_value_row(c, it);
        break;
    case LK_TABLE: table_rows(c, it); break;
    case LK_PARAM: break;
    default: item_row(c, it); break;
    }
    c->cur = up;
}

static void emit_rows(fctx *c, const hy_item *parent)
{
    for (size_t i = 0; i < parent->n_kids; i++) emit(c, parent->kids[i]);
}

/* ---- anchors -------------------------------------------------------------------------- */

/* Extends the anchor of `it` (and, if `up`, of every item above it) by a part of a row drawn
 * on page `page` from y0 to y1. */
static void extend_anchor(hy_boxes *b, const hy_item *it, const hy_rowbox *rb, bool up)
{
    for (; it; it = up ? it->parent : NULL) {
        hy_anchor *a = &b->anchors[it->id];
        if (!a->drawn || rb->page < a->first_page || (rb->page == a->first_page && rb->y0 < a->top)) {
            a->first_page = rb->page;
            a->top = rb->y0;
        }
        if (!a->drawn || rb->page > a->last_page || (rb->page == a->last_page && rb->y1 > a->bottom)) {
            a->last_page = rb->page;
            a->bottom = rb->y1;
        }
        a->drawn = true;
    }
}

/* Records in b->anchors where each item was drawn: the parts of the rows it made and of those
 * of the items inside it (each part extends its row's item and every item above it). A table
 * header repeated on a later page is not where its table is drawn. */
static void record_anchors(const fctx *c, hy_boxes *b)
{
    b->n_anchors = c->m->n_items;
    b->anchors = hy_arena_alloc(&b->arena, (b->n_anchors + 1) * sizeof *b->anchors);
    for (size_t i = 0; i < b->n_rows; i++) {
        const hy_rowbox *rb = &b->rows[i];
        const tb_row *r = rb->row < c->rows.n ? c->rows.items[rb->row] : NULL;
        if (rb->kind == HY_ROW_HEADER || !r || !r->item) continue;
        /* The rows of a `fields` item and of a table row hold their cells side by side: they
         * belong to each cell's item too. */
        bool cells = r->item->node->kind == LK_FIELDS || r->item->kind == HY_ITEM_ROW;
        extend_anchor(b, r->item, rb, true);
        for (size_t k = 0; cells && k < r->item->n_kids; k++) extend_anchor(b, r->item->kids[k], rb, false);
    }
}

/* ---- page furniture and document information ----------------------------------------- */

static void furniture(fctx *c, hy_boxes *b, const hy_form_options *opt)
{
    hy_src none = {0};
    double size = 8;
    /* Measured once, before the pages: a character no font has is reported once, naming the
     * option it came from (not the document, and not once per page). */
    double sw = opt && opt->stamp ? hy_text_width(&c->ts, opt->stamp, 11, (hy_src){"--stamp", 0, 0}) : 0;
    double ws = 96;
    double ww = opt && opt->watermark ? hy_text_width(&c->ts, opt->watermark, ws, (hy_src){"--watermark", 0, 0}) : 0;
    for (size_t i = 0; i < b->n_pages; i++) {
        hy_page *p = &b->pages[i];
        p->label = hy_arena_printf(&b->arena, "%zu", i + 1);
        const char *num = hy_arena_printf(&b->arena, "%zu / %zu", i + 1, b->n_pages);
        double w = hy_text_width(&c->ts, num, size, none);
        hy_page_text(p, (hy_textbox){(b->width - w) / 2, b->height - c->f->margin[2] / 2, size, 0, false, 0, 0, 1, num,
                                     HY_TAG_FOOTER});
        if (opt && opt->stamp) {
            double x = b->width - c->f->margin[1] - sw;
            hy_page_text(p, (hy_textbox){x, c->f->margin[0] - 12, 11, 0, true, 0, 0, 1, hy_arena_strdup(&b->arena, opt->stamp),
                                         i ? HY_TAG_HEADER : c->stamp});
            hy_page_rule(p, x - 4, c->f->margin[0] - 25, b->width - c->f->margin[1] + 4, c->f->margin[0] - 25, 0.5);
            hy_page_rule(p, x - 4, c->f->margin[0] - 7, b->width - c->f->margin[1] + 4, c->f->margin[0] - 7, 0.5);
            hy_page_rule(p, x - 4, c->f->margin[0] - 25, x - 4, c->f->margin[0] - 7, 0.5);
            hy_page_rule(p, b->width - c->f->margin[1] + 4, c->f->margin[0] - 25, b->width - c->f->margin[1] + 4, c->f->margin[0] - 7, 0.5);
        }
        if (opt && opt->watermark) {
            /* centred on the page, rotated 45°: start half the width back along the diagonal */
            double cx = b->width / 2 - ww / 2 * 0.7071, cy = b->height / 2 + ww / 2 * 0.7071;
            hy_page_text(p, (hy_textbox){cx, cy, ws, 0, false, 0, 45, 0.15, hy_arena_strdup(&b->arena, opt->watermark),
                                         i ? HY_TAG_WATERMARK : c->watermark});
        }
    }
}

static void doc_info(fctx *c, hy_boxes *b, const hy_form_options *opt)
{
    const char *title = hy_model_text_get(c->m, c->f->meta_title);
    if (title && c->f->meta_title_format) title = fc_subst(c, c->f->meta_title_format, "", title);
    b->title = title ? hy_arena_strdup(&b->arena, title) : NULL;
    const char *author = hy_model_text_get(c->m, c->f->meta_author);
    b->author = author ? hy_arena_strdup(&b->arena, author) : NULL;
    b->subject = c->f->meta_subject ? hy_arena_strdup(&b->arena, c->f->meta_subject) : NULL;
    const char *date = hy_model_text_get(c->m, c->f->meta_date);
    if (!date && opt) date = opt->date;
    b->date = date ? hy_arena_strdup(&b->arena, date) : NULL;
}

bool hy_form_layout(const hy_model *m, hy_fontset *fonts, const hy_form_options *opt, hy_boxes *b,
                    hy_diags *d)
{
    const lay_form *form = m->form;
    memset(b, 0, sizeof *b);
    fctx c = {.f = form, .m = m, .a = &b->arena};
    c.ts = (hy_typesetter){fonts, &b->arena, d, true, form->underline_markup};
    b->width = form->page_w;
    b->height = form->page_h;
    c.W = form->page_w - form->margin[1] - form->margin[3];
    c.tg.b = b;
    c.nest = 2;  /* 1 is the document's title */
    /* The stamp and the watermark are read first, once (page furniture elsewhere). */
    if (opt && opt->stamp) c.stamp = tg_block(&c.tg, "P");
    if (opt && opt->watermark) c.watermark = tg_block(&c.tg, "P");
    emit_rows(&c, m->root);
    tg_table_end(&c.tg);
    tb_geometry geo = {form->page_w, form->page_h, form->margin[0], form->margin[1], form->margin[2],
                       form->margin[3], PAD_X, PAD_Y, 0.5};
    size_t stop = c.too_long ? 0 : tb_paginate((tb_row **)c.rows.items, c.rows.n, &geo, b, HY_MAX_PAGES);
    if (c.too_long || stop < c.rows.n) {
        hy_src at = c.too_long_at;
        for (size_t i = stop + 1; !c.too_long && i-- > 0 && !at.line;) {
            const tb_row *r = c.rows.items[i];
            at = (hy_src){m->file, r->line, r->col};
        }
        hy_diag_msg(d, m->file, at.line > 0 ? at.line : 1, at.line > 0 ? at.col : 1, HY_M_TOO_MANY_PAGES,
                    HY_MAX_PAGES);
        hy_vec_free(&c.rows);
        return false;
    }
    record_anchors(&c, b);
    hy_vec_free(&c.rows);
    furniture(&c, b, opt);
    for (size_t i = 0; i < b->n_pages; i++) hy_page_merge_rules(&b->pages[i]);
    doc_info(&c, b, opt);
    return c.ts.ok;
}
