/* test_yaml_scalar.c — wrapped Japanese lines joined, typed spaces kept, cut comments found. */
#include "yaml_load.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

/* Loads `yaml` (a mapping with key k) and compares k's text. */
static void text(const char *yaml, const char *want)
{
    yl_doc doc;
    hy_diags d = {0};
    const char *got = "(error)";
    if (yl_load_mem("t.yaml", yaml, strlen(yaml), &doc, &d) && yl_get(doc.root, "k"))
        got = yl_get(doc.root, "k")->str;
    if (!strcmp(got, want)) passed++;
    else {
        failed++;
        fprintf(stderr, "%s: got '%s', want '%s'\n", yaml, got, want);
    }
    yl_free(&doc);
    hy_diags_free(&d);
}

/* Loads `yaml`, which must be refused with `want` in the first message. */
static void refused(const char *yaml, const char *want)
{
    yl_doc doc;
    hy_diags d = {0};
    bool ok = yl_load_mem("t.yaml", yaml, strlen(yaml), &doc, &d);
    char got[512] = "";
    if (d.n) snprintf(got, sizeof got, "%d:%d: %s", d.items[0].line, d.items[0].col, d.items[0].msg);
    if (!ok && strstr(got, want)) passed++;
    else {
        failed++;
        fprintf(stderr, "%s: got '%s', want '%s'\n", yaml, got, want);
    }
    yl_free(&doc);
    hy_diags_free(&d);
}

int main(void)
{
    text("k: ファイルの\n  取扱い\n", "ファイルの取扱い");
    text("k: ファイルの\r\n  取扱い\r\n", "ファイルの取扱い");
    text("k: >\n  ついて、\n  システム\n", "ついて、システム\n");
    text("k: \"試験事務における\n  特定個人情報\"\n", "試験事務における特定個人情報");
    text("k: '試験の''事務\n  特定'\n", "試験の'事務特定");
    text("k: 試験市役所 情報政策課\n", "試験市役所 情報政策課");          /* a typed space */
    text("k: 試験市役所 情報政策課 電話\n  番号\n", "試験市役所 情報政策課 電話番号");
    text("k: ABC\n  DEF\n", "ABC DEF");                                  /* Latin keeps the space */
    text("k: 日本\n  ABC\n", "日本 ABC");
    text("k: |\n  ファイルの\n  取扱い\n", "ファイルの\n取扱い\n");         /* literal: kept */
    text("k: ファイルの\n\n  取扱い\n", "ファイルの\n取扱い");              /* a blank line */
    text("k: ト\xe3\x82\x99キュメントの\n  取扱い\n", "ドキュメントの取扱い"); /* NFD + wrap */
    text("k: \"a\\tb\n  いう\"\n", "a\tb いう");                           /* escapes: untouched */
    text("k: 番号#1234\n", "番号#1234");
    text("k: \"資料 #3\"  # a comment\n", "資料 #3");
    text("k:   # a comment after an empty value\n", "");
    refused("k: 詳細は別紙資料 #3 を参照\n", "1:12: the text is cut short here");
    refused("k: 一行目\n  二行目 #3\n", "2:7: the text is cut short");
    refused("k: a\xe2\x80\xa8" "b\n", "1:5: the file contains an invisible line separator (U+2028)");
    refused("k: a\xe2\x80\xa9" "b\n", "invisible paragraph separator (U+2029)");
    printf("test_yaml_scalar: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
