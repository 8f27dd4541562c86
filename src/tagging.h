/* tagging.h — the form's logical structure, built while form.c lays it out (hy_boxes.elems):
 * what each row and cell of the form is for a reader that does not see the page (a screen
 * reader, a reflowing viewer, text extraction in reading order). The rules (issue 17, ISO
 * 32000-1 14.8.4 standard structure types, ISO 14289-1 7.4 headings and 7.5 tables):
 *   - headings H1…H6 follow their nesting in the layout, never skipping a level: a heading is
 *     at most one level below the previous one;
 *   - label/value rows are a Table: each label a TH (Scope Row), each value a TD; a label
 *     that runs down the left of sub-rows spans them (RowSpan); every row covers the same
 *     columns (ColSpan), so the table is regular; a heading ends the table;
 *   - tables of their own (the cover's fields, 別添2, the correction table) have a THead;
 *   - lists are L/LI with a Lbl (the number, the bullet, the checkbox mark) and an LBody.
 * This module only records elements; form.c says which text belongs to which. */
#ifndef HY_TAGGING_H
#define HY_TAGGING_H

#include "boxes.h"

/* Alternate text of a checkbox mark (a Lbl): ticked, not ticked. */
#define TG_ALT_CHECKED "選択"
#define TG_ALT_UNCHECKED "未選択"

typedef struct {
    hy_boxes *b;
    int last_level;        /* the last heading's level, 0 before the first */
    int table;             /* the open Table, 0: none */
    int rows;              /* where its rows go: the Table, its THead or TBody */
    size_t table_first;    /* the first element created inside it */
    bool grid;             /* a label/value table (3 columns if a label spans rows, else 2) */
    bool spans;            /* a label spans rows in it */
    bool pairs;            /* a value stands beside its label in it */
} tg_builder;

/* A new element of `type` (a static string) under `parent` (0: the Document). */
int tg_elem(tg_builder *t, int parent, const char *type);
/* An element directly under the Document (after the open table, which it ends). */
int tg_block(tg_builder *t, const char *type);
/* A heading whose nesting in the layout makes it level `nominal` (1 = the title); returns the
 * H1…H6 element, at most one level below the previous heading. */
int tg_heading(tg_builder *t, int nominal);

/* A row of the open label/value table, which it opens if none is. Cells of such rows give
 * col_span on a 3-column grid (parent label | label | value): a label 2, a full-width cell 3. */
int tg_row(tg_builder *t);
/* A cell of row `tr`: "TH" with scope 'R' or 'C', or "TD" (scope 0). */
int tg_cell(tg_builder *t, int tr, const char *type, char scope, int row_span, int col_span);
/* The open label/value table has a label spanning rows: it keeps three columns. */
void tg_spans(tg_builder *t);
/* A table of its own, with a THead when `head` (rows then go to the THead until tg_body()). */
void tg_table_begin(tg_builder *t, bool head);
void tg_table_body(tg_builder *t);
/* Ends the open table (a later row opens a new one). */
void tg_table_end(tg_builder *t);

/* A list item of `list`: LI with a Lbl (alternate text `alt`, or NULL) when `label`, and an
 * LBody. Stores the Lbl (0 if none) and the LBody. */
void tg_item(tg_builder *t, int list, bool label, const char *alt, int *lbl, int *body);
/* How many characters at the start of text are a list label: a bullet (・, •, ●, ○, ◆, ■,
 * ※, -) or a number with its closing mark ("1)", "(2)", "3."), with the space after it. */
size_t tg_label_chars(const char *text);

#endif
