/*
 * linebreak.c — Japanese line breaking (禁則処理) for text in table cells.
 *
 * What this module owns:
 *   1. The properties of code points are lb_class.c's (one table per JLREQ character class,
 *      lb_class.h); this module only asks for them.
 *   2. The pair rules that turn two code points' properties into "break allowed or not"
 *      (JLREQ 3.1.7, 3.1.8, 3.1.10, Appendix C), kept as an ordered table.
 *   3. Greedy first-fit wrapping of a paragraph (lb_wrap), with hanging trailing spaces and
 *      an emergency split for runs wider than the line.
 *
 * What it does not do: measure or shape text, justify, compress punctuation (約物詰め),
 * hang 。、 (ぶら下げ組, JLREQ 3.8.2) or add Japanese–Latin spacing. Those come later in the
 * layout pipeline and must not change where lines break.
 *
 * Strictness level: JLREQ "very strict" (Appendix C addendum, = CSS line-break: strict).
 * The only difference from JLREQ "strict" is the table k_very_strict of lb_class.c; an
 * option for the looser level would drop its property (LBP_NO_START_VSTRICT) from the pair
 * rules below.
 *
 * Spec: W3C JLREQ, Working Group Note 11 August 2020, https://www.w3.org/TR/jlreq/
 */
#include "linebreak.h"

#include "lb_class.h"

#define LB_COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Does code point cp have one of props (LBP_* bits, lb_class.h)? */
static bool has(uint32_t cp, lb_props props)
{
    return (lbc_props(cp) & props) != 0;
}

/* ------------------------------------------------------------------------------------------
 * Pair rules. A rule matches when `a` has one of a_any (or a_any is 0 = any character), `b`
 * has one of b_any (likewise) and, for same_cp rules, a == b. The first match decides; when
 * none matches the break is allowed (between ideographs and kana, and between Japanese and a
 * Western token — JLREQ Appendix C, 3.2.6).
 */
typedef struct {
    lb_props a_any, b_any;
    bool same_cp;
    bool allowed;
} pair_rule;

static const pair_rule k_pair_rules[] = {
    { LBP_NEWLINE, 0, false, true },                   /* forced break after '\n' (UAX #14 LB5) */
    { 0, LBP_NEWLINE, false, false },                  /* ... and none just before it (LB6) */
    { 0, LBP_ATTACH, false, false },                   /* base + combining mark / VS (LB9) */
    { LBP_GLUE, 0, false, false },                     /* NBSP, WJ: no break after (LB11, LB12) */
    { 0, LBP_GLUE, false, false },                     /* ... nor before */
    { 0, LBP_SPACE | LBP_BREAK_AFTER, false, false },  /* spaces hang: no break before (LB7) */
    { 0, LBP_NO_START | LBP_NO_START_VSTRICT, false, false }, /* JLREQ 3.1.7 行頭禁則 */
    { LBP_NO_END, 0, false, false },                   /* JLREQ 3.1.8 行末禁則 */
    { LBP_ITEM, 0, false, false },                     /* ①氏名: the number stays with its item */
    { LBP_SPACE | LBP_BREAK_AFTER, 0, false, true },   /* break after a space (LB18) */
    { LBP_INSEP, LBP_INSEP, true, false },             /* JLREQ 3.1.10: ―― …… ‥‥ */
    { LBP_WORD, LBP_WORD, false, false },              /* JLREQ 3.1.10, 3.2.6: words, numbers */
    { LBP_PREFIX, LBP_DIGIT, false, false },           /* JLREQ 3.1.10 cl-12: ¥100 */
    { LBP_DIGIT, LBP_POSTFIX, false, false },          /* JLREQ 3.1.10 cl-13: 50%, 30℃ */
};

static bool rule_matches(const pair_rule *rule, uint32_t a, lb_props pa, uint32_t b, lb_props pb)
{
    return (rule->a_any == 0 || (pa & rule->a_any) != 0) &&
           (rule->b_any == 0 || (pb & rule->b_any) != 0) &&
           (!rule->same_cp || a == b);
}

