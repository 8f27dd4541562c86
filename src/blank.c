/* blank.c — the blank document of a form (see blank.h). The keys come from formkeys.c; each
 * is written as the model reads it (model.c): a mapping for a part of the form with a key,
 * one entry for a group or a table, a list for checkbox items. */
#include "blank.h"

#include "canon.h"
#include "diag.h"
#include "formkeys.h"
#include "model.h"
#include "yaml_emit.h"

#include <string.h>

/* The sample a required number or date holds until the writer replaces it. */
#define SAMPLE_INT "1"
#define SAMPLE_DATE "令和7年4月1日"

static void pad(hy_buf *o, int in)
{
    hy_buf_printf(o, "%*s", in, "");
}

static void comment(hy_buf *o, int in, const char *text)
{
    pad(o, in);
    hy_buf_printf(o, "# %s\n", text);
}

static void write_map(hy_buf *o, int in, const fk_map *m, bool first_dash, const char *above);

/* The comment lines above a key: its label, whether it must be filled in, how to write it. */
static void key_comments(hy_buf *o, int in, const fk_key *k)
{
    const lay_node *ln = k->node;
    hy_buf b = {0};
    hy_buf_printf(&b, "%s", k->label);
    if (k->kind == FK_VALUE && ln) {
        lay_kind kind = ln->kind;
        if ((kind == LK_BLOCK || kind == LK_PARAM) && ln->value_kind == LK_DATE) kind = LK_DATE;
        switch (kind) {
        case LK_DATE: hy_buf_puts(&b, "（日付: 令和7年4月1日、2025-04-01、R7.4.1 など）"); break;
        case LK_INT: hy_buf_puts(&b, "（数字）"); break;
        case LK_CHOICE: hy_buf_puts(&b, "（次のどれか1つを書く）"); break;
        case LK_CHECKS: hy_buf_puts(&b, "（チェックする項目を [ ] の中に , で区切って並べる）"); break;
        case LK_BLOCKS: hy_buf_puts(&b, "（文章、または 見出し・本文・列数・項目 のブロックの並び）"); break;
        default: if (ln->multi) hy_buf_puts(&b, "（見出しごとに1つずつ、文章の並び）"); break;
        }
    }
    if (k->kind == FK_FLAG) hy_buf_puts(&b, "（チェックボックス: チェックするなら true）");
    if (k->kind == FK_COUNT) hy_buf_puts(&b, "（件数: 数字）");
    if (k->kind == FK_HEADINGS) hy_buf_puts(&b, "の見出し（列ごとに1つ）");
    if (k->kind == FK_HEADING2) hy_buf_puts(&b, "の2行目の見出し");
    if (k->kind == FK_GROUP && ln->max) hy_buf_printf(&b, "（1件ごとに - で始める。%d件まで）", ln->max);
    else if (k->kind == FK_GROUP) hy_buf_puts(&b, "（1件ごとに - で始める）");
    if (k->kind == FK_TABLE) hy_buf_puts(&b, "（1行ごとに - で始める）");
    if (k->required) hy_buf_puts(&b, " 【必須】");
    if (k->required && ln && (ln->kind == LK_INT || ln->kind == LK_DATE || ln->value_kind == LK_DATE))
        hy_buf_puts(&b, " 下の値は見本: 書きかえる");
    comment(o, in, b.data);
    hy_buf_free(&b);
    if (k->kind != FK_VALUE || !ln) return;
    if (ln->kind == LK_CHOICE) {
        for (size_t i = 0; i < ln->options->n; i++) {
            hy_buf l = {0};
            hy_buf_printf(&l, "  %zu) %s", i + 1, ln->options->opts[i].text);
            comment(o, in, l.data);
            hy_buf_free(&l);
        }
    } else if (ln->kind == LK_CHECKS) {
        const lay_checklist *cl = ln->checks;
        const char *group = NULL;
        for (size_t i = 0; i < cl->n; i++) {
            const lay_check *ck = &cl->items[i];
            if (ck->group && (!group || strcmp(group, ck->group))) comment(o, in, (group = ck->group));
            hy_buf l = {0};
            if (ck->paren && ck->suffix) hy_buf_printf(&l, "  {%s: 数字}（%s）", ck->label, ck->suffix);
            else if (ck->paren) hy_buf_printf(&l, "  {%s: かっこ内の文}", ck->label);
            else hy_buf_printf(&l, "  %s", ck->label);
            comment(o, in, l.data);
            hy_buf_free(&l);
        }
        for (size_t i = 0; i < cl->n; i++)
            if (cl->items[i].paren) {
                hy_buf l = {0};
                hy_buf_printf(&l, "  かっこ内だけ書いてチェックしないときは {%s: かっこ内の文, %s: なし}",
                              cl->items[i].label, HY_KEY_CHECK_MARK);
                comment(o, in, l.data);
                hy_buf_free(&l);
                break;
            }
    }
}

