/* form_cell.h — private to the form's layout (form.c: rows and the walk; form_cell.c: what
 * goes inside a cell). The state of laying out one document, and the cell fillers. */
#ifndef HY_FORM_CELL_H
#define HY_FORM_CELL_H

#include "form.h"
#include "table.h"
#include "tagging.h"
#include "typeset.h"

/* Shades of the form: headings darker than labels, values white. */
#define GRAY_BAND 0.82
#define GRAY_RISK 0.88
#define GRAY_LABEL 0.93
#define GRAY_NONE 1.0
#define PAD_X 4.0
#define PAD_Y 3.0
#define MAX_CONT_LINES 4   /* lines of a label repeated on a continuation page */

/* From the `chars`-th character of a text on (counted over its lines), its characters belong
 * to element `elem` (a list label, then the item's body). */
typedef struct { size_t chars; int elem; } fc_split;

typedef struct {
    const lay_form *f;
    const hy_model *m;
    hy_typesetter ts;
    hy_arena *a;            /* the result's arena */
    double W;               /* text width, pt */
    hy_vec rows;            /* tb_row * in order */
    tb_row *header[2];      /* header rows of the table being built */
    bool page_before;       /* the next row starts a new page */
    const char *mark;       /* bookmark for the next row */
    int mark_level;
    /* the logical structure (tagging.h) */
    tg_builder tg;
    int elem;               /* element of the texts added now (HY_TAG_REPEAT: an artifact) */
    const fc_split *splits; /* later parts of the next text, or NULL */
    size_t n_splits;
    fc_split split;         /* storage for a single split */
    int nest;               /* the level a heading would have here (1 = the title) */
    int stamp, watermark;   /* their elements (on the first page; artifacts on the others) */
    /* Bounded resources (issue 11): the typesetter's lines and runs live in `scratch`, dropped
     * after each text; once the rows built so far cannot fit in HY_MAX_PAGES pages, nothing
     * more is typeset and the document is refused, located at the text where it happened. */
    hy_arena scratch;
    double height, row_h;   /* pt: rows before the current one, the current one (lower bounds) */
    bool too_long;
    hy_src too_long_at;
    const hy_item *cur;     /* the item the next row belongs to */
} fctx;

/* The texts added next belong to structure element elem. */
void fc_tag(fctx *c, int elem);
/* The next text's first `chars` characters belong to element lbl, the rest to body (a list
 * item's label and its body; lbl 0: all of it is body). */
void fc_tag_item(fctx *c, int lbl, size_t chars, int body);
/* Characters (code points) in s. */
size_t fc_chars(const char *s);

/* Where a text of the document is, for messages (a layout text: the layout file). */
hy_src fc_src(const fctx *c, int line, int col);
hy_src fc_layout_src(const fctx *c);
/* The text of a value ("" when not given). */
const char *fc_text(hy_text t);
/* Replaces "{name}" in s by val (labels like システム{n}, the count mark "( {} ) 件"). */
const char *fc_subst(fctx *c, const char *s, const char *name, const char *val);
double fc_inner(const tb_cell *cell);

/* Appends one strip per line of text, starting at x offset dx within the cell (pt). */
void fc_add_text(fctx *c, tb_cell *cell, const char *text, double size, bool bold, hy_src src,
                 double dx, double width, const char *align);
void fc_cell_text(fctx *c, tb_cell *cell, const char *text, hy_src src);
/* Gives cell the content it shows on a continuation page: the label marked （続き）. */
void fc_set_cont(fctx *c, tb_cell *cell, const char *label, bool bold, hy_src src);
/* A label cell; on a continuation page it shows the label marked （続き）. */
tb_cell *fc_label_cell_at(fctx *c, tb_row *r, double x, double w, double gray, const char *label,
                          bool bold, hy_src src);
/* A label of the layout (messages about its text point at the layout file). */
tb_cell *fc_label_cell(fctx *c, tb_row *r, double x, double w, double gray, const char *label, bool bold);
/* A date as the form prints it (Japanese era), or the text as written. */
const char *fc_date(fctx *c, const hy_item *it);
/* Fills a value cell with a leaf item's value (text, date, choice, checks, blocks). */
void fc_fill_value(fctx *c, tb_cell *cell, const hy_item *it);

#endif
