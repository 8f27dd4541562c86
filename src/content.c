/* content.c — page boxes → content-stream operators (see content.h). */
#include "content.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_char(hy_buf *b, char c)
{
    hy_buf_add(b, &c, 1);
}

/* Numbers are written in hundredths of a point: 1/7200 inch, far below any printer's or
 * screen's resolution, and few digits make small pages. */
static long long hundredths(double v)
{
    return llround(v * 100);
}

/* h/100 with its trailing zeros dropped ("12.5", "0", "-3.25"). */
static void put_fixed(hy_buf *b, long long h)
{
    char tmp[32], *t = tmp + sizeof tmp;
    unsigned long long u = h < 0 ? 0ULL - (unsigned long long)h : (unsigned long long)h;
    int decimals = 2;
    while (decimals > 0 && u % 10 == 0) {
        u /= 10;
        decimals--;
    }
    for (int i = 0; i < decimals; i++, u /= 10) *--t = (char)('0' + u % 10);
    if (decimals) *--t = '.';
    do *--t = (char)('0' + u % 10); while (u /= 10);
    if (h < 0) *--t = '-';
    hy_buf_add(b, t, (size_t)(tmp + sizeof tmp - t));
}

static void put_num(hy_buf *b, double v)
{
    put_fixed(b, hundredths(v));
}

/* Numbers separated by spaces, then the operator and a newline: "x y w h re". */
static void op(hy_buf *b, const char *name, int n, const double *v)
{
    for (int i = 0; i < n; i++) {
        put_num(b, v[i]);
        put_char(b, ' ');
    }
    hy_buf_puts(b, name);
    put_char(b, '\n');
}

/* ---- marked content --------------------------------------------------------------------- */

/* The marked-content sequence open in the stream: a structure element, an artifact kind, or
 * none. */
#define NO_SEQ INT_MIN

typedef struct {
    hy_content_tags *tags;  /* NULL: untagged */
    int open;               /* the open sequence's element / HY_TAG_*, or NO_SEQ */
} marker;

static void end_seq(hy_buf *b, marker *m)
{
    if (m->open == NO_SEQ) return;
    hy_buf_puts(b, "EMC\n");
    m->open = NO_SEQ;
}

/* Makes `tag` the open sequence: a new MCID for an element, the artifact's properties. */
static void begin_seq(hy_buf *b, marker *m, int tag)
{
    if (!m->tags || m->open == tag) return;
    end_seq(b, m);
    m->open = tag;
    static const char *const artifact[] = {
        [-HY_TAG_REPEAT] = "/Artifact <</Type /Pagination>> BDC\n",
        [-HY_TAG_FOOTER] = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
        [-HY_TAG_HEADER] = "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
        [-HY_TAG_WATERMARK] = "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n",
    };
    if (tag <= 0) {
        hy_buf_puts(b, artifact[-tag]);
        return;
    }
    hy_content_tags *t = m->tags;
    if (t->n_mcids == t->cap_mcids) {
        t->cap_mcids = t->cap_mcids ? 2 * t->cap_mcids : 64;
        t->elem_of_mcid = hy_xrealloc(t->elem_of_mcid, t->cap_mcids, sizeof *t->elem_of_mcid);
    }
    t->elem_of_mcid[t->n_mcids] = tag;
    put_char(b, '/');
    hy_buf_puts(b, t->elems[tag].type);
    hy_buf_puts(b, " <</MCID ");
    put_fixed(b, (long long)t->n_mcids++ * 100);
    hy_buf_puts(b, ">> BDC\n");
}

/* Page furniture that is not text (fills, rules) as one layout artifact. */
static void begin_furniture(hy_buf *b, const marker *m)
{
    if (m->tags) hy_buf_puts(b, "/Artifact BMC\n");
}

