/* batch_report.c — progress, summary and the JSON report of `hyoka batch` (see
 * batch_report.h). */
#include "batch_report.h"
#include "diag.h"
#include "outfile.h"
#include "render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <sys/stat.h>

static const char *const status_name[] = {"pending", "rendered", "skipped", "failed"};

double bt_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---------------------------------------------------------------- progress */

void bt_progress_clear(bt_progress *p)
{
    if (p->drawn) fputs("\r\033[K", stderr);
    p->drawn = false;
}

static void fmt_eta(char *buf, size_t n, double s)
{
    if (s < 0 || s > 360000) snprintf(buf, n, "--:--");
    else snprintf(buf, n, "%d:%02d:%02d", (int)s / 3600, (int)s / 60 % 60, (int)s % 60);
}

void bt_progress_draw(bt_progress *p, bool final)
{
    if (!p->show) return;
    double t = bt_now() - p->t0;
    if (!final && t - p->last_draw < (p->tty ? 0.1 : 5.0)) return;
    p->last_draw = t;
    size_t total = p->total, done = p->finished;
    double rate = t > 0 ? (double)done / t : 0;
    char eta[32], bar[26], failed[40] = "";
    fmt_eta(eta, sizeof eta, rate > 0 ? (double)(total - done) / rate : -1);
    size_t fill = total ? done * 24 / total : 24;
    for (size_t i = 0; i < 24; i++) bar[i] = i < fill ? '#' : '.';
    bar[24] = '\0';
    if (p->failed) snprintf(failed, sizeof failed, "  %zu failed", p->failed);
    if (p->tty) {
        fprintf(stderr, "\r[%s] %zu/%zu%s  %.1f docs/s  ETA %s\033[K", bar, done, total, failed, rate, eta);
        p->drawn = true;
    } else {
        fprintf(stderr, "hyoka batch: %zu/%zu%s  %.1f docs/s  ETA %s\n", done, total, failed, rate, eta);
    }
    fflush(stderr);
}

void bt_progress_errors(bt_progress *p, const char *text)
{
    if (!text || !*text) return;
    bt_progress_clear(p);
    fputs(text, stderr);
    fflush(stderr);
}

/* ---------------------------------------------------------------- totals and summary */

int bt_totals_count(bt_run_info *r)
{
    int rc = r->exit_status;
    r->rendered = r->skipped = r->failed = 0;
    r->pages = r->bytes = 0;
    for (size_t i = 0; i < r->ds->n; i++) {
        const bt_doc *d = &r->ds->v[i];
        r->rendered += d->status == BT_RENDERED;
        r->skipped += d->status == BT_SKIPPED;
        r->failed += d->status == BT_FAILED;
        r->pages += d->status == BT_FAILED ? 0 : d->pages;
        r->bytes += d->status == BT_FAILED ? 0 : d->bytes;
        if (d->rc > rc) rc = d->rc;
    }
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    r->rss_worker_mb = (double)ru.ru_maxrss / 1024.0;
    getrusage(RUSAGE_SELF, &ru);
    r->rss_parent_mb = (double)ru.ru_maxrss / 1024.0;
    return rc;
}

void bt_summary_print(const bt_run_info *r)
{
    char shard[48] = "", extra[96] = "";
    if (r->o->shard_n) snprintf(shard, sizeof shard, " (shard %u/%u)", r->o->shard_i, r->o->shard_n);
    size_t warn = r->warnings ? r->warnings->n : 0, pruned = r->pruned ? r->pruned->n : 0;
    int k = 0;
    if (r->ds->n_skipped) k += snprintf(extra + k, sizeof extra - (size_t)k, "; %zu other entr%s not documents",
                                        r->ds->n_skipped, r->ds->n_skipped == 1 ? "y" : "ies");
    if (pruned) k += snprintf(extra + k, sizeof extra - (size_t)k, "; %zu pruned", pruned);
    if (warn) snprintf(extra + k, sizeof extra - (size_t)k, "; %zu warning%s", warn, warn == 1 ? "" : "s");
    double s = r->seconds > 0 ? r->seconds : 1e-9;
    fprintf(stderr,
            "hyoka batch%s: %zu documents: %zu rendered, %zu skipped, %zu failed%s; %lld pages; "
            "%.2f s (%.1f docs/s, %.0f pages/s); peak RSS %.1f MB per worker, %.1f MB parent%s\n",
            shard, r->ds->n, r->rendered, r->skipped, r->failed, extra, (long long)r->pages, r->seconds,
            (double)r->ds->n / s, (double)r->pages / s, r->rss_worker_mb, r->rss_parent_mb,
            r->interrupted ? " (interrupted)" : "");
}

/* ---------------------------------------------------------------- the JSON report */

/* A JSON string: escapes quotes, backslashes and control characters; invalid UTF-8 → U+FFFD. */
static void json_str(hy_buf *b, const char *s)
{
    hy_buf_puts(b, "\"");
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = hy_utf8_decode(s + i, n - i, &cp);
        if (!len) {
            hy_buf_puts(b, "\\ufffd");
            i++;
            continue;
        }
        if (cp == '"' || cp == '\\') hy_buf_printf(b, "\\%c", (char)cp);
        else if (cp == '\n') hy_buf_puts(b, "\\n");
        else if (cp == '\t') hy_buf_puts(b, "\\t");
        else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) hy_buf_printf(b, "\\u%04x", (unsigned)cp);
        else hy_buf_add(b, s + i, len);
        i += len;
    }
    hy_buf_puts(b, "\"");
}

/* The lines of the diagnostics text that are warnings (`file:line:col: warning: …`, diag.c's
 * format) or, when `warnings` is false, the others, as a JSON array of strings. */
