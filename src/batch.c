/* batch.c — the `hyoka batch` command (see batch.h, docs/batch.md): reads the options, sets up
 * OUTDIR and the state directory, takes the shard's lock, and runs the steps owned by the other
 * batch modules in order — list the documents (batch_list.c), digest the environment and sweep
 * dead runs' temporary files (batch_state.c), render with the worker pool (batch_pool.c),
 * prune, then the summary and the report (batch_report.c). */
#include "batch.h"
#include "batch_list.h"
#include "batch_pool.h"
#include "batch_report.h"
#include "batch_state.h"
#include "font.h"
#include "outfile.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------------------------------------------------------------- options */

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

static bool usage_error(const char *fmt, const char *a, const char *b)
{
    char *ea = hy_diag_escape(a), *eb = hy_diag_escape(b);
    fputs("hyoka: error: ", stderr);
    fprintf(stderr, fmt, ea, eb);
    fputc('\n', stderr);
    free(ea);
    free(eb);
    return false;
}

/* One option with its value (when it takes one); false on an error, already reported. */
static bool parse_opt(const char *s, const char *val, bt_opts *o, hy_render_options *ro, int *used)
{
    const char **str_opt = !strcmp(s, "-o") ? &o->outdir
                           : !strcmp(s, "--report") ? &o->report
                           : !strcmp(s, "--state") ? &o->state
                           : !strcmp(s, "--stamp") ? &ro->stamp
                           : !strcmp(s, "--watermark") ? &ro->watermark
                           : !strcmp(s, "--layouts") ? &ro->layouts_dir
                           : !strcmp(s, "--fonts") ? &ro->fonts_file : NULL;
    *used = 0;
    if (!strcmp(s, "--force")) o->force = true;
    else if (!strcmp(s, "--prune")) o->prune = true;
    else if (!strcmp(s, "--quiet") || !strcmp(s, "-q")) o->quiet = true;
    else if (!strcmp(s, "--progress")) o->progress = true;
    else if (!strncmp(s, "-j", 2) && s[2]) {
        if (!parse_uint(s + 2, 1024, &o->jobs) || !o->jobs) return usage_error("-j '%s': %s", s + 2, "want 1..1024");
    } else if (!val) {
        bool takes_value = str_opt || !strcmp(s, "-j") || !strcmp(s, "--jobs") || !strcmp(s, "--timeout") ||
                           !strcmp(s, "--shard");
        return usage_error(takes_value ? "%s needs a value%s" : "unknown option '%s'%s", s, "");
    } else if (str_opt) {
        *str_opt = val;
        *used = 1;
    } else if (!strcmp(s, "-j") || !strcmp(s, "--jobs")) {
        *used = 1;
        if (!parse_uint(val, 1024, &o->jobs) || !o->jobs) return usage_error("-j '%s': %s", val, "want 1..1024");
    } else if (!strcmp(s, "--timeout")) {
        *used = 1;
        if (!parse_uint(val, 1u << 24, &o->timeout)) return usage_error("--timeout '%s': %s", val, "want seconds (0 = none)");
    } else if (!strcmp(s, "--shard")) {
        *used = 1;
        if (!parse_shard(val, o)) return usage_error("--shard '%s': %s", val, "want I/N with 0 <= I < N");
    } else {
        return usage_error("unknown option '%s'%s", s, "");
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
        else return usage_error("batch takes one SRC (a directory or a manifest), got '%s' too%s", s, "");
    }
    if (!o->src || !o->outdir) return usage_error("batch needs SRC and -o OUTDIR%s%s", "", "");
    if (!*o->src || !*o->outdir || (o->state && !*o->state) || (o->report && !*o->report))
        return usage_error("an empty path was given (an unset variable?)%s%s", "", "");
    if (!strcmp(o->outdir, "-")) return usage_error("batch writes a tree of PDFs: -o needs a directory, not '%s'%s", "-", "");
    if (o->quiet && o->progress) return usage_error("--quiet and --progress contradict each other%s%s", "", "");
    return true;
}

/* ---------------------------------------------------------------- the run */

typedef struct {
    bt_progress progress;
    bool quiet;
} run_ctx;

static void on_done(void *p, bt_doc *d)
{
    run_ctx *c = p;
    c->progress.finished++;
    c->progress.failed += d->status == BT_FAILED;
    bt_progress_errors(&c->progress, d->errors);
}

static void on_tick(void *p)
{
    bt_progress_draw(&((run_ctx *)p)->progress, false);
}

/* The queue: every listed document that did not already fail; the listing errors are printed. */
static size_t make_queue(const bt_docs *ds, size_t *queue, run_ctx *c)
{
    size_t n = 0;
    for (size_t i = 0; i < ds->n; i++) {
        if (ds->v[i].status == BT_FAILED) on_done(c, &ds->v[i]);
        else queue[n++] = i;
    }
    return n;
}

