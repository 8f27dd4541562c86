/* diff.c — the item-by-item comparison of versions of a document (see diff.h).
 *
 * The models are walked in parallel from their roots: at each place of the form the versions'
 * items are those with the same layout node and the same entry or row index (hy_item_kid_get).
 * The entries of a group and the rows of a table are matched by what they print, not only by
 * their number: one removed from the middle is one change, and those after it, renumbered, are
 * none (match_entries). An entry or row that some versions give and others do not is one
 * change, named by the entry; otherwise the walk goes down to the values and compares their
 * printed texts. */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const hy_model *const *models;
    size_t n;
    const char *const *skip;  /* key paths not compared, NULL-terminated */
    df_changes *out;
} walk_ctx;

static bool skipped(const walk_ctx *c, const hy_item *it)
{
    if (!c->skip || it->kind != HY_ITEM_NODE || !it->node->key) return false;
    hy_buf b = {0};
    hy_item_key_path(it, &b);
    bool yes = false;
    for (size_t i = 0; c->skip[i] && !yes; i++) yes = b.data && !strcmp(b.data, c->skip[i]);
    hy_buf_free(&b);
    return yes;
}

/* Records the item as changed when its printed texts differ between two consecutive versions.
 * title: compare only an entry's title (the value of its group's `title` key). */
static void compare_values(walk_ctx *c, const hy_item *const *its, const hy_item *any, const hy_item *old_place,
                           bool title)
{
    char *text[DF_MAX_VERSIONS] = {0};
    bool differ = false;
    for (size_t v = 0; v < c->n; v++) {
        hy_buf b = {0};
        if (its[v] && title) hy_buf_puts(&b, its[v]->text.s ? its[v]->text.s : "");
        else if (its[v]) df_item_text(c->models[v], its[v], &b);
        hy_buf_add(&b, "", 0);
        text[v] = b.data;
        if (v && strcmp(text[v], text[v - 1])) differ = true;
    }
    if (!differ) {
        for (size_t v = 0; v < c->n; v++) free(text[v]);
        return;
    }
    df_changes *o = c->out;
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 16;
        o->items = hy_xrealloc(o->items, o->cap, sizeof *o->items);
    }
    df_change *ch = &o->items[o->n++];
    *ch = (df_change){0};
    hy_buf p = {0}, k = {0};
    hy_item_form_path(any, &p);
    hy_item_key_path(any, &k);
    hy_buf_add(&p, "", 0);
    hy_buf_add(&k, "", 0);
    ch->path = p.data;
    ch->key_path = k.data;
    for (size_t v = 0; v < c->n; v++) {
        ch->item[v] = its[v];
        ch->text[v] = text[v];
    }
    ch->old_place = its[0] ? its[0] : old_place;
    lay_kind kind = any->kind == HY_ITEM_NODE ? any->node->kind : LK_GROUP;
    bool dated = kind == LK_BLOCK && any->node->value_kind == LK_DATE;
    ch->prose = title || kind == LK_TEXT || (kind == LK_BLOCK && !dated) || kind == LK_BLOCKS || kind == LK_PARAM ||
                kind == LK_CHECKS || any->kind != HY_ITEM_NODE;
}

/* ---- entries matched across versions ------------------------------------------------- */

typedef struct { const hy_item *it[DF_MAX_VERSIONS]; } tuple;

/* An entry's printed text with its presence, the key it is matched by. */
static char *entry_key_copy(const walk_ctx *c, size_t v, const hy_item *it)
{
    hy_buf b = {0};
    hy_buf_puts(&b, it->present ? "+" : "-");
    df_item_text(c->models[v], it, &b);
    return b.data;
}

/* How alike two entries' keys are, 0..1: the share of their lines (label and value) that both
 * have (Dice's coefficient over lines). */
static double likeness(const char *a, const char *b)
{
    size_t na = 0, nb = 0, common = 0;
    for (const char *p = a; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        size_t len = strcspn(p, "\n");
        na++;
        for (const char *q = b; q; q = strchr(q, '\n') ? strchr(q, '\n') + 1 : NULL)
            if (strcspn(q, "\n") == len && !strncmp(p, q, len)) {
                common++;
                break;
            }
    }
    for (const char *q = b; q; q = strchr(q, '\n') ? strchr(q, '\n') + 1 : NULL) nb++;
    return 2.0 * (double)common / (double)(na + nb);
}

/* Pairs the entries of a gap a[0..na) x b[0..nb) (none equal) without crossing, the most alike
 * first: an entry changed in place pairs with what it became. Two entries nothing alike pair
 * only when they stand at the same place of gaps of one size. */
