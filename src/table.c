/* table.c — rows → pages (see table.h). */
#include "table.h"

#include <stdlib.h>
#include <string.h>

/* The array old[0..n) copied into a new arena block of twice the capacity (at least 4); *cap
 * gets the new capacity. The old block stays in the arena until the document is freed. */
static void *arena_grow(hy_arena *a, const void *old, size_t n, size_t *cap, size_t size)
{
    size_t c = *cap ? *cap * 2 : 4;
    void *p = hy_arena_alloc(a, c * size);
    if (n) memcpy(p, old, n * size);
    *cap = c;
    return p;
}

tb_row *tb_row_new(hy_arena *a)
{
    return hy_arena_alloc(a, sizeof(tb_row));
}

tb_cell *tb_cell_add(hy_arena *a, tb_row *r, double x, double w, double gray)
{
    if (r->n == r->cap) r->cells = arena_grow(a, r->cells, r->n, &r->cap, sizeof *r->cells);
    tb_cell *c = hy_arena_alloc(a, sizeof *c);
    c->x = x;
    c->w = w;
    c->gray = gray;
    r->cells[r->n++] = c;
    return c;
}

void tb_cell_reserve(hy_arena *a, tb_cell *c, size_t more)
{
    if (c->cap - c->n >= more) return;
    size_t cap = c->n + more;
    tb_strip *s = hy_arena_alloc(a, cap * sizeof *s);
    if (c->n) memcpy(s, c->strips, c->n * sizeof *s);
    c->strips = s;
    c->cap = cap;
}

tb_strip *tb_strip_add(hy_arena *a, tb_cell *c, double h, size_t n_texts)
{
    if (c->n == c->cap) c->strips = arena_grow(a, c->strips, c->n, &c->cap, sizeof *c->strips);
    tb_strip *s = &c->strips[c->n++];
    c->h += h;
    s->h = h;
    s->cap = n_texts ? n_texts : 1;
    s->texts = hy_arena_alloc(a, s->cap * sizeof *s->texts);
    s->n = 0;
    return s;
}

void tb_strip_push(hy_arena *a, tb_strip *s, tb_text t)
{
    if (s->n == s->cap) s->texts = arena_grow(a, s->texts, s->n, &s->cap, sizeof *s->texts);
    s->texts[s->n++] = t;
}

double tb_cell_height(const tb_cell *c)
{
    double h = 0;
    for (size_t i = 0; i < c->n; i++) h += c->strips[i].h;
    return h;
}

/* ---- pagination state ----------------------------------------------------------------- */

typedef struct {
    const tb_geometry *g;
    hy_boxes *b;
    hy_page *page;
    double y;               /* next row's top */
    bool empty;             /* nothing but repeated headers on this page yet */
    bool repeating;         /* drawing a header row again: an artifact */
    tb_row *open_header[2]; /* headers to repeat on the next page */
    size_t row;             /* index of the row being placed (for the structure record) */
    size_t max_pages;
    bool full;              /* page max_pages + 1 was begun: stop */
} pager;

/* A view of a row during splitting: for each cell, the first strip still to print and the
 * height of the strips from there on (kept up to date as strips are printed, so that the
 * height of what is left costs O(cells), not O(strips): pagination stays linear in the
 * number of lines however many pages one cell spans). */
typedef struct {
    const tb_row *row;
    size_t from[TB_MAX_CELLS];
    double rest[TB_MAX_CELLS];
    bool continued;         /* this part continues a row begun on an earlier page */
} part;

static part part_of(const tb_row *r)
{
    part pt = {.row = r};
    for (size_t i = 0; i < r->n; i++) pt.rest[i] = tb_cell_height(r->cells[i]);
    return pt;
}

/* Moves each cell's first strip to to[i], the strips before it printed. */
static void part_advance(part *pt, const size_t *to)
{
    for (size_t i = 0; i < pt->row->n; i++) {
        const tb_cell *c = pt->row->cells[i];
        for (size_t k = pt->from[i]; k < to[i]; k++) pt->rest[i] -= c->strips[k].h;
        if (to[i] >= c->n) pt->rest[i] = 0;
        pt->from[i] = to[i];
    }
    pt->continued = true;
}

