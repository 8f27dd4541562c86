/* diff.h — versions of one document compared item by item through their bound models
 * (model.h), not line by line through YAML. An item is identified by its place in the form
 * (section, group entry, table row: hy_item_same), so reordered keys, quoting or block styles
 * that print the same are no change; a group entry or table row given in one version and not
 * in another is one change, not one per field; every value compares as the form prints it
 * (diff_text.c). This module owns the comparison; the writers (diff_out.c) own the formats. */
#ifndef HY_DIFF_H
#define HY_DIFF_H

#include "model.h"
#include "util.h"

#include <stdbool.h>

/* Most versions one run compares: OLD, NEW and the NEWER ones. */
#define DF_MAX_VERSIONS 8

/* One item that is not printed the same in every version. */
typedef struct {
    const hy_item *item[DF_MAX_VERSIONS];  /* the item in each version, NULL where it has none */
    char *path;                  /* as the form names it: "Ⅲ 3. リスク2「リスクへの対策は十分か」" */
    char *key_path;              /* as the YAML names it: "III.使用.リスク2.対策は十分か" */
    char *text[DF_MAX_VERSIONS]; /* as printed in each version; "" where it prints nothing */
    bool prose;                  /* a written text or a checkbox list: changed passages may be marked */
    const hy_item *old_place;    /* item[0], or where version 0 would print it: its nearest
                                    ancestor that version 0 has (an entry added later) */
} df_change;

typedef struct {
    df_change *items;            /* in layout order */
    size_t n, cap;
    size_t n_versions;
} df_changes;

/* Compares models[0..n) (n <= DF_MAX_VERSIONS, all of one lay_form, so that their items share
 * layout nodes) and appends every item whose printed value differs between any two
 * consecutive versions. Items at the key paths of `skip` (NULL-terminated; NULL: none) are
 * not compared: the change table the result is written into ("別添2.変更箇所") and the
 * document's own date (the layout's meta date, 表紙.公表日), which dates the change rather than
 * being one. */
void df_compare(const hy_model *const *models, size_t n, const char *const *skip, df_changes *out);
void df_changes_free(df_changes *c);

/* Appends the item's value as the form prints it (diff_text.c): texts without the line-end
 * spaces and final line breaks that print nothing; dates in the era; a choice as
 * "[ 選択肢 ]" with its count on the next line; checked items, one a line, with the form's
 * mark and their parenthesis texts; a whole entry or row as its labelled values, one a line. Nothing for an item the
 * version does not give. */
void df_item_text(const hy_model *m, const hy_item *it, hy_buf *out);

/* True for items whose value df_item_text prints (leaves of the comparison). */
bool df_item_has_value(const hy_item *it);

#endif
