/*
 * linebreak.c — Japanese line breaking (禁則処理) for text in table cells.
 *
 * What this module owns:
 *   1. The line-breaking properties of code points: one small table per JLREQ character
 *      class (Appendix A, cl-01 … cl-27), plus the full-/half-width compatibility forms that
 *      real Japanese input contains (project research notes "Japanese line breaking", §2),
 *      and an ASCII fast path.
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
 * The only difference from JLREQ "strict" is the table k_very_strict below; an option for
 * the looser level would drop that table's property from the pair rules.
 *
 * Spec: W3C JLREQ, Working Group Note 11 August 2020, https://www.w3.org/TR/jlreq/
 */
#include "linebreak.h"

#define LB_COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* ------------------------------------------------------------------------------------------
 * Properties of one code point. A code point may have several (’ is both a closing quote
 * and part of words like it’s). A code point with no property behaves like an ideograph
 * (JLREQ cl-19): a break is allowed on either side.
 */
enum {
    LBP_NO_START         = 1u << 0,  /* JLREQ 3.1.7: may not start a line, at every level */
    LBP_NO_START_VSTRICT = 1u << 1,  /* JLREQ 3.1.7: not at line start in "very strict" only */
    LBP_NO_END           = 1u << 2,  /* JLREQ 3.1.8: may not end a line (opening brackets) */
    LBP_WORD             = 1u << 3,  /* JLREQ 3.1.10, 3.2.6: part of an unbreakable Western token */
    LBP_DIGIT            = 1u << 4,  /* a European or full-width numeral (cl-12/cl-13 rules) */
    LBP_PREFIX           = 1u << 5,  /* cl-12 prefixed abbreviation: ¥ $ € … */
    LBP_POSTFIX          = 1u << 6,  /* cl-13 postfixed abbreviation: % ℃ ㎏ … */
    LBP_INSEP            = 1u << 7,  /* cl-08: no break between two identical ones */
    LBP_SPACE            = 1u << 8,  /* cl-14 / cl-26: break after, hangs at the line end */
    LBP_BREAK_AFTER      = 1u << 9,  /* TAB, ZWSP: break after, kept in the line */
    LBP_ATTACH           = 1u << 10, /* combining mark / variation selector: stays with its base */
    LBP_GLUE             = 1u << 11, /* NBSP, WORD JOINER, ZWJ: no break on either side */
    LBP_NEWLINE          = 1u << 12, /* U+000A: forced break, handled by lb_wrap */
    LBP_URL_SOFT         = 1u << 13, /* / - ? &: emergency split point in an over-long token */
    LBP_ITEM             = 1u << 14, /* circled / parenthesised number ①: stays with its item */
};

typedef uint16_t lb_props;

/* ------------------------------------------------------------------------------------------
 * ASCII fast path. Every printable non-space ASCII character is also LBP_WORD (added in
 * ascii_props): JLREQ 3.1.10 and 3.2.6 forbid breaks inside Latin words and European numbers
 * (1,000  3.14), and the project treats any run of them — URLs included — as one token.
 */
