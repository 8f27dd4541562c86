/* batch.c — `hyoka batch` (see batch.h, docs/batch.md). Owns everything between "a tree or a
 * manifest of documents" and one hy_engine_render() per document: listing, deduplicating and
 * sharding the inputs; the incremental-build hash kept beside each PDF (FNV-1a 64 in
 * OUTDIR/…/x.pdf.hash); a pool of fork()ed workers, each with its own engine, restarted when
 * one dies; progress, the summary line and the JSON report. Workers talk to the parent over two
 * pipes each: a document index down, a fixed header plus the diagnostics text back. */
#include "batch.h"
#include "font.h"
#include "util.h"
#include "yaml_load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- small helpers */


static char *path_join(const char *a, const char *b)
{
    size_t la = strlen(a);
    if (!la || !strcmp(a, ".")) return hy_xstrdup(b);
    return hy_xasprintf("%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static ssize_t read_full(int fd, void *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)p + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static bool write_full(int fd, const void *p, size_t n)
{
    size_t put = 0;
    while (put < n) {
        ssize_t r = write(fd, (const char *)p + put, n - put);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        put += (size_t)r;
    }
    return true;
}

/* mkdir -p of the directory part of `file`. */
static bool make_parents(const char *file)
{
    char *p = hy_xstrdup(file);
    bool ok = true;
    for (char *s = strchr(p + 1, '/'); s && ok; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) ok = false;
        *s = '/';
    }
    free(p);
    return ok;
}

static bool mkdir_p(const char *dir)
{
    char *probe = path_join(dir, "x");
    bool ok = make_parents(probe);
    free(probe);
    return ok;
}

/* ---------------------------------------------------------------- hashing: FNV-1a 64 */

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv_add(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* A string with its terminating NUL; NULL hashes as the byte 0xFF, which UTF-8 never has. */
static uint64_t fnv_str(uint64_t h, const char *s)
{
    return s ? fnv_add(h, s, strlen(s) + 1) : fnv_add(h, "\xff", 1);
}

static uint64_t fnv_i64(uint64_t h, int64_t v)
{
    return fnv_add(h, &v, sizeof v);
}

/* The file's bytes followed by their count; *ok is false if it cannot be read. */
static uint64_t fnv_file(uint64_t h, const char *path, bool *ok)
{
    FILE *f = fopen(path, "rb");
    *ok = f != NULL;
    if (!f) return fnv_str(h, "unreadable");
    static char buf[1 << 16];
    int64_t total = 0;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        h = fnv_add(h, buf, n);
        total += (int64_t)n;
    }
    if (ferror(f)) *ok = false;
    fclose(f);
    return fnv_i64(h, total);
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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && !strcmp(s + n - m, suf);
}

/* Every *.yaml file of the layouts directory, by name and contents, in name order. */
static uint64_t hash_layouts(uint64_t h, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return fnv_str(h, "no layouts");
    hy_vec names = {0};
    struct dirent *e;
    while ((e = readdir(dp)))
        if (has_suffix(e->d_name, ".yaml")) hy_vec_push(&names, hy_xstrdup(e->d_name));
    closedir(dp);
    if (names.n) qsort(names.items, names.n, sizeof *names.items, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        char *path = path_join(dir, names.items[i]);
        bool ok;
        h = fnv_file(fnv_str(h, names.items[i]), path, &ok);
        free(path);
        free(names.items[i]);
    }
    hy_vec_free(&names);
    return h;
}

/* The font file fontconfig gives for a family (the same query font.c makes), by path, face
 * index, size and mtime: a font installed, removed or upgraded changes the hash. */
static uint64_t hash_family(uint64_t h, const char *family)
{
    int index = 0;
    char *file = hy_font_lookup(family, &index);
    h = fnv_str(h, family);
    if (file) {
        struct stat st;
        h = fnv_i64(fnv_str(h, file), index);
        if (stat(file, &st) == 0)
            h = fnv_i64(fnv_i64(fnv_i64(h, st.st_size), st.st_mtim.tv_sec), st.st_mtim.tv_nsec);
    }
    free(file);
    return h;
}

static bool g_fc_init;

/* The fonts file's bytes, then every family it names (in any role). */
static uint64_t hash_fonts(uint64_t h, const char *config)
{
    bool ok;
    h = fnv_file(h, config, &ok);
    yl_doc cfg;
    hy_diags d = {0};
    if (ok && yl_load_file(config, &cfg, &d) && cfg.root && cfg.root->kind == YL_MAP) {
        g_fc_init = hy_fonts_init();
        for (size_t i = 0; i < cfg.root->n; i++) {
            const yl_node *l = cfg.root->vals[i];
            for (size_t j = 0; l->kind == YL_SEQ && j < l->n; j++)
                if (l->items[j]->kind == YL_SCALAR) h = hash_family(h, l->items[j]->str);
        }
    }
    if (ok) yl_free(&cfg);
    hy_diags_free(&d);
    return h;
}

/* Everything besides the document that decides its PDF. Computed once, before any worker
 * reads a layout or a font, so a change during the batch can only cause a later re-render. */
static uint64_t env_digest(const hy_render_options *ro)
{
    uint64_t h = fnv_str(FNV_OFFSET, "hyoka " HY_VERSION);
    h = fnv_str(fnv_str(h, ro->stamp), ro->watermark);
    h = fnv_i64(h, ro->epoch);
    h = hash_layouts(h, ro->layouts_dir);
    return hash_fonts(h, ro->fonts_file);
}

/* ---------------------------------------------------------------- options */

typedef struct {
    const char *src, *outdir, *report;
    unsigned jobs;
    unsigned timeout;           /* seconds per document before its worker is killed; 0 = none */
    bool force, quiet, progress;
    unsigned shard_i, shard_n;  /* shard_n == 0: every document */
} bt_opts;

static bool parse_uint(const char *s, unsigned long max, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *s == '-' || *s == '+' || *end || errno || v > max) return false;
    *out = (unsigned)v;
    return true;
}

