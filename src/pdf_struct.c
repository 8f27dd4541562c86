/* pdf_struct.c — structure tree, parent tree and marking of a tagged PDF (see pdf_struct.h). */
#include "pdf_struct.h"
#include "util.h"

#include <hpdf_doc.h>
#include <stdlib.h>
#include <string.h>

/* An indirect dictionary of pdf. */
static HPDF_Dict new_object(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    return d && HPDF_Xref_Add(pdf->xref, d) == HPDF_OK ? d : NULL;
}

/* A text string in UTF-16BE with a byte order mark (ISO 32000-1 7.9.2.2). */
static HPDF_Binary text_string(HPDF_Doc pdf, const char *utf8)
{
    hy_buf b = {0};
    hy_buf_add(&b, "\xFE\xFF", 2);
    uint32_t cp;
    for (size_t i = 0, len = strlen(utf8), k; (k = hy_utf8_decode(utf8 + i, len - i, &cp)); i += k) {
        uint16_t units[2];
        for (int u = 0, n = hy_utf16_encode(cp, units); u < n; u++) {
            unsigned char c[2] = {(unsigned char)(units[u] >> 8), (unsigned char)units[u]};
            hy_buf_add(&b, c, 2);
        }
    }
    HPDF_Binary s = HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    hy_buf_free(&b);
    return s;
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
static void table_attributes(HPDF_Doc pdf, HPDF_Dict d, const hy_elem *el)
{
    if (!el->scope && el->row_span <= 1 && el->col_span <= 1) return;
    HPDF_Dict a = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddName(a, "O", "Table");
    if (el->scope) HPDF_Dict_AddName(a, "Scope", el->scope == 'R' ? "Row" : "Column");
    if (el->row_span > 1) HPDF_Dict_AddNumber(a, "RowSpan", el->row_span);
    if (el->col_span > 1) HPDF_Dict_AddNumber(a, "ColSpan", el->col_span);
    HPDF_Dict_Add(d, "A", a);
}

/* /K, /Pg of element e: a lone kid directly, several in an array; MCIDs on the element's
 * own page as integers, others as marked-content reference dictionaries (14.7.4.3). */
static void element_kids(HPDF_Doc pdf, HPDF_Dict d, const kids *k, size_t e, HPDF_Dict *dicts,
                         HPDF_Page *pages)
{
    size_t n_refs = k->start[e + 1] - k->start[e], n_children = k->child_start[e + 1] - k->child_start[e];
    const mcref *r = k->refs + k->start[e];
    if (n_refs) HPDF_Dict_Add(d, "Pg", pages[r[0].page]);
    if (n_refs + n_children == 1) {
        if (n_refs) HPDF_Dict_AddNumber(d, "K", (HPDF_INT32)r[0].mcid);
        else HPDF_Dict_Add(d, "K", dicts[k->children[k->child_start[e]]]);
        return;
    }
    if (!n_refs && !n_children) return;
    HPDF_Array a = HPDF_Array_New(pdf->mmgr);
    for (size_t i = 0; i < n_refs; i++) {
        if (r[i].page == r[0].page) {
            HPDF_Array_AddNumber(a, (HPDF_INT32)r[i].mcid);
            continue;
        }
        HPDF_Dict mcr = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", pages[r[i].page]);
        HPDF_Dict_AddNumber(mcr, "MCID", (HPDF_INT32)r[i].mcid);
        HPDF_Array_Add(a, mcr);
    }
    for (size_t i = k->child_start[e]; i < k->child_start[e + 1]; i++) HPDF_Array_Add(a, dicts[k->children[i]]);
    HPDF_Dict_Add(d, "K", a);
}

bool hy_pdf_struct_add(HPDF_Doc pdf, const hy_boxes *b, HPDF_Page *pages, const hy_struct_page *marks)
{
    static const hy_elem document = {"Document", -1, NULL, 0, 1, 1};
    const hy_elem *elems = b->n_elems ? b->elems : &document;
    size_t n = b->n_elems ? b->n_elems : 1;
    HPDF_Dict root = new_object(pdf), tree = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array nums = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict *dicts = hy_xmalloc(n * sizeof *dicts);
    bool ok = root && tree && nums;
    for (size_t e = 0; ok && e < n; e++) ok = (dicts[e] = new_object(pdf)) != NULL;
    if (!ok) {
        free(dicts);
        return false;
    }
    kids k = collect(b, n, marks);
    for (size_t e = 0; e < n; e++) {
        const hy_elem *el = &elems[e];
        HPDF_Dict_AddName(dicts[e], "S", el->type);
        HPDF_Dict_Add(dicts[e], "P", e ? dicts[el->parent] : root);
        element_kids(pdf, dicts[e], &k, e, dicts, pages);
        table_attributes(pdf, dicts[e], el);
        if (el->alt) HPDF_Dict_Add(dicts[e], "Alt", text_string(pdf, el->alt));
    }
    /* The parent tree: page i (/StructParents i) maps MCID m to its element. */
    for (size_t p = 0; p < b->n_pages; p++) {
        HPDF_Array of_page = HPDF_Array_New(pdf->mmgr);
        for (size_t m = 0; m < marks[p].n; m++) HPDF_Array_Add(of_page, dicts[marks[p].elem_of_mcid[m]]);
        HPDF_Array_AddNumber(nums, (HPDF_INT32)p);
        HPDF_Array_Add(nums, of_page);
        HPDF_Dict_AddNumber(pages[p], "StructParents", (HPDF_INT32)p);
        HPDF_Dict_AddName(pages[p], "Tabs", "S");
    }
    HPDF_Dict_Add(tree, "Nums", nums);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    HPDF_Dict_Add(root, "K", dicts[0]);
    HPDF_Dict_Add(root, "ParentTree", tree);
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", (HPDF_INT32)b->n_pages);
    HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(mark_info, "Marked", HPDF_Boolean_New(pdf->mmgr, HPDF_TRUE));
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
    ok = HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root) == HPDF_OK;
    kids_free(&k);
    free(dicts);
    return ok;
}
