/* pdf_font.h — a subset font (subset.h) as the PDF objects that embed it (PDF 32000-1 9.7):
 * a Type0 font with the Identity-H encoding over a CIDFontType2 that has one CID per
 * character, its widths, its font descriptor with the font program, the CID-to-glyph map,
 * and a ToUnicode map so that readers can search and copy the text. */
#ifndef HY_PDF_FONT_H
#define HY_PDF_FONT_H

#include "pdf_stream.h"
#include "subset.h"

#include <hpdf.h>
#include <hpdf_objects.h>

/* The Type0 font dictionary (an indirect object of pdf), for a page's /Font resources; NULL
 * if libharu failed (its error handler has the reason). */
HPDF_Dict hy_pdf_font_new(HPDF_Doc pdf, hy_deflater *z, const hy_subset *s);

#endif
