/* table.h — bordered rows of cells and their pagination onto pages.
 *
 * A cell's content is a list of strips: horizontal bands (one text line, one grid row of
 * checkboxes, one line of options) that are never cut. A row that does not fit in the space
 * left moves to the next page; a row taller than a page is split between strips, every cell
 * continuing in step; a cell whose content ran out shows its `cont` content instead (the
 * label marked （続き）). Header rows repeat at the top of each page of their table.
 *
 * The logical structure travels with the texts (tb_text.elem); what pagination repeats (header
 * rows, continuation labels) is drawn as an artifact.
 *
 * Layout code builds rows with tb_* calls; tb_paginate() writes them into hy_boxes. */
#ifndef HY_TABLE_H
#define HY_TABLE_H

#include "boxes.h"

#include <stdbool.h>

typedef struct {
    double dx, dy;          /* from the strip's top-left (inside the cell padding); dy = baseline */
    double size;
    int font;
    bool bold;
    const char *utf8;       /* NULL: an underline of width w at dy */
    double w;
    int start;              /* HY_LINE_* when this run starts a text line (0, the default, is a
                             * paragraph's first line); TB_SAME_LINE when it continues the line
                             * of the run before it (another font) */
    int elem;               /* structure element (hy_textbox.elem); 0: an artifact */
    const hy_tagsplit *splits;  /* as hy_textbox.splits */
    unsigned n_splits;
} tb_text;

#define TB_SAME_LINE (-1)

typedef struct {
    double h;
    tb_text *texts;
    size_t n, cap;
    bool keep_with_next;    /* a heading line: a page break never falls right after it */
} tb_strip;

typedef struct tb_cell tb_cell;
struct tb_cell {
    double x, w;            /* from the table's left edge */
    double gray;            /* background (1 = none) */
    bool merge_up;          /* continues the cell above it: no rule between them */
    bool merge_down;        /* the cell below continues this one */
    tb_strip *strips;
    size_t n, cap;
    double h;               /* sum of the strips' heights as added (a lower bound if one grows later) */
    tb_cell *cont;          /* shown on a new page once this cell's strips ran out */
};

/* Most cells one row may hold (pagination keeps per-cell state in fixed arrays); the layout
 * loader keeps every layout within it (docs/layout.md). */
#define TB_MAX_CELLS 32

struct hy_item;  /* model.h: the item a row belongs to (carried, never read here) */

typedef struct tb_row tb_row;
struct tb_row {
    tb_cell **cells;
    size_t n, cap;
    bool borderless;        /* titles: no rules, no padding */
    bool page_before;       /* starts a new page (unless the page is still empty) */
    bool keep_with_next;    /* never the last row on a page */
    tb_row *header[2];      /* header rows of the table this row belongs to */
    const char *mark;       /* bookmark title, or NULL */
    int mark_level;
    int line, col;          /* where the row's first text is in the document (0: none), for messages */
    const struct hy_item *item;  /* the model item the row belongs to, or NULL */
};

typedef struct {
    double page_w, page_h;
    double top, right, bottom, left;  /* margins */
    double pad_x, pad_y;
    double rule;            /* line width of the rules */
} tb_geometry;

tb_row *tb_row_new(hy_arena *a);
tb_cell *tb_cell_add(hy_arena *a, tb_row *r, double x, double w, double gray);
tb_strip *tb_strip_add(hy_arena *a, tb_cell *c, double h, size_t n_texts);
double tb_cell_height(const tb_cell *c);
/* Makes room for `more` strips at once (a text of many lines), so that the cell's strip array
 * is not regrown, and left behind in the arena, once per doubling. */
void tb_cell_reserve(hy_arena *a, tb_cell *c, size_t more);
/* Adds a text to a strip, growing it as needed. */
void tb_strip_push(hy_arena *a, tb_strip *s, tb_text t);

/* Lays the rows out on pages of b, at most max_pages of them. Any content fits because strips
 * are split between pages; a single strip taller than a page (not produced by our layout) is
 * placed alone and clipped by nothing. Returns n when every row was placed, else the index of
 * the row that would have needed page max_pages + 1 (b then holds max_pages + 1 pages and is
 * to be discarded). Time linear in the number of strips. */
size_t tb_paginate(tb_row **rows, size_t n, const tb_geometry *g, hy_boxes *b, size_t max_pages);

#endif
