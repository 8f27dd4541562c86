/* test_paginate.c — the paginator (table.c) on synthetic rows: rows that fit, a row that moves
 * to the next page, a cell split over two and over three pages with its label continued, and
 * repeated table headers. Checks that every line is drawn exactly once, inside the page body,
 * in order, and that continuation labels appear where a cell continues. */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, ...)                                       \
    do {                                                       \
        if (cond) passed++;                                    \
        else {                                                 \
            failed++;                                          \
            fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);    \
            fprintf(stderr, __VA_ARGS__);                      \
            fputc('\n', stderr);                               \
        }                                                      \
    } while (0)

static const tb_geometry GEO = {595, 842, 40, 40, 40, 40, 4, 3, 0.5};
#define LINE_H 12.0

/* A cell of n lines "tag:0" … "tag:n-1", one strip each. */
static tb_cell *lines_cell(hy_arena *a, tb_row *r, double x, double w, const char *tag, int n)
{
    tb_cell *c = tb_cell_add(a, r, x, w, 1);
    for (int i = 0; i < n; i++) {
        tb_strip *s = tb_strip_add(a, c, LINE_H, 1);
        s->texts[s->n++] = (tb_text){0, 10, 9, 0, false, hy_arena_printf(a, "%s:%d", tag, i)};
    }
    return c;
}

/* A label | value row whose label continues as "label（続き）". */
static tb_row *item(hy_arena *a, const char *label, int value_lines)
{
    tb_row *r = tb_row_new(a);
    tb_cell *l = lines_cell(a, r, 0, 150, label, 1);
    l->cont = hy_arena_alloc(a, sizeof *l->cont);
    *l->cont = *l;
    l->cont->n = l->cont->cap = 0;
    l->cont->strips = NULL;
    tb_strip *s = tb_strip_add(a, l->cont, LINE_H, 1);
    s->texts[s->n++] = (tb_text){0, 10, 9, 0, false, hy_arena_printf(a, "%s（続き）", label)};
    lines_cell(a, r, 150, 365, hy_arena_printf(a, "%s-v", label), value_lines);
    return r;
}

/* Page on which text s is drawn (-1 if never, -2 if more than once). */
static int page_of(const hy_boxes *b, const char *s)
{
    int found = -1;
    for (size_t p = 0; p < b->n_pages; p++)
        for (size_t t = 0; t < b->pages[p].n_texts; t++)
            if (!strcmp(b->pages[p].texts[t].utf8, s)) found = found == -1 ? (int)p : -2;
    return found;
}

static void check_inside(const hy_boxes *b)
{
    int outside = 0;
    for (size_t p = 0; p < b->n_pages; p++)
        for (size_t t = 0; t < b->pages[p].n_texts; t++) {
            double y = b->pages[p].texts[t].y;
            if (y < GEO.top || y > GEO.page_h - GEO.bottom) outside++;
        }
    CHECK(outside == 0, "%d texts outside the page body", outside);
}

static void check_all_lines(const hy_boxes *b, const char *tag, int n)
{
    int prev_page = 0, bad = 0;
    for (int i = 0; i < n; i++) {
        char s[64];
        snprintf(s, sizeof s, "%s:%d", tag, i);
        int p = page_of(b, s);
        if (p < 0 || p < prev_page) bad++;
        if (p >= 0) prev_page = p;
    }
    CHECK(bad == 0, "%s: %d lines missing, repeated or out of order", tag, bad);
}

static void test_short_rows(void)
{
    hy_arena a = {0};
    tb_row *rows[3] = {item(&a, "A", 2), item(&a, "B", 3), item(&a, "C", 1)};
    hy_boxes b = {0};
    tb_paginate(rows, 3, &GEO, &b, 1000);
    CHECK(b.n_pages == 1, "short rows: %zu pages", b.n_pages);
    check_all_lines(&b, "B-v", 3);
    hy_boxes_free(&b);
    hy_arena_free(&a);
}

/* A 20-line row after 60 lines of others: fits a fresh page, is short enough not to split. */
static void test_row_moves(void)
{
    hy_arena a = {0};
    tb_row *rows[2] = {item(&a, "A", 60), item(&a, "M", 5)};
    hy_boxes b = {0};
    tb_paginate(rows, 2, &GEO, &b, 1000);
    CHECK(b.n_pages == 2, "moved row: %zu pages", b.n_pages);
    CHECK(page_of(&b, "M-v:0") == 1 && page_of(&b, "M-v:4") == 1, "short row split instead of moved");
    CHECK(page_of(&b, "M（続き）") == -1, "moved row marked continued");
    hy_boxes_free(&b);
    hy_arena_free(&a);
}

static void test_split(int lines, size_t want_pages)
{
    hy_arena a = {0};
    tb_row *rows[3] = {item(&a, "A", 3), item(&a, "L", lines), item(&a, "Z", 2)};
    hy_boxes b = {0};
    tb_paginate(rows, 3, &GEO, &b, 1000);
    CHECK(b.n_pages == want_pages, "%d-line cell: %zu pages, want %zu", lines, b.n_pages, want_pages);
    check_all_lines(&b, "L-v", lines);
    check_inside(&b);
    for (size_t p = 1; p < b.n_pages; p++) {
        int found = 0;
        for (size_t t = 0; t < b.pages[p].n_texts; t++) found += !strcmp(b.pages[p].texts[t].utf8, "L（続き）");
        CHECK(found == 1 || p == b.n_pages - 1, "page %zu has %d continued labels", p + 1, found);
    }
    CHECK(page_of(&b, "L:0") == 0, "label not on the first page of its cell");
    hy_boxes_free(&b);
    hy_arena_free(&a);
}

