/* model.c — the walk that checks a document against its layout and binds it (see model.h).
 * The walk mirrors the layout tree: every node with a `key` reads that key from the current
 * mapping; nodes without one pass the same mapping to their rows. Leaf values are checked and
 * bound in model_value.c. A part of the form the document leaves out is still bound, empty
 * and without messages (c->quiet), so that later stages see every item of the form. */
#include "model_bind.h"
#include "match.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A mapping with nothing in it: what a part of the form the document leaves out reads. */
static const yl_node EMPTY_MAP = {.kind = YL_MAP};

void mb_err(mb_ctx *c, const yl_node *at, hy_msg_id id, ...)
{
    if (c->quiet) return;
    va_list ap;
    va_start(ap, id);
    char *msg = hy_xvasprintf(hy_msg(id), ap);
    va_end(ap);
    hy_diag_add(c->d, c->file, at ? at->line : 0, at ? at->col : 0, "%s", msg);
    free(msg);
    c->ok = false;
}

/* Later errors are not shown once the list is full, so the costly work of composing them
 * (suggestions) is skipped. A hostile file can hold 250 000 unknown keys. */
bool mb_full(mb_ctx *c)
{
    if (c->quiet || c->d->n < (c->d->max ? c->d->max : 50)) return false;
    hy_diag_add(c->d, NULL, 0, 0, "%s", "");  /* adds diag.c's "too many errors" once */
    return true;
}

/* True when a form path ends with the key as a name of its own (" 公表日", "「公表日」",
 * "③対象人数"), so the writer sees what to type; "…との接続" does not show the key 接続. */
static bool shows_key(const char *path, const char *key)
{
    size_t n = strlen(path), k = strlen(key);
    if (n >= k + 3 && !strcmp(path + n - 3, "」") && !strncmp(path + n - 3 - k, key, k))
        return n == k + 3 || !strncmp(path + n - 6 - k, "「", 3);
    if (n < k || strcmp(path + n - k, key)) return false;
    if (n == k || path[n - k - 1] == ' ') return true;
    const unsigned char *u = (const unsigned char *)path + n - k - 3;  /* ①..⑳ before it */
    return n >= k + 3 && u[0] == 0xE2 && u[1] == 0x91 && u[2] >= 0xA0 && u[2] <= 0xB3;
}

const char *mb_name(mb_ctx *c, const hy_item *it)
{
    hy_buf b = {0};
    hy_item_form_path(it, &b);
    const char *key = it->kind == HY_ITEM_NODE ? it->node->key : NULL;
    const char *s;
    if (!b.len) s = hy_msg(HY_M_DOC_TOP);
    else if (key && !shows_key(b.data, key)) s = hy_arena_printf(&c->m->arena, hy_msg(HY_M_ITEM_KEY), b.data, key);
    else s = hy_arena_strdup(&c->m->arena, b.data);
    hy_buf_free(&b);
    return s;
}

const char *mb_quote(mb_ctx *c, const char *s)
{
    return hy_arena_printf(&c->m->arena, hy_msg(HY_M_QUOTED), s);
}

const char *mb_kind(yl_kind k)
{
    return hy_msg(k == YL_MAP ? HY_M_KIND_MAP : k == YL_SEQ ? HY_M_KIND_LIST : HY_M_KIND_TEXT);
}

char *mb_join(const hy_vec *names)
{
    hy_buf b = {0};
    for (size_t i = 0; i < names->n; i++) hy_buf_printf(&b, "%s%s", i ? ", " : "", (const char *)names->items[i]);
    return b.data ? b.data : hy_xstrdup("");
}

hy_text mb_text(mb_ctx *c, const yl_node *n, const yl_node *fallback)
{
    const yl_node *at = n ? n : fallback;
    hy_text t = {NULL, at ? at->line : 0, at ? at->col : 0};
    if (n && n->kind == YL_SCALAR && !yl_is_null(n)) t.s = hy_arena_strdup(&c->m->arena, n->str);
    return t;
}

/* ---- items ---------------------------------------------------------------------------- */

