/* layout_rules.h — the layout's rules for consistent answers, checked when a layout is loaded
 * (layout_def.c calls these): `none_option` must be one of the choice's options, `none_check`
 * one of the heading's checkboxes, `governs` needs one of them and names keys that exist in
 * the same mapping. The document's answers are checked against them in model_check.c. */
#ifndef HY_LAYOUT_RULES_H
#define HY_LAYOUT_RULES_H

#include "cfg.h"
#include "layout_def.h"

/* Checks the rule attributes of one node (m: its mapping in the layout file). */
void lay_rules_node(cfg_ctx *c, const lay_node *ln, const yl_node *m);
/* Checks that every `governs` key names an item of the mapping its rule lives in. */
void lay_rules_tree(cfg_ctx *c, const lay_node *root);

#endif
