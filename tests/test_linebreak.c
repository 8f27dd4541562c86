/*
 * test_linebreak.c — unit tests for src/linebreak.c (Japanese line breaking, 禁則処理).
 *
 * Cases are data: a UTF-8 input, a line width and the expected lines. Every character is
 * measured by test_width(): full-width 1000 units, half-width (ASCII, Latin-1, half-width
 * katakana) 500, combining marks and zero-width characters 0. Failures go to stderr; the
 * last line on stdout is "N passed, N failed"; the exit status is 1 if anything failed.
 */
#include "linebreak.h"

#include <stdio.h>
#include <string.h>

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))
#define MAX_CPS 256
#define MAX_LINES 16

static int g_passed, g_failed;

static void record(bool ok)
{
    if (ok)
        g_passed++;
    else
        g_failed++;
}

/* ---- UTF-8 ------------------------------------------------------------------------------ */

/* Length of the UTF-8 sequence that starts with byte b, or 0 if b cannot start one. */
static size_t utf8_length(unsigned char b)
{
    if (b < 0x80) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return 0;
}

/* Decodes one code point at s (with `left` bytes available) into *cp; returns the number of
 * bytes used. Malformed input decodes as U+FFFD and consumes one byte. */
static size_t utf8_next(const unsigned char *s, size_t left, uint32_t *cp)
{
    static const uint32_t lead_mask[5] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
    size_t len = utf8_length(s[0]);
    if (len == 0 || len > left) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t value = s[0] & lead_mask[len];
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        value = (value << 6) | (s[k] & 0x3F);
    }
    *cp = value;
    return len;
}

/* Decodes text into cps[] (at most MAX_CPS) and records each code point's byte offset in
 * offs[] (offs[n] is the text length). Returns n. */
static size_t utf8_decode(const char *text, uint32_t *cps, size_t *offs)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), pos = 0, n = 0;
    while (pos < len && n < MAX_CPS) {
        offs[n] = pos;
        pos += utf8_next(s + pos, len - pos, &cps[n]);
        n++;
    }
    offs[n] = pos;
    return n;
}

/* ---- widths ----------------------------------------------------------------------------- */

