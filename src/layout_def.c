/* layout_def.c — reads layouts/NAME.yaml into lay_form (see layout_def.h). A mistake in a layout
 * file is reported like a mistake in a document: file:line:col. */
#include "layout_def.h"
#include "cfg.h"
#include "infile.h"
#include "model.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_rules.h"

static const char *const KIND_NAMES[LK_COUNT_] = {
    [LK_SECTION] = "section", [LK_HEAD] = "head",     [LK_TEXT] = "text",     [LK_DATE] = "date",
    [LK_INT] = "int",         [LK_CHOICE] = "choice", [LK_CHECKS] = "checks", [LK_SPAN] = "span",
    [LK_GROUP] = "group",     [LK_RISK] = "risk",     [LK_BLOCKS] = "blocks", [LK_TABLE] = "table",
    [LK_FIELDS] = "fields",   [LK_BLOCK] = "block",   [LK_TITLE] = "title",   [LK_TOC] = "toc",
    [LK_PARAM] = "param",
};

/* Every attribute a node may carry; which kind takes which is in KIND_ATTRS. */
static const char *const NODE_ATTRS[] = {
    "kind", "key", "label", "title", "text", "bookmark", "align", "new_page", "wide", "required",
    "repeat", "multi", "value", "options", "list", "count", "count_of", "checks", "lines", "rows",
    "cells", "columns", "max", "min_rows", "ranges", "width", "labels_from", "label2_from",
    "none_option", "none_check", "governs", "expected", NULL,
};

/* What each node kind reads (docs/layout.md): the attributes it must have, and the others it
 * may have (space-separated). A fields cell and a table column also take `width` (required),
 * a table column `repeat`, `multi`, `labels_from` and `label2_from`. */
static const struct { const char *needs, *may; } KIND_ATTRS[LK_COUNT_] = {
    [LK_SECTION] = {"rows", "key title bookmark new_page expected"},
    [LK_HEAD] = {"label", "key checks rows new_page none_check governs"},
    [LK_TEXT] = {"key", "label wide required"},
    [LK_DATE] = {"key", "label wide required"},
    [LK_INT] = {"key", "label wide required"},
    [LK_CHOICE] = {"key options", "label wide required count count_of none_option governs"},
    [LK_CHECKS] = {"key list", "label wide required"},
    [LK_SPAN] = {"label rows", "value"},
    [LK_GROUP] = {"key label rows", "title max min_rows ranges required"},
    [LK_RISK] = {"label", "key rows"},
    [LK_BLOCKS] = {"key", "required"},
    [LK_TABLE] = {"key columns", "required"},
    [LK_FIELDS] = {"cells", ""},
    [LK_BLOCK] = {"key label", "value required new_page"},
    [LK_TITLE] = {"text", "align"},
    [LK_TOC] = {"label lines", ""},
    [LK_PARAM] = {"key", "value required"},
};

/* Where a node stands: a row of the body, a cell of `fields`, a column of `table`, or the
 * `value` of a span. */
typedef enum { ROLE_ROW, ROLE_CELL, ROLE_COLUMN, ROLE_VALUE } node_role;

#define MAX_DEPTH 32     /* nesting of nodes */
#define MAX_COLUMNS 16   /* of a table or a fields row (within TB_MAX_CELLS, with multi columns) */
#define MAX_GROUP 1000   /* `max` entries of a group */

const char *lay_kind_name(lay_kind k)
{
    return (unsigned)k < LK_COUNT_ ? KIND_NAMES[k] : "?";
}

typedef struct {
    lay_form *f;
    cfg_ctx cfg;
} ctx;

/* True if word is one of the space-separated words of list. */
static bool listed(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)); p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0)) return true;
    return false;
}

static bool takes(lay_kind k, node_role role, const char *attr)
{
    if (!strcmp(attr, "kind") || listed(KIND_ATTRS[k].needs, attr) || listed(KIND_ATTRS[k].may, attr))
        return true;
    if (role == ROLE_CELL || role == ROLE_COLUMN) {
        if (!strcmp(attr, "width")) return true;
        if (role == ROLE_COLUMN && listed("repeat multi labels_from label2_from", attr)) return true;
    }
    return false;
}

