/* model_path.c — the names of an item: as the form prints it and as its YAML key path, the
 * lookup of an item by key path, and item identity across two models (see model.h). Every
 * name is derived from the layout's labels and keys; nothing here knows a particular form. */
#include "model.h"

#include <stdio.h>
#include <string.h>

/* ---- key paths ------------------------------------------------------------------------ */

/* True when the item's kids are read from a mapping of its own (so its key is a step of
 * their key paths): the root, entries, rows, and keyed parts of the form. */
static bool opens_mapping(const hy_item *it)
{
    if (!it->parent || it->kind != HY_ITEM_NODE) return true;
    return it->node->key && it->node->kind != LK_SPAN && it->node->kind != LK_FIELDS;
}

/* The nearest ancestor-or-self whose mapping the item's key is read from. */
static const hy_item *mapping_of(const hy_item *it)
{
    while (it && !opens_mapping(it)) it = it->parent;
    return it;
}

static void key_path(const hy_item *it, hy_buf *out)
{
    if (!it || !it->parent) return;
    if (it->kind != HY_ITEM_NODE) {
        key_path(it->parent, out);
        hy_buf_printf(out, "[%d]", it->index + 1);
        return;
    }
    const hy_item *m = mapping_of(it->parent);
    key_path(m, out);
    if (!it->node->key) return;
    if (out->len) hy_buf_puts(out, ".");
    hy_buf_puts(out, it->node->key);
}

void hy_item_key_path(const hy_item *it, hy_buf *out)
{
    hy_buf_puts(out, "");  /* out->data is a string even for the root's empty path */
    key_path(it, out);
}

const hy_item *hy_model_item_get(const hy_model *m, const char *path)
{
    hy_buf b = {0};
    const hy_item *found = NULL;
    for (size_t i = 0; path && i < m->n_items && !found; i++) {
        const hy_item *it = m->items[i];
        if (it->kind != HY_ITEM_NODE || !it->node->key) continue;
        b.len = 0;
        hy_item_key_path(it, &b);
        if (!strcmp(b.data, path)) found = it;
    }
    hy_buf_free(&b);
    return found;
}

const char *hy_model_text_get(const hy_model *m, const char *path)
{
    const hy_item *it = hy_model_item_get(m, path);
    if (!it) return NULL;
    switch (it->node->kind) {
    case LK_TEXT: case LK_DATE: case LK_INT: case LK_CHOICE: case LK_PARAM: case LK_BLOCK:
        return it->is_list ? NULL : it->text.s;
    default:
        return NULL;
    }
}

/* ---- form paths ----------------------------------------------------------------------- */

/* Length in bytes of the label's number: the text before its first space, ideographic space
 * or full-width colon ("Ⅲ" of "Ⅲ リスク対策", "3." of "3. 特定個人情報の使用", "リスク2" of
 * "リスク2： 権限のない者…"); the whole label when it has none. */
static size_t designator_len(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') return i;
        if (!strncmp(s + i, "\u3000", 3) || !strncmp(s + i, "\uff1a", 3)) return i;
    }
    return n;
}

/* Length of the label without a trailing mark ※ and spaces ("①入手元 ※" → "①入手元"). */
static size_t clean_len(const char *s)
{
    size_t n = strlen(s);
    for (;;) {
        if (n >= 1 && s[n - 1] == ' ') n--;
        else if (n >= 3 && !strncmp(s + n - 3, "\u3000", 3)) n -= 3;
        else if (n >= 3 && !strncmp(s + n - 3, "\u203b", 3)) n -= 3;
        else return n;
    }
}

/* True for a label that starts with its own number: ① to ⑳ (the form's item numbers). */
static bool numbered(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    /* U+2460..U+2473 is E2 91 A0 .. E2 91 B3 */
    return u[0] == 0xE2 && u[1] == 0x91 && u[2] >= 0xA0 && u[2] <= 0xB3;
}

static void add_part(hy_buf *out, const char *s, size_t n, bool quoted)
{
    if (!n) return;
    if (out->len && !quoted) hy_buf_puts(out, " ");
    hy_buf_printf(out, quoted ? "「%.*s」" : "%.*s", (int)n, s);
}

static void form_path(const hy_item *it, hy_buf *out)
{
    if (!it || !it->parent) return;
    const lay_node *ln = it->node;
    const hy_item *up = it->parent;
    if (it->kind == HY_ITEM_ENTRY) {
        form_path(up->parent, out);  /* the entry's label names its group too */
        const char *at = ln->label ? strstr(ln->label, "{n}") : NULL;
        char num[16];
        snprintf(num, sizeof num, "%d", it->index + 1);
        hy_buf b = {0};
        if (at) hy_buf_printf(&b, "%.*s%s%s", (int)(at - ln->label), ln->label, num, at + 3);
        else hy_buf_printf(&b, "%s%s", ln->label ? ln->label : "", num);
        add_part(out, b.data, b.len, false);
        hy_buf_free(&b);
        return;
    }
    if (it->kind == HY_ITEM_ROW) {
        form_path(up, out);
        char num[32];
        snprintf(num, sizeof num, "%d行目", it->index + 1);
        add_part(out, num, strlen(num), false);
        return;
    }
    switch (ln->kind) {
    case LK_SECTION: {
        const char *t = ln->title ? ln->title : ln->bookmark;
        form_path(up, out);
        if (t) add_part(out, t, designator_len(t), false);
        return;
    }
    case LK_HEAD: case LK_RISK:
        form_path(up, out);
        if (ln->label) add_part(out, ln->label, designator_len(ln->label), false);
        return;
    case LK_GROUP: {
        form_path(up, out);
        const char *at = ln->label ? strstr(ln->label, "{n}") : NULL;
        if (ln->label) add_part(out, ln->label, at ? (size_t)(at - ln->label) : strlen(ln->label), false);
        return;
    }
    default:
        break;
    }
    if (ln->label) {
        /* A numbered row stands on its own; an unnumbered one is named within its span. */
        bool num = numbered(ln->label);
        form_path(num && up->node->kind == LK_SPAN && up->kind == HY_ITEM_NODE ? up->parent : up, out);
        add_part(out, ln->label, clean_len(ln->label), !num);
    } else {
        form_path(up, out);
        /* An unlabelled value is named by the row it fills; a table cell or a parameter by its key. */
        if (ln->key && (up->kind == HY_ITEM_ROW || ln->kind == LK_PARAM))
            add_part(out, ln->key, strlen(ln->key), true);
    }
}

void hy_item_form_path(const hy_item *it, hy_buf *out)
{
    hy_buf b = {0};  /* built alone: add_part() spaces parts by the length built so far */
    form_path(it, &b);
    hy_buf_puts(out, b.data ? b.data : "");
    hy_buf_free(&b);
}

/* ---- identity ------------------------------------------------------------------------- */

bool hy_item_same(const hy_item *a, const hy_item *b)
{
    for (; a && b; a = a->parent, b = b->parent)
        if (a->kind != b->kind || a->node != b->node || a->index != b->index) return false;
    return !a && !b;
}

const hy_item *hy_item_kid_get(const hy_item *parent, const hy_item *like)
{
    for (size_t i = 0; parent && i < parent->n_kids; i++) {
        const hy_item *k = parent->kids[i];
        if (k->kind == like->kind && k->node == like->node && k->index == like->index) return k;
    }
    return NULL;
}
