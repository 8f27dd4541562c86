/* placeholder.c — warnings for HY_TODO left in a document (see placeholder.h). */
#include "placeholder.h"

#include <string.h>

/* Warnings shown one by one; the rest are counted in one more, so that reminders never crowd
 * an error out of the list (hy_diags keeps 50). */
#define SHOWN 10

typedef struct {
    const hy_model *m;
    hy_diags *d;
    size_t found;
} scan;

static void check(scan *s, const hy_item *it, hy_text t)
{
    if (!t.s || !strstr(t.s, HY_TODO) || s->found++ >= SHOWN) return;
    hy_buf path = {0};
    hy_item_form_path(it, &path);
    hy_diag_msg_warn(s->d, s->m->file, t.line, t.col, HY_M_TODO_LEFT,
                     path.data && *path.data ? path.data : hy_msg(HY_M_THIS_ITEM), HY_TODO);
    hy_buf_free(&path);
}

size_t hy_placeholders_warn(const hy_model *m, hy_diags *d)
{
    scan s = {m, d, 0};
    for (size_t i = 0; i < m->n_items; i++) {
        const hy_item *it = m->items[i];
        check(&s, it, it->text);  /* an entry's text is its title */
        if (it->kind != HY_ITEM_NODE) continue;
        check(&s, it, it->count);
        for (size_t k = 0; k < it->n_texts; k++) check(&s, it, it->texts[k]);
        for (size_t k = 0; k < it->n_checks; k++) check(&s, it, it->checks[k].paren);
        for (size_t k = 0; k < it->n_blocks; k++) {
            const hy_block *b = &it->blocks[k];
            check(&s, it, b->heading);
            check(&s, it, b->body);
            for (size_t j = 0; j < b->n_items; j++) check(&s, it, b->items[j]);
        }
    }
    if (s.found > SHOWN) hy_diag_msg_warn(d, m->file, 0, 0, HY_M_TODO_MORE, s.found - SHOWN, HY_TODO);
    return s.found;
}
