/* layout_def.c — reads layouts/NAME.yaml into lay_form (see layout_def.h). A mistake in a layout
 * file is reported like a mistake in a document: file:line:col. */
#include "layout_def.h"
#include "infile.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const KIND_NAMES[LK_COUNT_] = {
    [LK_SECTION] = "section", [LK_HEAD] = "head",     [LK_TEXT] = "text",     [LK_DATE] = "date",
    [LK_INT] = "int",         [LK_CHOICE] = "choice", [LK_CHECKS] = "checks", [LK_SPAN] = "span",
    [LK_GROUP] = "group",     [LK_RISK] = "risk",     [LK_BLOCKS] = "blocks", [LK_TABLE] = "table",
    [LK_FIELDS] = "fields",   [LK_BLOCK] = "block",   [LK_TITLE] = "title",   [LK_TOC] = "toc",
    [LK_PARAM] = "param",
};

/* Attributes a node may carry; anything else in a layout node is reported. */
static const char *const NODE_ATTRS[] = {
    "kind", "key", "label", "title", "text", "bookmark", "align", "new_page", "wide", "required",
    "repeat", "multi", "value", "options", "list", "count", "count_of", "checks", "lines", "rows",
    "cells", "columns", "max", "min_rows", "ranges", "width", "labels_from", "label2_from", NULL,
};

const char *lay_kind_name(lay_kind k)
{
    return (unsigned)k < LK_COUNT_ ? KIND_NAMES[k] : "?";
}

/* Edit distance of two short ASCII names (layout attributes and kinds), capped at 9. */
static int name_distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 31 || nb > 31) return 9;
    int row[32];
    for (size_t j = 0; j <= nb; j++) row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

/* The closest of `names` (n entries, or NULL-terminated when n is 0) to `bad`, or NULL. */
static const char *closest(const char *const *names, size_t n, const char *bad)
{
    const char *best = NULL;
    int best_d = 3;
    for (size_t i = 0; n ? i < n : names[i] != NULL; i++) {
        int d = name_distance(bad, names[i]);
        if (d < best_d) { best_d = d; best = names[i]; }
    }
    return best;
}

typedef struct {
    lay_form *f;
    hy_diags *d;
    bool ok;
} ctx;

static void bad(ctx *c, const yl_node *n, const char *msg, const char *arg)
{
    hy_diag_add(c->d, c->f->path, n ? n->line : 0, n ? n->col : 0, msg, arg);
    c->ok = false;
}

static const char *str_of(ctx *c, const yl_node *map, const char *key)
{
    yl_node *v = yl_get(map, key);
    if (!v) return NULL;
    if (v->kind != YL_SCALAR) {
        bad(c, v, "layout: '%s' must be a text", key);
        return NULL;
    }
    return v->str;
}

static double num_of(ctx *c, const yl_node *map, const char *key, double dflt)
{
    const char *s = str_of(c, map, key);
    if (!s) return dflt;
    char *end;
    double v = strtod(s, &end);  /* layout numbers are plain decimals with '.' */
    if (*end || end == s) bad(c, yl_get(map, key), "layout: '%s' must be a number", key);
    return v;
}

static bool bool_of(ctx *c, const yl_node *map, const char *key)
{
    const char *s = str_of(c, map, key);
    if (!s) return false;
    if (!strcmp(s, "true")) return true;
    if (!strcmp(s, "false")) return false;
    bad(c, yl_get(map, key), "layout: '%s' must be true or false", key);
    return false;
}

/* A list of texts (or a single text) as a NULL-free array. */
static const char **strs_of(ctx *c, const yl_node *v, size_t *n)
{
    *n = 0;
    if (!v) return NULL;
    if (v->kind != YL_SEQ) {
        bad(c, v, "layout: expected a list%s", "");
        return NULL;
    }
    const char **out = hy_arena_alloc(&c->f->arena, (v->n + 1) * sizeof *out);
    for (size_t i = 0; i < v->n; i++) {
        if (v->items[i]->kind != YL_SCALAR) bad(c, v->items[i], "layout: expected a text%s", "");
        else out[(*n)++] = v->items[i]->str;
    }
    return out;
}

static lay_kind kind_of(ctx *c, const yl_node *map)
{
    const char *k = str_of(c, map, "kind");
    if (!k) {
        bad(c, map, "layout: node has no 'kind'%s", "");
        return LK_TEXT;
    }
    for (int i = 0; i < LK_COUNT_; i++)
        if (!strcmp(KIND_NAMES[i], k)) return (lay_kind)i;
    const yl_node *at = yl_get(map, "kind");
    const char *s = closest(KIND_NAMES, LK_COUNT_, k);
    if (s) hy_diag_add(c->d, c->f->path, at->line, at->col, "layout: unknown node kind '%s'; did you mean '%s'?", k, s);
    else bad(c, at, "layout: unknown node kind '%s'", k);
    c->ok = false;
    return LK_TEXT;
}