static const lb_props k_ascii[128] = {
    ['\t'] = LBP_BREAK_AFTER,
    ['\n'] = LBP_NEWLINE,
    [' ']  = LBP_SPACE,                   /* cl-26 Western word space */
    ['!']  = LBP_NO_START,                /* cl-04 dividing punctuation */
    ['#']  = LBP_PREFIX,                  /* cl-12 */
    ['$']  = LBP_PREFIX,                  /* cl-12 */
    ['%']  = LBP_POSTFIX,                 /* cl-13 */
    ['&']  = LBP_URL_SOFT,
    ['(']  = LBP_NO_END,                  /* cl-01 opening bracket (also cl-28) */
    [')']  = LBP_NO_START,                /* cl-02 closing bracket (also cl-29) */
    [',']  = LBP_NO_START,                /* cl-07 comma (cl-24 inside numbers) */
    ['-']  = LBP_URL_SOFT,
    ['.']  = LBP_NO_START,                /* cl-06 full stop (cl-24 inside numbers) */
    ['/']  = LBP_URL_SOFT,
    ['0']  = LBP_DIGIT, ['1'] = LBP_DIGIT, ['2'] = LBP_DIGIT, ['3'] = LBP_DIGIT,  /* cl-24 */
    ['4']  = LBP_DIGIT, ['5'] = LBP_DIGIT, ['6'] = LBP_DIGIT, ['7'] = LBP_DIGIT,
    ['8']  = LBP_DIGIT, ['9'] = LBP_DIGIT,
    [':']  = LBP_NO_START,                /* cl-05 middle dots */
    [';']  = LBP_NO_START,                /* cl-05 */
    ['<']  = LBP_NO_END,                  /* +opening bracket: <…における措置> (not in cl-01) */
    ['>']  = LBP_NO_START,                /* +closing bracket (not in cl-02) */
    ['?']  = LBP_NO_START | LBP_URL_SOFT, /* cl-04 */
    ['[']  = LBP_NO_END,                  /* cl-01 (also cl-28) */
    [']']  = LBP_NO_START,                /* cl-02 (also cl-29) */
    ['{']  = LBP_NO_END,                  /* cl-01 */
    ['}']  = LBP_NO_START,                /* cl-02 */
};

/* ------------------------------------------------------------------------------------------
 * Non-ASCII classes: one table per JLREQ class, each sorted by code point and non-overlapping
 * (binary search relies on it; tests/test_linebreak.c checks every member through the API).
 * "+" marks forms that are not in JLREQ's list but occur in Japanese input (full-/half-width
 * compatibility forms, CP932 variants) and get the same treatment (research notes §1.7, §2).
 */
typedef struct {
    uint32_t lo, hi;
} cp_range;

#define CP(c) { (c), (c) }

/* cl-01 始め括弧類 opening brackets — JLREQ 3.1.8: not at line end. */
static const cp_range k_cl01_opening[] = {
    CP(0x00AB) /* « */, CP(0x2018) /* ‘ */, CP(0x201C) /* “ */, CP(0x2039) /* +‹ */,
    CP(0x2329) /* +〈 (deprecated form) */, CP(0x2985) /* ⦅ */, CP(0x3008) /* 〈 */, CP(0x300A) /* 《 */, CP(0x300C) /* 「 */, CP(0x300E) /* 『 */,
    CP(0x3010) /* 【 */, CP(0x3014) /* 〔 */, CP(0x3016) /* 〖 */, CP(0x3018) /* 〘 */,
    CP(0x301A) /* +〚 */, CP(0x301D) /* 〝 */, CP(0xFF08) /* +（ */, CP(0xFF1C) /* +＜ */,
    CP(0xFF3B) /* +［ */, CP(0xFF5B) /* +｛ */, CP(0xFF5F) /* +｟ */, CP(0xFF62) /* +｢ */,
};

/* cl-02 終わり括弧類 closing brackets — JLREQ 3.1.7: not at line start. */
static const cp_range k_cl02_closing[] = {
    CP(0x00BB) /* » */, CP(0x2019) /* ’ */, CP(0x201D) /* ” */, CP(0x203A) /* +› */,
    CP(0x232A) /* +〉 (deprecated form) */, CP(0x2986) /* ⦆ */, CP(0x3009) /* 〉 */, CP(0x300B) /* 》 */, CP(0x300D) /* 」 */, CP(0x300F) /* 』 */,
    CP(0x3011) /* 】 */, CP(0x3015) /* 〕 */, CP(0x3017) /* 〗 */, CP(0x3019) /* 〙 */,
    CP(0x301B) /* +〛 */, {0x301E, 0x301F} /* +〞 〟 */, CP(0xFF09) /* +） */,
    CP(0xFF1E) /* +＞ */, CP(0xFF3D) /* +］ */, CP(0xFF5D) /* +｝ */, CP(0xFF60) /* +｠ */, CP(0xFF63) /* +｣ */,
};