static void add_kid(mb_ctx *c, hy_item *parent, hy_item *kid)
{
    kid->parent = parent;
    if (parent->n_kids == parent->cap_kids) {
        size_t cap = parent->cap_kids ? 2 * parent->cap_kids : 8;
        hy_item **k = hy_arena_alloc(&c->m->arena, cap * sizeof *k);
        if (parent->n_kids) memcpy(k, parent->kids, parent->n_kids * sizeof *k);
        parent->kids = k;
        parent->cap_kids = cap;
    }
    parent->kids[parent->n_kids++] = kid;
}

/* A new item for node ln under parent, valued by n (NULL: missing) read from map. */
static hy_item *item_new(mb_ctx *c, hy_item *parent, hy_item_kind kind, const lay_node *ln, int index,
                         const yl_node *n, const yl_node *map)
{
    hy_item *it = hy_arena_alloc(&c->m->arena, sizeof *it);
    const yl_node *at = n ? n : map;
    *it = (hy_item){.kind = kind, .node = ln, .index = index, .id = c->order.n, .present = n && !yl_is_null(n),
                    .line = at ? at->line : 0, .col = at ? at->col : 0,
                    .map_line = map ? map->line : 0, .map_col = map ? map->col : 0};
    hy_vec_push(&c->order, it);
    if (parent) add_kid(c, parent, it);
    return it;
}

/* A layout text with its first "{key}" replaced by the document's top-level value of key
 * (titles such as 修正等を要する部分とその内容（{事務名}）). */
static hy_text fill_ref(mb_ctx *c, const char *s)
{
    hy_text t = {s, 0, 0};
    const char *open = s ? strchr(s, '{') : NULL, *close = open ? strchr(open, '}') : NULL;
    if (!open || !close) return t;
    char *key = hy_arena_strndup(&c->m->arena, open + 1, (size_t)(close - open - 1));
    char pat[128];
    snprintf(pat, sizeof pat, "{%s}", key);
    const char *at = strstr(s, pat);
    if (!at) return t;
    hy_text v = mb_text(c, yl_get(c->root, key), NULL);
    t.s = hy_arena_printf(&c->m->arena, "%.*s%s%s", (int)(at - s), s, v.s ? v.s : "", at + strlen(pat));
    return t;
}

/* ---- which keys a mapping may hold ------------------------------------------------- */

static void collect_keys(const lay_node *ln, hy_vec *out);

static void collect_rows(const lay_node *ln, hy_vec *out)
{
    for (size_t i = 0; i < ln->n_rows; i++) collect_keys(ln->rows[i], out);
}

static void collect_keys(const lay_node *ln, hy_vec *out)
{
    if (ln->key) hy_vec_push(out, (void *)ln->key);
    if (ln->count_key) hy_vec_push(out, (void *)ln->count_key);
    if (ln->labels_from) hy_vec_push(out, (void *)ln->labels_from);
    if (ln->label2_from) hy_vec_push(out, (void *)ln->label2_from);
    if (ln->kind == LK_TABLE) /* column headings named by the document live at this level */
        for (size_t i = 0; i < ln->n_rows; i++) {
            if (ln->rows[i]->labels_from) hy_vec_push(out, (void *)ln->rows[i]->labels_from);
            if (ln->rows[i]->label2_from) hy_vec_push(out, (void *)ln->rows[i]->label2_from);
        }
    if (ln->kind == LK_TABLE || ln->kind == LK_GROUP) return; /* their columns/rows are nested */
    /* A heading's checkboxes sit in its own mapping when it has a key (see bind_node). */
    if (!ln->key)
        for (size_t i = 0; i < ln->n_head_checks; i++) hy_vec_push(out, (void *)ln->head_checks[i]);
    if (ln->value) collect_keys(ln->value, out);
    if (!ln->key || ln->kind == LK_SPAN || ln->kind == LK_FIELDS) collect_rows(ln, out);
}

