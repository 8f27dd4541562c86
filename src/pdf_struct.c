/* pdf_struct.c — structure tree, parent tree and marking of a tagged PDF (see pdf_struct.h). */
#include "pdf_struct.h"
#include "util.h"

#include <hpdf_objects.h>

#include <hpdf_doc.h>
#include <stdlib.h>
#include <string.h>

/* An indirect dictionary of pdf. */
static HPDF_Dict new_object(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    return d && HPDF_Xref_Add(pdf->xref, d) == HPDF_OK ? d : NULL;
}

/* The object number of an indirect object of libharu. */
static size_t num_of(void *obj)
{
    return ((HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

static void put_num(hy_buf *b, size_t v)
{
    char tmp[24], *t = tmp + sizeof tmp;
    do *--t = (char)('0' + v % 10); while (v /= 10);
    hy_buf_add(b, t, (size_t)(tmp + sizeof tmp - t));
}

/* " N 0 R" */
static void put_ref(hy_buf *b, size_t num)
{
    hy_buf_puts(b, " ");
    put_num(b, num);
    hy_buf_puts(b, " 0 R");
}

/* A text string in UTF-16BE with a byte order mark, as a hex string (ISO 32000-1 7.9.2.2). */
static void put_text(hy_buf *b, const char *utf8)
{
    hy_buf_puts(b, "<FEFF");
    uint32_t cp;
    for (size_t i = 0, len = strlen(utf8), k; (k = hy_utf8_decode(utf8 + i, len - i, &cp)); i += k) {
        uint16_t units[2];
        for (int u = 0, n = hy_utf16_encode(cp, units); u < n; u++) hy_buf_printf(b, "%04X", units[u]);
    }
    hy_buf_puts(b, ">");
}

/* A marked-content reference: MCID `mcid` on page `page`. */
typedef struct { size_t page, mcid; } mcref;

/* The kids of every element in reading order: its marked content, then its child elements. */
typedef struct {
    size_t *start;          /* element e's references are refs[start[e] .. start[e+1]) */
    mcref *refs;
    size_t *child_start;    /* element e's children are children[child_start[e] .. +1) */
    int *children;
} kids;

static kids collect(const hy_boxes *b, size_t n, const hy_struct_page *marks)
{
    kids k = {hy_xcalloc(n + 1, sizeof *k.start), NULL, hy_xcalloc(n + 1, sizeof *k.child_start), NULL};
    size_t total = 0;
    for (size_t p = 0; p < b->n_pages; p++)
        for (size_t m = 0; m < marks[p].n; m++, total++) k.start[marks[p].elem_of_mcid[m] + 1]++;
    for (size_t e = 0; e < n; e++) k.start[e + 1] += k.start[e];
    k.refs = hy_xmalloc((total + 1) * sizeof *k.refs);
    size_t *fill = hy_xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, k.start, (n + 1) * sizeof *fill);
    for (size_t p = 0; p < b->n_pages; p++)
        for (size_t m = 0; m < marks[p].n; m++) k.refs[fill[marks[p].elem_of_mcid[m]]++] = (mcref){p, m};
    for (size_t e = 1; e < n; e++) k.child_start[b->elems[e].parent + 1]++;
    for (size_t e = 0; e < n; e++) k.child_start[e + 1] += k.child_start[e];
    k.children = hy_xmalloc(n * sizeof *k.children);
    memcpy(fill, k.child_start, (n + 1) * sizeof *fill);
    for (size_t e = 1; e < n; e++) k.children[fill[b->elems[e].parent]++] = (int)e;
    free(fill);
    return k;
}

static void kids_free(kids *k)
{
    free(k->start);
    free(k->refs);
    free(k->child_start);
    free(k->children);
}

/* /A of a table cell (ISO 32000-1 14.8.5.7, Table 349): only what differs from the default. */
static void table_attributes(hy_buf *b, const hy_elem *el)
{
    if (!el->scope && el->row_span <= 1 && el->col_span <= 1) return;
    hy_buf_puts(b, "/A<</O/Table");
    if (el->scope) hy_buf_puts(b, el->scope == 'R' ? "/Scope/Row" : "/Scope/Column");
    if (el->row_span > 1) {
        hy_buf_puts(b, "/RowSpan ");
        put_num(b, (size_t)el->row_span);
    }
    if (el->col_span > 1) {
        hy_buf_puts(b, "/ColSpan ");
        put_num(b, (size_t)el->col_span);
    }
    hy_buf_puts(b, ">>");
}

/* /Pg, /K of element e: a lone kid directly, several in an array; MCIDs on the element's
 * own page as integers, others as marked-content reference dictionaries (14.7.4.3). */
static void element_kids(hy_buf *b, const kids *k, size_t e, const size_t *elem_num, const size_t *page_num)
{
    size_t n_refs = k->start[e + 1] - k->start[e], n_children = k->child_start[e + 1] - k->child_start[e];
    const mcref *r = k->refs + k->start[e];
    if (n_refs) {
        hy_buf_puts(b, "/Pg");
        put_ref(b, page_num[r[0].page]);
    }
    if (!n_refs && !n_children) return;
    hy_buf_puts(b, n_refs + n_children == 1 ? "/K" : "/K[");
    for (size_t i = 0; i < n_refs; i++) {
        if (r[i].page == r[0].page) {
            hy_buf_puts(b, " ");
            put_num(b, r[i].mcid);
            continue;
        }
        hy_buf_puts(b, "<</Type/MCR/Pg");
        put_ref(b, page_num[r[i].page]);
        hy_buf_puts(b, "/MCID ");
        put_num(b, r[i].mcid);
        hy_buf_puts(b, ">>");
    }
    for (size_t i = k->child_start[e]; i < k->child_start[e + 1]; i++) put_ref(b, elem_num[k->children[i]]);
    if (n_refs + n_children > 1) hy_buf_puts(b, "]");
}

bool hy_pdf_struct_add(HPDF_Doc pdf, const hy_boxes *b, HPDF_Page *pages, const hy_struct_page *marks,
                       hy_pdf_bodies *bodies)
{
    static const hy_elem document = {"Document", -1, NULL, 0, 1, 1};
    const hy_elem *elems = b->n_elems ? b->elems : &document;
    size_t n = b->n_elems ? b->n_elems : 1;
    /* placeholders: libharu numbers them and writes "<< >>"; pdf_pack.c puts in the values */
    HPDF_Dict root = new_object(pdf), tree = new_object(pdf);
    size_t *elem_num = hy_xmalloc(n * sizeof *elem_num), *page_num = hy_xmalloc((b->n_pages + 1) * sizeof *page_num);
    bool ok = root && tree;
    for (size_t e = 0; ok && e < n; e++) {
        HPDF_Dict d = new_object(pdf);
        ok = d != NULL;
        if (ok) elem_num[e] = num_of(d);
    }
    for (size_t p = 0; ok && p < b->n_pages; p++) page_num[p] = num_of(pages[p]);
    if (!ok) {
        free(elem_num);
        free(page_num);
        return false;
    }
    kids k = collect(b, n, marks);
    hy_buf *out = &bodies->data;
    for (size_t e = 0; e < n; e++) {
        const hy_elem *el = &elems[e];
        size_t from = out->len;
        hy_buf_puts(out, "<</S/");
        hy_buf_puts(out, el->type);
        hy_buf_puts(out, "/P");
        put_ref(out, e ? elem_num[el->parent] : num_of(root));
        element_kids(out, &k, e, elem_num, page_num);
        table_attributes(out, el);
        if (el->alt) {
            hy_buf_puts(out, "/Alt");
            put_text(out, el->alt);
        }
        hy_buf_puts(out, ">>");
        hy_pdf_bodies_set(bodies, elem_num[e], from);
    }
    /* The parent tree: page i (/StructParents i) maps MCID m to its element. */
    size_t from = out->len;
    hy_buf_puts(out, "<</Nums[");
    for (size_t p = 0; p < b->n_pages; p++) {
        put_num(out, p);
        hy_buf_puts(out, "[");
        for (size_t m = 0; m < marks[p].n; m++) put_ref(out, elem_num[marks[p].elem_of_mcid[m]]);
        hy_buf_puts(out, "]");
        HPDF_Dict_AddNumber(pages[p], "StructParents", (HPDF_INT32)p);
        HPDF_Dict_AddName(pages[p], "Tabs", "S");
    }
    hy_buf_puts(out, "]>>");
    hy_pdf_bodies_set(bodies, num_of(tree), from);
    from = out->len;
    hy_buf_puts(out, "<</Type/StructTreeRoot/K");
    put_ref(out, elem_num[0]);
    hy_buf_puts(out, "/ParentTree");
    put_ref(out, num_of(tree));
    hy_buf_puts(out, "/ParentTreeNextKey ");
    put_num(out, b->n_pages);
    hy_buf_puts(out, ">>");
    hy_pdf_bodies_set(bodies, num_of(root), from);
    HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(mark_info, "Marked", HPDF_Boolean_New(pdf->mmgr, HPDF_TRUE));
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
    ok = HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root) == HPDF_OK;
    kids_free(&k);
    free(elem_num);
    free(page_num);
    return ok;
}