bool lb_break_allowed(uint32_t a, uint32_t b)
{
    lb_props pa = lbc_props(a), pb = lbc_props(b);
    for (size_t k = 0; k < LB_COUNT(k_pair_rules); k++)
        if (rule_matches(&k_pair_rules[k], a, pa, b, pb))
            return k_pair_rules[k].allowed;
    return true;
}

/* ------------------------------------------------------------------------------------------
 * Wrapping. Positions are code point indices; "a break at p" means the line ends before
 * cps[p]. `first` is always the index of the first non-space code point of the current line,
 * and candidate breaks p satisfy first < p, so every line keeps at least that code point.
 */
typedef struct {
    const uint32_t *cps;
    const int32_t *w;
    size_t n;
    int64_t max_width;
} wrap_text;

/* Where fit_line stopped: the line is [start, end) before trailing spaces are trimmed, the
 * next line starts at `next`, and `forced` says a '\n' ended the line. */
typedef struct {
    size_t end, next;
    bool forced;
    bool split;    /* an emergency split ended the line */
    size_t first;  /* the line's first non-space code point (end if none) */
} line_stop;

static bool is_space(uint32_t cp)
{
    return has(cp, LBP_SPACE);
}

/* The base character before position p: a base followed by combining marks is treated as
 * the base (UAX #14 LB9), so 葛 + IVS breaks like 葛. */
static uint32_t base_before(const uint32_t *cps, size_t first, size_t p)
{
    size_t k = p - 1;
    while (k > first && has(cps[k], LBP_ATTACH))
        k--;
    return cps[k];
}

/* The last non-space code point before p: the character that really ends the line when
 * the spaces after it hang. */
static uint32_t last_visible(const uint32_t *cps, size_t first, size_t p)
{
    size_t k = p - 1;
    while (k > first && is_space(cps[k]))
        k--;
    return cps[k];
}

/* Marks that end an item number of a running list: "10." "５．" "3)" "（３）" (lb_break_at). */
static const uint32_t k_item_number_ends[] = { '.', 0xFF0E /* ． */, ')', 0xFF09 /* ） */ };

/* What may stand before the number of an item in a running list: "、10 会場コード". */
static const uint32_t k_item_separators[] = { 0x3001 /* 、 */, 0xFF0C /* ， */, ',', 0x30FB /* ・ */ };

static bool one_of(uint32_t cp, const uint32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return true;
    return false;
}

/* Does the text before p (not looking back past `first`) end with an item number: ①, digits
 * with a mark ("10." "(3)"), or digits and a space after a list separator ("、10 ")? */
static bool after_item_number(const uint32_t *cps, size_t first, size_t p)
{
    size_t q = p;
    while (q > first + 1 && is_space(cps[q - 1]))
        q--;
    uint32_t last = cps[q - 1];
    if (has(last, LBP_ITEM))
        return true;
    bool mark = one_of(last, k_item_number_ends, LB_COUNT(k_item_number_ends));
    size_t digits_end = mark ? q - 1 : q, k = digits_end;
    while (k > first && has(cps[k - 1], LBP_DIGIT))
        k--;
    if (k == digits_end)
        return false;  /* no digits before the mark (or the space) */
    if (mark)
        return true;
    /* digits and a space: an item number only at the line start or after a separator */
    return q < p && (k == first || is_space(cps[k - 1]) ||
                     one_of(cps[k - 1], k_item_separators, LB_COUNT(k_item_separators)));
}

/* Is p a regular break point? JLREQ 3.1.8 also applies across hanging spaces: "( " must not
 * end a line either; and an item number stays with its item. */
static bool regular_break(const uint32_t *cps, size_t first, size_t p)
{
    return lb_break_allowed(base_before(cps, first, p), cps[p]) &&
           !has(last_visible(cps, first, p), LBP_NO_END) && !after_item_number(cps, first, p);
}

bool lb_break_at(const uint32_t *cps, size_t n, size_t p)
{
    return p > 0 && p < n && regular_break(cps, 0, p);
}

