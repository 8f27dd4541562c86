/* test_textdiff.c — changed passages of Japanese texts: marked at the level of phrases (a
 * changed digit, a rewritten word with its particle, an inserted bracketed passage), never
 * the whole paragraph for one change; deletions marked (削除) only where nothing nearby
 * changed; unchanged lines untouched; every character of the new text kept, in order
 * (checked on random pairs); large inputs bounded. */
#include "textdiff.h"

#include "diff_page.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int passed, failed;

static void expect_mark(const char *old, const char *new_text, const char *want, const char *what)
{
    char *got = td_mark_copy(old, new_text);
    if (!strcmp(got, want)) passed++;
    else {
        failed++;
        fprintf(stderr, "%s:\n  old:  %s\n  new:  %s\n  want: %s\n  got:  %s\n", what, old, new_text, want, got);
    }
    free(got);
}

static void expect(bool ok, const char *what)
{
    if (ok) passed++;
    else {
        failed++;
        fprintf(stderr, "failed: %s\n", what);
    }
}

/* The marked text with its tags and deletion marks removed. */
static char *strip(const char *s)
{
    static const char *tags[] = {"<u>" TD_DELETED "</u>", "<u>", "</u>"};
    hy_buf b = {0};
    hy_buf_puts(&b, "");
    while (*s) {
        size_t skip = 0;
        for (size_t t = 0; t < 3 && !skip; t++)
            if (!strncmp(s, tags[t], strlen(tags[t]))) skip = strlen(tags[t]);
        if (skip) s += skip;
        else hy_buf_add(&b, s++, 1);
    }
    return b.data;
}

static void phrases(void)
{
    /* 条例改正に|伴う|修正 ; 介護|システム|、 ; 令和|2|年 */
    const char *text = "条例改正に伴う修正、介護システム令和2年(1)";
    size_t n;
    uint32_t *s = hy_utf8_to_cps(text, &n);
    char got[64] = {0};
    for (size_t i = 0; i <= n && i < 63; i++) got[i] = td_phrase_boundary(s, n, i) ? '|' : '.';
    /*                    条例改正に伴う修正、介護システム令和2年(1)  */
    expect(!strcmp(got, "|....|.|.||.|...|.||||||"), "phrase boundaries");
    if (strcmp(got, "|....|.|.||.|...|.||||||")) fprintf(stderr, "  got %s\n", got);
    free(s);
}

