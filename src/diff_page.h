/* diff_page.h — where each changed item stands in the first version's PDF: its page, from the
 * layout's item anchors (the first and last page and position where an item was drawn), and
 * for a text that runs over several pages, the page of its first changed line, which the
 * revision document then quotes alone, the unchanged lines around it left out as (略)
 * (the committees' convention, spec/revision-table.md §4.3). */
#ifndef HY_DIFF_PAGE_H
#define HY_DIFF_PAGE_H

#include "boxes.h"
#include "diff.h"

typedef struct {
    int page;        /* 1-based page of version 0's PDF; 0: not printed there */
    bool excerpt;    /* the item runs over several pages: quote its changed lines only */
} df_place;

/* Fills places[0..c->n) from b, the laid-out version 0 of c (its anchors and lines). */
void df_places(const hy_boxes *b, const df_changes *c, df_place *places);

/* The lines of s flagged in keep (one flag per td_line_count line), each run of lines left out
 * replaced by one line (略); s itself when every line or none is kept. Caller frees. */
char *df_excerpt_copy(const char *s, const bool *keep);

#endif