static bool parse_shard(const char *s, bt_opts *o)
{
    const char *slash = strchr(s, '/');
    char first[32];
    if (!slash || (size_t)(slash - s) >= sizeof first) return false;
    memcpy(first, s, (size_t)(slash - s));
    first[slash - s] = '\0';
    return parse_uint(first, 1u << 20, &o->shard_i) && parse_uint(slash + 1, 1u << 20, &o->shard_n) &&
           o->shard_n >= 1 && o->shard_i < o->shard_n;
}

static bool bad_value(const char *opt, const char *val, const char *want)
{
    fprintf(stderr, "hyoka: error: %s '%s': %s\n", opt, val, want);
    return false;
}

/* One option with its value (when it takes one); false on an error, already reported. */
static bool parse_opt(const char *s, const char *val, bt_opts *o, hy_render_options *ro, int *used)
{
    const char **str_opt = !strcmp(s, "-o") ? &o->outdir
                           : !strcmp(s, "--report") ? &o->report
                           : !strcmp(s, "--stamp") ? &ro->stamp
                           : !strcmp(s, "--watermark") ? &ro->watermark
                           : !strcmp(s, "--layouts") ? &ro->layouts_dir
                           : !strcmp(s, "--fonts") ? &ro->fonts_file : NULL;
    *used = 0;
    if (!strcmp(s, "--force")) o->force = true;
    else if (!strcmp(s, "--quiet") || !strcmp(s, "-q")) o->quiet = true;
    else if (!strcmp(s, "--progress")) o->progress = true;
    else if (!strncmp(s, "-j", 2) && s[2]) {
        if (!parse_uint(s + 2, 1024, &o->jobs) || !o->jobs) return bad_value("-j", s + 2, "want 1..1024");
    } else if (!val) {
        fprintf(stderr, "hyoka: error: option '%s' is unknown or needs a value\n", s);
        return false;
    } else if (str_opt) {
        *str_opt = val;
        *used = 1;
    } else if (!strcmp(s, "-j") || !strcmp(s, "--jobs")) {
        *used = 1;
        if (!parse_uint(val, 1024, &o->jobs) || !o->jobs) return bad_value(s, val, "want 1..1024");
    } else if (!strcmp(s, "--timeout")) {
        *used = 1;
        if (!parse_uint(val, 1u << 24, &o->timeout)) return bad_value(s, val, "want seconds (0 = none)");
    } else if (!strcmp(s, "--shard")) {
        *used = 1;
        if (!parse_shard(val, o)) return bad_value(s, val, "want I/N with 0 <= I < N");
    } else {
        fprintf(stderr, "hyoka: error: unknown option '%s'\n", s);
        return false;
    }
    return true;
}

static bool parse_args(int argc, char **argv, bt_opts *o, hy_render_options *ro)
{
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (s[0] == '-' && s[1]) {
            int used;
            if (!parse_opt(s, i + 1 < argc ? argv[i + 1] : NULL, o, ro, &used)) return false;
            i += used;
        } else if (!o->src) o->src = s;
        else {
            fprintf(stderr, "hyoka: error: batch takes one SRC (a directory or a manifest), got '%s' too\n", s);
            return false;
        }
    }
    if (!o->src || !o->outdir) {
        fprintf(stderr, "hyoka: error: batch needs SRC and -o OUTDIR\n");
        return false;
    }
    if (o->quiet && o->progress) {
        fprintf(stderr, "hyoka: error: --quiet and --progress contradict each other\n");
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- the list of documents */

enum { ST_PENDING, ST_RENDERED, ST_SKIPPED, ST_FAILED };
static const char *const status_name[] = {"pending", "rendered", "skipped", "failed"};

typedef struct {
    char *in;       /* the path opened */
    char *rel;      /* its path relative to SRC (or as the manifest gives it) */
    char *out;      /* OUTDIR/rel with .yaml replaced by .pdf */
    int status, rc, pages;
    int64_t bytes;
    double ms;
    char *errors;   /* diagnostics, one `file:line:col: error: …` per line; or NULL */
} bt_doc;

typedef struct {
    bt_doc *v;
    size_t n, cap;
} bt_docs;

static char *out_path(const char *outdir, const char *rel)
{
    size_t n = strlen(rel);
    if (has_suffix(rel, ".yaml")) n -= 5;
    else if (has_suffix(rel, ".yml")) n -= 4;
    return hy_xasprintf("%s/%.*s.pdf", outdir, (int)n, rel);
}

/* Takes ownership of in and rel. */
static bt_doc *add_doc(bt_docs *ds, char *in, char *rel, const char *outdir)
{
    if (ds->n == ds->cap) {
        ds->cap = ds->cap ? ds->cap * 2 : 64;
        ds->v = hy_xrealloc(ds->v, ds->cap, sizeof *ds->v);
    }
    bt_doc *d = &ds->v[ds->n++];
    *d = (bt_doc){.in = in, .rel = rel, .out = out_path(outdir, rel), .rc = HY_OK};
    return d;
}

/* A document that fails before it reaches a worker (a listing problem). */
static void list_error(bt_doc *d, char *msg)
{
    d->status = ST_FAILED;
    d->rc = HY_ERR_INPUT;
    d->errors = msg;
}

static void free_doc(bt_doc *d)
{
    free(d->in);
    free(d->rel);
    free(d->out);
    free(d->errors);
}

typedef struct {
    const char *outdir;
    struct stat outdir_st;  /* never descend into the output directory */
} walk_ctx;

static void walk(bt_docs *ds, const walk_ctx *w, const char *dir, const char *rel);

static void walk_entry(bt_docs *ds, const walk_ctx *w, const char *dir, const char *rel, const char *name)
{
    char *path = path_join(dir, name), *r = rel[0] ? path_join(rel, name) : hy_xstrdup(name);
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (st.st_dev != w->outdir_st.st_dev || st.st_ino != w->outdir_st.st_ino) walk(ds, w, path, r);
    } else if (has_suffix(name, ".yaml") && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        add_doc(ds, path, r, w->outdir);
        return;
    }
    free(path);
    free(r);
}