int lb_bracket(uint32_t cp)
{
    if (cp < 0x80)
        return cp == '(' || cp == '[' || cp == '{' || cp == '<' ? 1 : cp == ')' || cp == ']' || cp == '}' || cp == '>' ? -1 : 0;
    return lbc_bracket(cp);
}

static bool hiragana(uint32_t cp)
{
    return cp >= 0x3041 && cp <= 0x309F;
}

int lb_phrase_end(const uint32_t *cps, size_t n, size_t k)
{
    if (k == 0 || k >= n)
        return LB_CUT_NONE;
    uint32_t a = cps[k - 1], b = cps[k];
    if (is_space(a) || has(b, LBP_SPACE | LBP_NO_END | LBP_ITEM) || (has(a, LBP_NO_START) && !has(a, LBP_WORD)))
        return LB_CUT_STRONG;
    if (!regular_break(cps, 0, k))
        return LB_CUT_NONE;
    if (has(a, LBP_NO_START) || (hiragana(a) && !hiragana(b) && !has(b, LBP_NO_START_VSTRICT)))
        return has(a, LBP_NO_START) ? LB_CUT_STRONG : LB_CUT_WEAK;
    return LB_CUT_NONE;
}

/* How good an emergency split is, worst first. JLREQ has no rule for a run wider than the
 * line; like CSS `overflow-wrap: anywhere` we split it, preferring the points listed for
 * lb_wrap in linebreak.h. */
enum split_quality {
    SPLIT_ANYWHERE,      /* separates a combining mark from its base: last resort */
    SPLIT_KINSOKU,       /* breaks a kinsoku or no-break rule, keeps the cluster whole */
    SPLIT_PLAIN,         /* between two ordinary characters of the run */
    SPLIT_URL,           /* after / - ? & inside an ASCII token */
};

/* Rates an emergency split before cps[p]. */
static enum split_quality rate_split(const uint32_t *cps, size_t first, size_t p)
{
    lb_props before = lbc_props(base_before(cps, first, p)), after = lbc_props(cps[p]);
    lb_props forbidden_start = LBP_NO_START | LBP_NO_START_VSTRICT | LBP_GLUE;
    if (after & LBP_ATTACH)
        return SPLIT_ANYWHERE;
    if ((after & forbidden_start) || (before & LBP_GLUE) ||
        has(last_visible(cps, first, p), LBP_NO_END))
        return SPLIT_KINSOKU;
    if ((before & LBP_URL_SOFT) && (after & LBP_WORD))
        return SPLIT_URL;
    return SPLIT_PLAIN;
}

/* The best emergency split in (first, over], rightmost among equals. cps[over] is not a
 * space, so there is always at least one candidate. */
static size_t emergency_break(const uint32_t *cps, size_t first, size_t over)
{
    size_t best = over;
    enum split_quality best_quality = rate_split(cps, first, over);
    for (size_t p = over - 1; p > first; p--) {
        if (is_space(cps[p]))
            continue;
        enum split_quality q = rate_split(cps, first, p);
        if (q > best_quality) {
            best = p;
            best_quality = q;
        }
    }
    return best;
}

/* cps[over] does not fit on the line that starts at `first`: where does the line end?
 * The last regular break wins (追出し); without one, split the run. */
static size_t choose_break(const uint32_t *cps, size_t first, size_t over, bool *split)
{
    *split = false;
    for (size_t p = over; p > first; p--)
        if (regular_break(cps, first, p))
            return p;
    *split = true;
    return emergency_break(cps, first, over);
}

/* Can cps[i] make the line overflow? Spaces cannot (they hang), nor can a combining mark
 * (it rides on its base) — unless it follows a space and so stands alone (UAX #14 LB10). */
static bool fills_line(const wrap_text *t, size_t start, size_t i, lb_props p)
{
    if (p & LBP_SPACE)
        return false;
    if (p & LBP_ATTACH)
        return i > start && is_space(t->cps[i - 1]);
    return true;
}

/* Lays out one line starting at `start`: adds code points until one does not fit, then
 * chooses where the line ends. */
