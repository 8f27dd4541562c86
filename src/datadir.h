/* datadir.h — where hyoka's data is: the layouts directory and the fonts configuration.
 *
 * Each is taken, in this order, from the command-line option (--layouts, --fonts), from the
 * environment (HYOKA_LAYOUTS, HYOKA_FONTS), or from the first data directory that holds both
 * `layouts/` and `fonts/fonts.yaml`:
 *   1. beside the program: DIR/../share/hyoka for a program DIR/hyoka (found through
 *      /proc/self/exe, so a moved or copied installation prefix keeps working);
 *   2. the source tree, when the program is the one in its build directory (a developer's build);
 *   3. the data directory of the prefix it was configured for (CMAKE_INSTALL_PREFIX).
 * The working directory plays no part. */
#ifndef HY_DATADIR_H
#define HY_DATADIR_H

#include "util.h"

#include <stdbool.h>

typedef struct {
    char *layouts_dir;   /* owned */
    char *fonts_file;    /* owned */
} hy_datadir;

/* Fills what `layouts_opt` / `fonts_opt` (the options, or NULL) leave open. On success both
 * fields are set (copies of the options when given). On failure returns false and writes to
 * `why` a message of several lines naming every place looked at and what was missing there. */
bool hy_datadir_find(hy_datadir *dd, const char *layouts_opt, const char *fonts_opt, hy_buf *why);
void hy_datadir_free(hy_datadir *dd);

#endif