/* Every *.yaml below dir. Hidden entries are skipped; symbolic links to files are followed,
 * to directories not (no loops). */
static void walk(bt_docs *ds, const walk_ctx *w, const char *dir, const char *rel)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        bt_doc *d = add_doc(ds, hy_xstrdup(dir), hy_xstrdup(rel[0] ? rel : "."), w->outdir);
        list_error(d, hy_xasprintf("%s: error: cannot read the directory: %s\n", dir, strerror(errno)));
        return;
    }
    struct dirent *e;
    while ((e = readdir(dp)))
        if (e->d_name[0] != '.') walk_entry(ds, w, dir, rel, e->d_name);
    closedir(dp);
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

static void manifest_entry(bt_docs *ds, const char *mf, int line, int col, const char *base,
                           const char *s, const char *outdir)
{
    bool dotdot;
    char *rel = normalize_rel(s, &dotdot);
    char *in = s[0] == '/' ? hy_xasprintf("/%s", rel) : path_join(base, rel);
    bool empty = !rel[0];
    if (empty) free(rel);
    bt_doc *d = add_doc(ds, in, empty ? hy_xstrdup(s) : rel, outdir);
    if (dotdot || empty)
        list_error(d, hy_xasprintf("%s:%d:%d: error: '%s': a manifest path may not contain '..' or be "
                                 "empty (its output must stay inside the output directory)\n",
                                 mf, line, col, s));
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    s[n] = '\0';
    return s;
}

/* One path per line, relative to the manifest's own directory; blank lines and lines
 * starting with # are ignored. */