/* Unknown attributes, attributes the node's kind does not read, missing ones. */
static void check_attrs(ctx *c, const yl_node *m, lay_kind k, node_role role)
{
    const char *kn = KIND_NAMES[k];
    for (size_t i = 0; i < m->n; i++) {
        const char *a = m->items[i]->str;
        if (takes(k, role, a)) continue;
        bool known = false;
        for (const char *const *n = NODE_ATTRS; *n && !known; n++) known = !strcmp(*n, a);
        if (!known) {
            const char *near = cfg_closest(NODE_ATTRS, 0, a);
            if (near) cfg_error(&c->cfg, m->items[i], HY_M_CFG_UNKNOWN_ATTR_DYM, a, near);
            else cfg_error(&c->cfg, m->items[i], HY_M_CFG_UNKNOWN_ATTR, a);
            continue;
        }
        cfg_error(&c->cfg, m->items[i], HY_M_CFG_NODE_NOT_TAKES, kn,
                  role == ROLE_CELL ? hy_msg(HY_M_CFG_IN_CELLS) : role == ROLE_COLUMN ? hy_msg(HY_M_CFG_IN_COLUMNS) : "", a,
                  KIND_ATTRS[k].needs, *KIND_ATTRS[k].may ? hy_msg(HY_M_CFG_MAY_HAVE) : "", KIND_ATTRS[k].may,
                  role == ROLE_CELL || role == ROLE_COLUMN ? ", width" : "");
    }
    char want[128];
    snprintf(want, sizeof want, "%s%s", KIND_ATTRS[k].needs, role == ROLE_CELL || role == ROLE_COLUMN ? " width" : "");
    for (char *w = strtok(want, " "); w; w = strtok(NULL, " ")) {
        bool label_from_doc = !strcmp(w, "label") && role == ROLE_COLUMN && yl_get(m, "labels_from");
        if (!yl_get(m, w) && !label_from_doc)
            cfg_error(&c->cfg, m, HY_M_CFG_NODE_NEEDS, kn,
                      role == ROLE_CELL ? hy_msg(HY_M_CFG_IN_CELLS) : role == ROLE_COLUMN ? hy_msg(HY_M_CFG_IN_COLUMNS) : "", w);
    }
}

static lay_kind kind_of(ctx *c, const yl_node *map)
{
    const char *k = cfg_str(&c->cfg, map, "kind");
    if (!k) {
        if (!yl_get(map, "kind")) cfg_error(&c->cfg, map, HY_M_CFG_NO_KIND);
        return LK_COUNT_;
    }
    for (int i = 0; i < LK_COUNT_; i++)
        if (!strcmp(KIND_NAMES[i], k)) return (lay_kind)i;
    const char *s = cfg_closest(KIND_NAMES, LK_COUNT_, k);
    if (s) cfg_error(&c->cfg, yl_get(map, "kind"), HY_M_CFG_UNKNOWN_KIND_DYM, k, s);
    else cfg_error(&c->cfg, yl_get(map, "kind"), HY_M_CFG_UNKNOWN_KIND, k);
    return LK_COUNT_;
}

/* A list of texts as an arena array (NULL when absent or wrong). */
static const char **strs_of(ctx *c, const yl_node *map, const char *key, size_t *n)
{
    *n = 0;
    const yl_node *v = cfg_seq(&c->cfg, map, key);
    if (!v) return NULL;
    const char **out = hy_arena_alloc(&c->f->arena, (v->n + 1) * sizeof *out);
    char *what = hy_xasprintf("an item of '%s'", key);
    for (size_t i = 0; i < v->n; i++) {
        const char *t = cfg_text(&c->cfg, v->items[i], what);
        if (t) out[(*n)++] = t;
    }
    free(what);
    return out;
}

