/* pdf_stream.h — PDF stream objects whose data hyoka deflates itself.
 *
 * Why not libharu's own compression: it runs zlib at its fixed default level through a 4 KB
 * buffer, a quarter of a document's time (docs/batch.md). Here each stream is compressed in
 * one call with libdeflate, which is two and a half times faster than zlib at the same level
 * and makes slightly smaller streams; libharu only copies the bytes. */
#ifndef HY_PDF_STREAM_H
#define HY_PDF_STREAM_H

#include <hpdf.h>
#include <hpdf_objects.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct hy_deflater hy_deflater;  /* a compressor with its work memory, reused */

hy_deflater *hy_deflater_new(void);  /* never NULL: out of memory ends the process (util.h) */
/* The same at libdeflate level `level` (1 fastest … 12 smallest). */
hy_deflater *hy_deflater_new_level(int level);
void hy_deflater_free(hy_deflater *z);

/* Deflates data[0..len) in the zlib format; *out points into z's buffer (valid until the next
 * call). Returns the compressed length, 0 on failure. */
size_t hy_deflate(hy_deflater *z, const void *data, size_t len, const unsigned char **out);
/* Deflates data into the (empty) stream of dict and marks it /FlateDecode. The dict must not
 * use libharu's compression (its filter is HPDF_STREAM_FILTER_NONE). */
bool hy_pdf_stream_put(hy_deflater *z, HPDF_Dict dict, const void *data, size_t len);
/* A new indirect stream object holding data, deflated; NULL if libharu failed. */
HPDF_Dict hy_pdf_stream_new(hy_deflater *z, HPDF_Doc pdf, const void *data, size_t len);

#endif
