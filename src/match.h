/* match.h — the writer's words against the layout's names: which option a choice value
 * stands for, which checkbox item a list entry names (accepted variant spellings included),
 * and, for a word that matches nothing, the closest name ("did you mean"). Knows nothing of
 * the YAML tree; used by the model (model.c) and the engine's choice of layout (render.c). */
#ifndef HY_MATCH_H
#define HY_MATCH_H

#include "layout_def.h"
#include "util.h"

/* The option of `o` that `value` stands for (its text or one of its variants), or NULL.
 * Borrowed from the layout. */
const lay_option *hy_match_option(const lay_options *o, const char *value);

/* The checkbox item of `cl` that `label` names (its label, or a variant the list maps to
 * it), or NULL. Borrowed from the layout. */
const lay_check *hy_match_check(const lay_checklist *cl, const char *label);

/* The name among `names` (const char *, UTF-8) closest to the misspelt `word` by edit
 * distance over code points, or NULL if none is close enough: at most a third of the word's
 * characters differ (at least one), or the name contains the word (two characters or more).
 * Borrows from `names`. */
const char *hy_match_suggest(const hy_vec *names, const char *word);

#endif
