/* yaml_traps.c — YAML traps found line by line in the source (see yaml_traps.h). */
#include "yaml_traps.h"

#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The messages, one per trap (msg_cat.h; each takes the key or text of the trap twice). */
static const hy_msg_id MESSAGES[] = {
    [YT_IDEOGRAPHIC_SPACE_INDENT] = HY_M_TRAP_IDEOGRAPHIC_SPACE,
    [YT_NO_BREAK_SPACE_INDENT] = HY_M_TRAP_NBSP,
    [YT_FULLWIDTH_COLON] = HY_M_TRAP_FULLWIDTH_COLON,
    [YT_NO_SPACE_AFTER_COLON] = HY_M_TRAP_NO_SPACE_COLON,
    [YT_NO_SPACE_AFTER_DASH] = HY_M_TRAP_NO_SPACE_DASH,
    [YT_FULLWIDTH_DASH] = HY_M_TRAP_FULLWIDTH_DASH,
    [YT_FLOW_THEN_TEXT] = HY_M_TRAP_FLOW_THEN_TEXT,
};

void yt_report(const yt_trap *t, const char *file, hy_diags *d)
{
    hy_diag_msg(d, file, t->line, t->col, MESSAGES[t->kind], t->key, t->key);
}

bool yt_report_certain(yt_traps *t, const char *file, hy_diags *d)
{
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->items[i].certain) yt_report(&t->items[i], file, d);
        else t->items[k++] = t->items[i];
    }
    bool none = k == t->n;
    t->n = k;
    return none;
}

bool yt_report_upto(const yt_traps *t, int line, const char *file, hy_diags *d)
{
    bool any = false;
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].line <= line) {
            yt_report(&t->items[i], file, d);
            any = true;
        }
    return any;
}

void yt_free(yt_traps *t)
{
    free(t->items);
    *t = (yt_traps){0};
}

static void add(yt_traps *out, yt_kind kind, int line, int col, bool certain, const char *key,
                size_t key_len)
{
    if (out->n == out->cap)
        out->items = hy_xrealloc(out->items, out->cap = out->cap ? 2 * out->cap : 8, sizeof *out->items);
    yt_trap *t = &out->items[out->n++];
    *t = (yt_trap){kind, line, col, certain, ""};
    if (key_len >= sizeof t->key) key_len = sizeof t->key - 4;
    while (key_len > 0 && ((unsigned char)key[key_len] & 0xC0) == 0x80) key_len--;  /* whole chars */
    memcpy(t->key, key, key_len);
    t->key[key_len] = '\0';
}

/* One line: bytes [s, e) of the text. */
typedef struct {
    const char *s, *e;
    int no;                 /* 1-based line number */
} line_t;

static uint32_t peek(const char *p, const char *e, size_t *n)
{
    uint32_t cp = 0;
    *n = hy_utf8_decode(p, (size_t)(e - p), &cp);
    if (!*n) *n = 1;
    return cp;
}

/* Column (1-based, in characters) of p in the line. */
static int col_of(const line_t *l, const char *p)
{
    int c = 1;
    for (const char *q = l->s; q < p;) {
        size_t n;
        peek(q, p, &n);
        q += n;
        c++;
    }
    return c;
}

/* A key as a writer types one: 1–20 characters, no spaces, not starting with a digit, no
 * characters that a URL or a time holds. */
static bool key_like(const char *k, const char *e)
{
    if (k >= e || (*k >= '0' && *k <= '9')) return false;
    int chars = 0;
    for (const char *p = k; p < e; chars++) {
        size_t n;
        uint32_t cp = peek(p, e, &n);
        if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '/' || cp == '#' || cp == '"' ||
            cp == '\'' || cp == '[' || cp == '{' || cp == ',')
            return false;
        p += n;
    }
    return chars <= 20;
}

/* The end of a flow collection that opens at p (a '[' or '{'), on this line, or NULL. Quoted
 * texts inside are skipped; *depth gets the nesting still open at the end of the line. */
