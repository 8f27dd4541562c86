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
    char *msg = hy_xvasprintf(fmt, ap);
    va_end(ap);
    hy_diag_add(v->d, v->file, at ? at->line : 0, at ? at->col : 0, "%s", msg);
    free(msg);
    v->ok = false;
}

/* True once the list of errors is full: later errors are not shown, so the costly work of
 * composing them (suggestions) is skipped. A hostile file can hold 250 000 unknown keys. */
static bool full(vctx *v)
{
    if (v->d->n < (v->d->max ? v->d->max : 50)) return false;
    hy_diag_add(v->d, NULL, 0, 0, "%s", "");  /* adds diag.c's "too many errors" once */
    return true;
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

const char *hy_suggest(const hy_vec *names, const char *bad)
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
    /* A heading's checkboxes sit in its own mapping when it has a key (see check_rows). */
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

static void check_unknown_in(vctx *v, const yl_node *map, const hy_vec *names, const lay_node *parent)
{
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->items[i]->str;
        if (has_name(names, k)) continue;
        if (full(v)) {
            v->ok = false;
            return;
        }
        const char *s = hy_suggest(names, k);
        const char *owner = parent ? check_owner(parent, k) : NULL;
        if (owner) {
            err(v, map->items[i], "'%s' is a checkbox of the heading '%s'; move it into the mapping of '%s'",
                k, owner, owner);
        } else if (s) {
            err(v, map->items[i], "unknown key '%s'; did you mean '%s'?", k, s);
        } else {
            char *all = join_names(names);
            err(v, map->items[i], "unknown key '%s'; the keys here are: %s", k, all);
            free(all);
        }
    }
}

static void check_unknown(vctx *v, const yl_node *map, const hy_vec *names)
{
    check_unknown_in(v, map, names, NULL);
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

/* The value of a string of digits, or -1 if it does not fit in a long. */
static long int_value(const char *s)
{
    errno = 0;
    long n = strtol(s, NULL, 10);
    return errno ? -1 : n;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* Why a text in the date format is not a date ("there is no month 13"), or NULL. */
static const char *date_problem(const char *s, char *buf, size_t cap)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!((i == 4 || i == 7) ? s[i] == '-' : s[i] >= '0' && s[i] <= '9')) return NULL;
    if (n != 7 && n != 10) return NULL;
    int y = atoi(s), m = atoi(s + 5), d = n == 10 ? atoi(s + 8) : 1;
    if (m < 1 || m > 12) {
        snprintf(buf, cap, "there is no month %d", m);
        return buf;
    }
    if (d < 1 || d > days_in_month(y, m)) {
        snprintf(buf, cap, "%.7s has %d days", s, days_in_month(y, m));
        return buf;
    }
    return NULL;
}

