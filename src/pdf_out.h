/* pdf_out.h — writes laid-out pages (hy_boxes) as a PDF. libharu assembles the document
 * (pages, resources, outline, information, cross-reference table); the page content comes
 * from content.c and the fonts from pdf_font.c. With pdf_font.c and pdf_stream.c this is the
 * only code that includes <hpdf.h>. It draws exactly what layout placed; it measures nothing.
 * The file is written to a temporary name beside the target and renamed into place, so a
 * failure never leaves a partial PDF where the previous one was. */
#ifndef HY_PDF_OUT_H
#define HY_PDF_OUT_H

#include "boxes.h"
#include "diag.h"
#include "font.h"

#include <stdint.h>

typedef struct {
    int64_t epoch;          /* SOURCE_DATE_EPOCH, or -1 */
    const char *creator;    /* "hyoka 0.3.0" */
} hy_pdf_options;

bool hy_pdf_write(const hy_boxes *b, const hy_fontset *fonts, const hy_pdf_options *opt,
                  const char *path, hy_diags *d);
/* The same PDF into a memory buffer (the fuzzer, the benchmark). */
bool hy_pdf_write_mem(const hy_boxes *b, const hy_fontset *fonts, const hy_pdf_options *opt,
                      hy_buf *out, hy_diags *d);

#endif
