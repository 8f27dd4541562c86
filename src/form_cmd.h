/* form_cmd.h — the writer's tools that start from a form rather than a document:
 *   hyoka schema KIND   the JSON Schema of its documents (schema_gen.h), for editors
 *   hyoka new KIND      a complete blank document (blank.h)
 *   hyoka guide KIND    the writer's guide page of the form in Japanese (guide.h)
 * KIND is a form's name (a layout's `kind:`, a document's 様式) or its layout file's name
 * (juten). Output goes to standard output or, with -o FILE, through outfile.c; `new` never
 * replaces an existing file (it would be someone's document). */
#ifndef HY_FORM_CMD_H
#define HY_FORM_CMD_H

#include <stdbool.h>

/* True for the command words handled here. */
bool hy_form_cmd_is(const char *cmd);

/* Runs `hyoka CMD ARGS...` (argv: the arguments after the command word). Returns the exit
 * status: 0, 1 (the output could not be written), 2 (usage, unknown form, broken layout). */
int hy_form_cmd_main(const char *cmd, int argc, char **argv);

#endif
