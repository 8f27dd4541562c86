/* formkeys.c — the keys of a form's documents, mapping by mapping (see formkeys.h). The walk
 * mirrors model.c's (collect_keys, bind_node): the two must agree, and the test that every
 * example validates against `hyoka schema` and that `hyoka new` passes `check` holds them
 * together. */
#include "formkeys.h"

#include <string.h>

static fk_map *map_new(hy_arena *a)
{
    return hy_arena_alloc(a, sizeof(fk_map));
}

static fk_key *add(hy_arena *a, fk_map *m, fk_kind kind, const char *name, const lay_node *node,
                   const char *label, const char *context)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 8;
        fk_key *k = hy_arena_alloc(a, cap * sizeof *k);
        if (m->n) memcpy(k, m->keys, m->n * sizeof *k);
        m->keys = k;
        m->cap = cap;
    }
    fk_key *k = &m->keys[m->n++];
    *k = (fk_key){.kind = kind, .name = name, .node = node, .label = label ? label : name,
                  .context = context ? context : ""};
    return k;
}

const char *fk_clean_label(hy_arena *a, const char *s)
{
    if (!s) return "";
    size_t n = strlen(s);
    for (;;) {
        if (n >= 1 && s[n - 1] == ' ') n--;
        else if (n >= 3 && !strncmp(s + n - 3, "\u3000", 3)) n -= 3;
        else if (n >= 3 && !strncmp(s + n - 3, "\u203b", 3)) n -= 3;  /* ※ */
        else break;
    }
    return hy_arena_strndup(a, s, n);
}

static const char *join(hy_arena *a, const char *ctx, const char *part)
{
    if (!part || !*part) return ctx;
    if (!ctx || !*ctx) return hy_arena_strdup(a, part);
    return hy_arena_printf(a, "%s ＞ %s", ctx, part);
}

static void build_rows(hy_arena *a, const lay_node *ln, fk_map *m, const char *ctx, const char *fallback);

/* Adds what node r reads to mapping m. `fallback` labels a value without a label of its own
 * (the heading or span it fills). */
static void build(hy_arena *a, const lay_node *r, fk_map *m, const char *ctx, const char *fallback)
{
    const char *label = r->label ? fk_clean_label(a, r->label) : fallback;
    switch (r->kind) {
    case LK_TITLE: case LK_TOC:
        return;
    case LK_SECTION: case LK_HEAD: case LK_RISK: {
        const char *own = r->kind == LK_SECTION ? (r->title ? r->title : r->bookmark) : r->label;
        own = fk_clean_label(a, own);
        const char *sub_ctx = join(a, ctx, own);
        fk_map *into = m;
        fk_key *part = NULL;
        if (r->key) {
            part = add(a, m, FK_MAP, r->key, r, own && *own ? own : r->key, ctx);
            into = part->sub = map_new(a);
        }
        for (size_t i = 0; i < r->n_head_checks; i++)
            add(a, into, FK_FLAG, r->head_checks[i], r, r->head_checks[i], sub_ctx);
        build_rows(a, r, into, sub_ctx, r->kind == LK_SECTION ? NULL : own);
        if (part)
            for (size_t i = 0; i < into->n; i++)
                if (into->keys[i].required && into->keys[i].kind != FK_MAP) part->required = true;
        return;
    }
    case LK_SPAN: case LK_FIELDS: {
        const char *sub_ctx = r->kind == LK_SPAN ? join(a, ctx, label) : ctx;
        if (r->value) build(a, r->value, m, sub_ctx, label);
        build_rows(a, r, m, sub_ctx, label);
        return;
    }
    case LK_GROUP: {
        const char *n = strstr(label, "{n}");  /* システム{n}: the group is named without its number */
        if (n) label = hy_arena_printf(a, "%.*s%s", (int)(n - label), label, n + 3);
        fk_key *g = add(a, m, FK_GROUP, r->key, r, label, ctx);
        g->required = r->required;
        g->sub = map_new(a);
        const char *sub_ctx = join(a, ctx, label);
        if (r->title_key) add(a, g->sub, FK_VALUE, r->title_key, NULL, r->title_key, sub_ctx)->title = true;
        build_rows(a, r, g->sub, sub_ctx, NULL);
        return;
    }
    case LK_TABLE: {
        fk_key *t = add(a, m, FK_TABLE, r->key, r, label, ctx);
        t->required = r->required;
        t->sub = map_new(a);
        const char *sub_ctx = join(a, ctx, label);
        for (size_t i = 0; i < r->n_rows; i++) {
            const lay_node *col = r->rows[i];
            const char *cl = col->label ? fk_clean_label(a, col->label) : col->key;
            add(a, t->sub, FK_VALUE, col->key, col, cl, sub_ctx);
        }
        /* The headings a document names for a column sit beside the table. */
        for (size_t i = 0; i < r->n_rows; i++) {
            const lay_node *col = r->rows[i];
            const char *cl = col->label ? fk_clean_label(a, col->label) : col->key;
            if (col->labels_from) add(a, m, FK_HEADINGS, col->labels_from, col, cl, ctx);
            if (col->label2_from) add(a, m, FK_HEADING2, col->label2_from, col, cl, ctx);
        }
        return;
    }
    default:
        if (!r->key) return;
        add(a, m, FK_VALUE, r->key, r, label, ctx)->required = r->required;
        if (r->kind == LK_CHOICE && r->count_key) add(a, m, FK_COUNT, r->count_key, r, label, ctx);
        return;
    }
}

static void build_rows(hy_arena *a, const lay_node *ln, fk_map *m, const char *ctx, const char *fallback)
{
    for (size_t i = 0; i < ln->n_rows; i++) build(a, ln->rows[i], m, ctx, fallback);
}

fk_map *fk_build(const lay_form *form, hy_arena *a)
{
    fk_map *m = map_new(a);
    build_rows(a, &form->root, m, "", NULL);
    return m;
}
