/* model_value.c — the values of leaf items: texts, numbers, dates, choices, checkbox lists,
 * heading checkboxes, counts and blocks, each checked and bound in one step (see model.h).
 * A value the check rejects is still bound as far as it goes; the model is then dropped. */
#include "model_bind.h"

#include "canon.h"
#include "era.h"
#include "match.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool mb_want_scalar(mb_ctx *c, const yl_node *n, const char *key)
{
    if (n->kind == YL_SCALAR) return true;
    mb_err(c, n, "'%s' must be a text, not %s", key, yl_kind_name(n->kind));
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

/* Why a text in the date format is not a date ("there is no month 13"), or NULL. */
static const char *date_problem(const char *s, char *buf, size_t cap)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!((i == 4 || i == 7) ? s[i] == '-' : s[i] >= '0' && s[i] <= '9')) return NULL;
    if (n != 7 && n != 10) return NULL;
    int y = atoi(s), m = atoi(s + 5), d = n == 10 ? atoi(s + 8) : 1;
    if (m < 1 || m > 12) {
        snprintf(buf, cap, "there is no month %d", m);
        return buf;
    }
    if (d < 1 || d > hy_era_days_in_month(y, m)) {
        snprintf(buf, cap, "%.7s has %d days", s, hy_era_days_in_month(y, m));
        return buf;
    }
    return NULL;
}

static void check_date(mb_ctx *c, const yl_node *n, const char *key)
{
    if (n->kind != YL_SCALAR) {
        mb_err(c, n, "'%s' must be a date written YYYY-MM-DD (or YYYY-MM), not %s", key, yl_kind_name(n->kind));
        return;
    }
    if (yl_is_null(n)) return;
    hy_date dt;
    char buf[64], why[64];
    if (!hy_date_parse(n->str, &dt)) {
        const char *p = date_problem(n->str, why, sizeof why);
        if (p) mb_err(c, n, "'%s': %s is not a date (%s)", key, n->str, p);
        else mb_err(c, n, "'%s' must be a date written YYYY-MM-DD (or YYYY-MM), not '%s'", key, n->str);
    } else if (!hy_date_format(dt, "元年", buf, sizeof buf)) {
        mb_err(c, n, "'%s': %s is before 1873, the first date the form can print in the Japanese "
               "calendar", key, n->str);
    }
}

void mb_bind_date(mb_ctx *c, hy_item *it, const yl_node *n)
{
    if (n) check_date(c, n, it->node->key);
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
        if (mb_want_scalar(c, n, ln->key) && !yl_is_null(n) && !mb_is_int(n->str))
            mb_err(c, n, "'%s' must be a whole number, not '%s'", ln->key, n->str);
    } else if (ln->multi && n->kind == YL_SEQ) {
        it->is_list = true;
        it->texts = hy_arena_alloc(&c->m->arena, (n->n + 1) * sizeof *it->texts);
        for (size_t i = 0; i < n->n; i++) {
            mb_want_scalar(c, n->items[i], ln->key);
            it->texts[it->n_texts++] = mb_text(c, n->items[i], NULL);
        }
    } else {
        mb_want_scalar(c, n, ln->key);
    }
}

/* ---- choices and counts --------------------------------------------------------------- */

void mb_bind_choice(mb_ctx *c, hy_item *it, const yl_node *n)
{
    const lay_node *ln = it->node;
    it->text = mb_text(c, n, NULL);
    if (!n) return;
    if (n->kind != YL_SCALAR) {
        mb_err(c, n, "'%s' must be one option written as a text, not %s", ln->key, yl_kind_name(n->kind));
        return;
    }
    if (yl_is_null(n)) return;
    it->option = hy_match_option(ln->options, n->str);
    if (it->option) return;
    hy_buf list = {0};
    for (size_t i = 0; i < ln->options->n; i++)
        hy_buf_printf(&list, "%s%zu) %s", i ? ", " : "", i + 1, ln->options->opts[i].text);
    mb_err(c, n, "'%s' is not an option of '%s'; the options are: %s", n->str, ln->key,
           list.data ? list.data : "(none)");
    hy_buf_free(&list);
}

