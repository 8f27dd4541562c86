/* typeset.c — text → measured lines of runs (see typeset.h). */
#include "typeset.h"
#include "linebreak.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct {
    uint32_t *cps;
    int32_t *w;       /* 1/1000 em */
    signed char *font;
    bool *ul;         /* underlined */
    size_t n;
} shaped;

/* Tabs become spaces and CR is dropped: both come from copy-and-paste, neither is meant. */
static uint32_t normalise(uint32_t cp)
{
    return cp == '\t' ? ' ' : cp;
}

static bool variation_selector(uint32_t cp)
{
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

static void report_missing(hy_typesetter *t, uint32_t cp, hy_src src)
{
    char u[5] = {0};
    hy_utf8_encode(cp, u);
    if (variation_selector(cp)) {
        hy_diag_msg(t->diags, src.file, src.line, src.col, HY_M_VS_ALONE, (unsigned)cp);
        t->ok = false;
        return;
    }
    hy_diag_msg(t->diags, src.file, src.line, src.col, HY_M_CHAR_NO_FONT, (unsigned)cp, cp >= 0x20 ? u : "?",
                t->fonts->tried);
    t->ok = false;
}

static void report_variant(hy_typesetter *t, uint32_t base, uint32_t vs, hy_src src)
{
    char u[5] = {0};
    hy_utf8_encode(base, u);
    hy_diag_msg(t->diags, src.file, src.line, src.col, HY_M_VARIANT_NO_FONT, (unsigned)base, (unsigned)vs, u,
                t->fonts->tried);
    t->ok = false;
}

/* Combining marks (general category Mn, Mc or Me, variation selectors aside) printed on one
 * character. Our text is drawn without mark positioning: each mark has its own advance in the
 * fonts that have it, and a stack is never broken across lines (UAX #14 LB9), so a long stack
 * would run out of its cell and off the page (issue 11). Real text needs one or two (a
 * (han)dakuten, Vietnamese tone marks); a longer stack is refused at the text's position. */
#define HY_MAX_MARKS 4

static bool combining_mark(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME) &&
           !variation_selector(cp);
}

static void report_marks(hy_typesetter *t, const uint32_t *cps, size_t n, size_t first, hy_src src)
{
    size_t k = first;
    while (k < n && (combining_mark(cps[k]) || variation_selector(cps[k]))) k++;
    char u[5] = {0};
    hy_utf8_encode(first ? cps[first - 1] : ' ', u);
    hy_diag_msg(t->diags, src.file, src.line, src.col, HY_M_TOO_MANY_MARKS, k - first, (unsigned)cps[first], first && cps[first - 1] >= 0x20 ? u : "?", HY_MAX_MARKS);
    t->ok = false;
}

/* Length of a <u> or </u> tag at cps (setting *ul), or 0. */
static size_t underline_tag(const uint32_t *cps, size_t n, bool *ul)
{
    static const uint32_t open[] = {'<', 'u', '>'}, close[] = {'<', '/', 'u', '>'};
    if (n >= 3 && !memcmp(cps, open, sizeof open)) {
        *ul = true;
        return 3;
    }
    if (n >= 4 && !memcmp(cps, close, sizeof close)) {
        *ul = false;
        return 4;
    }
    return 0;
}

/* A <u> inside an underline, a </u> outside one, or a <u> never closed: the tags are not
 * printed, so a text that holds them unpaired would print altered (partly underlined, or
 * without a '</u>' it was meant to show). */
static void report_tag(hy_typesetter *t, bool open, bool at_end, hy_src src)
{
    hy_diag_msg(t->diags, src.file, src.line, src.col,
                at_end ? HY_M_UL_NOT_CLOSED : open ? HY_M_UL_NESTED : HY_M_UL_CLOSES_NONE);
    t->ok = false;
}