static bool read_manifest(bt_docs *ds, const char *mf, const char *outdir)
{
    FILE *f = fopen(mf, "r");
    if (!f) return false;
    const char *slash = strrchr(mf, '/');
    char *base = slash ? hy_xasprintf("%.*s", (int)(slash - mf + (slash == mf)), mf) : hy_xstrdup(".");
    char *line = NULL;
    size_t cap = 0;
    for (int ln = 1; getline(&line, &cap, f) >= 0; ln++) {
        char *s = trim(line);
        if (*s && *s != '#') manifest_entry(ds, mf, ln, (int)(s - line) + 1, base, s, outdir);
    }
    free(line);
    free(base);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

static int cmp_doc(const void *a, const void *b)
{
    const bt_doc *x = a, *y = b;
    int c = strcmp(x->out, y->out);
    return c ? c : strcmp(x->in, y->in);
}

/* Sorts by output path; drops repeated inputs and fails a second input with the same output. */
static void dedupe(bt_docs *ds)
{
    if (ds->n) qsort(ds->v, ds->n, sizeof *ds->v, cmp_doc);
    size_t w = 0;
    for (size_t i = 0; i < ds->n; i++) {
        bt_doc *d = &ds->v[i], *prev = w ? &ds->v[w - 1] : NULL;
        if (prev && !strcmp(prev->out, d->out)) {
            if (!strcmp(prev->in, d->in)) {
                free_doc(d);
                continue;
            }
            if (!d->errors)
                list_error(d, hy_xasprintf("%s: error: has the same output %s as %s; not rendered\n",
                                         d->in, d->out, prev->in));
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
    size_t skip = strlen(o->outdir) + 1, w = 0;
    for (size_t i = 0; i < ds->n; i++) {
        const char *rel = ds->v[i].out + skip;
        if (mix64(fnv_add(FNV_OFFSET, rel, strlen(rel))) % o->shard_n == o->shard_i) ds->v[w++] = ds->v[i];
        else free_doc(&ds->v[i]);
    }
    ds->n = w;
}

/* Fills ds from SRC; false (with a message) when SRC is neither a directory nor a file. */
static bool list_docs(bt_docs *ds, const bt_opts *o)
{
    struct stat st;
    walk_ctx w = {o->outdir, {0}};
    stat(o->outdir, &w.outdir_st);
    if (stat(o->src, &st) == 0 && S_ISDIR(st.st_mode)) walk(ds, &w, o->src, "");
    else if (stat(o->src, &st) != 0 || !read_manifest(ds, o->src, o->outdir)) {
        fprintf(stderr, "hyoka: error: cannot read %s: %s\n", o->src, strerror(errno));
        return false;
    }
    dedupe(ds);
    keep_shard(ds, o);
    return true;
}

/* ---------------------------------------------------------------- one document, in a worker */

/* The hash file beside x.pdf: one line `fnv1a64:<16 hex digits> pages:<n>`. */
#define HASH_SUFFIX ".hash"

typedef struct {
    int32_t status, rc, pages;
    uint32_t errlen;
    int64_t us, bytes;
} bt_msg;

static bool up_to_date(const char *out, uint64_t h, int *pages)
{
    char *hp = hy_xasprintf("%s" HASH_SUFFIX, out);
    FILE *f = fopen(hp, "r");
    free(hp);
    unsigned long long have = 0;
    bool ok = f && fscanf(f, "fnv1a64:%16llx pages:%d", &have, pages) == 2 && have == h;
    if (f) fclose(f);
    struct stat st;
    return ok && stat(out, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

/* Written to a temporary name and renamed, after the PDF is in place. */
static bool write_hash(const char *out, uint64_t h, int pages, hy_diags *d)
{
    char *hp = hy_xasprintf("%s" HASH_SUFFIX, out), *tmp = hy_xasprintf("%s.tmp%ld", hp, (long)getpid());
    char line[64];
    int n = snprintf(line, sizeof line, "fnv1a64:%016llx pages:%d\n", (unsigned long long)h, pages);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    bool ok = fd >= 0 && write_full(fd, line, (size_t)n);
    if (fd >= 0 && close(fd) != 0) ok = false;
    if (ok && rename(tmp, hp) != 0) ok = false;
    if (!ok) {
        hy_diag_add(d, hp, 0, 0, "cannot write the hash file: %s", strerror(errno));
        unlink(tmp);
    }
    free(hp);
    free(tmp);
    return ok;
}

static void drop_hash(const char *out)
{
    char *hp = hy_xasprintf("%s" HASH_SUFFIX, out);
    unlink(hp);
    free(hp);
}

static char *diags_text(const hy_diags *d, uint32_t *len)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    if (f) {
        hy_diags_print(d, f);
        fclose(f);
    }
    *len = (uint32_t)n;
    return text;
}

static int64_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int64_t)st.st_size : 0;
}

/* The old hash file is removed first, so that a hash file always describes the PDF beside it
 * (a crash between the PDF's rename and the new hash file's only costs a re-render). */
static int render_one(hy_engine *e, const bt_doc *doc, bool hashed, uint64_t h, int *pages, hy_diags *d)
{
    drop_hash(doc->out);
    if (!make_parents(doc->out)) {
        hy_diag_add(d, doc->out, 0, 0, "cannot create its directory: %s", strerror(errno));
        return HY_ERR_OUTPUT;
    }
    int rc = hy_engine_render(e, doc->in, doc->out, d, pages);
    if (rc == HY_OK && hashed && !write_hash(doc->out, h, *pages, d)) rc = HY_ERR_OUTPUT;
    return rc;
}

/* The document's hash: the environment's, then its bytes and its modification time. The time
 * makes `touch x.yaml` re-render x, as make would: the one way to ask for a single document
 * again. (A fresh checkout, whose files all have new times, re-renders everything once.) */
static uint64_t doc_hash(uint64_t env, const char *path, bool *hashed)
{
    uint64_t h = fnv_file(env, path, hashed);
    struct stat st;
    if (*hashed && stat(path, &st) == 0)
        h = fnv_i64(fnv_i64(h, st.st_mtim.tv_sec), st.st_mtim.tv_nsec);
    return h;
}

/* Renders (or skips) one document; fills the message header and returns the diagnostics. */
static char *process(hy_engine *e, uint64_t env, bool force, const bt_doc *doc, bt_msg *m)
{
    bool hashed;
    uint64_t h = doc_hash(env, doc->in, &hashed);
    int pages = 0;
    hy_diags d = {0};
    if (hashed && !force && up_to_date(doc->out, h, &pages)) {
        m->status = ST_SKIPPED;
    } else {
        m->rc = render_one(e, doc, hashed, h, &pages, &d);
        m->status = m->rc == HY_OK ? ST_RENDERED : ST_FAILED;
    }
    m->pages = pages;
    if (m->status != ST_FAILED) m->bytes = file_size(doc->out);
    char *text = diags_text(&d, &m->errlen);
    hy_diags_free(&d);
    return text;
}

/* The worker's life: read an index, answer with a message, until the parent closes the pipe. */
static int worker_main(const hy_render_options *ro, uint64_t env, bool force, const bt_docs *ds,
                       int jobfd, int resfd)
{
    hy_engine *e = hy_engine_new(ro);
    uint32_t idx;
    while (read_full(jobfd, &idx, sizeof idx) == (ssize_t)sizeof idx && idx < ds->n) {
        bt_msg m = {0};
        double t0 = now_s();
        char *text = process(e, env, force, &ds->v[idx], &m);
        m.us = (int64_t)((now_s() - t0) * 1e6);
        bool ok = write_full(resfd, &m, sizeof m) && write_full(resfd, text, m.errlen);
        free(text);
        if (!ok) break;
    }
    hy_engine_free(e);
    return 0;
}

/* ---------------------------------------------------------------- the pool, in the parent */

typedef struct {
    pid_t pid;        /* 0: no process in this slot */
    int jobfd, resfd;
    long doc;         /* index being rendered, or -1 */
    double since;     /* when it got that document */
    bool timed_out;   /* killed by us for --timeout */
} bt_worker;

typedef struct {
    bt_opts o;
    hy_render_options ro;
    uint64_t env;
    bt_docs docs;
    size_t *queue, n_queue, next;  /* documents for the workers, in order */
    bt_worker *w;
    unsigned nw;
    size_t spawns, max_spawns;
    size_t finished, failed;       /* documents with a final status; of them failed */
    double t0, last_draw;
    bool tty, show, drawn;
} bt_ctx;

static volatile sig_atomic_t g_stop;

static void on_stop(int sig)
{
    g_stop = sig;
}

static void clear_progress(bt_ctx *c)
{
    if (c->drawn) fputs("\r\033[K", stderr);
    c->drawn = false;
}

static void fmt_eta(char *buf, size_t n, double s)
{
    if (s < 0 || s > 360000) snprintf(buf, n, "--:--");
    else snprintf(buf, n, "%d:%02d:%02d", (int)s / 3600, (int)s / 60 % 60, (int)s % 60);
}

/* At most 10 redraws a second on a terminal; a plain line every 5 s otherwise (--progress). */
static void progress(bt_ctx *c, bool final)
{
    if (!c->show) return;
    double t = now_s() - c->t0;
    if (!final && t - c->last_draw < (c->tty ? 0.1 : 5.0)) return;
    c->last_draw = t;
    size_t total = c->docs.n, done = c->finished;
    double rate = t > 0 ? (double)done / t : 0;
    char eta[32], bar[26], failed[40] = "";
    fmt_eta(eta, sizeof eta, rate > 0 ? (double)(total - done) / rate : -1);
    size_t fill = total ? done * 24 / total : 24;
    for (size_t i = 0; i < 24; i++) bar[i] = i < fill ? '#' : '.';
    bar[24] = '\0';
    if (c->failed) snprintf(failed, sizeof failed, "  %zu failed", c->failed);
    if (c->tty) {
        fprintf(stderr, "\r[%s] %zu/%zu%s  %.1f docs/s  ETA %s\033[K", bar, done, total, failed, rate, eta);
        c->drawn = true;
    } else {
        fprintf(stderr, "hyoka batch: %zu/%zu%s  %.1f docs/s  ETA %s\n", done, total, failed, rate, eta);
    }
    fflush(stderr);
}

static void print_errors(bt_ctx *c, const char *text)
{
    if (!text || !*text) return;
    clear_progress(c);
    fputs(text, stderr);
    fflush(stderr);
}

static void finish_doc(bt_ctx *c, bt_doc *d, int status, int rc, char *errors)
{
    d->status = status;
    d->rc = rc;
    free(d->errors);
    d->errors = errors;
    c->finished++;
    c->failed += status == ST_FAILED;
    print_errors(c, errors);
}

static void describe_exit(char *buf, size_t n, int st)
{
    if (WIFSIGNALED(st)) snprintf(buf, n, "killed by signal %d, %s", WTERMSIG(st), strsignal(WTERMSIG(st)));
    else if (WIFEXITED(st)) snprintf(buf, n, "exited with status %d", WEXITSTATUS(st));
    else snprintf(buf, n, "stopped");
}

/* Removes what pdf_out.c and write_hash() name OUT.tmp<pid> and OUT.hash.tmp<pid>. */
static void remove_temps(const char *out, pid_t pid)
{
    char *a = hy_xasprintf("%s.tmp%ld", out, (long)pid), *b = hy_xasprintf("%s" HASH_SUFFIX ".tmp%ld", out, (long)pid);
    unlink(a);
    unlink(b);
    free(a);
    free(b);
}

/* A worker's pipe closed: reap it, fail the document it was on, clean its temporary files. */
static void worker_gone(bt_ctx *c, bt_worker *w, const char *why)
{
    int st = 0;
    close(w->jobfd);
    close(w->resfd);
    if (why) kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR) {}
    if (w->doc >= 0) {
        bt_doc *d = &c->docs.v[w->doc];
        char how[160];
        if (w->timed_out)
            snprintf(how, sizeof how, "it took longer than --timeout %u s and was killed", c->o.timeout);
        else describe_exit(how, sizeof how, st);
        remove_temps(d->out, w->pid);
        finish_doc(c, d, ST_FAILED, HY_ERR_OUTPUT,
                   why ? hy_xasprintf("%s: error: %s\n", d->in, why)
                       : hy_xasprintf("%s: error: the worker rendering this document died (%s); "
                                    "the batch went on without it\n", d->in, how));
    }
    *w = (bt_worker){0, -1, -1, -1, 0, false};
}

static void close_others(bt_ctx *c, const bt_worker *self)
{
    for (unsigned i = 0; i < c->nw; i++)
        if (&c->w[i] != self && c->w[i].pid > 0) {
            close(c->w[i].jobfd);
            close(c->w[i].resfd);
        }
}

static void child_signals(void)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
}

