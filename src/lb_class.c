/*
 * lb_class.c — the line-breaking properties of code points (see lb_class.h): one small table
 * per JLREQ character class (Appendix A, cl-01 … cl-27), plus the full-/half-width
 * compatibility forms that real Japanese input contains (project research notes "Japanese
 * line breaking", §2), and an ASCII fast path. The rules that use them are in linebreak.c.
 *
 * Strictness level: JLREQ "very strict" (Appendix C addendum, = CSS line-break: strict).
 * The only difference from JLREQ "strict" is the table k_very_strict below; an option for
 * the looser level would drop that table's property from the pair rules (linebreak.c).
 *
 * Spec: W3C JLREQ, Working Group Note 11 August 2020, https://www.w3.org/TR/jlreq/
 */
#include "lb_class.h"

#include <stddef.h>

#define LB_COUNT(array) (sizeof(array) / sizeof((array)[0]))

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

lb_props lbc_props(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_props(cp);
    if (cp > 0xFFFF)
        return lookup_props(cp);
    if (!bmp_cache[cp])
        bmp_cache[cp] = (uint32_t)lookup_props(cp) + 1;
    return (lb_props)(bmp_cache[cp] - 1);
}

int lbc_bracket(uint32_t cp)
{
    if (in_ranges(k_cl01_opening, LB_COUNT(k_cl01_opening), cp))
        return 1;
    return in_ranges(k_cl02_closing, LB_COUNT(k_cl02_closing), cp) ? -1 : 0;
}
