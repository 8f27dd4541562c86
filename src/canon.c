/* canon.c — keys, choices, checkbox items and dates folded to the form's spelling (see
 * canon.h). */
#include "canon.h"

#include "date.h"
#include "textfold.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A key of the layout with its folded form. */
typedef struct {
    const char *name;
    char *fold;
    bool valued;            /* some node with this key has a choice, checks or date value */
    bool number;            /* every node with this key holds a whole number (int, count, 列数) */
} name_t;

/* The layout's keys, with hash tables by name and by folded name (a document may hold
 * hundreds of thousands of keys: each is looked up in constant time). */
typedef struct {
    name_t *items;
    size_t n, cap;
    size_t *by_name, *by_fold;  /* open addressing: index + 1, 0 = empty */
    size_t mask;
    hy_vec valued;          /* layout nodes whose values are folded too: choice, checks, date */
    hy_vec numbers, texts;  /* keys (const char *) of whole numbers, and of anything else */
} names_t;

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static long find_in(const names_t *ns, const size_t *table, const char *s, bool fold)
{
    for (size_t h = hash(s) & ns->mask; table[h]; h = (h + 1) & ns->mask) {
        const name_t *e = &ns->items[table[h] - 1];
        if (!strcmp(fold ? e->fold : e->name, s)) return (long)table[h] - 1;
    }
    return -1;
}

static void add_name(names_t *ns, const char *name)
{
    if (!name) return;
    for (size_t i = 0; i < ns->n; i++)
        if (!strcmp(ns->items[i].name, name)) return;
    if (ns->n == ns->cap) ns->items = hy_xrealloc(ns->items, ns->cap = ns->cap ? 2 * ns->cap : 64, sizeof *ns->items);
    ns->items[ns->n++] = (name_t){name, tf_fold(name), false};
}

static void build_tables(names_t *ns)
{
    size_t cap = 16;
    while (cap < 4 * ns->n) cap *= 2;
    ns->mask = cap - 1;
    ns->by_name = hy_xcalloc(cap, sizeof *ns->by_name);
    ns->by_fold = hy_xcalloc(cap, sizeof *ns->by_fold);
    for (size_t i = 0; i < ns->n; i++) {
        size_t h = hash(ns->items[i].name) & ns->mask;
        while (ns->by_name[h]) h = (h + 1) & ns->mask;
        ns->by_name[h] = i + 1;
        h = hash(ns->items[i].fold) & ns->mask;
        while (ns->by_fold[h]) h = (h + 1) & ns->mask;
        ns->by_fold[h] = i + 1;
    }
    for (size_t i = 0; i < ns->valued.n; i++) {
        long k = find_in(ns, ns->by_name, ((const lay_node *)ns->valued.items[i])->key, false);
        if (k >= 0) ns->items[k].valued = true;
    }
    for (size_t i = 0; i < ns->numbers.n; i++) {
        long k = find_in(ns, ns->by_name, ns->numbers.items[i], false);
        if (k >= 0) ns->items[k].number = true;
    }
    for (size_t i = 0; i < ns->texts.n; i++) {
        long k = find_in(ns, ns->by_name, ns->texts.items[i], false);
        if (k >= 0) ns->items[k].number = false;
    }
}

static void collect(const lay_node *ln, names_t *ns)
{
    add_name(ns, ln->key);
    add_name(ns, ln->count_key);
    add_name(ns, ln->title_key);
    add_name(ns, ln->labels_from);
    add_name(ns, ln->label2_from);
    for (size_t i = 0; i < ln->n_head_checks; i++) add_name(ns, ln->head_checks[i]);
    if (ln->key && (ln->kind == LK_CHOICE || ln->kind == LK_CHECKS || ln->kind == LK_DATE ||
                    ln->value_kind == LK_DATE))
        hy_vec_push(&ns->valued, (void *)ln);
    if (ln->key) hy_vec_push(ln->kind == LK_INT ? &ns->numbers : &ns->texts, (void *)ln->key);
    if (ln->count_key) hy_vec_push(&ns->numbers, (void *)ln->count_key);
    if (ln->value) collect(ln->value, ns);
    for (size_t i = 0; i < ln->n_rows; i++) collect(ln->rows[i], ns);
}

