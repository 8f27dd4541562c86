/* anchors_dump.c — test helper: lays out a document with hy_engine_document (nothing written)
 * and prints, one line per item of its bound model, where the item was drawn:
 *   id  kind  drawn  first_page  last_page  top  bottom  bookmark  form_path  key_path  text
 * separated by tabs (pages 1-based, y in pt from the top; \t \n \\ escaped in texts). The
 * bookmark column is the title of the outline entry the item starts (sections, headings).
 * tests/anchors.py checks these places against the PDF the hyoka binary renders. */
#include "render.h"

#include <stdio.h>

static void field(const char *s)
{
    putchar('\t');
    for (; s && *s; s++) {
        if (*s == '\t') fputs("\\t", stdout);
        else if (*s == '\n') fputs("\\n", stdout);
        else if (*s == '\\') fputs("\\\\", stdout);
        else putchar(*s);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: anchors_dump LAYOUTS_DIR FONTS_FILE DOC.yaml\n");
        return 2;
    }
    hy_render_options ro = {.layouts_dir = argv[1], .fonts_file = argv[2], .epoch = -1};
    hy_engine *e = hy_engine_new(&ro);
    hy_diags d = {0};
    hy_document *doc;
    int rc = hy_engine_document(e, argv[3], &doc, &d);
    if (rc != HY_OK) {
        hy_diags_print(&d, stderr);
    } else {
        const hy_model *m = doc->model;
        if (doc->boxes.n_anchors != m->n_items) {
            fprintf(stderr, "%zu anchors for %zu items\n", doc->boxes.n_anchors, m->n_items);
            rc = 1;
        }
        for (size_t i = 0; i < m->n_items && rc == HY_OK; i++) {
            const hy_item *it = m->items[i];
            const hy_anchor *a = &doc->boxes.anchors[it->id];
            const lay_node *ln = it->node;
            const char *mark = it->kind != HY_ITEM_NODE ? NULL
                               : ln->kind == LK_SECTION ? (ln->bookmark ? ln->bookmark : ln->title)
                               : ln->kind == LK_HEAD ? ln->label : NULL;
            printf("%zu\t%s\t%d\t%zu\t%zu\t%.2f\t%.2f", it->id,
                   it->kind == HY_ITEM_ENTRY ? "entry" : it->kind == HY_ITEM_ROW ? "row" : lay_kind_name(ln->kind),
                   a->drawn, a->first_page + 1, a->last_page + 1, a->top, a->bottom);
            field(mark);
            hy_buf fp = {0}, kp = {0};
            hy_item_form_path(it, &fp);
            hy_item_key_path(it, &kp);
            field(fp.data);
            field(kp.data);
            field(it->kind == HY_ITEM_NODE && !it->is_list ? it->text.s : NULL);
            putchar('\n');
            hy_buf_free(&fp);
            hy_buf_free(&kp);
        }
        hy_document_free(doc);
    }
    hy_diags_free(&d);
    hy_engine_free(e);
    return rc;
}