static const lay_options *find_options(ctx *c, const yl_node *at, const char *name)
{
    for (size_t i = 0; i < c->f->n_options; i++)
        if (!strcmp(c->f->options[i].name, name)) return &c->f->options[i];
    bad(c, at, "layout: no option list named '%s' in 'options'", name);
    return NULL;
}

static const lay_checklist *find_checks(ctx *c, const yl_node *at, const char *name)
{
    for (size_t i = 0; i < c->f->n_checklists; i++)
        if (!strcmp(c->f->checklists[i].name, name)) return &c->f->checklists[i];
    bad(c, at, "layout: no checkbox list named '%s' in 'checks'", name);
    return NULL;
}

static lay_node *parse_node(ctx *c, const yl_node *m, int depth);

static lay_node **parse_list(ctx *c, const yl_node *seq, size_t *n, int depth)
{
    *n = 0;
    if (!seq) return NULL;
    if (seq->kind != YL_SEQ) {
        bad(c, seq, "layout: expected a list of nodes%s", "");
        return NULL;
    }
    lay_node **out = hy_arena_alloc(&c->f->arena, (seq->n + 1) * sizeof *out);
    for (size_t i = 0; i < seq->n; i++) out[(*n)++] = parse_node(c, seq->items[i], depth + 1);
    return out;
}

static void parse_ranges(ctx *c, lay_node *ln, const yl_node *v)
{
    if (!v) return;
    if (v->kind != YL_SEQ) {
        bad(c, v, "layout: 'ranges' must be a list of [from, to]%s", "");
        return;
    }
    ln->ranges = hy_arena_alloc(&c->f->arena, (v->n + 1) * sizeof *ln->ranges);
    for (size_t i = 0; i < v->n; i++) {
        const yl_node *r = v->items[i];
        if (r->kind != YL_SEQ || r->n != 2 || r->items[0]->kind != YL_SCALAR ||
            r->items[1]->kind != YL_SCALAR) {
            bad(c, r, "layout: a range must be [from, to]%s", "");
            continue;
        }
        ln->ranges[ln->n_ranges][0] = atoi(r->items[0]->str);
        ln->ranges[ln->n_ranges][1] = atoi(r->items[1]->str);
        ln->n_ranges++;
    }
}

static void check_attrs(ctx *c, const yl_node *m)
{
    for (size_t i = 0; i < m->n; i++) {
        bool known = false;
        for (const char *const *a = NODE_ATTRS; *a && !known; a++) known = !strcmp(*a, m->items[i]->str);
        if (known) continue;
        const char *s = closest(NODE_ATTRS, 0, m->items[i]->str);
        if (s) hy_diag_add(c->d, c->f->path, m->items[i]->line, m->items[i]->col,
                           "layout: unknown attribute '%s'; did you mean '%s'?", m->items[i]->str, s);
        else bad(c, m->items[i], "layout: unknown attribute '%s'", m->items[i]->str);
        c->ok = false;
    }
}

static void parse_refs(ctx *c, lay_node *ln, const yl_node *m)
{
    const char *opt = str_of(c, m, "options");
    if (opt) ln->options = find_options(c, yl_get(m, "options"), opt);
    const char *list = str_of(c, m, "list");
    if (list) ln->checks = find_checks(c, yl_get(m, "list"), list);
    if (ln->kind == LK_CHOICE && !opt) bad(c, m, "layout: a choice needs 'options'%s", "");
    if (ln->kind == LK_CHECKS && !list) bad(c, m, "layout: checks need 'list'%s", "");
}