/* A state directory inside OUTDIR would be published: refused. */
static bool state_inside(const char *outdir_real, const char *state_real)
{
    size_t n = strlen(outdir_real);
    return !strncmp(state_real, outdir_real, n) && (state_real[n] == '/' || !state_real[n] || !strcmp(outdir_real, "/"));
}

/* The absolute path `path` would have, resolving the part that exists (for a directory not
 * made yet). A new string, or NULL. */
static char *would_be(const char *path)
{
    char real[PATH_MAX];
    if (realpath(path, real)) return hy_xstrdup(real);
    const char *slash = strrchr(path, '/');
    while (slash && slash > path && slash[1] == '\0') {  /* trailing slashes */
        const char *s = slash;
        while (s > path && s[-1] != '/') s--;
        slash = s > path ? s - 1 : NULL;
    }
    char *parent = slash ? (slash == path ? hy_xstrdup("/") : hy_xasprintf("%.*s", (int)(slash - path), path))
                         : hy_xstrdup(".");
    char *base = would_be(parent), *out = NULL;
    const char *name = slash ? slash + 1 : path;
    if (base) out = hy_xasprintf("%s%s%.*s", base, strcmp(base, "/") ? "/" : "", (int)strcspn(name, "/"), name);
    free(parent);
    free(base);
    return out;
}

/* Opens OUTDIR and STATE (creating them), checks that they are apart. 0, or an exit status. */
static int open_roots(const bt_opts *o, bt_roots *r, char **state_path)
{
    hy_diags d = {0};
    int rc = 0;
    char real_out[PATH_MAX], real_state[PATH_MAX];
    r->outfd = r->statefd = -1;
    struct stat st;
    const char *not_dir = o->state && stat(o->state, &st) == 0 && !S_ISDIR(st.st_mode) ? o->state : NULL;
    if (stat(o->outdir, &st) == 0 && !S_ISDIR(st.st_mode)) not_dir = o->outdir;
    if (not_dir) {  /* a file or a device named where a directory belongs: a usage error */
        usage_error("%s exists and is not a directory%s", not_dir, "");
        return HY_ERR_INPUT;
    }
    r->outfd = hy_outdir_open_path(o->outdir, true, &d);
    if (r->outfd < 0 || !realpath(o->outdir, real_out)) rc = HY_ERR_OUTPUT;
    if (!rc) *state_path = o->state ? hy_xstrdup(o->state) : bt_state_default(real_out);
    if (!rc && !*state_path) {
        fprintf(stderr, "hyoka: error: OUTDIR is '/': give the state directory with --state DIR\n");
        rc = HY_ERR_INPUT;
    }
    char *planned = rc ? NULL : would_be(*state_path);
    if (!rc && planned && state_inside(real_out, planned)) {
        usage_error("the state directory %s is inside OUTDIR %s, which is published; choose another --state",
                    *state_path, o->outdir);
        rc = HY_ERR_INPUT;
    }
    free(planned);
    if (!rc) r->statefd = hy_outdir_open_path(*state_path, true, &d);
    if (!rc && (r->statefd < 0 || !realpath(*state_path, real_state))) rc = HY_ERR_OUTPUT;
    if (!rc && state_inside(real_out, real_state)) {  /* a link made it so after all */
        usage_error("the state directory %s is inside OUTDIR %s, which is published; choose another --state",
                    *state_path, o->outdir);
        rc = HY_ERR_INPUT;
    }
    hy_diags_print(&d, stderr);
    hy_diags_free(&d);
    r->outdir = o->outdir;
    r->statedir = *state_path;
    return rc;
}

static void prune(const bt_opts *o, const bt_roots *r, const bt_docs *ds, bool interrupted, hy_vec *pruned,
                  hy_vec *warnings)
{
    if (!o->prune) return;
    if (interrupted) hy_vec_push(warnings, hy_xstrdup("--prune skipped: the batch was interrupted"));
    else if (ds->listing_failed)
        hy_vec_push(warnings, hy_xstrdup("--prune skipped: part of SRC could not be listed, so a missing document "
                                         "may only be unreadable"));
    else bt_prune(r, ds, o, pruned, warnings);
}

static void print_warnings(const hy_vec *w)
{
    for (size_t i = 0; i < w->n; i++) {
        char *s = hy_diag_escape(w->items[i]);
        fprintf(stderr, "hyoka: warning: %s\n", s);
        free(s);
    }
}

static void free_vec(hy_vec *v)
{
    for (size_t i = 0; i < v->n; i++) free(v->items[i]);
    hy_vec_free(v);
}

static bool same_file(const char *path, const struct stat *st)
{
    struct stat o;
    return path && stat(path, &o) == 0 && o.st_dev == st->st_dev && o.st_ino == st->st_ino;
}

/* --report must not replace what the batch reads or writes: the manifest, a document or a PDF
 * (the same file, or the same path). False with a usage error; nothing has been rendered. */
