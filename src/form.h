/* form.h — lays out a bound document (hy_model): walks its items in layout order and builds
 * the bordered rows of the form (label cells, value cells, choice and checkbox cells,
 * repeated groups, tables), then paginates them into hy_boxes. This module decides what the
 * page looks like; it reads the model only (never the YAML) and never calls libharu. */
#ifndef HY_FORM_H
#define HY_FORM_H

#include "boxes.h"
#include "diag.h"
#include "font.h"
#include "model.h"

/* The most pages one document may have (README, limits): past it the document is refused with
 * a located error, so that time and memory stay bounded (issue 11). */
#define HY_MAX_PAGES 1000

typedef struct {
    const char *stamp;       /* printed at the top right of every page (資料2-1), or NULL */
    const char *watermark;   /* light diagonal text (案), or NULL */
    const char *date;        /* ISO date for the document information if the layout has none */
} hy_form_options;

/* Lays out the model (with its layout, m->form) into b, which it initialises (free with
 * hy_boxes_free). Returns false with located errors if some text cannot be set (a character
 * no font has). */
bool hy_form_layout(const hy_model *m, hy_fontset *fonts, const hy_form_options *opt, hy_boxes *b,
                    hy_diags *d);

#endif