static const lay_options *find_options(ctx *c, const yl_node *at, const char *name)
{
    for (size_t i = 0; i < c->f->n_options; i++)
        if (!strcmp(c->f->options[i].name, name)) return &c->f->options[i];
    cfg_error(&c->cfg, at, HY_M_CFG_NO_OPTIONS, name);
    return NULL;
}

static const lay_checklist *find_checks(ctx *c, const yl_node *at, const char *name)
{
    for (size_t i = 0; i < c->f->n_checklists; i++)
        if (!strcmp(c->f->checklists[i].name, name)) return &c->f->checklists[i];
    cfg_error(&c->cfg, at, HY_M_CFG_NO_CHECKS, name);
    return NULL;
}

static lay_node *parse_node(ctx *c, const yl_node *m, int depth, node_role role);

static lay_node **parse_list(ctx *c, const yl_node *map, const char *key, size_t *n, int depth,
                             node_role role)
{
    *n = 0;
    const yl_node *seq = cfg_seq(&c->cfg, map, key);
    if (!seq) return NULL;
    if ((role == ROLE_CELL || role == ROLE_COLUMN) && seq->n > MAX_COLUMNS) {
        cfg_error(&c->cfg, seq, HY_M_CFG_TOO_WIDE, key, seq->n, MAX_COLUMNS);
        return NULL;
    }
    lay_node **out = hy_arena_alloc(&c->f->arena, (seq->n + 1) * sizeof *out);
    for (size_t i = 0; i < seq->n; i++) {
        lay_node *ln = parse_node(c, seq->items[i], depth + 1, role);
        if (ln) out[(*n)++] = ln;
    }
    return out;
}

/* `ranges: [[from, to], …]`: whole numbers 1..max, from <= to. */
static void parse_ranges(ctx *c, lay_node *ln, const yl_node *m)
{
    const yl_node *v = cfg_seq(&c->cfg, m, "ranges");
    if (!v) return;
    ln->ranges = hy_arena_alloc(&c->f->arena, (v->n + 1) * sizeof *ln->ranges);
    int hi = ln->max ? ln->max : MAX_GROUP;
    for (size_t i = 0; i < v->n; i++) {
        const yl_node *r = v->items[i];
        if (r->kind != YL_SEQ || r->n != 2) {
            cfg_error(&c->cfg, r, HY_M_CFG_RANGE_SHAPE);
            continue;
        }
        int a = cfg_int_node(&c->cfg, r->items[0], "a range's start", 0, 1, hi);
        int b = cfg_int_node(&c->cfg, r->items[1], "a range's end", 0, 1, hi);
        if (!a || !b) continue;
        if (a > b) {
            cfg_error(&c->cfg, r, HY_M_CFG_RANGE_ORDER);
            continue;
        }
        ln->ranges[ln->n_ranges][0] = a;
        ln->ranges[ln->n_ranges][1] = b;
        ln->n_ranges++;
    }
}

static void parse_refs(ctx *c, lay_node *ln, const yl_node *m)
{
    const char *opt = cfg_str(&c->cfg, m, "options");
    if (opt) ln->options = find_options(c, yl_get(m, "options"), opt);
    const char *list = cfg_str(&c->cfg, m, "list");
    if (list) ln->checks = find_checks(c, yl_get(m, "list"), list);
    if (ln->kind == LK_CHOICE && !ln->options) c->cfg.ok = false;
    if (ln->kind == LK_CHECKS && !ln->checks) c->cfg.ok = false;
}

static void parse_value(ctx *c, lay_node *ln, const yl_node *m, int depth)
{
    const yl_node *value = yl_get(m, "value");
    ln->value_kind = LK_TEXT;
    if (!value) return;
    if (ln->kind == LK_SPAN) {
        if (value->kind == YL_MAP) ln->value = parse_node(c, value, depth + 1, ROLE_VALUE);
        else cfg_error(&c->cfg, value, HY_M_CFG_SPAN_VALUE);
    } else if (value->kind == YL_SCALAR && !strcmp(value->str, "date")) {
        ln->value_kind = LK_DATE;
    } else {
        cfg_error(&c->cfg, value, HY_M_CFG_VALUE_DATE, KIND_NAMES[ln->kind]);
    }
}

