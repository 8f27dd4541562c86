/* pdf_pack.c — classic PDF → object streams and a cross-reference stream (see pdf_pack.h). */
#include "pdf_pack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_OBJSTM 1000     /* objects per object stream: ~60 KB to inflate to reach one */

typedef struct {
    size_t off, end;        /* the object's bytes in the input: "n 0 obj" … up to the next */
    size_t body, body_end;  /* its value, without "n 0 obj" and "endobj" */
    bool used, stream;
    size_t objstm, index;   /* where it goes: object stream number and index, or … */
    size_t new_off;         /* … its offset in the output (streams) */
} object;

static const char *find(const char *s, size_t len, size_t from, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = from; i + n <= len; i++)
        if (s[i] == what[0] && !memcmp(s + i, what, n)) return s + i;
    return NULL;
}

static const char *rfind(const char *s, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (!memcmp(s + i, what, n)) return s + i;
    return NULL;
}

static size_t number(const char *s, size_t len, size_t *pos)
{
    size_t v = 0;
    while (*pos < len && (s[*pos] == ' ' || s[*pos] == '\r' || s[*pos] == '\n')) ++*pos;
    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') v = v * 10 + (size_t)(s[(*pos)++] - '0');
    return v;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\r' || c == '\n' || c == '\t';
}