static bool spawn(bt_ctx *c, bt_worker *w)
{
    int job[2], res[2];
    if (pipe(job)) return false;
    if (pipe(res)) {
        close(job[0]);
        close(job[1]);
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(job[1]);
        close(res[0]);
        close_others(c, w);
        child_signals();
        _exit(worker_main(&c->ro, c->env, c->o.force, &c->docs, job[0], res[1]));
    }
    close(job[0]);
    close(res[1]);
    if (pid < 0) {
        close(job[1]);
        close(res[0]);
        return false;
    }
    c->spawns++;
    *w = (bt_worker){pid, job[1], res[0], -1, 0, false};
    return true;
}

/* Gives each idle worker the next document, starting workers where a slot is empty. */
static void feed(bt_ctx *c)
{
    for (unsigned i = 0; i < c->nw && c->next < c->n_queue; i++) {
        bt_worker *w = &c->w[i];
        if (!w->pid && (c->spawns >= c->max_spawns || !spawn(c, w))) continue;
        if (w->doc >= 0) continue;
        uint32_t idx = (uint32_t)c->queue[c->next];
        if (!write_full(w->jobfd, &idx, sizeof idx)) {
            worker_gone(c, w, NULL);  /* died idle: the document stays queued */
            continue;
        }
        w->doc = (long)idx;
        w->since = now_s();
        c->next++;
    }
}