/* Kinds that make a cell of `fields`, a column of `table`, or a span's own value row. */
static bool fits_role(lay_kind k, node_role role)
{
    if (role == ROLE_CELL || role == ROLE_COLUMN) return k == LK_TEXT || k == LK_DATE || k == LK_INT;
    if (role == ROLE_VALUE) return k == LK_TEXT || k == LK_DATE || k == LK_INT || k == LK_CHOICE || k == LK_CHECKS;
    return true;
}

/* NULL when m is not a node at all (reported). */
static lay_node *parse_node(ctx *c, const yl_node *m, int depth, node_role role)
{
    if (m->kind != YL_MAP) {
        cfg_error(&c->cfg, m, HY_M_CFG_NODE_NOT_MAP, yl_kind_name(m->kind));
        return NULL;
    }
    if (depth > MAX_DEPTH) {
        cfg_error(&c->cfg, m, HY_M_CFG_TOO_DEEP, MAX_DEPTH);
        return NULL;
    }
    lay_kind k = kind_of(c, m);
    if (k == LK_COUNT_) return NULL;
    if (!fits_role(k, role)) {
        cfg_error(&c->cfg, yl_get(m, "kind"), HY_M_CFG_NODE_CANNOT_BE, KIND_NAMES[k],
                  hy_msg(role == ROLE_CELL ? HY_M_CFG_ROLE_CELL : role == ROLE_COLUMN ? HY_M_CFG_ROLE_COLUMN : HY_M_CFG_ROLE_VALUE));
        return NULL;
    }
    check_attrs(c, m, k, role);
    lay_node *ln = hy_arena_alloc(&c->f->arena, sizeof *ln);
    ln->line = m->line;
    ln->col = m->col;
    ln->kind = k;
    ln->key = cfg_str(&c->cfg, m, "key");
    ln->label = cfg_str(&c->cfg, m, "label");
    ln->title = cfg_str(&c->cfg, m, "title");
    ln->text = cfg_str(&c->cfg, m, "text");
    ln->bookmark = cfg_str(&c->cfg, m, "bookmark");
    ln->align = cfg_str(&c->cfg, m, "align");
    if (ln->align && strcmp(ln->align, "left") && strcmp(ln->align, "center"))
        cfg_error(&c->cfg, yl_get(m, "align"), HY_M_CFG_ALIGN, ln->align);
    ln->new_page = cfg_bool(&c->cfg, m, "new_page");
    ln->wide = cfg_bool(&c->cfg, m, "wide");
    ln->required = cfg_bool(&c->cfg, m, "required");
    ln->repeat = cfg_bool(&c->cfg, m, "repeat");
    ln->multi = cfg_bool(&c->cfg, m, "multi");
    ln->count_key = cfg_str(&c->cfg, m, "count");
    ln->count_of = cfg_str(&c->cfg, m, "count_of");
    ln->labels_from = cfg_str(&c->cfg, m, "labels_from");
    ln->label2_from = cfg_str(&c->cfg, m, "label2_from");
    if (ln->multi && !ln->labels_from) cfg_error(&c->cfg, m, HY_M_CFG_MULTI_LABELS);
    ln->max = cfg_int(&c->cfg, m, "max", 0, 1, MAX_GROUP);
    ln->min_rows = cfg_int(&c->cfg, m, "min_rows", 0, 0, 100);
    ln->width = cfg_num(&c->cfg, m, "width", 0, 0.01, 1);
    parse_refs(c, ln, m);
    parse_ranges(c, ln, m);
    ln->lines = strs_of(c, m, "lines", &ln->n_lines);
    ln->head_checks = strs_of(c, m, "checks", &ln->n_head_checks);
    ln->expected = cfg_bool(&c->cfg, m, "expected");
    ln->none_option = cfg_str(&c->cfg, m, "none_option");
    ln->none_check = cfg_str(&c->cfg, m, "none_check");
    ln->governs = strs_of(c, m, "governs", &ln->n_governs);
    lay_rules_node(&c->cfg, ln, m);
    parse_value(c, ln, m, depth);
    if (ln->kind == LK_GROUP) ln->title_key = ln->title;
    node_role sub = ln->kind == LK_FIELDS ? ROLE_CELL : ln->kind == LK_TABLE ? ROLE_COLUMN : ROLE_ROW;
    const char *children = sub == ROLE_CELL ? "cells" : sub == ROLE_COLUMN ? "columns" : "rows";
    ln->rows = parse_list(c, m, children, &ln->n_rows, depth, sub);
    if (sub != ROLE_ROW) {
        double sum = 0;
        for (size_t i = 0; i < ln->n_rows; i++) sum += ln->rows[i]->width;
        if (sum > 1.001) cfg_error(&c->cfg, yl_get(m, children), HY_M_CFG_WIDTH_SUM, children, sum);
        size_t cells = 0;  /* across the page, with each multi column at its most headings */
        for (size_t i = 0; i < ln->n_rows; i++) cells += ln->rows[i]->multi ? HY_MAX_HEADINGS : 1;
        if (cells > TB_MAX_CELLS)
            cfg_error(&c->cfg, yl_get(m, children), HY_M_CFG_TOO_MANY_CELLS, children, cells, HY_MAX_HEADINGS, TB_MAX_CELLS);
    }
    return ln;
}