static void pair_gap(char **ka, size_t na, char **kb, size_t nb, long *pa)
{
    if (!na || !nb) return;
    if (na * nb > 10000) {  /* a rewritten table of hundreds of rows: pair in order */
        for (size_t i = 0; i < na && i < nb; i++) pa[i] = (long)i;
        return;
    }
    size_t w = nb + 1;
    double *best = hy_xcalloc((na + 1) * w, sizeof *best), *sim = hy_xcalloc(na * nb, sizeof *sim);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            sim[i * nb + j] = likeness(ka[i], kb[j]);
            if (sim[i * nb + j] == 0 && na == nb && i == j) sim[i * nb + j] = 1e-6;
        }
    for (size_t i = na; i-- > 0;)
        for (size_t j = nb; j-- > 0;) {
            double take = sim[i * nb + j] > 0 ? sim[i * nb + j] + best[(i + 1) * w + j + 1] : 0;
            double skip = best[(i + 1) * w + j] > best[i * w + j + 1] ? best[(i + 1) * w + j] : best[i * w + j + 1];
            best[i * w + j] = take > skip ? take : skip;
        }
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        double s = sim[i * nb + j];
        if (s > 0 && best[i * w + j] == s + best[(i + 1) * w + j + 1]) pa[i++] = (long)j++;
        else if (best[(i + 1) * w + j] >= best[i * w + j + 1]) i++;
        else j++;
    }
    free(best), free(sim);
}

/* Pairs a[0..na) with b[0..nb) in order: the longest common subsequence of equal keys, and in
 * each gap between two of its pairs the entries most alike (pair_gap); the rest unpaired
 * (added or removed). pa[i] gets the index in b paired with a[i] or -1; pairs never cross. */
static void pair_up(char **ka, size_t na, char **kb, size_t nb, long *pa)
{
    for (size_t i = 0; i < na; i++) pa[i] = -1;
    if (na * nb > 4000000) {  /* beyond any real form: pair by number */
        for (size_t i = 0; i < na && i < nb; i++) pa[i] = (long)i;
        return;
    }
    size_t w = nb + 1;
    unsigned *len = hy_xcalloc((na + 1) * w, sizeof *len);  /* LCS of the suffixes */
    for (size_t i = na; i-- > 0;)
        for (size_t j = nb; j-- > 0;)
            len[i * w + j] = !strcmp(ka[i], kb[j]) ? len[(i + 1) * w + j + 1] + 1
                             : len[(i + 1) * w + j] > len[i * w + j + 1] ? len[(i + 1) * w + j] : len[i * w + j + 1];
    size_t i = 0, j = 0, gi = 0, gj = 0;  /* gi, gj: start of the current gap */
    for (;;) {
        bool end = i == na || j == nb;
        bool match = !end && !strcmp(ka[i], kb[j]) && len[i * w + j] == len[(i + 1) * w + j + 1] + 1;
        if (end || match) {
            size_t ei = end ? na : i, ej = end ? nb : j;
            long *gap = hy_xcalloc(ei - gi + 1, sizeof *gap);
            for (size_t k = 0; k < ei - gi; k++) gap[k] = -1;
            pair_gap(ka + gi, ei - gi, kb + gj, ej - gj, gap);
            for (size_t k = 0; k < ei - gi; k++) pa[gi + k] = gap[k] < 0 ? -1 : (long)gj + gap[k];
            free(gap);
            if (end) break;
            pa[i] = (long)j;
            gi = ++i, gj = ++j;
        } else if (len[(i + 1) * w + j] >= len[i * w + j + 1]) i++;
        else j++;
    }
    free(len);
}

/* The entries (or rows) under its[] matched across the versions, in order: version 0's, with
 * each later version's paired to its predecessor's and its unpaired ones inserted where they
 * stand. Returns the number of tuples; *out is a new array. */
