/* yaml_scalar.h — what libyaml's scalar values lose, recovered from the source text: where a
 * value's line breaks were, and what a comment cut off. Used by yaml_load.c only; positions
 * are libyaml's (0-based line, 0-based column counted in characters). */
#ifndef HY_YAML_SCALAR_H
#define HY_YAML_SCALAR_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* The source text with the byte offset of each line's start (lines end at LF, CR LF or CR,
 * as libyaml counts them; the loader refuses U+2028, U+2029 and U+0085 before this). */
typedef struct {
    const char *data;
    size_t len;
    size_t *line_start;     /* n_lines entries */
    size_t n_lines;
    size_t memo_line, memo_col, memo_off;  /* the last position looked up: libyaml's marks move
                                              forward, so a long line is walked once, not once
                                              per value on it */
} ys_source;

void ys_source_init(ys_source *s, const char *data, size_t len);
void ys_source_free(ys_source *s);
/* Byte offset of 0-based (line, column in characters), clamped to the text. */
size_t ys_offset(ys_source *s, size_t line, size_t col);

typedef enum { YS_PLAIN, YS_SINGLE_QUOTED, YS_DOUBLE_QUOTED, YS_LITERAL, YS_FOLDED } ys_style;

/* CSS Text 3 §4.1.2 (segment break transformation): a line break of the source that YAML
 * folded into one space is removed again when the characters on both sides are East Asian
 * wide (Japanese), so a sentence wrapped in the editor prints without a stray space.
 * `value` (len bytes, libyaml's value of a scalar of style `st` that spans the source from
 * (l0,c0) to (l1,c1)) is rewritten in place; returns its new length (≤ len). Spaces the
 * writer typed are kept: a space is removed only where the source has a line break and no
 * other character between the two. Literal (|) scalars keep every break and are not changed;
 * a double-quoted scalar with a backslash escape is not changed either. */
size_t ys_join_wide_lines(ys_source *s, ys_style st, size_t l0, size_t c0, size_t l1,
                          size_t c1, char *value, size_t len);

/* After a plain scalar that ends at (line, col): if a `#` comment follows on the same line
 * (after spaces), true with its 1-based column in *hash_col. YAML ends the text there, so
 * `詳細は別紙資料 #3 を参照` would print only 「詳細は別紙資料」. */
bool ys_comment_follows(ys_source *s, size_t line, size_t col, int *hash_col);

/* The same as an error: if a comment follows the plain scalar `value` (len bytes) that ends at
 * (line, col), adds the message HY_M_HASH_CUTS_TEXT at the '#' (quoting the end of the text as
 * it would print, at most its last 30 characters, and saying to quote the value) and returns
 * true. A comment after a quoted text, a key alone or an empty value is fine. */
bool ys_check_cut(ys_source *s, size_t line, size_t col, const char *value, size_t len,
                  const char *file, hy_diags *d);

#endif