static void parse_option_list(ctx *c, lay_options *o, const yl_node *key, const yl_node *v)
{
    static const char *const OPTION_ATTRS[] = {"text", "variants", NULL};
    o->name = key->str;
    if (v->kind != YL_SEQ) {
        cfg_error(&c->cfg, v, HY_M_CFG_OPTIONS_NOT_LIST, key->str);
        return;
    }
    o->opts = hy_arena_alloc(&c->f->arena, (v->n + 1) * sizeof *o->opts);
    for (size_t i = 0; i < v->n; i++) {
        const yl_node *it = v->items[i];
        lay_option *op = &o->opts[o->n];
        if (it->kind == YL_SCALAR) {
            op->text = it->str;
        } else if (it->kind == YL_MAP && yl_get(it, "text")) {
            cfg_keys(&c->cfg, it, OPTION_ATTRS, "an option");
            op->text = cfg_str(&c->cfg, it, "text");
            op->variants = strs_of(c, it, "variants", &op->n_variants);
        } else {
            cfg_error(&c->cfg, it, HY_M_CFG_OPTION_SHAPE);
        }
        if (op->text) o->n++;
    }
}

static void add_check(ctx *c, lay_checklist *cl, const yl_node *it, const char *group)
{
    static const char *const CHECK_ATTRS[] = {"label", "paren", "wide", "suffix", NULL};
    lay_check *ck = &cl->items[cl->n];
    ck->group = group;
    if (it->kind == YL_SCALAR) {
        ck->label = it->str;
    } else if (it->kind == YL_MAP && yl_get(it, "label")) {
        cfg_keys(&c->cfg, it, CHECK_ATTRS, "a checkbox item");
        ck->label = cfg_str(&c->cfg, it, "label");
        ck->paren = cfg_bool(&c->cfg, it, "paren");
        ck->wide = cfg_bool(&c->cfg, it, "wide");
        ck->suffix = cfg_str(&c->cfg, it, "suffix");
    } else {
        cfg_error(&c->cfg, it, HY_M_CFG_CHECK_SHAPE);
    }
    if (ck->label) cl->n++;
}

