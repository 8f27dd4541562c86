/* formkeys.h — the keys a document of a form may hold, mapping by mapping, as the model reads
 * them (model.c's walk): a part of the form with a `key` opens a mapping of its own, a part
 * without one (a heading without key, a span, the cells of a `fields`) puts its items in the
 * enclosing mapping; a group and a table hold a list of mappings; heading checkboxes, a
 * choice's count and a table's column headings are keys of their own. Built from the loaded
 * layout only, so the writer's tools (`hyoka schema`, `hyoka new`, `hyoka guide`) follow a
 * new layout file without new C. */
#ifndef HY_FORMKEYS_H
#define HY_FORMKEYS_H

#include "layout_def.h"
#include "util.h"

#include <stdbool.h>

typedef enum {
    FK_VALUE,     /* a leaf value: node->kind is text, date, int, choice, checks, blocks, block, param */
    FK_MAP,       /* a part of the form with its own mapping (section, head, risk): sub */
    FK_GROUP,     /* a list of entries, each a mapping: sub (node: the group) */
    FK_TABLE,     /* a list of rows, each a mapping of the columns: sub (node: the table) */
    FK_FLAG,      /* a heading's checkbox, true or false (node: the heading) */
    FK_COUNT,     /* the number after a choice, ( n ) 件 (node: the choice) */
    FK_HEADINGS,  /* a list of column headings named by the document (node: the column) */
    FK_HEADING2,  /* a second header row's text named by the document (node: the column) */
} fk_kind;

typedef struct fk_map fk_map;

typedef struct {
    fk_kind kind;
    const char *name;         /* the YAML key */
    const lay_node *node;     /* see fk_kind */
    const char *label;        /* as the form prints it (the node's label, else the label of
                                 the heading or span it fills, else the key) */
    const char *context;      /* the parts of the form above it, " ＞ "-joined (may be "") */
    bool required;            /* the model reports the key missing (a part: it holds required
                                 items directly) */
    bool title;               /* the key an entry's header row shows (a group's `title`) */
    fk_map *sub;              /* FK_MAP, FK_GROUP, FK_TABLE: the keys of the (entry's, row's) mapping */
} fk_key;

struct fk_map {
    fk_key *keys;
    size_t n, cap;
};

/* The keys of the document's top-level mapping (without 様式 and 書式, which every form has),
 * in layout order; everything lives in arena `a`. */
fk_map *fk_build(const lay_form *form, hy_arena *a);

/* The label without the mark ※ at its end and the spaces around it (a new string in a). */
const char *fk_clean_label(hy_arena *a, const char *label);

#endif
