/* batch_state.h — the incremental state of `hyoka batch`, kept in a state directory outside
 * the published tree (so OUTDIR holds only PDFs): for every PDF the batch wrote, a state file
 * STATE/a/b/x.pdf.state that says which input made it and which PDF bytes it wrote:
 *
 *     fnv1a64:<input digest> pages:<n> pdf:<digest of the PDF bytes> bytes:<size>
 *
 * A document is up to date when its input digest (the environment's digest, its bytes, its
 * modification time) equals the recorded one AND the PDF at its place still has the recorded
 * size and digest; anything else re-renders it. The state file is removed before a document
 * is rendered and written after its PDF is in place, so it never describes another PDF.
 * Also owned here: the per-shard lock, the sweep of dead runs' temporary files, and --prune.
 * See docs/batch.md. */
#ifndef HY_BATCH_STATE_H
#define HY_BATCH_STATE_H

#include "batch_list.h"
#include "diag.h"
#include "render.h"

#include <stdbool.h>
#include <stdint.h>

/* Where the batch's files are: the output root, the state root (open descriptors, inherited
 * by the workers), and their paths for messages. */
typedef struct {
    int outfd, statefd;
    const char *outdir, *statedir;
} bt_roots;

/* The default state directory for OUTDIR: a hidden sibling, DIR/.NAME.hyoka-state for
 * OUTDIR = DIR/NAME (a new string), or NULL when OUTDIR has no parent (it is `/`). */
char *bt_state_default(const char *outdir_real);

/* Takes the lock of this shard (STATE/.lock-all or STATE/.lock-I-of-N) without waiting; the
 * lock is held by the returned descriptor until the process ends. -1 if another run holds it
 * (*busy set) or the lock file cannot be made (a message in d). */
int bt_lock(int statefd, const char *statedir, const bt_opts *o, bool *busy, hy_diags *d);

/* Everything besides the document that decides its PDF: hyoka's version, the options that
 * change the output, every layout file of the layouts directory (by name and content), the
 * fonts configuration's bytes and, for each family it names, the font file fontconfig gives
 * (path, face, size, modification time). Computed once before any worker starts. Layout and
 * fonts files must be regular files (read through the bounded reader): false with located
 * messages when one is not. */
bool bt_env_digest(const hy_render_options *ro, uint64_t *out, hy_diags *d);

/* Renders or skips one document inside a worker: reads its bytes (a regular file, bounded),
 * checks the state, renders from those same bytes, writes the PDF below OUTDIR and then the
 * state. Sets *status (BT_RENDERED/BT_SKIPPED/BT_FAILED), *pages and *bytes; returns HY_OK,
 * HY_ERR_INPUT or HY_ERR_OUTPUT, with messages in d. */
int bt_process(hy_engine *e, const bt_roots *r, uint64_t env, bool force, const bt_doc *doc, int *status,
               int *pages, int64_t *bytes, hy_diags *d);

/* Removes the temporary files of dead runs (nobody holds their lock) below OUTDIR, for this
 * run's documents only, and below STATE. Returns how many were removed. */
size_t bt_sweep(const bt_roots *r, const bt_docs *ds);

/* --prune: for every state file of this shard whose document is no longer listed, removes the
 * PDF (only if it still has the bytes hyoka wrote) and the state file. Each removed PDF's
 * relative path is pushed on `pruned` (new strings); a PDF left because it changed is a
 * warning pushed on `warnings`. */
void bt_prune(const bt_roots *r, const bt_docs *ds, const bt_opts *o, hy_vec *pruned, hy_vec *warnings);

#endif