static size_t count_items(const yl_node *v)
{
    const yl_node *items = yl_get(v, "items");
    size_t n = items && items->kind == YL_SEQ ? items->n : 0;
    const yl_node *groups = yl_get(v, "groups");
    for (size_t g = 0; groups && groups->kind == YL_SEQ && g < groups->n; g++) {
        const yl_node *gi = yl_get(groups->items[g], "items");
        n += gi && gi->kind == YL_SEQ ? gi->n : 0;
    }
    return n;
}

static void parse_items(ctx *c, lay_checklist *cl, const yl_node *map, const char *group)
{
    const yl_node *items = cfg_seq(&c->cfg, map, "items");
    for (size_t i = 0; items && i < items->n; i++) add_check(c, cl, items->items[i], group);
}

static void parse_checklist(ctx *c, lay_checklist *cl, const yl_node *key, const yl_node *v)
{
    static const char *const LIST_ATTRS[] = {"columns", "items", "groups", "variants", NULL};
    static const char *const GROUP_ATTRS[] = {"heading", "items", NULL};
    cl->name = key->str;
    cl->columns = 1;
    if (v->kind != YL_MAP) {
        cfg_error(&c->cfg, v, HY_M_CFG_CHECKS_NOT_MAP, key->str);
        return;
    }
    cfg_keys(&c->cfg, v, LIST_ATTRS, "a checkbox list");
    cl->columns = cfg_int(&c->cfg, v, "columns", 1, 1, 6);
    cl->items = hy_arena_alloc(&c->f->arena, (count_items(v) + 1) * sizeof *cl->items);
    parse_items(c, cl, v, NULL);
    const yl_node *groups = cfg_seq(&c->cfg, v, "groups");
    for (size_t g = 0; groups && g < groups->n; g++) {
        const yl_node *gr = groups->items[g];
        if (gr->kind != YL_MAP) {
            cfg_error(&c->cfg, gr, HY_M_CFG_CHECK_GROUP_SHAPE);
            continue;
        }
        cfg_keys(&c->cfg, gr, GROUP_ATTRS, "a group of checkbox items");
        const char *heading = cfg_str(&c->cfg, gr, "heading");
        if (!yl_get(gr, "items")) cfg_error(&c->cfg, gr, HY_M_CFG_CHECK_GROUP_ITEMS);
        parse_items(c, cl, gr, heading);
    }
    if (!cl->n && c->cfg.ok) cfg_error(&c->cfg, v, HY_M_CFG_CHECKS_EMPTY, key->str);
    const yl_node *var = cfg_map(&c->cfg, v, "variants");
    if (!var) return;
    cl->variant_from = hy_arena_alloc(&c->f->arena, (var->n + 1) * sizeof(char *));
    cl->variant_to = hy_arena_alloc(&c->f->arena, (var->n + 1) * sizeof(char *));
    for (size_t i = 0; i < var->n; i++) {
        const char *to = cfg_text(&c->cfg, var->vals[i], "a variant's item");
        if (!to) continue;
        cl->variant_from[cl->n_variants] = var->items[i]->str;
        cl->variant_to[cl->n_variants++] = to;
    }
}

static void parse_tables(ctx *c, const yl_node *root)
{
    const yl_node *opts = cfg_map(&c->cfg, root, "options");
    if (opts) {
        c->f->options = hy_arena_alloc(&c->f->arena, (opts->n + 1) * sizeof *c->f->options);
        for (size_t i = 0; i < opts->n; i++)
            parse_option_list(c, &c->f->options[c->f->n_options++], opts->items[i], opts->vals[i]);
    }
    const yl_node *checks = cfg_map(&c->cfg, root, "checks");
    if (checks) {
        c->f->checklists = hy_arena_alloc(&c->f->arena, (checks->n + 1) * sizeof *c->f->checklists);
        for (size_t i = 0; i < checks->n; i++)
            parse_checklist(c, &c->f->checklists[c->f->n_checklists++], checks->items[i],
                            checks->vals[i]);
    }
}

/* A text of a mapping, or dflt. */
static const char *text_or(ctx *c, const yl_node *map, const char *key, const char *dflt)
{
    const char *v = cfg_str(&c->cfg, map, key);
    return v ? v : dflt;
}