static bool has_name(const hy_vec *names, const char *k)
{
    for (size_t i = 0; i < names->n; i++)
        if (!strcmp(names->items[i], k)) return true;
    return false;
}

/* The key of the heading under `ln` (through nodes without a key) that has checkbox `k`. */
static const char *check_owner(const lay_node *ln, const char *k)
{
    for (size_t i = 0; i < ln->n_rows; i++) {
        const lay_node *r = ln->rows[i];
        for (size_t j = 0; r->key && j < r->n_head_checks; j++)
            if (!strcmp(r->head_checks[j], k)) return r->key;
        if (!r->key || r->kind == LK_SPAN || r->kind == LK_FIELDS) {
            const char *o = check_owner(r, k);
            if (o) return o;
        }
    }
    return NULL;
}

void mb_check_unknown(mb_ctx *c, const yl_node *map, const hy_vec *names, const lay_node *parent,
                      const hy_item *where, const char *where_name)
{
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->items[i]->str;
        if (has_name(names, k)) continue;
        if (mb_full(c)) {
            c->ok = false;
            return;
        }
        const char *s = hy_match_suggest(names, k);
        const char *owner = parent ? check_owner(parent, k) : NULL;
        if (owner) {
            mb_err(c, map->items[i], HY_M_CHECKBOX_OF_HEADING, k, owner, owner);
        } else if (s) {
            mb_err(c, map->items[i], HY_M_UNKNOWN_KEY_DYM, where ? mb_name(c, where) : where_name, k, s);
        } else {
            char *all = mb_join(names);
            mb_err(c, map->items[i], HY_M_UNKNOWN_KEY_LIST, where ? mb_name(c, where) : where_name, k, all);
            free(all);
        }
    }
}

/* Required items under a keyed node (the document must then give the node too). */
static void required_keys(const lay_node *ln, hy_vec *out, bool top)
{
    if (!top && ln->required && ln->key) hy_vec_push(out, (void *)ln->key);
    if (ln->kind == LK_GROUP || ln->kind == LK_TABLE) return;  /* an empty list is allowed */
    if (!top && ln->key && ln->kind != LK_SPAN && ln->kind != LK_FIELDS) return;
    if (ln->value) required_keys(ln->value, out, false);
    for (size_t i = 0; i < ln->n_rows; i++) required_keys(ln->rows[i], out, false);
}

static bool is_empty(const yl_node *n)
{
    return !n || yl_is_null(n) || (n->kind != YL_SCALAR && n->n == 0);
}

/* ---- the walk ------------------------------------------------------------------------- */

static void bind_rows(mb_ctx *c, const lay_node *parent, const yl_node *map, hy_item *it);

/* Binds the rows of `ln` in `map` without messages (a part of the form left out). */
static void bind_rows_quietly(mb_ctx *c, const lay_node *ln, const yl_node *map, hy_item *it)
{
    c->quiet++;
    bind_rows(c, ln, map, it);
    c->quiet--;
}

static void bind_group(mb_ctx *c, hy_item *it, const yl_node *n)
{
    const lay_node *ln = it->node;
    size_t given = 0;
    if (n && !yl_is_null(n) && n->kind != YL_SEQ) {
        mb_err(c, n, HY_M_GROUP_NOT_LIST, mb_name(c, it),
               ln->title_key ? ln->title_key : ln->rows && ln->n_rows && ln->rows[0]->key ? ln->rows[0]->key : "…",
               mb_kind(n->kind));
    } else if (n && n->kind == YL_SEQ) {
        if (ln->max && n->n > (size_t)ln->max)
            mb_err(c, n, HY_M_GROUP_TOO_MANY, mb_name(c, it), n->n, ln->max);
        for (size_t i = 0; i < n->n && !mb_full(c); i++, given++) {
            const yl_node *e = n->items[i];
            hy_item *entry = item_new(c, it, HY_ITEM_ENTRY, ln, (int)i, e, e);
            entry->present = true;
            if (e->kind != YL_MAP) {
                mb_err(c, e, HY_M_ENTRY_NOT_MAP, i + 1, mb_name(c, entry), mb_kind(e->kind));
                bind_rows_quietly(c, ln, &EMPTY_MAP, entry);
                continue;
            }
            const yl_node *t = ln->title_key ? yl_get(e, ln->title_key) : NULL;
            entry->text = mb_text(c, t, e);
            bind_rows(c, ln, e, entry);
        }
    }
    /* The form prints at least min_rows entries (システム1 even when there is none). */
    for (size_t i = given; i < (size_t)ln->min_rows; i++) {
        hy_item *entry = item_new(c, it, HY_ITEM_ENTRY, ln, (int)i, NULL, &EMPTY_MAP);
        entry->text = mb_text(c, NULL, &EMPTY_MAP);
        bind_rows_quietly(c, ln, &EMPTY_MAP, entry);
    }
}

