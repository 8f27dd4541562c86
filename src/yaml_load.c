/* yaml_load.c — libyaml events → located node tree (see yaml_load.h). */
#include "yaml_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* One open collection while events are read. */
typedef struct {
    yl_node *node;
    hy_vec items, vals;
    yl_node *pending_key;
} frame;

typedef struct {
    yl_doc *doc;
    hy_diags *d;
    frame stack[YL_MAX_DEPTH + 1];
    int depth;
    size_t nodes;
} builder;

static void err_at(builder *b, yaml_mark_t m, const char *fmt, const char *arg)
{
    hy_diag_add(b->d, b->doc->file, (int)m.line + 1, (int)m.column + 1, fmt, arg);
}

static yl_node *new_node(builder *b, yl_kind kind, yaml_mark_t m)
{
    yl_node *n = hy_arena_alloc(&b->doc->arena, sizeof *n);
    n->kind = kind;
    n->line = (int)m.line + 1;
    n->col = (int)m.column + 1;
    return n;
}

static void **freeze(builder *b, hy_vec *v)
{
    void **p = hy_arena_alloc(&b->doc->arena, (v->n ? v->n : 1) * sizeof *p);
    if (v->n) memcpy(p, v->items, v->n * sizeof *p);
    return p;
}

long yl_find(const yl_node *map, const char *key)
{
    if (!map || map->kind != YL_MAP) return -1;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->items[i]->str, key) == 0) return (long)i;
    return -1;
}

yl_node *yl_get(const yl_node *map, const char *key)
{
    long i = yl_find(map, key);
    return i < 0 ? NULL : map->vals[i];
}

/* Attaches a finished node to the collection on top of the stack (or makes it the root). */
static bool attach(builder *b, yl_node *n)
{
    if (b->depth == 0) {
        b->doc->root = n;
        return true;
    }
    frame *f = &b->stack[b->depth - 1];
    if (f->node->kind == YL_SEQ) {
        hy_vec_push(&f->items, n);
        return true;
    }
    if (!f->pending_key) {
        if (n->kind != YL_SCALAR) {
            hy_diag_add(b->d, b->doc->file, n->line, n->col, "a mapping key must be a plain text");
            return false;
        }
        for (size_t i = 0; i < f->items.n; i++) {
            yl_node *k = f->items.items[i];
            if (strcmp(k->str, n->str) == 0) {
                hy_diag_add(b->d, b->doc->file, n->line, n->col,
                            "duplicate key '%s' (first given at line %d)", n->str, k->line);
                return false;
            }
        }
        f->pending_key = n;
        return true;
    }
    hy_vec_push(&f->items, f->pending_key);
    hy_vec_push(&f->vals, n);
    f->pending_key = NULL;
    return true;
}

static bool open_collection(builder *b, yl_kind kind, yaml_mark_t m)
{
    if (b->depth >= YL_MAX_DEPTH) {
        err_at(b, m, "nesting deeper than %s levels", "64");
        return false;
    }
    frame *f = &b->stack[b->depth++];
    *f = (frame){0};
    f->node = new_node(b, kind, m);
    return true;
}

static bool close_collection(builder *b)
{
    frame *f = &b->stack[--b->depth];
    yl_node *n = f->node;
    n->n = n->kind == YL_MAP ? f->vals.n : f->items.n;
    n->items = (yl_node **)freeze(b, &f->items);
    if (n->kind == YL_MAP) n->vals = (yl_node **)freeze(b, &f->vals);
    hy_vec_free(&f->items);
    hy_vec_free(&f->vals);
    return attach(b, n);
}

static bool on_scalar(builder *b, const yaml_event_t *e)
{
    yl_node *n = new_node(b, YL_SCALAR, e->start_mark);
    n->len = e->data.scalar.length;
    n->str = hy_arena_strndup(&b->doc->arena, (const char *)e->data.scalar.value, n->len);
    if (strlen(n->str) != n->len) {
        err_at(b, e->start_mark, "text contains a NUL character%s", "");
        return false;
    }
    n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    return attach(b, n);
}

/* Handles one event; returns false on error, sets *done at the end of the stream. */
static bool on_event(builder *b, const yaml_event_t *e, int *docs, bool *done)
{
    if (++b->nodes > YL_MAX_NODES) {
        err_at(b, e->start_mark, "more than %s YAML nodes", "500000");
        return false;
    }
    switch (e->type) {
    case YAML_STREAM_END_EVENT: *done = true; return true;
    case YAML_DOCUMENT_START_EVENT:
        if (++*docs > 1) {
            err_at(b, e->start_mark, "only one YAML document per file is allowed%s", "");
            return false;
        }
        return true;
    case YAML_ALIAS_EVENT:
        err_at(b, e->start_mark, "aliases (*%s) are not allowed; write the value out",
               (const char *)e->data.alias.anchor);
        return false;
    case YAML_SCALAR_EVENT: return on_scalar(b, e);
    case YAML_SEQUENCE_START_EVENT: return open_collection(b, YL_SEQ, e->start_mark);
    case YAML_MAPPING_START_EVENT: return open_collection(b, YL_MAP, e->start_mark);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: return close_collection(b);
    default: return true;
    }
}