static void check_date(vctx *v, const yl_node *n, const char *key)
{
    if (n->kind != YL_SCALAR) {
        err(v, n, "'%s' must be a date written YYYY-MM-DD (or YYYY-MM), not %s", key, yl_kind_name(n->kind));
        return;
    }
    if (yl_is_null(n)) return;
    hy_date dt;
    char buf[64], why[64];
    if (!hy_date_parse(n->str, &dt)) {
        const char *p = date_problem(n->str, why, sizeof why);
        if (p) err(v, n, "'%s': %s is not a date (%s)", key, n->str, p);
        else err(v, n, "'%s' must be a date written YYYY-MM-DD (or YYYY-MM), not '%s'", key, n->str);
    } else if (!hy_date_format(dt, "元年", buf, sizeof buf)) {
        err(v, n, "'%s': %s is before 1873, the first date the form can print in the Japanese "
            "calendar", key, n->str);
    }
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
    if (n->kind != YL_SCALAR) {
        err(v, n, "'%s' must be one option written as a text, not %s", ln->key, yl_kind_name(n->kind));
        return;
    }
    if (yl_is_null(n) || hy_option_match(ln->options, n->str)) return;
    hy_buf list = {0};
    for (size_t i = 0; i < ln->options->n; i++)
        hy_buf_printf(&list, "%s%zu) %s", i ? ", " : "", i + 1, ln->options->opts[i].text);
    err(v, n, "'%s' is not an option of '%s'; the options are: %s", n->str, ln->key,
        list.data ? list.data : "(none)");
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

/* One entry of a checkbox list; `seen` has one flag per item of the list. */
static void check_one_item(vctx *v, const lay_node *ln, const yl_node *it, bool *seen)
{
    const yl_node *name = it, *text = NULL;
    if (it->kind == YL_MAP && it->n == 1) {
        name = it->items[0];
        text = it->vals[0];
    } else if (it->kind != YL_SCALAR) {
        err(v, it, "each checked item of '%s' is a text, or a one-entry mapping {item: text} for an "
            "item with a parenthesis; this is %s", ln->key,
            it->kind == YL_MAP ? "a mapping of several entries" : yl_kind_name(it->kind));
        return;
    }
    const lay_check *ck = hy_check_match(ln->checks, name->str);
    if (!ck) {
        if (full(v)) {
            v->ok = false;
            return;
        }
        hy_vec names = {0};
        for (size_t i = 0; i < ln->checks->n; i++) hy_vec_push(&names, (void *)ln->checks->items[i].label);
        const char *s = hy_suggest(&names, name->str);
        if (s) {
            err(v, name, "'%s' is not an item of the checkbox list of '%s'; did you mean '%s'?",
                name->str, ln->key, s);
        } else {
            char *all = join_names(&names);
            err(v, name, "'%s' is not an item of the checkbox list of '%s'; the items are: %s",
                name->str, ln->key, all);
            free(all);
        }
        hy_vec_free(&names);
        return;
    }
    if (text && !ck->paren)
        err(v, text, "'%s' has no parenthesis to fill in; write it as a plain item (- %s)", ck->label,
            ck->label);
    else if (text)
        want_scalar(v, text, ck->label);
    size_t k = (size_t)(ck - ln->checks->items);
    if (seen[k]) err(v, name, "'%s' is checked twice in '%s'; give it once", ck->label, ln->key);
    seen[k] = true;
}

static void check_checks(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (yl_is_null(n)) return;
    if (n->kind != YL_SEQ) {
        if (n->kind == YL_SCALAR)
            err(v, n, "'%s' must be a list of the checked items, not a text (for one item write "
                "[%s])", ln->key, n->str);
        else
            err(v, n, "'%s' must be a list of the checked items, not %s", ln->key,
                yl_kind_name(n->kind));
        return;
    }
    bool *seen = hy_xcalloc(ln->checks->n + 1, sizeof *seen);
    for (size_t i = 0; i < n->n; i++) check_one_item(v, ln, n->items[i], seen);
    free(seen);
}

static void check_bool(vctx *v, const yl_node *n, const char *key)
{
    if (n->kind != YL_SCALAR || !n->plain || (strcmp(n->str, "true") && strcmp(n->str, "false")))
        err(v, n, "'%s' is a checkbox: write true or false (without quotes)", key);
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
        err(v, n, "'%s' must be a list with one mapping per entry (- %s: …), not %s", ln->key,
            ln->title_key ? ln->title_key : ln->rows && ln->n_rows && ln->rows[0]->key ? ln->rows[0]->key : "…",
            yl_kind_name(n->kind));
        return;
    }
    if (ln->max && n->n > (size_t)ln->max)
        err(v, n, "'%s' has %zu entries; the form allows at most %d", ln->key, n->n, ln->max);
    for (size_t i = 0; i < n->n && !full(v); i++) {
        const yl_node *e = n->items[i];
        if (e->kind != YL_MAP)
            err(v, e, "entry %zu of '%s' must be a mapping of its items, not %s", i + 1, ln->key,
                yl_kind_name(e->kind));
        else
            check_rows(v, ln, e);
    }
}

static void check_block_item(vctx *v, const yl_node *b)
{
    static const char *const keys[] = {"見出し", "本文", "列数", "項目", NULL};
    if (b->kind == YL_SCALAR) return;
    if (b->kind != YL_MAP) {
        err(v, b, "a block of 記録項目 is a text or a mapping (見出し, 本文, 列数, 項目), not %s",
            yl_kind_name(b->kind));
        return;
    }
    hy_vec names = {0};
    for (const char *const *k = keys; *k; k++) hy_vec_push(&names, (void *)*k);
    check_unknown(v, b, &names);
    hy_vec_free(&names);
    const yl_node *cols = yl_get(b, "列数"), *items = yl_get(b, "項目");
    if (yl_get(b, "見出し")) want_scalar(v, yl_get(b, "見出し"), "見出し");
    if (yl_get(b, "本文")) want_scalar(v, yl_get(b, "本文"), "本文");
    if (cols && (cols->kind != YL_SCALAR || !is_int(cols->str) || int_value(cols->str) < 1 ||
                 int_value(cols->str) > 8))
        err(v, cols, "'列数' must be a number from 1 to 8%s%s%s", cols->kind == YL_SCALAR ? ", not '" : "",
            cols->kind == YL_SCALAR ? cols->str : "", cols->kind == YL_SCALAR ? "'" : "");
    if (items && items->kind != YL_SEQ && !yl_is_null(items))
        err(v, items, "'項目' must be a list of texts, not %s", yl_kind_name(items->kind));
    for (size_t i = 0; items && items->kind == YL_SEQ && i < items->n; i++)
        want_scalar(v, items->items[i], "項目");
}

