/* layout_dir.h — the layouts of a directory: their files, their kinds, the file of one kind
 * (layout_dir.c). Loading one is lay_load's (layout_def.h). */
#ifndef HY_LAYOUT_DIR_H
#define HY_LAYOUT_DIR_H

#include "util.h"

#include <stdbool.h>

/* Finds the layout whose `kind` is `kind` among the *.yaml files of dir. Returns a new path
 * (caller frees) or NULL. */
char *lay_path_copy(const char *dir, const char *kind);

/* The kinds of the layouts in dir, sorted by file name (each a new string in out; the caller
 * frees them and the vector). False if dir cannot be read. */
bool lay_kinds(const char *dir, hy_vec *out);

/* The paths of the *.yaml files of dir (new strings pushed on out, sorted by name, so that a
 * choice never depends on directory order). False if dir cannot be read. */
bool lay_files(const char *dir, hy_vec *out);

#endif