/* Reads one answer; a short read means the worker died. */
static void collect(bt_ctx *c, bt_worker *w)
{
    bt_msg m;
    if (read_full(w->resfd, &m, sizeof m) != (ssize_t)sizeof m || m.errlen > (1u << 24)) {
        worker_gone(c, w, NULL);
        return;
    }
    char *text = hy_xmalloc((size_t)m.errlen + 1);
    if (read_full(w->resfd, text, m.errlen) != (ssize_t)m.errlen) {
        free(text);
        worker_gone(c, w, NULL);
        return;
    }
    text[m.errlen] = '\0';
    bt_doc *d = &c->docs.v[w->doc];
    d->pages = m.pages;
    d->ms = (double)m.us / 1000.0;
    d->bytes = m.bytes;
    finish_doc(c, d, m.status, m.rc, m.errlen ? text : (free(text), NULL));
    w->doc = -1;
}

static unsigned busy_fds(bt_ctx *c, struct pollfd *pf, bt_worker **who)
{
    unsigned k = 0;
    for (unsigned i = 0; i < c->nw; i++)
        if (c->w[i].pid && c->w[i].doc >= 0) {
            pf[k] = (struct pollfd){c->w[i].resfd, POLLIN, 0};
            who[k++] = &c->w[i];
        }
    return k;
}

/* Documents never handed to a worker (interrupted, or no worker could be started): failed in
 * the report; on stderr one line for them all. */
static void fail_rest(bt_ctx *c, const char *why)
{
    size_t n = c->n_queue - c->next;
    if (!n) return;
    clear_progress(c);
    fprintf(stderr, "hyoka: error: %zu document%s %s\n", n, n == 1 ? "" : "s", why);
    for (; c->next < c->n_queue; c->next++) {
        bt_doc *d = &c->docs.v[c->queue[c->next]];
        d->status = ST_FAILED;
        d->rc = HY_ERR_OUTPUT;
        d->errors = hy_xasprintf("%s: error: %s\n", d->in, why);
        c->finished++;
        c->failed++;
    }
}

/* A worker stuck on one document longer than --timeout is killed; collect() then sees its pipe
 * close and reports the document. */
static void check_timeouts(bt_ctx *c)
{
    double now = now_s();
    for (unsigned i = 0; c->o.timeout && i < c->nw; i++) {
        bt_worker *w = &c->w[i];
        if (w->pid && w->doc >= 0 && !w->timed_out && now - w->since > c->o.timeout) {
            kill(w->pid, SIGKILL);
            w->timed_out = true;
        }
    }
}

static void run_pool(bt_ctx *c)
{
    struct pollfd *pf = hy_xcalloc(c->nw, sizeof *pf);
    bt_worker **who = hy_xcalloc(c->nw, sizeof *who);
    while (!g_stop) {
        feed(c);
        unsigned k = busy_fds(c, pf, who);
        if (!k) {  /* all answered, or no worker could be started */
            fail_rest(c, "not rendered: no worker process could be started");
            break;
        }
        int r = poll(pf, k, 100);
        for (unsigned i = 0; r > 0 && i < k; i++)
            if (pf[i].revents) collect(c, who[i]);
        check_timeouts(c);
        progress(c, false);
    }
    free(pf);
    free(who);
}

/* Closes the job pipes (idle workers exit), kills busy ones when stopped, reaps them all. */
static void stop_pool(bt_ctx *c)
{
    for (unsigned i = 0; i < c->nw; i++) {
        bt_worker *w = &c->w[i];
        if (!w->pid) continue;
        if (w->doc >= 0) worker_gone(c, w, "not finished: the batch was interrupted");
        else worker_gone(c, w, NULL);
    }
    if (g_stop) fail_rest(c, "not rendered: the batch was interrupted");
}

/* ---------------------------------------------------------------- summary and report */

