/* boxes.h — the laid-out document: pages of positioned text runs, rules and fills, plus
 * bookmarks and document information. This is what layout produces and what the PDF writer
 * draws; nothing here is measured again. Coordinates are points from the page's top-left
 * corner, y downwards; text y is the baseline. All strings live in the arena. */
#ifndef HY_BOXES_H
#define HY_BOXES_H

#include "util.h"

#include <stdbool.h>

/* What a text is in the document's logical structure (ISO 32000-1 14.7): a structure element
 * (> 0, an index into hy_boxes.elems) or an artifact (<= 0, 14.8.2.2): */
enum {
    HY_TAG_REPEAT = 0,      /* repeated by pagination: header rows, labels marked （続き） */
    HY_TAG_FOOTER = -1,     /* the page number */
    HY_TAG_HEADER = -2,     /* the stamp on every page after the first */
    HY_TAG_WATERMARK = -3,  /* the watermark on every page after the first */
};

/* From byte `at` of a text on, its characters belong to element `elem` (a label 1) or a mark
 * [○] and the item text after it on one line). */
typedef struct { unsigned at; int elem; } hy_tagsplit;

typedef struct {
    double x, y, size;
    int font;              /* index into the fontset */
    bool bold;             /* drawn with a hairline stroke: the form's headings */
    double gray;           /* 0 = black */
    double angle;          /* degrees, counter-clockwise (watermarks) */
    double alpha;          /* 0 or 1 = opaque; watermarks are translucent */
    const char *utf8;
    int elem;              /* structure element or HY_TAG_* artifact, for the text's start */
    const hy_tagsplit *splits;  /* elements of later parts of the text (arena), or NULL */
    unsigned n_splits;
} hy_textbox;

typedef struct { double x0, y0, x1, y1, width; } hy_rule;
typedef struct { double x, y, w, h, gray; } hy_fill;

typedef struct {
    hy_textbox *texts; size_t n_texts, cap_texts;
    hy_rule *rules; size_t n_rules, cap_rules;
    hy_fill *fills; size_t n_fills, cap_fills;
    const char *label;     /* page label (printed page number) */
} hy_page;

typedef struct {
    int level;             /* 0 = top */
    const char *title;
    size_t page;
    double y;
} hy_mark;

/* The structure of the laid-out pages, kept for checks (tests/pagecheck.py reads it through
 * `hyoka layout`): every part of a row placed on a page, its cells and their text lines. */
enum { HY_ROW_BODY, HY_ROW_KEEP, HY_ROW_HEADER };  /* HY_ROW_KEEP: heading, band, title … */

typedef struct {
    size_t row;            /* index of the row in the document; the parts of a row share it */
    size_t page;
    double y0, y1;         /* top and bottom, pt */
    int kind;              /* HY_ROW_* */
    bool continued;        /* continues a row begun on an earlier page */
    bool continues;        /* the row goes on on the next page */
    size_t cell, n_cells;  /* its cells: b->cells[cell …] */
    long mark;             /* index into b->marks of the bookmark placed on it, or -1 */
} hy_rowbox;

typedef struct {
    double x, w;           /* pt from the page's left edge */
    double gray;           /* background shade (1 = none): labels and headings are shaded */
    bool label;            /* identifies its row: shown again, marked continued, where it goes on */
    bool shows_cont;       /* shows that continuation here */
    size_t line, n_lines;  /* its text lines: b->lines[line …] */
} hy_cellbox;

enum { HY_LINE_FIRST, HY_LINE_WRAPPED, HY_LINE_SPLIT };  /* how a line began (see linebreak.h) */

typedef struct {
    size_t text, n_texts;  /* its runs: the page's texts[text …] */
    int start;             /* HY_LINE_*: a paragraph's first line, wrapped, or an emergency split */
} hy_linebox;

/* A structure element. Elements are created in reading order, each after its parent; an
 * element's children are the later elements naming it as parent, in creation order. Element
 * 0 is the Document. */
typedef struct {
    const char *type;      /* standard structure type (ISO 32000-1 14.8.4): "H1", "TD", "LI" */
    int parent;
    const char *alt;       /* alternate text (/Alt), or NULL */
    char scope;            /* TH: 'R' (Row) or 'C' (Column) */
    int row_span, col_span;  /* TH, TD: cells covered (1: none) */
} hy_elem;

/* Where an item of the bound model was drawn, like a bookmark: from the top of its first row
 * to the bottom of its last, the rows of the items inside it included. */
typedef struct {
    bool drawn;            /* false: the item made no row (a parameter, an empty list) */
    size_t first_page, last_page;  /* 0-based */
    double top, bottom;    /* pt from the top edge: top on first_page, bottom on last_page */
} hy_anchor;

typedef struct {
    hy_arena arena;
    double width, height;
    hy_page *pages; size_t n_pages, cap_pages;
    hy_mark *marks; size_t n_marks, cap_marks;
    hy_anchor *anchors;    /* one per model item, indexed by its id (hy_item.id); in the arena */
    size_t n_anchors;
    const char *title, *author, *subject;
    const char *date;      /* ISO date of the document, or NULL */
    char used_fonts[16];   /* which fontset entries any text uses */
    hy_rowbox *rows; size_t n_rows, cap_rows;
    hy_cellbox *cells; size_t n_cells, cap_cells;
    hy_linebox *lines; size_t n_lines, cap_lines;

    hy_elem *elems; size_t n_elems, cap_elems;  /* the logical structure; [0] is the Document */
} hy_boxes;

hy_page *hy_boxes_new_page(hy_boxes *b);
void hy_page_text(hy_page *p, hy_textbox t);
void hy_page_rule(hy_page *p, double x0, double y0, double x1, double y1, double width);
void hy_page_fill(hy_page *p, double x, double y, double w, double h, double gray);
/* A new structure element of type `type` (a static string) under element `parent` (0: the
 * Document, created by the first call); returns its index. */
int hy_boxes_elem(hy_boxes *b, int parent, const char *type);
/* Gives back the unused room of a finished page's arrays (they grow by doubling). */
void hy_page_trim(hy_page *p);
void hy_boxes_mark(hy_boxes *b, int level, const char *title, size_t page, double y);
/* Appends an entry to the structure record; returns it (valid until the next append). */
hy_rowbox *hy_boxes_row(hy_boxes *b);
hy_cellbox *hy_boxes_cell(hy_boxes *b);
hy_linebox *hy_boxes_line(hy_boxes *b);
void hy_boxes_free(hy_boxes *b);
/* Joins rules that continue each other on one line and drops duplicates (adjacent cells share
 * their borders): the same picture with a fraction of the drawing operators. */
void hy_page_merge_rules(hy_page *p);

#endif
