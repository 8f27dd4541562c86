/* batch_report.h — what `hyoka batch` tells its operator: the progress line, each document's
 * errors as they happen, the summary line at the end and the JSON report (--report). See
 * docs/batch.md for the formats. */
#ifndef HY_BATCH_REPORT_H
#define HY_BATCH_REPORT_H

#include "batch_list.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* The progress line: redrawn at most ten times a second on a terminal, a plain line every 5 s
 * otherwise (--progress); nothing unless `show`. */
typedef struct {
    bool tty, show, drawn;
    double t0, last_draw;   /* monotonic seconds */
    size_t total, finished, failed;
} bt_progress;

void bt_progress_draw(bt_progress *p, bool final);
void bt_progress_clear(bt_progress *p);
/* Prints a document's error text (escaped lines) above the progress line. */
void bt_progress_errors(bt_progress *p, const char *text);

/* Monotonic seconds (CLOCK_MONOTONIC). */
double bt_now(void);

/* Everything the summary and the report say about one run. */
typedef struct {
    const bt_opts *o;
    const bt_docs *ds;
    const char *statedir;
    struct timespec started, finished;   /* wall clock (CLOCK_REALTIME) */
    double seconds;                      /* monotonic duration */
    unsigned workers;
    bool interrupted;
    const hy_vec *warnings;              /* strings */
    const hy_vec *pruned;                /* output paths relative to OUTDIR */
    int exit_status;
    /* filled by bt_totals_count */
    size_t rendered, skipped, failed;
    int64_t pages, bytes;
    double rss_worker_mb, rss_parent_mb;
} bt_run_info;

/* Counts the documents by status, sums pages and bytes, reads peak RSS (getrusage), and
 * returns the larger of exit_status and the documents' own statuses. */
int bt_totals_count(bt_run_info *r);

/* The summary line on stderr. */
void bt_summary_print(const bt_run_info *r);

/* Writes the JSON report to path (its directory is created when missing), through outfile.c.
 * False with a message on stderr. */
bool bt_report_write(const char *path, const bt_run_info *r);

#endif