/* cl-03 ハイフン類 hyphens — JLREQ 3.1.7. */
static const cp_range k_cl03_hyphens[] = {
    CP(0x2010) /* ‐ */, CP(0x2013) /* – */, CP(0x301C) /* 〜 */, CP(0x30A0) /* ゠ */,
    CP(0xFF5E) /* +～ (CP932 for 〜) */,
};

/* cl-04 区切り約物 dividing punctuation — JLREQ 3.1.7. */
static const cp_range k_cl04_dividing[] = {
    CP(0x203C) /* ‼ */, {0x2047, 0x2049} /* ⁇ ⁈ ⁉ */, CP(0xFF01) /* +！ */, CP(0xFF1F) /* +？ */,
};

/* cl-05 中点類 middle dots — JLREQ 3.1.7. */
static const cp_range k_cl05_middle_dots[] = {
    CP(0x30FB) /* ・ */, {0xFF1A, 0xFF1B} /* +： ； */, CP(0xFF65) /* +･ */,
};

/* cl-06 句点類 full stops and cl-07 読点類 commas — JLREQ 3.1.7. */
static const cp_range k_cl06_cl07_stops_commas[] = {
    {0x3001, 0x3002} /* 、 。 */, CP(0xFF0C) /* +， */, CP(0xFF0E) /* +． */,
    CP(0xFF61) /* +｡ */, CP(0xFF64) /* +､ */,
};

/* cl-08 分離禁止文字 inseparable characters — JLREQ 3.1.10: no break inside ―― …… ‥‥.
 * (〳〵 is a vertical-only pair and not handled.) */
static const cp_range k_cl08_inseparable[] = {
    {0x2014, 0x2015} /* — +― */, {0x2025, 0x2026} /* ‥ … */,
};

/* cl-09 繰返し記号 iteration marks other than 々 — JLREQ 3.1.7. */
static const cp_range k_cl09_iteration[] = {
    CP(0x303B) /* 〻 */, {0x309D, 0x309E} /* ゝ ゞ */, {0x30FD, 0x30FE} /* ヽ ヾ */,
};

/* 々 (cl-09), cl-10 長音記号 prolonged sound mark and cl-11 小書きの仮名 small kana —
 * JLREQ 3.1.7 and Appendix C: may not start a line at the "very strict" level only. */
static const cp_range k_very_strict[] = {
    CP(0x3005) /* 々 */,
    CP(0x3041) /* ぁ */, CP(0x3043) /* ぃ */, CP(0x3045) /* ぅ */, CP(0x3047) /* ぇ */,
    CP(0x3049) /* ぉ */, CP(0x3063) /* っ */, CP(0x3083) /* ゃ */, CP(0x3085) /* ゅ */,
    CP(0x3087) /* ょ */, CP(0x308E) /* ゎ */, {0x3095, 0x3096} /* ゕ ゖ */,
    CP(0x30A1) /* ァ */, CP(0x30A3) /* ィ */, CP(0x30A5) /* ゥ */, CP(0x30A7) /* ェ */,
    CP(0x30A9) /* ォ */, CP(0x30C3) /* ッ */, CP(0x30E3) /* ャ */, CP(0x30E5) /* ュ */,
    CP(0x30E7) /* ョ */, CP(0x30EE) /* ヮ */, {0x30F5, 0x30F6} /* ヵ ヶ */,
    CP(0x30FC) /* ー (cl-10) */, {0x31F0, 0x31FF} /* ㇰ … ㇿ */,
    {0xFF67, 0xFF6F} /* +ｧ … ｯ */, CP(0xFF70) /* +ｰ (cl-10) */,
};

/* Half-width voiced sound marks ﾞ ﾟ: spacing characters that belong to the kana before
 * them (UAX #14 class NS; not in JLREQ's lists). */
static const cp_range k_halfwidth_voicing[] = {
    {0xFF9E, 0xFF9F},
};

