/* diff_page.c — pages of changed items in the first version's layout (see diff_page.h).
 *
 * The anchors say on which pages an item was drawn. An item on one page is on that page. For
 * an item over several pages the page is that of its first changed line: within the item's
 * anchored stretch (its first page from its first position on, its last page up to its last
 * position) the laid-out lines are read in order until they hold the start of that line. The
 * stretch is the item's alone, so the text compared is only the item's own. */
#include "diff_page.h"

#include "textdiff.h"

#include <stdlib.h>
#include <string.h>

/* The pages (0-based) and positions where version 0 drew the item; false if it drew nothing. */
static bool anchored(const hy_boxes *b, const hy_item *it, size_t *first, size_t *last, double *y0, double *y1)
{
    for (; it; it = it->parent) {
        if (it->id >= b->n_anchors || !b->anchors[it->id].drawn) continue;
        const hy_anchor *a = &b->anchors[it->id];
        *first = a->first_page, *last = a->last_page, *y0 = a->top, *y1 = a->bottom;
        return true;
    }
    return false;
}

/* s without white space (as pdftotext may space a line differently), at most max code points. */
static char *squeezed_copy(const char *s, size_t max)
{
    hy_buf b = {0};
    hy_buf_puts(&b, "");
    size_t n = 0;
    for (const char *p = s; *p && n < max;) {
        uint32_t cp;
        size_t len = hy_utf8_decode(p, strlen(p), &cp);
        if (!len) len = 1, cp = 0xFFFD;
        if (cp != ' ' && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0x3000) hy_buf_add(&b, p, len), n++;
        p += len;
    }
    return b.data;
}

/* The page (0-based) in [first, last] whose text within the item's stretch holds `key`, the
 * n-th time counted from the stretch's start (n from 0: the same line may stand twice). */
static bool find_line(const hy_boxes *b, size_t first, size_t last, double y0, double y1, const char *key,
                      size_t nth, size_t *page)
{
    for (size_t p = first; p <= last && p < b->n_pages; p++) {
        hy_buf t = {0};
        hy_buf_puts(&t, "");
        for (size_t i = 0; i < b->pages[p].n_texts; i++) {
            const hy_textbox *x = &b->pages[p].texts[i];
            if ((p == first && x->y < y0) || (p == last && x->y > y1) || (x->alpha > 0 && x->alpha < 1)) continue;
            char *sq = squeezed_copy(x->utf8, SIZE_MAX);
            hy_buf_puts(&t, sq);
            free(sq);
        }
        for (const char *at = strstr(t.data, key); at; at = strstr(at + 1, key))
            if (nth-- == 0) {
                *page = p;
                hy_buf_free(&t);
                return true;
            }
        hy_buf_free(&t);
    }
    return false;
}

/* The 0-based index of version 0's first line that some later version changes, or -1. */
static long first_changed_line(const df_changes *c, size_t i)
{
    const df_change *ch = &c->items[i];
    size_t n = td_line_count(ch->text[0]);
    long first = -1;
    bool *old = hy_xcalloc(n + 1, sizeof *old);
    for (size_t v = 1; v < c->n_versions; v++) {
        bool *nw = hy_xcalloc(td_line_count(ch->text[v]) + 1, sizeof *nw);
        td_lines_changed(ch->text[0], ch->text[v], old, nw);
        for (size_t k = 0; k < n; k++)
            if (old[k] && (first < 0 || (long)k < first)) first = (long)k;
        free(nw);
    }
    free(old);
    return first;
}

/* Line k of s (without its '\n') as a new string. */
static char *line_copy(const char *s, size_t k)
{
    for (; k > 0 && s; k--) {
        s = strchr(s, '\n');
        if (s) s++;
    }
    if (!s) return hy_xstrdup("");
    return hy_xasprintf("%.*s", (int)strcspn(s, "\n"), s);
}

/* How many of lines 0..k-1 of s start like line k (its key): the key's earlier occurrences. */
static size_t earlier(const char *s, size_t k, const char *key)
{
    size_t count = 0;
    for (size_t j = 0; j < k; j++) {
        char *l = line_copy(s, j), *sq = squeezed_copy(l, SIZE_MAX);
        for (const char *at = strstr(sq, key); at; at = strstr(at + 1, key)) count++;
        free(l), free(sq);
    }
    return count;
}

void df_places(const hy_boxes *b, const df_changes *c, df_place *places)
{
    for (size_t i = 0; i < c->n; i++) {
        const df_change *ch = &c->items[i];
        size_t first, last;
        double y0, y1;
        places[i] = (df_place){0};
        if (!anchored(b, ch->old_place, &first, &last, &y0, &y1)) continue;
        places[i].page = (int)first + 1;
        if (first == last || !ch->item[0] || !ch->prose) continue;
        long k = first_changed_line(c, i);
        if (k < 0) continue;
        places[i].excerpt = true;
        char *line = line_copy(ch->text[0], (size_t)k);
        /* The start of the line: long enough to be its own, short enough to stay on one
         * laid-out line of a narrow column; shorter keys if a page break cuts it. */
        static const size_t lengths[] = {16, 8, 4, 1};
        for (size_t t = 0; t < sizeof lengths / sizeof *lengths; t++) {
            char *key = squeezed_copy(line, lengths[t]);
            size_t page;
            bool found = *key && find_line(b, first, last, y0, y1, key, earlier(ch->text[0], (size_t)k, key), &page);
            free(key);
            if (found) {
                places[i].page = (int)page + 1;
                break;
            }
        }
        free(line);
    }
}

char *df_excerpt_copy(const char *s, const bool *keep)
{
    size_t n = td_line_count(s), kept = 0;
    for (size_t k = 0; k < n; k++) kept += keep[k];
    if (kept == 0 || kept == n) return hy_xstrdup(s);
    hy_buf out = {0};
    bool gap = false;
    const char *p = s;
    for (size_t k = 0; k < n; k++) {
        size_t len = strcspn(p, "\n");
        if (keep[k]) {
            if (gap) hy_buf_puts(&out, "(略)\n");
            hy_buf_printf(&out, "%.*s\n", (int)len, p);
            gap = false;
        } else gap = true;
        p += len + (p[len] == '\n');
    }
    if (gap) hy_buf_puts(&out, "(略)\n");
    while (out.len && out.data[out.len - 1] == '\n') out.data[--out.len] = 0;
    return out.data;
}
