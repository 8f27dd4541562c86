/* batch_list.c — the list of documents of a batch (see batch_list.h). */
#include "batch_list.h"
#include "diag.h"
#include "infile.h"
#include "render.h"
#include "yaml_load.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Directories nested deeper than this below SRC are reported, not walked. */
#define MAX_DEPTH 64

uint64_t bt_fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Spreads FNV's bits before taking a remainder (the MurmurHash3 finalizer). */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

unsigned bt_shard_of(const char *outrel, unsigned n)
{
    return (unsigned)(mix64(bt_fnv(BT_FNV_OFFSET, outrel, strlen(outrel))) % n);
}

static char *path_join(const char *a, const char *b)
{
    size_t la = strlen(a);
    if (!la || !strcmp(a, ".")) return hy_xstrdup(b);
    return hy_xasprintf("%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

static bool is_document_name(const char *s)
{
    size_t n = strlen(s);
    return (n > 5 && !strcmp(s + n - 5, ".yaml")) || (n > 4 && !strcmp(s + n - 4, ".yml"));
}

/* rel with .yaml or .yml replaced by .pdf (any other name gets .pdf appended). */
static char *pdf_name(const char *rel)
{
    size_t n = strlen(rel);
    if (n > 5 && !strcmp(rel + n - 5, ".yaml")) n -= 5;
    else if (n > 4 && !strcmp(rel + n - 4, ".yml")) n -= 4;
    return hy_xasprintf("%.*s.pdf", (int)n, rel);
}

/* Takes ownership of in and rel. */
static bt_doc *add_doc(bt_docs *ds, char *in, char *rel, const char *outdir)
{
    if (ds->n == ds->cap) {
        ds->cap = ds->cap ? ds->cap * 2 : 64;
        ds->v = hy_xrealloc(ds->v, ds->cap, sizeof *ds->v);
    }
    bt_doc *d = &ds->v[ds->n++];
    *d = (bt_doc){.in = in, .rel = rel, .outrel = pdf_name(rel), .rc = HY_OK};
    d->out = path_join(outdir, d->outrel);
    return d;
}

void bt_fail(bt_doc *d, int rc, char *msg)
{
    d->status = BT_FAILED;
    d->rc = rc;
    free(d->errors);
    d->errors = msg;
}

/* One located message as escaped text (diag.c's format), for a listing failure. */
static char *__attribute__((format(printf, 4, 5))) msg_line(const char *file, int line, int col, const char *fmt, ...)
{
    hy_diags d = {0};
    va_list ap;
    va_start(ap, fmt);
    char *msg = hy_xvasprintf(fmt, ap);
    va_end(ap);
    hy_diag_add(&d, file, line, col, "%s", msg);
    free(msg);
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    if (f) {
        hy_diags_print(&d, f);
        fclose(f);
    }
    hy_diags_free(&d);
    return text ? text : hy_xstrdup("");
}

static void skip_entry(bt_docs *ds, const char *path, const char *reason)
{
    if (ds->n_skipped == ds->cap_skipped) {
        ds->cap_skipped = ds->cap_skipped ? ds->cap_skipped * 2 : 16;
        ds->skipped = hy_xrealloc(ds->skipped, ds->cap_skipped, sizeof *ds->skipped);
    }
    ds->skipped[ds->n_skipped++] = (bt_entry){hy_xstrdup(path), hy_xstrdup(reason)};
}

static void free_doc(bt_doc *d)
{
    free(d->in);
    free(d->rel);
    free(d->outrel);
    free(d->out);
    free(d->errors);
}

void bt_docs_free(bt_docs *ds)
{
    for (size_t i = 0; i < ds->n; i++) free_doc(&ds->v[i]);
    for (size_t i = 0; i < ds->n_skipped; i++) {
        free(ds->skipped[i].path);
        free(ds->skipped[i].reason);
    }
    free(ds->v);
    free(ds->skipped);
    *ds = (bt_docs){0};
}

typedef struct {
    const char *outdir;
    struct stat excl[2];  /* never descend into the output or the state directory */
    int n_excl;
} walk_ctx;

static bool excluded(const walk_ctx *w, const struct stat *st)
{
    for (int i = 0; i < w->n_excl; i++)
        if (st->st_dev == w->excl[i].st_dev && st->st_ino == w->excl[i].st_ino) return true;
    return false;
}

static void walk(bt_docs *ds, const walk_ctx *w, const char *dir, const char *rel, int depth);

/* A name that looks like a document but cannot be read as one: a failed document, located. */
static void bad_document(bt_docs *ds, const walk_ctx *w, char *path, char *rel, const char *why)
{
    bt_doc *d = add_doc(ds, path, rel, w->outdir);
    bt_fail(d, HY_ERR_INPUT, msg_line(d->in, 0, 0, "%s; not rendered", why));
}

static const char *kind_of(mode_t m)
{
    return S_ISFIFO(m) ? "this is a FIFO (named pipe), not a regular file" : S_ISSOCK(m) ? "this is a socket, not a regular file"
           : "this is a device, not a regular file";
}

static void walk_entry(bt_docs *ds, const walk_ctx *w, const char *dir, const char *rel, const char *name, int depth)
{
    char *path = path_join(dir, name), *r = rel[0] ? path_join(rel, name) : hy_xstrdup(name);
    bool doc = is_document_name(name);
    struct stat st, target;
    const char *skip = NULL, *bad = NULL;
    if (name[0] == '.') skip = "hidden (the name starts with '.')";
    else if (lstat(path, &st) != 0) bad = errno == ENAMETOOLONG ? "the path is too long" : strerror(errno);
    else if (S_ISDIR(st.st_mode)) {
        if (excluded(w, &st)) skip = "the output or state directory of this batch";
        else if (depth >= MAX_DEPTH) bad = "directories are nested too deep here (more than 64 levels); not read";
        else {
            walk(ds, w, path, r, depth + 1);
            free(path);
            free(r);
            return;
        }
    } else if (S_ISLNK(st.st_mode) && stat(path, &target) != 0) {
        bad = errno == ELOOP ? "a loop of symbolic links" : errno == ENOENT ? "a dangling symbolic link" : strerror(errno);
        if (!doc) skip = bad;
    } else if (S_ISLNK(st.st_mode) && S_ISDIR(target.st_mode)) {
        skip = "a symbolic link to a directory (not followed)";
    } else if (!doc) {
        skip = "not a document (only *.yaml and *.yml files are)";
    } else if (!S_ISREG((S_ISLNK(st.st_mode) ? target : st).st_mode)) {
        bad = kind_of((S_ISLNK(st.st_mode) ? target : st).st_mode);
    } else {
        add_doc(ds, path, r, w->outdir);
        return;
    }
    if (skip) skip_entry(ds, r, skip);
    else {
        if (!doc) ds->listing_failed = true;  /* a directory we could not look into */
        bad_document(ds, w, path, r, bad);
        return;
    }
    free(path);
    free(r);
}

/* Every *.yaml and *.yml below dir. Hidden entries are skipped; symbolic links to files are
 * followed, to directories not (no loops). */
static void walk(bt_docs *ds, const walk_ctx *w, const char *dir, const char *rel, int depth)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        bt_doc *d = add_doc(ds, hy_xstrdup(dir), hy_xstrdup(rel[0] ? rel : "."), w->outdir);
        bt_fail(d, HY_ERR_INPUT, msg_line(dir, 0, 0, "cannot read the directory: %s", strerror(errno)));
        ds->listing_failed = true;
        return;
    }
    struct dirent *e;
    hy_vec names = {0};  /* read first: the walk must not hold one open directory per level */
    while ((e = readdir(dp)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) hy_vec_push(&names, hy_xstrdup(e->d_name));
    closedir(dp);
    for (size_t i = 0; i < names.n; i++) {
        walk_entry(ds, w, dir, rel, names.items[i], depth);
        free(names.items[i]);
    }
    hy_vec_free(&names);
}

/* "./a//b/./c.yaml" → "a/b/c.yaml"; *dotdot is set when a component is "..". */
static char *normalize_rel(const char *s, bool *dotdot)
{
    char *out = hy_xmalloc(strlen(s) + 1), *o = out;
    *dotdot = false;
    while (*s) {
        while (*s == '/') s++;
        size_t n = strcspn(s, "/");
        if (n == 2 && !strncmp(s, "..", 2)) *dotdot = true;
        if (n && !(n == 1 && *s == '.')) {
            if (o != out) *o++ = '/';
            memcpy(o, s, n);
            o += n;
        }
        s += n;
    }
    *o = '\0';
    return out;
}

static void manifest_entry(bt_docs *ds, const char *mf, int line, int col, const char *base, const char *s,
                           const char *outdir)
{
    bool dotdot;
    char *rel = normalize_rel(s, &dotdot);
    char *in = s[0] == '/' ? hy_xasprintf("/%s", rel) : path_join(base, rel);
    bool empty = !rel[0];
    if (empty) free(rel);
    bt_doc *d = add_doc(ds, in, empty ? hy_xstrdup(s) : rel, outdir);
    if (dotdot || empty) {
        bt_fail(d, HY_ERR_INPUT, msg_line(mf, line, col, "'%s': a manifest path may not contain '..' or be empty "
                                          "(its output must stay inside the output directory)", s));
        ds->listing_failed = true;
    }
}

/* One path per line, relative to the manifest's own directory; blank lines and lines starting
 * with # are ignored; a UTF-8 byte order mark at the start is ignored (Windows editors). The
 * manifest is read whole through the bounded reader: it must be a regular file. */
static bool read_manifest(bt_docs *ds, const char *mf, const char *outdir)
{
    hy_buf buf = {0};
    hy_diags d = {0};
    if (!hy_infile_read(mf, HY_IN_REGULAR, YL_MAX_INPUT_BYTES, &buf, NULL, &d)) {
        hy_diags_print(&d, stderr);
        hy_diags_free(&d);
        hy_buf_free(&buf);
        return false;
    }
    const char *slash = strrchr(mf, '/');
    char *base = slash ? hy_xasprintf("%.*s", (int)(slash - mf + (slash == mf)), mf) : hy_xstrdup(".");
    char *p = buf.data;
    if (buf.len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
    for (int ln = 1; p && p < buf.data + buf.len; ln++) {
        char *end = memchr(p, '\n', (size_t)(buf.data + buf.len - p));
        if (end) *end = '\0';
        char *s = p + strspn(p, " \t");
        size_t n = strlen(s);
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = '\0';
        if (*s && *s != '#') manifest_entry(ds, mf, ln, (int)(s - p) + 1, base, s, outdir);
        p = end ? end + 1 : NULL;
    }
    free(base);
    hy_buf_free(&buf);
    return true;
}

static int cmp_doc(const void *a, const void *b)
{
    const bt_doc *x = a, *y = b;
    int c = strcmp(x->outrel, y->outrel);
    return c ? c : strcmp(x->in, y->in);
}

/* Sorts by output path; drops repeated inputs and fails a second input with the same output. */
static void dedupe(bt_docs *ds)
{
    if (ds->n) qsort(ds->v, ds->n, sizeof *ds->v, cmp_doc);
    size_t w = 0;
    for (size_t i = 0; i < ds->n; i++) {
        bt_doc *d = &ds->v[i], *prev = w ? &ds->v[w - 1] : NULL;
        if (prev && !strcmp(prev->outrel, d->outrel)) {
            if (!strcmp(prev->in, d->in)) {
                free_doc(d);
                continue;
            }
            if (!d->errors)
                bt_fail(d, HY_ERR_INPUT, msg_line(d->in, 0, 0, "has the same output %s as %s; not rendered", d->out,
                                                  prev->in));
        }
        ds->v[w++] = *d;
    }
    ds->n = w;
}

/* Keeps shard I of N: by a hash of the output's relative path, so a document's shard never
 * depends on the other documents. */
static void keep_shard(bt_docs *ds, const bt_opts *o)
{
    if (!o->shard_n) return;
    size_t w = 0;
    for (size_t i = 0; i < ds->n; i++) {
        if (bt_shard_of(ds->v[i].outrel, o->shard_n) == o->shard_i) ds->v[w++] = ds->v[i];
        else free_doc(&ds->v[i]);
    }
    ds->n = w;
}

bt_doc *bt_find(const bt_docs *ds, const char *outrel)
{
    size_t lo = 0, hi = ds->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(outrel, ds->v[mid].outrel);
        if (!c) return &ds->v[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

bool bt_list(bt_docs *ds, const bt_opts *o, const char *exclude_a, const char *exclude_b)
{
    struct stat st;
    walk_ctx w = {o->outdir, {{0}}, 0};
    if (exclude_a && stat(exclude_a, &w.excl[w.n_excl]) == 0) w.n_excl++;
    if (exclude_b && stat(exclude_b, &w.excl[w.n_excl]) == 0) w.n_excl++;
    if (stat(o->src, &st) == 0 && S_ISDIR(st.st_mode)) walk(ds, &w, o->src, "", 0);
    else if (stat(o->src, &st) != 0) {
        char *name = hy_diag_escape(o->src);
        fprintf(stderr, "hyoka: error: cannot read %s: %s\n", name, strerror(errno));
        free(name);
        return false;
    } else if (!read_manifest(ds, o->src, o->outdir)) return false;
    dedupe(ds);
    keep_shard(ds, o);
    return true;
}
