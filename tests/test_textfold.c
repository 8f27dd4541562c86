/* test_textfold.c — NFC on load and the matching fold (textfold.h). */
#include "textfold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int passed, failed;

static void check(bool ok, const char *what, const char *got)
{
    if (ok) passed++;
    else {
        failed++;
        fprintf(stderr, "%s: got '%s'\n", what, got);
    }
}

static void nfc(const char *in, const char *want)
{
    size_t n;
    char *got = tf_nfc(in, strlen(in), &n);
    check(got && !strcmp(got, want) && n == strlen(want), in, got ? got : "(null)");
    free(got);
}

static void fold(const char *in, const char *want)
{
    char *got = tf_fold(in);
    check(!strcmp(got, want), in, got);
    free(got);
}

/* tf_nfc equals utf8proc's NFC for every code point of planes 0 to 2, alone and after
 * starters that compose (Latin, kana, Kannada, Hangul jamo and syllable): its fast path for
 * text that NFC leaves alone must never skip a composition. Compatibility ideographs are kept
 * by design and skipped here. */
static void nfc_all_code_points(void)
{
    static const char *starters[] = {"", "e", "\u304B", "\u30CF", "\u0CC6", "\u1100", "\uAC00", "\u0B47", "\u0915", "\U00011131", "\u304C"};
    int bad = 0;
    for (uint32_t cp = 1; cp < 0x30000 && bad < 10; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F))
            continue;
        for (size_t j = 0; j < sizeof starters / sizeof *starters; j++) {
            char in[16];
            size_t n = strlen(starters[j]);
            memcpy(in, starters[j], n);
            n += (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)in + n);
            in[n] = 0;
            utf8proc_uint8_t *want = NULL;
            utf8proc_ssize_t wn = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)n, &want,
                                               UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            size_t gn = 0;
            char *got = tf_nfc(in, n, &gn);
            bool same = wn < 0 ? !got : got && (size_t)wn == gn && !memcmp(got, want, gn);
            if (!same) {
                fprintf(stderr, "U+%04X after '%s': tf_nfc differs from utf8proc\n", (unsigned)cp, starters[j]);
                bad++;
            }
            free(got);
            free(want);
        }
    }
    check(!bad, "NFC of every code point", "");
}

int main(void)
{
    nfc_all_code_points();
    nfc("ト\u3099キュメント", "ドキュメント");
    nfc("ハ\u309Aスワード", "パスワード");
    nfc("Cafe\u0301", "Café");
    nfc("ascii only", "ascii only");
    nfc("\uFA11\u5D0E", "\uFA11\u5D0E");               /* compatibility ideograph kept */
    nfc("\uF929", "\uF929");                           /* 朗 (U+F929) not replaced by U+6717 */
    nfc("辻\U000E0101", "辻\U000E0101");               /* variation selector kept */
    fold("その他の電子ファイル（表計算ファイル等）", "その他の電子ファイル(表計算ファイル等)");
    fold("Ⅲ", "III");
    fold("ＩＩＩ", "III");
    fold("Ⅴ", "V");
    fold("１０万人以上３０万人未満", "10万人以上30万人未満");
    fold("2) 10万人以上30万人未満", "10万人以上30万人未満");
    fold("（2）十分である", "十分である");
    fold("[ ] 十分である", "十分である");
    fold("［〇］ 十分である", "十分である");
    fold("[○]十分である", "十分である");
    fold("② 十分である", "十分である");
    fold("接続しない（入手）", "接続しない(入手)");
    fold("名称\u3000", "名称");
    fold("ｼｽﾃﾑ", "システム");
    fold("10万人以上", "10万人以上");                   /* a number that is the text's own */
    fold("1万人未満", "1万人未満");
    fold("[ ]", "[]");                                 /* brackets alone are kept */
    check(tf_same("庁内連携システム", "庁内連携システム"), "same", "");
    check(!tf_same("実施する", "実施しない"), "not same", "");
    check(tf_segment_break_removed_between(0x3067, 0x3042), "kana kana", "");
    check(tf_segment_break_removed_between(0x3001, 0x30B7), "、シ", "");
    check(tf_segment_break_removed_between(0xFF71, 0x3042), "half-width kana", "");
    check(!tf_segment_break_removed_between('a', 0x3042), "latin kana", "");
    check(!tf_segment_break_removed_between(0xAC00, 0x3042), "hangul", "");
    printf("test_textfold: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