typedef struct {
    size_t rendered, skipped, failed;
    int64_t pages, bytes;
    double seconds, rss_worker_mb, rss_parent_mb;
    int rc;
} bt_totals;

static bt_totals totals(const bt_ctx *c)
{
    bt_totals t = {0};
    for (size_t i = 0; i < c->docs.n; i++) {
        const bt_doc *d = &c->docs.v[i];
        t.rendered += d->status == ST_RENDERED;
        t.skipped += d->status == ST_SKIPPED;
        t.failed += d->status == ST_FAILED;
        t.pages += d->status == ST_FAILED ? 0 : d->pages;
        t.bytes += d->status == ST_FAILED ? 0 : d->bytes;
        if (d->rc > t.rc) t.rc = d->rc;
    }
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    t.rss_worker_mb = (double)ru.ru_maxrss / 1024.0;
    getrusage(RUSAGE_SELF, &ru);
    t.rss_parent_mb = (double)ru.ru_maxrss / 1024.0;
    t.seconds = now_s() - c->t0;
    return t;
}

static void print_summary(const bt_ctx *c, const bt_totals *t)
{
    char shard[48] = "";
    if (c->o.shard_n) snprintf(shard, sizeof shard, " (shard %u/%u)", c->o.shard_i, c->o.shard_n);
    double s = t->seconds > 0 ? t->seconds : 1e-9;
    fprintf(stderr,
            "hyoka batch%s: %zu documents: %zu rendered, %zu skipped, %zu failed; %lld pages; "
            "%.2f s (%.1f docs/s, %.0f pages/s); peak RSS %.1f MB per worker, %.1f MB parent\n",
            shard, c->docs.n, t->rendered, t->skipped, t->failed, (long long)t->pages, t->seconds,
            (double)c->docs.n / s, (double)t->pages / s, t->rss_worker_mb, t->rss_parent_mb);
}

/* A JSON string: escapes quotes, backslashes and control characters; invalid UTF-8 → U+FFFD. */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = hy_utf8_decode(s + i, n - i, &cp);
        if (!len) {
            fputs("\\ufffd", f);
            i++;
            continue;
        }
        if (cp == '"' || cp == '\\') fprintf(f, "\\%c", (char)cp);
        else if (cp == '\n') fputs("\\n", f);
        else if (cp == '\t') fputs("\\t", f);
        else if (cp < 0x20 || cp == 0x7F) fprintf(f, "\\u%04x", (unsigned)cp);
        else fwrite(s + i, 1, len, f);
        i += len;
    }
    fputc('"', f);
}

/* The diagnostics text as a JSON array, one string per line. */
static void json_errors(FILE *f, const char *text)
{
    fputc('[', f);
    for (const char *s = text; s && *s;) {
        size_t n = strcspn(s, "\n");
        char *line = hy_xasprintf("%.*s", (int)n, s);
        if (s != text) fputs(", ", f);
        json_str(f, line);
        free(line);
        s += n + (s[n] == '\n');
    }
    fputc(']', f);
}

static void json_doc(FILE *f, const bt_doc *d, bool last)
{
    fputs("    {\"path\": ", f);
    json_str(f, d->rel);
    fputs(", \"input\": ", f);
    json_str(f, d->in);
    fputs(", \"output\": ", f);
    json_str(f, d->out);
    fprintf(f, ", \"status\": \"%s\", \"pages\": %d, \"bytes\": %lld, \"ms\": %.1f, \"errors\": ",
            status_name[d->status], d->pages, (long long)d->bytes, d->ms);
    json_errors(f, d->errors);
    fputs(last ? "}\n" : "},\n", f);
}

static void json_totals(FILE *f, const bt_ctx *c, const bt_totals *t)
{
    fprintf(f, "  \"totals\": {\"documents\": %zu, \"rendered\": %zu, \"skipped\": %zu, \"failed\": %zu, "
               "\"pages\": %lld, \"bytes\": %lld, \"seconds\": %.3f, \"workers\": %u, "
               "\"peak_rss_mb_worker\": %.1f, \"peak_rss_mb_parent\": %.1f, \"exit_status\": %d}\n",
            c->docs.n, t->rendered, t->skipped, t->failed, (long long)t->pages, (long long)t->bytes,
            t->seconds, c->nw, t->rss_worker_mb, t->rss_parent_mb, t->rc);
}

static void json_report(FILE *f, const bt_ctx *c, const bt_totals *t)
{
    fputs("{\n  \"hyoka\": \"" HY_VERSION "\",\n  \"source\": ", f);
    json_str(f, c->o.src);
    fputs(",\n  \"outdir\": ", f);
    json_str(f, c->o.outdir);
    if (c->o.shard_n) fprintf(f, ",\n  \"shard\": \"%u/%u\"", c->o.shard_i, c->o.shard_n);
    else fputs(",\n  \"shard\": null", f);
    fprintf(f, ",\n  \"force\": %s,\n  \"documents\": [\n", c->o.force ? "true" : "false");
    for (size_t i = 0; i < c->docs.n; i++) json_doc(f, &c->docs.v[i], i + 1 == c->docs.n);
    fputs("  ],\n", f);
    json_totals(f, c, t);
    fputs("}\n", f);
}

