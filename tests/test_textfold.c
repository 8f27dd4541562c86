/* test_textfold.c — NFC on load and the matching fold (textfold.h). */
#include "textfold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
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