/* The document's headings of the table's columns (修正案見出し, ページ見出し), at its top. */
static void bind_headings(mb_ctx *c, hy_item *it)
{
    const lay_node *ln = it->node;
    it->n_columns = ln->n_rows;
    it->columns = hy_arena_alloc(&c->m->arena, (ln->n_rows + 1) * sizeof *it->columns);
    for (size_t k = 0; k < ln->n_rows; k++) {
        const lay_node *col = ln->rows[k];
        hy_column *hc = &it->columns[k];
        hc->column = col;
        const yl_node *l = col->labels_from ? yl_get(c->root, col->labels_from) : NULL;
        if (l && !yl_is_null(l)) {
            if (l->kind != YL_SEQ) {
                mb_err(c, l, HY_M_HEADINGS_NOT_LIST, col->labels_from, mb_kind(l->kind));
            } else {
                hc->has_labels = true;
                hc->labels = hy_arena_alloc(&c->m->arena, (l->n + 1) * sizeof *hc->labels);
                for (size_t i = 0; i < l->n; i++) {
                    mb_want_scalar(c, l->items[i], mb_quote(c, col->labels_from));
                    hc->labels[hc->n_labels++] = mb_text(c, l->items[i], NULL);
                }
                if (l->n > HY_MAX_HEADINGS)
                    mb_err(c, l, HY_M_HEADINGS_TOO_MANY, col->labels_from, l->n, HY_MAX_HEADINGS);
            }
        }
        const yl_node *l2 = col->label2_from ? yl_get(c->root, col->label2_from) : NULL;
        if (l2) mb_want_scalar(c, l2, mb_quote(c, col->label2_from));
        hc->label2 = mb_text(c, l2, NULL);
        if (!hc->label2.s) hc->label2.s = "";
    }
}

/* The checks of a row's multi columns against the document's list of headings. */
static void check_multi(mb_ctx *c, const lay_node *ln, const yl_node *row, const hy_item *r)
{
    for (size_t k = 0; k < ln->n_rows; k++) {
        const lay_node *col = ln->rows[k];
        const yl_node *cell = yl_get(row, col->key);
        if (!col->multi || !cell || yl_is_null(cell)) continue;
        const char *name = hy_arena_printf(&c->m->arena, hy_msg(HY_M_ITEM_PART), mb_name(c, r), mb_quote(c, col->key));
        const yl_node *heads = col->labels_from ? yl_get(c->root, col->labels_from) : NULL;
        if (heads && heads->kind != YL_SEQ) heads = NULL;
        if (!heads) {
            mb_err(c, cell, HY_M_MULTI_NO_HEADINGS, name, col->labels_from ? col->labels_from : "?");
        } else if (cell->kind != YL_SEQ) {
            mb_err(c, cell, HY_M_MULTI_NOT_LIST, name, heads->n, col->labels_from, mb_kind(cell->kind));
        } else if (cell->n != heads->n) {
            mb_err(c, cell, HY_M_MULTI_COUNT, name, cell->n, col->labels_from, heads->n);
        }
    }
}

