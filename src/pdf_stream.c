/* pdf_stream.c — self-deflated stream objects (see pdf_stream.h). */
#include "pdf_stream.h"
#include "util.h"

#include <hpdf_doc.h>
#include <libdeflate.h>
#include <stdlib.h>

/* Level 6 (zlib's default, which libharu used): on a 15-page document's streams libdeflate
 * takes 6.5 ms at level 6, 3.6 ms at level 1 for 8 % more bytes, 19 ms at level 9 for 1 %
 * fewer. Published files are downloaded many times; level 6 is the balance. */
#define LEVEL 6

struct hy_deflater {
    struct libdeflate_compressor *c;
    unsigned char *out;
    size_t cap;
};

hy_deflater *hy_deflater_new(void)
{
    return hy_deflater_new_level(LEVEL);
}

hy_deflater *hy_deflater_new_level(int level)
{
    hy_deflater *z = hy_xcalloc(1, sizeof *z);
    z->c = libdeflate_alloc_compressor(level);
    if (!z->c) hy_die_oom();  /* it fails for want of memory only (util.h) */
    return z;
}

void hy_deflater_free(hy_deflater *z)
{
    if (!z) return;
    libdeflate_free_compressor(z->c);
    free(z->out);
    free(z);
}

/* libharu writes /Filter from dict->filter, and removes the key when that says "none"; the
 * key for bytes that arrive compressed is therefore written by this callback, which libharu
 * calls while writing the dictionary. */
static HPDF_STATUS write_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

size_t hy_deflate(hy_deflater *z, const void *data, size_t len, const unsigned char **out)
{
    size_t bound = libdeflate_zlib_compress_bound(z->c, len);
    if (bound > z->cap) {
        free(z->out);
        z->out = hy_xmalloc(bound);
        z->cap = bound;
    }
    *out = z->out;
    return libdeflate_zlib_compress(z->c, data, len, z->out, z->cap);
}

bool hy_pdf_stream_put(hy_deflater *z, HPDF_Dict dict, const void *data, size_t len)
{
    const unsigned char *unused;
    size_t n = hy_deflate(z, data, len, &unused);
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_filter;
    return n > 0 && HPDF_Stream_Write(dict->stream, z->out, (HPDF_UINT)n) == HPDF_OK;
}

HPDF_Dict hy_pdf_stream_new(hy_deflater *z, HPDF_Doc pdf, const void *data, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    return d && hy_pdf_stream_put(z, d, data, len) ? d : NULL;
}
