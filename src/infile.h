/* infile.h — the one bounded reader of input files: documents, layouts, the fonts
 * configuration and batch manifests are all read whole into memory through it, never more than
 * a given number of bytes (YL_MAX_INPUT_BYTES for YAML), so /dev/zero or a huge file cannot
 * exhaust memory or time. With HY_IN_REGULAR only a regular file is read: a FIFO, a device, a
 * socket or a directory is refused at once (the open never blocks), which is what unattended
 * runs and configuration files want; without it, a pipe or a terminal is read too (bounded),
 * for `hyoka render <(git show HEAD:x.yaml)`. */
#ifndef HY_INFILE_H
#define HY_INFILE_H

#include "diag.h"
#include "util.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

enum { HY_IN_ANY = 0, HY_IN_REGULAR = 1 };

/* Reads the whole file `path` into buf (appended; always NUL-terminated). `max` is the limit
 * in bytes; a longer file is an error. `st` (may be NULL) gets the fstat() of the descriptor
 * read, so that a caller can pair the bytes with their modification time without a race.
 * False with a diagnostic naming `path` (no line: the file as a whole is at fault). */
bool hy_infile_read(const char *path, int flags, size_t max, hy_buf *buf, struct stat *st, hy_diags *d);

/* The same from an open descriptor (standard input); `name` is used in messages. */
bool hy_infile_read_fd(int fd, const char *name, size_t max, hy_buf *buf, hy_diags *d);

#endif
