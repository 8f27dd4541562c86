/* form.h — lays out a validated document with its layout: walks the layout tree, reads each
 * value from the document, and builds the bordered rows of the form (label cells, value
 * cells, choice and checkbox cells, repeated groups, tables), then paginates them into
 * hy_boxes. This module decides what the page looks like; it never calls libharu. */
#ifndef HY_FORM_H
#define HY_FORM_H

#include "boxes.h"
#include "diag.h"
#include "font.h"
#include "layout_def.h"
#include "yaml_load.h"

typedef struct {
    const char *stamp;       /* printed at the top right of every page (資料2-1), or NULL */
    const char *watermark;   /* light diagonal text (案), or NULL */
    const char *date;        /* ISO date for the document information if the layout has none */
} hy_form_options;

/* Lays out doc (already validated against form) into b. Returns false with located errors
 * if some text cannot be set (a character no font has). */
bool hy_form_layout(const lay_form *form, const yl_doc *doc, hy_fontset *fonts,
                    const hy_form_options *opt, hy_boxes *b, hy_diags *d);

#endif