/* cl-12 前置省略記号 prefixed abbreviations — JLREQ 3.1.10: ¥100 is not split. */
static const cp_range k_cl12_prefix[] = {
    CP(0x00A3) /* £ */, CP(0x00A5) /* ¥ */, CP(0x20AC) /* € */, CP(0x2116) /* +№ */,
    {0xFF03, 0xFF04} /* +＃ ＄ */, CP(0xFFE1) /* +￡ */, {0xFFE5, 0xFFE6} /* +￥ ￦ */,
};

/* cl-13 後置省略記号 postfixed abbreviations — JLREQ 3.1.10: 50%, 30℃ are not split. */
static const cp_range k_cl13_postfix[] = {
    CP(0x00A2) /* ¢ */, CP(0x00B0) /* ° */, CP(0x2030) /* ‰ */, {0x2032, 0x2033} /* ′ ″ */,
    CP(0x2103) /* ℃ */, CP(0x2113) /* ℓ */,
    CP(0x3303) /* ㌃ */, CP(0x330D) /* ㌍ */, CP(0x3314) /* ㌔ */, CP(0x3318) /* ㌘ */,
    {0x3322, 0x3323} /* ㌢ ㌣ */, {0x3326, 0x3327} /* ㌦ ㌧ */, CP(0x332B) /* ㌫ */,
    CP(0x3336) /* ㌶ */, CP(0x333B) /* ㌻ */, {0x3349, 0x334A} /* ㍉ ㍊ */, CP(0x334D) /* ㍍ */,
    CP(0x3351) /* ㍑ */, CP(0x3357) /* ㍗ */, {0x338E, 0x338F} /* ㎎ ㎏ */,
    {0x339C, 0x339E} /* ㎜ ㎝ ㎞ */, CP(0x33A1) /* ㎡ */, CP(0x33C4) /* ㏄ */, CP(0x33CB) /* ㏋ */,
    CP(0xFF05) /* +％ */, CP(0xFFE0) /* +￠ */,
};

/* Item numbers of running lists — circled ①…⑳ ⓪ ⓫…, parenthesised ⑴ and full-stop ⒈
 * numbers, ❶ ➀ ➊, ㈠…㈩, ㉑…㊿: no break after them (project rule, see lb_break_at). */
static const cp_range k_item_numbers[] = {
    {0x2460, 0x249B} /* ①…⑳ ⑴…⒇ ⒈…⒛ */, {0x24EA, 0x24FF} /* ⓪ ⓫…⓿ */,
    {0x2776, 0x2793} /* ❶…❿ ➀…➓ */, {0x3220, 0x3229} /* ㈠…㈩ */, {0x3251, 0x325F} /* ㉑…㉟ */,
    {0x32B1, 0x32BF} /* ㊱…㊿ */,
};

/* cl-14 和字間隔 ideographic space (cl-26, U+0020, is in the ASCII table). */
static const cp_range k_cl14_space[] = {
    CP(0x3000),
};

/* Full-width digits ０–９: cl-19 (breakable like ideographs) but numerals for the cl-12 and
 * cl-13 rules (￥１００, ５０％). */
static const cp_range k_fullwidth_digits[] = {
    {0xFF10, 0xFF19},
};

/* cl-27 欧文用文字 Western letters beyond ASCII — JLREQ 3.2.6: no break inside a word.
 * ’ doubles as an apostrophe (it’s), so it is also a word character. */
static const cp_range k_cl27_western_letters[] = {
    {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x024F}, /* Latin-1 letters, Latin Ext-A/B */
    {0x0370, 0x03FF}, {0x0400, 0x04FF},                   /* Greek, Cyrillic */
    {0x1E00, 0x1EFF},                                     /* Latin Extended Additional */
    CP(0x2019) /* ’ */,
};

/* Combining marks and variation selectors (incl. IVS used in person names): never split
 * from their base (research notes §4.4; UAX #14 LB9). */
static const cp_range k_combining[] = {
    {0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF},
    {0x3099, 0x309A} /* combining (han)dakuten */, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
    {0xE0100, 0xE01EF},
};