static void end_furniture(hy_buf *b, const marker *m)
{
    if (m->tags) hy_buf_puts(b, "EMC\n");
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void draw_fills(hy_buf *b, const hy_page *p, double page_h)
{
    for (size_t i = 0; i < p->n_fills; i++) {
        const hy_fill *f = &p->fills[i];
        op(b, "g", 1, &f->gray);
        op(b, "re f", 4, (double[]){f->x, page_h - f->y - f->h, f->w, f->h});
    }
}

/* Rules as one path per line width, ends squared off so that borders meet at corners. */
static void draw_rules(hy_buf *b, const hy_page *p, double page_h)
{
    if (!p->n_rules) return;
    hy_buf_puts(b, "0 G\n2 J\n");
    double width = -1;
    for (size_t i = 0; i < p->n_rules; i++) {
        const hy_rule *r = &p->rules[i];
        if (r->width != width) {
            if (width >= 0) hy_buf_puts(b, "S\n");
            width = r->width;
            op(b, "w", 1, &width);
        }
        op(b, "m", 2, (double[]){r->x0, page_h - r->y0});
        op(b, "l", 2, (double[]){r->x1, page_h - r->y1});
    }
    hy_buf_puts(b, "S\n");
}

/* The text state already set in the current text object, so that each run costs only its
 * position and its glyphs. */
typedef struct {
    int font;
    double size, gray, line_width;
    int bold;
    long long x, y;         /* start of the current line (Td is relative to it), hundredths */
} text_state;

static void set_state(hy_buf *b, const hy_content_font *fonts, const hy_textbox *t, text_state *ts)
{
    if (t->font != ts->font || t->size != ts->size) {
        hy_buf_printf(b, "/%s ", fonts[t->font].resource);
        op(b, "Tf", 1, &t->size);
        ts->font = t->font;
        ts->size = t->size;
    }
    if (t->gray != ts->gray) {
        op(b, "g", 1, &t->gray);
        op(b, "G", 1, &t->gray);
        ts->gray = t->gray;
    }
    if (t->bold != ts->bold) {
        /* Fill then stroke with a hairline: the heading weight, without a second font. */
        hy_buf_puts(b, t->bold ? "2 Tr\n" : "0 Tr\n");
        ts->bold = t->bold;
    }
    double lw = t->size * 0.035;
    if (t->bold && lw != ts->line_width) {
        op(b, "w", 1, &lw);
        ts->line_width = lw;
    }
}

/* A CID as two bytes of a literal string; the bytes that a literal string cannot hold as
 * they are get a backslash (PDF 32000-1 7.3.4.2: "(", ")", "\\" and line ends). */
static void put_cid(hy_buf *b, uint16_t cid)
{
    char out[4];
    int n = 0;
    for (int shift = 8; shift >= 0; shift -= 8) {
        char c = (char)(cid >> shift & 0xFF);
        if (c == '(' || c == ')' || c == '\\') out[n++] = '\\', out[n++] = c;
        else if (c == '\r') out[n++] = '\\', out[n++] = 'r';
        else if (c == '\n') out[n++] = '\\', out[n++] = 'n';
        else out[n++] = c;
    }
    hy_buf_add(b, out, (size_t)n);
}

/* Moves to the run's start: relative to the previous line start for upright text (Td: the
 * shortest form), a full text matrix for rotated text. */
static void move_to(hy_buf *b, const hy_textbox *t, double page_h, text_state *ts)
{
    if (t->angle == 0) {
        long long x = hundredths(t->x), y = hundredths(page_h - t->y);
        put_fixed(b, x - ts->x);
        hy_buf_puts(b, " ");
        put_fixed(b, y - ts->y);
        hy_buf_puts(b, " Td\n");
        ts->x = x;
        ts->y = y;
        return;
    }
    double a = t->angle * M_PI / 180.0;
    op(b, "Tm", 6, (double[]){cos(a), sin(a), -sin(a), cos(a), t->x, page_h - t->y});
}

/* Positions the run, then shows its characters' CIDs, each part of the run inside the
 * marked content of its element (a split continues with the next Tj where the last ended). */
static void show(hy_buf *b, const hy_textbox *t, double page_h, const hy_subset *s, text_state *ts,
                 marker *m)
{
    begin_seq(b, m, t->elem);
    move_to(b, t, page_h, ts);
    put_char(b, '(');
    hy_char c;
    unsigned split = 0;
    for (size_t i = 0, len = strlen(t->utf8), k; (k = hy_char_next(t->utf8 + i, len - i, &c)); i += k) {
        while (m->tags && split < t->n_splits && t->splits[split].at <= i) {
            int tag = t->splits[split++].elem;
            if (tag == m->open) continue;
            hy_buf_puts(b, ") Tj\n");
            begin_seq(b, m, tag);
            put_char(b, '(');
        }
        put_cid(b, hy_subset_cid(s, c.cp, c.vs));
    }
    hy_buf_puts(b, ") Tj\n");
}

static bool drawable(const hy_textbox *t, const hy_content_font *fonts)
{
    return t->utf8[0] && fonts[t->font].subset;
}

static bool translucent(const hy_textbox *t)
{
    return t->alpha > 0 && t->alpha < 1;
}

/* The order in which texts are written: by structure element (elements are numbered in
 * reading order), each element's texts in the order layout placed them; artifacts first.
 * The lines of the items of a grid row (別添1, checkboxes, options side by side), placed line by
 * line across the row, so follow each other item by item, as a reader reads them, and text
 * extraction in content order keeps each item whole. A stable merge sort of indices. */
static size_t *reading_order(const hy_page *p)
{
    size_t n = p->n_texts, *idx = hy_xmalloc((n + 1) * sizeof *idx), *tmp = NULL;
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        idx[i] = i;
        if (i && p->texts[i].elem < p->texts[i - 1].elem) sorted = false;
    }
    if (sorted) return idx;
    tmp = hy_xmalloc(n * sizeof *tmp);
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t a = lo, c = mid, k = lo;
            while (a < mid && c < hi) tmp[k++] = p->texts[idx[c]].elem < p->texts[idx[a]].elem ? idx[c++] : idx[a++];
            while (a < mid) tmp[k++] = idx[a++];
            while (c < hi) tmp[k++] = idx[c++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
    }
    free(tmp);
    return idx;
}