static void bind_table(mb_ctx *c, hy_item *it, const yl_node *n)
{
    const lay_node *ln = it->node;
    bind_headings(c, it);
    if (!n || yl_is_null(n)) return;
    if (n->kind != YL_SEQ) {
        mb_err(c, n, HY_M_TABLE_NOT_LIST, mb_name(c, it), mb_kind(n->kind));
        return;
    }
    for (size_t i = 0; i < n->n && !mb_full(c); i++) {
        const yl_node *row = n->items[i];
        hy_item *r = item_new(c, it, HY_ITEM_ROW, ln, (int)i, row, row);
        r->present = true;
        if (row->kind != YL_MAP) {
            mb_err(c, row, HY_M_ROW_NOT_MAP, i + 1, mb_name(c, r), mb_kind(row->kind));
            bind_rows_quietly(c, ln, &EMPTY_MAP, r);
            continue;
        }
        bind_rows(c, ln, row, r);
        check_multi(c, ln, row, r);
    }
}

/* Checks and binds the value that node `ln` reads from `map`, as a new kid of `parent`. */
static void bind_node(mb_ctx *c, const lay_node *ln, const yl_node *map, hy_item *parent)
{
    const yl_node *n = ln->key ? yl_get(map, ln->key) : NULL;
    hy_item *it = item_new(c, parent, HY_ITEM_NODE, ln, -1, n, map);
    if (mb_full(c)) {
        c->ok = false;
        return;
    }
    if (ln->required && is_empty(n))
        mb_err(c, n ? n : map, n ? HY_M_REQUIRED_EMPTY : HY_M_REQUIRED_MISSING, mb_name(c, it));
    /* Heading checkboxes live in the heading's own mapping when it has a key, else in the
     * enclosing one. */
    if (ln->n_head_checks) mb_bind_flags(c, it, ln->key ? (n && n->kind == YL_MAP ? n : NULL) : map);
    if (ln->count_key) mb_bind_count(c, it, map);
    if (ln->value) bind_node(c, ln->value, map, it);
    if (ln->kind == LK_SECTION) it->text = fill_ref(c, ln->title);
    if (ln->kind == LK_TITLE) it->text = fill_ref(c, ln->text ? ln->text : ln->title);
    if (ln->kind == LK_TOC) it->text = fill_ref(c, ln->label);
    if (!ln->key) {
        if (ln->kind != LK_TITLE && ln->kind != LK_TOC) bind_rows(c, ln, map, it);
        return;
    }
    bool part = ln->kind == LK_SECTION || ln->kind == LK_HEAD || ln->kind == LK_RISK;
    if (!n || (yl_is_null(n) && part)) {
        /* A missing part of the form is empty, unless it holds required items. */
        hy_vec req = {0};
        if (part) required_keys(ln, &req, true);
        if (req.n) {
            char *all = mb_join(&req);
            mb_err(c, n ? n : map, n ? HY_M_PART_EMPTY : HY_M_PART_MISSING, mb_name(c, it), all);
            free(all);
        }
        hy_vec_free(&req);
        c->quiet++;
    }
    switch (ln->kind) {
    case LK_TEXT: case LK_PARAM: case LK_BLOCK: case LK_INT: mb_bind_scalar(c, it, n); break;
    case LK_DATE: mb_bind_date(c, it, n); break;
    case LK_CHOICE: mb_bind_choice(c, it, n); break;
    case LK_CHECKS: mb_bind_checks(c, it, n); break;
    case LK_GROUP: bind_group(c, it, n); break;
    case LK_BLOCKS: mb_bind_blocks(c, it, n); break;
    case LK_TABLE: bind_table(c, it, n); break;
    case LK_SPAN: case LK_FIELDS: bind_rows(c, ln, map, it); break;
    default:
        if (n && !yl_is_null(n) && n->kind != YL_MAP)
            mb_err(c, n, HY_M_PART_NOT_MAP, mb_name(c, it), mb_kind(n->kind));
        if (n && n->kind == YL_MAP) bind_rows(c, ln, n, it);
        else bind_rows_quietly(c, ln, &EMPTY_MAP, it);
        break;
    }
    if (!n || (yl_is_null(n) && part)) c->quiet--;
}