static const char *flow_end(const char *p, const char *e, int *depth)
{
    *depth = 0;
    for (; p < e; p++) {
        if (*p == '"' || *p == '\'') {
            char q = *p;
            for (p++; p < e && *p != q; p++)
                if (q == '"' && *p == '\\' && p + 1 < e) p++;
            if (p >= e) return NULL;
        } else if (*p == '[' || *p == '{') {
            ++*depth;
        } else if (*p == ']' || *p == '}') {
            if (--*depth == 0) return p + 1;
        } else if (*p == '#' && p[-1] == ' ') {
            return NULL;
        }
    }
    return NULL;
}

/* A quoted text that opens at p: true if it closes on this line. */
static bool quote_closes(const char *p, const char *e)
{
    char q = *p;
    for (p++; p < e; p++) {
        if (q == '"' && *p == '\\' && p + 1 < e) p++;
        else if (*p == q) {
            if (q == '\'' && p + 1 < e && p[1] == '\'') p++;
            else return true;
        }
    }
    return false;
}

/* What a line leaves open for the lines after it. */
typedef struct {
    int block_parent;       /* a block text (| >) is open: lines indented more than this */
    char quote;             /* a multi-line quoted text is open */
    int flow_depth;         /* a multi-line [ ] or { } is open */
    int plain_indent;       /* a plain text may continue on lines indented more than this */
    int empty_key_indent;   /* `key:` without a value: lines indented more may be its value */
} state;

/* The value part of a line (after `key: ` or `- `), starting at v. */
static void scan_value(const line_t *l, const char *v, int indent, state *st, yt_traps *out, bool certain)
{
    const char *e = l->e;
    while (v < e && *v == ' ') v++;
    if (v >= e || *v == '#') {
        st->empty_key_indent = indent;
        return;
    }
    if (*v == '|' || *v == '>') {
        st->block_parent = indent;
        return;
    }
    if (*v == '"' || *v == '\'') {
        if (!quote_closes(v, e)) st->quote = *v;
        return;
    }
    if (*v == '[' || *v == '{') {
        int depth;
        const char *end = flow_end(v, e, &depth);
        if (!end) {
            if (depth > 0) st->flow_depth = depth;
            return;
        }
        while (end < e && *end == ' ') end++;
        if (end < e && *end != '#') add(out, YT_FLOW_THEN_TEXT, l->no, col_of(l, v), certain, v, 1);
        return;
    }
    st->plain_indent = indent;
}

