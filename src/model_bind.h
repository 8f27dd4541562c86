/* model_bind.h — private to the model's walk (model.c: mappings, groups, tables;
 * model_value.c: the values of leaf items). Not for other modules: they read hy_model. */
#ifndef HY_MODEL_BIND_H
#define HY_MODEL_BIND_H

#include "model.h"
#include "yaml_load.h"

typedef struct {
    const lay_form *f;
    const yl_node *root;     /* the document's top mapping */
    const char *file;
    hy_diags *d;
    hy_model *m;
    hy_vec order;            /* every item, in walk order */
    bool ok;
    int quiet;               /* > 0: binding a part the check does not visit (a missing part of
                                the form, bound empty): nothing is reported */
} mb_ctx;

/* Reports message `id` of the catalogue (msg.h) at `at`, with the catalogue's arguments. */
void mb_err(mb_ctx *c, const yl_node *at, hy_msg_id id, ...);
/* The item as messages name it: its form path (hy_item_form_path), with its key when the
 * path does not show it; "the top of the document" for the root. In the model's arena. */
const char *mb_name(mb_ctx *c, const hy_item *it);
/* A key or text quoted as the current language quotes ('…' or 「…」), in the model's arena. */
const char *mb_quote(mb_ctx *c, const char *s);
/* The kind of a YAML value in words of the current language ("a list"). */
const char *mb_kind(yl_kind k);
/* True once the list of errors is full (adds diag.c's "too many errors" once). */
bool mb_full(mb_ctx *c);
/* "a, b, c" of a list of names (a new string). */
char *mb_join(const hy_vec *names);
/* The text of a scalar node copied into the model (s NULL when n is missing, null or not a
 * scalar), placed at n, or at `fallback` when n is missing. */
hy_text mb_text(mb_ctx *c, const yl_node *n, const yl_node *fallback);
/* True when n is a scalar; else an error naming `name` (from mb_name or mb_quote). */
bool mb_want_scalar(mb_ctx *c, const yl_node *n, const char *name);
bool mb_is_int(const char *s);
/* Reports every key of `map` not among `names`, with a "did you mean"; `parent` (may be NULL)
 * is the layout node whose rows the mapping holds, to point at a misplaced heading checkbox;
 * `where` the item the mapping belongs to (named in the message), or NULL and `where_name`. */
void mb_check_unknown(mb_ctx *c, const yl_node *map, const hy_vec *names, const lay_node *parent,
                      const hy_item *where, const char *where_name);

/* Leaf values (model_value.c). Each checks the value `n` that node `it->node` reads (NULL when
 * missing) and binds it into `it`; `map` is the mapping n was read from. */
void mb_bind_scalar(mb_ctx *c, hy_item *it, const yl_node *n);   /* text, param, block, int */
void mb_bind_date(mb_ctx *c, hy_item *it, const yl_node *n);
void mb_bind_choice(mb_ctx *c, hy_item *it, const yl_node *n);
void mb_bind_checks(mb_ctx *c, hy_item *it, const yl_node *n);
void mb_bind_blocks(mb_ctx *c, hy_item *it, const yl_node *n);
void mb_bind_flags(mb_ctx *c, hy_item *it, const yl_node *hmap);
void mb_bind_count(mb_ctx *c, hy_item *it, const yl_node *map);
/* The `書式` mapping (元年表記). */
void mb_check_style(mb_ctx *c, const yl_node *style);

#endif
