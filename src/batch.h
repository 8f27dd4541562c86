/* batch.h — `hyoka batch`: renders a directory tree or a manifest of documents into a mirrored
 * output tree with a pool of fork()ed workers, incrementally (a content hash beside each PDF),
 * optionally one shard of the documents. See docs/batch.md for the behaviour and formats. */
#ifndef HY_BATCH_H
#define HY_BATCH_H

#include "render.h"

/* Returned when the arguments are wrong; main() prints the usage and exits with 2. */
#define HY_BATCH_USAGE (-1)

/* argv holds the arguments after the word `batch`. `defaults` carries the layouts directory,
 * fonts file and SOURCE_DATE_EPOCH chosen by main(); the batch's own options override them.
 * Returns the exit status: 0 all documents rendered or up to date, 2 some document (or the
 * listing of the inputs) has errors, 1 some output could not be written or a worker died;
 * or HY_BATCH_USAGE. */
int hy_batch_main(int argc, char **argv, const hy_render_options *defaults);

#endif