static line_stop fit_line(const wrap_text *t, size_t start)
{
    int64_t width = 0;
    size_t first = SIZE_MAX; /* first non-space code point, once seen */
    for (size_t i = start; i < t->n; i++) {
        lb_props p = lbc_props(t->cps[i]);
        if (p & LBP_NEWLINE)
            return (line_stop){ i, i + 1, true, false, first == SIZE_MAX ? i : first };
        bool fills = fills_line(t, start, i, p);
        if (fills && first != SIZE_MAX && width + t->w[i] > t->max_width) {
            bool split;
            size_t at = choose_break(t->cps, first, i, &split);
            return (line_stop){ at, at, false, split, first };
        }
        if (!(p & LBP_SPACE) && first == SIZE_MAX)
            first = i;
        width += t->w[i];
    }
    return (line_stop){ t->n, t->n, false, false, first == SIZE_MAX ? t->n : first };
}

/* The line [start, stop) with its trailing spaces removed and its width summed. */
static lb_line make_line(const wrap_text *t, size_t start, size_t stop, int begins)
{
    size_t end = stop;
    while (end > start && is_space(t->cps[end - 1]))
        end--;
    int64_t width = 0;
    for (size_t k = start; k < end; k++)
        width += t->w[k];
    if (width > INT32_MAX)
        width = INT32_MAX;
    return (lb_line){ start, end, (int32_t)width, begins };
}

static size_t skip_spaces(const wrap_text *t, size_t pos)
{
    while (pos < t->n && is_space(t->cps[pos]))
        pos++;
    return pos;
}

/* Does the paragraph from pos on hold a single character (a base and its marks; spaces not
 * counted) before its end? */
static bool single_character_left(const wrap_text *t, size_t pos)
{
    size_t chars = 0;
    for (size_t i = pos; i < t->n && !has(t->cps[i], LBP_NEWLINE); i++) {
        lb_props p = lbc_props(t->cps[i]);
        if (!(p & (LBP_SPACE | LBP_ATTACH)) && ++chars > 1)
            return false;
    }
    return chars == 1;
}

/* The line `stop` ends would leave a single character for the paragraph's last line: break it
 * at its previous opportunity instead, if the last line then still fits and this line keeps
 * at least two code points (else the lone character would only move up a line). */
static line_stop avoid_lone_last(const wrap_text *t, line_stop stop)
{
    size_t last_end = stop.next;
    while (last_end < t->n && !has(t->cps[last_end], LBP_NEWLINE))
        last_end++;
    int64_t tail = 0;  /* width from the break to the paragraph end, trailing spaces hang */
    size_t visible_end = last_end;
    while (visible_end > stop.next && is_space(t->cps[visible_end - 1]))
        visible_end--;
    for (size_t k = stop.end; k < visible_end; k++)
        tail += t->w[k];
    for (size_t p = stop.end - 1; p > stop.first + 1; p--) {  /* the line keeps two */
        tail += t->w[p];
        if (tail > t->max_width)
            break;
        if (!is_space(t->cps[p]) && regular_break(t->cps, stop.first, p))
            return (line_stop){ p, p, false, false, stop.first };
    }
    return stop;
}

size_t lb_wrap(const uint32_t *cps, const int32_t *w, size_t n, int32_t max_width,
               lb_line *lines, size_t cap)
{
    const wrap_text t = { cps, w, n, max_width };
    size_t count = 0, pos = 0;
    int begins = LB_BEGINS_PARAGRAPH;
    do {
        line_stop stop = fit_line(&t, pos);
        if (!stop.forced && !stop.split && stop.end < n && stop.end > stop.first &&
            single_character_left(&t, stop.next))
            stop = avoid_lone_last(&t, stop);
        if (count < cap)
            lines[count] = make_line(&t, pos, stop.end, begins);
        count++;
        /* Spaces hang at the end of a wrapped line, so none start the next one; an indent
         * after '\n' is kept. */
        pos = stop.forced ? stop.next : skip_spaces(&t, stop.next);
        begins = stop.forced ? LB_BEGINS_PARAGRAPH : stop.split ? LB_BEGINS_SPLIT : LB_BEGINS_WRAPPED;
    } while (pos < n);
    return count;
}
