/* content.h — a laid-out page (boxes.h) as the bytes of a PDF content stream: the operators
 * that fill, stroke and show text (PDF 32000-1 chapters 8 and 9). It knows the PDF syntax,
 * not libharu: the PDF writer (pdf_out.c) puts these bytes into the page and names the
 * resources they refer to.
 *
 * Why not libharu's page operators: each of them re-checks the page state, clears a buffer and
 * formats its numbers one by one, and HPDF_Page_ShowText re-measures every string; together a
 * fifth of a document's time (docs/batch.md). Here a page is one pass over its boxes. */
#ifndef HY_CONTENT_H
#define HY_CONTENT_H

#include "boxes.h"
#include "subset.h"
#include "util.h"

typedef struct {
    const hy_subset *subset;  /* NULL: the font draws nothing in this document */
    char resource[8];         /* its name in the page's /Font resources: "F1" */
} hy_content_font;

/* The name in the page's /ExtGState resources of a graphics state with fill and stroke
 * alpha `alpha` (for translucent text); the PDF writer provides it. */
typedef const char *(*hy_gstate_name)(void *ctx, double alpha);

/* The marked content of a page (ISO 32000-1 14.6, 14.7.4.2, 14.8.2.2): each stretch of text of
 * one structure element is a marked-content sequence tagged with the element's type and an
 * MCID (numbered from 0 on each page); fills, rules, the page number and repeated texts are
 * artifacts. */
typedef struct {
    const hy_elem *elems;   /* the document's structure elements (hy_boxes.elems) */
    int *elem_of_mcid;      /* out: the element of MCID i (caller frees; reused across pages) */
    size_t n_mcids, cap_mcids;
} hy_content_tags;

/* Appends to out the operators that draw page p, whose height is page_h points: fills, then
 * rules, then opaque text in one text object, then translucent text. Text is shown as the
 * CIDs of fonts[t->font].subset (Identity-H: two bytes a character). With tags (not NULL),
 * everything drawn is marked content or an artifact, and tags->elem_of_mcid is refilled for
 * this page. */
void hy_content_page(hy_buf *out, const hy_page *p, double page_h, const hy_content_font *fonts,
                     hy_gstate_name gstate, void *ctx, hy_content_tags *tags);

#endif
