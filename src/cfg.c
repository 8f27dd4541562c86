/* cfg.c — typed reading of configuration files with located errors (see cfg.h). */
#include "cfg.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cfg_error(cfg_ctx *c, const yl_node *at, hy_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    char *msg = hy_xvasprintf(hy_msg(id), ap);
    va_end(ap);
    hy_diag_add(c->d, c->file, at ? at->line : 1, at ? at->col : 1, "%s: %s", c->prefix, msg);  /* "layout: …" */
    free(msg);
    c->ok = false;
}

const char *cfg_closest(const char *const *names, size_t n, const char *bad)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; n ? i < n : names[i] != NULL; i++) {
        size_t d = hy_utf8_distance(bad, names[i]);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    return best;
}

void cfg_keys(cfg_ctx *c, const yl_node *map, const char *const *allowed, const char *what)
{
    if (!map || map->kind != YL_MAP) return;
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->items[i]->str;
        bool known = false;
        for (const char *const *a = allowed; *a && !known; a++) known = !strcmp(*a, k);
        if (known) continue;
        const char *s = cfg_closest(allowed, 0, k);
        if (s) cfg_error(c, map->items[i], HY_M_CFG_UNKNOWN_ATTR_IN_DYM, k, what, s);
        else cfg_error(c, map->items[i], HY_M_CFG_UNKNOWN_ATTR_IN, k, what);
    }
}

static const char *kind_article(yl_kind k)
{
    return yl_kind_name(k);
}

static const yl_node *typed(cfg_ctx *c, const yl_node *map, const char *key, yl_kind want)
{
    const yl_node *v = map && map->kind == YL_MAP ? yl_get(map, key) : NULL;
    if (!v || v->kind == want) return v;
    cfg_error(c, v, HY_M_CFG_WRONG_TYPE, key, kind_article(want), kind_article(v->kind));
    return NULL;
}

const yl_node *cfg_map(cfg_ctx *c, const yl_node *map, const char *key)
{
    return typed(c, map, key, YL_MAP);
}

const yl_node *cfg_seq(cfg_ctx *c, const yl_node *map, const char *key)
{
    return typed(c, map, key, YL_SEQ);
}

const char *cfg_str(cfg_ctx *c, const yl_node *map, const char *key)
{
    const yl_node *v = typed(c, map, key, YL_SCALAR);
    return v ? v->str : NULL;
}

const char *cfg_text(cfg_ctx *c, const yl_node *n, const char *what)
{
    if (n->kind == YL_SCALAR) return n->str;
    cfg_error(c, n, HY_M_CFG_NOT_TEXT, what, kind_article(n->kind));
    return NULL;
}

double cfg_num_node(cfg_ctx *c, const yl_node *n, const char *what, double dflt, double lo, double hi)
{
    if (!n) return dflt;
    const char *s = n->kind == YL_SCALAR ? n->str : "";
    char *end = (char *)s;
    errno = 0;
    double v = strtod(s, &end);  /* plain decimals with '.' */
    if (n->kind != YL_SCALAR || end == s || *end || errno == ERANGE || !isfinite(v) || v < lo || v > hi) {
        cfg_error(c, n, HY_M_CFG_NUMBER_RANGE, what, lo, hi);
        return dflt;
    }
    return v;
}

double cfg_num(cfg_ctx *c, const yl_node *map, const char *key, double dflt, double lo, double hi)
{
    const yl_node *n = map && map->kind == YL_MAP ? yl_get(map, key) : NULL;
    char *what = hy_xasprintf("'%s'", key);
    double v = cfg_num_node(c, n, what, dflt, lo, hi);
    free(what);
    return v;
}

int cfg_int_node(cfg_ctx *c, const yl_node *n, const char *what, int dflt, int lo, int hi)
{
    if (!n) return dflt;
    const char *s = n->kind == YL_SCALAR ? n->str : "";
    char *end = (char *)s;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (n->kind != YL_SCALAR || end == s || *end || errno == ERANGE || v < lo || v > hi) {
        cfg_error(c, n, HY_M_CFG_INT_RANGE, what, lo, hi);
        return dflt;
    }
    return (int)v;
}

int cfg_int(cfg_ctx *c, const yl_node *map, const char *key, int dflt, int lo, int hi)
{
    const yl_node *n = map && map->kind == YL_MAP ? yl_get(map, key) : NULL;
    char *what = hy_xasprintf("'%s'", key);
    int v = cfg_int_node(c, n, what, dflt, lo, hi);
    free(what);
    return v;
}

bool cfg_bool(cfg_ctx *c, const yl_node *map, const char *key)
{
    const yl_node *n = map && map->kind == YL_MAP ? yl_get(map, key) : NULL;
    if (!n) return false;
    if (n->kind == YL_SCALAR && !strcmp(n->str, "true")) return true;
    if (n->kind == YL_SCALAR && !strcmp(n->str, "false")) return false;
    cfg_error(c, n, HY_M_CFG_BOOL, key);
    return false;
}
