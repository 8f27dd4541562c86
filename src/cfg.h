/* cfg.h — typed reading of configuration files (the layouts, fonts/fonts.yaml) with located
 * errors. Configuration is input too: every wrong type, unknown attribute, missing attribute
 * and out-of-range number is reported as `file:line:col: error: PREFIX: …` and the reader gets
 * a safe value back (the default, or NULL), so that a loader can keep going and report every
 * mistake of the file at once, then refuse the whole file. */
#ifndef HY_CFG_H
#define HY_CFG_H

#include "diag.h"
#include "yaml_load.h"

#include <stdbool.h>

typedef struct {
    const char *file;       /* named in messages */
    const char *prefix;     /* "layout", "fonts" */
    hy_diags *d;
    bool ok;                /* false once anything was reported */
} cfg_ctx;

/* Reports message `id` of the catalogue (msg.h) with its arguments at node `at` (its line and
 * column; the file start when NULL), after the prefix ("layout: "). */
void cfg_error(cfg_ctx *c, const yl_node *at, hy_msg_id id, ...);

/* Reports every key of map that is not in `allowed` (NULL-terminated), suggesting the closest
 * allowed one; `what` names the mapping in the message ("a group node", "page"). */
void cfg_keys(cfg_ctx *c, const yl_node *map, const char *const *allowed, const char *what);

/* The value of key in map as a mapping / list / text; NULL (and no message) when the key is
 * absent or map is NULL; NULL with a message when it has another type. */
const yl_node *cfg_map(cfg_ctx *c, const yl_node *map, const char *key);
const yl_node *cfg_seq(cfg_ctx *c, const yl_node *map, const char *key);
const char *cfg_str(cfg_ctx *c, const yl_node *map, const char *key);

/* A text node (an item of a list); NULL with a message when it is a list or a mapping. */
const char *cfg_text(cfg_ctx *c, const yl_node *n, const char *what);

/* A finite decimal number in [lo, hi]; dflt when absent or wrong (with a message). */
double cfg_num(cfg_ctx *c, const yl_node *map, const char *key, double dflt, double lo, double hi);
double cfg_num_node(cfg_ctx *c, const yl_node *n, const char *what, double dflt, double lo, double hi);
/* A whole number in [lo, hi]; dflt when absent or wrong (with a message). */
int cfg_int(cfg_ctx *c, const yl_node *map, const char *key, int dflt, int lo, int hi);
int cfg_int_node(cfg_ctx *c, const yl_node *n, const char *what, int dflt, int lo, int hi);
/* true or false; false when absent or wrong (with a message). */
bool cfg_bool(cfg_ctx *c, const yl_node *map, const char *key);

/* The closest of `names` (n entries, or NULL-terminated when n is 0) to `bad`, or NULL. */
const char *cfg_closest(const char *const *names, size_t n, const char *bad);

#endif
