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

const char *hy_match_suggest(const hy_vec *names, const char *bad)
{
    const char *best = NULL;
    size_t best_d = 99, n;
    free(hy_utf8_to_cps(bad, &n));
    for (size_t i = 0; i < names->n; i++) {
        size_t dd = hy_utf8_distance(bad, names->items[i]);
        if (dd < best_d) { best_d = dd; best = names->items[i]; }
    }
    size_t limit = n / 3 > 1 ? n / 3 : 1;
    if (best && (best_d <= limit || (strstr(best, bad) && n >= 2))) return best;
    return NULL;
}