static void marks(void)
{
    expect_mark("同じ文章。", "同じ文章。", "同じ文章。", "no change");
    expect_mark("令和2年5月の条例改正に伴う修正", "令和3年5月の条例改正に伴う修正",
                "令和<u>3</u>年5月の条例改正に伴う修正", "a changed digit");
    expect_mark("統合データベースで管理する情報を連携する。", "統合データベースで保管する情報を連携する。",
                "統合データベースで<u>保管する</u>情報を連携する。", "a changed word with its okurigana");
    expect_mark("番号の利用などに関する法律の規定に従い、特定個人情報を取り扱う。",
                "番号の利用などに関する法律（以下「番号法」という。）の規定に従い、特定個人情報を取り扱う。",
                "番号の利用などに関する法律<u>（以下「番号法」という。）</u>の規定に従い、特定個人情報を取り扱う。",
                "an inserted bracketed passage");
    expect_mark("その他（介護システム、福祉システム、国民健康保険システム、中間サーバー）",
                "その他（介護システム、福祉システム、国民健康保険システム）",
                "その他（介護システム、福祉システム、国民健康保険システム<u>" TD_DELETED "</u>）",
                "a deleted list item");
    expect_mark("法令上の根拠に基づき提供する。", "法令に基づき提供する。", "<u>法令に</u>基づき提供する。",
                "a deletion inside a phrase marks the phrase");
    expect_mark("1. 統合データベース管理機能\n2. 宛名管理機能\n3. データ連携機能",
                "1. 統合データベース管理機能\n2. 宛名番号管理機能\n3. データ連携機能",
                "1. 統合データベース管理機能\n2. <u>宛名番号管理機能</u>\n3. データ連携機能",
                "a change on one line leaves the others");
    expect_mark("1. 統合データベース管理機能\n3. データ連携機能",
                "1. 統合データベース管理機能\n2. 宛名管理機能\n3. データ連携機能",
                "1. 統合データベース管理機能\n<u>2. 宛名管理機能</u>\n3. データ連携機能", "an added line");
    expect_mark("[○] 紙 [○] 庁内連携システム", "[○] 紙 [○] 電子メール [○] 庁内連携システム",
                "[○] 紙 <u>[○] 電子メール</u> [○] 庁内連携システム", "an inserted repeat starts at its unit");
    expect_mark("週1回", "月2回", "<u>月2</u>回", "a short text");
    expect_mark("週1回", "月2日", "月2日", "every character changed: no marks");
    expect_mark("高寄 直人", "米村 かおる", "米村 かおる", "a name replaced whole: no marks");
    expect_mark("庁内連携システム、税務システム", "庁内連携システム、<u>x</u>税務システム",
                "庁内連携システム、<u>x</u>税務システム", "a writer's own <u> is left alone");
    expect_mark("", "新しい記載", "新しい記載", "from nothing");
    expect_mark("古い記載", "", "", "to nothing");
    expect_mark("職員1名及び委託先2名", "職員3名及び委託先4名", "職員<u>3</u>名及び委託先<u>4</u>名",
                "two changes apart stay apart");
    expect_mark("職員1名、2名", "職員3名、4名", "職員<u>3名、4</u>名", "two changes two characters apart merge");
    expect_mark("・アクセスログ取得機能等\n・操作履歴の保存", "・アクセスログ取得機能等 \n・操作履歴の保存",
                "・アクセスログ取得機能等 \n・操作履歴の保存", "a trailing space is not marked");

    /* One word changed in a long paragraph marks a phrase, not the paragraph. */
    const char *para = "住民基本台帳ネットワークシステムを通じて本人確認情報を入手し、"
                       "個人番号の真正性を確認する。入手した情報は事務に必要な範囲でのみ使用し、"
                       "目的外の利用は行わない。";
    const char *para2 = "住民基本台帳ネットワークシステムを通じて本人確認情報を入手し、"
                        "個人番号の真正性を照合する。入手した情報は事務に必要な範囲でのみ使用し、"
                        "目的外の利用は行わない。";
    char *got = td_mark_copy(para, para2);
    const char *u = strstr(got, "<u>"), *e = u ? strstr(u, "</u>") : NULL;
    expect(u && e && e - u - 3 <= (long)strlen("照合する"), "one word in a paragraph: a short mark");
    free(got);
}

static void flags(const bool *f, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) out[i] = f[i] ? 'x' : '.';
    out[n] = 0;
}

/* Whole changed lines (the excerpts of long items) and the excerpt with (略). */
static void lines(void)
{
    expect(td_line_count("") == 0 && td_line_count("a") == 1 && td_line_count("a\n") == 1 &&
               td_line_count("a\nb") == 2 && td_line_count("\n\n") == 2, "line count");
    struct { const char *old, *new_text, *want_old, *want_new; } cases[] = {
        {"a\nb\nc\nd", "a\nB\nc\nd", ".x..", ".x.."},           /* one line replaced */
        {"a\nb\nc\nd", "a\nb\nx\nc\nd", "..x.", "..x.."},      /* one inserted: where it goes */
        {"a\nb\nc", "a\nb\nc\nd", "..x", "...x"},                 /* added at the end */
        {"a\nb\nc\nd", "a\nc\nd", ".x..", "..."},                 /* one deleted */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bool o[8] = {0}, w[8] = {0};
        char go[9], gw[9];
        td_lines_changed(cases[i].old, cases[i].new_text, o, w);
        flags(o, td_line_count(cases[i].old), go);
        flags(w, td_line_count(cases[i].new_text), gw);
        bool ok = !strcmp(go, cases[i].want_old) && !strcmp(gw, cases[i].want_new);
        expect(ok, "changed lines");
        if (!ok) fprintf(stderr, "  case %zu: old %s new %s\n", i, go, gw);
    }
    bool keep[] = {false, false, true, false, true, true, false};
    char *ex = df_excerpt_copy("1\n2\n3\n4\n5\n6\n7\n", keep);
    expect(!strcmp(ex, "(略)\n3\n(略)\n5\n6\n(略)"), "excerpt with (略)");
    free(ex);
    bool all[] = {true, true};
    ex = df_excerpt_copy("1\n2", all);
    expect(!strcmp(ex, "1\n2"), "excerpt of every line: the text");
    free(ex);
}