/* Keys every document may hold besides the layout's (validate.h, and 別添1's blocks). */
static const char *const COMMON_KEYS[] = {HY_KEY_FORM, HY_KEY_STYLE, "元年表記", "見出し", "本文", "列数", "項目",
                                          HY_KEY_CHECK_MARK};

long hy_check_mark_entry(const yl_node *map)
{
    if (!map || map->kind != YL_MAP || map->n != 2) return -1;
    for (long i = 0; i < 2; i++)
        if (map->items[i]->kind == YL_SCALAR && tf_same(map->items[i]->str, HY_KEY_CHECK_MARK)) return i;
    return -1;
}

int hy_check_mark_value(const char *s)
{
    static const char *const OFF[] = {"なし", "しない", "いいえ", "false", "no", "無"};
    static const char *const ON[] = {"あり", "する", "はい", "true", "yes", "有"};
    for (size_t i = 0; i < sizeof OFF / sizeof *OFF; i++) {
        if (tf_same(s, OFF[i])) return 0;
        if (tf_same(s, ON[i])) return 1;
    }
    return -1;
}

/* The layout key `key` stands for (exactly, or folded when exactly one key folds the same), or
 * NULL. */
static const name_t *lookup(const names_t *ns, const char *key, bool *exact)
{
    long i = find_in(ns, ns->by_name, key, false);
    *exact = i >= 0;
    if (i >= 0) return &ns->items[i];
    char *f = tf_fold(key);
    const name_t *found = NULL;
    int hits = 0;
    for (size_t h = hash(f) & ns->mask; ns->by_fold[h]; h = (h + 1) & ns->mask) {
        const name_t *e = &ns->items[ns->by_fold[h] - 1];
        if (!strcmp(e->fold, f) && hits++ == 0) found = e;
    }
    free(f);
    return hits == 1 ? found : NULL;
}

/* The text a folded value stands for among `n` candidates (the form's spelling), or NULL if
 * none or more than one. */
static const char *pick(const char *value, const char *const *cands, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(cands[i], value)) return NULL;  /* already the form's own */
    const char *found = NULL;
    int hits = 0;
    for (size_t i = 0; i < n; i++)
        if (tf_same(cands[i], value) && (!found || strcmp(found, cands[i])) && hits++ == 0) found = cands[i];
    return hits == 1 ? found : NULL;
}

static void set_text(yl_doc *doc, yl_node *n, const char *text)
{
    n->str = hy_arena_strdup(&doc->arena, text);
    n->len = strlen(text);
}

/* A choice, a checkbox item or a date under key `key`, in the form's spelling. Each layout node
 * with that key is a candidate (a key may be a choice in one part and checks in another: the
 * YAML shape tells them apart). */
static bool canon_value(const names_t *ns, yl_doc *doc, const char *key, yl_node *v)
{
    hy_vec cands = {0};
    bool date = false;
    for (size_t i = 0; i < ns->valued.n; i++) {
        const lay_node *ln = ns->valued.items[i];
        if (strcmp(ln->key, key)) continue;
        if (ln->kind == LK_CHOICE && v->kind == YL_SCALAR)
            for (size_t j = 0; j < ln->options->n; j++) {
                hy_vec_push(&cands, (void *)ln->options->opts[j].text);
                for (size_t k = 0; k < ln->options->opts[j].n_variants; k++)
                    hy_vec_push(&cands, (void *)ln->options->opts[j].variants[k]);
            }
        if (ln->kind == LK_CHECKS && v->kind == YL_SEQ)
            for (size_t j = 0; j < ln->checks->n; j++) hy_vec_push(&cands, (void *)ln->checks->items[j].label);
        if (ln->kind == LK_CHECKS && v->kind == YL_SEQ)
            for (size_t j = 0; j < ln->checks->n_variants; j++) hy_vec_push(&cands, (void *)ln->checks->variant_from[j]);
        if (ln->kind == LK_DATE || ln->value_kind == LK_DATE) date = true;
    }
    bool ok = true;
    const char *const *c = (const char *const *)cands.items;
    if (v->kind == YL_SCALAR && !yl_is_null(v) && cands.n) {
        const char *p = pick(v->str, c, cands.n);
        if (p) set_text(doc, v, p);
    } else if (v->kind == YL_SEQ && cands.n) {
        for (size_t i = 0; i < v->n; i++) {
            yl_node *it = v->items[i];
            long mark = hy_check_mark_entry(it);
            yl_node *name = it->kind == YL_MAP && it->n == 1 ? it->items[0] : mark >= 0 ? it->items[1 - mark] : it;
            const char *p = name->kind == YL_SCALAR ? pick(name->str, c, cands.n) : NULL;
            if (p) set_text(doc, name, p);
        }
    } else if (date && v->kind == YL_SCALAR && !yl_is_null(v)) {
        hy_date dt;
        char why[160];
        if (hy_date_parse(v->str, &dt)) {
            /* ISO already */
        } else if (hy_date_read(v->str, &dt, why, sizeof why)) {
            char iso[16];
            if (dt.d) snprintf(iso, sizeof iso, "%04d-%02d-%02d", dt.y, dt.m, dt.d);
            else snprintf(iso, sizeof iso, "%04d-%02d", dt.y, dt.m);
            set_text(doc, v, iso);
        }
        /* An impossible date is left as written: the model reports it, naming its item. */
    }
    hy_vec_free(&cands);
    return ok;
}