/* Rows of a table with a header row: the header repeats at the top of every page. */
static void test_header_repeats(void)
{
    hy_arena a = {0};
    tb_row *head = tb_row_new(&a);
    lines_cell(&a, head, 0, 515, "H", 1);
    tb_row *rows[41];
    rows[0] = head;
    for (int i = 1; i <= 40; i++) {
        rows[i] = item(&a, hy_arena_printf(&a, "R%d", i), 4);
        rows[i]->header[0] = head;
    }
    hy_boxes b = {0};
    tb_paginate(rows, 41, &GEO, &b, 1000);
    int heads = 0;
    for (size_t p = 0; p < b.n_pages; p++)
        for (size_t t = 0; t < b.pages[p].n_texts; t++)
            if (!strcmp(b.pages[p].texts[t].utf8, "H:0")) {
                heads++;
                CHECK(b.pages[p].texts[t].y < GEO.top + LINE_H + 8, "header not at the top of page %zu", p + 1);
            }
    CHECK(b.n_pages >= 3 && heads == (int)b.n_pages, "%d headers on %zu pages", heads, b.n_pages);
    check_inside(&b);
    hy_boxes_free(&b);
    hy_arena_free(&a);
}

/* A band row kept with the next one, carrying a bookmark. */
static tb_row *band(hy_arena *a, const char *label)
{
    tb_row *r = tb_row_new(a);
    lines_cell(a, r, 0, 515, label, 1);
    r->keep_with_next = true;
    r->mark = label;
    return r;
}

/* Page of the last row part drawn on page p: is it a kept row (a stranded heading)? */
static bool stranded(const hy_boxes *b)
{
    for (size_t p = 0; p + 1 < b->n_pages; p++) {
        const hy_rowbox *last = NULL;
        for (size_t i = 0; i < b->n_rows; i++)
            if (b->rows[i].page == p && b->rows[i].kind != HY_ROW_HEADER && (!last || b->rows[i].y1 >= last->y1))
                last = &b->rows[i];
        if (last && last->kind == HY_ROW_KEEP) return true;
    }
    return false;
}

/* issue 14: a heading chain (band, band) at the foot of a page, closed by a short row that
 * cannot split there: the chain moves with the row, and the bookmark with the chain. For every
 * filler length, so that the chain meets the page foot at every offset. */
static void test_chain_moves(void)
{
    int bad_strand = 0, bad_mark = 0;
    for (int fill = 40; fill < 66; fill++) {
        hy_arena a = {0};
        tb_row *rows[4] = {item(&a, "A", fill), band(&a, "H1"), band(&a, "H2"), item(&a, "S", 3)};
        hy_boxes b = {0};
        tb_paginate(rows, 4, &GEO, &b, 1000);
        bad_strand += stranded(&b);
        int ps = page_of(&b, "S-v:0");
        if (page_of(&b, "H1:0") != ps || page_of(&b, "H2:0") != ps) bad_strand++;
        for (size_t m = 0; m < b.n_marks; m++)
            if ((int)b.marks[m].page != ps) bad_mark++;
        hy_boxes_free(&b);
        hy_arena_free(&a);
    }
    CHECK(bad_strand == 0, "a heading chain was left at the foot of a page %d times", bad_strand);
    CHECK(bad_mark == 0, "%d bookmarks not on the page of their content", bad_mark);
}

/* A chain and its first row taller than a page: the row splits under the chain. */
static void test_chain_row_splits(void)
{
    hy_arena a = {0};
    tb_row *rows[4] = {item(&a, "A", 30), band(&a, "H1"), item(&a, "L", 70), item(&a, "Z", 1)};
    hy_boxes b = {0};
    tb_paginate(rows, 4, &GEO, &b, 1000);
    CHECK(!stranded(&b), "heading stranded before a long row");
    CHECK(page_of(&b, "H1:0") == page_of(&b, "L-v:0"), "long row does not begin under its heading");
    check_all_lines(&b, "L-v", 70);
    hy_boxes_free(&b);
    hy_arena_free(&a);
}

/* A cell of 10 000 lines (159 pages) against a limit of 50 pages: pagination stops at the
 * limit and names the row; with the limit above the need it places every line, and the time
 * it takes is linear (each page costs O(cells), not O(lines left)). */
static void test_page_limit(void)
{
    hy_arena a = {0};
    tb_row *rows[2] = {item(&a, "A", 3), item(&a, "L", 10000)};
    hy_boxes b = {0};
    size_t stop = tb_paginate(rows, 2, &GEO, &b, 50);
    CHECK(stop == 1, "stopped at row %zu, expected 1", stop);
    CHECK(b.n_pages == 51, "%zu pages begun, expected 51", b.n_pages);
    hy_boxes_free(&b);
    b = (hy_boxes){0};
    stop = tb_paginate(rows, 2, &GEO, &b, 1000);
    CHECK(stop == 2, "stopped at row %zu with room for all", stop);
    CHECK(page_of(&b, "L-v:9999") == (int)b.n_pages - 1, "last line on page %d of %zu",
          page_of(&b, "L-v:9999"), b.n_pages);
    hy_boxes_free(&b);
    hy_arena_free(&a);
}

int main(void)
{
    /* Body height 762 pt holds 63 lines of 12 pt with padding: 100 lines need 2 pages,
     * 150 lines 3 pages. */
    test_short_rows();
    test_row_moves();
    test_split(100, 2);
    test_split(150, 3);
    test_header_repeats();
    test_chain_moves();
    test_chain_row_splits();
    test_page_limit();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
