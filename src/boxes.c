/* boxes.c — growable arrays of the page content (see boxes.h). */
#include "boxes.h"

#include <stdlib.h>
#include <string.h>

#define GROW(arr, n, cap)                                            \
    do {                                                             \
        if ((n) == (cap)) {                                          \
            (cap) = (cap) ? (cap) * 2 : 64;                          \
            (arr) = hy_xrealloc((arr), (cap), sizeof *(arr));        \
        }                                                            \
    } while (0)

hy_page *hy_boxes_new_page(hy_boxes *b)
{
    GROW(b->pages, b->n_pages, b->cap_pages);
    hy_page *p = &b->pages[b->n_pages++];
    memset(p, 0, sizeof *p);
    return p;
}

void hy_page_text(hy_page *p, hy_textbox t)
{
    GROW(p->texts, p->n_texts, p->cap_texts);
    p->texts[p->n_texts++] = t;
}

void hy_page_rule(hy_page *p, double x0, double y0, double x1, double y1, double width)
{
    GROW(p->rules, p->n_rules, p->cap_rules);
    p->rules[p->n_rules++] = (hy_rule){x0, y0, x1, y1, width};
}

void hy_page_fill(hy_page *p, double x, double y, double w, double h, double gray)
{
    GROW(p->fills, p->n_fills, p->cap_fills);
    p->fills[p->n_fills++] = (hy_fill){x, y, w, h, gray};
}

void hy_boxes_mark(hy_boxes *b, int level, const char *title, size_t page, double y)
{
    GROW(b->marks, b->n_marks, b->cap_marks);
    b->marks[b->n_marks++] = (hy_mark){level, title, page, y};
}

void hy_boxes_free(hy_boxes *b)
{
    for (size_t i = 0; i < b->n_pages; i++) {
        free(b->pages[i].texts);
        free(b->pages[i].rules);
        free(b->pages[i].fills);
    }
    free(b->pages);
    free(b->marks);
    hy_arena_free(&b->arena);
    memset(b, 0, sizeof *b);
}