/* No-break glue: NBSP, figure space, ZWJ, non-breaking hyphen, NNBSP, WORD JOINER, ZWNBSP
 * (UAX #14 classes GL, ZWJ, WJ). */
static const cp_range k_glue[] = {
    CP(0x00A0), CP(0x2007), CP(0x200D), CP(0x2011), CP(0x202F), CP(0x2060), CP(0xFEFF),
};

/* ZERO WIDTH SPACE: an explicit break hint (UAX #14 class ZW). */
static const cp_range k_break_hint[] = {
    CP(0x200B),
};

/* Which property each table gives. */
static const struct {
    const cp_range *ranges;
    size_t count;
    lb_props props;
} k_classes[] = {
#define CLASS(table, props) { table, LB_COUNT(table), props }
    CLASS(k_cl01_opening, LBP_NO_END),
    CLASS(k_cl02_closing, LBP_NO_START),
    CLASS(k_cl03_hyphens, LBP_NO_START),
    CLASS(k_cl04_dividing, LBP_NO_START),
    CLASS(k_cl05_middle_dots, LBP_NO_START),
    CLASS(k_cl06_cl07_stops_commas, LBP_NO_START),
    CLASS(k_cl08_inseparable, LBP_INSEP),
    CLASS(k_cl09_iteration, LBP_NO_START),
    CLASS(k_very_strict, LBP_NO_START_VSTRICT),
    CLASS(k_halfwidth_voicing, LBP_NO_START),
    CLASS(k_cl12_prefix, LBP_PREFIX),
    CLASS(k_cl13_postfix, LBP_POSTFIX),
    CLASS(k_item_numbers, LBP_ITEM),
    CLASS(k_cl14_space, LBP_SPACE),
    CLASS(k_fullwidth_digits, LBP_DIGIT),
    CLASS(k_cl27_western_letters, LBP_WORD),
    CLASS(k_combining, LBP_ATTACH),
    CLASS(k_glue, LBP_GLUE),
    CLASS(k_break_hint, LBP_BREAK_AFTER),
#undef CLASS
};

/* Is cp inside one of ranges[0..count)? Binary search; the table must be sorted. */
static bool in_ranges(const cp_range *ranges, size_t count, uint32_t cp)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ranges[mid].lo)
            hi = mid;
        else if (cp > ranges[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static lb_props ascii_props(uint32_t cp)
{
    bool printable = cp > 0x20 && cp < 0x7F;
    return (lb_props)(k_ascii[cp] | (printable ? LBP_WORD : 0));
}

/* All line-breaking properties of one code point. */
static lb_props lookup_props(uint32_t cp)
{
    lb_props props = 0;
    for (size_t k = 0; k < LB_COUNT(k_classes); k++)
        if (in_ranges(k_classes[k].ranges, k_classes[k].count, cp))
            props |= k_classes[k].props;
    return props;
}

/* Classes of BMP characters are looked up once each: every character of a document is asked
 * about several times, and the class tables are searched one by one. Entries hold props + 1
 * so that 0 means "not looked up yet"; filling is idempotent, so the cache needs no lock. */
static uint32_t bmp_cache[0x10000];

static lb_props props_of(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_props(cp);
    if (cp > 0xFFFF)
        return lookup_props(cp);
    if (!bmp_cache[cp])
        bmp_cache[cp] = (uint32_t)lookup_props(cp) + 1;
    return (lb_props)(bmp_cache[cp] - 1);
}

static bool has(uint32_t cp, lb_props props)
{
    return (props_of(cp) & props) != 0;
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
    lb_props pa = props_of(a), pb = props_of(b);
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
    if (in_ranges(k_cl01_opening, LB_COUNT(k_cl01_opening), cp))
        return 1;
    return in_ranges(k_cl02_closing, LB_COUNT(k_cl02_closing), cp) ? -1 : 0;
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
    lb_props before = props_of(base_before(cps, first, p)), after = props_of(cps[p]);
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
        lb_props p = props_of(t->cps[i]);
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
        lb_props p = props_of(t->cps[i]);
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
