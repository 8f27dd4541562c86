/* diff_out.c — the changes written as 別添2 rows, a revision document or a list (see
 * diff_out.h). The keys written are those of the layouts the output goes into: the 別添2
 * table of layouts/juten.yaml and the 行 table of layouts/revision.yaml. */
#include "diff_out.h"

#include "era.h"
#include "textdiff.h"
#include "yaml_emit.h"

#include <stdlib.h>
#include <string.h>

/* What a cell says where a version prints nothing: the markers of the seeds (juten-form.md
 * §13: — for nothing before, 削除; revision-table.md §4.3: (記載なし), 変更なし). */
#define NOTHING_BEFORE "—"
#define NOTHING_AFTER "削除"
#define NOT_WRITTEN "(記載なし)"
#define UNCHANGED "変更なし"
#define TODO_TIMING HY_TODO "事前・事後のいずれか"

static void key(hy_buf *out, int indent, const char *k, const char *v)
{
    hy_buf_printf(out, "%*s%s:", indent, "", k);
    ye_scalar(out, v, indent);
}

static bool differs(const df_change *ch, size_t v)
{
    return strcmp(ch->text[v], ch->text[v - 1]) != 0;
}

/* A 別添2 row quotes a long text (more lines than this) by its changed lines, (略) for the rest,
 * as the seeds do ((略), (一部記載省略): juten-form.md §13). */
#define LONG_LINES 8

/* The texts of versions v-1 and v of change ch as a 別添2 row quotes them. */
static void row_texts(const df_change *ch, size_t v, char **before, char **after)
{
    const char *a = ch->text[v - 1], *b = ch->text[v];
    size_t na = td_line_count(a), nb = td_line_count(b);
    if (!*a || !*b || (na <= LONG_LINES && nb <= LONG_LINES)) {
        *before = hy_xstrdup(*a ? a : NOTHING_BEFORE);
        *after = hy_xstrdup(*b ? b : NOTHING_AFTER);
        return;
    }
    bool *ka = hy_xcalloc(na + 1, sizeof *ka), *kb = hy_xcalloc(nb + 1, sizeof *kb);
    td_lines_changed(a, b, ka, kb);
    *before = df_excerpt_copy(a, ka);
    bool none = true;  /* lines only removed: the new text says where, by the line after */
    for (size_t k = 0; k < nb; k++) none &= !kb[k];
    *after = none ? hy_xstrdup(b) : df_excerpt_copy(b, kb);
    free(ka), free(kb);
}

void df_write_bessou2(const df_changes *c, const df_out_info *info, hy_buf *out)
{
    size_t rows = 0;
    for (size_t v = 1; v < c->n_versions; v++)
        for (size_t i = 0; i < c->n; i++) rows += differs(&c->items[i], v);
    hy_buf_printf(out, "# hyoka diff --format bessou2: %zu 変更箇所 from %s to %s.\n", rows, info->name[0],
                  info->name[c->n_versions - 1]);
    hy_buf_puts(out, "# Append these rows to the 変更箇所 list of the new version's 別添2:\n"
                     "# 別添2:\n#   変更箇所:\n"
                     "# and write 提出時期 (事前 or 事後) and 提出時期に係る説明 where " HY_TODO " stands;\n"
                     "# `hyoka check` warns until every " HY_TODO " is replaced.\n");
    for (size_t v = 1; v < c->n_versions; v++) {
        for (size_t i = 0; i < c->n; i++) {
            const df_change *ch = &c->items[i];
            if (!differs(ch, v)) continue;
            hy_buf_puts(out, "    - 変更日:");
            ye_scalar(out, info->date[v] ? info->date[v] : HY_TODO, 6);
            /* named as the newer version numbers it (an entry after a removed one moves up) */
            hy_buf path = {0};
            const hy_item *named = ch->item[v] ? ch->item[v] : ch->item[v - 1];
            if (named) hy_item_form_path(named, &path);
            key(out, 6, "項目", path.len ? path.data : ch->path);
            hy_buf_free(&path);
            char *before, *after;
            row_texts(ch, v, &before, &after);
            key(out, 6, "変更前の記載", before);
            key(out, 6, "変更後の記載", after);
            free(before), free(after);
            key(out, 6, "提出時期", TODO_TIMING);
            key(out, 6, "提出時期に係る説明", HY_TODO);
        }
    }
}

/* 修正案（令和2年6月30日）, or the heading given for the version. */
static char *heading_copy(const df_out_info *info, size_t v)
{
    if (info->heading[v]) return hy_xstrdup(info->heading[v]);
    hy_date dt;
    char buf[64];
    if (info->date[v] && hy_date_parse(info->date[v], &dt) && hy_date_format(dt, info->gannen, buf, sizeof buf))
        return hy_xasprintf("修正案（%s）", buf);
    return hy_xasprintf("修正案（%s）", info->name[v]);
}

