/* diff_text.c — an item's value as the form prints it, the text `hyoka diff` compares and
 * quotes (see diff.h). The marks come from the layout (`marks:`), so the text reads like the
 * printed form: "[ 委託する ]\n( 2 ) 件", "[○] 紙\n[○] その他 ( 住民情報系ネットワーク )", one line for
 * each line the form prints (a checked item, the count below its choice). */
#include "diff.h"

#include <string.h>

/* Appends s as printed: CR dropped and tabs as spaces (typeset.c does the same), without the
 * spaces that end a line (they hang past the cell's edge, JLREQ 3.1.4) and the final line
 * breaks (a cell ends there anyway). */
static void printed(const char *s, hy_buf *out)
{
    size_t start = out->len;
    for (const char *p = s; p && *p; p++) {
        if (*p == '\r') continue;
        if (*p == '\n') {
            while (out->len > start && out->data[out->len - 1] == ' ') out->len--;
            while (out->len >= start + 3 && !memcmp(out->data + out->len - 3, "\u3000", 3)) out->len -= 3;
        }
        hy_buf_add(out, *p == '\t' ? " " : p, 1);
    }
    for (;;) {
        if (out->len > start && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n')) out->len--;
        else if (out->len >= start + 3 && !memcmp(out->data + out->len - 3, "\u3000", 3)) out->len -= 3;
        else break;
    }
    hy_buf_add(out, "", 0);
    if (out->data) out->data[out->len] = 0;
}

static void date_text(const hy_model *m, const hy_item *it, hy_buf *out)
{
    char buf[64];
    if (it->has_date && hy_date_format(it->date, m->gannen, buf, sizeof buf)) hy_buf_puts(out, buf);
    else printed(it->text.s, out);
}

/* "( {} ) 件" with the count in place of {}. */
static void count_text(const char *mark, const char *count, hy_buf *out)
{
    const char *at = strstr(mark, "{}");
    if (!at) {
        hy_buf_printf(out, "%s %s", mark, count);
        return;
    }
    hy_buf_printf(out, "%.*s%s%s", (int)(at - mark), mark, count, at + 2);
}

static void choice_text(const hy_model *m, const hy_item *it, hy_buf *out)
{
    if (!it->text.s && !it->count.s) return;
    const lay_form *f = m->form;
    if (it->text.s) hy_buf_printf(out, "[ %s ]", it->text.s);
    else hy_buf_puts(out, f->mark_empty_choice);
    if (it->count.s) {  /* on a line of its own, as it reads in the form's narrow column */
        hy_buf_puts(out, "\n");
        count_text(f->mark_count, it->count.s, out);
    }
}

static void checks_text(const hy_model *m, const hy_item *it, hy_buf *out)
{
    const char *sep = "";
    for (size_t i = 0; i < it->n_checks; i++) {
        const hy_check_value *c = &it->checks[i];
        if (!c->on) continue;
        hy_buf_printf(out, "%s%s %s", sep, m->form->mark_checked, c->label.s ? c->label.s : c->check->label);
        if (c->check->paren) hy_buf_printf(out, " ( %s )", c->paren.s && *c->paren.s ? c->paren.s : "\u3000");
        if (c->check->suffix) hy_buf_printf(out, " %s", c->check->suffix);
        sep = "\n";
    }
}

static void flags_text(const hy_model *m, const hy_item *it, hy_buf *out)
{
    const char *sep = "";
    for (size_t i = 0; i < it->n_flags; i++) {
        if (!it->flags[i].on) continue;
        hy_buf_printf(out, "%s%s %s", sep, m->form->mark_checked, it->flags[i].name);
        sep = "\n";
    }
}

static void blocks_text(const hy_item *it, hy_buf *out)
{
    if (!it->is_list) {
        printed(it->text.s, out);
        return;
    }
    for (size_t i = 0; i < it->n_blocks; i++) {
        const hy_block *b = &it->blocks[i];
        if (out->len) hy_buf_puts(out, "\n");
        if (b->heading.s) printed(b->heading.s, out), hy_buf_puts(out, "\n");
        if (b->body.s) printed(b->body.s, out), hy_buf_puts(out, "\n");
        for (size_t k = 0; k < b->n_items; k++) hy_buf_printf(out, "%s%s", k ? "・" : "", b->items[k].s ? b->items[k].s : "");
        while (out->len && out->data[out->len - 1] == '\n') out->data[--out->len] = 0;
    }
}

bool df_item_has_value(const hy_item *it)
{
    if (it->kind != HY_ITEM_NODE) return false;
    switch (it->node->kind) {
    case LK_TEXT: case LK_DATE: case LK_INT: case LK_CHOICE: case LK_CHECKS: case LK_PARAM:
    case LK_BLOCK: case LK_BLOCKS:
        return true;
    case LK_HEAD:
        return it->n_flags > 0;
    default:
        return false;
    }
}

/* The label a value is known by inside its entry or row: its own, else its span's, else its key. */
static const char *label_of(const hy_item *it)
{
    if (it->node->label) return it->node->label;
    if (it->parent && it->parent->kind == HY_ITEM_NODE && it->parent->node->kind == LK_SPAN && it->parent->node->label)
        return it->parent->node->label;
    return it->node->key ? it->node->key : "";
}

static void whole_text(const hy_model *m, const hy_item *it, hy_buf *out)
{
    for (size_t i = 0; i < it->n_kids; i++) {
        const hy_item *k = it->kids[i];
        if (!df_item_has_value(k)) {
            whole_text(m, k, out);
            continue;
        }
        hy_buf v = {0};
        df_item_text(m, k, &v);
        if (v.len) hy_buf_printf(out, "%s%s：%s", out->len ? "\n" : "", label_of(k), v.data);
        hy_buf_free(&v);
    }
}

void df_item_text(const hy_model *m, const hy_item *it, hy_buf *out)
{
    hy_buf_add(out, "", 0);
    if (it->kind != HY_ITEM_NODE) {
        if (!it->present) return;
        if (it->text.s && it->node->title_key) {
            hy_buf_printf(out, "%s：", it->node->title_key);
            printed(it->text.s, out);
        }
        whole_text(m, it, out);
        return;
    }
    if (!it->present && it->node->kind != LK_HEAD && it->node->kind != LK_CHOICE) return;
    switch (it->node->kind) {
    case LK_DATE: date_text(m, it, out); break;
    case LK_BLOCK:
        if (it->node->value_kind == LK_DATE) date_text(m, it, out);
        else printed(it->text.s, out);
        break;
    case LK_CHOICE: choice_text(m, it, out); break;
    case LK_CHECKS: checks_text(m, it, out); break;
    case LK_HEAD: flags_text(m, it, out); break;
    case LK_BLOCKS: blocks_text(it, out); break;
    default:
        if (it->is_list) {
            for (size_t i = 0; i < it->n_texts; i++) {
                if (i) hy_buf_puts(out, "\n");
                printed(it->texts[i].s, out);
            }
        } else printed(it->text.s, out);
    }
}
