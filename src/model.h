/* model.h — the bound document. One walk of the YAML tree against the layout both checks the
 * document (unknown keys with a "did you mean", wrong types, choice values not in the option
 * list, unknown checkbox items, missing required items, counts that contradict their lists,
 * bad dates) and binds every layout node to its value. The result is a tree of items in
 * layout order; every later stage (form.c's rows, messages, diffs, tagged PDF) reads this
 * tree and never the YAML.
 *
 * Shape of the tree (mirrors the layout tree, lay_node, one item per node):
 *   root (node = &form->root)
 *   └ item per row of the layout, in layout order, whether or not the document gives it
 *     ├ span: its `value` node first (if any), then its rows
 *     ├ group: one HY_ITEM_ENTRY per entry (at least the layout's min_rows; entries the
 *     │        document does not give are blank, present == false), each holding the rows
 *     └ table: one HY_ITEM_ROW per row, each holding one item per column
 * An item's identity across two documents of the same layout is its node plus the indices of
 * its entries and rows (hy_item_same): walk two models in parallel by kids.
 *
 * Strings are copied into the model (it outlives the YAML document); layout pointers are
 * borrowed from the lay_form, which must outlive the model. */
#ifndef HY_MODEL_H
#define HY_MODEL_H

#include "diag.h"
#include "era.h"
#include "layout_def.h"
#include "util.h"

#include <stdbool.h>

struct yl_doc;  /* yaml_load.h: read by the model only */

/* Keys every document may have besides its layout's. */
#define HY_KEY_FORM "様式"
#define HY_KEY_STYLE "書式"

/* Most headings a document may name for a multi column (修正案見出し): the column's share of
 * the page is divided among them. */
#define HY_MAX_HEADINGS 12

/* A text of the document and where it starts (1-based line and column; 0 when it has no
 * place in the file, e.g. an entry the document does not give). s == NULL: not given. */
typedef struct {
    const char *s;
    int line, col;
} hy_text;

typedef enum {
    HY_ITEM_NODE,   /* the value of one layout node (or a part of the form without a key) */
    HY_ITEM_ENTRY,  /* one entry of a repeated group; node is the group */
    HY_ITEM_ROW,    /* one row of a table; node is the table */
} hy_item_kind;

/* One item of a checkbox list (node->checks), in the list's order. */
typedef struct {
    const lay_check *check;  /* the layout's item */
    bool on;                 /* checked in the document */
    hy_text label;           /* as the document wrote it (maybe an accepted variant); s NULL if off */
    hy_text paren;           /* the text for its parenthesis ( … ); s NULL if none given */
} hy_check_value;

/* One checkbox of a heading (node->head_checks, e.g. 委託しない). */
typedef struct {
    const char *name;        /* the layout's name of the box, borrowed */
    bool on;                 /* written `true` */
    int line, col;           /* of the value, 0 if not given */
} hy_flag;

/* One block of a `blocks` value (別添1): a heading, a paragraph and a grid of items. */
typedef struct {
    hy_text heading;         /* 見出し, s NULL if none */
    hy_text body;            /* 本文 (or the block itself when it is a text), s NULL if none */
    hy_text *items;          /* 項目, NULL if the block has no list */
    size_t n_items;
    int columns;             /* 列数 of the grid (1 when not given) */
} hy_block;

/* One column of a table: its headings as the document names them (labels_from, label2_from). */
typedef struct {
    const lay_node *column;  /* the layout's column */
    bool has_labels;         /* the document gives the list named by column->labels_from */
    hy_text *labels;         /* that list (a multi column splits into one column per label) */
    size_t n_labels;
    hy_text label2;          /* the text named by column->label2_from ("" if none) */
} hy_column;

typedef struct hy_item hy_item;
struct hy_item {
    hy_item_kind kind;
    const lay_node *node;    /* the layout node (ENTRY, ROW: the group or table) */
    int index;               /* ENTRY, ROW: 0-based place in the list; -1 for NODE */
    size_t id;               /* 0-based place in walk order: index of per-item arrays (anchors) */
    bool present;            /* the document gives a value (not missing, not null); an entry
                                or row that the document gives */
    int line, col;           /* the value's position; where it is missing, the position of the
                                mapping it belongs in (0 for blank entries) */
    int map_line, map_col;   /* the mapping the item is read from (titles are reported here) */
    hy_item *parent;         /* NULL for the root */
    hy_item **kids;          /* in layout order */
    size_t n_kids, cap_kids;

