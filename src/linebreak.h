/*
 * linebreak.h — Japanese line breaking (禁則処理) for text in table cells.
 *
 * This module owns two decisions: *where* a line may break between two code points
 * (lb_break_allowed) and *how* a paragraph is wrapped into lines of a given width
 * (lb_wrap). It does not measure glyphs, shape, justify, compress punctuation or hang
 * 。、 into the margin: the caller passes one advance width per code point and gets back
 * ranges of code points.
 *
 * Strictness: the rules are JLREQ's "very strict" level (JLREQ Appendix C addendum; the
 * same as CSS `line-break: strict`). The project calls this its default "strict" mode:
 * ー, 々 and small kana never start a line. (JLREQ's own level named "strict" would allow
 * those three at line start.)
 *
 * Spec: W3C "Requirements for Japanese Text Layout" (JLREQ), https://www.w3.org/TR/jlreq/
 */
#ifndef HYOKA_LINEBREAK_H
#define HYOKA_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* One line of a wrapped paragraph: code points [start, end) of the input; `end` excludes the
 * '\n' that ended it and any trailing spaces (U+0020, U+3000) that hang past the edge.
 * `width` is the sum of the widths of [start, end) (clamped to INT32_MAX). */
typedef struct {
    size_t start, end;
    int32_t width;
    int begins;            /* LB_BEGINS_*: how the line began */
} lb_line;

enum {
    LB_BEGINS_PARAGRAPH,   /* the text's first line, or the line after a '\n' */
    LB_BEGINS_WRAPPED,     /* the line before it was broken at a break opportunity */
    LB_BEGINS_SPLIT,       /* the line before it was an emergency split of an over-long run */
};

/*
 * lb_break_allowed — may a line break fall between code points `a` and `b` (a before b)?
 *
 * Pair rules only, first match wins:
 *   - after '\n': always (forced break); never just before '\n';
 *   - never before a combining mark / variation selector, nor on either side of
 *     NO-BREAK SPACE, WORD JOINER, ZWJ;
 *   - never before a space (U+0020, U+3000), TAB or ZWSP: they hang at the line end;
 *   - JLREQ 3.1.7: never before a character that may not start a line — closing brackets
 *     」』）】〕］｝〉》＞ ) ] } >, full stops and commas 。、．，., middle dots ・：；:;,
 *     dividing marks ！？!?, hyphens 〜～‐, iteration marks ゝゞヽヾ々, ー, small kana;
 *   - JLREQ 3.1.8: never after an opening bracket 「『（【〔［｛〈《＜ ( [ { < (ASCII and
 *     full-width < > are not in JLREQ's lists; real documents use them as brackets:
 *     <入手における措置>);
 *   - never after a circled or parenthesised item number ① ⑴ ⒈ ㈠ (see lb_break_at);
 *   - break after a space, TAB or ZWSP;
 *   - JLREQ 3.1.10: never inside ―― …… ‥‥ (same character twice), inside a Western token
 *     (a run of ASCII printable characters — Latin words, numbers such as 1,000 / 3.14 /
 *     2025-11-26, URLs — or of Latin/Greek/Cyrillic letters), between ¥ $ € and a
 *     number, or between a number and % ℃ ㎏;
 *   - otherwise allowed (between ideographs and kana, between Japanese and a Western token).
 *
 * Level: JLREQ "very strict" (see the top of this file).
 */
bool lb_break_allowed(uint32_t a, uint32_t b);

/*
 * lb_break_at — may a line break fall before cps[p] (0 < p < n) in this text? lb_break_allowed
 * for the pair around p, plus the rules that need more context:
 *   - JLREQ 3.1.8 across spaces: "( " does not end a line either;
 *   - item numbers of running lists stay with their item (project rule, in the spirit of
 *     JLREQ 3.1.10 which keeps a numeral with its unit): no break after "10." "５．" "(3)"
 *     "（３）" (digits with their mark) nor after a circled or parenthesised number ① ⑴ ⒈ ㈠,
 *     so "…、10.会場コード" and "5.⑤B型既往歴" wrap before the number, never after it.
 */
bool lb_break_at(const uint32_t *cps, size_t n, size_t p);

/*
 * lb_phrase_end — how well does a text cut before cps[k] (0 < k < n) end on a word? For a
 * shortened reminder of a long label ("…の保管・消去…（続き）", not "…の保管・消去 リ…"):
 *   LB_CUT_STRONG  after a space, a closing bracket, a full stop, comma or middle dot, or
 *                  before a space, an opening bracket or an item number ①;
 *   LB_CUT_WEAK    where hiragana (a particle: の を に …) meets another script: 個人情報の|保管;
 *   LB_CUT_NONE    inside a word, or where no line may break (lb_break_at).
 */
enum { LB_CUT_NONE, LB_CUT_WEAK, LB_CUT_STRONG };
int lb_phrase_end(const uint32_t *cps, size_t n, size_t k);

/*
 * lb_bracket — +1 for an opening bracket (JLREQ cl-01 with its full- and half-width forms, and
 * ( [ { < ＜), -1 for a closing one (cl-02, ) ] } > ＞), 0 otherwise.
 */
int lb_bracket(uint32_t cp);

/*
 * lb_wrap — greedy wrapping of cps[0..n) into lines no wider than `max_width`.
 *
 *   cps, w      code points and their advance widths (any integer unit, >= 0); may be NULL
 *               when n == 0.
 *   max_width   the line width in the same unit.
 *   lines, cap  output array and its capacity; `lines` may be NULL when cap == 0.
 *   returns     the number of lines needed. Only the first min(result, cap) entries are
 *               written; call again with a bigger array if the result > cap.
 *
 * Behaviour:
 *   - '\n' ends the current line and is not part of any line. It terminates a line rather
 *     than separating two: "a\n" gives one line, "a\n\nb" gives "a", "" and "b". An empty
 *     paragraph (or one of spaces only) yields an empty line (start == end). n == 0 gives
 *     one empty line. Normalise CR LF to LF before calling.
 *   - A line breaks only where lb_break_allowed() allows it, at the last such point that
 *     fits (追出し: a character that may not start a line takes the one before it along).
 *     A base character and its combining marks / variation selectors count as one unit.
 *   - Spaces (U+0020, U+3000) never make a line overflow: trailing ones hang past the edge
 *     and are excluded from the line. A line never ends with an opening bracket, even one
 *     followed by spaces.
 *   - Leading spaces of a wrapped line are skipped; after '\n' they are kept (an indent).
 *   - A wrapped line always holds at least one non-space code point, so a glyph wider than
 *     max_width gets a line of its own and the loop always progresses.
 *   - A paragraph's last line never holds a single character (a lone ※ or the last kana of
 *     a word) when the line before it can give it company: that line breaks at its previous
 *     opportunity instead (never adding a line; not after an emergency split).
 *   - Emergency split: when the line so far has no allowed break and the next glyph does
 *     not fit (a long URL, number or Latin word, or a run such as 。。。。), the run is split
 *     at the best point that fits: after / - ? & inside an ASCII token first, then the last
 *     point that neither starts a line with a forbidden character nor ends one with an
 *     opening bracket, then the last point that does not separate a combining mark, and
 *     only then anywhere.
 */
size_t lb_wrap(const uint32_t *cps, const int32_t *w, size_t n, int32_t max_width,
               lb_line *lines, size_t cap);

#endif /* HYOKA_LINEBREAK_H */