static void draw_texts(hy_buf *b, const hy_page *p, double page_h, const hy_content_font *fonts,
                       hy_gstate_name gstate, void *ctx, marker *m)
{
    /* gray -1: whatever the fills left set is not assumed */
    text_state ts = {-1, 0, -1, -1, 0, 0, 0};  /* BT starts lines at the origin */
    bool open = false;
    size_t *order = m->tags ? reading_order(p) : NULL;
    for (size_t i = 0; i < p->n_texts; i++) {
        const hy_textbox *t = &p->texts[order ? order[i] : i];
        if (!drawable(t, fonts) || translucent(t)) continue;
        if (!open) hy_buf_puts(b, "BT\n");
        open = true;
        begin_seq(b, m, t->elem);  /* its state operators inside its marked content too */
        set_state(b, fonts, t, &ts);
        show(b, t, page_h, fonts[t->font].subset, &ts, m);
    }
    end_seq(b, m);  /* a sequence begun in a text object ends in it */
    if (open) hy_buf_puts(b, "ET\n");
    free(order);
    for (size_t i = 0; i < p->n_texts; i++) {
        const hy_textbox *t = &p->texts[i];
        if (!drawable(t, fonts) || !translucent(t)) continue;
        /* one marked-content sequence around the whole of it, unless it is split */
        if (!t->n_splits) begin_seq(b, m, t->elem);
        hy_buf_printf(b, "q\n/%s gs\nBT\n", gstate(ctx, t->alpha));
        text_state fresh = {-1, -1, -1, -1, -1, 0, 0};  /* Tr outlives ET: set it again */
        begin_seq(b, m, t->elem);
        set_state(b, fonts, t, &fresh);
        show(b, t, page_h, fonts[t->font].subset, &fresh, m);
        if (t->n_splits) end_seq(b, m);
        hy_buf_puts(b, "ET\nQ\n");
        end_seq(b, m);
    }
}

void hy_content_page(hy_buf *out, const hy_page *p, double page_h, const hy_content_font *fonts,
                     hy_gstate_name gstate, void *ctx, hy_content_tags *tags)
{
    marker m = {tags, NO_SEQ};
    if (tags) tags->n_mcids = 0;
    if (p->n_fills) {
        begin_furniture(out, &m);
        draw_fills(out, p, page_h);
        end_furniture(out, &m);
    }
    if (p->n_rules) {
        begin_furniture(out, &m);
        draw_rules(out, p, page_h);
        end_furniture(out, &m);
    }
    draw_texts(out, p, page_h, fonts, gstate, ctx, &m);
}