    /* The value; which fields are set depends on node->kind. */
    hy_text text;            /* text, int, date, choice, param, block, table cell: the scalar as
                                written (s NULL if missing, null or not a scalar). title, toc,
                                section: the layout's title with its {key} filled in. entry:
                                the value of the group's `title` key */
    bool has_date;           /* date (or value: date) that parses: `date` holds it */
    hy_date date;
    const lay_option *option;      /* choice: the option the value stands for, NULL if none */
    hy_text count;                 /* choice with `count`: the count as written */
    hy_check_value *checks;        /* checks: one per item of node->checks, n_checks of them */
    size_t n_checks;
    hy_flag *flags;                /* heading checkboxes: one per node->head_checks */
    size_t n_flags;
    bool is_list;                  /* blocks and multi texts: the value is a list */
    hy_text *texts;                /* multi: the list's texts */
    size_t n_texts;
    hy_block *blocks;              /* blocks given as a list */
    size_t n_blocks;
    hy_column *columns;            /* table: one per layout column */
    size_t n_columns;
};

typedef struct {
    hy_arena arena;          /* every item and string of the model */
    const lay_form *form;    /* borrowed */
    const char *file;        /* the document's file name, for messages */
    hy_item *root;
    hy_item **items;         /* every item in walk (layout) order; items[i]->id == i */
    size_t n_items;
    const char *gannen;      /* how the first year of an era prints: 書式.元年表記, else the layout's */
} hy_model;

/* Checks `doc` against `form` and binds it. Returns a new model (free with hy_model_free), or
 * NULL with located errors in d when the document has any error. */
hy_model *hy_model_new(const lay_form *form, const struct yl_doc *doc, hy_diags *d);
void hy_model_free(hy_model *m);

/* The document's 様式 (the name of its form) and where it is written. False with a located
 * error when the document does not start with one. *out borrows from doc. */
bool hy_model_form_name(const struct yl_doc *doc, hy_text *out, hy_diags *d);

/* ---- names and identity (model_path.c) ----
 * Form path: the item as the form prints it, from the section's number down, e.g.
 *   Ⅲ 3. リスク2「リスクへの対策は十分か」      II 4. 委託事項3 ④再委託の有無
 *   II 2. ④記録される項目「主な記録項目」     (別添2)変更箇所 3行目「変更日」
 * Sections, headings and risks give the number of their title or label (the text before its
 * first space or '：'); entries their label with {n} filled (1-based); table rows "N行目";
 * a label numbered ①…⑳ stands on its own, any other label is quoted 「…」 after its parents
 * (the mark ※ dropped). An unlabelled value is named by the row it fills.
 * Key path: the YAML keys from the top, joined by '.', with [n] (1-based, as the form numbers
 * entries) for an entry or row: "II.委託.委託事項[3].再委託の有無", "別添2.変更箇所[2].変更日".
 * An item without a key has the path of the mapping it is read from. Both append to `out`.
 * Where an item was drawn: hy_boxes.anchors[item->id] (boxes.h), from hy_engine_document. */
void hy_item_form_path(const hy_item *it, hy_buf *out);
void hy_item_key_path(const hy_item *it, hy_buf *out);

/* The item whose key path is `key_path` (only items with a key of their own), or NULL (also
 * for a NULL path). A key holding '.' cannot be told apart from a step. Borrowed. */
const hy_item *hy_model_item_get(const hy_model *m, const char *key_path);

/* True when a and b (of two models of the same loaded layout) are the same item of the form:
 * the same nodes and entry/row indices all the way up. */
bool hy_item_same(const hy_item *a, const hy_item *b);
/* The kid of `parent` that is the same item as `like` (a kid in another model), or NULL:
 * for walking two documents in parallel (diff). Borrowed. */
const hy_item *hy_item_kid_get(const hy_item *parent, const hy_item *like);

/* The scalar text at a key path such as "表紙.評価書名" (keys joined by '.'), or NULL if the
 * document does not give it as a non-empty text. Borrowed from the model. */
const char *hy_model_text_get(const hy_model *m, const char *key_path);

#endif
