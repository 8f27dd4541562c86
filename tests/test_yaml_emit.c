/* test_yaml_emit.c — every text written by yaml_emit.c reads back through yaml_load.c as the
 * same string: plain words, YAML indicators, things YAML takes for null, booleans or numbers,
 * quotes and backslashes, several lines with and without final line breaks, leading spaces,
 * blank lines, tabs; and the style chosen is the one a writer would type. */
#include "yaml_emit.h"
#include "yaml_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static const char *texts[] = {
    "番号法第9条第1項", "", " ", "null", "~", "Yes", "123", "1.5", "2023-04-05", "-", "- 項目", "? x",
    "a: b", "a #b", "[○] 紙", "{ 委託する }", "\"引用\"", "'単'", "back\\slash", "タブ\tあり", "%", "@x", "`x`",
    "*別名", "&錨", "!タグ", "|", ">", "末尾:", "行1\n行2", "行1\n行2\n", "行1\n行2\n\n", "\n先頭の空行",
    "  字下げ\n次の行", "行1\n\n\n行4", "\n", "\n\n", " \n ", "末尾の空白 \n次", "# 見出し\n本文",
    "---\n...", "行\u2028区切り", "(記載なし)", "【要記入】事前・事後のいずれか", "システム1：名称、機能",
};

static void round_trip(const char *s, int indent)
{
    hy_buf b = {0};
    hy_buf_printf(&b, "%*s- 値:", indent - 2, "");
    ye_scalar(&b, s, indent);
    char *doc = hy_xasprintf("様式: x\n行:\n%s", b.data);
    yl_doc y;
    hy_diags d = {0};
    bool ok = yl_load_mem("emit", doc, strlen(doc), &y, &d);
    const yl_node *rows = ok ? yl_get(y.root, "行") : NULL;
    const yl_node *v = rows && rows->kind == YL_SEQ && rows->n == 1 ? yl_get(rows->items[0], "値") : NULL;
    const char *got = v && v->kind == YL_SCALAR ? v->str : NULL;
    if (got && !strcmp(got, s)) passed++;
    else {
        failed++;
        fprintf(stderr, "round trip of \"%s\" failed:\n%s\n", s, doc);
        hy_diags_print(&d, stderr);
    }
    if (ok) yl_free(&y);
    hy_diags_free(&d);
    free(doc);
    hy_buf_free(&b);
}

static void expect_form(const char *s, const char *want)
{
    hy_buf b = {0};
    ye_scalar(&b, s, 2);
    if (!strcmp(b.data, want)) passed++;
    else {
        failed++;
        fprintf(stderr, "form of \"%s\": want [%s] got [%s]\n", s, want, b.data);
    }
    hy_buf_free(&b);
}

int main(void)
{
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        round_trip(texts[i], 2);
        round_trip(texts[i], 6);
    }
    expect_form("番号法第9条第1項", " 番号法第9条第1項\n");
    expect_form("null", " \"null\"\n");
    expect_form("行1\n行2\n", " |\n    行1\n    行2\n");
    expect_form("行1\n行2", " |-\n    行1\n    行2\n");
    expect_form("  字下げ\n次", " |2-\n      字下げ\n    次\n");
    printf("yaml_emit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
