/* guide.c — the writer's guide page of a form (see guide.h): headings for the parts of the
 * form, a table of items under each, one row per key as formkeys.c lists them. */
#include "guide.h"

#include "canon.h"
#include "formkeys.h"
#include "model.h"

#include <string.h>

/* A text in a Markdown table cell: '|' escaped, line breaks as spaces. */
static void cell(hy_buf *o, const char *s)
{
    for (; *s; s++) {
        if (*s == '|') hy_buf_puts(o, "\\|");
        else if (*s == '\n') hy_buf_puts(o, " ");
        else hy_buf_add(o, s, 1);
    }
}

/* What to write for key k, and its options (after the key cell). */
static void what(hy_buf *o, const fk_key *k)
{
    const lay_node *ln = k->node;
    switch (k->kind) {
    case FK_GROUP:
        hy_buf_puts(o, "繰り返し（1件ごとに `- ` で始まる並び");
        if (ln->max) hy_buf_printf(o, "、%d件まで", ln->max);
        hy_buf_puts(o, "） | 各件の項目は下の表 |");
        return;
    case FK_TABLE: hy_buf_puts(o, "表（1行ごとに `- ` で始まる並び） | 各行の列は下の表 |"); return;
    case FK_FLAG: hy_buf_puts(o, "チェックボックス | `true`（チェックする）/ `false` |"); return;
    case FK_COUNT: hy_buf_puts(o, "件数（数字） | |"); return;
    case FK_HEADINGS: hy_buf_printf(o, "列の見出しの並び（%d個まで） | |", HY_MAX_HEADINGS); return;
    case FK_HEADING2: hy_buf_puts(o, "見出しの2行目（文章） | |"); return;
    case FK_MAP: hy_buf_puts(o, "（下の項目をまとめる） | |"); return;
    case FK_VALUE: break;
    }
    if (!ln) {
        hy_buf_puts(o, "文章（見出し行に印刷） | |");
        return;
    }
    lay_kind kind = ln->kind;
    if ((kind == LK_BLOCK || kind == LK_PARAM) && ln->value_kind == LK_DATE) kind = LK_DATE;
    switch (kind) {
    case LK_DATE: hy_buf_puts(o, "日付（`令和7年4月1日`、`2025-04-01`、`R7.4.1`） | |"); return;
    case LK_INT: hy_buf_puts(o, "数字 | |"); return;
    case LK_BLOCKS: hy_buf_puts(o, "文章、またはブロックの並び（`見出し`、`本文`、`列数`、`項目`） | |"); return;
    case LK_CHOICE:
        hy_buf_puts(o, "選択（1つ） | ");
        for (size_t i = 0; i < ln->options->n; i++) {
            hy_buf_printf(o, "%s`", i ? "<br>" : "");
            cell(o, ln->options->opts[i].text);
            hy_buf_puts(o, "`");
        }
        hy_buf_puts(o, " |");
        return;
    case LK_CHECKS: {
        hy_buf_puts(o, "チェック（チェックする項目の並び） | ");
        const lay_checklist *cl = ln->checks;
        for (size_t i = 0; i < cl->n; i++) {
            const lay_check *ck = &cl->items[i];
            hy_buf_puts(o, i ? "<br>`" : "`");
            if (ck->paren) hy_buf_puts(o, "{");
            cell(o, ck->label);
            if (ck->paren) hy_buf_puts(o, ck->suffix ? ": 数字}" : ": かっこ内の文}");
            hy_buf_puts(o, "`");
        }
        hy_buf_puts(o, " |");
        return;
    }
    default:
        hy_buf_puts(o, ln->multi ? "文章、または見出しごとの文章の並び | |" : "文章 | |");
        return;
    }
}

static void table_head(hy_buf *o)
{
    hy_buf_puts(o, "\n| 項目 | キー | 書くもの | 選択肢・項目 |\n|---|---|---|---|\n");
}

static void heading(hy_buf *o, int level, const char *text, const char *required, const char *path)
{
    hy_buf_printf(o, "\n%.*s ", level > 6 ? 6 : level, "######");
    cell(o, text);
    hy_buf_puts(o, required);
    if (path) hy_buf_printf(o, "（`%s`）", path);
    hy_buf_puts(o, "\n");
}

static void row(hy_buf *o, const fk_key *k, const char *kp)
{
    hy_buf_puts(o, "| ");
    cell(o, k->label);
    hy_buf_printf(o, "%s | `%s` | ", k->required ? " 【必須】" : "", kp);
    what(o, k);
    hy_buf_puts(o, "\n");
}

/* The keys of m under `path` (the key path of the mapping, "" at the top); `above` names the
 * part of the form the mapping is. A heading without a mapping of its own gets a heading of
 * level `level` where its keys start; parts with a mapping of their own and the entries of a
 * list get theirs, one level deeper when inside such a heading, and their own tables. */
static void write_map(hy_buf *o, const fk_map *m, const char *path, const char *above, int level)
{
    hy_arena a = {0};
    const char *ctx = above;
    bool open = false, in_head = false;
    size_t n_above = strlen(above);
    for (size_t i = 0; i < m->n; i++) {
        const fk_key *k = &m->keys[i];
        const char *kp = *path ? hy_arena_printf(&a, "%s.%s", path, k->name) : k->name;
        if (strcmp(ctx, k->context)) {
            ctx = k->context;
            const char *rest = ctx;
            if (n_above && !strncmp(rest, above, n_above)) rest += n_above;
            if (!strncmp(rest, " ＞ ", strlen(" ＞ "))) rest += strlen(" ＞ ");
            in_head = *rest;
            if (*rest) {
                heading(o, level, rest, "", NULL);
                open = false;
            }
        }
        if (k->kind == FK_GROUP || k->kind == FK_TABLE) {  /* the list is a row; its entries below */
            if (!open) table_head(o);
            row(o, k, kp);
        }
        if (k->kind == FK_MAP || k->kind == FK_GROUP || k->kind == FK_TABLE) {
            const char *sub_path = k->kind == FK_MAP ? kp : hy_arena_printf(&a, "%s[n]", kp);
            heading(o, level + in_head, k->label, k->required ? " 【必須】" : "", sub_path);
            const char *sub_above = *k->context ? hy_arena_printf(&a, "%s ＞ %s", k->context, k->label) : k->label;
            write_map(o, k->sub, sub_path, sub_above, level + in_head + 1);
            open = false;
            continue;
        }
        if (!open) table_head(o);
        open = true;
        row(o, k, kp);
    }
    hy_arena_free(&a);
}

void hy_guide_write(const lay_form *f, hy_buf *o)
{
    hy_arena a = {0};
    fk_map *m = fk_build(f, &a);
    hy_buf_printf(o, "# %s の項目一覧\n\n", f->kind);
    hy_buf_puts(o, "<!-- この頁は hyoka guide が layout から作ったものです。手で直さないでください"
                   "（tests が作り直して比べます）。 -->\n\n");
    hy_buf_printf(o, "文書は `%s: %s` で始めます。空の文書は `hyoka new %s` で作れます。"
                     "書き方の全体は [README.md](README.md) を見てください。\n\n",
                  HY_KEY_FORM, f->kind, f->kind);
    hy_buf_puts(o, "「キー」は YAML に書く名前を、上の階層から `.` でつないだものです（`[n]` は繰り返しの各件）。"
                   "【必須】の項目は書かないとエラーになります。選択肢とチェック項目は、この表の言葉のとおりに"
                   "書きます（全角・半角の違いは構いません）。\n");
    write_map(o, m, "", "", 2);
    hy_arena_free(&a);
}
