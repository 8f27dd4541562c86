/* diag.c — the list of located errors (see diag.h). */
#include "diag.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add(hy_diags *d, bool warning, const char *file, int line, int col, const char *fmt, va_list ap)
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
    bool last = d->n == max;
    if (last) {
        msg = hy_xasprintf(hy_msg(HY_M_TOO_MANY), max);
    } else {
        msg = hy_xvasprintf(fmt, ap);
    }
    d->items[d->n] = (hy_diag){file ? hy_xstrdup(file) : NULL, line, col, msg, warning && !last};
    d->n++;
}

void hy_diag_add(hy_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, false, file, line, col, fmt, ap);
    va_end(ap);
}

void hy_diag_warn(hy_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, true, file, line, col, fmt, ap);
    va_end(ap);
}

void hy_diag_msg(hy_diags *d, const char *file, int line, int col, hy_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    add(d, false, file, line, col, hy_msg(id), ap);
    va_end(ap);
}

void hy_diag_msg_warn(hy_diags *d, const char *file, int line, int col, hy_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    add(d, true, file, line, col, hy_msg(id), ap);
    va_end(ap);
}

size_t hy_diags_promote(hy_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        n += d->items[i].warning;
        d->items[i].warning = false;
    }
    return n;
}

size_t hy_diags_errors(const hy_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) n += !d->items[i].warning;
    return n;
}

/* Characters that move the cursor or reorder the line: every C0 and C1 control, DEL, U+2028
 * and U+2029, and the bidirectional embeddings, overrides and isolates (Unicode UAX #9). */
static bool unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

char *hy_diag_escape(const char *s)
{
    hy_buf b = {0};
    size_t n = s ? strlen(s) : 0;
    hy_buf_add(&b, NULL, 0);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = hy_utf8_decode(s + i, n - i, &cp);
        if (!len) hy_buf_printf(&b, "\\x%02X", (unsigned char)s[i++]);
        else if (!unsafe(cp)) hy_buf_add(&b, s + i, len);
        else if (cp == '\n') hy_buf_puts(&b, "\\n");
        else if (cp == '\t') hy_buf_puts(&b, "\\t");
        else if (cp == '\r') hy_buf_puts(&b, "\\r");
        else if (cp < 0x80) hy_buf_printf(&b, "\\x%02X", (unsigned)cp);
        else hy_buf_printf(&b, "\\u%04X", (unsigned)cp);
        i += len ? len : 0;
    }
    return b.data;
}

void hy_diags_print(const hy_diags *d, void *stream)
{
    FILE *f = stream;
    for (size_t i = 0; i < d->n; i++) {
        const hy_diag *g = &d->items[i];
        const char *kind = g->warning ? "warning" : "error";
        char *file = g->file ? hy_diag_escape(g->file) : NULL, *msg = hy_diag_escape(g->msg);
        if (g->file && g->line > 0)
            fprintf(f, "%s:%d:%d: %s: %s\n", file, g->line, g->col, kind, msg);
        else if (g->file)
            fprintf(f, "%s: %s: %s\n", file, kind, msg);
        else
            fprintf(f, "hyoka: %s: %s\n", kind, msg);
        free(file);
        free(msg);
    }
}

void hy_diags_truncate(hy_diags *d, size_t n)
{
    while (d->n > n) {
        d->n--;
        free(d->items[d->n].file);
        free(d->items[d->n].msg);
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
