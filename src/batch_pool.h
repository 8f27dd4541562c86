/* batch_pool.h — the worker pool of `hyoka batch`: -j N fork()ed workers, each with its own
 * engine, fed one document at a time over a pipe and answering with a fixed header plus the
 * document's diagnostics as text. A worker that dies (crash, OOM killer, kill -9) or runs past
 * --timeout fails its document and is replaced; SIGINT/SIGTERM stop the pool cleanly (running
 * workers killed, their temporary files left to the sweep of the next run, the documents not
 * started failed as "interrupted"). */
#ifndef HY_BATCH_POOL_H
#define HY_BATCH_POOL_H

#include "batch_list.h"
#include "batch_state.h"
#include "render.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    const hy_render_options *ro;
    const bt_roots *roots;
    uint64_t env;                 /* bt_env_digest() */
    bool force;
    unsigned jobs;                /* worker processes (>= 1) */
    unsigned timeout;             /* seconds per document; 0 = none */
    void (*on_done)(void *ctx, bt_doc *d);  /* a document got its final status */
    void (*on_tick)(void *ctx);             /* called about ten times a second (progress) */
    void *ctx;
} bt_pool_cfg;

/* Renders the documents ds->v[queue[0..n)] and gives each its status, rc, pages, bytes, ms
 * and errors. Returns true when the run was interrupted by SIGINT or SIGTERM (then the
 * documents not finished are failed as interrupted). */
bool bt_pool_run(bt_docs *ds, const size_t *queue, size_t n, const bt_pool_cfg *cfg);

/* With `on`, SIGINT and SIGTERM only set a flag that stops the run (and SIGPIPE is ignored:
 * a dead worker's pipe gives EPIPE); without, the default actions are back. */
void bt_pool_signals(bool on);
/* True once SIGINT or SIGTERM arrived while the signals were on. */
bool bt_pool_stopped(void);

#endif
