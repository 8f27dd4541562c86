/* validate.c — document vs layout (see validate.h). The walk mirrors the layout tree: every
 * node with a `key` reads that key from the current mapping; nodes without one pass the same
 * mapping to their rows. */
#include "validate.h"
#include "era.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const lay_form *f;
    const yl_node *root;  /* the document's top mapping */
    const char *file;
    hy_diags *d;
    bool ok;
} vctx;

static void err(vctx *v, const yl_node *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void err(vctx *v, const yl_node *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = hy_xmalloc((size_t)(len < 0 ? 0 : len) + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)(len < 0 ? 0 : len) + 1, fmt, ap);
    va_end(ap);
    hy_diag_add(v->d, v->file, at ? at->line : 0, at ? at->col : 0, "%s", msg);
    free(msg);
    v->ok = false;
}

/* True once the list of errors is full: later errors are not shown, so the costly work of
 * composing them (suggestions) is skipped. A hostile file can hold 250 000 unknown keys. */
static bool full(vctx *v)
{
    return v->d->n >= (v->d->max ? v->d->max : 50);
}

/* "a, b, c" of a list of names, for messages. */
static char *join_names(const hy_vec *names)
{
    hy_buf b = {0};
    for (size_t i = 0; i < names->n; i++) hy_buf_printf(&b, "%s%s", i ? ", " : "", (const char *)names->items[i]);
    return b.data ? b.data : hy_xstrdup("");
}

/* ---- "did you mean": edit distance over code points -------------------------------- */

