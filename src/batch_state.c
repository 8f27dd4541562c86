/* batch_state.c — the incremental state, the shard lock, the sweep and --prune (see
 * batch_state.h). Every file below OUTDIR and STATE is reached through directory descriptors
 * without following symbolic links (outfile.c). */
#include "batch_state.h"
#include "font.h"
#include "infile.h"
#include "layout_def.h"
#include "layout_dir.h"
#include "outfile.h"
#include "yaml_load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATE_SUFFIX ".state"
#define MAX_DEPTH 64

/* ---------------------------------------------------------------- digests */

/* A string with its terminating NUL; NULL hashes as the byte 0xFF, which UTF-8 never has. */
static uint64_t fnv_str(uint64_t h, const char *s)
{
    return s ? bt_fnv(h, s, strlen(s) + 1) : bt_fnv(h, "\xff", 1);
}

static uint64_t fnv_i64(uint64_t h, int64_t v)
{
    return bt_fnv(h, &v, sizeof v);
}

/* Reads a configuration file through the bounded reader only to refuse, before any worker
 * starts, what a worker could not read either (a FIFO, a device, a directory, over 8 MiB): the
 * files' contents are the engine's business (hy_engine_deps). */
static bool readable(const char *path, hy_diags *d)
{
    hy_buf b = {0};
    bool ok = hy_infile_read(path, HY_IN_REGULAR, YL_MAX_INPUT_BYTES, &b, NULL, d);
    hy_buf_free(&b);
    return ok;
}

bool bt_env_digest(const hy_render_options *ro, uint64_t *out, hy_diags *d)
{
    uint64_t h = fnv_str(BT_FNV_OFFSET, "hyoka " HY_VERSION);
    h = fnv_str(fnv_str(h, ro->stamp), ro->watermark);
    h = fnv_i64(h, ro->epoch);
    h = fnv_str(fnv_str(h, ro->layouts_dir), ro->fonts_file);
    hy_vec files = {0};
    bool ok = lay_files(ro->layouts_dir, &files);
    if (!ok) hy_diag_msg(d, ro->layouts_dir, 0, 0, HY_M_LAYOUTS_DIR_UNREADABLE, strerror(errno));
    for (size_t i = 0; i < files.n; i++) {
        if (!readable(files.items[i], d)) ok = false;
        free(files.items[i]);
    }
    hy_vec_free(&files);
    if (!readable(ro->fonts_file, d)) ok = false;
    hy_fonts_init();  /* once in the parent: the workers inherit fontconfig's configuration */
    *out = h;
    return ok;
}

/* ---------------------------------------------------------------- the state directory */

char *bt_state_default(const char *outdir_real)
{
    const char *slash = strrchr(outdir_real, '/');
    if (!slash || !slash[1]) return NULL;
    int parent = slash == outdir_real ? 1 : (int)(slash - outdir_real);
    return hy_xasprintf("%.*s%s.%s.hyoka-state", parent, outdir_real, parent == 1 && *outdir_real == '/' ? "" : "/",
                        slash + 1);
}