static void check_blocks(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (n->kind == YL_SCALAR) return;
    if (n->kind != YL_SEQ) {
        err(v, n, "'%s' must be a text or a list of blocks, not %s", ln->key, yl_kind_name(n->kind));
        return;
    }
    for (size_t i = 0; i < n->n && !full(v); i++) check_block_item(v, n->items[i]);
}

/* The document's list of headings named by a column's labels_from (checked in check_table). */
static const yl_node *heading_list(const yl_node *root, const char *key)
{
    const yl_node *l = key ? yl_get(root, key) : NULL;
    return l && l->kind == YL_SEQ ? l : NULL;
}

static void check_table_row(vctx *v, const lay_node *ln, const yl_node *row, size_t index)
{
    if (row->kind != YL_MAP) {
        err(v, row, "row %zu of '%s' must be a mapping of its columns, not %s", index + 1, ln->key,
            yl_kind_name(row->kind));
        return;
    }
    check_rows(v, ln, row);
    for (size_t c = 0; c < ln->n_rows; c++) {
        const lay_node *col = ln->rows[c];
        const yl_node *cell = yl_get(row, col->key);
        if (!col->multi || !cell || yl_is_null(cell)) continue;
        const yl_node *heads = heading_list(v->root, col->labels_from);
        if (!heads) {
            err(v, cell, "'%s' needs the list '%s' at the top of the document, one heading per text",
                col->key, col->labels_from ? col->labels_from : "?");
        } else if (cell->kind != YL_SEQ) {
            err(v, cell, "'%s' must be a list of %zu texts, one per heading of '%s', not %s", col->key,
                heads->n, col->labels_from, yl_kind_name(cell->kind));
        } else if (cell->n != heads->n) {
            err(v, cell, "'%s' has %zu texts but '%s' has %zu headings; give one text per heading",
                col->key, cell->n, col->labels_from, heads->n);
        }
    }
}

/* Column headings that the document names at its top level (修正案見出し, ページ見出し). */
static void check_headings(vctx *v, const lay_node *ln)
{
    for (size_t c = 0; c < ln->n_rows; c++) {
        const lay_node *col = ln->rows[c];
        const yl_node *l = col->labels_from ? yl_get(v->root, col->labels_from) : NULL;
        if (l && !yl_is_null(l)) {
            if (l->kind != YL_SEQ) {
                err(v, l, "'%s' must be a list of headings, not %s", col->labels_from, yl_kind_name(l->kind));
            } else {
                for (size_t i = 0; i < l->n; i++) want_scalar(v, l->items[i], col->labels_from);
                if (l->n > HY_MAX_HEADINGS)
                    err(v, l, "'%s' has %zu headings; the page has room for at most %d", col->labels_from,
                        l->n, HY_MAX_HEADINGS);
            }
        }
        const yl_node *l2 = col->label2_from ? yl_get(v->root, col->label2_from) : NULL;
        if (l2) want_scalar(v, l2, col->label2_from);
    }
}

static void check_table(vctx *v, const lay_node *ln, const yl_node *n)
{
    if (yl_is_null(n)) return;
    if (n->kind != YL_SEQ) {
        err(v, n, "'%s' must be a list of rows, not %s", ln->key, yl_kind_name(n->kind));
        return;
    }
    for (size_t i = 0; i < n->n && !full(v); i++) check_table_row(v, ln, n->items[i], i);
}

