/* yaml_traps.h — the mistakes that Japanese typing makes in YAML, found in the source text
 * before libyaml reads it, each reported at the trap itself (libyaml would report the next line,
 * or read the line silently as something else):
 *   a full-width space (U+3000) or a no-break space (U+00A0) in the indentation;
 *   a full-width `：` after a key (名称：住民);
 *   no space after `:` (名称:住民) or after a list's `-` (-個人番号), or a full-width `－ `;
 *   a value that starts with `[` or `{` and goes on with text after the bracket closes
 *   ([ ] 10万人以上…, [別紙] 参照), which YAML reads as a list or mapping.
 * Lines inside block texts (|, >), multi-line quoted texts, flow collections and continuation
 * lines of a plain text are not looked at: there these characters are the writer's text.
 *
 * Some finds are certain (the line can mean nothing else). Others are suspects: `名称:住民` on
 * the line after `事務:` may be the key 名称 without its space or a text value "名称:住民";
 * `- その他:保険年金` may be a list item's text. A suspect is reported when the YAML does not
 * parse at or after its line, or (yt_suspect_is_key) when its key is one of the form's keys. */
#ifndef HY_YAML_TRAPS_H
#define HY_YAML_TRAPS_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    YT_IDEOGRAPHIC_SPACE_INDENT,
    YT_NO_BREAK_SPACE_INDENT,
    YT_FULLWIDTH_COLON,
    YT_NO_SPACE_AFTER_COLON,
    YT_NO_SPACE_AFTER_DASH,
    YT_FULLWIDTH_DASH,
    YT_FLOW_THEN_TEXT,
} yt_kind;

typedef struct {
    yt_kind kind;
    int line, col;          /* 1-based; the column counted in characters */
    bool certain;
    char key[96];           /* the key before the colon (colon traps), else the text shown */
} yt_trap;

typedef struct {
    yt_trap *items;
    size_t n, cap;
} yt_traps;

/* Scans data (len bytes of UTF-8, already checked) and appends what it finds to out. */
void yt_scan(const char *data, size_t len, yt_traps *out);
void yt_free(yt_traps *t);

/* Adds the located message of one trap to d. */
void yt_report(const yt_trap *t, const char *file, hy_diags *d);
/* Reports the certain traps of t and removes them, leaving the suspects; true if there were
 * none. */
bool yt_report_certain(yt_traps *t, const char *file, hy_diags *d);
/* When the YAML cannot be read at `line`: reports the suspects on or before that line, its
 * likely cause, in place of the parser's message. False if there are none. */
bool yt_report_upto(const yt_traps *t, int line, const char *file, hy_diags *d);

#endif