static shaped shape(hy_typesetter *t, const char *text, hy_src src)
{
    shaped s = {0};
    size_t n;
    uint32_t *cps = hy_utf8_to_cps(text, &n);
    s.cps = hy_xmalloc((n + 1) * sizeof *s.cps);
    s.w = hy_xmalloc((n + 1) * sizeof *s.w);
    s.font = hy_xmalloc(n + 1);
    s.ul = hy_xcalloc(n + 1, sizeof *s.ul);
    bool ul = false;
    size_t marks = 0;  /* combining marks since the last other character */
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = normalise(cps[i]);
        if (cp == '\r') continue;
        marks = combining_mark(cp) ? marks + 1 : variation_selector(cp) ? marks : 0;
        if (marks == HY_MAX_MARKS + 1) report_marks(t, cps, n, i - HY_MAX_MARKS, src);
        bool was_ul = ul;
        size_t tag = t->underline_markup ? underline_tag(cps + i, n - i, &ul) : 0;
        if (tag) {
            if (was_ul == ul) report_tag(t, ul, false, src);
            i += tag - 1;
            continue;
        }
        s.ul[s.n] = ul;
        int32_t w = 0;
        int f = 0;
        if (variation_selector(cp) && s.n && s.cps[s.n - 1] != '\n') {
            /* The base before it takes the font that has this variant, with that glyph's width. */
            f = hy_font_pick_variant(t->fonts, s.cps[s.n - 1], cp, &w);
            if (f < 0) {
                report_variant(t, s.cps[s.n - 1], cp, src);
                f = 0;
            } else {
                s.font[s.n - 1] = (signed char)f;
                s.w[s.n - 1] = w;
            }
            s.cps[s.n] = cp;
            s.w[s.n] = 0;
            s.ul[s.n] = ul;
            s.font[s.n++] = (signed char)f;
            continue;
        }
        if (cp != '\n') {
            f = hy_font_pick(t->fonts, cp, &w);
            if (f < 0) {
                report_missing(t, cp, src);
                f = 0;
                w = 0;
            }
        }
        s.cps[s.n] = cp;
        s.w[s.n] = w;
        s.font[s.n++] = (signed char)f;
    }
    if (ul) report_tag(t, true, true, src);
    free(cps);
    return s;
}

static void shaped_free(shaped *s)
{
    free(s->ul);
    free(s->cps);
    free(s->w);
    free(s->font);
}

/* Cuts code points [a, b) into runs of one font and one underline state each. */
static hy_tline make_line(hy_typesetter *t, const shaped *s, size_t a, size_t b, double size)
{
    hy_tline l = {0};
    size_t runs = 0;
    for (size_t i = a; i < b; i++)
        if (i == a || s->font[i] != s->font[i - 1] || s->ul[i] != s->ul[i - 1]) runs++;
    l.runs = hy_arena_alloc(t->arena, (runs ? runs : 1) * sizeof *l.runs);
    int32_t x = 0, start = 0;
    hy_buf buf = {0};
    for (size_t i = a; i <= b; i++) {
        bool boundary = i == b || i == a || s->font[i] != s->font[i - 1] || s->ul[i] != s->ul[i - 1];
        if (boundary && l.n_runs) {
            hy_run *r = &l.runs[l.n_runs - 1];
            r->utf8 = hy_arena_strdup(t->arena, buf.data ? buf.data : "");
            r->w = (x - start) * size / 1000.0;
        }
        if (i == b) break;
        if (boundary) {
            buf.len = 0;
            start = x;
            l.runs[l.n_runs++] = (hy_run){.font = s->font[i], .x = x * size / 1000.0, .underline = s->ul[i]};
        }
        char u[4];
        hy_buf_add(&buf, u, hy_utf8_encode(s->cps[i], u));
        x += s->w[i];
    }
    l.width = x * size / 1000.0;
    hy_buf_free(&buf);
    return l;
}