static double pad_y(const pager *p, const tb_row *r) { return r->borderless ? 0 : p->g->pad_y; }

/* The content a cell shows in a part: its own remaining strips, or its continuation. */
static const tb_cell *shown(const part *pt, size_t i, size_t *from, bool at_top)
{
    const tb_cell *c = pt->row->cells[i];
    *from = pt->from[i];
    bool exhausted = *from >= c->n && pt->continued;
    bool merged_at_top = c->merge_up && at_top && c->n == 0;
    if ((exhausted || merged_at_top) && c->cont) {
        *from = 0;
        return c->cont;
    }
    return c;
}

static double part_height(const pager *p, const part *pt, bool at_top)
{
    double h = 0;
    for (size_t i = 0; i < pt->row->n; i++) {
        size_t from;
        const tb_cell *c = shown(pt, i, &from, at_top);
        double ch = c == pt->row->cells[i] ? pt->rest[i] : tb_cell_height(c);
        if (ch > h) h = ch;
    }
    return h + 2 * pad_y(p, pt->row);
}

static double body_top(const pager *p) { return p->g->top; }
static double body_bottom(const pager *p) { return p->g->page_h - p->g->bottom; }

/* Draws strips [from, to) of a cell at (x, y) and records their text lines. */
static void draw_strips(pager *p, const tb_cell *c, size_t from, size_t to, double x, double y,
                        hy_cellbox *cb)
{
    hy_linebox *line = NULL;
    for (size_t k = from; k < to; k++) {
        const tb_strip *s = &c->strips[k];
        for (size_t t = 0; t < s->n; t++) {
            const tb_text *tx = &s->texts[t];
            if (!tx->utf8) {
                hy_page_rule(p->page, x + tx->dx, y + tx->dy, x + tx->dx + tx->w, y + tx->dy, tx->size * 0.06);
                continue;
            }
            if (!line || tx->start != TB_SAME_LINE) {
                line = hy_boxes_line(p->b);
                *line = (hy_linebox){p->page->n_texts, 0, tx->start == TB_SAME_LINE ? HY_LINE_FIRST : tx->start};
                if (!cb->n_lines++) cb->line = p->b->n_lines - 1;
            }
            line->n_texts++;
            bool real = !p->repeating;  /* a header row drawn again is an artifact */
            hy_page_text(p->page, (hy_textbox){x + tx->dx, y + tx->dy, tx->size, tx->font, tx->bold, 0, 0, 1,
                                               tx->utf8, real ? tx->elem : HY_TAG_REPEAT,
                                               real ? tx->splits : NULL, real ? tx->n_splits : 0});
            if (tx->font >= 0 && tx->font < 16) p->b->used_fonts[tx->font] = 1;
        }
        y += s->h;
    }
}

/* Draws the cells of a part, from strip `from` up to `to` (per cell), in height h, and records
 * it in the structure of the pages. */
static void draw_part(pager *p, const part *pt, const size_t *to, double h, bool at_top,
                      bool last_on_page, int kind)
{
    const tb_row *r = pt->row;
    double left = p->g->left, y = p->y, w = p->g->rule;
    hy_rowbox *rb = hy_boxes_row(p->b);
    *rb = (hy_rowbox){p->row, p->b->n_pages - 1, y, y + h, kind, pt->continued, last_on_page,
                      p->b->n_cells, r->n, -1};
    for (size_t i = 0; i < r->n; i++) {
        size_t from;
        const tb_cell *c = shown(pt, i, &from, at_top);
        double x = left + c->x;
        hy_cellbox *cb = hy_boxes_cell(p->b);
        *cb = (hy_cellbox){x, c->w, c->gray, r->cells[i]->cont != NULL, c != r->cells[i], p->b->n_lines, 0};
        if (c->gray < 1) hy_page_fill(p->page, x, y, c->w, h, c->gray);
        size_t end = c == r->cells[i] ? to[i] : c->n;
        draw_strips(p, c, from, end, x + p->g->pad_x, y + pad_y(p, r), cb);
        if (r->borderless) continue;
        hy_page_rule(p->page, x, y, x, y + h, w);
        hy_page_rule(p->page, x + c->w, y, x + c->w, y + h, w);
        if (!r->cells[i]->merge_up || at_top) hy_page_rule(p->page, x, y, x + c->w, y, w);
        if (!r->cells[i]->merge_down || last_on_page) hy_page_rule(p->page, x, y + h, x + c->w, y + h, w);
    }
}

