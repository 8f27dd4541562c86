/* validate.h — checks a document against its layout before anything is laid out: unknown
 * keys (with a "did you mean"), wrong types, choice values not in the option list, unknown
 * checkbox items, missing required items, counts that contradict their lists, bad dates.
 * After a successful check the layout code may trust the document's shape. */
#ifndef HY_VALIDATE_H
#define HY_VALIDATE_H

#include "diag.h"
#include "layout_def.h"
#include "yaml_load.h"

/* Keys every document may have besides its layout's. */
#define HY_KEY_FORM "様式"
#define HY_KEY_STYLE "書式"

/* Most headings a document may name for a multi column (修正案見出し): the column's share of
 * the page is divided among them. */
#define HY_MAX_HEADINGS 12

bool hy_validate(const lay_form *form, const yl_doc *doc, hy_diags *d);

/* The name of `names` (const char *) closest to a misspelt word, or NULL if none is close. */
const char *hy_suggest(const hy_vec *names, const char *word);

/* The layout option a choice value stands for (matching variants too), or NULL. */
const lay_option *hy_option_match(const lay_options *o, const char *value);
/* The checkbox item a list entry names (matching variants too), or NULL. */
const lay_check *hy_check_match(const lay_checklist *cl, const char *label);

#endif