static lay_node *parse_node(ctx *c, const yl_node *m, int depth)
{
    lay_node *ln = hy_arena_alloc(&c->f->arena, sizeof *ln);
    if (m->kind != YL_MAP) {
        bad(c, m, "layout: a node must be a mapping%s", "");
        return ln;
    }
    if (depth > 32) {
        bad(c, m, "layout: nodes nested too deeply%s", "");
        return ln;
    }
    check_attrs(c, m);
    ln->line = m->line;
    ln->col = m->col;
    ln->kind = kind_of(c, m);
    ln->key = str_of(c, m, "key");
    ln->label = str_of(c, m, "label");
    ln->title = str_of(c, m, "title");
    ln->text = str_of(c, m, "text");
    ln->bookmark = str_of(c, m, "bookmark");
    ln->align = str_of(c, m, "align");
    ln->new_page = bool_of(c, m, "new_page");
    ln->wide = bool_of(c, m, "wide");
    ln->required = bool_of(c, m, "required");
    ln->repeat = bool_of(c, m, "repeat");
    ln->multi = bool_of(c, m, "multi");
    ln->count_key = str_of(c, m, "count");
    ln->count_of = str_of(c, m, "count_of");
    ln->labels_from = str_of(c, m, "labels_from");
    ln->label2_from = str_of(c, m, "label2_from");
    ln->max = (int)num_of(c, m, "max", 0);
    ln->min_rows = (int)num_of(c, m, "min_rows", 0);
    if (ln->min_rows < 0 || ln->min_rows > 100) bad(c, yl_get(m, "min_rows"), "layout: 'min_rows' must be 0 to 100%s", "");
    ln->width = num_of(c, m, "width", 0);
    parse_refs(c, ln, m);
    parse_ranges(c, ln, yl_get(m, "ranges"));
    ln->lines = strs_of(c, yl_get(m, "lines"), &ln->n_lines);
    ln->head_checks = strs_of(c, yl_get(m, "checks"), &ln->n_head_checks);
    yl_node *value = yl_get(m, "value");
    ln->value_kind = LK_TEXT;
    if (value && value->kind == YL_MAP) ln->value = parse_node(c, value, depth + 1);
    else if (value && value->kind == YL_SCALAR && !strcmp(value->str, "date")) ln->value_kind = LK_DATE;
    else if (value) bad(c, value, "layout: 'value' must be a node or 'date'%s", "");
    if (ln->kind == LK_GROUP) ln->title_key = str_of(c, m, "title");
    const char *children = ln->kind == LK_FIELDS ? "cells" : ln->kind == LK_TABLE ? "columns" : "rows";
    ln->rows = parse_list(c, yl_get(m, children), &ln->n_rows, depth);
    return ln;
}

static void parse_option_list(ctx *c, lay_options *o, const yl_node *key, const yl_node *v)
{
    o->name = key->str;
    if (v->kind != YL_SEQ) {
        bad(c, v, "layout: option list '%s' must be a list", key->str);
        return;
    }
    o->opts = hy_arena_alloc(&c->f->arena, (v->n + 1) * sizeof *o->opts);
    for (size_t i = 0; i < v->n; i++) {
        const yl_node *it = v->items[i];
        lay_option *op = &o->opts[o->n++];
        if (it->kind == YL_SCALAR) {
            op->text = it->str;
        } else if (it->kind == YL_MAP && yl_get(it, "text")) {
            op->text = str_of(c, it, "text");
            op->variants = strs_of(c, yl_get(it, "variants"), &op->n_variants);
        } else {
            bad(c, it, "layout: an option is a text or {text, variants}%s", "");
            op->text = "";
        }
    }
}