/* Checks mapping `map` against the rows of `parent` (unknown keys, then each row), binding
 * each row as a kid of `it`. */
static void bind_rows(mb_ctx *c, const lay_node *parent, const yl_node *map, hy_item *it)
{
    bool owns_map = parent->key && parent->kind != LK_SPAN && parent->kind != LK_FIELDS;
    if (owns_map || parent == &c->f->root) {
        hy_vec names = {0};
        if (parent->kind == LK_GROUP && parent->title_key) hy_vec_push(&names, (void *)parent->title_key);
        if (parent == &c->f->root) {
            hy_vec_push(&names, HY_KEY_FORM);
            hy_vec_push(&names, HY_KEY_STYLE);
        }
        for (size_t i = 0; i < parent->n_head_checks; i++) hy_vec_push(&names, (void *)parent->head_checks[i]);
        collect_rows(parent, &names);
        mb_check_unknown(c, map, &names, parent, it, NULL);
        hy_vec_free(&names);
    }
    if (parent->kind == LK_GROUP && parent->title_key && yl_get(map, parent->title_key))
        mb_want_scalar(c, yl_get(map, parent->title_key), mb_quote(c, parent->title_key));
    for (size_t i = 0; i < parent->n_rows; i++) bind_node(c, parent->rows[i], map, it);
}

/* ---- the model ------------------------------------------------------------------------ */

hy_model *hy_model_new(const lay_form *f, const yl_doc *doc, hy_diags *d)
{
    hy_model *m = hy_xcalloc(1, sizeof *m);
    m->form = f;
    m->file = hy_arena_strdup(&m->arena, doc->file ? doc->file : "");
    mb_ctx c = {.f = f, .root = doc->root, .file = doc->file, .d = d, .m = m, .ok = true};
    const yl_node *root = doc->root;
    if (!root || root->kind != YL_MAP) {
        mb_err(&c, root, HY_M_DOC_NOT_MAP, HY_KEY_FORM, f->kind);
        hy_model_free(m);
        return NULL;
    }
    const yl_node *form = yl_get(root, HY_KEY_FORM);
    if (form) mb_want_scalar(&c, form, mb_quote(&c, HY_KEY_FORM));
    const yl_node *style = yl_get(root, HY_KEY_STYLE);
    mb_check_style(&c, style);
    const yl_node *g = yl_get(style, "元年表記");
    m->gannen = g && g->kind == YL_SCALAR ? hy_arena_strdup(&m->arena, g->str) : f->gannen;
    m->root = item_new(&c, NULL, HY_ITEM_NODE, &f->root, -1, root, root);
    bind_rows(&c, &f->root, root, m->root);
    m->n_items = c.order.n;
    m->items = hy_arena_alloc(&m->arena, (c.order.n + 1) * sizeof *m->items);
    if (c.order.n) memcpy(m->items, c.order.items, c.order.n * sizeof *m->items);
    hy_vec_free(&c.order);
    if (!c.ok) {
        hy_model_free(m);
        return NULL;
    }
    return m;
}

void hy_model_free(hy_model *m)
{
    if (!m) return;
    hy_arena_free(&m->arena);
    free(m);
}

bool hy_model_form_name(const yl_doc *doc, hy_text *out, hy_diags *d)
{
    const yl_node *root = doc->root;
    const yl_node *k = root && root->kind == YL_MAP ? yl_get(root, HY_KEY_FORM) : NULL;
    if (k && k->kind == YL_SCALAR && !yl_is_null(k)) {
        *out = (hy_text){k->str, k->line, k->col};
        return true;
    }
    hy_msg_id id = !root ? HY_M_NO_DOCUMENT : root->kind == YL_SEQ ? HY_M_DOC_IS_LIST
                   : root->kind != YL_MAP ? HY_M_DOC_IS_TEXT : HY_M_DOC_NO_FORM;
    hy_diag_msg(d, doc->file, root ? root->line : 1, root ? root->col : 1, id, HY_KEY_FORM, HY_KEY_FORM);
    return false;
}
