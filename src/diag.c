/* diag.c — the list of located errors (see diag.h). */
#include "diag.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void hy_diag_add(hy_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
    size_t max = d->max ? d->max : 50;
    if (d->n > max) return;
    if (d->n == max) {  /* one last entry says that the list stops here */
        file = NULL;
        line = col = 0;
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->items = hy_xrealloc(d->items, d->cap, sizeof *d->items);
    }
    char *msg;
    if (d->n == max) {
        msg = hy_xasprintf("too many errors; only the first %zu are shown", max);
    } else {
        va_list ap;
        va_start(ap, fmt);
        msg = hy_xvasprintf(fmt, ap);
        va_end(ap);
    }
    d->items[d->n++] = (hy_diag){file ? hy_xstrdup(file) : NULL, line, col, msg};
}

void hy_diags_print(const hy_diags *d, void *stream)
{
    FILE *f = stream;
    for (size_t i = 0; i < d->n; i++) {
        const hy_diag *g = &d->items[i];
        if (g->file && g->line > 0)
            fprintf(f, "%s:%d:%d: error: %s\n", g->file, g->line, g->col, g->msg);
        else if (g->file)
            fprintf(f, "%s: error: %s\n", g->file, g->msg);
        else
            fprintf(f, "hyoka: error: %s\n", g->msg);
    }
}

void hy_diags_free(hy_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].msg);
    }
    free(d->items);
    *d = (hy_diags){0};
}