/* page: A4 portrait or landscape; margins leave a text area of at least MIN_TEXT_AREA pt. */
#define MIN_TEXT_AREA 200.0

static void parse_page(ctx *c, const yl_node *root)
{
    static const char *const PAGE_ATTRS[] = {"size", "orientation", "margin", NULL};
    lay_form *f = c->f;
    const yl_node *page = cfg_map(&c->cfg, root, "page");
    cfg_keys(&c->cfg, page, PAGE_ATTRS, "page");
    f->page_w = 595.276;
    f->page_h = 841.89;
    const char *size = cfg_str(&c->cfg, page, "size");
    if (size && strcmp(size, "A4")) cfg_error(&c->cfg, yl_get(page, "size"), HY_M_CFG_PAGE_SIZE, size);
    const char *orient = cfg_str(&c->cfg, page, "orientation");
    if (orient && !strcmp(orient, "landscape")) {
        f->page_w = 841.89;
        f->page_h = 595.276;
    } else if (orient && strcmp(orient, "portrait")) {
        cfg_error(&c->cfg, yl_get(page, "orientation"), HY_M_CFG_ORIENTATION, orient);
    }
    double dm[4] = {36, 40, 40, 40};
    memcpy(f->margin, dm, sizeof dm);
    const yl_node *m = cfg_seq(&c->cfg, page, "margin");
    if (m && m->n != 4) cfg_error(&c->cfg, m, HY_M_CFG_MARGIN_SHAPE);
    for (int i = 0; m && m->n == 4 && i < 4; i++)
        f->margin[i] = cfg_num_node(&c->cfg, m->items[i], "a margin (pt)", dm[i], 0, 300);
    if (f->page_w - f->margin[1] - f->margin[3] < MIN_TEXT_AREA || f->page_h - f->margin[0] - f->margin[2] < MIN_TEXT_AREA)
        cfg_error(&c->cfg, m, HY_M_CFG_MARGIN_TOO_BIG, MIN_TEXT_AREA);
}

static void parse_text(ctx *c, const yl_node *root)
{
    static const char *const FONTS_ATTRS[] = {"text", NULL};  /* every text is set in one role */
    static const char *const TEXT_ATTRS[] = {"size", "small", "title", "section", "leading", "markup", NULL};
    static const char *const COLUMN_ATTRS[] = {"label", "sublabel", NULL};
    lay_form *f = c->f;
    const yl_node *fonts = cfg_map(&c->cfg, root, "fonts");
    cfg_keys(&c->cfg, fonts, FONTS_ATTRS, "fonts");
    f->font_role = text_or(c, fonts, "text", "gothic");
    if (!*f->font_role || !strcmp(f->font_role, "fallback"))
        cfg_error(&c->cfg, yl_get(fonts, "text"), HY_M_CFG_TEXT_ROLE);
    const yl_node *t = cfg_map(&c->cfg, root, "text");
    cfg_keys(&c->cfg, t, TEXT_ATTRS, "text");
    f->size = cfg_num(&c->cfg, t, "size", 9, 7, 36);
    f->small = cfg_num(&c->cfg, t, "small", 7.5, 7, 36);
    f->title_size = cfg_num(&c->cfg, t, "title", 16, 7, 72);
    f->section_size = cfg_num(&c->cfg, t, "section", 12, 7, 72);
    f->leading = cfg_num(&c->cfg, t, "leading", 1.45, 1, 3);
    const char *markup = cfg_str(&c->cfg, t, "markup");
    f->underline_markup = markup && !strcmp(markup, "underline");
    if (markup && !f->underline_markup)
        cfg_error(&c->cfg, yl_get(t, "markup"), HY_M_CFG_MARKUP, markup);
    const yl_node *cols = cfg_map(&c->cfg, root, "columns");
    cfg_keys(&c->cfg, cols, COLUMN_ATTRS, "columns");
    f->col_label = cfg_num(&c->cfg, cols, "label", 0.22, 0.05, 0.5);
    f->col_sublabel = cfg_num(&c->cfg, cols, "sublabel", 0.16, 0.05, 0.5);
    if (f->col_label + f->col_sublabel > 0.8)
        cfg_error(&c->cfg, cols, HY_M_CFG_LABEL_COLUMNS);
}