static bool report_target_ok(const char *report, const char *src, const bt_docs *ds)
{
    struct stat st;
    bool exists = stat(report, &st) == 0;
    const char *hit = exists && same_file(src, &st) ? src : NULL;
    for (size_t i = 0; !hit && i < ds->n; i++) {
        const bt_doc *d = &ds->v[i];
        if (exists && same_file(d->in, &st)) hit = d->in;
        else if ((exists && same_file(d->out, &st)) || (d->out && !strcmp(d->out, report))) hit = d->out;
    }
    if (!hit) return true;
    return usage_error("--report %s is %s, which the report would replace; name a file of its own", report, hit);
}

/* Everything after the roots are open and locked. */
static int run(const bt_opts *o, const hy_render_options *ro, const bt_roots *r, bt_run_info *info, run_ctx *c)
{
    bt_docs ds = {0};
    hy_vec warnings = {0}, pruned = {0};
    int rc = 0;
    hy_diags d = {0};
    uint64_t env = 0;
    if (!bt_list(&ds, o, o->outdir, r->statedir)) rc = HY_ERR_INPUT;
    else if (o->report && !report_target_ok(o->report, o->src, &ds)) rc = HY_ERR_INPUT;
    else if (!bt_env_digest(ro, &env, &d)) {
        hy_diags_print(&d, stderr);
        fprintf(stderr, "hyoka: error: the layouts or the fonts configuration cannot be read; no document was rendered\n");
        rc = HY_ERR_INPUT;
    }
    hy_diags_free(&d);
    if (rc) {
        bt_docs_free(&ds);
        return rc;
    }
    bt_sweep(r, &ds);
    size_t *queue = hy_xcalloc(ds.n + 1, sizeof *queue);
    c->progress.total = ds.n;
    size_t n = make_queue(&ds, queue, c);
    unsigned cores = (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    bt_pool_cfg cfg = {ro, r, env, o->force, o->jobs ? o->jobs : (cores ? cores : 1), o->timeout, on_done, on_tick, c};
    if (cfg.jobs > n) cfg.jobs = n ? (unsigned)n : 1;
    info->interrupted = bt_pool_run(&ds, queue, n, &cfg);
    free(queue);
    prune(o, r, &ds, info->interrupted, &pruned, &warnings);
    bt_progress_clear(&c->progress);
    print_warnings(&warnings);
    clock_gettime(CLOCK_REALTIME, &info->finished);
    info->seconds = bt_now() - c->progress.t0;
    info->ds = &ds;
    info->workers = cfg.jobs;
    info->warnings = &warnings;
    info->pruned = &pruned;
    info->exit_status = info->interrupted ? HY_ERR_OUTPUT : 0;
    info->exit_status = bt_totals_count(info);
    if (!c->quiet) bt_summary_print(info);
    if (o->report && !bt_report_write(o->report, info) && info->exit_status < HY_ERR_OUTPUT)
        info->exit_status = HY_ERR_OUTPUT;
    rc = info->exit_status;
    free_vec(&warnings);
    free_vec(&pruned);
    bt_docs_free(&ds);
    return rc;
}

int hy_batch_main(int argc, char **argv, const hy_render_options *defaults)
{
    bt_opts o = {.timeout = 600};
    hy_render_options ro = *defaults;
    if (!parse_args(argc, argv, &o, &ro)) return HY_BATCH_USAGE;
    run_ctx c = {.quiet = o.quiet};
    c.progress.t0 = bt_now();
    c.progress.tty = isatty(STDERR_FILENO);
    c.progress.show = !o.quiet && (o.progress || c.progress.tty);
    bt_run_info info = {.o = &o};
    clock_gettime(CLOCK_REALTIME, &info.started);
    bt_pool_signals(true);
    bt_roots r;
    char *state = NULL;
    int rc = open_roots(&o, &r, &state);
    info.statedir = state;
    bool busy = false;
    hy_diags d = {0};
    int lock = rc ? -1 : bt_lock(r.statefd, state, &o, &busy, &d);
    hy_diags_print(&d, stderr);
    hy_diags_free(&d);
    if (!rc && busy) {
        char shard[48] = "all documents";
        if (o.shard_n) snprintf(shard, sizeof shard, "shard %u/%u", o.shard_i, o.shard_n);
        char *out = hy_diag_escape(o.outdir);
        fprintf(stderr, "hyoka: error: another hyoka batch is running (%s into %s); this run did nothing\n", shard, out);
        free(out);
        rc = HY_BATCH_BUSY;
    } else if (!rc && lock < 0) rc = HY_ERR_OUTPUT;
    if (!rc) rc = run(&o, &ro, &r, &info, &c);
    if (lock >= 0) close(lock);
    if (r.outfd >= 0) close(r.outfd);
    if (r.statefd >= 0) close(r.statefd);
    bt_pool_signals(false);
    hy_fonts_shutdown();
    free(state);
    return rc;
}
