/* placeholder.c — warnings for HY_TODO left in a document (see placeholder.h). */
#include "placeholder.h"

#include <string.h>

static size_t check(const hy_model *m, const hy_item *it, hy_text t, hy_diags *d)
{
    if (!t.s || !strstr(t.s, HY_TODO)) return 0;
    hy_buf path = {0};
    hy_item_form_path(it, &path);
    hy_diag_warn(d, m->file, t.line, t.col, "%s still says '%s': write what belongs there in its place",
                 path.data && *path.data ? path.data : "this item", HY_TODO);
    hy_buf_free(&path);
    return 1;
}

size_t hy_placeholders_warn(const hy_model *m, hy_diags *d)
{
    size_t found = 0;
    for (size_t i = 0; i < m->n_items; i++) {
        const hy_item *it = m->items[i];
        found += check(m, it, it->text, d);  /* an entry's text is its title */
        if (it->kind != HY_ITEM_NODE) continue;
        found += check(m, it, it->count, d);
        for (size_t k = 0; k < it->n_texts; k++) found += check(m, it, it->texts[k], d);
        for (size_t k = 0; k < it->n_checks; k++) found += check(m, it, it->checks[k].paren, d);
        for (size_t k = 0; k < it->n_blocks; k++) {
            const hy_block *b = &it->blocks[k];
            found += check(m, it, b->heading, d) + check(m, it, b->body, d);
            for (size_t j = 0; j < b->n_items; j++) found += check(m, it, b->items[j], d);
        }
    }
    return found;
}