/* Version 0's text of change i: the lines some later version changes, (略) for the others. */
static char *excerpt_old_copy(const df_changes *c, size_t i)
{
    const df_change *ch = &c->items[i];
    size_t n = td_line_count(ch->text[0]);
    bool *keep = hy_xcalloc(n + 1, sizeof *keep), *old = hy_xcalloc(n + 1, sizeof *old);
    for (size_t v = 1; v < c->n_versions; v++) {
        bool *nw = hy_xcalloc(td_line_count(ch->text[v]) + 1, sizeof *nw);
        td_lines_changed(ch->text[0], ch->text[v], old, nw);
        for (size_t k = 0; k < n; k++) keep[k] |= old[k];
        free(nw);
    }
    char *s = df_excerpt_copy(ch->text[0], keep);
    free(keep), free(old);
    return s;
}

/* Version v's text `shown` (its text, maybe marked; the same lines): the lines that differ from
 * version 0's, (略) for the others. */
static char *excerpt_new_copy(const df_changes *c, size_t i, size_t v, const char *shown)
{
    const df_change *ch = &c->items[i];
    bool *old = hy_xcalloc(td_line_count(ch->text[0]) + 1, sizeof *old);
    bool *keep = hy_xcalloc(td_line_count(ch->text[v]) + 1, sizeof *keep);
    td_lines_changed(ch->text[0], ch->text[v], old, keep);
    char *s = df_excerpt_copy(shown, keep);
    free(old), free(keep);
    return s;
}

void df_write_revision(const df_changes *c, const df_out_info *info, hy_buf *out)
{
    hy_buf_printf(out, "# hyoka diff --format revision: %zu item%s changed from %s", c->n, c->n == 1 ? "" : "s",
                  info->name[0]);
    for (size_t v = 1; v < c->n_versions; v++) hy_buf_printf(out, "%s%s", v == 1 ? " to " : ", ", info->name[v]);
    hy_buf_puts(out, ".\n# ページ: the page of each item in the PDF of the first version. Write 理由 where "
                     HY_TODO " stands;\n# `hyoka check` warns until every " HY_TODO " is replaced.\n");
    hy_buf_puts(out, "様式: 修正等を要する部分とその内容\n");
    key(out, 0, "事務名", info->title ? info->title : HY_TODO);
    if (info->author) key(out, 0, "作成者", info->author);
    if (info->made) key(out, 0, "作成日", info->made);
    if (info->page_heading) key(out, 0, "ページ見出し", info->page_heading);
    hy_buf_puts(out, "修正案見出し:\n");
    for (size_t v = 1; v < c->n_versions; v++) {
        char *h = heading_copy(info, v);
        hy_buf_puts(out, "  -");
        ye_scalar(out, h, 2);
        free(h);
    }
    hy_buf_puts(out, c->n ? "行:\n" : "行: []\n");
    for (size_t i = 0; i < c->n; i++) {
        const df_change *ch = &c->items[i];
        hy_buf_puts(out, "  - 項目:");
        ye_scalar(out, ch->path, 4);
        const df_place *pl = info->place ? &info->place[i] : NULL;
        if (pl && pl->page > 0) hy_buf_printf(out, "    ページ: %d\n", pl->page);
        char *cur = pl && pl->excerpt ? excerpt_old_copy(c, i) : hy_xstrdup(ch->text[0]);
        key(out, 4, "現在の評価書", *cur ? cur : NOT_WRITTEN);
        free(cur);
        hy_buf_puts(out, "    修正案:\n");
        for (size_t v = 1; v < c->n_versions; v++) {
            char *t;
            if (!differs(ch, v)) t = hy_xstrdup(UNCHANGED);
            else if (!*ch->text[v]) t = hy_xstrdup(NOT_WRITTEN);
            else if (ch->prose && *ch->text[v - 1]) t = td_mark_copy(ch->text[v - 1], ch->text[v]);
            else t = hy_xstrdup(ch->text[v]);
            if (pl && pl->excerpt && differs(ch, v) && *ch->text[v]) {
                char *ex = excerpt_new_copy(c, i, v, t);
                free(t);
                t = ex;
            }
            hy_buf_puts(out, "      -");
            ye_scalar(out, t, 6);
            free(t);
        }
        key(out, 4, "理由", HY_TODO);
    }
}

static void indented(hy_buf *out, const char *sign, const char *s)
{
    hy_buf_printf(out, "  %s ", sign);
    for (const char *p = s; *p; p++) {
        hy_buf_add(out, p, 1);
        if (*p == '\n') hy_buf_printf(out, "  %s ", sign);
    }
    hy_buf_puts(out, "\n");
}

void df_write_list(const df_changes *c, const df_out_info *info, hy_buf *out)
{
    for (size_t i = 0; i < c->n; i++) {
        const df_change *ch = &c->items[i];
        hy_buf_printf(out, "%s", ch->path);
        if (info->place && info->place[i].page > 0) hy_buf_printf(out, " (p.%d)", info->place[i].page);
        hy_buf_puts(out, "\n");
        indented(out, "-", *ch->text[0] ? ch->text[0] : NOT_WRITTEN);
        for (size_t v = 1; v < c->n_versions; v++)
            indented(out, v == c->n_versions - 1 ? "+" : "~", !differs(ch, v) ? UNCHANGED : *ch->text[v] ? ch->text[v] : NOT_WRITTEN);
    }
    hy_buf_printf(out, "%zu item%s changed\n", c->n, c->n == 1 ? "" : "s");
}
