/* blank.h — a complete blank document of a form (`hyoka new KIND`): every key of the form in
 * layout order, each with a Japanese comment naming the item as the form prints it and, for a
 * choice or a checkbox list, every option; values empty, so that the document passes `check`
 * and renders as the empty form. Required texts hold HY_TODO (【要記入】), which check warns
 * about until it is replaced; a required number or date holds a sample the comment says to
 * replace. Generated from the loaded layout (formkeys.h). */
#ifndef HY_BLANK_H
#define HY_BLANK_H

#include "layout_def.h"
#include "util.h"

/* Appends the blank document of `form` to out (UTF-8 YAML). */
void hy_blank_write(const lay_form *form, hy_buf *out);

#endif
