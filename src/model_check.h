/* model_check.h — answers that contradict each other, and parts of the form left out: the
 * checks that warn (errors with --strict) rather than refuse. The rules are the layout's
 * (layout_def.h: none_option, none_check, governs, expected; docs/layout.md); nothing here
 * knows a particular form. */
#ifndef HY_MODEL_CHECK_H
#define HY_MODEL_CHECK_H

#include "model.h"

/* Adds a located warning (hy_diag_msg_warn) to d for each:
 *  - item that `governs` names, filled in although its choice is the `none_option`
 *    (委託しない with 委託事項 listed, 発生なし with その内容) or its heading's `none_check`
 *    is checked (委託しない: true with the risks answered);
 *  - choice with a `count` whose option is not the none option, when the count is not given
 *    but entries are listed, or nothing at all is listed (委託する, no 委託事項);
 *  - section marked `expected` that the document leaves out.
 * A text of only spaces and dashes (－) counts as blank. Returns the number of warnings. */
size_t hy_model_check(const hy_model *m, hy_diags *d);

#endif
