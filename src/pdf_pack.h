/* pdf_pack.h — the file libharu saves, made compact: libharu 2.3.0 writes every object on its
 * own with a classic cross-reference table, which for a tagged PDF's thousands of small
 * structure elements is most of the file. Here every object that is not a stream is moved
 * into object streams (ISO 32000-1 7.5.7), deflated, and the table becomes a cross-reference
 * stream (7.5.8) carrying the trailer's entries; streams (page content, fonts, the XMP
 * metadata, which PDF/A wants readable without decoding) are copied as they are. PDF 1.5
 * features, allowed in PDF/A-2 (ISO 19005-2 6.1.4 speaks of both forms). */
#ifndef HY_PDF_PACK_H
#define HY_PDF_PACK_H

#include "pdf_stream.h"
#include "util.h"

#include <stdbool.h>

/* Values written by hyoka for objects that libharu saved as placeholders (the thousands of
 * structure elements: built as text, they skip libharu's dictionaries): object number i has
 * the value data[start[i] .. start[i] + len[i]) when i < n and len[i] > 0. */
typedef struct {
    size_t *start, *len;
    size_t n;
    hy_buf data;
} hy_pdf_bodies;

/* Sets the value of object `num` to the bytes added to b->data since `from`. */
void hy_pdf_bodies_set(hy_pdf_bodies *b, size_t num, size_t from);
void hy_pdf_bodies_free(hy_pdf_bodies *b);

/* Rewrites the classic PDF pdf[0..len) into out (emptied first), with the values of `bodies`
 * (or NULL) in place of the placeholders. Returns false, with out untouched past what was
 * written, if pdf is not the form libharu writes (one revision, an xref table, a trailer). */
bool hy_pdf_pack(hy_deflater *z, const char *pdf, size_t len, const hy_pdf_bodies *bodies, hy_buf *out);

#endif
