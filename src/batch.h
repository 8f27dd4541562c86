/* batch.h — `hyoka batch`: renders a directory tree or a manifest of documents into a mirrored
 * output tree with a pool of fork()ed workers, incrementally (a state directory outside the
 * published tree records what made each PDF), optionally one shard of the documents. The
 * command is batch.c; the list is batch_list.c, the state batch_state.c, the workers
 * batch_pool.c, the summary and report batch_report.c. See docs/batch.md. */
#ifndef HY_BATCH_H
#define HY_BATCH_H

#include "render.h"

/* Returned when the arguments are wrong; main() prints the usage and exits with 2. */
#define HY_BATCH_USAGE (-1)
/* Exit status when another batch holds this shard's lock (EX_TEMPFAIL of sysexits.h: try
 * again later); the run did nothing. */
#define HY_BATCH_BUSY 75

/* argv holds the arguments after the word `batch`. `defaults` carries the layouts directory,
 * fonts file and SOURCE_DATE_EPOCH chosen by main(); the batch's own options override them.
 * Returns the exit status: 0 all documents rendered or up to date, 2 some document (or the
 * listing of the inputs, or the configuration) has errors, 1 some output could not be written,
 * a worker died or the run was interrupted, HY_BATCH_BUSY another run holds the lock; or
 * HY_BATCH_USAGE. */
int hy_batch_main(int argc, char **argv, const hy_render_options *defaults);

#endif
