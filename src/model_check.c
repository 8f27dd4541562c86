/* model_check.c — contradictory answers and missing parts, as warnings (see model_check.h). */
#include "model_check.h"

#include <stdlib.h>
#include <string.h>

/* True when the item reads its rows from a mapping of its own (root, entry, row, keyed part). */
static bool opens_mapping(const hy_item *it)
{
    if (!it->parent || it->kind != HY_ITEM_NODE) return true;
    return it->node->key && it->node->kind != LK_SPAN && it->node->kind != LK_FIELDS;
}

/* The item whose mapping `it` is read from. */
static const hy_item *scope_of(const hy_item *it)
{
    const hy_item *s = it->parent;
    while (s && !opens_mapping(s)) s = s->parent;
    return s;
}

/* The item of `key` read from the mapping of `scope` (not inside another mapping), or NULL. */
static const hy_item *find_key(const hy_item *scope, const char *key, bool top)
{
    if (!top && scope->kind == HY_ITEM_NODE && scope->node->key && !strcmp(scope->node->key, key)) return scope;
    if (!top && opens_mapping(scope)) return NULL;
    for (size_t i = 0; i < scope->n_kids; i++) {
        const hy_item *f = find_key(scope->kids[i], key, false);
        if (f) return f;
    }
    return NULL;
}

/* A text that says nothing: empty, or only spaces and dashes (－ - ー ― ‐). */
static bool blank(const char *s)
{
    static const char *const marks[] = {" ", "\t", "\n", "\u3000", "-", "\uff0d", "\u30fc", "\u2015", "\u2010", "\u2212"};
    while (s && *s) {
        size_t n = 0;
        for (size_t i = 0; i < sizeof marks / sizeof *marks && !n; i++)
            if (!strncmp(s, marks[i], strlen(marks[i]))) n = strlen(marks[i]);
        if (!n) return false;
        s += n;
    }
    return true;
}

/* True when the document fills in the item or anything inside it. */
static bool filled(const hy_item *it)
{
    if (it->kind != HY_ITEM_NODE) return it->present;  /* an entry or row given */
    if (it->text.s && !blank(it->text.s) && it->node->kind != LK_SECTION && it->node->kind != LK_TITLE &&
        it->node->kind != LK_TOC)
        return true;
    if (it->option) return true;
    for (size_t i = 0; i < it->n_checks; i++)
        if (it->checks[i].on || (it->checks[i].paren.s && !blank(it->checks[i].paren.s))) return true;
    for (size_t i = 0; i < it->n_texts; i++)
        if (it->texts[i].s && !blank(it->texts[i].s)) return true;
    if (it->n_blocks) return true;
    for (size_t i = 0; i < it->n_kids; i++)
        if (filled(it->kids[i])) return true;
    return false;
}

/* The first position inside a filled item (its own, else its first filled kid's). */
static void where(const hy_item *it, int *line, int *col)
{
    *line = it->line;
    *col = it->col;
    for (size_t i = 0; i < it->n_kids && !*line; i++) where(it->kids[i], line, col);
}

/* The item as the form prints it; its key when it has no printed name. */
static char *name_copy(const hy_item *it)
{
    hy_buf b = {0};
    hy_item_form_path(it, &b);
    if (!b.len && it->node->key) hy_buf_printf(&b, hy_msg(HY_M_QUOTED), it->node->key);
    if (!b.len) hy_buf_puts(&b, hy_msg(HY_M_THIS_ITEM));
    return b.data;
}

/* Warns for each item `rule->governs` names in `scope` that is filled in. */
static size_t governed(const hy_model *m, const hy_item *rule, const hy_item *scope, const char *answer,
                       hy_msg_id id, hy_diags *d)
{
    size_t n = 0;
    for (size_t k = 0; k < rule->node->n_governs; k++) {
        const hy_item *g = find_key(scope, rule->node->governs[k], true);
        if (!g || !filled(g)) continue;
        int line, col;
        where(g, &line, &col);
        char *rn = name_copy(rule), *gn = name_copy(g);
        hy_diag_msg_warn(d, m->file, line, col, id, rn, answer, gn);
        free(rn);
        free(gn);
        n++;
    }
    return n;
}

/* The entries given in a group or table item. */
static size_t given(const hy_item *list)
{
    size_t n = 0;
    for (size_t i = 0; list && i < list->n_kids; i++) n += list->kids[i]->present;
    return n;
}

static size_t check_choice(const hy_model *m, const hy_item *it, hy_diags *d)
{
    const lay_node *ln = it->node;
    if (!it->option) return 0;
    const hy_item *scope = scope_of(it);
    bool none = ln->none_option && !strcmp(it->option->text, ln->none_option);
    if (none) return governed(m, it, scope, it->option->text, HY_M_NONE_BUT_FILLED, d);
    if (!ln->count_key || !ln->count_of || it->count.s || !scope) return 0;
    const hy_item *list = find_key(scope, ln->count_of, true);
    size_t n = given(list);
    char *name = name_copy(it);
    if (n) hy_diag_msg_warn(d, m->file, it->line, it->col, HY_M_COUNT_MISSING, name, ln->count_key, ln->count_of, n);
    else hy_diag_msg_warn(d, m->file, it->line, it->col, HY_M_SOME_BUT_NONE, name, it->option->text, ln->count_of);
    free(name);
    return 1;
}

size_t hy_model_check(const hy_model *m, hy_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_items; i++) {
        const hy_item *it = m->items[i];
        if (it->kind != HY_ITEM_NODE) continue;
        const lay_node *ln = it->node;
        if (ln->kind == LK_CHOICE) n += check_choice(m, it, d);
        for (size_t k = 0; ln->none_check && k < it->n_flags; k++)
            if (it->flags[k].on && !strcmp(it->flags[k].name, ln->none_check))
                n += governed(m, it, opens_mapping(it) ? it : scope_of(it), ln->none_check, HY_M_NONE_CHECKED_BUT_FILLED,
                              d);
        if (ln->kind == LK_SECTION && ln->expected && !it->present) {
            /* a section is named by its whole title (II 特定個人情報ファイルの概要) */
            const char *t = ln->title ? ln->title : ln->bookmark;
            char *name = t ? hy_xstrdup(t) : name_copy(it);
            hy_diag_msg_warn(d, m->file, it->line > 0 ? it->line : 1, it->line > 0 ? it->col : 1, HY_M_SECTION_MISSING,
                             name);
            free(name);
            n++;
        }
    }
    return n;
}