static int by_offset(const void *a, const void *b)
{
    const object *x = *(object *const *)a, *y = *(object *const *)b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Reads the xref table at `at` into objs (count n); returns the trailer's "<<" position. */
static size_t read_xref(const char *pdf, size_t len, size_t at, object **objs, size_t *n)
{
    if (at + 4 > len || memcmp(pdf + at, "xref", 4)) return 0;
    size_t pos = at + 4;
    *objs = NULL;
    *n = 0;
    for (;;) {
        while (pos < len && is_space(pdf[pos])) pos++;
        if (pos >= len || pdf[pos] < '0' || pdf[pos] > '9') break;
        size_t first = number(pdf, len, &pos), count = number(pdf, len, &pos);
        while (pos < len && is_space(pdf[pos])) pos++;
        if (first + count > *n) {
            *objs = hy_xrealloc(*objs, first + count, sizeof **objs);
            memset(*objs + *n, 0, (first + count - *n) * sizeof **objs);
            *n = first + count;
        }
        for (size_t i = 0; i < count; i++, pos += 20) {
            if (pos + 20 > len) return 0;
            size_t p = pos;
            (*objs)[first + i].off = number(pdf, len, &p);
            (*objs)[first + i].used = pdf[pos + 17] == 'n';
        }
    }
    const char *t = find(pdf, len, pos, "trailer");
    const char *d = t ? find(pdf, len, (size_t)(t - pdf), "<<") : NULL;
    return d ? (size_t)(d - pdf) : 0;
}

/* Finds each object's extent and value; false if an entry does not start "n 0 obj". */
static bool locate(const char *pdf, size_t len, object *objs, size_t n, size_t xref_at)
{
    object **order = hy_xmalloc((n + 1) * sizeof *order);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (objs[i].used) order[k++] = &objs[i];
    qsort(order, k, sizeof *order, by_offset);
    bool ok = true;
    for (size_t i = 0; ok && i < k; i++) {
        object *o = order[i];
        o->end = i + 1 < k ? order[i + 1]->off : xref_at;
        size_t pos = o->off;
        size_t num = number(pdf, len, &pos), gen = number(pdf, len, &pos);
        (void)num;
        while (pos < o->end && is_space(pdf[pos])) pos++;
        if (gen != 0 || o->end <= pos + 3 || o->end > len || memcmp(pdf + pos, "obj", 3)) {
            ok = false;
            break;
        }
        o->body = pos + 3;
        const char *e = rfind(pdf + o->body, o->end - o->body, "endobj");
        if (!e) {
            ok = false;
            break;
        }
        o->body_end = (size_t)(e - pdf);
        while (o->body < o->body_end && is_space(pdf[o->body])) o->body++;
        while (o->body_end > o->body && is_space(pdf[o->body_end - 1])) o->body_end--;
        o->stream = o->body_end - o->body >= 9 && !memcmp(pdf + o->body_end - 9, "endstream", 9);
    }
    free(order);
    return ok;
}

/* A decimal number and a space (printf was a tenth of the packing). */
static void put_num(hy_buf *b, size_t v)
{
    char tmp[24], *t = tmp + sizeof tmp;
    *--t = ' ';
    do *--t = (char)('0' + v % 10); while (v /= 10);
    hy_buf_add(b, t, (size_t)(tmp + sizeof tmp - t));
}

static void put_field(hy_buf *b, size_t v, int bytes)
{
    unsigned char c[4];
    for (int i = bytes - 1; i >= 0; i--, v >>= 8) c[i] = (unsigned char)(v & 0xFF);
    hy_buf_add(b, c, (size_t)bytes);
}

/* Writes a stream object with deflated data and the dictionary entries `dict` (without <<>>). */
static bool put_stream(hy_buf *out, hy_deflater *z, size_t num, const char *dict, const hy_buf *data)
{
    const unsigned char *zd;
    size_t zn = hy_deflate(z, data->data ? data->data : "", data->len, &zd);
    if (!zn) return false;
    hy_buf_printf(out, "%zu 0 obj\n<<%s /Filter /FlateDecode /Length %zu>>\nstream\n", num, dict, zn);
    hy_buf_add(out, zd, zn);
    hy_buf_puts(out, "\nendstream\nendobj\n");
    return true;
}

void hy_pdf_bodies_set(hy_pdf_bodies *b, size_t num, size_t from)
{
    if (num >= b->n) {
        size_t n = num < 64 ? 128 : 2 * num;
        b->start = hy_xrealloc(b->start, n, sizeof *b->start);
        b->len = hy_xrealloc(b->len, n, sizeof *b->len);
        memset(b->len + b->n, 0, (n - b->n) * sizeof *b->len);
        b->n = n;
    }
    b->start[num] = from;
    b->len[num] = b->data.len - from;
}

void hy_pdf_bodies_free(hy_pdf_bodies *b)
{
    free(b->start);
    free(b->len);
    hy_buf_free(&b->data);
    memset(b, 0, sizeof *b);
}

bool hy_pdf_pack(hy_deflater *z, const char *pdf, size_t len, const hy_pdf_bodies *bodies, hy_buf *out)
{
    out->len = 0;
    const char *sx = rfind(pdf, len, "startxref");
    size_t pos = sx ? (size_t)(sx - pdf) + 9 : 0, xref_at = sx ? number(pdf, len, &pos) : 0;
    object *objs = NULL;
    size_t n = 0, trailer = sx ? read_xref(pdf, len, xref_at, &objs, &n) : 0;
    const char *trailer_end = trailer ? find(pdf, len, trailer, "startxref") : NULL;
    if (!trailer || !trailer_end || !n || !locate(pdf, len, objs, n, xref_at)) {
        free(objs);
        return false;
    }
    /* header and binary comment: everything before the first object */
    size_t first = xref_at;
    for (size_t i = 0; i < n; i++)
        if (objs[i].used && objs[i].off < first) first = objs[i].off;
    hy_buf_add(out, pdf, first);
    /* streams as they are */
    size_t packed = 0;
    for (size_t i = 0; i < n; i++) {
        if (!objs[i].used) continue;
        if (!objs[i].stream) {
            packed++;
            continue;
        }
        objs[i].new_off = out->len;
        hy_buf_add(out, pdf + objs[i].off, objs[i].end - objs[i].off);
    }
    /* the other objects, PER_OBJSTM to an object stream: "num offset …" then the values */
    size_t n_objstm = (packed + PER_OBJSTM - 1) / PER_OBJSTM, next = n;
    size_t *objstm_off = hy_xcalloc(n_objstm + 1, sizeof *objstm_off);
    hy_buf head = {0}, values = {0};
    bool ok = true;
    for (size_t s = 0, i = 0; ok && s < n_objstm; s++) {
        head.len = values.len = 0;
        size_t count = 0;
        for (; i < n && count < PER_OBJSTM; i++) {
            if (!objs[i].used || objs[i].stream) continue;
            objs[i].objstm = next;
            objs[i].index = count++;
            put_num(&head, i);
            put_num(&head, values.len);
            if (bodies && i < bodies->n && bodies->len[i])
                hy_buf_add(&values, bodies->data.data + bodies->start[i], bodies->len[i]);
            else
                hy_buf_add(&values, pdf + objs[i].body, objs[i].body_end - objs[i].body);
            hy_buf_puts(&values, "\n");
        }
        char dict[96];
        snprintf(dict, sizeof dict, "/Type /ObjStm /N %zu /First %zu", count, head.len);
        hy_buf_add(&head, values.data, values.len);
        objstm_off[s] = out->len;
        ok = put_stream(out, z, next++, dict, &head);
    }
    /* the cross-reference stream: type, offset or object stream, generation or index */
    size_t xref_num = next, size = next + 1;
    hy_buf x = {0};
    for (size_t i = 0; i < size; i++) {
        if (i < n && objs[i].used && objs[i].stream) {
            put_field(&x, 1, 1), put_field(&x, objs[i].new_off, 4), put_field(&x, 0, 2);
        } else if (i < n && objs[i].used) {
            put_field(&x, 2, 1), put_field(&x, objs[i].objstm, 4), put_field(&x, objs[i].index, 2);
        } else if (i >= n && i < xref_num) {
            put_field(&x, 1, 1), put_field(&x, objstm_off[i - n], 4), put_field(&x, 0, 2);
        } else if (i == xref_num) {
            put_field(&x, 1, 1), put_field(&x, out->len, 4), put_field(&x, 0, 2);
        } else {
            put_field(&x, 0, 1), put_field(&x, 0, 4), put_field(&x, i ? 0 : 65535, 2);
        }
    }
    /* the trailer's entries but /Size, which is the new count */
    hy_buf dict = {0};
    const char *t = pdf + trailer + 2, *t_end = rfind(pdf + trailer, (size_t)(trailer_end - pdf) - trailer, ">>");
    while (t && t < t_end) {
        const char *line = t;
        while (t < t_end && *t != '\n') t++;
        if (!(t - line >= 5 && !memcmp(line, "/Size", 5)) && t > line) {
            hy_buf_puts(&dict, " ");
            hy_buf_add(&dict, line, (size_t)(t - line));
        }
        if (t < t_end) t++;
    }
    size_t xref_off = out->len;
    char head_dict[64];
    snprintf(head_dict, sizeof head_dict, "/Type /XRef /Size %zu /W [1 4 2]", size);
    hy_buf_puts(&head, "");  /* reuse as the full dictionary text */
    head.len = 0;
    hy_buf_printf(&head, "%s%s", head_dict, dict.data ? dict.data : "");
    ok = ok && t_end && put_stream(out, z, xref_num, head.data, &x);
    hy_buf_printf(out, "startxref\n%zu\n%%%%EOF\n", xref_off);
    hy_buf_free(&head);
    hy_buf_free(&values);
    hy_buf_free(&x);
    hy_buf_free(&dict);
    free(objstm_off);
    free(objs);
    return ok;
}