static void parser_error(builder *b, yaml_parser_t *p)
{
    yaml_mark_t m = p->problem_mark;
    const char *what = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_READER_ERROR) {
        /* The reader reports a byte offset, not a line; find the line ourselves. */
        hy_diag_add(b->d, b->doc->file, 0, 0, "%s at byte %zu (the file must be UTF-8 text)", what,
                    p->problem_offset);
        return;
    }
    if (p->context)
        hy_diag_add(b->d, b->doc->file, (int)m.line + 1, (int)m.column + 1, "YAML syntax: %s %s",
                    p->context, what);
    else
        hy_diag_add(b->d, b->doc->file, (int)m.line + 1, (int)m.column + 1, "YAML syntax: %s", what);
}

/* libyaml's reader errors carry a byte offset; turn it into line:col for the message. */
static void locate_offset(hy_diag *g, const char *data, size_t len, size_t off)
{
    int line = 1, col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (data[i] == '\n') { line++; col = 1; }
        else if (((unsigned char)data[i] & 0xC0) != 0x80) col++;
    }
    g->line = line;
    g->col = col;
}

bool yl_load_mem(const char *name, const char *data, size_t len, yl_doc *doc, hy_diags *d)
{
    *doc = (yl_doc){0};
    doc->file = hy_xstrdup(name);
    if (len > YL_MAX_INPUT_BYTES) {
        hy_diag_add(d, name, 0, 0, "file is %zu bytes; the limit is %u bytes", len,
                    YL_MAX_INPUT_BYTES);
        return false;
    }
    builder b = {.doc = doc, .d = d};
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
    bool ok = true, done = false;
    int docs = 0;
    while (ok && !done) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e)) {
            size_t before = d->n;
            parser_error(&b, &p);
            if (p.error == YAML_READER_ERROR && d->n > before)
                locate_offset(&d->items[d->n - 1], data, len, p.problem_offset);
            ok = false;
            break;
        }
        ok = on_event(&b, &e, &docs, &done);
        yaml_event_delete(&e);
    }
    while (b.depth > 0) {  /* free the vectors of collections left open by an error */
        frame *f = &b.stack[--b.depth];
        hy_vec_free(&f->items);
        hy_vec_free(&f->vals);
    }
    yaml_parser_delete(&p);
    return ok;
}

bool yl_load_file(const char *path, yl_doc *doc, hy_diags *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *doc = (yl_doc){.file = hy_xstrdup(path)};
        hy_diag_add(d, path, 0, 0, "cannot open: %s", strerror(errno));
        return false;
    }
    hy_buf buf = {0};
    char chunk[65536];
    size_t n;
    bool too_big = false;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buf.len + n > YL_MAX_INPUT_BYTES) { too_big = true; break; }
        hy_buf_add(&buf, chunk, n);
    }
    bool read_err = ferror(f);
    fclose(f);
    if (too_big || read_err) {
        *doc = (yl_doc){.file = hy_xstrdup(path)};
        if (too_big)
            hy_diag_add(d, path, 0, 0, "file is larger than the limit of %u bytes",
                        YL_MAX_INPUT_BYTES);
        else
            hy_diag_add(d, path, 0, 0, "read error");
        hy_buf_free(&buf);
        return false;
    }
    bool ok = yl_load_mem(path, buf.data ? buf.data : "", buf.len, doc, d);
    hy_buf_free(&buf);
    return ok;
}

void yl_free(yl_doc *doc)
{
    hy_arena_free(&doc->arena);
    free(doc->file);
    *doc = (yl_doc){0};
}

bool yl_is_null(const yl_node *n)
{
    if (!n) return true;
    if (n->kind != YL_SCALAR) return false;
    if (n->len == 0) return true;
    return n->plain && (!strcmp(n->str, "~") || !strcmp(n->str, "null") || !strcmp(n->str, "Null") ||
                        !strcmp(n->str, "NULL"));
}

const char *yl_kind_name(yl_kind k)
{
    return k == YL_MAP ? "a mapping" : k == YL_SEQ ? "a list" : "a text";
}
