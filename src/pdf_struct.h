/* pdf_struct.h — the document's logical structure (hy_boxes.elems) as the objects of a tagged
 * PDF (ISO 32000-1 14.7, 14.8; ISO 14289-1 7.1): the structure tree root, one structure element
 * per hy_elem with its parent, its children and marked-content references in reading order,
 * table attributes (Scope, RowSpan, ColSpan) and alternate text; the parent tree from each
 * page's MCIDs back to their elements; /MarkInfo, and /StructParents and /Tabs /S on pages. */
#ifndef HY_PDF_STRUCT_H
#define HY_PDF_STRUCT_H

#include "boxes.h"
#include "pdf_pack.h"

#include <hpdf.h>
#include <stdbool.h>

/* The marked content of one page as content.c wrote it: the element of MCID i. */
typedef struct {
    int *elem_of_mcid;
    size_t n;
} hy_struct_page;

/* Adds the structure of b to pdf; pages[i] was drawn from b->pages[i] with MCIDs marks[i].
 * The structure tree's objects are placeholders in pdf whose values are added to bodies, for
 * hy_pdf_pack(). Returns false if libharu failed (its error handler has the reason). */
bool hy_pdf_struct_add(HPDF_Doc pdf, const hy_boxes *b, HPDF_Page *pages, const hy_struct_page *marks,
                       hy_pdf_bodies *bodies);

#endif
