/* test_msg.c — the message catalogue (msg.h): every id has an English and a Japanese
 * sentence, both take the same arguments (the same conversions for each argument position,
 * whether written in order or as %n$), the Japanese one is Japanese, and the language follows
 * LC_ALL, LC_MESSAGES and LANG in that order. */
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond, ...)                          \
    do {                                          \
        if (!(cond)) {                            \
            failures++;                           \
            fprintf(stderr, "FAIL: " __VA_ARGS__); \
            fputc('\n', stderr);                  \
        }                                         \
    } while (0)

#define MAX_ARGS 16

/* The conversion of each argument of a printf format ("zu", "s", "04X" → "X", "d"): length
 * modifier and conversion letter, flags, width and precision dropped. Returns the number of
 * arguments, or -1 for a format this test does not accept (`*` widths, mixed %n$ and plain
 * conversions, an argument used twice with different conversions, a gap in %n$). */
static int signature(const char *f, char sig[MAX_ARGS][4])
{
    int n = 0, positional = -1, max = 0;
    for (int i = 0; i < MAX_ARGS; i++) sig[i][0] = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%') continue;
        p++;
        if (*p == '%') continue;
        int pos = 0;
        const char *q = p;
        while (*q >= '0' && *q <= '9') pos = pos * 10 + (*q++ - '0');
        bool is_pos = *q == '$' && pos > 0;
        if (is_pos) p = q + 1;
        if (positional >= 0 && positional != is_pos) return -1;
        positional = is_pos;
        while (strchr("-+ #0", *p)) p++;
        while ((*p >= '0' && *p <= '9') || *p == '.') p++;
        if (*p == '*') return -1;
        char conv[4] = {0};
        size_t k = 0;
        while (strchr("hlzjt", *p) && k < 2) conv[k++] = *p++;
        if (!*p || !strchr("sdiuxXcgfe", *p)) return -1;
        conv[k] = *p;
        int idx = is_pos ? pos - 1 : n++;
        if (idx >= MAX_ARGS) return -1;
        if (sig[idx][0] && strcmp(sig[idx], conv)) return -1;
        strcpy(sig[idx], conv);
        if (idx + 1 > max) max = idx + 1;
    }
    for (int i = 0; i < max; i++)
        if (!sig[i][0]) return -1;
    return max;
}

/* True when s holds a character of Japanese script (kana, CJK ideographs, full-width forms). */
static bool has_japanese(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    for (; *u; u++)
        if (*u == 0xE3 || (*u >= 0xE4 && *u <= 0xE9) || *u == 0xEF) return true;
    return false;
}

static void check_env(const char *all, const char *messages, const char *lang, hy_lang want)
{
    if (all) setenv("LC_ALL", all, 1); else unsetenv("LC_ALL");
    if (messages) setenv("LC_MESSAGES", messages, 1); else unsetenv("LC_MESSAGES");
    if (lang) setenv("LANG", lang, 1); else unsetenv("LANG");
    CHECK(hy_msg_lang_from_env() == want, "LC_ALL=%s LC_MESSAGES=%s LANG=%s: wrong language", all ? all : "-",
          messages ? messages : "-", lang ? lang : "-");
}

int main(void)
{
    for (int id = 0; id < HY_M_COUNT; id++) {
        const char *name = hy_msg_name((hy_msg_id)id);
        const char *en = hy_msg_in((hy_msg_id)id, HY_LANG_EN), *ja = hy_msg_in((hy_msg_id)id, HY_LANG_JA);
        CHECK(name && en && ja, "id %d: missing", id);
        if (!name || !en || !ja) continue;
        CHECK(*en && *ja, "%s: an empty sentence", name);
        CHECK(has_japanese(ja), "%s: the Japanese sentence has no Japanese: %s", name, ja);
        char se[MAX_ARGS][4], sj[MAX_ARGS][4];
        int ne = signature(en, se), nj = signature(ja, sj);
        CHECK(ne >= 0, "%s: English format not accepted: %s", name, en);
        CHECK(nj >= 0, "%s: Japanese format not accepted: %s", name, ja);
        CHECK(ne == nj, "%s: %d arguments in English, %d in Japanese", name, ne, nj);
        for (int i = 0; i < ne && i < nj && ne > 0; i++)
            CHECK(!strcmp(se[i], sj[i]), "%s: argument %d is %%%s in English, %%%s in Japanese", name, i + 1, se[i],
                  sj[i]);
    }
    CHECK(hy_msg_in(HY_M_COUNT, HY_LANG_EN) == NULL, "out of range id");

    /* The language: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty. */
    check_env(NULL, NULL, NULL, HY_LANG_EN);
    check_env(NULL, NULL, "ja_JP.UTF-8", HY_LANG_JA);
    check_env(NULL, NULL, "ja", HY_LANG_JA);
    check_env(NULL, NULL, "C", HY_LANG_EN);
    check_env(NULL, NULL, "japanese", HY_LANG_EN);
    check_env(NULL, "ja_JP.UTF-8", "C", HY_LANG_JA);
    check_env(NULL, "C", "ja_JP.UTF-8", HY_LANG_EN);
    check_env("C", "ja_JP.UTF-8", "ja_JP.UTF-8", HY_LANG_EN);
    check_env("ja_JP.eucJP", NULL, "C", HY_LANG_JA);
    check_env("", "", "ja_JP.UTF-8", HY_LANG_JA);
    hy_lang l;
    CHECK(hy_msg_lang_parse("ja", &l) && l == HY_LANG_JA, "parse ja");
    CHECK(hy_msg_lang_parse("en_US.UTF-8", &l) && l == HY_LANG_EN, "parse en_US");
    CHECK(!hy_msg_lang_parse("jav", &l), "parse jav");
    hy_msg_set_lang(HY_LANG_JA);
    CHECK(!strcmp(hy_msg(HY_M_QUOTED), "「%s」"), "current language");
    hy_msg_set_lang(HY_LANG_EN);
    CHECK(!strcmp(hy_msg(HY_M_QUOTED), "'%s'"), "current language");

    if (failures) return 1;
    printf("ok: %d messages, each in English and Japanese with the same arguments\n", (int)HY_M_COUNT);
    return 0;
}