/* The empty value of a key, after "key:" (or "- key:"). */
static void empty_value(hy_buf *o, int in, const fk_key *k)
{
    const lay_node *ln = k->node;
    switch (k->kind) {
    case FK_MAP: case FK_GROUP: case FK_TABLE: {
        hy_buf above = {0};
        hy_buf_printf(&above, "%s%s%s", k->context, *k->context ? " ＞ " : "", k->label);
        hy_buf_puts(o, "\n");
        write_map(o, in + 2, k->sub, k->kind != FK_MAP, above.data);
        hy_buf_free(&above);
        return;
    }
    case FK_FLAG: hy_buf_puts(o, " false\n"); return;
    case FK_COUNT: hy_buf_puts(o, " \"\"\n"); return;
    case FK_HEADINGS: hy_buf_puts(o, " [\"\"]\n"); return;
    case FK_HEADING2: hy_buf_puts(o, " \"\"\n"); return;
    case FK_VALUE: break;
    }
    if (!ln) {
        hy_buf_puts(o, " \"\"\n");
        return;
    }
    lay_kind kind = ln->kind;
    if ((kind == LK_BLOCK || kind == LK_PARAM) && ln->value_kind == LK_DATE) kind = LK_DATE;
    if (kind == LK_CHECKS) hy_buf_puts(o, " []\n");
    else if (ln->multi) hy_buf_puts(o, " [\"\"]\n");
    else if (k->required && kind == LK_INT) hy_buf_puts(o, " " SAMPLE_INT "\n");
    else if (k->required && kind == LK_DATE) hy_buf_puts(o, " " SAMPLE_DATE "\n");
    else if (k->required) hy_buf_puts(o, " " HY_TODO "\n");
    else hy_buf_puts(o, " \"\"\n");
}

/* The keys of m at indentation `in`; with first_dash, as the one entry of a list. `above`
 * names the part of the form the mapping is (its context and label): a heading without a
 * mapping of its own, below it, gets a comment line where its keys start. */
static void write_map(hy_buf *o, int in, const fk_map *m, bool first_dash, const char *above)
{
    int kin = first_dash ? in + 2 : in;
    const char *ctx = above;
    size_t n_above = strlen(above);
    for (size_t i = 0; i < m->n; i++) {
        const fk_key *k = &m->keys[i];
        if (strcmp(ctx, k->context)) {
            ctx = k->context;
            const char *rest = ctx;
            if (n_above && !strncmp(ctx, above, n_above)) rest = ctx + n_above;
            if (!strncmp(rest, " ＞ ", strlen(" ＞ "))) rest += strlen(" ＞ ");
            if (*rest) hy_buf_puts(o, "\n");
            if (*rest && strcmp(rest, k->label)) comment(o, kin, rest);  /* else the key's comment names it */
        }
        if (k->kind == FK_MAP) {
            if (!*k->context) hy_buf_puts(o, "\n");
            comment(o, kin, k->label);
        } else {
            key_comments(o, kin, k);
        }
        if (first_dash && i == 0) {
            pad(o, in);
            hy_buf_puts(o, "- ");
        } else {
            pad(o, kin);
        }
        hy_buf_printf(o, "%s:", k->name);
        empty_value(o, kin, k);
    }
}

void hy_blank_write(const lay_form *f, hy_buf *o)
{
    hy_arena a = {0};
    fk_map *m = fk_build(f, &a);
    hy_buf_printf(o, "# %s — hyoka new で作った空の文書です。\n", f->kind);
    hy_buf_puts(o, "# 各項目の上の # の行は説明です (印刷されません)。\"\" の所に書き込みます。\n");
    hy_buf_puts(o, "# 書けたら hyoka check で確かめ、hyoka render で PDF にします。\n");
    hy_buf_puts(o, "# 書き方: docs/ja/README.md\n");
    hy_buf_printf(o, "%s: %s\n", HY_KEY_FORM, f->kind);
    write_map(o, 0, m, false, "");
    hy_arena_free(&a);
}