static void json_lines(hy_buf *b, const char *text, bool warnings)
{
    hy_buf_puts(b, "[");
    bool first = true;
    for (const char *s = text; s && *s;) {
        size_t n = strcspn(s, "\n");
        char *line = hy_xasprintf("%.*s", (int)n, s);
        if ((strstr(line, ": warning: ") != NULL) == warnings) {
            if (!first) hy_buf_puts(b, ", ");
            json_str(b, line);
            first = false;
        }
        free(line);
        s += n + (s[n] == '\n');
    }
    hy_buf_puts(b, "]");
}

static void json_vec(hy_buf *b, const hy_vec *v)
{
    hy_buf_puts(b, "[");
    for (size_t i = 0; v && i < v->n; i++) {
        if (i) hy_buf_puts(b, ", ");
        json_str(b, v->items[i]);
    }
    hy_buf_puts(b, "]");
}

/* ISO 8601 UTC with milliseconds: 2026-11-30T02:00:00.123Z */
static void json_time(hy_buf *b, struct timespec t)
{
    struct tm tm;
    time_t s = t.tv_sec;
    gmtime_r(&s, &tm);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    hy_buf_printf(b, "\"%s.%03ldZ\"", buf, t.tv_nsec / 1000000);
}

static void json_doc(hy_buf *b, const bt_doc *d, bool last)
{
    hy_buf_puts(b, "    {\"path\": ");
    json_str(b, d->rel);
    hy_buf_puts(b, ", \"input\": ");
    json_str(b, d->in);
    hy_buf_puts(b, ", \"output\": ");
    json_str(b, d->out);
    hy_buf_printf(b, ", \"status\": \"%s\", \"pages\": %d, \"bytes\": %lld, \"ms\": %.1f, \"errors\": ",
                  status_name[d->status], d->pages, (long long)d->bytes, d->ms);
    json_lines(b, d->errors, false);
    hy_buf_puts(b, ", \"warnings\": ");
    json_lines(b, d->errors, true);
    hy_buf_puts(b, last ? "}\n" : "},\n");
}

static void json_report(hy_buf *b, const bt_run_info *r)
{
    const bt_opts *o = r->o;
    hy_buf_puts(b, "{\n  \"hyoka\": \"" HY_VERSION "\",\n  \"source\": ");
    json_str(b, o->src);
    hy_buf_puts(b, ",\n  \"outdir\": ");
    json_str(b, o->outdir);
    hy_buf_puts(b, ",\n  \"state\": ");
    json_str(b, r->statedir);
    if (o->shard_n) hy_buf_printf(b, ",\n  \"shard\": \"%u/%u\"", o->shard_i, o->shard_n);
    else hy_buf_puts(b, ",\n  \"shard\": null");
    hy_buf_printf(b, ",\n  \"force\": %s,\n  \"prune\": %s,\n  \"status\": \"%s\",\n  \"started\": ",
                  o->force ? "true" : "false", o->prune ? "true" : "false", r->interrupted ? "interrupted" : "complete");
    json_time(b, r->started);
    hy_buf_puts(b, ",\n  \"finished\": ");
    json_time(b, r->finished);
    hy_buf_printf(b, ",\n  \"seconds\": %.3f,\n  \"warnings\": ", r->seconds);
    json_vec(b, r->warnings);
    hy_buf_puts(b, ",\n  \"skipped_entries\": [");
    for (size_t i = 0; i < r->ds->n_skipped; i++) {
        hy_buf_puts(b, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        json_str(b, r->ds->skipped[i].path);
        hy_buf_puts(b, ", \"reason\": ");
        json_str(b, r->ds->skipped[i].reason);
        hy_buf_puts(b, "}");
    }
    hy_buf_puts(b, r->ds->n_skipped ? "\n  ],\n  \"pruned\": " : "],\n  \"pruned\": ");
    json_vec(b, r->pruned);
    hy_buf_puts(b, ",\n  \"documents\": [\n");
    for (size_t i = 0; i < r->ds->n; i++) json_doc(b, &r->ds->v[i], i + 1 == r->ds->n);
    hy_buf_printf(b, "  ],\n  \"totals\": {\"documents\": %zu, \"rendered\": %zu, \"skipped\": %zu, \"failed\": %zu, "
                     "\"pages\": %lld, \"bytes\": %lld, \"seconds\": %.3f, \"workers\": %u, "
                     "\"peak_rss_mb_worker\": %.1f, \"peak_rss_mb_parent\": %.1f, \"interrupted\": %s, "
                     "\"exit_status\": %d}\n}\n",
                  r->ds->n, r->rendered, r->skipped, r->failed, (long long)r->pages, (long long)r->bytes, r->seconds,
                  r->workers, r->rss_worker_mb, r->rss_parent_mb, r->interrupted ? "true" : "false", r->exit_status);
}

bool bt_report_write(const char *path, const bt_run_info *r)
{
    hy_diags d = {0};
    const char *slash = strrchr(path, '/');
    bool ok = true;
    if (slash && slash != path) {  /* --report creates its directory */
        char *dir = hy_xasprintf("%.*s", (int)(slash - path), path);
        int fd = hy_outdir_open_path(dir, true, &d);
        ok = fd >= 0;
        if (fd >= 0) close(fd);
        free(dir);
    }
    if (ok) {
        hy_buf b = {0};
        json_report(&b, r);
        ok = hy_outfile_put(path, hy_msg(HY_M_WHAT_REPORT), b.data, b.len, &d);
        hy_buf_free(&b);
    }
    hy_diags_print(&d, stderr);
    hy_diags_free(&d);
    return ok;
}
