/* canon.h — a document's keys as the form spells them. Writers type keys with an IME: `Ⅲ` for
 * III, full-width letters and parentheses (接続しない（入手）), a copied `1)`. After the form is
 * known (its layout loaded) and before the document is checked, every key that is not one of
 * the layout's keys but folds (textfold.h) to exactly one of them is rewritten to it, so that
 * the rest of the program sees the form's own wording. The same for choice values and checkbox
 * items (against the options of the layout nodes with that key), and dates written in another
 * form (date.h) become ISO dates; an impossible date is an error with its reason. Two keys of one mapping that name the
 * same item are an error, as are the YAML traps (yaml_traps.h) whose key is one of the form's. */
#ifndef HY_CANON_H
#define HY_CANON_H

#include "diag.h"
#include "layout_def.h"
#include "yaml_load.h"

/* An item of a checkbox list whose parenthesis is filled in but whose box is not checked is
 * written {item: text, チェック: なし} (docs/schema.md): this key, with なし (also しない, いいえ,
 * false, no) or あり (also する, はい, true, yes), folded as keys are. */
#define HY_KEY_CHECK_MARK "チェック"
/* The index (0 or 1) of the チェック entry of a two-entry mapping, or -1. */
long hy_check_mark_entry(const yl_node *map);
/* 0 for a "not checked" word, 1 for a "checked" one, -1 for anything else. */
int hy_check_mark_value(const char *s);

/* False (with located errors) on a key given twice or a trap. */
bool hy_canon(const lay_form *form, yl_doc *doc, hy_diags *d);

#endif
