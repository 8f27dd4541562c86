/* typeset.h — turns a text into lines of font runs for a given width and size: picks the
 * font of every character (primary or fallback), measures it, and breaks lines by the
 * Japanese rules of linebreak.c. A character no configured font has is an error at the
 * text's position in the input, never a silent blank. */
#ifndef HY_TYPESET_H
#define HY_TYPESET_H

#include "diag.h"
#include "font.h"
#include "util.h"

typedef struct {
    int font;
    double x;              /* from the line's start, pt */
    double w;              /* width, pt */
    bool underline;        /* inside <u>…</u> (layouts with `markup: underline`) */
    const char *utf8;
} hy_run;

typedef struct {
    hy_run *runs;
    size_t n_runs;
    double width;          /* pt */
    int begins;            /* LB_BEGINS_* of linebreak.h: a paragraph's first line, wrapped, split */
    bool heading;          /* a paragraph of one line in brackets: 【…における措置】 <…> ＜…＞ */
} hy_tline;

/* Where a text came from, for messages. */
typedef struct { const char *file; int line, col; } hy_src;

typedef struct {
    hy_fontset *fonts;
    hy_arena *arena;       /* lines and runs are allocated here */
    hy_diags *diags;
    bool ok;               /* false once any character could not be set */
    bool underline_markup; /* <u> and </u> in a text mark underlined spans, not characters */
} hy_typesetter;

/* Breaks text into lines no wider than width (pt) at the given size. Returns the number of
 * lines (at least 1) and stores an arena array in *lines. */
size_t hy_typeset(hy_typesetter *t, const char *text, double size, double width, hy_src src,
                  hy_tline **lines);
/* A reminder of a long text (a label repeated where its row continues): text itself when
 * text + suffix fits in max_lines lines of width pt at size; else the longest start of text that
 * ends on a word (lb_phrase_end: after a space or punctuation, or failing that after a particle)
 * and, followed by "…" and suffix, fits; "…" alone if none does. Trailing spaces of the start are
 * dropped. Arena string; suffix is not included. */
const char *hy_typeset_cut(hy_typesetter *t, const char *text, const char *suffix, double size, double width,
                           size_t max_lines, hy_src src);
/* Width in pt of text set on one line. */
double hy_text_width(hy_typesetter *t, const char *text, double size, hy_src src);

#endif