static void emit_header(pager *p, tb_row *r);

static void new_page(pager *p)
{
    if (p->b->n_pages >= p->max_pages) p->full = true;
    hy_page_trim(p->page);
    p->page = hy_boxes_new_page(p->b);
    p->y = body_top(p);
    p->empty = true;
    p->repeating = true;
    for (int i = 0; i < 2; i++)
        if (p->open_header[i]) emit_header(p, p->open_header[i]);
    p->repeating = false;
}

/* Repeats a header row at the top of a page (a header fits: it is one short row). */
static void emit_header(pager *p, tb_row *r)
{
    part pt = part_of(r);
    size_t to[TB_MAX_CELLS];
    for (size_t i = 0; i < r->n; i++) to[i] = r->cells[i]->n;
    double h = part_height(p, &pt, true);
    draw_part(p, &pt, to, h, true, false, HY_ROW_HEADER);
    p->y += h;
}

/* The bookmark of a row, on the page and at the height where the row begins. */
static void mark(pager *p, const tb_row *r)
{
    if (!r->mark) return;
    hy_boxes_mark(p->b, r->mark_level, r->mark, p->b->n_pages - 1, p->y);
    p->b->rows[p->b->n_rows - 1].mark = (long)p->b->n_marks - 1;
}

/* How many strips of each cell fit in height avail; false if no cell can show anything. */
static bool fit_strips(const pager *p, const part *pt, double avail, size_t *to)
{
    bool any = false, all_done = true;
    double room = avail - 2 * pad_y(p, pt->row);
    for (size_t i = 0; i < pt->row->n; i++) {
        const tb_cell *c = pt->row->cells[i];
        double used = 0;
        size_t k = pt->from[i];
        while (k < c->n && used + c->strips[k].h <= room) used += c->strips[k++].h;
        /* a heading line goes to the next page with what it heads (unless it is all there is) */
        while (k < c->n && k > pt->from[i] + 1 && c->strips[k - 1].keep_with_next) k--;
        if (k > pt->from[i]) any = true;
        if (k < c->n) all_done = false;
        to[i] = k;
    }
    return any || all_done;
}

static double min_height(const pager *p, const tb_row *r)
{
    double h = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->cells[i]->n && r->cells[i]->strips[0].h > h) h = r->cells[i]->strips[0].h;
    return h + 2 * pad_y(p, r);
}

/* A row that does not fit in the space left is split there when enough of it fits to be
 * worth it (a form cell continuing over a page break, as the official forms do); a short row
 * moves whole to the next page, so that short items are never cut in two. `y` is where the
 * row would begin on the current page. */
#define MIN_SPLIT_ROOM 90.0   /* pt left on the page */
#define MIN_SPLIT_STRIPS 6    /* lines in the tallest cell */

static bool split_here(const pager *p, const tb_row *r, double y, double h)
{
    double room = body_bottom(p) - y;
    if (h > body_bottom(p) - body_top(p)) return room >= min_height(p, r) + 2 * pad_y(p, r);
    if (r->keep_with_next || room < MIN_SPLIT_ROOM) return false;
    size_t most = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->cells[i]->n > most) most = r->cells[i]->n;
    return most >= MIN_SPLIT_STRIPS;
}

/* Does row r, begun at y on a page that already holds rows, start on that page (whole, or
 * split there) rather than move to the next one? The rule place() follows. */
static bool starts_at(const pager *p, const tb_row *r, double y)
{
    part pt = part_of(r);
    double h = part_height(p, &pt, false);
    return y + h <= body_bottom(p) + 0.01 || split_here(p, r, y, h);
}

/* Places row r from the current position: on this page when it fits or splits here
 * (always, when `stay`), else on the next page; a row taller than the space left is split
 * between strips, every cell continuing in step. */