int bt_lock(int statefd, const char *statedir, const bt_opts *o, bool *busy, hy_diags *d)
{
    char name[64];
    if (o->shard_n) snprintf(name, sizeof name, ".lock-%u-of-%u", o->shard_i, o->shard_n);
    else snprintf(name, sizeof name, ".lock-all");
    *busy = false;
    int fd = openat(statefd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        char *path = hy_xasprintf("%s/%s", statedir, name);
        hy_diag_msg(d, path, 0, 0, HY_M_LOCK_FILE_FAILED, fd < 0 ? strerror(errno) : hy_msg(HY_M_NOT_REGULAR));
        free(path);
        if (fd >= 0) close(fd);
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        *busy = errno == EWOULDBLOCK;
        if (!*busy) hy_diag_msg(d, statedir, 0, 0, HY_M_LOCK_FAILED, name, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* ---------------------------------------------------------------- one document */

typedef struct {
    unsigned long long input, pdf;
    long long bytes;
    int pages;
    char text[16384];   /* the whole file: the first line, then the engine's dependencies */
    const char *deps;   /* into text: after the first line */
} bt_record;

/* "a/b/x.pdf" → dir "a/b", base "x.pdf" (dir "" at the top). */
static void split_rel(const char *rel, char **dir, const char **base)
{
    const char *slash = strrchr(rel, '/');
    *dir = slash ? hy_xasprintf("%.*s", (int)(slash - rel), rel) : hy_xstrdup("");
    *base = slash ? slash + 1 : rel;
}

/* Opens a regular file inside dirfd without following a link or blocking; -1 otherwise. */
static int open_regular_at(int dirfd, const char *name, struct stat *st)
{
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0 && (fstat(fd, st) != 0 || !S_ISREG(st->st_mode))) {
        close(fd);
        fd = -1;
    }
    return fd;
}

static bool read_record(int dirfd, const char *name, bt_record *rec)
{
    struct stat st;
    int fd = open_regular_at(dirfd, name, &st);
    if (fd < 0) return false;
    size_t got = 0;
    while (st.st_size < (off_t)sizeof rec->text && got < (size_t)st.st_size) {
        ssize_t n = read(fd, rec->text + got, sizeof rec->text - 1 - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    if (!got || got != (size_t)st.st_size) return false;
    rec->text[got] = '\0';
    const char *nl = strchr(rec->text, '\n');
    rec->deps = nl ? nl + 1 : "";
    return sscanf(rec->text, "fnv1a64:%16llx pages:%d pdf:%16llx bytes:%lld", &rec->input, &rec->pages, &rec->pdf,
                  &rec->bytes) == 4;
}

/* The PDF at dirfd/name still holds `bytes` bytes whose digest is `digest`. */
static bool pdf_matches(int dirfd, const char *name, unsigned long long digest, long long bytes)
{
    struct stat st;
    int fd = open_regular_at(dirfd, name, &st);
    if (fd < 0) return false;
    bool ok = st.st_size == bytes;
    uint64_t h = BT_FNV_OFFSET;
    char buf[65536];
    for (ssize_t n; ok && (n = read(fd, buf, sizeof buf)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) ok = false;
        else h = bt_fnv(h, buf, (size_t)n);
    }
    close(fd);
    return ok && h == digest;
}

/* A directory below a root, opened without creating it or following links; -1 if absent. */
static int subdir(int root, const char *dir)
{
    hy_diags ignored = {0};
    int fd = hy_outdir_open(root, dir, false, dir, &ignored);
    hy_diags_free(&ignored);
    return fd;
}

/* The state says this input made the PDF now at its place, and the engine says nothing the
 * document read (layout, fonts configuration, fonts) has changed since. */
static bool up_to_date(hy_engine *e, const bt_roots *r, const char *dir, const char *base, uint64_t h, int *pages,
                       int64_t *bytes)
{
    int sfd = subdir(r->statefd, dir), ofd = subdir(r->outfd, dir);
    char *state = hy_xasprintf("%s" STATE_SUFFIX, base);
    bt_record *rec = hy_xmalloc(sizeof *rec);
    bool ok = sfd >= 0 && ofd >= 0 && read_record(sfd, state, rec) && rec->input == h &&
              pdf_matches(ofd, base, rec->pdf, rec->bytes) && hy_engine_deps_current(e, rec->deps);
    if (ok) {
        *pages = rec->pages;
        *bytes = rec->bytes;
    }
    free(rec);
    if (sfd >= 0) close(sfd);
    if (ofd >= 0) close(ofd);
    free(state);
    return ok;
}

static void drop_state(const bt_roots *r, const char *dir, const char *base)
{
    int sfd = subdir(r->statefd, dir);
    if (sfd < 0) return;
    char *state = hy_xasprintf("%s" STATE_SUFFIX, base);
    unlinkat(sfd, state, 0);
    free(state);
    close(sfd);
}

/* The PDF into OUTDIR/dir/base, then its state into STATE/dir/base.state: the first line,
 * then what the engine says the document read. */
static int publish(hy_engine *e, const bt_roots *r, const bt_doc *doc, const char *dir, const char *base, const hy_buf *pdf,
                   uint64_t h, int pages, hy_diags *d)
{
    int ofd = hy_outdir_open(r->outfd, dir, true, doc->out, d);
    if (ofd < 0) return HY_ERR_OUTPUT;
    bool ok = hy_outfile_put_at(ofd, base, doc->out, hy_msg(HY_M_WHAT_PDF), pdf->data, pdf->len, d);
    if (ok) {  /* hyoka 0.2.0 kept its hash file beside the PDF: not published any more */
        char *old = hy_xasprintf("%s.hash", base);
        struct stat st;
        if (fstatat(ofd, old, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) unlinkat(ofd, old, 0);
        free(old);
    }
    close(ofd);
    if (!ok) return HY_ERR_OUTPUT;
    char *display = hy_xasprintf("%s/%s" STATE_SUFFIX, r->statedir, doc->outrel);
    int sfd = hy_outdir_open(r->statefd, dir, true, display, d);
    if (sfd >= 0) {
        char *state = hy_xasprintf("%s" STATE_SUFFIX, base);
        hy_buf text = {0};
        hy_buf_printf(&text, "fnv1a64:%016llx pages:%d pdf:%016llx bytes:%zu\n%s", (unsigned long long)h, pages,
                      (unsigned long long)bt_fnv(BT_FNV_OFFSET, pdf->data, pdf->len), pdf->len, hy_engine_deps(e));
        ok = text.len < sizeof ((bt_record *)0)->text;
        if (!ok) hy_diag_msg(d, display, 0, 0, HY_M_STATE_TOO_BIG, text.len, sizeof ((bt_record *)0)->text - 1);
        else ok = hy_outfile_put_at(sfd, state, display, hy_msg(HY_M_WHAT_STATE), text.data, text.len, d);
        hy_buf_free(&text);
        free(state);
        close(sfd);
    } else ok = false;
    free(display);
    return ok ? HY_OK : HY_ERR_OUTPUT;
}

int bt_process(hy_engine *e, const bt_roots *r, uint64_t env, bool force, const bt_doc *doc, int *status,
               int *pages, int64_t *bytes, hy_diags *d)
{
    *status = BT_FAILED;
    *pages = 0;
    *bytes = 0;
    hy_buf in = {0};
    struct stat st;
    if (!hy_infile_read(doc->in, HY_IN_REGULAR, YL_MAX_INPUT_BYTES, &in, &st, d)) {
        hy_buf_free(&in);
        return HY_ERR_INPUT;
    }
    /* the bytes rendered are the bytes hashed, with their own file's time (as make: touch
     * re-renders) */
    uint64_t h = fnv_i64(bt_fnv(env, in.data, in.len), (int64_t)in.len);
    h = fnv_i64(fnv_i64(h, st.st_mtim.tv_sec), st.st_mtim.tv_nsec);
    char *dir;
    const char *base;
    split_rel(doc->outrel, &dir, &base);
    int rc = HY_OK;
    if (!force && up_to_date(e, r, dir, base, h, pages, bytes)) {
        *status = BT_SKIPPED;
    } else {
        drop_state(r, dir, base);
        hy_buf pdf = {0};
        rc = hy_engine_render_mem(e, doc->in, in.data ? in.data : "", in.len, &pdf, d, pages);
        if (rc == HY_OK) rc = publish(e, r, doc, dir, base, &pdf, h, *pages, d);
        if (rc == HY_OK) {
            *status = BT_RENDERED;
            *bytes = (int64_t)pdf.len;
        }
        hy_buf_free(&pdf);
    }
    free(dir);
    hy_buf_free(&in);
    return rc;
}

/* ---------------------------------------------------------------- walking OUTDIR and STATE */

typedef void (*visit_fn)(int dirfd, const char *rel, const char *name, void *ctx);

/* Calls fn for every non-directory entry below dirfd (rel: the directory's path, "" at the
 * top), without following links, at most MAX_DEPTH levels down. */
static void visit(int dirfd, const char *rel, int depth, visit_fn fn, void *ctx)
{
    int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dp) {
        if (fd >= 0) close(fd);
        return;
    }
    hy_vec names = {0};
    for (struct dirent *e; (e = readdir(dp));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) hy_vec_push(&names, hy_xstrdup(e->d_name));
    closedir(dp);
    for (size_t i = 0; i < names.n; i++) {
        const char *name = names.items[i];
        struct stat st;
        if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
            int sub = depth < MAX_DEPTH ? openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
            if (sub >= 0) {
                char *r = rel[0] ? hy_xasprintf("%s/%s", rel, name) : hy_xstrdup(name);
                visit(sub, r, depth + 1, fn, ctx);
                free(r);
                close(sub);
            }
        } else fn(dirfd, rel, name, ctx);
        free(names.items[i]);
    }
    hy_vec_free(&names);
}

typedef struct {
    const bt_docs *ds;
    bool in_state;
    size_t removed;
} sweep_ctx;

static void sweep_one(int dirfd, const char *rel, const char *name, void *p)
{
    sweep_ctx *c = p;
    char *target = hy_outfile_temp_target(name);
    if (!target) return;
    char *outrel = rel[0] ? hy_xasprintf("%s/%s", rel, target) : hy_xstrdup(target);
    size_t n = strlen(outrel), m = strlen(STATE_SUFFIX);
    if (c->in_state && n > m && !strcmp(outrel + n - m, STATE_SUFFIX)) outrel[n - m] = '\0';
    if ((c->in_state || bt_find(c->ds, outrel)) && hy_outfile_sweep(dirfd, name)) c->removed++;
    free(outrel);
    free(target);
}

size_t bt_sweep(const bt_roots *r, const bt_docs *ds)
{
    sweep_ctx c = {ds, false, 0};
    visit(r->outfd, "", 0, sweep_one, &c);
    c.in_state = true;
    visit(r->statefd, "", 0, sweep_one, &c);
    return c.removed;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
    const bt_roots *r;
    const bt_docs *ds;
    const bt_opts *o;
    hy_vec *pruned, *warnings;
} prune_ctx;

static void prune_one(int dirfd, const char *rel, const char *name, void *p)
{
    prune_ctx *c = p;
    size_t n = strlen(name), m = strlen(STATE_SUFFIX);
    if (n <= m + 4 || strcmp(name + n - m, STATE_SUFFIX) || strncmp(name + n - m - 4, ".pdf", 4)) return;
    char *base = hy_xasprintf("%.*s", (int)(n - m), name);
    char *outrel = rel[0] ? hy_xasprintf("%s/%s", rel, base) : hy_xstrdup(base);
    bt_record *rec = hy_xmalloc(sizeof *rec);
    if ((!c->o->shard_n || bt_shard_of(outrel, c->o->shard_n) == c->o->shard_i) && !bt_find(c->ds, outrel) &&
        read_record(dirfd, name, rec)) {
        int ofd = subdir(c->r->outfd, rel);
        struct stat st;
        bool present = ofd >= 0 && fstatat(ofd, base, &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (present && pdf_matches(ofd, base, rec->pdf, rec->bytes) && unlinkat(ofd, base, 0) == 0)
            hy_vec_push(c->pruned, hy_xstrdup(outrel));
        else if (present)
            hy_vec_push(c->warnings, hy_xasprintf("%s/%s was not pruned: it is not the file hyoka wrote there "
                                                  "(changed or replaced since)", c->r->outdir, outrel));
        unlinkat(dirfd, name, 0);
        if (ofd >= 0) close(ofd);
    }
    free(rec);
    free(outrel);
    free(base);
}

void bt_prune(const bt_roots *r, const bt_docs *ds, const bt_opts *o, hy_vec *pruned, hy_vec *warnings)
{
    prune_ctx c = {r, ds, o, pruned, warnings};
    visit(r->statefd, "", 0, prune_one, &c);
    if (pruned->n) qsort(pruned->items, pruned->n, sizeof *pruned->items, cmp_str);
}
