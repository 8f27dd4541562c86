/* pdf_stream.h — PDF stream objects whose data hyoka deflates itself.
 *
 * Why not libharu's own compression: it deflates at zlib's fixed default level through a small
 * buffer, a quarter of a document's time (docs/batch.md). Here each stream is compressed in one
 * call, at a level chosen for the nightly batch, and libharu only copies the bytes. */
#ifndef HY_PDF_STREAM_H
#define HY_PDF_STREAM_H

#include <hpdf.h>
#include <hpdf_objects.h>
#include <stdbool.h>
#include <stddef.h>

/* Deflates data into the (empty) stream of dict and marks it /FlateDecode. The dict must not
 * use libharu's compression (its filter is HPDF_STREAM_FILTER_NONE). */
bool hy_pdf_stream_put(HPDF_Dict dict, const void *data, size_t len);
/* A new indirect stream object holding data, deflated; NULL if libharu failed. */
HPDF_Dict hy_pdf_stream_new(HPDF_Doc pdf, const void *data, size_t len);

#endif