static bool zero_width(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x3099 && cp <= 0x309A) ||
           (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

static int32_t test_width(uint32_t cp)
{
    if (zero_width(cp))
        return 0;
    if (cp < 0x100 || (cp >= 0xFF61 && cp <= 0xFF9F))
        return 500;
    return 1000;
}

/* A decoded test input with its widths. */
typedef struct {
    uint32_t cps[MAX_CPS];
    int32_t w[MAX_CPS];
    size_t offs[MAX_CPS + 1];
    size_t n;
} text_buf;

static void load_text(text_buf *t, const char *utf8)
{
    t->n = utf8_decode(utf8, t->cps, t->offs);
    for (size_t k = 0; k < t->n; k++)
        t->w[k] = test_width(t->cps[k]);
}

/* ---- lb_wrap cases ---------------------------------------------------------------------- */

#define EM 1000 /* one full-width character */

typedef struct {
    const char *name;
    const char *text;
    int32_t max_width;
    const char *expect[MAX_LINES]; /* expected lines, NULL-terminated; "" is an empty line */
} wrap_case;

static const wrap_case k_wrap_cases[] = {
    /* plain breaking between kana / kanji */
    { "plain kana", "あいうえおかきくけこ", 4 * EM, { "あいうえ", "おかきく", "けこ" } },
    { "exact fit", "あいうえ", 4 * EM, { "あいうえ" } },
    /* JLREQ 3.1.7: 。、 may not start a line; the character before moves down (追出し) */
    { "。 pushed with previous char", "特定個人情報の保護を行う。", 12 * EM,
      { "特定個人情報の保護を行", "う。" } },
    { "、 pushed with previous char", "あいう、えお", 3 * EM, { "あい", "う、", "えお" } },
    /* closing / opening brackets (3.1.7 / 3.1.8) */
    { "」 never starts a line", "「個人番号」を利用する", 5 * EM,
      { "「個人番", "号」を利用", "する" } },
    { "（ never ends, ） never starts", "期間（３年）", 3 * EM, { "期間", "（３", "年）" } },
    { "「 moves to the next line", "あいう「えお」", 4 * EM, { "あいう", "「えお」" } },
    { "ASCII ( never ends a line", "あいう(えお)", 2 * EM, { "あい", "う", "(え", "お)" } },
    { "ASCII ) never starts a line", "値(あたい)です", 3 * EM, { "値(あ", "たい)", "です" } },
    { "( followed by a space never ends a line", "xx ( yy", 2500, { "xx", "( yy" } },
    /* ー, small kana, 々, ・, ！？ (3.1.7, very strict level) */
    { "ー never starts a line", "あコーヒー", 2 * EM, { "あ", "コー", "ヒー" } },
    { "small hiragana never starts a line", "あきょう", 2 * EM, { "あ", "きょ", "う" } },
    { "small katakana and ー", "ビッグデータ", 2 * EM, { "ビッ", "グ", "デー", "タ" } },
    { "々 never starts a line", "ああ人々", 3 * EM, { "ああ", "人々" } },
    { "・ never starts a line", "山田・鈴木", 2 * EM, { "山", "田・", "鈴木" } },
    { "！？ never start a line", "本当！？", 3 * EM, { "本", "当！？" } },
    { "ASCII , never starts a line", "あいう,えお", 3 * EM, { "あい", "う,", "えお" } },
    { "～ (U+FF5E) never starts a line", "第１条～第３条", 3 * EM, { "第１", "条～第", "３条" } },
    /* every bracket the documents use: ASCII < > [ ], full-width ＜＞, 〈〉 《》 【】 */
    { "ASCII > never starts a line", "<入手における措置>", 8 * EM, { "<入手における措", "置>" } },
    { "ASCII < never ends a line", "あいうえおか<入手>", 7 * EM, { "あいうえおか", "<入手>" } },
    { "ASCII ] never starts a line", "あいう[注]", 4 * EM, { "あいう", "[注]" } },
    { "＜ ＞ (U+FF1C/FF1E)", "あい＜入手における措置＞", 5 * EM, { "あい＜入手", "における措", "置＞" } },
    { "〈 〉", "あい〈入手における措置〉", 5 * EM, { "あい〈入手", "における措", "置〉" } },
    { "《 》", "あい《入手における措置》", 5 * EM, { "あい《入手", "における措", "置》" } },
    { "【 】", "あい【入手における措置】", 5 * EM, { "あい【入手", "における措", "置】" } },
    /* item numbers of running lists stay with their item; no lone last character */
    { "10. stays with its item", "氏名、住所、10.会場コード", 7500, { "氏名、住所、", "10.会場コード" } },
    { "5.⑤ stays with its item", "4.④A型、5.⑤B型既往歴", 5500, { "4.④A型、", "5.⑤B型既", "往歴" } },
    { "① stays with its item", "あいうえ①氏名", 5 * EM, { "あいうえ", "①氏名" } },
    { "(3) stays with its item", "あいうえ(3)氏名", 6 * EM, { "あいうえ", "(3)氏名" } },
    { "（３） stays with its item", "あいうえ（３）氏名", 6 * EM, { "あいうえ", "（３）氏名" } },
    { "、10 stays with its item", "氏名、住所、10 会場コード", 7500, { "氏名、住所、", "10 会場コード" } },
    { "1) stays with its item", "あいうえ1) 実施する", 5 * EM, { "あいうえ", "1) 実施", "する" } },
    { "a number mid-sentence may end a line", "あいうえ 10 個", 5 * EM, { "あいうえ", "10 個" } },
    { "lone ※ takes a character along", "主な記録項目 ※", 6 * EM, { "主な記録項", "目 ※" } },
    { "lone last kana takes one along", "④使用の主体", 5 * EM, { "④使用の", "主体" } },
    { "no lone fix without room", "あいうえお", 2 * EM, { "あい", "うえ", "お" } },
    /* 3.1.10 inseparable sequences */
    { "…… kept together", "評価書……その他", 4 * EM, { "評価書", "……そ", "の他" } },
    { "―― kept together", "評価――その他", 3 * EM, { "評価", "――そ", "の他" } },
    { "Latin word kept whole", "システムはPostgreSQLを使用する", 8 * EM,
      { "システムは", "PostgreSQLを使用", "する" } },
    { "number 1,000,000 kept whole", "合計1,000,000円です", 6 * EM,
      { "合計", "1,000,000円", "です" } },
    { "decimal and date kept whole", "値3.14と2025-11-26", 6 * EM,
      { "値3.14と", "2025-11-26" } },
    { "mixed 番号法第9条第1項", "番号法第9条第1項", 3 * EM, { "番号法", "第9条", "第1項" } },
    { "¥ stays with its number", "手数料は¥1,000です", 4500, { "手数料は", "¥1,000", "です" } },
    { "℃ stays with its number", "約30℃の差", 2 * EM, { "約", "30℃", "の差" } },
    { "“ may start, ” may not", "あいう“Privacy”", 6 * EM, { "あいう", "“Privacy”" } },
    { "apostrophe inside a word", "あいうit’s", 4 * EM, { "あいう", "it’s" } },
    /* runs wider than the line: emergency split instead of overflow */
    { "URL wider than the line", "参照http://example.jp/a/b?c=d", 5 * EM,
      { "参照", "http://", "example.jp", "/a/b?c=d" } },
    { "long Latin word split at the last fit", "abcdefghij", 2 * EM, { "abcd", "efgh", "ij" } },
    { "long number split at the last fit", "1234567890", 2500, { "12345", "67890" } },
    { "emergency split avoids . at line start", "abcdefg.)", 3500, { "abcdef", "g.)" } },
    { "run of ten 。 terminates", "。。。。。。。。。。", 3 * EM,
      { "。。。", "。。。", "。。。", "。" } },
    /* explicit newlines */
    { "newlines and an empty paragraph", "あいう\n\nえお", 10 * EM, { "あいう", "", "えお" } },
    { "trailing newline ends the last line", "あ\n", 10 * EM, { "あ" } },
    { "lone newline", "\n", 10 * EM, { "" } },
    { "empty paragraph at the end", "あ\n\n", 10 * EM, { "あ", "" } },
    { "anything may start after a newline", "あ\n。", 10 * EM, { "あ", "。" } },
    { "spaces-only paragraph is empty", "a\n   \nb", 10 * EM, { "a", "", "b" } },
    { "indent after a newline is kept", "あ\n　いう", 10 * EM, { "あ", "　いう" } },
    /* spaces hang at the line end */
    { "break after a space, space hangs", "ab cd ef", 2500, { "ab cd", "ef" } },
    { "spaces past the edge hang", "abcde   fg", 2500, { "abcde", "fg" } },
    { "ideographic space hangs", "あいう　えお", 3 * EM, { "あいう", "えお" } },
    /* degenerate widths and input */
    { "single over-wide glyph", "あい", 800, { "あ", "い" } },
    { "over-wide glyph keeps its IVS", "葛\U000E0100飾", 800, { "葛\U000E0100", "飾" } },
    { "combining dakuten stays with its base", "か\u3099か\u3099", 1 * EM,
      { "か\u3099", "か\u3099" } },
    { "ZWSP is a break hint", "abc\u200Bdef", 2 * EM, { "abc\u200B", "def" } },
    { "zero width line", "あい", 0, { "あ", "い" } },
    { "empty input", "", 10 * EM, { "" } },
};

/* The expected line count of a case. */
static size_t expected_count(const wrap_case *c)
{
    size_t k = 0;
    while (k < MAX_LINES && c->expect[k] != NULL)
        k++;
    return k;
}

/* Does line `got` of `text` (decoded into t) hold exactly the string `want`, with the
 * width the widths of its code points add up to? */
static bool line_matches(const char *text, const text_buf *t, const lb_line *got,
                         const char *want)
{
    size_t from = t->offs[got->start], len = t->offs[got->end] - from;
    int64_t width = 0;
    for (size_t k = got->start; k < got->end; k++)
        width += t->w[k];
    return len == strlen(want) && memcmp(text + from, want, len) == 0 && width == got->width;
}

static void print_lines(const text_buf *t, const char *text, const lb_line *lines, size_t n)
{
    for (size_t k = 0; k < n && k < MAX_LINES; k++)
        fprintf(stderr, "    got[%zu] = \"%.*s\" (width %d)\n", k,
                (int)(t->offs[lines[k].end] - t->offs[lines[k].start]),
                text + t->offs[lines[k].start], (int)lines[k].width);
}

static void run_wrap_case(const wrap_case *c)
{
    static text_buf t;
    lb_line lines[MAX_LINES];
    load_text(&t, c->text);
    size_t n = lb_wrap(t.cps, t.w, t.n, c->max_width, lines, MAX_LINES);
    size_t want = expected_count(c);
    bool ok = n == want;
    for (size_t k = 0; ok && k < n; k++)
        ok = line_matches(c->text, &t, &lines[k], c->expect[k]);
    record(ok);
    if (!ok) {
        fprintf(stderr, "FAIL wrap \"%s\": expected %zu lines, got %zu\n", c->name, want, n);
        print_lines(&t, c->text, lines, n);
    }
}

/* ---- lb_break_allowed cases ------------------------------------------------------------- */

typedef struct {
    const char *pair; /* exactly two code points, UTF-8 */
    bool allowed;
} pair_case;

static const pair_case k_pair_cases[] = {
    { "あい", true },  { "漢字", true },  { "。あ", true },   { "」「", true },
    { "あ。", false }, { "あ、", false }, { "あ．", false }, { "あ，", false },
    { "あ」", false }, { "あ）", false }, { "あ』", false }, { "あ】", false },
    { "あ〕", false }, { "あ］", false }, { "あ｝", false }, { "あ〉", false },
    { "あ》", false }, { "。」", false }, { "あ・", false }, { "あ！", false },
    { "あ？", false }, { "あ：", false }, { "あ；", false }, { "あー", false },
    { "あっ", false }, { "あゃ", false }, { "アッ", false }, { "アヶ", false },
    { "あ々", false }, { "あゝ", false }, { "アヽ", false }, { "ｱｯ", false },
    { "ｶﾞ", false },   { "あ〜", false }, { "あ～", false },
    { "「あ", false }, { "（あ", false }, { "『あ", false }, { "【あ", false },
    { "〔あ", false }, { "［あ", false }, { "｛あ", false }, { "〈あ", false },
    { "《あ", false }, { "（「", false }, { "あ「", true },
    { "a)", false },   { "a,", false },   { "a.", false },   { "a;", false },
    { "a:", false },   { "a!", false },   { "a?", false },   { "(a", false },
    { "[a", false },   { "{a", false },   { "ab", false },   { "1,", false },
    { ",0", false },   { "/a", false },   { "é!", false },   { "éa", false },
    { "aé", false },   { "it", false },   { "t’", false },   { "’s", false },
    { "aあ", true },   { "あa", true },   { "9条", true },   { "第9", true },
    { ")あ", true },   { "”あ", true },   { "あ“", true },   { "‘a", false },
    { "a ", false },   { " a", true },    { " )", false },   { "　あ", true },
    { "あ　", false }, { "……", false },  { "‥‥", false },   { "——", false },
    { "――", false },   { "あ…", true },   { "…あ", true },   { "—…", true },
    { "¥1", false },   { "￥１", false }, { "5℃", false },   { "０％", false },
    { "１２", true },  { "か\u3099", false }, { "\u00A0あ", false }, { "あ\u00A0", false },
    { "a\u2060", false }, { "\u200Ba", true }, { "a\u200B", false }, { "\ta", true },
    { "\nあ", true },  { "\n。", true },  { "あ\n", false },
};

static void run_pair_case(const pair_case *c)
{
    uint32_t cps[MAX_CPS];
    size_t offs[MAX_CPS + 1];
    size_t n = utf8_decode(c->pair, cps, offs);
    bool ok = n == 2 && lb_break_allowed(cps[0], cps[1]) == c->allowed;
    record(ok);
    if (!ok)
        fprintf(stderr, "FAIL pair \"%s\" (U+%04X U+%04X): expected break %s\n", c->pair,
                n > 0 ? (unsigned)cps[0] : 0u, n > 1 ? (unsigned)cps[1] : 0u,
                c->allowed ? "allowed" : "forbidden");
}

/* ---- class membership: every listed character, checked through lb_break_allowed --------- */

typedef struct {
    const char *name;
    const char *members;  /* UTF-8; each code point is checked */
    const char *partner;  /* one code point; "" pairs each member with itself */
    bool member_first;    /* check (member, partner) rather than (partner, member) */
    bool allowed;
} class_case;

static const class_case k_class_cases[] = {
    { "no line starts with (project list)",
      "、。，．）」』】〕］｝〉》ー・ゃゅょっぁぃぅぇぉャュョッァィゥェォヮヵヶゝゞヽヾ々！？：；),.;:!?",
      "あ", false, false },
    { "cl-02 closing brackets", "»’”⦆〉》」』】〕〗〙〛〞〟）］｝｠｣)]}", "あ", false, false },
    { "cl-03 hyphens", "‐–〜゠～", "あ", false, false },
    { "cl-04 dividing punctuation", "‼⁇⁈⁉！？!?", "あ", false, false },
    { "cl-05 middle dots", "・：；･:;", "あ", false, false },
    { "cl-06 full stops, cl-07 commas", "。．｡.、，､,", "あ", false, false },
    { "cl-09 iteration marks", "ヽヾゝゞ々〻", "あ", false, false },
    { "cl-10 prolonged sound mark, cl-11 small kana",
      "ーｰぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯﾞﾟ",
      "あ", false, false },
    { "no line ends with (project list)", "（「『【〔［｛〈《([{", "あ", true, false },
    { "cl-01 opening brackets", "«‘“⦅〈《「『【〔〖〘〚〝（［｛｟｢", "あ", true, false },
    { "cl-08 same inseparable twice", "—―‥…", "", true, false },
    { "cl-08 may start a line", "—―‥…", "あ", false, true },
    { "cl-12 prefix + numeral", "£¥€№＃＄￡￥￦#$", "１", true, false },
    { "numeral + cl-13 postfix", "¢°‰′″℃ℓ㌃㌍㌔㌘㌢㌣㌦㌧㌫㌶㌻㍉㍊㍍㍑㍗㎎㎏㎜㎝㎞㎡㏄㏋％￠%", "５", false,
      false },
    { "glue: no break after", "\u00A0\u2007\u200D\u2011\u202F\u2060\uFEFF", "あ", true, false },
    { "glue: no break before", "\u00A0\u2007\u200D\u2011\u202F\u2060\uFEFF", "あ", false, false },
    { "combining marks stay with the base",
      "\u0301\u1AB0\u1DC0\u20D0\u3099\u309A\uFE00\uFE0F\uFE20\U000E0100\U000E01EF", "あ",
      false, false },
    { "Western letters: no break after", "ÀÖØöøÿĀſƀɏΑωАяḀỿ’", "a", true, false },
    { "Western letters: no break before", "ÀÖØöøÿĀſƀɏΑωАяḀỿ", "a", false, false },
    { "ideographs, kana, full-width letters: breakable", "漢字かなカナ１Ａｱ〳", "あ", false, true },
    { "break after spaces", " 　", "あ", true, true },
    { "no break before spaces", " 　", "あ", false, false },
};

/* Checks one member; prints a failure. */
static bool check_member(const class_case *c, uint32_t member, uint32_t partner)
{
    uint32_t a = c->member_first ? member : partner, b = c->member_first ? partner : member;
    if (lb_break_allowed(a, b) == c->allowed)
        return true;
    fprintf(stderr, "FAIL class \"%s\": U+%04X U+%04X should %sbreak\n", c->name,
            (unsigned)a, (unsigned)b, c->allowed ? "" : "not ");
    return false;
}

static void run_class_case(const class_case *c)
{
    static uint32_t cps[MAX_CPS], partner[MAX_CPS];
    static size_t offs[MAX_CPS + 1];
    size_t n = utf8_decode(c->members, cps, offs);
    size_t np = utf8_decode(c->partner, partner, offs);
    bool ok = n > 0 && np <= 1;
    for (size_t k = 0; ok && k < n; k++)
        ok = check_member(c, cps[k], np == 1 ? partner[0] : cps[k]);
    record(ok);
}

/* ---- API edge cases --------------------------------------------------------------------- */

static void check(bool ok, const char *what)
{
    record(ok);
    if (!ok)
        fprintf(stderr, "FAIL %s\n", what);
}

static void test_empty_with_null_pointers(void)
{
    lb_line line = { 7, 7, 7 };
    check(lb_wrap(NULL, NULL, 0, 1000, NULL, 0) == 1, "n == 0 with no output array");
    check(lb_wrap(NULL, NULL, 0, 1000, &line, 1) == 1 && line.start == 0 && line.end == 0 &&
              line.width == 0,
          "n == 0 gives one empty line");
}

static void test_small_capacity(void)
{
    static text_buf t;
    lb_line lines[3] = { { 0, 0, 0 }, { 99, 99, 99 }, { 99, 99, 99 } };
    load_text(&t, "あいうえおかき");
    size_t n = lb_wrap(t.cps, t.w, t.n, 3 * EM, lines, 1);
    check(n == 3 && lines[0].start == 0 && lines[0].end == 3 && lines[1].start == 99,
          "cap smaller than the line count: total returned, only cap lines written");
}

/* ---- invariants on pseudo-random text --------------------------------------------------- */

static const char *const k_alphabet[] = {
    "あ", "漢", "。", "、", "「", "」", "（", "）", "ー", "ょ", "ッ", "々", "・", "！",
    "a", "b", "1", ",", ".", "(", ")", "/", " ", "　", "\n", "…", "\u3099", "¥", "％",
};

static uint32_t g_seed = 12345;

static uint32_t next_random(void)
{
    g_seed = g_seed * 1103515245u + 12345u;
    return (g_seed >> 16) & 0x7FFF;
}

/* Fills t with up to 60 random code points from k_alphabet. */
static void random_text(text_buf *t)
{
    char buf[MAX_CPS * 4 + 1] = "";
    size_t len = 1 + next_random() % 60;
    for (size_t k = 0; k < len; k++)
        strcat(buf, k_alphabet[next_random() % COUNT(k_alphabet)]);
    load_text(t, buf);
}

/* Is every code point outside the lines a '\n' or a space, and no line over-wide unless it
 * holds a single glyph? Lines must be in order and their widths right. */
static bool lines_are_sane(const text_buf *t, const lb_line *lines, size_t count, int32_t max)
{
    size_t pos = 0;
    for (size_t k = 0; k < count; k++) {
        const lb_line *l = &lines[k];
        if (l->start < pos || l->end < l->start || l->end > t->n)
            return false;
        for (; pos < l->start; pos++)
            if (t->cps[pos] != '\n' && t->cps[pos] != ' ' && t->cps[pos] != 0x3000)
                return false;
        int64_t width = 0;
        size_t glyphs = 0;
        for (; pos < l->end; pos++) {
            width += t->w[pos];
            glyphs += t->w[pos] > 0 && t->cps[pos] != ' ' && t->cps[pos] != 0x3000;
        }
        if (width != l->width || (width > max && glyphs > 1))
            return false;
    }
    for (; pos < t->n; pos++)
        if (t->cps[pos] != '\n' && t->cps[pos] != ' ' && t->cps[pos] != 0x3000)
            return false;
    return true;
}

static void test_random_invariants(void)
{
    static text_buf t;
    static lb_line lines[MAX_CPS + 1];
    bool ok = true;
    for (int round = 0; round < 5000 && ok; round++) {
        random_text(&t);
        int32_t max = (int32_t)(next_random() % 6000);
        size_t count = lb_wrap(t.cps, t.w, t.n, max, NULL, 0);
        ok = count >= 1 && count <= t.n + 1 &&
             lb_wrap(t.cps, t.w, t.n, max, lines, COUNT(lines)) == count &&
             lines_are_sane(&t, lines, count, max);
        if (!ok)
            fprintf(stderr, "FAIL random round %d (max %d, %zu code points)\n", round,
                    (int)max, t.n);
    }
    record(ok);
}

int main(void)
{
    for (size_t k = 0; k < COUNT(k_wrap_cases); k++)
        run_wrap_case(&k_wrap_cases[k]);
    for (size_t k = 0; k < COUNT(k_pair_cases); k++)
        run_pair_case(&k_pair_cases[k]);
    for (size_t k = 0; k < COUNT(k_class_cases); k++)
        run_class_case(&k_class_cases[k]);
    test_empty_with_null_pointers();
    test_small_capacity();
    test_random_invariants();
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed > 0 ? 1 : 0;
}