static void check_count(vctx *v, const lay_node *ln, const yl_node *map)
{
    const yl_node *cnt = yl_get(map, ln->count_key);
    if (!cnt || yl_is_null(cnt)) return;
    if (cnt->kind != YL_SCALAR || !is_int(cnt->str)) {
        if (cnt->kind == YL_SCALAR)
            err(v, cnt, "'%s' must be a whole number, not '%s'", ln->count_key, cnt->str);
        else
            err(v, cnt, "'%s' must be a whole number, not %s", ln->count_key, yl_kind_name(cnt->kind));
        return;
    }
    const yl_node *list = ln->count_of ? yl_get(map, ln->count_of) : NULL;
    long want = int_value(cnt->str);
    if (list && list->kind == YL_SEQ && (want < 0 || (size_t)want != list->n))
        err(v, cnt, "'%s' says %s but '%s' lists %zu %s", ln->count_key, cnt->str, ln->count_of,
            list->n, list->n == 1 ? "entry" : "entries");
}

static bool is_empty(const yl_node *n)
{
    return !n || yl_is_null(n) || (n->kind != YL_SCALAR && n->n == 0);
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

/* Checks the value that node `ln` reads from `map`. */
static void check_node(vctx *v, const lay_node *ln, const yl_node *map)
{
    if (full(v)) {
        v->ok = false;
        return;
    }
    const yl_node *n = ln->key ? yl_get(map, ln->key) : NULL;
    if (ln->required && is_empty(n))
        err(v, n ? n : map, "required item '%s' is %s", ln->key,
            n ? "empty" : "missing from the mapping that starts here");
    /* Heading checkboxes live in the heading's own mapping when it has a key (as form.c reads
     * them), else in the enclosing one. */
    const yl_node *hmap = ln->key ? (n && n->kind == YL_MAP ? n : NULL) : map;
    for (size_t i = 0; hmap && i < ln->n_head_checks; i++) {
        const yl_node *b = yl_get(hmap, ln->head_checks[i]);
        if (b) check_bool(v, b, ln->head_checks[i]);
    }
    if (ln->count_key) check_count(v, ln, map);
    if (ln->value) check_node(v, ln->value, map);
    if (!ln->key) {
        if (ln->kind != LK_TITLE && ln->kind != LK_TOC) check_rows(v, ln, map);
        return;
    }
    if (!n || (yl_is_null(n) && (ln->kind == LK_SECTION || ln->kind == LK_HEAD || ln->kind == LK_RISK))) {
        /* A missing part of the form is empty, unless it holds required items. */
        hy_vec req = {0};
        if (ln->kind == LK_SECTION || ln->kind == LK_HEAD || ln->kind == LK_RISK) required_keys(ln, &req, true);
        if (req.n) {
            char *all = join_names(&req);
            err(v, n ? n : map, "'%s' is %s; it must hold the required item%s %s", ln->key,
                n ? "empty" : "missing from the mapping that starts here", req.n > 1 ? "s" : "", all);
            free(all);
        }
        hy_vec_free(&req);
        return;
    }
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
    case LK_TABLE: check_headings(v, ln); check_table(v, ln, n); break;
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
        check_unknown_in(v, map, &names, parent);
        hy_vec_free(&names);
    }
    if (parent->kind == LK_GROUP && parent->title_key && yl_get(map, parent->title_key))
        want_scalar(v, yl_get(map, parent->title_key), parent->title_key);
    for (size_t i = 0; i < parent->n_rows; i++) check_node(v, parent->rows[i], map);
}

static void check_style(vctx *v, const yl_node *style)
{
    if (!style || yl_is_null(style)) return;
    if (style->kind != YL_MAP) {
        err(v, style, "'%s' must be a mapping (元年表記: 元年 or 1年), not %s", HY_KEY_STYLE,
            yl_kind_name(style->kind));
        return;
    }
    hy_vec names = {0};
    hy_vec_push(&names, "元年表記");
    check_unknown(v, style, &names);
    hy_vec_free(&names);
    const yl_node *g = yl_get(style, "元年表記");
    if (g && (g->kind != YL_SCALAR || (strcmp(g->str, "元年") && strcmp(g->str, "1年"))))
        err(v, g, "'元年表記' must be 元年 or 1年");
}

bool hy_validate(const lay_form *f, const yl_doc *doc, hy_diags *d)
{
    vctx v = {f, doc->root, doc->file, d, true};
    const yl_node *root = doc->root;
    if (!root || root->kind != YL_MAP) {
        err(&v, root, "the document must be a mapping that starts with '%s: %s'", HY_KEY_FORM, f->kind);
        return false;
    }
    const yl_node *form = yl_get(root, HY_KEY_FORM);
    if (form) want_scalar(&v, form, HY_KEY_FORM);
    check_style(&v, yl_get(root, HY_KEY_STYLE));
    check_rows(&v, &f->root, root);
    return v.ok;
}
