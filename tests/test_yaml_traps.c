/* test_yaml_traps.c — each YAML trap found at its own line:column, certain or suspect, and no
 * trap in the places where the same characters are the writer's text. */
#include "yaml_traps.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

/* want: "" for no trap, else "KIND line:col c|s" of the first trap. */
static void expect(const char *yaml, const char *want)
{
    static const char *const names[] = {"ideo", "nbsp", "fwcolon", "colon", "dash", "fwdash", "flow"};
    yt_traps t = {0};
    yt_scan(yaml, strlen(yaml), &t);
    char got[64] = "";
    if (t.n)
        snprintf(got, sizeof got, "%s %d:%d %c", names[t.items[0].kind], t.items[0].line, t.items[0].col,
                 t.items[0].certain ? 'c' : 's');
    if (!strcmp(got, want)) passed++;
    else {
        failed++;
        fprintf(stderr, "---\n%s--- got '%s', want '%s'\n", yaml, got, want);
    }
    yt_free(&t);
}

int main(void)
{
    expect("a:\n  b: 1\n\xe3\x80\x80" "c: 2\n", "ideo 3:1 c");
    expect("a:\n  \xe3\x80\x80" "c: 2\n", "ideo 2:3 c");
    expect("a:\n \xc2\xa0" "c: 2\n", "nbsp 2:2 c");
    expect("a:\n  名称：住民\n  内容: x\n", "fwcolon 2:5 s");  /* parse fails: reported */
    expect("a:\n  名称:住民\n  内容: x\n", "colon 2:5 s");
    expect("a:\n  b: 1\n  名称:住民\n", "colon 3:5 c");
    expect("a:\n  名称:住民\n", "colon 2:5 s");                     /* may be a's text */
    expect("a:\n  - 名称:住民\n", "colon 2:7 s");                   /* may be an item's text */
    expect("a:\n  - x\n  -個人番号\n", "dash 3:3 c");
    expect("a:\n  － 個人番号\n", "fwdash 2:3 s");
    expect("a:\n  － 個人番号を含む\n  － 氏名を含む\n", "fwdash 2:3 s");  /* a text's bullets */
    expect("a:\n  - x\n  － 氏名\n", "fwdash 3:3 c");
    expect("a: [ ] 10万人以上\n", "flow 1:4 c");
    expect("a: [別紙] 参照\n", "flow 1:4 c");
    expect("a: {b: 1} c\n", "flow 1:4 c");
    expect("- [別紙] 参照\n", "flow 1:3 c");
    /* not traps */
    expect("a: [b, c]\n", "");
    expect("a: [b, c]  # comment\n", "");
    expect("a: {b: 1, c: \"x]y\"}\n", "");
    expect("a: [b,\n  c] \n", "");
    expect("a: |\n  名称:住民\n  \xe3\x80\x80本文\n  -個人番号\n  [別紙] 参照\n", "");
    expect("a: >\n  名称：住民\n", "");
    expect("a: \"一行目\n  名称:住民 [x] y\"\n", "");
    expect("a: 一行目\n  名称:住民\n", "");                         /* a plain text goes on */
    expect("a: 受付 9:00～17:00\n", "");
    expect("a:\n  平日9:00から\n", "");
    expect("a:\n  https://example.jp/\n", "");
    expect("a: -1\nb: ---\n", "");
    expect("- -1\n- 個人番号\n", "");
    expect("# 名称:住民\n", "");
    expect("a: 'x' # c\n", "");
    expect("\xef\xbb\xbf" "a: 1\n", "");
    printf("test_yaml_traps: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
