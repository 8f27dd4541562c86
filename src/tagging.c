/* tagging.c — the form's structure elements (see tagging.h). */
#include "tagging.h"

#include <stdio.h>
#include <string.h>

int tg_elem(tg_builder *t, int parent, const char *type)
{
    return hy_boxes_elem(t->b, parent, type);
}

/* Drops a column of the 3-column grid that no cell boundary uses: every cell spanning it
 * covers one column less. */
static void narrow(tg_builder *t)
{
    for (size_t e = t->table_first; e < t->b->n_elems; e++) {
        hy_elem *el = &t->b->elems[e];
        if (el->col_span > 1) el->col_span--;
    }
}

void tg_table_end(tg_builder *t)
{
    if (t->table && t->grid) {
        if (!t->spans) narrow(t);   /* no parent label: label | value */
        if (!t->pairs) narrow(t);   /* no value beside a label: one column */
    }
    t->table = t->rows = 0;
    t->grid = t->spans = t->pairs = false;
}

int tg_block(tg_builder *t, const char *type)
{
    tg_table_end(t);
    return tg_elem(t, 0, type);
}

int tg_heading(tg_builder *t, int nominal)
{
    static const char *const names[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
    int level = nominal > t->last_level + 1 ? t->last_level + 1 : nominal;
    if (level < 1) level = 1;
    if (level > 6) level = 6;
    t->last_level = level;
    return tg_block(t, names[level - 1]);
}

void tg_table_begin(tg_builder *t, bool head)
{
    tg_table_end(t);
    t->table = tg_elem(t, 0, "Table");
    t->table_first = t->b->n_elems;
    t->rows = head ? tg_elem(t, t->table, "THead") : t->table;
}

void tg_table_body(tg_builder *t)
{
    if (t->table) t->rows = tg_elem(t, t->table, "TBody");
}

/* The open label/value table, opened if none is. */
static void open_grid(tg_builder *t)
{
    if (t->table) return;
    tg_table_begin(t, false);
    t->grid = true;
}

int tg_row(tg_builder *t)
{
    open_grid(t);
    return tg_elem(t, t->rows, "TR");
}

int tg_cell(tg_builder *t, int tr, const char *type, char scope, int row_span, int col_span)
{
    int e = tg_elem(t, tr, type);
    hy_elem *el = &t->b->elems[e];
    el->scope = scope;
    el->row_span = row_span;
    el->col_span = col_span;
    if (t->grid && col_span < 3 && !strcmp(type, "TD")) t->pairs = true;
    return e;
}

void tg_spans(tg_builder *t)
{
    open_grid(t);
    t->spans = true;
}

void tg_item(tg_builder *t, int list, bool label, const char *alt, int *lbl, int *body)
{
    int li = tg_elem(t, list, "LI");
    *lbl = label ? tg_elem(t, li, "Lbl") : 0;
    if (*lbl) t->b->elems[*lbl].alt = alt;
    *body = tg_elem(t, li, "LBody");
}

size_t tg_label_chars(const char *text)
{
    static const char *const bullets[] = {"・", "•", "●", "○", "◆", "◇", "■", "□", "※", "-"};
    for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++) {
        size_t n = strlen(bullets[i]);
        if (!strncmp(text, bullets[i], n) && text[n]) return 1 + (text[n] == ' ');
    }
    /* 1) (1) 1. — ASCII digits, one character each */
    size_t i = text[0] == '(' ? 1 : 0, digits = 0;
    while (text[i + digits] >= '0' && text[i + digits] <= '9') digits++;
    if (!digits) return 0;
    i += digits;
    if (text[i] == ')' || (text[0] != '(' && text[i] == '.')) {
        i++;
        return text[i] ? i + (text[i] == ' ') : 0;
    }
    return 0;
}