static void add_check(ctx *c, lay_checklist *cl, const yl_node *it, const char *group)
{
    lay_check *ck = &cl->items[cl->n++];
    ck->group = group;
    if (it->kind == YL_SCALAR) {
        ck->label = it->str;
        return;
    }
    if (it->kind != YL_MAP || !yl_get(it, "label")) {
        bad(c, it, "layout: a checkbox item is a text or {label, paren, wide, suffix}%s", "");
        ck->label = "";
        return;
    }
    ck->label = str_of(c, it, "label");
    ck->paren = bool_of(c, it, "paren");
    ck->wide = bool_of(c, it, "wide");
    ck->suffix = str_of(c, it, "suffix");
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

static void parse_items(ctx *c, lay_checklist *cl, const yl_node *items, const char *group)
{
    if (!items) return;
    if (items->kind != YL_SEQ) {
        bad(c, items, "layout: 'items' must be a list%s", "");
        return;
    }
    for (size_t i = 0; i < items->n; i++) add_check(c, cl, items->items[i], group);
}

static void parse_checklist(ctx *c, lay_checklist *cl, const yl_node *key, const yl_node *v)
{
    cl->name = key->str;
    if (v->kind != YL_MAP) {
        bad(c, v, "layout: checkbox list '%s' must be a mapping", key->str);
        return;
    }
    cl->columns = (int)num_of(c, v, "columns", 1);
    if (cl->columns < 1 || cl->columns > 6) bad(c, v, "layout: 'columns' must be 1 to 6%s", "");
    cl->items = hy_arena_alloc(&c->f->arena, (count_items(v) + 1) * sizeof *cl->items);
    parse_items(c, cl, yl_get(v, "items"), NULL);
    const yl_node *groups = yl_get(v, "groups");
    for (size_t g = 0; groups && groups->kind == YL_SEQ && g < groups->n; g++)
        parse_items(c, cl, yl_get(groups->items[g], "items"), str_of(c, groups->items[g], "heading"));
    const yl_node *var = yl_get(v, "variants");
    if (var && var->kind == YL_MAP) {
        cl->variant_from = hy_arena_alloc(&c->f->arena, (var->n + 1) * sizeof(char *));
        cl->variant_to = hy_arena_alloc(&c->f->arena, (var->n + 1) * sizeof(char *));
        for (size_t i = 0; i < var->n; i++) {
            if (var->vals[i]->kind != YL_SCALAR) continue;
            cl->variant_from[cl->n_variants] = var->items[i]->str;
            cl->variant_to[cl->n_variants++] = var->vals[i]->str;
        }
    }
}

static void parse_tables(ctx *c, const yl_node *root)
{
    const yl_node *opts = yl_get(root, "options");
    if (opts && opts->kind == YL_MAP) {
        c->f->options = hy_arena_alloc(&c->f->arena, (opts->n + 1) * sizeof *c->f->options);
        for (size_t i = 0; i < opts->n; i++)
            parse_option_list(c, &c->f->options[c->f->n_options++], opts->items[i], opts->vals[i]);
    }
    const yl_node *checks = yl_get(root, "checks");
    if (checks && checks->kind == YL_MAP) {
        c->f->checklists = hy_arena_alloc(&c->f->arena, (checks->n + 1) * sizeof *c->f->checklists);
        for (size_t i = 0; i < checks->n; i++)
            parse_checklist(c, &c->f->checklists[c->f->n_checklists++], checks->items[i],
                            checks->vals[i]);
    }
}

static void parse_page(ctx *c, const yl_node *root)
{
    lay_form *f = c->f;
    const yl_node *page = yl_get(root, "page");
    f->page_w = 595.276;
    f->page_h = 841.89;
    const char *orient = str_of(c, page, "orientation");
    if (orient && !strcmp(orient, "landscape")) {
        f->page_w = 841.89;
        f->page_h = 595.276;
    }
    double dm[4] = {36, 40, 40, 40};
    memcpy(f->margin, dm, sizeof dm);
    const yl_node *m = yl_get(page, "margin");
    if (m && (m->kind != YL_SEQ || m->n != 4)) bad(c, m, "layout: 'margin' must be [top, right, bottom, left]%s", "");
    for (int i = 0; m && m->kind == YL_SEQ && m->n == 4 && i < 4; i++) {
        char *end = NULL;
        const char *s = m->items[i]->kind == YL_SCALAR ? m->items[i]->str : "";
        double v = strtod(s, &end);
        if (end == s || *end || v < 0 || v > 300) bad(c, m->items[i], "layout: a margin must be a number of points from 0 to 300%s", "");
        else f->margin[i] = v;
    }
    const char *role = str_of(c, yl_get(root, "fonts"), "text");
    f->font_role = role ? role : "gothic";
    const yl_node *t = yl_get(root, "text");
    f->size = num_of(c, t, "size", 9);
    f->small = num_of(c, t, "small", 7.5);
    f->title_size = num_of(c, t, "title", 16);
    f->section_size = num_of(c, t, "section", 12);
    f->leading = num_of(c, t, "leading", 1.45);
    const char *markup = str_of(c, t, "markup");
    f->underline_markup = markup && !strcmp(markup, "underline");
    if (markup && !f->underline_markup) bad(c, yl_get(t, "markup"), "layout: text markup '%s' is not known (underline)", markup);
    const yl_node *cols = yl_get(root, "columns");
    f->col_label = num_of(c, cols, "label", 0.22);
    f->col_sublabel = num_of(c, cols, "sublabel", 0.16);
    const char *g = str_of(c, yl_get(root, "era"), "first_year");
    f->gannen = g ? g : "元年";
    const char *cont = str_of(c, root, "continued");
    f->continued = cont ? cont : "（続き）";
    const yl_node *marks = yl_get(root, "marks");
    const char *v;
    f->mark_checked = (v = str_of(c, marks, "checked")) ? v : "[x]";
    f->mark_unchecked = (v = str_of(c, marks, "unchecked")) ? v : "[ ]";
    f->mark_options = (v = str_of(c, marks, "options")) ? v : "";
    f->mark_count = (v = str_of(c, marks, "count")) ? v : "({})";
    f->mark_empty_choice = (v = str_of(c, marks, "empty_choice")) ? v : "[ ]";
    f->mark_range = (v = str_of(c, marks, "range")) ? v : "-";
    if (!strstr(f->mark_count, "{}")) bad(c, yl_get(marks, "count"), "layout: marks.count needs {} for the number%s", "");
    const yl_node *meta = yl_get(root, "meta");
    f->meta_title = str_of(c, meta, "title");
    f->meta_title_format = str_of(c, meta, "title_format");
    f->meta_author = str_of(c, meta, "author");
    f->meta_date = str_of(c, meta, "date");
    f->meta_subject = str_of(c, meta, "subject");
    if (f->size < 7 || f->small < 7)
        bad(c, t, "layout: text smaller than 7 pt does not print legibly%s", "");
}

bool lay_load(const char *path, lay_form *f, hy_diags *d)
{
    *f = (lay_form){0};
    f->path = path;
    if (!yl_load_regular(path, &f->src, d)) return false;
    ctx c = {f, d, true};
    const yl_node *root = f->src.root;
    if (!root || root->kind != YL_MAP) {
        bad(&c, root, "layout: the file must be a mapping%s", "");
        return false;
    }
    f->kind = str_of(&c, root, "kind");
    if (!f->kind) bad(&c, root, "layout: no 'kind' (the form's name)%s", "");
    parse_page(&c, root);
    parse_tables(&c, root);
    f->root.kind = LK_SECTION;
    f->root.rows = parse_list(&c, yl_get(root, "body"), &f->root.n_rows, 0);
    if (!f->root.n_rows) bad(&c, root, "layout: 'body' is empty or missing%s", "");
    return c.ok;
}

void lay_free(lay_form *f)
{
    hy_arena_free(&f->arena);
    yl_free(&f->src);
    *f = (lay_form){0};
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The `kind:` of a layout file, read from its top-level line without parsing the whole file
 * (the chosen layout is parsed, and checked, by lay_load). NULL if there is none, or if the
 * entry is not a regular file of at most YL_MAX_INPUT_BYTES (a FIFO or /dev/zero must not
 * block or stream: lay_load then reports it when that file is the one chosen). */
static char *kind_line(const char *path)
{
    hy_buf buf = {0};
    hy_diags ignored = {0};
    bool ok = hy_infile_read(path, HY_IN_REGULAR, YL_MAX_INPUT_BYTES, &buf, NULL, &ignored);
    hy_diags_free(&ignored);
    char *kind = NULL;
    for (const char *line = buf.data; ok && !kind && line && *line;) {
        size_t len = strcspn(line, "\n");
        if (!strncmp(line, "kind:", 5) && len >= 5) {
            const char *v = line + 5;
            v += strspn(v, " \t");
            size_t n = strcspn(v, "#\r\n");
            while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
            if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
                v++;
                n -= 2;
            }
            kind = hy_xmalloc(n + 1);
            memcpy(kind, v, n);
            kind[n] = 0;
        }
        line += len + (line[len] == '\n');
    }
    hy_buf_free(&buf);
    return kind;
}

bool lay_files(const char *dir, hy_vec *out)
{
    DIR *dp = opendir(dir);
    if (!dp) return false;
    struct dirent *e;
    while ((e = readdir(dp))) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml")) continue;
        char *path = hy_xmalloc(strlen(dir) + len + 2);
        sprintf(path, "%s/%s", dir, e->d_name);
        hy_vec_push(out, path);
    }
    closedir(dp);
    if (out->n) qsort(out->items, out->n, sizeof *out->items, cmp_names);
    return true;
}

bool lay_kinds(const char *dir, hy_vec *out)
{
    hy_vec files = {0};
    if (!lay_files(dir, &files)) return false;
    for (size_t i = 0; i < files.n; i++) {
        char *k = kind_line(files.items[i]);
        if (k) hy_vec_push(out, k);
        free(files.items[i]);
    }
    hy_vec_free(&files);
    return true;
}

char *lay_find(const char *dir, const char *kind)
{
    hy_vec files = {0};
    char *found = NULL;
    lay_files(dir, &files);
    for (size_t i = 0; i < files.n; i++) {
        char *k = found ? NULL : kind_line(files.items[i]);
        if (k && !strcmp(k, kind)) found = files.items[i];
        else free(files.items[i]);
        free(k);
    }
    hy_vec_free(&files);
    return found;
}