void mb_bind_count(mb_ctx *c, hy_item *it, const yl_node *map)
{
    const lay_node *ln = it->node;
    const yl_node *cnt = yl_get(map, ln->count_key);
    it->count = mb_text(c, cnt, map);
    if (!cnt || yl_is_null(cnt)) return;
    if (cnt->kind != YL_SCALAR || !mb_is_int(cnt->str)) {
        if (cnt->kind == YL_SCALAR)
            mb_err(c, cnt, "'%s' must be a whole number, not '%s'", ln->count_key, cnt->str);
        else
            mb_err(c, cnt, "'%s' must be a whole number, not %s", ln->count_key, yl_kind_name(cnt->kind));
        return;
    }
    const yl_node *list = ln->count_of ? yl_get(map, ln->count_of) : NULL;
    long want = int_value(cnt->str);
    if (list && list->kind == YL_SEQ && (want < 0 || (size_t)want != list->n))
        mb_err(c, cnt, "'%s' says %s but '%s' lists %zu %s", ln->count_key, cnt->str, ln->count_of,
               list->n, list->n == 1 ? "entry" : "entries");
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
            mb_err(c, mark, "'%s' says whether the item is checked: write %s (not checked) or %s",
                   HY_KEY_CHECK_MARK, "なし", "あり");
            return;
        }
        on = v == 1;
    } else if (entry->kind == YL_MAP && entry->n == 1) {
        name = entry->items[0];
        text = entry->vals[0];
    } else if (entry->kind != YL_SCALAR) {
        mb_err(c, entry, "each checked item of '%s' is a text, or a one-entry mapping {item: text} for an "
               "item with a parenthesis; this is %s", ln->key,
               entry->kind == YL_MAP ? "a mapping of several entries" : yl_kind_name(entry->kind));
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
            mb_err(c, name, "'%s' is not an item of the checkbox list of '%s'; did you mean '%s'?",
                   name->str, ln->key, s);
        } else {
            char *all = mb_join(&names);
            mb_err(c, name, "'%s' is not an item of the checkbox list of '%s'; the items are: %s",
                   name->str, ln->key, all);
            free(all);
        }
        hy_vec_free(&names);
        return;
    }
    if (text && !ck->paren)
        mb_err(c, text, "'%s' has no parenthesis to fill in; write it as a plain item (- %s)", ck->label,
               ck->label);
    else if (text)
        mb_want_scalar(c, text, ck->label);
    hy_check_value *cv = &it->checks[ck - ln->checks->items];
    if (cv->on || cv->paren.s) {
        if (cv->on && on) mb_err(c, name, "'%s' is checked twice in '%s'; give it once", ck->label, ln->key);
        else mb_err(c, name, "'%s' is given twice in '%s'; give it once", ck->label, ln->key);
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
            mb_err(c, n, "'%s' must be a list of the checked items, not a text (for one item write "
                   "[%s])", ln->key, n->str);
        else
            mb_err(c, n, "'%s' must be a list of the checked items, not %s", ln->key,
                   yl_kind_name(n->kind));
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
            mb_err(c, b, "'%s' is a checkbox: write true or false (without quotes)", key);
        it->flags[i].on = b->kind == YL_SCALAR && !strcmp(b->str, "true");
    }
}

/* ---- blocks (別添1) -------------------------------------------------------------------- */

static void bind_block(mb_ctx *c, hy_block *blk, const yl_node *b)
{
    blk->columns = 1;
    if (b->kind == YL_SCALAR) {
        blk->body = mb_text(c, b, NULL);
        if (!blk->body.s) blk->body.s = "";
        return;
    }
    if (b->kind != YL_MAP) {
        mb_err(c, b, "a block of 記録項目 is a text or a mapping (見出し, 本文, 列数, 項目), not %s",
               yl_kind_name(b->kind));
        return;
    }
    static const char *const keys[] = {"見出し", "本文", "列数", "項目", NULL};
    hy_vec names = {0};
    for (const char *const *k = keys; *k; k++) hy_vec_push(&names, (void *)*k);
    mb_check_unknown(c, b, &names, NULL);
    hy_vec_free(&names);
    const yl_node *h = yl_get(b, "見出し"), *t = yl_get(b, "本文");
    const yl_node *cols = yl_get(b, "列数"), *items = yl_get(b, "項目");
    if (h) mb_want_scalar(c, h, "見出し");
    if (t) mb_want_scalar(c, t, "本文");
    if (cols && (cols->kind != YL_SCALAR || !mb_is_int(cols->str) || int_value(cols->str) < 1 ||
                 int_value(cols->str) > 8))
        mb_err(c, cols, "'列数' must be a number from 1 to 8%s%s%s", cols->kind == YL_SCALAR ? ", not '" : "",
               cols->kind == YL_SCALAR ? cols->str : "", cols->kind == YL_SCALAR ? "'" : "");
    else if (cols)
        blk->columns = atoi(cols->str);
    if (items && items->kind != YL_SEQ && !yl_is_null(items))
        mb_err(c, items, "'項目' must be a list of texts, not %s", yl_kind_name(items->kind));
    if (h) blk->heading = mb_text(c, h, NULL);
    if (h && !blk->heading.s) blk->heading.s = "";
    if (t) blk->body = mb_text(c, t, NULL);
    if (t && !blk->body.s) blk->body.s = "";
    if (!items || items->kind != YL_SEQ) return;
    blk->items = hy_arena_alloc(&c->m->arena, (items->n + 1) * sizeof *blk->items);
    for (size_t i = 0; i < items->n; i++) {
        mb_want_scalar(c, items->items[i], "項目");
        blk->items[blk->n_items++] = mb_text(c, items->items[i], NULL);
    }
}

void mb_bind_blocks(mb_ctx *c, hy_item *it, const yl_node *n)
{
    it->text = mb_text(c, n, NULL);
    if (!n || n->kind == YL_SCALAR) return;
    if (n->kind != YL_SEQ) {
        mb_err(c, n, "'%s' must be a text or a list of blocks, not %s", it->node->key, yl_kind_name(n->kind));
        return;
    }
    it->is_list = true;
    it->blocks = hy_arena_alloc(&c->m->arena, (n->n + 1) * sizeof *it->blocks);
    for (size_t i = 0; i < n->n && !mb_full(c); i++) bind_block(c, &it->blocks[it->n_blocks++], n->items[i]);
}

/* ---- 書式 ------------------------------------------------------------------------------ */

void mb_check_style(mb_ctx *c, const yl_node *style)
{
    if (!style || yl_is_null(style)) return;
    if (style->kind != YL_MAP) {
        mb_err(c, style, "'%s' must be a mapping (元年表記: 元年 or 1年), not %s", HY_KEY_STYLE,
               yl_kind_name(style->kind));
        return;
    }
    hy_vec names = {0};
    hy_vec_push(&names, "元年表記");
    mb_check_unknown(c, style, &names, NULL);
    hy_vec_free(&names);
    const yl_node *g = yl_get(style, "元年表記");
    if (g && (g->kind != YL_SCALAR || (strcmp(g->str, "元年") && strcmp(g->str, "1年"))))
        mb_err(c, g, "'元年表記' must be 元年 or 1年");
}