/* Random pairs from a small alphabet of Japanese, Latin and punctuation: the marks never
 * lose, add or reorder a character, and the tags nest properly. */
static void random_pairs(void)
{
    static const char *alphabet[] = {"の", "を", "に", "個", "人", "番", "号", "情", "報", "シ", "ス", "テ", "ム",
                                     "A", "1", "、", "。", "（", "）", "\n", " ", "　", "ー"};
    const size_t na = sizeof alphabet / sizeof *alphabet;
    unsigned seed = 12345;
    int bad = 0;
    for (int round = 0; round < 400; round++) {
        hy_buf a = {0}, b = {0};
        hy_buf_puts(&a, "");
        hy_buf_puts(&b, "");
        size_t len = (size_t)(rand_r(&seed) % 60);
        for (size_t i = 0; i < len; i++) {
            const char *c = alphabet[rand_r(&seed) % na];
            hy_buf_puts(&a, c);
            int r = rand_r(&seed) % 10;
            if (r == 0) continue;                                /* deleted */
            if (r == 1) hy_buf_puts(&b, alphabet[rand_r(&seed) % na]);  /* replaced */
            else hy_buf_puts(&b, c);
            if (r == 2) hy_buf_puts(&b, alphabet[rand_r(&seed) % na]);  /* inserted */
        }
        char *got = td_mark_copy(a.data, b.data), *plain = strip(got);
        int depth = 0;
        bool nested = true;
        for (const char *p = got; *p; p++) {
            if (!strncmp(p, "<u>", 3)) depth++;
            if (!strncmp(p, "</u>", 4)) depth--;
            nested &= depth == 0 || depth == 1;
        }
        if (strcmp(plain, b.data) || !nested || depth) {
            if (!bad++) fprintf(stderr, "random pair %d:\n  old %s\n  new %s\n  got %s\n", round, a.data, b.data, got);
        }
        free(got), free(plain), hy_buf_free(&a), hy_buf_free(&b);
    }
    expect(!bad, "random pairs keep the new text whole");
}

/* A long text with changes everywhere ends quickly (taken as replaced) and keeps its text. */
static void bounded(int len)
{
    hy_buf a = {0}, b = {0};
    unsigned seed = 7;
    for (int i = 0; i < len; i++) {
        hy_buf_puts(&a, (rand_r(&seed) & 1) ? "個" : "人");
        hy_buf_puts(&b, (rand_r(&seed) & 1) ? "個" : "人");
    }
    clock_t t0 = clock();
    char *got = td_mark_copy(a.data, b.data), *plain = strip(got);
    double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
    expect(!strcmp(plain, b.data), "a long rewritten text keeps its text");
    expect(sec < 20, "a long rewritten text is bounded");
    fprintf(stderr, "%d characters, rewritten: %.2f s\n", len, sec);
    free(got), free(plain), hy_buf_free(&a), hy_buf_free(&b);
}

int main(void)
{
    phrases();
    marks();
    lines();
    random_pairs();
    bounded(60000);  /* beyond TD_MAX_HUNK */
    bounded(20000);  /* within it, beyond TD_MAX_EDITS */
    printf("textdiff: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
