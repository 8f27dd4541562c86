/* textdiff.h — which passages of a text changed between two versions, as a reader of Japanese
 * sees them: Japanese has no spaces between words, so a word diff does not apply and a bare
 * character diff underlines single kana in the middle of words. This module owns the edit
 * script over code points (Myers 1986) and the widening of its changes to phrases; it knows
 * nothing about forms. `hyoka diff` uses it to mark the changed passages of a 修正案 with
 * <u>…</u> (layouts/revision.yaml, `markup: underline`).
 *
 * Phrases (td_phrase_boundary): a text is cut before and after every line break, space,
 * punctuation mark and bracket, and where the script changes between kanji, katakana and
 * Latin letters or digits; hiragana stays with the word before it (送り仮名 and particles:
 * 条例改正に|伴う|修正), which approximates the 文節 without a dictionary. */
#ifndef HY_TEXTDIFF_H
#define HY_TEXTDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bounds (a real item is at most some thousand characters): a hunk of changed lines longer
 * than TD_MAX_HUNK code points, or whose edit script needs more than TD_MAX_EDITS insertions
 * and deletions, is taken as replaced whole instead of being diffed character by character. */
#define TD_MAX_EDITS 1000
#define TD_MAX_HUNK 100000

/* Printed in a new text where a passage of the old one was removed and nothing nearby in the
 * new text changed (the committees' convention: (削除), spec/revision-table.md §4.3). */
#define TD_DELETED "(削除)"

/* A change: code points [start, end) of the new text replace something of the old one;
 * start == end is a pure deletion at that point. */
typedef struct {
    size_t start, end;
} td_span;

/* Is there a phrase boundary before s[i] (0 <= i <= n)? True at both ends. */
bool td_phrase_boundary(const uint32_t *s, size_t n, size_t i);

/* The changed passages of `new` relative to `old` (both valid UTF-8, NUL-terminated), in
 * code points of `new`, widened to phrase boundaries, nearby ones merged; in increasing
 * order, disjoint. Returns a new array (caller frees; NULL when *count is 0). */
td_span *td_changes(const char *old, const char *new_text, size_t *count);

/* Number of lines of s: cut after each '\n'; a last line without one counts; "" has none. */
size_t td_line_count(const char *s);

/* Which whole lines differ (a line diff, Myers 1986): old_changed[i] for each of old's
 * td_line_count lines that new deletes or replaces, or next to which new inserts lines;
 * new_changed[j] for each of new's lines that old does not have. */
void td_lines_changed(const char *old, const char *new_text, bool *old_changed, bool *new_changed);

/* `new` with every changed passage wrapped in <u>…</u> (a line break ends and restarts the
 * mark; spaces at a passage's ends stay outside) and <u>(削除)</u> where only a deletion
 * happened. Returns `new` unmarked when nothing changed, when every character changed
 * (underlining all says nothing), or when `new` or `old` already holds a <u> or </u> tag
 * (the layout would read the writer's tag as markup). Caller frees. */
char *td_mark_copy(const char *old, const char *new_text);

#endif
