/* match.c — options, checkbox items and "did you mean" (see match.h). */
#include "match.h"

#include <stdlib.h>
#include <string.h>

const lay_option *hy_match_option(const lay_options *o, const char *value)
{
    for (size_t i = 0; i < o->n; i++) {
        if (!strcmp(o->opts[i].text, value)) return &o->opts[i];
        for (size_t j = 0; j < o->opts[i].n_variants; j++)
            if (!strcmp(o->opts[i].variants[j], value)) return &o->opts[i];
    }
    return NULL;
}

const lay_check *hy_match_check(const lay_checklist *cl, const char *label)
{
    for (size_t i = 0; i < cl->n_variants; i++)
        if (!strcmp(cl->variant_from[i], label)) label = cl->variant_to[i];
    for (size_t i = 0; i < cl->n; i++)
        if (!strcmp(cl->items[i].label, label)) return &cl->items[i];
    return NULL;
}

/* Levenshtein distance over code points; 99 for words longer than 64 characters. */
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

const char *hy_match_suggest(const hy_vec *names, const char *bad)
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
