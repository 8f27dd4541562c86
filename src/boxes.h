/* boxes.h — the laid-out document: pages of positioned text runs, rules and fills, plus
 * bookmarks and document information. This is what layout produces and what the PDF writer
 * draws; nothing here is measured again. Coordinates are points from the page's top-left
 * corner, y downwards; text y is the baseline. All strings live in the arena. */
#ifndef HY_BOXES_H
#define HY_BOXES_H

#include "util.h"

#include <stdbool.h>

typedef struct {
    double x, y, size;
    int font;              /* index into the fontset */
    bool bold;             /* drawn with a hairline stroke: the form's headings */
    double gray;           /* 0 = black */
    double angle;          /* degrees, counter-clockwise (watermarks) */
    double alpha;          /* 0 or 1 = opaque; watermarks are translucent */
    const char *utf8;
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

typedef struct {
    hy_arena arena;
    double width, height;
    hy_page *pages; size_t n_pages, cap_pages;
    hy_mark *marks; size_t n_marks, cap_marks;
    const char *title, *author, *subject, *keywords;
    const char *date;      /* ISO date of the document, or NULL */
    char used_fonts[16];   /* which fontset entries any text uses */
} hy_boxes;

hy_page *hy_boxes_new_page(hy_boxes *b);
void hy_page_text(hy_page *p, hy_textbox t);
void hy_page_rule(hy_page *p, double x0, double y0, double x1, double y1, double width);
void hy_page_fill(hy_page *p, double x, double y, double w, double h, double gray);
void hy_boxes_mark(hy_boxes *b, int level, const char *title, size_t page, double y);
void hy_boxes_free(hy_boxes *b);
/* Joins rules that continue each other on one line and drops duplicates (adjacent cells share
 * their borders): the same picture with a fraction of the drawing operators. */
void hy_page_merge_rules(hy_page *p);

#endif
