/* pdf_archive.h — what makes every PDF hyoka writes a PDF/A-2u file (ISO 19005-2:2011, level U)
 * that identifies itself as PDF/UA-1 (ISO 14289-1:2014):
 *   - the PDF 1.7 header (ISO 19005-2 6.1.2);
 *   - an XMP metadata stream, unfiltered, that agrees with the document information dictionary
 *     (6.6.2.3.1: Title = dc:title, Author = dc:creator, Subject = dc:description, Creator =
 *     xmp:CreatorTool, Producer = pdf:Producer, CreationDate = xmp:CreateDate, ModDate =
 *     xmp:ModifyDate), the pdfaid and pdfuaid identification, and the PDF/UA identification
 *     schema declared as an extension schema (6.6.2.3.3);
 *   - one OutputIntent (GTS_PDFA1) with the sRGB profile of icc/ embedded (6.2.3);
 *   - a trailer /ID (6.1.3) derived from the document's content, not from the clock, so that
 *     two renders of the same input stay byte-identical.
 * The tagged structure (PDF/UA's other half) is pdf_struct.c's. */
#ifndef HY_PDF_ARCHIVE_H
#define HY_PDF_ARCHIVE_H

#include "pdf_stream.h"

#include <hpdf.h>
#include <hpdf_encrypt.h>
#include <stdbool.h>
#include <stddef.h>

/* The document's identifier: an MD5 digest over everything that decides the file's content
 * (page content, document information), fed in as it is produced. */
typedef struct { HPDF_MD5_CTX md5; } hy_pdf_id;

void hy_pdf_id_init(hy_pdf_id *id);
void hy_pdf_id_add(hy_pdf_id *id, const void *data, size_t len);
/* Adds a string and its terminating NUL (so that "ab"+"c" and "a"+"bc" differ); NULL adds 0xFF. */
void hy_pdf_id_add_str(hy_pdf_id *id, const char *s);

/* The document information as UTF-8 (NULL: absent), as set in the Info dictionary. */
typedef struct {
    const char *title, *author, *subject, *creator;
    const char *lang;       /* "ja": dc:language */
} hy_pdf_meta;

/* Adds the metadata stream, the output intent and the /ID to pdf, and sets the 1.7 header.
 * Call it last, after the Info dictionary is complete: the producer and the dates are read
 * back from it, so the XMP cannot disagree with it. Returns false if libharu failed (its
 * error handler has the reason). */
bool hy_pdf_archive_finish(HPDF_Doc pdf, hy_deflater *z, const hy_pdf_meta *meta, hy_pdf_id *id);

#endif