static void place(pager *p, tb_row *r, bool stay)
{
    if (r->page_before && !p->empty) new_page(p);
    p->open_header[0] = r->header[0];
    p->open_header[1] = r->header[1];
    int kind = r->keep_with_next ? HY_ROW_KEEP : HY_ROW_BODY;
    part pt = part_of(r);
    if (!p->empty && !stay && !starts_at(p, r, p->y)) new_page(p);
    bool first = true;
    while (!p->full) {
        bool at_top = p->empty;
        bool done = pt.continued;
        for (size_t i = 0; i < r->n && done; i++) done = pt.from[i] >= r->cells[i]->n;
        if (done) return;  /* every cell ended exactly at the last page break */
        double h = part_height(p, &pt, at_top);
        size_t to[TB_MAX_CELLS];
        if (p->y + h <= body_bottom(p) + 0.01) {
            for (size_t i = 0; i < r->n; i++) to[i] = r->cells[i]->n;
            draw_part(p, &pt, to, h, at_top, false, kind);
            if (first) mark(p, r);
            p->y += h;
            p->empty = false;
            return;
        }
        if (!fit_strips(p, &pt, body_bottom(p) - p->y, to) && !p->empty) {
            new_page(p);
            continue;
        }
        if (p->empty) /* nothing fits even on an empty page: force one strip per cell */
            for (size_t i = 0; i < r->n; i++)
                if (to[i] == pt.from[i] && to[i] < r->cells[i]->n) to[i]++;
        draw_part(p, &pt, to, body_bottom(p) - p->y, at_top, true, kind);
        if (first) mark(p, r);
        first = false;
        part_advance(&pt, to);
        new_page(p);
    }
}

/* A keep-with-next chain — rows[0..n) are headings, bands, titles, table headers, each kept
 * with the row after it — and `closing`, the first row that is not (NULL at the end of the
 * document or before a row that starts a new page). The chain stays on this page only when
 * all of it fits and the closing row starts here too; otherwise it moves to the next page
 * with the closing row, which then begins under it in any case (split there when the chain
 * and the whole row do not fit on one page). So no heading ever ends a page, and its
 * bookmark points at the page of what it heads. */
static void place_chain(pager *p, tb_row **rows, size_t n, tb_row *closing)
{
    if (rows[0]->page_before && !p->empty) new_page(p);
    p->open_header[0] = rows[0]->header[0];
    p->open_header[1] = rows[0]->header[1];
    if (!p->empty) {
        double y = p->y;
        for (size_t i = 0; i < n; i++) {
            part pt = part_of(rows[i]);
            y += part_height(p, &pt, false);
        }
        bool here = y <= body_bottom(p) + 0.01 && (!closing || starts_at(p, closing, y));
        if (!here) new_page(p);
    }
    bool stay = true;
    for (size_t i = 0; i < n && !p->full; i++, p->row++) {
        size_t page = p->b->n_pages;
        place(p, rows[i], true);
        /* a chain taller than a page: its rows split; what follows starts where it can */
        if (p->b->n_pages != page) stay = false;
    }
    if (closing && !p->full) place(p, closing, stay);
}

size_t tb_paginate(tb_row **rows, size_t n, const tb_geometry *g, hy_boxes *b, size_t max_pages)
{
    pager p = {.g = g, .b = b, .max_pages = max_pages};
    p.page = hy_boxes_new_page(b);
    p.y = body_top(&p);
    p.empty = true;
    for (size_t i = 0; i < n;) {
        size_t end = i;  /* rows[i..end) keep with the next row */
        while (end < n && rows[end]->keep_with_next && (end == i || !rows[end]->page_before)) end++;
        if (end == i) {
            p.row = i;
            place(&p, rows[i], false);
            if (p.full) return i;
            i++;
            continue;
        }
        tb_row *closing = end < n && !rows[end]->page_before ? rows[end] : NULL;
        p.row = i;  /* place_chain numbers the rows as it places them */
        place_chain(&p, rows + i, end - i, closing);
        if (p.full) return p.row < n ? p.row : n - 1;
        i = end + (closing ? 1 : 0);
    }
    return n;
}
