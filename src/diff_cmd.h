/* diff_cmd.h — the `hyoka diff` command: reads the versions (docinput.h), binds each with the
 * engine (render.h), compares them (diff.h), finds each change's page in the first version's
 * layout, and writes the chosen format (diff_out.h) to standard output or a file. */
#ifndef HY_DIFF_CMD_H
#define HY_DIFF_CMD_H

#include "render.h"

/* Returned for a wrong command line (the caller prints the usage). */
#define HY_DIFF_USAGE (-1)

extern const char hy_diff_help[];

/* argv: the arguments after `diff`. ro: layouts and fonts (already resolved by the caller).
 * Prints the diagnostics to standard error. Returns HY_OK (whether or not anything changed),
 * HY_ERR_INPUT (a version has errors, or the versions are of different forms), HY_ERR_OUTPUT
 * or HY_DIFF_USAGE. */
int hy_diff_main(int argc, char **argv, const hy_render_options *ro);

#endif
