/* docinput.h — the bytes of a document named on the command line: a file or `-` (standard
 * input, so documents can come through a pipe), read by yl_read_file, or `REV:path`, the file
 * as committed in git revision REV (`HEAD~1:docs/kenshin.yaml`; `REV:./x.yaml` is relative to the current
 * directory, as git reads it). Owns only the reading; the YAML loader parses what it returns.
 *
 * Which one: `-` is standard input; a name that exists as a file is that file, even when it
 * holds a ':'; otherwise a name of the form REV:path (REV not empty and not starting with
 * '-') is read with `git cat-file blob REV:path`, run directly (fork and exec, no shell, so
 * nothing in the name is interpreted), in the current directory's repository.
 * Bounded like any input: at most YL_MAX_INPUT_BYTES bytes; git is stopped after
 * DI_GIT_TIMEOUT seconds. */
#ifndef HY_DOCINPUT_H
#define HY_DOCINPUT_H

#include "diag.h"
#include "util.h"

#include <stdbool.h>

#define DI_GIT_TIMEOUT 60  /* seconds */

typedef struct {
    char *name;    /* for messages: the path, YL_STDIN_NAME or REV:path as given */
    hy_buf data;   /* the bytes (NUL-terminated by hy_buf) */
} di_doc;

/* Reads the document named `arg` into out. False with an error naming `arg` in d (no such
 * file, not in git, too large, git missing or failing with its own message). Free out with
 * di_free in both cases. */
bool di_read(const char *arg, di_doc *out, hy_diags *d);
void di_free(di_doc *doc);

#endif
