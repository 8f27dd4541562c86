/* diff_out.h — the changes between versions (diff.h) written as YAML a writer keeps editing:
 * rows for the (別添2) 変更箇所 table of the new version, or a whole 修正等を要する部分とその内容
 * document (layouts/revision.yaml); or as a plain list to read in a terminal. What the tool
 * cannot know (提出時期, 理由) is written as DF_TODO, which `hyoka check` reports until the
 * writer replaces it. Every text goes through yaml_emit.c, so the output reads back as written. */
#ifndef HY_DIFF_OUT_H
#define HY_DIFF_OUT_H

#include "diff.h"
#include "diff_page.h"

/* What the writers need to know about the versions besides the changes. */
typedef struct {
    const char *name[DF_MAX_VERSIONS];     /* as named on the command line */
    const char *date[DF_MAX_VERSIONS];     /* ISO date of each version (its 公表日, or --date for
                                              the last one); NULL when unknown */
    const char *heading[DF_MAX_VERSIONS];  /* revision: heading of version v's 修正案 column
                                              (v >= 1); NULL: 修正案（date） */
    const char *title;                     /* revision: 事務名; NULL: DF_TODO */
    const char *author;                    /* revision: 作成者; NULL: left out */
    const char *made;                      /* revision: 作成日 (ISO); NULL: left out */
    const char *page_heading;              /* revision: ページ見出し; NULL: left out */
    const char *gannen;                    /* how the first year of an era prints (元年) */
    const df_place *place;                 /* where each change stands in version 0's PDF */
} df_out_info;

/* Rows for 別添2 変更箇所: one per change between two consecutive versions, indented to be
 * appended under `別添2:` / `  変更箇所:` (the last section of the form, so `>>` works). */
void df_write_bessou2(const df_changes *c, const df_out_info *info, hy_buf *out);

/* A complete document of the revision layout: one row per change (項目, ページ, 現在の評価書,
 * one 修正案 per later version with 変更なし where a version kept its predecessor's text and
 * the changed passages of texts marked <u>…</u>, 理由 for the writer). */
void df_write_revision(const df_changes *c, const df_out_info *info, hy_buf *out);

/* The changes as text to read: the item, its page, then each version's text. */
void df_write_list(const df_changes *c, const df_out_info *info, hy_buf *out);

#endif
