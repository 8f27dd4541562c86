/* placeholder.h — reminders for texts a tool left for the writer: `hyoka diff` writes HY_TODO
 * (diag.h) where only the writer knows the answer (提出時期, 理由). Every stage that checks a
 * document (render, check, batch) warns where one is still there; the document still renders,
 * so a draft can be printed. */
#ifndef HY_PLACEHOLDER_H
#define HY_PLACEHOLDER_H

#include "diag.h"
#include "model.h"

/* Adds a located warning to d for each text of the model that holds HY_TODO, naming the item
 * as the form prints it: the first 10, then one that counts the rest. Returns the number found. */
size_t hy_placeholders_warn(const hy_model *m, hy_diags *d);

#endif
