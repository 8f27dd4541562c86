/* layout_rules.c — the rule attributes of a layout node (see layout_rules.h). */
#include "layout_rules.h"

#include <string.h>

void lay_rules_node(cfg_ctx *c, const lay_node *ln, const yl_node *m)
{
    if (ln->none_option && ln->options) {
        bool found = false;
        for (size_t i = 0; i < ln->options->n && !found; i++) found = !strcmp(ln->options->opts[i].text, ln->none_option);
        if (!found)
            cfg_error(c, yl_get(m, "none_option"), HY_M_CFG_NONE_OPTION,
                      ln->key ? ln->key : "?", ln->none_option);
    }
    if (ln->none_check) {
        bool found = false;
        for (size_t i = 0; i < ln->n_head_checks && !found; i++) found = !strcmp(ln->head_checks[i], ln->none_check);
        if (!found)
            cfg_error(c, yl_get(m, "none_check"), HY_M_CFG_NONE_CHECK,
                      ln->none_check);
    }
    if (ln->n_governs && !ln->none_option && !ln->none_check)
        cfg_error(c, yl_get(m, "governs"), HY_M_CFG_GOVERNS_NEEDS,
                  ln->kind == LK_HEAD ? "none_check" : "none_option");
    if ((ln->none_option || ln->none_check) && !ln->n_governs)
        cfg_error(c, m, HY_M_CFG_NONE_NEEDS_GOVERNS,
                  ln->none_option ? "none_option" : "none_check");
}

/* True when a node opens a mapping of its own in the document (its rows' keys are read there). */
static bool opens_mapping(const lay_node *n)
{
    return n->key && n->kind != LK_SPAN && n->kind != LK_FIELDS;
}

/* True when `key` names a node read from the mapping of `scope` (its rows, spans' rows and
 * values, and keyless parts, not inside other mappings). */
static bool has_key(const lay_node *scope, const char *key, bool top)
{
    if (!top && scope->key && !strcmp(scope->key, key)) return true;
    if (!top && opens_mapping(scope)) return false;
    if (scope->value && has_key(scope->value, key, false)) return true;
    for (size_t i = 0; i < scope->n_rows; i++)
        if (has_key(scope->rows[i], key, false)) return true;
    return false;
}

static void walk(cfg_ctx *c, const lay_node *n, const lay_node *scope)
{
    /* A heading's rule governs its own mapping; a choice's the mapping it is read from. */
    const lay_node *in = n->kind == LK_HEAD && opens_mapping(n) ? n : scope;
    for (size_t i = 0; i < n->n_governs; i++) {
        if (has_key(in, n->governs[i], true)) continue;
        yl_node at = {.line = n->line, .col = n->col};
        cfg_error(c, &at, HY_M_CFG_GOVERNS_UNKNOWN, n->governs[i],
                  n->key ? n->key : n->label ? n->label : "?");
    }
    const lay_node *inner = opens_mapping(n) || n->kind == LK_GROUP || n->kind == LK_TABLE ? n : scope;
    if (n->value) walk(c, n->value, inner);
    for (size_t i = 0; i < n->n_rows; i++) walk(c, n->rows[i], inner);
}

void lay_rules_tree(cfg_ctx *c, const lay_node *root)
{
    walk(c, root, root);
}
