/* layout_def.h — a form described as data (layouts/NAME.yaml), loaded into a tree of lay_node.
 * The engine knows the node kinds below; every label, option list and checkbox list comes
 * from the layout file. See docs/layout.md for the file format. */
#ifndef HY_LAYOUT_DEF_H
#define HY_LAYOUT_DEF_H

#include "diag.h"
#include "util.h"

#include <stdbool.h>

struct yl_doc;  /* yaml_load.h: the parsed layout file, read only by layout_def.c */

typedef enum {
    LK_SECTION, LK_HEAD, LK_TEXT, LK_DATE, LK_INT, LK_CHOICE, LK_CHECKS, LK_SPAN, LK_GROUP,
    LK_RISK, LK_BLOCKS, LK_TABLE, LK_FIELDS, LK_BLOCK, LK_TITLE, LK_TOC, LK_PARAM,
    LK_COUNT_
} lay_kind;

typedef struct {
    const char *text;
    const char **variants;  /* other accepted spellings (printed as given) */
    size_t n_variants;
} lay_option;

typedef struct {
    const char *name;
    lay_option *opts;
    size_t n;
} lay_options;

typedef struct {
    const char *label;
    bool paren;             /* prints ( text ) after the label */
    bool wide;              /* takes a whole row of the grid */
    const char *suffix;     /* printed after the parenthesis (件) */
    const char *group;      /* heading of the group the item belongs to, or NULL */
} lay_check;

typedef struct {
    const char *name;
    int columns;
    lay_check *items;
    size_t n;
    const char **variant_from, **variant_to; /* accepted other spellings of items */
    size_t n_variants;
} lay_checklist;

typedef struct lay_node lay_node;
struct lay_node {
    lay_kind kind;
    const char *key;        /* YAML key (NULL: rows bind in the parent mapping) */
    const char *label;
    const char *title;      /* section title */
    const char *text;       /* title text (may hold {key} references) */
    const char *bookmark;
    const char *align;
    bool new_page, wide, required, repeat, multi;
    lay_kind value_kind;    /* LK_BLOCK: how its value is read (text or date) */
    const lay_options *options;
    const lay_checklist *checks;
    const char *count_key, *count_of;
    const char *title_key;  /* group: key printed in the entity header row */
    const char **head_checks;
    size_t n_head_checks;
    const char **lines;     /* toc */
    size_t n_lines;
    lay_node *value;        /* span: node printed as the span's own first row */
    lay_node **rows;        /* children, fields' cells or table columns */
    size_t n_rows;
    int max;                /* group: most entries the form allows (0: no limit) */
    int min_rows;           /* group: entries printed even when the document gives fewer */
    int (*ranges)[2];
    size_t n_ranges;
    double width;
    const char *labels_from, *label2_from;
    /* Consistency of answers (layout_rules.h, docs/layout.md): a choice whose option
     * `none_option` (委託しない), or a heading whose checkbox `none_check` is checked, means
     * "none": the items `governs` names (keys in the same mapping) should then be blank. A
     * section that is `expected` is warned about when the document leaves it out. */
    const char *none_option, *none_check;
    const char **governs;
    size_t n_governs;
    bool expected;
    int line, col;          /* position in the layout file */
};

typedef struct {
    struct yl_doc *src;     /* the parsed layout file (owned); strings point into it */
    hy_arena arena;
    const char *path;
    const char *kind;       /* the form's name: the document's 様式 */
    const char *font_role;  /* role in fonts/fonts.yaml for the text */
    double page_w, page_h;
    double margin[4];       /* top right bottom left */
    double size, small, title_size, section_size, leading;
    bool underline_markup;  /* text: {markup: underline}: <u>…</u> underlines a span */
    double col_label, col_sublabel;
    const char *gannen;     /* 元年 or 1年 */
    const char *continued;  /* （続き） */
    /* How the form prints its controls (layout `marks:`). */
    const char *mark_checked, *mark_unchecked;  /* [○] [　] */
    const char *mark_options;                   /* <選択肢> */
    const char *mark_count;                     /* "( {} ) 件": {} is the number */
    const char *mark_empty_choice;              /* [　　　　　　] */
    const char *mark_range;                     /* between the numbers of a range row: ～ */
    const char *meta_title, *meta_title_format, *meta_author, *meta_date, *meta_subject;
    lay_options *options;
    size_t n_options;
    lay_checklist *checklists;
    size_t n_checklists;
    lay_node root;          /* LK_SECTION holding the body */
} lay_form;

/* Loads and checks a layout file. On failure returns false with located errors. */
bool lay_load(const char *path, lay_form *form, hy_diags *d);
void lay_free(lay_form *form);

const char *lay_kind_name(lay_kind k);

#endif
