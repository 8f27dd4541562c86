/* model_value.c — the values of leaf items: texts, numbers, dates, choices, checkbox lists,
 * heading checkboxes, counts and blocks, each checked and bound in one step (see model.h).
 * A value the check rejects is still bound as far as it goes; the model is then dropped. */
#include "model_bind.h"

#include "canon.h"
#include "date.h"
#include "era.h"
#include "match.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool mb_want_scalar(mb_ctx *c, const yl_node *n, const char *name)
{
    if (n->kind == YL_SCALAR) return true;
    mb_err(c, n, HY_M_WANT_TEXT, name, mb_kind(n->kind));
    return false;
}

bool mb_is_int(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

/* The value of a string of digits, or -1 if it does not fit in a long. */
static long int_value(const char *s)
{
    errno = 0;
    long n = strtol(s, NULL, 10);
    return errno ? -1 : n;
}

/* ---- dates ---------------------------------------------------------------------------- */

static void check_date(mb_ctx *c, const yl_node *n, const char *name)
{
    if (n->kind != YL_SCALAR) {
        mb_err(c, n, HY_M_DATE_KIND, name, mb_kind(n->kind));
        return;
    }
    if (yl_is_null(n)) return;
    hy_date dt;
    char buf[64];
    if (!hy_date_parse(n->str, &dt)) {
        /* Written as a date in one of the forms (ISO, 2025/1/31, era) but impossible: why. */
        char why[160];
        hy_date any;
        if (!hy_date_read(n->str, &any, why, sizeof why) && why[0])
            mb_err(c, n, HY_M_DATE_IMPOSSIBLE, name, n->str, why);
        else
            mb_err(c, n, HY_M_DATE_FORMAT, name, n->str);
    } else if (!hy_date_format(dt, "元年", buf, sizeof buf)) {
        mb_err(c, n, HY_M_DATE_TOO_EARLY, name, n->str);
    }
}

void mb_bind_date(mb_ctx *c, hy_item *it, const yl_node *n)
{
    if (n) check_date(c, n, mb_name(c, it));
    it->text = mb_text(c, n, NULL);
    it->has_date = it->text.s && hy_date_parse(it->text.s, &it->date);
}

/* ---- texts and numbers ---------------------------------------------------------------- */

void mb_bind_scalar(mb_ctx *c, hy_item *it, const yl_node *n)
{
    const lay_node *ln = it->node;
    if (ln->kind != LK_INT && !(ln->multi && n && n->kind == YL_SEQ) && ln->value_kind == LK_DATE) {
        mb_bind_date(c, it, n);
        return;
    }
    it->text = mb_text(c, n, NULL);
    if (!n) return;
    if (ln->kind == LK_INT) {
        if (mb_want_scalar(c, n, mb_name(c, it)) && !yl_is_null(n) && !mb_is_int(n->str))
            mb_err(c, n, HY_M_INT_NOT_NUMBER, mb_name(c, it), n->str);
    } else if (ln->multi && n->kind == YL_SEQ) {
        it->is_list = true;
        it->texts = hy_arena_alloc(&c->m->arena, (n->n + 1) * sizeof *it->texts);
        for (size_t i = 0; i < n->n; i++) {
            mb_want_scalar(c, n->items[i], mb_name(c, it));
            it->texts[it->n_texts++] = mb_text(c, n->items[i], NULL);
        }
    } else {
        mb_want_scalar(c, n, mb_name(c, it));
    }
}

/* ---- choices and counts --------------------------------------------------------------- */

void mb_bind_choice(mb_ctx *c, hy_item *it, const yl_node *n)
{
    const lay_node *ln = it->node;
    it->text = mb_text(c, n, NULL);
    if (!n) return;
    if (n->kind != YL_SCALAR) {
        mb_err(c, n, HY_M_CHOICE_KIND, mb_name(c, it), mb_kind(n->kind));
        return;
    }
    if (yl_is_null(n)) return;
    it->option = hy_match_option(ln->options, n->str);
    if (it->option) return;
    hy_buf list = {0};
    for (size_t i = 0; i < ln->options->n; i++)
        hy_buf_printf(&list, "%s%zu) %s", i ? ", " : "", i + 1, ln->options->opts[i].text);
    mb_err(c, n, HY_M_CHOICE_NOT_OPTION, mb_name(c, it), n->str, list.data ? list.data : "-");
    hy_buf_free(&list);
}

/* The count of a choice: the item's name with the count's key (「件数」). */
static const char *count_name(mb_ctx *c, const hy_item *it)
{
    return hy_arena_printf(&c->m->arena, hy_msg(HY_M_ITEM_PART), mb_name(c, it), mb_quote(c, it->node->count_key));
}

void mb_bind_count(mb_ctx *c, hy_item *it, const yl_node *map)
{
    const lay_node *ln = it->node;
    const yl_node *cnt = yl_get(map, ln->count_key);
    it->count = mb_text(c, cnt, map);
    if (!cnt || yl_is_null(cnt)) return;
    if (cnt->kind != YL_SCALAR || !mb_is_int(cnt->str)) {
        if (cnt->kind == YL_SCALAR)
            mb_err(c, cnt, HY_M_INT_NOT_NUMBER, count_name(c, it), cnt->str);
        else
            mb_err(c, cnt, HY_M_INT_NOT_SCALAR, count_name(c, it), mb_kind(cnt->kind));
        return;
    }
    const yl_node *list = ln->count_of ? yl_get(map, ln->count_of) : NULL;
    long want = int_value(cnt->str);
    if (list && list->kind == YL_SEQ && (want < 0 || (size_t)want != list->n))
        mb_err(c, cnt, list->n == 1 ? HY_M_COUNT_CONTRADICTS_1 : HY_M_COUNT_CONTRADICTS, count_name(c, it),
               cnt->str, mb_quote(c, ln->count_of), list->n);
}

/* ---- checkbox lists ------------------------------------------------------------------- */

/* One entry of a checkbox list: checks it and marks its item in it->checks. */
static void check_one_item(mb_ctx *c, hy_item *it, const yl_node *entry)
{
    const lay_node *ln = it->node;
    const yl_node *name = entry, *text = NULL;
    bool on = true;
    if (entry->kind == YL_MAP && entry->n == 2 && hy_check_mark_entry(entry) >= 0) {
        /* {item: text, チェック: なし}: the parenthesis filled in, the box not checked */
        long m = hy_check_mark_entry(entry);
        name = entry->items[1 - m];
        text = entry->vals[1 - m];
        const yl_node *mark = entry->vals[m];
        int v = mark->kind == YL_SCALAR ? hy_check_mark_value(mark->str) : -1;
        if (v < 0) {
            mb_err(c, mark, HY_M_CHECK_MARK_BAD, HY_KEY_CHECK_MARK, "なし", "あり");
            return;
        }
        on = v == 1;
    } else if (entry->kind == YL_MAP && entry->n == 1) {
        name = entry->items[0];
        text = entry->vals[0];
    } else if (entry->kind != YL_SCALAR) {
        mb_err(c, entry, HY_M_CHECK_ITEM_KIND, mb_name(c, it),
               entry->kind == YL_MAP ? hy_msg(HY_M_KIND_MAP_SEVERAL) : mb_kind(entry->kind));
        return;
    }
    const lay_check *ck = hy_match_check(ln->checks, name->str);
    if (!ck) {
        if (mb_full(c)) {
            c->ok = false;
            return;
        }
        hy_vec names = {0};
        for (size_t i = 0; i < ln->checks->n; i++) hy_vec_push(&names, (void *)ln->checks->items[i].label);
        const char *s = hy_match_suggest(&names, name->str);
        if (s) {
            mb_err(c, name, HY_M_CHECK_ITEM_DYM, mb_name(c, it), name->str, s);
        } else {
            char *all = mb_join(&names);
            mb_err(c, name, HY_M_CHECK_ITEM_LIST, mb_name(c, it), name->str, all);
            free(all);
        }
        hy_vec_free(&names);
        return;
    }
    if (text && !ck->paren)
        mb_err(c, text, HY_M_CHECK_NO_PAREN, mb_name(c, it), ck->label, ck->label);
    else if (text)
        mb_want_scalar(c, text, mb_quote(c, ck->label));
    hy_check_value *cv = &it->checks[ck - ln->checks->items];
    if (cv->on || cv->paren.s) {
        mb_err(c, name, cv->on && on ? HY_M_CHECK_TWICE : HY_M_CHECK_GIVEN_TWICE, mb_name(c, it), ck->label);
        return;
    }
    cv->on = on;
    if (on) cv->label = mb_text(c, name, NULL);
    if (text) cv->paren = mb_text(c, text, NULL);
    if (text && !cv->paren.s) cv->paren.s = "";
}

void mb_bind_checks(mb_ctx *c, hy_item *it, const yl_node *n)
{
    const lay_node *ln = it->node;
    it->n_checks = ln->checks->n;
    it->checks = hy_arena_alloc(&c->m->arena, (it->n_checks + 1) * sizeof *it->checks);
    for (size_t i = 0; i < it->n_checks; i++) it->checks[i].check = &ln->checks->items[i];
    if (!n || yl_is_null(n)) return;
    if (n->kind != YL_SEQ) {
        if (n->kind == YL_SCALAR)
            mb_err(c, n, HY_M_CHECKS_IS_TEXT, mb_name(c, it), n->str);
        else
            mb_err(c, n, HY_M_CHECKS_KIND, mb_name(c, it), mb_kind(n->kind));
        return;
    }
    for (size_t i = 0; i < n->n; i++) check_one_item(c, it, n->items[i]);
}

void mb_bind_flags(mb_ctx *c, hy_item *it, const yl_node *hmap)
{
    const lay_node *ln = it->node;
    it->n_flags = ln->n_head_checks;
    it->flags = hy_arena_alloc(&c->m->arena, (it->n_flags + 1) * sizeof *it->flags);
    for (size_t i = 0; i < ln->n_head_checks; i++) {
        const char *key = ln->head_checks[i];
        const yl_node *b = hmap ? yl_get(hmap, key) : NULL;
        it->flags[i] = (hy_flag){key, false, b ? b->line : 0, b ? b->col : 0};
        if (!b) continue;
        if (b->kind != YL_SCALAR || !b->plain || (strcmp(b->str, "true") && strcmp(b->str, "false")))
            mb_err(c, b, HY_M_FLAG_NOT_BOOL, mb_name(c, it), key);
        it->flags[i].on = b->kind == YL_SCALAR && !strcmp(b->str, "true");
    }
}

/* ---- blocks (別添1) -------------------------------------------------------------------- */

static void bind_block(mb_ctx *c, const hy_item *it, hy_block *blk, const yl_node *b)
{
    blk->columns = 1;
    if (b->kind == YL_SCALAR) {
        blk->body = mb_text(c, b, NULL);
        if (!blk->body.s) blk->body.s = "";
        return;
    }
    if (b->kind != YL_MAP) {
        mb_err(c, b, HY_M_BLOCK_KIND, mb_kind(b->kind));
        return;
    }
    static const char *const keys[] = {"見出し", "本文", "列数", "項目", NULL};
    hy_vec names = {0};
    for (const char *const *k = keys; *k; k++) hy_vec_push(&names, (void *)*k);
    mb_check_unknown(c, b, &names, NULL, it, NULL);
    hy_vec_free(&names);
    const yl_node *h = yl_get(b, "見出し"), *t = yl_get(b, "本文");
    const yl_node *cols = yl_get(b, "列数"), *items = yl_get(b, "項目");
    if (h) mb_want_scalar(c, h, mb_quote(c, "見出し"));
    if (t) mb_want_scalar(c, t, mb_quote(c, "本文"));
    if (cols && (cols->kind != YL_SCALAR || !mb_is_int(cols->str) || int_value(cols->str) < 1 ||
                 int_value(cols->str) > 8))
    {
        if (cols->kind == YL_SCALAR) mb_err(c, cols, HY_M_BLOCK_COLUMNS_NOT, cols->str);
        else mb_err(c, cols, HY_M_BLOCK_COLUMNS, mb_kind(cols->kind));
    }
    else if (cols)
        blk->columns = atoi(cols->str);
    if (items && items->kind != YL_SEQ && !yl_is_null(items))
        mb_err(c, items, HY_M_BLOCK_ITEMS_KIND, mb_kind(items->kind));
    if (h) blk->heading = mb_text(c, h, NULL);
    if (h && !blk->heading.s) blk->heading.s = "";
    if (t) blk->body = mb_text(c, t, NULL);
    if (t && !blk->body.s) blk->body.s = "";
    if (!items || items->kind != YL_SEQ) return;
    blk->items = hy_arena_alloc(&c->m->arena, (items->n + 1) * sizeof *blk->items);
    for (size_t i = 0; i < items->n; i++) {
        mb_want_scalar(c, items->items[i], mb_quote(c, "項目"));
        blk->items[blk->n_items++] = mb_text(c, items->items[i], NULL);
    }
}

void mb_bind_blocks(mb_ctx *c, hy_item *it, const yl_node *n)
{
    it->text = mb_text(c, n, NULL);
    if (!n || n->kind == YL_SCALAR) return;
    if (n->kind != YL_SEQ) {
        mb_err(c, n, HY_M_BLOCKS_KIND, mb_name(c, it), mb_kind(n->kind));
        return;
    }
    it->is_list = true;
    it->blocks = hy_arena_alloc(&c->m->arena, (n->n + 1) * sizeof *it->blocks);
    for (size_t i = 0; i < n->n && !mb_full(c); i++) bind_block(c, it, &it->blocks[it->n_blocks++], n->items[i]);
}

/* ---- 書式 ------------------------------------------------------------------------------ */

void mb_check_style(mb_ctx *c, const yl_node *style)
{
    if (!style || yl_is_null(style)) return;
    if (style->kind != YL_MAP) {
        mb_err(c, style, HY_M_STYLE_KIND, HY_KEY_STYLE, mb_kind(style->kind));
        return;
    }
    hy_vec names = {0};
    hy_vec_push(&names, "元年表記");
    mb_check_unknown(c, style, &names, NULL, NULL, mb_quote(c, HY_KEY_STYLE));
    hy_vec_free(&names);
    const yl_node *g = yl_get(style, "元年表記");
    if (g && (g->kind != YL_SCALAR || (strcmp(g->str, "元年") && strcmp(g->str, "1年"))))
        mb_err(c, g, HY_M_STYLE_GANNEN);
}