static size_t edit_distance(const char *a, const char *b)
{
    size_t na, nb;
    uint32_t *ca = hy_utf8_to_cps(a, &na), *cb = hy_utf8_to_cps(b, &nb);
    if (na > 64 || nb > 64) {
        free(ca);
        free(cb);
        return 99;
    }
    size_t row[65];
    for (size_t j = 0; j <= nb; j++) row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diag + (ca[i - 1] != cb[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    free(ca);
    free(cb);
    return row[nb];
}

static const char *suggest(const hy_vec *names, const char *bad)
{
    const char *best = NULL;
    size_t best_d = 99, n;
    free(hy_utf8_to_cps(bad, &n));
    for (size_t i = 0; i < names->n; i++) {
        size_t dd = edit_distance(bad, names->items[i]);
        if (dd < best_d) { best_d = dd; best = names->items[i]; }
    }
    size_t limit = n / 3 > 1 ? n / 3 : 1;
    if (best && (best_d <= limit || (strstr(best, bad) && n >= 2))) return best;
    return NULL;
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

static void check_unknown(vctx *v, const yl_node *map, const hy_vec *names)
{
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->items[i]->str;
        if (has_name(names, k)) continue;
        if (full(v)) {
            v->ok = false;
            return;
        }
        const char *s = suggest(names, k);
        if (s) {
            err(v, map->items[i], "unknown key '%s'; did you mean '%s'?", k, s);
        } else {
            char *all = join_names(names);
            err(v, map->items[i], "unknown key '%s'; the keys here are: %s", k, all);
            free(all);
        }
    }
}

/* ---- values ------------------------------------------------------------------------- */

static bool want_scalar(vctx *v, const yl_node *n, const char *key)
{
    if (n->kind == YL_SCALAR) return true;
    err(v, n, "'%s' must be a text, not %s", key, yl_kind_name(n->kind));
    return false;
}

static bool is_int(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

static void check_date(vctx *v, const yl_node *n, const char *key)
{
    if (!want_scalar(v, n, key) || yl_is_null(n)) return;
    hy_date dt;
    char buf[64];
    if (!hy_date_parse(n->str, &dt))
        err(v, n, "'%s' must be a date written YYYY-MM-DD (or YYYY-MM), not '%s'", key, n->str);
    else if (!hy_date_format(dt, "元年", buf, sizeof buf))
        err(v, n, "'%s': %s is before the dates the form can print", key, n->str);
}

const lay_option *hy_option_match(const lay_options *o, const char *value)
{
    for (size_t i = 0; i < o->n; i++) {
        if (!strcmp(o->opts[i].text, value)) return &o->opts[i];
        for (size_t j = 0; j < o->opts[i].n_variants; j++)
            if (!strcmp(o->opts[i].variants[j], value)) return &o->opts[i];
    }
    return NULL;
}

static void check_choice(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (!want_scalar(v, n, ln->key) || yl_is_null(n)) return;
    if (hy_option_match(ln->options, n->str)) return;
    hy_buf list = {0};
    for (size_t i = 0; i < ln->options->n; i++)
        hy_buf_printf(&list, "%s%zu) %s", i ? ", " : "", i + 1, ln->options->opts[i].text);
    hy_diag_add(v->d, v->file, n->line, n->col, "'%s' is not an option of '%s'; the options are: %s",
                n->str, ln->key, list.data);
    v->ok = false;
    hy_buf_free(&list);
}

const lay_check *hy_check_match(const lay_checklist *cl, const char *label)
{
    for (size_t i = 0; i < cl->n_variants; i++)
        if (!strcmp(cl->variant_from[i], label)) label = cl->variant_to[i];
    for (size_t i = 0; i < cl->n; i++)
        if (!strcmp(cl->items[i].label, label)) return &cl->items[i];
    return NULL;
}

static void check_one_item(vctx *v, const lay_node *ln, const yl_node *it, const lay_check **seen,
                           size_t *n_seen)
{
    const yl_node *name = it, *text = NULL;
    if (it->kind == YL_MAP && it->n == 1) {
        name = it->items[0];
        text = it->vals[0];
    } else if (it->kind != YL_SCALAR) {
        err(v, it, "a checked item of '%s' is a text or a one-entry mapping {item: text}%s",
            ln->key, "");
        return;
    }
    const lay_check *ck = hy_check_match(ln->checks, name->str);
    if (!ck) {
        hy_vec names = {0};
        for (size_t i = 0; i < ln->checks->n; i++) hy_vec_push(&names, (void *)ln->checks->items[i].label);
        const char *s = suggest(&names, name->str);
        hy_vec_free(&names);
        if (s) err(v, name, "'%s' is not an item of this checkbox list; did you mean '%s'?", name->str, s);
        else err(v, name, "'%s' is not an item of this checkbox list (%s)", name->str, ln->checks->name);
        return;
    }
    if (text && !ck->paren) err(v, text, "'%s' has no parenthesis to fill in%s", ck->label, "");
    else if (text) want_scalar(v, text, ck->label);
    for (size_t i = 0; i < *n_seen; i++)
        if (seen[i] == ck) err(v, name, "'%s' is checked twice%s", ck->label, "");
    seen[(*n_seen)++] = ck;
}

static void check_checks(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (yl_is_null(n)) return;
    if (n->kind != YL_SEQ) {
        err(v, n, "'%s' must be a list of the checked items, not %s", ln->key, yl_kind_name(n->kind));
        return;
    }
    const lay_check **seen = hy_xcalloc(n->n + 1, sizeof *seen);
    size_t n_seen = 0;
    for (size_t i = 0; i < n->n; i++) check_one_item(v, ln, n->items[i], seen, &n_seen);
    free(seen);
}

static void check_bool(vctx *v, const yl_node *n, const char *key)
{
    if (n->kind != YL_SCALAR || !n->plain || (strcmp(n->str, "true") && strcmp(n->str, "false")))
        err(v, n, "'%s' is a checkbox: write true or false%s", key, "");
}

static void check_rows(vctx *v, const lay_node *parent, const yl_node *map);
static void check_node(vctx *v, const lay_node *ln, const yl_node *map);

static void check_mapping(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (n->kind != YL_MAP) {
        err(v, n, "'%s' must be a mapping of its items, not %s", ln->key ? ln->key : "?",
            yl_kind_name(n->kind));
        return;
    }
    check_rows(v, ln, n);
}

static void check_group(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (yl_is_null(n)) return;
    if (n->kind != YL_SEQ) {
        err(v, n, "'%s' must be a list (one entry per %s)", ln->key, ln->key);
        return;
    }
    if (ln->max && n->n > (size_t)ln->max) {
        char num[32];
        snprintf(num, sizeof num, "%d", ln->max);
        err(v, n, "'%s' has more entries than the form allows (%s)", ln->key, num);
    }
    for (size_t i = 0; i < n->n; i++) check_mapping(v, ln, n->items[i]);
}

static void check_block_item(vctx *v, const yl_node *b)
{
    static const char *const keys[] = {"見出し", "本文", "列数", "項目", NULL};
    if (b->kind == YL_SCALAR) return;
    if (b->kind != YL_MAP) {
        err(v, b, "a block of 記録項目 is a text or a mapping (見出し, 本文, 列数, 項目)%s%s", "", "");
        return;
    }
    hy_vec names = {0};
    for (const char *const *k = keys; *k; k++) hy_vec_push(&names, (void *)*k);
    check_unknown(v, b, &names);
    hy_vec_free(&names);
    const yl_node *cols = yl_get(b, "列数"), *items = yl_get(b, "項目");
    if (yl_get(b, "見出し")) want_scalar(v, yl_get(b, "見出し"), "見出し");
    if (yl_get(b, "本文")) want_scalar(v, yl_get(b, "本文"), "本文");
    if (cols && (cols->kind != YL_SCALAR || !is_int(cols->str) || atoi(cols->str) < 1 || atoi(cols->str) > 8))
        err(v, cols, "'列数' must be a number from 1 to 8%s%s", "", "");
    if (items && items->kind != YL_SEQ) err(v, items, "'項目' must be a list%s%s", "", "");
    for (size_t i = 0; items && items->kind == YL_SEQ && i < items->n; i++)
        want_scalar(v, items->items[i], "項目");
}

static void check_blocks(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (n->kind == YL_SCALAR) return;
    if (n->kind != YL_SEQ) {
        err(v, n, "'%s' must be a text or a list of blocks%s", ln->key, "");
        return;
    }
    for (size_t i = 0; i < n->n; i++) check_block_item(v, n->items[i]);
}

static size_t label_count(const yl_node *root, const char *key)
{
    const yl_node *l = yl_get(root, key);
    return l && l->kind == YL_SEQ ? l->n : 0;
}

static void check_table_row(vctx *v, const lay_node *ln, const yl_node *row, const yl_node *root)
{
    if (row->kind != YL_MAP) {
        err(v, row, "each row of '%s' must be a mapping of its columns%s", ln->key, "");
        return;
    }
    check_rows(v, ln, row);
    for (size_t c = 0; c < ln->n_rows; c++) {
        const lay_node *col = ln->rows[c];
        const yl_node *cell = yl_get(row, col->key);
        if (!col->multi || !cell || yl_is_null(cell)) continue;
        size_t want = label_count(root, col->labels_from);
        if (cell->kind != YL_SEQ || cell->n != want) {
            char num[32];
            snprintf(num, sizeof num, "%zu", want);
            err(v, cell, "'%s' must be a list of %s texts, one per heading", col->key, num);
        }
    }
}

static void check_table(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (yl_is_null(n)) return;
    if (n->kind != YL_SEQ) {
        err(v, n, "'%s' must be a list of rows%s", ln->key, "");
        return;
    }
    for (size_t i = 0; i < n->n; i++) check_table_row(v, ln, n->items[i], v->root);
}

static void check_count(vctx *v, const lay_node *ln, const yl_node *map)
{
    const yl_node *cnt = yl_get(map, ln->count_key);
    if (!cnt || yl_is_null(cnt)) return;
    if (cnt->kind != YL_SCALAR || !is_int(cnt->str)) {
        err(v, cnt, "'%s' must be a whole number%s", ln->count_key, "");
        return;
    }
    const yl_node *list = ln->count_of ? yl_get(map, ln->count_of) : NULL;
    if (list && list->kind == YL_SEQ && (size_t)atol(cnt->str) != list->n) {
        char num[32];
        snprintf(num, sizeof num, "%zu", list->n);
        hy_diag_add(v->d, v->file, cnt->line, cnt->col,
                    "'%s' says %s but '%s' lists %s entries", ln->count_key, cnt->str,
                    ln->count_of, num);
        v->ok = false;
    }
}

static bool is_empty(const yl_node *n)
{
    return !n || yl_is_null(n) || (n->kind != YL_SCALAR && n->n == 0);
}

/* Checks the value that node `ln` reads from `map`. */
static void check_node(vctx *v, const lay_node *ln, const yl_node *map)
{
    const yl_node *n = ln->key ? yl_get(map, ln->key) : NULL;
    if (ln->required && is_empty(n))
        err(v, map, "required item '%s' is missing or empty%s", ln->key, "");
    for (size_t i = 0; i < ln->n_head_checks; i++) {
        const yl_node *b = yl_get(map, ln->head_checks[i]);
        if (b) check_bool(v, b, ln->head_checks[i]);
    }
    if (ln->count_key) check_count(v, ln, map);
    if (ln->value) check_node(v, ln->value, map);
    if (!ln->key) {
        if (ln->kind != LK_TITLE && ln->kind != LK_TOC) check_rows(v, ln, map);
        return;
    }
    if (!n) return;
    switch (ln->kind) {
    case LK_TEXT: case LK_PARAM: case LK_BLOCK:
        if (ln->multi && n->kind == YL_SEQ)
            for (size_t i = 0; i < n->n; i++) want_scalar(v, n->items[i], ln->key);
        else if (ln->value_kind == LK_DATE) check_date(v, n, ln->key);
        else want_scalar(v, n, ln->key);
        break;
    case LK_INT:
        if (want_scalar(v, n, ln->key) && !yl_is_null(n) && !is_int(n->str))
            err(v, n, "'%s' must be a whole number, not '%s'", ln->key, n->str);
        break;
    case LK_DATE: check_date(v, n, ln->key); break;
    case LK_CHOICE: check_choice(v, ln, n); break;
    case LK_CHECKS: check_checks(v, ln, n); break;
    case LK_GROUP: check_group(v, ln, n); break;
    case LK_BLOCKS: check_blocks(v, ln, n); break;
    case LK_TABLE: check_table(v, ln, n); break;
    case LK_SPAN: case LK_FIELDS: check_rows(v, ln, map); break;
    default: if (!yl_is_null(n)) check_mapping(v, ln, n); break;
    }
}

/* Checks mapping `map` against the rows of `parent` (unknown keys, then each row). */
static void check_rows(vctx *v, const lay_node *parent, const yl_node *map)
{
    bool owns_map = parent->key && parent->kind != LK_SPAN && parent->kind != LK_FIELDS;
    if (owns_map || parent == &v->f->root) {
        hy_vec names = {0};
        if (parent->kind == LK_GROUP && parent->title_key) hy_vec_push(&names, (void *)parent->title_key);
        if (parent == &v->f->root) {
            hy_vec_push(&names, HY_KEY_FORM);
            hy_vec_push(&names, HY_KEY_STYLE);
        }
        for (size_t i = 0; i < parent->n_head_checks; i++) hy_vec_push(&names, (void *)parent->head_checks[i]);
        collect_rows(parent, &names);
        check_unknown(v, map, &names);
        hy_vec_free(&names);
    }
    if (parent->kind == LK_GROUP && parent->title_key && yl_get(map, parent->title_key))
        want_scalar(v, yl_get(map, parent->title_key), parent->title_key);
    for (size_t i = 0; i < parent->n_rows; i++) check_node(v, parent->rows[i], map);
}

static void check_style(vctx *v, const yl_node *style)
{
    if (!style) return;
    if (style->kind != YL_MAP) {
        err(v, style, "'%s' must be a mapping%s", HY_KEY_STYLE, "");
        return;
    }
    hy_vec names = {0};
    hy_vec_push(&names, "元年表記");
    check_unknown(v, style, &names);
    hy_vec_free(&names);
    const yl_node *g = yl_get(style, "元年表記");
    if (g && (g->kind != YL_SCALAR || (strcmp(g->str, "元年") && strcmp(g->str, "1年"))))
        err(v, g, "'元年表記' must be 元年 or 1年%s%s", "", "");
}

bool hy_validate(const lay_form *f, const yl_doc *doc, hy_diags *d)
{
    vctx v = {f, doc->root, doc->file, d, true};
    const yl_node *root = doc->root;
    if (!root || root->kind != YL_MAP) {
        err(&v, root, "the document must be a mapping that starts with '%s: %s'", HY_KEY_FORM, f->kind);
        return false;
    }
    check_style(&v, yl_get(root, HY_KEY_STYLE));
    check_rows(&v, &f->root, root);
    return v.ok;
}