/* Written to FILE.tmp<pid> and renamed. */
static bool write_report(const bt_ctx *c, const bt_totals *t)
{
    char *tmp = hy_xasprintf("%s.tmp%ld", c->o.report, (long)getpid());
    FILE *f = fopen(tmp, "w");
    bool ok = f != NULL;
    if (f) {
        json_report(f, c, t);
        ok = !ferror(f);
        if (fclose(f) != 0) ok = false;
    }
    if (ok && rename(tmp, c->o.report) != 0) ok = false;
    if (!ok) {
        fprintf(stderr, "hyoka: error: cannot write the report %s: %s\n", c->o.report, strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return ok;
}

/* ---------------------------------------------------------------- stale temporary files */

static int cmp_out_key(const void *key, const void *doc)
{
    return strcmp(key, ((const bt_doc *)doc)->out);
}

/* "x.pdf.tmp123" or "x.pdf.hash.tmp123" → "x.pdf"; NULL for any other name. */
static char *temp_base(const char *path)
{
    const char *t = strrchr(path, '.');
    if (!t || strncmp(t, ".tmp", 4) || !t[4] || strspn(t + 4, "0123456789") != strlen(t + 4)) return NULL;
    size_t n = (size_t)(t - path);
    if (n > 5 && !strncmp(path + n - 5, HASH_SUFFIX, 5)) n -= 5;
    return n > 4 && !strncmp(path + n - 4, ".pdf", 4) ? hy_xasprintf("%.*s", (int)n, path) : NULL;
}

/* Removes the temporary files a killed run left for this run's documents (and only for them:
 * other shards may be writing into the same OUTDIR). */
static size_t sweep_temps(const bt_docs *ds, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *path = path_join(dir, e->d_name), *base = temp_base(path);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) removed += sweep_temps(ds, path);
        else if (base && bsearch(base, ds->v, ds->n, sizeof *ds->v, cmp_out_key) && !unlink(path)) removed++;
        free(base);
        free(path);
    }
    closedir(dp);
    return removed;
}

/* ---------------------------------------------------------------- the command */

/* SIGINT/SIGTERM stop the batch cleanly (see stop_pool); a dead worker's pipe gives EPIPE. */
static void set_signals(bool on)
{
    struct sigaction sa = {0};
    sa.sa_handler = on ? on_stop : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, on ? SIG_IGN : SIG_DFL);
    g_stop = 0;
}

/* The queue: every listed document that did not already fail; the listing errors are printed. */
static void make_queue(bt_ctx *c)
{
    c->queue = hy_xcalloc(c->docs.n + 1, sizeof *c->queue);
    for (size_t i = 0; i < c->docs.n; i++) {
        if (c->docs.v[i].status == ST_FAILED) {
            c->finished++;
            c->failed++;
            print_errors(c, c->docs.v[i].errors);
        } else c->queue[c->n_queue++] = i;
    }
}

static int run(bt_ctx *c)
{
    c->env = env_digest(&c->ro);
    sweep_temps(&c->docs, c->o.outdir);
    make_queue(c);
    unsigned cores = (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    c->nw = c->o.jobs ? c->o.jobs : (cores ? cores : 1);
    if (c->nw > c->n_queue) c->nw = c->n_queue ? (unsigned)c->n_queue : 1;
    c->w = hy_xcalloc(c->nw, sizeof *c->w);
    for (unsigned i = 0; i < c->nw; i++) c->w[i] = (bt_worker){0, -1, -1, -1, 0, false};
    c->max_spawns = c->n_queue + 2 * (size_t)c->nw;
    set_signals(true);
    run_pool(c);
    stop_pool(c);
    bool stopped = g_stop;
    set_signals(false);
    clear_progress(c);
    bt_totals t = totals(c);
    if (stopped && t.rc < HY_ERR_OUTPUT) t.rc = HY_ERR_OUTPUT;
    if (!c->o.quiet) print_summary(c, &t);
    if (c->o.report && !write_report(c, &t) && t.rc < HY_ERR_OUTPUT) t.rc = HY_ERR_OUTPUT;
    free(c->w);
    free(c->queue);
    if (g_fc_init) hy_fonts_shutdown();  /* initialised by env_digest() before the fork: workers inherit it */
    return t.rc;
}

static void strip_slashes(char *s)
{
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/') s[--n] = '\0';
}

int hy_batch_main(int argc, char **argv, const hy_render_options *defaults)
{
    bt_ctx c = {.ro = *defaults, .o.timeout = 600};
    if (!parse_args(argc, argv, &c.o, &c.ro)) return HY_BATCH_USAGE;
    char *outdir = hy_xstrdup(c.o.outdir);
    strip_slashes(outdir);
    c.o.outdir = outdir;
    c.t0 = now_s();
    c.tty = isatty(STDERR_FILENO);
    c.show = !c.o.quiet && (c.o.progress || c.tty);
    int rc;
    if (!mkdir_p(outdir)) {
        fprintf(stderr, "hyoka: error: cannot create %s: %s\n", outdir, strerror(errno));
        rc = HY_ERR_OUTPUT;
    } else if (!list_docs(&c.docs, &c.o)) rc = HY_ERR_INPUT;
    else rc = run(&c);
    for (size_t i = 0; i < c.docs.n; i++) free_doc(&c.docs.v[i]);
    free(c.docs.v);
    free(outdir);
    return rc;
}
