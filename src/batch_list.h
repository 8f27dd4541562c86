/* batch_list.h — the documents of one `hyoka batch` run: found by walking SRC (a directory) or
 * reading SRC (a manifest), each paired with its output path below OUTDIR, sorted,
 * deduplicated and cut to one shard. Also the batch's options (bt_opts), which every batch
 * module reads. Entries of SRC that are not documents (other files, hidden entries, links to
 * directories) are kept as skipped entries so that the summary and the report can list them;
 * a document that cannot be a document (a FIFO, a dangling link, a loop, a path too deep) is a
 * failed document with a located message. See docs/batch.md. */
#ifndef HY_BATCH_LIST_H
#define HY_BATCH_LIST_H

#include "util.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    const char *src, *outdir, *report, *state;
    unsigned jobs;
    unsigned timeout;           /* seconds per document before its worker is killed; 0 = none */
    bool force, quiet, progress, prune;
    unsigned shard_i, shard_n;  /* shard_n == 0: every document */
} bt_opts;

enum { BT_PENDING, BT_RENDERED, BT_SKIPPED, BT_FAILED };

typedef struct {
    char *in;       /* the path opened */
    char *rel;      /* its path relative to SRC (or as the manifest gives it) */
    char *outrel;   /* the PDF's path relative to OUTDIR: rel with .yaml/.yml replaced by .pdf */
    char *out;      /* OUTDIR/outrel, for messages and the report */
    int status, rc, pages;
    int64_t bytes;
    double ms;
    char *errors;   /* diagnostics, one escaped `file:line:col: error: …` per line; or NULL */
} bt_doc;

/* An entry of SRC that is not a document, and why (for the summary and the report). */
typedef struct {
    char *path, *reason;
} bt_entry;

typedef struct {
    bt_doc *v;
    size_t n, cap;
    bt_entry *skipped;
    size_t n_skipped, cap_skipped;
    bool listing_failed;  /* some part of SRC could not be listed: pruning would be unsafe */
} bt_docs;

/* Fills ds from SRC (a directory or a manifest), leaving out the directories `exclude_a` and
 * `exclude_b` (OUTDIR and the state directory when they lie inside SRC; NULL for none), then
 * sorts by output path, drops repeated inputs, fails a second input with the same output, and
 * keeps shard o->shard_i of o->shard_n. False (with a message on stderr) when SRC is neither
 * a directory nor a readable regular file. */
bool bt_list(bt_docs *ds, const bt_opts *o, const char *exclude_a, const char *exclude_b);
void bt_docs_free(bt_docs *ds);

/* The shard (0 .. n-1) of an output path relative to OUTDIR: FNV-1a 64 then a mixer. */
unsigned bt_shard_of(const char *outrel, unsigned n);

/* The document whose outrel is `outrel`, by binary search (ds sorted by bt_list), or NULL. */
bt_doc *bt_find(const bt_docs *ds, const char *outrel);

/* A document that fails before it reaches a worker; `msg` (taken) is one or more lines. */
void bt_fail(bt_doc *d, int rc, char *msg);

/* FNV-1a 64 (change detection and sharding; not for security). */
#define BT_FNV_OFFSET 0xcbf29ce484222325ULL
uint64_t bt_fnv(uint64_t h, const void *p, size_t n);

#endif