size_t hy_typeset(hy_typesetter *t, const char *text, double size, double width, hy_src src,
                  hy_tline **out)
{
    shaped s = shape(t, text ? text : "", src);
    int32_t max = (int32_t)(width * 1000.0 / size);
    lb_line stack[64], *lines = stack;
    size_t n = lb_wrap(s.cps, s.w, s.n, max, lines, 64);
    if (n > 64) {
        lines = hy_xmalloc(n * sizeof *lines);
        lb_wrap(s.cps, s.w, s.n, max, lines, n);
    }
    *out = hy_arena_alloc(t->arena, n * sizeof **out);
    for (size_t i = 0; i < n; i++) {
        (*out)[i] = make_line(t, &s, lines[i].start, lines[i].end, size);
        (*out)[i].begins = lines[i].begins;
        bool whole = lines[i].begins == LB_BEGINS_PARAGRAPH && (i + 1 == n || lines[i + 1].begins == LB_BEGINS_PARAGRAPH);
        size_t a = lines[i].start, b = lines[i].end;
        while (a < b && (s.cps[a] == ' ' || s.cps[a] == 0x3000)) a++;
        (*out)[i].heading = whole && b > a + 1 && lb_bracket(s.cps[a]) > 0 && lb_bracket(s.cps[b - 1]) < 0;
    }
    if (lines != stack) free(lines);
    shaped_free(&s);
    return n;
}

double hy_text_width(hy_typesetter *t, const char *text, double size, hy_src src)
{
    shaped s = shape(t, text, src);
    int64_t x = 0;
    for (size_t i = 0; i < s.n; i++) x += s.w[i];
    shaped_free(&s);
    return (double)x * size / 1000.0;
}

/* Lines needed for text at size and width, without keeping them (or reporting a character
 * again: the text was set in full before). */
static size_t count_lines(hy_typesetter *t, const char *text, double size, double width, hy_src src)
{
    hy_arena scratch = {0};
    hy_diags quiet_diags = {0};
    hy_typesetter quiet = *t;
    quiet.arena = &scratch;
    quiet.diags = &quiet_diags;
    hy_tline *lines;
    size_t n = hy_typeset(&quiet, text, size, width, src, &lines);
    hy_arena_free(&scratch);
    hy_diags_free(&quiet_diags);
    return n;
}

/* text's code points [0, k) without trailing spaces, then "…" and suffix (a new string). */
static char *cut_text(const uint32_t *cps, size_t k, const char *suffix)
{
    while (k > 0 && (cps[k - 1] == ' ' || cps[k - 1] == 0x3000)) k--;
    hy_buf b = {0};
    for (size_t i = 0; i < k; i++) {
        char u[4];
        hy_buf_add(&b, u, hy_utf8_encode(cps[i], u));
    }
    hy_buf_puts(&b, "\u2026");
    hy_buf_puts(&b, suffix);
    return b.data;
}

static bool cut_fits(hy_typesetter *t, const uint32_t *cps, size_t k, const char *suffix, double size,
                     double width, size_t max_lines, hy_src src)
{
    char *s = cut_text(cps, k, suffix);
    bool fits = count_lines(t, s, size, width, src) <= max_lines;
    free(s);
    return fits;
}

const char *hy_typeset_cut(hy_typesetter *t, const char *text, const char *suffix, double size, double width,
                           size_t max_lines, hy_src src)
{
    char *whole = hy_xasprintf("%s%s", text, suffix);
    bool fits = count_lines(t, whole, size, width, src) <= max_lines;
    free(whole);
    if (fits) return text;
    size_t n;
    uint32_t *cps = hy_utf8_to_cps(text, &n);
    if (t->underline_markup) { /* a reminder is not underlined: no tag is cut in two or left open */
        size_t m = 0;
        bool ul;
        for (size_t i = 0; i < n; i++) {
            size_t tag = underline_tag(cps + i, n - i, &ul);
            if (tag) i += tag - 1;
            else cps[m++] = cps[i];
        }
        n = m;
    }
    /* the longest start that fits (a longer start never needs fewer lines) */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (cut_fits(t, cps, mid, suffix, size, width, max_lines, src)) lo = mid;
        else hi = mid - 1;
    }
    size_t strong = 0, weak = 0;
    for (size_t k = lo; k > 0 && !strong; k--) {
        int q = lb_phrase_end(cps, n, k);
        if (q == LB_CUT_STRONG) strong = k;
        if (q == LB_CUT_WEAK && !weak) weak = k;
    }
    /* a word end, unless it keeps less than a third of what a cut inside a word keeps */
    size_t keep = strong * 3 >= lo ? strong : weak * 3 >= lo ? weak : lo;
    char *cut = cut_text(cps, keep, "");
    const char *s = hy_arena_strdup(t->arena, cut);
    free(cut);
    free(cps);
    return s;
}