/* A whole number typed with full-width digits (an IME's １２), as ASCII digits; anything else
 * is left for the model to judge. */
static void canon_number(yl_doc *doc, yl_node *v)
{
    if (v->kind != YL_SCALAR || yl_is_null(v) || !v->str[0]) return;
    char ascii[64];
    size_t n = 0;
    bool wide = false;
    for (const unsigned char *s = (const unsigned char *)v->str; *s; n++) {
        if (n + 1 >= sizeof ascii) return;
        if (*s >= '0' && *s <= '9') {
            ascii[n] = (char)*s++;
        } else if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {  /* U+FF10..FF19 */
            ascii[n] = (char)('0' + (s[2] - 0x90));
            s += 3;
            wide = true;
        } else {
            return;
        }
    }
    ascii[n] = '\0';
    if (wide) set_text(doc, v, ascii);
}

static bool canon_node(const names_t *ns, yl_doc *doc, yl_node *n, hy_diags *d)
{
    bool ok = true;
    if (n->kind == YL_SEQ)
        for (size_t i = 0; i < n->n; i++) ok &= canon_node(ns, doc, n->items[i], d);
    if (n->kind != YL_MAP) return ok;
    for (size_t i = 0; i < n->n; i++) {
        yl_node *k = n->items[i];
        bool exact;
        const name_t *found = lookup(ns, k->str, &exact);
        const char *name = found ? found->name : NULL;
        if (name && !exact) {
            /* Was it already given in the form's spelling (or another folding)? */
            for (size_t j = 0; j < n->n; j++)
                if (j != i && !strcmp(n->items[j]->str, name)) {
                    hy_diag_msg(d, doc->file, k->line, k->col, HY_M_SAME_ITEM_TWICE, k->str, name,
                                n->items[j]->line, n->items[j]->col);
                    ok = false;
                }
            set_text(doc, k, name);
        }
        if (found && found->valued) ok &= canon_value(ns, doc, k->str, n->vals[i]);
        if (found && found->number) canon_number(doc, n->vals[i]);
        ok &= canon_node(ns, doc, n->vals[i], d);
    }
    return ok;
}

bool hy_canon(const lay_form *form, yl_doc *doc, hy_diags *d)
{
    names_t ns = {0};
    for (size_t i = 0; i < sizeof COMMON_KEYS / sizeof *COMMON_KEYS; i++) add_name(&ns, COMMON_KEYS[i]);
    collect(&form->root, &ns);
    hy_vec_push(&ns.numbers, (void *)"列数");
    build_tables(&ns);
    bool ok = true;
    /* The traps that were only suspects: a key of this form without its space or with a
     * full-width colon is a mistake, not a text. */
    for (size_t i = 0; i < doc->suspects.n; i++) {
        const yt_trap *t = &doc->suspects.items[i];
        bool exact;
        if (t->key[0] && lookup(&ns, t->key, &exact)) {
            yt_report(t, doc->file, d);
            ok = false;
        }
    }
    if (ok && doc->root) ok = canon_node(&ns, doc, doc->root, d);
    for (size_t i = 0; i < ns.n; i++) free(ns.items[i].fold);
    free(ns.items);
    free(ns.by_name);
    free(ns.by_fold);
    hy_vec_free(&ns.valued);
    hy_vec_free(&ns.numbers);
    hy_vec_free(&ns.texts);
    return ok;
}
