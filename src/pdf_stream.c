/* pdf_stream.c — self-deflated stream objects (see pdf_stream.h). */
#include "pdf_stream.h"
#include "util.h"

#include <hpdf_doc.h>
#include <stdlib.h>
#include <zlib.h>

/* zlib level 6 (its default) makes files 9 % smaller than level 1 and costs twice the time;
 * see docs/batch.md for the measurements behind this choice. */
#define LEVEL 6

/* libharu writes /Filter from dict->filter, and removes the key when that says "none"; the
 * key for bytes that arrive compressed is therefore written by this callback, which libharu
 * calls while writing the dictionary. */
static HPDF_STATUS write_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

bool hy_pdf_stream_put(HPDF_Dict dict, const void *data, size_t len)
{
    uLongf cap = compressBound((uLong)len);
    unsigned char *z = hy_xmalloc(cap);
    bool ok = compress2(z, &cap, data, (uLong)len, LEVEL) == Z_OK &&
              HPDF_Stream_Write(dict->stream, z, (HPDF_UINT)cap) == HPDF_OK;
    free(z);
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_filter;
    return ok;
}

HPDF_Dict hy_pdf_stream_new(HPDF_Doc pdf, const void *data, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    return d && hy_pdf_stream_put(d, data, len) ? d : NULL;
}
