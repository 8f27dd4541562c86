/* boxes.c — growable arrays of the page content (see boxes.h). */
#include "boxes.h"

#include <math.h>
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

void hy_page_trim(hy_page *p)
{
    if (p->n_texts && p->n_texts < p->cap_texts) {
        p->texts = hy_xrealloc(p->texts, p->n_texts, sizeof *p->texts);
        p->cap_texts = p->n_texts;
    }
    if (p->n_rules && p->n_rules < p->cap_rules) {
        p->rules = hy_xrealloc(p->rules, p->n_rules, sizeof *p->rules);
        p->cap_rules = p->n_rules;
    }
    if (p->n_fills && p->n_fills < p->cap_fills) {
        p->fills = hy_xrealloc(p->fills, p->n_fills, sizeof *p->fills);
        p->cap_fills = p->n_fills;
    }
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

hy_rowbox *hy_boxes_row(hy_boxes *b)
{
    GROW(b->rows, b->n_rows, b->cap_rows);
    hy_rowbox *r = &b->rows[b->n_rows++];
    memset(r, 0, sizeof *r);
    r->mark = -1;
    return r;
}

hy_cellbox *hy_boxes_cell(hy_boxes *b)
{
    GROW(b->cells, b->n_cells, b->cap_cells);
    hy_cellbox *c = &b->cells[b->n_cells++];
    memset(c, 0, sizeof *c);
    return c;
}

hy_linebox *hy_boxes_line(hy_boxes *b)
{
    GROW(b->lines, b->n_lines, b->cap_lines);
    hy_linebox *l = &b->lines[b->n_lines++];
    memset(l, 0, sizeof *l);
    return l;
}

int hy_boxes_elem(hy_boxes *b, int parent, const char *type)
{
    if (!b->n_elems) {
        GROW(b->elems, b->n_elems, b->cap_elems);
        b->elems[b->n_elems++] = (hy_elem){"Document", -1, NULL, 0, 1, 1};
    }
    GROW(b->elems, b->n_elems, b->cap_elems);
    b->elems[b->n_elems] = (hy_elem){type, parent, NULL, 0, 1, 1};
    return (int)b->n_elems++;
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
    free(b->rows);
    free(b->cells);
    free(b->lines);
    free(b->elems);
    hy_arena_free(&b->arena);
    memset(b, 0, sizeof *b);
}

/* ---- merging rules ------------------------------------------------------------------------ */

#define EPS 0.01

static int cmp_rule(const void *pa, const void *pb)
{
    const hy_rule *a = pa, *b = pb;
    bool ha = fabs(a->y0 - a->y1) < EPS, hb = fabs(b->y0 - b->y1) < EPS;
    if (ha != hb) return ha ? -1 : 1;
    /* horizontal: by y then x; vertical: by x then y */
    double ka = ha ? a->y0 : a->x0, kb = hb ? b->y0 : b->x0;
    if (fabs(ka - kb) >= EPS) return ka < kb ? -1 : 1;
    if (a->width != b->width) return a->width < b->width ? -1 : 1;
    double sa = ha ? a->x0 : a->y0, sb = hb ? b->x0 : b->y0;
    return sa < sb ? -1 : sa > sb;
}

static hy_rule normalised(hy_rule r)
{
    if (r.x0 > r.x1 || (fabs(r.x0 - r.x1) < EPS && r.y0 > r.y1)) {
        double t = r.x0; r.x0 = r.x1; r.x1 = t;
        t = r.y0; r.y0 = r.y1; r.y1 = t;
    }
    return r;
}

/* Can b extend a (same line, same width, overlapping or touching)? */
static bool extends(const hy_rule *a, const hy_rule *b)
{
    bool ha = fabs(a->y0 - a->y1) < EPS, hb = fabs(b->y0 - b->y1) < EPS;
    bool va = fabs(a->x0 - a->x1) < EPS, vb = fabs(b->x0 - b->x1) < EPS;
    if (a->width != b->width) return false;
    if (ha && hb && fabs(a->y0 - b->y0) < EPS) return b->x0 <= a->x1 + EPS;
    if (va && vb && !ha && !hb && fabs(a->x0 - b->x0) < EPS) return b->y0 <= a->y1 + EPS;
    return false;
}

void hy_page_merge_rules(hy_page *p)
{
    if (p->n_rules < 2) return;
    for (size_t i = 0; i < p->n_rules; i++) p->rules[i] = normalised(p->rules[i]);
    qsort(p->rules, p->n_rules, sizeof *p->rules, cmp_rule);
    size_t k = 0;
    for (size_t i = 1; i < p->n_rules; i++) {
        hy_rule *cur = &p->rules[k], *r = &p->rules[i];
        if (extends(cur, r)) {
            if (r->x1 > cur->x1) cur->x1 = r->x1;
            if (r->y1 > cur->y1) cur->y1 = r->y1;
        } else {
            p->rules[++k] = *r;
        }
    }
    p->n_rules = k + 1;
}
