/* util.c — arena, buffers, checked allocation and UTF-8 helpers (see util.h). */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const char *oom_name;  /* the input being processed (escaped), or NULL */

void hy_oom_context(const char *name)
{
    oom_name = name;
}

void hy_die_oom(void)
{
    /* Nothing allocated can be relied on now, so: one fixed-size message, written directly,
     * and _exit() (no abort(), no core dump). Nothing was published: outputs are written to
     * a temporary file and renamed into place only when complete. */
    char msg[600];
    int n = snprintf(msg, sizeof msg,
                     "%.400s: error: out of memory: this document needs more memory than hyoka may use "
                     "here (README, limits)\n", oom_name ? oom_name : "hyoka");
    if (n > 0 && write(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1) < 0) n = 0;
    _exit(HY_EXIT_OOM);
}

void hy_oom_probe(void)
{
    void *p = malloc(HY_OOM_PROBE_BYTES);
    if (!p) hy_die_oom();
    free(p);
}

static void die_oom(void)
{
    hy_die_oom();
}

void *hy_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) die_oom();
    return p;
}

void *hy_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) die_oom();
    return p;
}

void *hy_xrealloc(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) die_oom();
    size_t total = count * size;
    void *q = realloc(p, total ? total : 1);
    if (!q) die_oom();
    return q;
}

char *hy_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(hy_xmalloc(n), s, n);
}

char *hy_xvasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    size_t len = n < 0 ? 0 : (size_t)n;
    char *s = hy_xmalloc(len + 1);
    vsnprintf(s, len + 1, fmt, ap);
    return s;
}

char *hy_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = hy_xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

struct hy_arena_block {
    hy_arena_block *next;
    size_t used, size;
    _Alignas(8) unsigned char data[];
};

void *hy_arena_alloc(hy_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    hy_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > 32768 ? n : 32768;
        b = hy_xmalloc(sizeof *b + size);
        b->used = 0;
        b->size = size;
        b->next = a->head;
        a->head = b;
        a->total += size;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *hy_arena_strndup(hy_arena *a, const char *s, size_t n)
{
    char *p = hy_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *hy_arena_strdup(hy_arena *a, const char *s)
{
    return hy_arena_strndup(a, s, strlen(s));
}

char *hy_arena_printf(hy_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = hy_arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void hy_arena_free(hy_arena *a)
{
    for (hy_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
    a->total = 0;
}

void hy_buf_add(hy_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1) cap *= 2;
        b->data = hy_xrealloc(b->data, cap, 1);
        b->cap = cap;
    }
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void hy_buf_puts(hy_buf *b, const char *s)
{
    hy_buf_add(b, s, strlen(s));
}

void hy_buf_printf(hy_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    hy_buf_add(b, NULL, 0);
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = b->len + (size_t)n + 1;
        b->data = hy_xrealloc(b->data, b->cap, 1);
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void hy_buf_free(hy_buf *b)
{
    free(b->data);
    *b = (hy_buf){0};
}

void hy_vec_push(hy_vec *v, void *p)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->items = hy_xrealloc(v->items, v->cap, sizeof *v->items);
    }
    v->items[v->n++] = p;
}

void hy_vec_free(hy_vec *v)
{
    free(v->items);
    *v = (hy_vec){0};
}

size_t hy_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0) return 0;
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    size_t len;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) { len = 2; c = s[0] & 0x1F; min = 0x80; }
    else if ((s[0] & 0xF0) == 0xE0) { len = 3; c = s[0] & 0x0F; min = 0x800; }
    else if ((s[0] & 0xF8) == 0xF0) { len = 4; c = s[0] & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

int hy_utf16_encode(uint32_t cp, uint16_t out[2])
{
    if (cp <= 0xFFFF) {
        out[0] = (uint16_t)cp;
        return 1;
    }
    out[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
    out[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
    return 2;
}

size_t hy_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

uint32_t *hy_utf8_to_cps(const char *s, size_t *count)
{
    size_t n = strlen(s), k = 0;
    uint32_t *out = hy_xmalloc((n + 1) * sizeof *out);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = hy_utf8_decode(s + i, n - i, &cp);
        if (!len) { cp = 0xFFFD; len = 1; }
        out[k++] = cp;
        i += len;
    }
    *count = k;
    return out;
}

size_t hy_utf8_distance(const char *a, const char *b)
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

char *hy_pdf_name_copy(const char *in)
{
    size_t n = strlen(in);
    const char *dot = strrchr(in, '.');
    if (dot && !strchr(dot, '/') && (!strcasecmp(dot, ".yaml") || !strcasecmp(dot, ".yml")))
        n = (size_t)(dot - in);
    return hy_xasprintf("%.*s.pdf", (int)n, in);
}