static size_t match_entries(const walk_ctx *c, const hy_item *const *its, tuple **out)
{
    hy_vec tuples = {0};
    for (size_t v = 0; v < c->n; v++) {
        const hy_item *p = its[v];
        size_t nb = p ? p->n_kids : 0;
        hy_vec prev = {0};  /* the tuples version v-1 has, in order */
        for (size_t t = 0; v && t < tuples.n; t++)
            if (((tuple *)tuples.items[t])->it[v - 1]) hy_vec_push(&prev, tuples.items[t]);
        char **ka = hy_xcalloc(prev.n + 1, sizeof *ka), **kb = hy_xcalloc(nb + 1, sizeof *kb);
        for (size_t i = 0; i < prev.n; i++) ka[i] = entry_key_copy(c, v - 1, ((tuple *)prev.items[i])->it[v - 1]);
        for (size_t j = 0; j < nb; j++) kb[j] = entry_key_copy(c, v, p->kids[j]);
        long *pa = hy_xcalloc(prev.n + 1, sizeof *pa);
        pair_up(ka, prev.n, kb, nb, pa);
        /* Rebuild the order: each unpaired entry of v goes after the tuple of the entry paired
         * before it. */
        hy_vec next = {0};
        size_t j = 0, k = 0;  /* next entry of v to place; next tuple of prev */
        for (size_t t = 0; t < tuples.n; t++) {
            tuple *tp = tuples.items[t];
            if (v && tp->it[v - 1]) {
                long b = pa[k++];
                for (; b >= 0 && j < (size_t)b; j++) {  /* unpaired entries of v before b */
                    tuple *nt = hy_xcalloc(1, sizeof *nt);
                    nt->it[v] = p->kids[j];
                    hy_vec_push(&next, nt);
                }
                if (b >= 0) tp->it[v] = p->kids[j++];
            }
            hy_vec_push(&next, tp);
        }
        for (; j < nb; j++) {
            tuple *nt = hy_xcalloc(1, sizeof *nt);
            nt->it[v] = p->kids[j];
            hy_vec_push(&next, nt);
        }
        for (size_t i = 0; i < prev.n; i++) free(ka[i]);
        for (size_t i = 0; i < nb; i++) free(kb[i]);
        free(ka), free(kb), free(pa);
        hy_vec_free(&prev);
        hy_vec_free(&tuples);
        tuples = next;
    }
    tuple *arr = hy_xcalloc(tuples.n + 1, sizeof *arr);
    for (size_t t = 0; t < tuples.n; t++) {
        arr[t] = *(tuple *)tuples.items[t];
        free(tuples.items[t]);
    }
    size_t n = tuples.n;
    hy_vec_free(&tuples);
    *out = arr;
    return n;
}

/* ---- the walk ------------------------------------------------------------------------- */

/* its: the items at one place of the form in each version (NULL where a version has none);
 * old_place: the nearest ancestor version 0 has. */
static void walk(walk_ctx *c, const hy_item *const *its, const hy_item *old_place)
{
    const hy_item *any = NULL, *widest = NULL;
    for (size_t v = 0; v < c->n; v++) {
        if (!its[v]) continue;
        if (!any) any = its[v];
        if (!widest || its[v]->n_kids > widest->n_kids) widest = its[v];
    }
    if (!any || skipped(c, any)) return;
    if (its[0]) old_place = its[0];
    if (any->kind != HY_ITEM_NODE) {  /* an entry or a row: given in all versions, or one change */
        size_t given = 0;
        for (size_t v = 0; v < c->n; v++) given += its[v] && its[v]->present;
        if (!given) return;
        if (given < c->n) {
            compare_values(c, its, any, old_place, false);
            return;
        }
        if (any->node->title_key) compare_values(c, its, any, old_place, true);  /* the title in its header row */
    } else if (df_item_has_value(any)) {
        compare_values(c, its, any, old_place, false);
    }
    if (any->kind == HY_ITEM_NODE && (any->node->kind == LK_GROUP || any->node->kind == LK_TABLE)) {
        tuple *t;
        size_t n = match_entries(c, its, &t);
        for (size_t i = 0; i < n; i++) walk(c, t[i].it, old_place);
        free(t);
        return;
    }
    for (size_t i = 0; i < widest->n_kids; i++) {
        const hy_item *kid[DF_MAX_VERSIONS] = {0};
        for (size_t v = 0; v < c->n; v++) kid[v] = its[v] ? hy_item_kid_get(its[v], widest->kids[i]) : NULL;
        walk(c, kid, old_place);
    }
}

void df_compare(const hy_model *const *models, size_t n, const char *const *skip, df_changes *out)
{
    if (n > DF_MAX_VERSIONS) n = DF_MAX_VERSIONS;
    out->n_versions = n;
    walk_ctx c = {models, n, skip, out};
    const hy_item *roots[DF_MAX_VERSIONS] = {0};
    for (size_t v = 0; v < n; v++) roots[v] = models[v]->root;
    walk(&c, roots, models[0]->root);
}

void df_changes_free(df_changes *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i].path);
        free(c->items[i].key_path);
        for (size_t v = 0; v < c->n_versions; v++) free(c->items[i].text[v]);
    }
    free(c->items);
    *c = (df_changes){0};
}