static void scan_line(const line_t *l, state *st, yt_traps *out)
{
    const char *p = l->s, *e = l->e;
    int indent = 0;
    while (p < e && *p == ' ') p++, indent++;
    /* Inside what an earlier line opened: the writer's text, not YAML structure. */
    if (st->block_parent >= 0) {
        if (p == e || indent > st->block_parent) return;
        st->block_parent = -1;
    }
    if (st->quote) {
        for (const char *q = l->s; q < e; q++)
            if (*q == st->quote && (st->quote != '\'' || q + 1 >= e || q[1] != '\'')) {
                st->quote = 0;
                break;
            }
        return;
    }
    if (st->flow_depth > 0) {
        for (const char *q = p; q < e; q++) {
            if (*q == '[' || *q == '{') st->flow_depth++;
            if (*q == ']' || *q == '}') st->flow_depth--;
        }
        if (st->flow_depth < 0) st->flow_depth = 0;
        return;
    }
    if (p == e || *p == '#' || *p == '\t') return;
    if (st->plain_indent >= 0 && indent > st->plain_indent) return;  /* a plain text goes on */
    /* A line right under `key:` and indented more may be that key's value written on the next
     * line: a key-like text there is only a suspect. */
    bool maybe_value = st->empty_key_indent >= 0 && indent > st->empty_key_indent;
    /* A text alone on this line (not a list item) goes on over the lines indented more than
     * its key. */
    int key_base = maybe_value ? st->empty_key_indent : indent;
    st->plain_indent = st->empty_key_indent = -1;
    size_t n;
    uint32_t cp = peek(p, e, &n);
    if (cp == 0x3000 || cp == 0xA0) {
        add(out, cp == 0x3000 ? YT_IDEOGRAPHIC_SPACE_INDENT : YT_NO_BREAK_SPACE_INDENT, l->no,
            col_of(l, p), true, "", 0);
        return;
    }
    if ((e - p >= 3 && !memcmp(p, "---", 3)) || (e - p >= 3 && !memcmp(p, "...", 3))) return;
    /* List item marks: "- " (any number), then the item's own content. */
    bool item = false;
    while (p < e && *p == '-' && (p + 1 == e || p[1] == ' ')) {
        item = true;
        for (p++; p < e && *p == ' ';) p++;
    }
    if (p >= e) return;
    cp = peek(p, e, &n);
    if (*p == '-' && p + 1 < e && !(p[1] >= '0' && p[1] <= '9') && p[1] != '-' && p[1] != '.') {
        add(out, YT_NO_SPACE_AFTER_DASH, l->no, col_of(l, p), true, p + 1,
            (size_t)(e - p - 1));
        return;
    }
    if (cp == 0xFF0D || cp == 0x2212 || cp == 0x30FC) {  /* － − ー then a space */
        size_t n2;
        uint32_t next = p + n < e ? peek(p + n, e, &n2) : 0;
        if (next == ' ' || next == 0x3000) {
            add(out, YT_FULLWIDTH_DASH, l->no, col_of(l, p), !maybe_value, p, n);
            st->plain_indent = item ? indent : key_base;
            return;
        }
    }
    if (*p == '"' || *p == '\'' || *p == '[' || *p == '{' || *p == '|' || *p == '>') {
        /* A quoted key, or an item's value. */
        if ((*p == '"' || *p == '\'') && quote_closes(p, e)) {
            const char *q = p + 1;
            while (q < e && *q != *p) q++;  /* a quoted key: its value after ": " */
            if (q + 1 < e && q[1] == ':' && (q + 2 == e || q[2] == ' ')) {
                scan_value(l, q + 2, indent, st, out, !maybe_value);
                return;
            }
        }
        scan_value(l, p, indent, st, out, !maybe_value);
        return;
    }
    /* The key: the text before the first ": " (or a ':' that ends the line). */
    for (const char *q = p; q < e; q++) {
        if (*q == ' ' && q + 1 < e && q[1] == '#') break;  /* a comment */
        if (*q == ':' && (q + 1 == e || q[1] == ' ')) {
            scan_value(l, q + 1, indent, st, out, !maybe_value);
            return;
        }
    }
    /* No key: a text alone on its line (a list item, or a value under its key), or a key whose
     * colon is full-width or has no space after it. */
    bool certain = !maybe_value && !item;
    for (const char *q = p; q < e;) {
        uint32_t c = peek(q, e, &n);
        if (c == 0xFF1A) {
            if (key_like(p, q)) add(out, YT_FULLWIDTH_COLON, l->no, col_of(l, q), certain, p, (size_t)(q - p));
            break;
        }
        if (c == ':' && q + 1 < e && q[1] != '/' && !(q[1] >= '0' && q[1] <= '9')) {
            if (key_like(p, q)) add(out, YT_NO_SPACE_AFTER_COLON, l->no, col_of(l, q), certain, p, (size_t)(q - p));
            break;
        }
        if (c == ' ' || c == 0x3000) break;
        q += n;
    }
    st->plain_indent = item ? indent : key_base;
}

void yt_scan(const char *data, size_t len, yt_traps *out)
{
    state st = {.block_parent = -1, .plain_indent = -1, .empty_key_indent = -1};
    const char *p = data, *end = data + len;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
    for (int no = 1; p <= end; no++) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\r') e++;
        line_t l = {p, e, no};
        scan_line(&l, &st, out);
        if (e >= end) break;
        p = e + (e[0] == '\r' && e + 1 < end && e[1] == '\n' ? 2 : 1);
    }
}