static void parse_marks(ctx *c, const yl_node *root)
{
    static const char *const ERA_ATTRS[] = {"first_year", NULL};
    static const char *const MARK_ATTRS[] = {"checked", "unchecked", "options", "count", "empty_choice", "range", NULL};
    static const char *const META_ATTRS[] = {"title", "title_format", "author", "date", "subject", NULL};
    lay_form *f = c->f;
    const yl_node *era = cfg_map(&c->cfg, root, "era");
    cfg_keys(&c->cfg, era, ERA_ATTRS, "era");
    f->gannen = text_or(c, era, "first_year", "元年");
    f->continued = text_or(c, root, "continued", "（続き）");
    const yl_node *marks = cfg_map(&c->cfg, root, "marks");
    cfg_keys(&c->cfg, marks, MARK_ATTRS, "marks");
    f->mark_checked = text_or(c, marks, "checked", "[x]");
    f->mark_unchecked = text_or(c, marks, "unchecked", "[ ]");
    f->mark_options = text_or(c, marks, "options", "");
    f->mark_count = text_or(c, marks, "count", "({})");
    f->mark_empty_choice = text_or(c, marks, "empty_choice", "[ ]");
    f->mark_range = text_or(c, marks, "range", "-");
    if (!strstr(f->mark_count, "{}")) cfg_error(&c->cfg, yl_get(marks, "count"), HY_M_CFG_COUNT_MARK);
    const yl_node *meta = cfg_map(&c->cfg, root, "meta");
    cfg_keys(&c->cfg, meta, META_ATTRS, "meta");
    f->meta_title = cfg_str(&c->cfg, meta, "title");
    f->meta_title_format = cfg_str(&c->cfg, meta, "title_format");
    f->meta_author = cfg_str(&c->cfg, meta, "author");
    f->meta_date = cfg_str(&c->cfg, meta, "date");
    f->meta_subject = cfg_str(&c->cfg, meta, "subject");
}

bool lay_load(const char *path, lay_form *f, hy_diags *d)
{
    static const char *const TOP_ATTRS[] = {"kind", "page", "fonts", "text", "columns", "era", "continued",
                                            "marks", "meta", "options", "checks", "body", NULL};
    *f = (lay_form){0};
    f->path = path;
    f->src = hy_xcalloc(1, sizeof *f->src);
    if (!yl_load_regular(path, f->src, d)) return false;
    ctx c = {f, {path, "layout", d, true}};
    const yl_node *root = f->src->root;
    if (!root || root->kind != YL_MAP) {
        cfg_error(&c.cfg, root, HY_M_CFG_FILE_SHAPE);
        return false;
    }
    cfg_keys(&c.cfg, root, TOP_ATTRS, "the layout");
    f->kind = cfg_str(&c.cfg, root, "kind");
    if (!f->kind && !yl_get(root, "kind")) cfg_error(&c.cfg, root, HY_M_CFG_NO_FORM_KIND);
    parse_page(&c, root);
    parse_text(&c, root);
    parse_marks(&c, root);
    parse_tables(&c, root);
    f->root.kind = LK_SECTION;
    f->root.rows = parse_list(&c, root, "body", &f->root.n_rows, 0, ROLE_ROW);
    if (!f->root.n_rows && c.cfg.ok) cfg_error(&c.cfg, root, HY_M_CFG_BODY_EMPTY);
    if (c.cfg.ok) lay_rules_tree(&c.cfg, &f->root);
    return c.cfg.ok;
}

void lay_free(lay_form *f)
{
    hy_arena_free(&f->arena);
    if (f->src) yl_free(f->src);
    free(f->src);
    *f = (lay_form){0};
}
