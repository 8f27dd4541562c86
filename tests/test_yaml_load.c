/* test_yaml_load.c — unit tests of the YAML loader (src/yaml_load.c) through yl_load_mem:
 * positions of nodes, what is refused and where the error is reported. */
#include "yaml_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (cond) passed++;                                                           \
        else {                                                                        \
            failed++;                                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

typedef struct {
    yl_doc doc;
    hy_diags d;
    bool ok;
} loaded;

static loaded load_n(const char *text, size_t len)
{
    loaded l = {0};
    l.ok = yl_load_mem("t.yaml", text, len, &l.doc, &l.d);
    return l;
}

static loaded load(const char *text)
{
    return load_n(text, strlen(text));
}

static void unload(loaded *l)
{
    yl_free(&l->doc);
    hy_diags_free(&l->d);
}

/* The load failed with exactly one error at line:col whose message holds `part`. */
static bool fails_at(const loaded *l, int line, int col, const char *part)
{
    if (l->ok || l->d.n != 1) {
        fprintf(stderr, "  expected one error, got ok=%d and %zu errors\n", l->ok, l->d.n);
        return false;
    }
    const hy_diag *g = &l->d.items[0];
    bool good = g->line == line && g->col == col && strstr(g->msg, part) && g->file &&
                !strcmp(g->file, "t.yaml");
    if (!good)
        fprintf(stderr, "  got %d:%d: %s (wanted %d:%d: …%s…)\n", g->line, g->col, g->msg, line, col,
                part);
    return good;
}

/* Loading text fails with one error at line:col holding part (a macro, so that a failure
 * names the line of the test). */
#define REFUSED(text, line, col, part)         \
    do {                                       \
        loaded l_ = load(text);                \
        CHECK(fails_at(&l_, line, col, part)); \
        unload(&l_);                           \
    } while (0)

static void test_positions(void)
{
    loaded l = load("様式: 重点項目評価書\n表紙:\n  評価書名: テスト\nI:\n  - 日本語: 値\n  - [a, \"b\"]\n");
    CHECK(l.ok && l.d.n == 0);
    const yl_node *r = l.doc.root;
    CHECK(r && r->kind == YL_MAP && r->n == 3 && r->line == 1 && r->col == 1);
    if (!r || r->kind != YL_MAP || r->n != 3) goto out;
    CHECK(r->items[0]->line == 1 && r->items[0]->col == 1);
    CHECK(r->vals[0]->line == 1 && r->vals[0]->col == 5);  /* characters, not bytes */
    CHECK(!strcmp(r->vals[0]->str, "重点項目評価書") && r->vals[0]->plain);
    const yl_node *cover = yl_get(r, "表紙");
    CHECK(cover && cover->kind == YL_MAP && cover->line == 3 && cover->col == 3);
    const yl_node *title = yl_get(cover, "評価書名");
    CHECK(title && title->line == 3 && title->col == 9);
    const yl_node *seq = yl_get(r, "I");
    CHECK(seq && seq->kind == YL_SEQ && seq->n == 2 && seq->line == 5 && seq->col == 3);
    if (seq && seq->kind == YL_SEQ && seq->n == 2) {
        const yl_node *m = seq->items[0];
        CHECK(m->kind == YL_MAP && m->line == 5 && m->col == 5);
        CHECK(m->vals[0]->line == 5 && m->vals[0]->col == 10);
        const yl_node *flow = seq->items[1];
        CHECK(flow->kind == YL_SEQ && flow->n == 2 && flow->col == 5);
        CHECK(flow->items[1]->col == 9 && !flow->items[1]->plain);
    }
    CHECK(yl_find(r, "I") == 2 && yl_find(r, "II") == -1 && yl_get(NULL, "x") == NULL);
out:
    unload(&l);
}

static void test_line_endings_and_bom(void)
{
    loaded l = load("a: b\r\nc: d\r\n");
    CHECK(l.ok && l.doc.root && l.doc.root->n == 2 && l.doc.root->items[1]->line == 2 &&
          l.doc.root->items[1]->col == 1);
    unload(&l);
    /* A BOM at the start is accepted and takes no column. */
    l = load("\xEF\xBB\xBF" "a: b\nc: 日\n");
    CHECK(l.ok && l.doc.root && l.doc.root->items[0]->col == 1 && l.doc.root->vals[1]->col == 4);
    unload(&l);
    /* After a BOM, errors are still placed by characters. */
    REFUSED("\xEF\xBB\xBF" "a: b\nc: あ\xFF\n", 2, 5, "invalid UTF-8");
}

static void test_empty(void)
{
    loaded l = load("");
    CHECK(l.ok && l.doc.root == NULL && l.d.n == 0);
    unload(&l);
    l = load("# only a comment\n\n");
    CHECK(l.ok && l.doc.root == NULL);
    unload(&l);
    l = load_n("", 0);
    CHECK(l.ok && l.doc.root == NULL);
    unload(&l);
}

static void test_duplicates(void)
{
    REFUSED("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first given at line 1, column 1)");
    REFUSED("x:\n  - {名称: a, 名称: b}\n", 2, 13, "duplicate key '名称' (first given at line 2, column 6)");
    /* Large mappings use a hash table: the duplicate is still found, and the same key in two
     * different mappings is not a duplicate. */
    hy_buf b = {0};
    for (int i = 0; i < 2000; i++) hy_buf_printf(&b, "k%d: [{k%d: 1}]\n", i, i);
    hy_buf_puts(&b, "k1234: 0\n");
    REFUSED(b.data, 2001, 1, "duplicate key 'k1234' (first given at line 1235, column 1)");
    hy_buf_free(&b);
    REFUSED("? [a]\n: 1\n", 1, 3, "a mapping key must be a plain text");
}

static void test_aliases_anchors_tags(void)
{
    REFUSED("a: &x [1, 2]\nb: *x\n", 1, 4, "anchors (&x) are not allowed");
    REFUSED("a: 1\nb: *x\n", 2, 4, "aliases (*x) are not allowed");
    REFUSED("a: !foo bar\n", 1, 4, "tags (!foo) are not allowed");
    /* The billion laughs: refused at its first anchor, long before anything is expanded. */
    hy_buf b = {0};
    hy_buf_puts(&b, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++)
        hy_buf_printf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i,
                      i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
    REFUSED(b.data, 1, 5, "anchors (&a0)");
    hy_buf_free(&b);
}

static void test_depth(void)
{
    char deep[2 * (YL_MAX_DEPTH + 1) + 1];
    /* Exactly YL_MAX_DEPTH nested lists: accepted. */
    memset(deep, '[', YL_MAX_DEPTH);
    memset(deep + YL_MAX_DEPTH, ']', YL_MAX_DEPTH);
    loaded l = load_n(deep, 2 * YL_MAX_DEPTH);
    CHECK(l.ok);
    unload(&l);
    /* One more: refused where the level too many opens. */
    memset(deep, '[', YL_MAX_DEPTH + 1);
    memset(deep + YL_MAX_DEPTH + 1, ']', YL_MAX_DEPTH + 1);
    l = load_n(deep, 2 * (YL_MAX_DEPTH + 1));
    CHECK(fails_at(&l, 1, YL_MAX_DEPTH + 1, "nested more than 64 levels"));
    unload(&l);
    /* 100 000 levels: refused just as fast. */
    size_t n = 100000;
    char *huge = malloc(2 * n);
    memset(huge, '[', n);
    memset(huge + n, ']', n);
    l = load_n(huge, 2 * n);
    CHECK(fails_at(&l, 1, YL_MAX_DEPTH + 1, "nested more than 64 levels"));
    unload(&l);
    free(huge);
}

static void test_limits(void)
{
    size_t n = YL_MAX_INPUT_BYTES + 1;
    char *big = malloc(n);
    memset(big, 'a', n);
    loaded l = load_n(big, n);
    CHECK(!l.ok && l.d.n == 1 && strstr(l.d.items[0].msg, "limit") && l.d.items[0].file);
    unload(&l);
    free(big);
    /* Too many values: "[1,1,…]" with one value more than the limit (the list is one too). */
    hy_buf b = {0};
    hy_buf_puts(&b, "[");
    for (int i = 0; i < YL_MAX_NODES; i++) hy_buf_puts(&b, "1,");
    hy_buf_puts(&b, "1]");
    REFUSED(b.data, 1, 2 + 2 * (YL_MAX_NODES - 1), "more than 500000 values");
    hy_buf_free(&b);
}

static void test_encoding(void)
{
    /* Shift_JIS bytes on line 2, after two characters. */
    loaded l = load("a: b\nc: \x8E\x71\n");
    CHECK(fails_at(&l, 2, 4, "invalid UTF-8 (byte 8E)"));
    unload(&l);
    REFUSED("a: b\nc: 日本\xE8\xAA\n", 2, 6, "invalid UTF-8 (bytes E8 AA)");
    REFUSED("a: \xC0\xAF\n", 1, 4, "invalid UTF-8");
    l = load("a: \xED\xA0\x80\n");  /* a surrogate */
    CHECK(fails_at(&l, 1, 4, "invalid UTF-8"));
    unload(&l);
    REFUSED("\xFF\xFE" "a\0:\0", 1, 1, "UTF-16");
    /* A raw NUL byte, in the middle of a line. */
    l = load_n("a: b\nc: x\0y\n", 11);
    CHECK(fails_at(&l, 2, 5, "NUL"));
    unload(&l);
    /* A NUL written as an escape: reported at the text. */
    REFUSED("a: b\nc: \"x\\0y\"\n", 2, 4, "NUL");
    REFUSED("a: \"\\e[31m\"\n", 1, 4, "control character (U+001B)");
    REFUSED("a: b\x01\n", 1, 5, "control character (U+0001)");
    l = load("a: b\xC2\x85" "c\n");  /* NEL */
    CHECK(fails_at(&l, 1, 5, "U+0085"));
    unload(&l);
    l = load("a: b\xEF\xBB\xBF\n");  /* a BOM that is not at the start */
    CHECK(fails_at(&l, 1, 5, "byte order mark"));
    unload(&l);
    /* Tabs and escapes that are text are fine. */
    l = load("a: \"x\\ty\\nz\"\nb: c\td\n");
    CHECK(l.ok && !strcmp(yl_get(l.doc.root, "a")->str, "x\ty\nz"));
    unload(&l);
}

static void test_syntax(void)
{
    loaded l = load("a:\n\tb: 1\n");
    CHECK(fails_at(&l, 2, 1, "tab in the indentation"));
    unload(&l);
    l = load("a: {b: 1\nc: 2\n");
    CHECK(!l.ok && l.d.n == 1 && strstr(l.d.items[0].msg, "starts at line 1, column 4"));
    unload(&l);
    REFUSED("a: \"unclosed\n", 2, 1, "a quote is not closed");
    REFUSED("a: b: c\n", 1, 5, "mapping values are not allowed");
    REFUSED("表紙: あいう: え\n", 1, 8, "mapping values are not allowed");
}

static void test_documents(void)
{
    loaded l = load("a: 1\n---\nb: 2\n");
    CHECK(fails_at(&l, 2, 1, "one document"));
    CHECK(l.doc.root == NULL);  /* a refused file never hands out a tree */
    unload(&l);
    l = load("---\na: 1\n...\n");
    CHECK(l.ok && l.doc.root && l.doc.root->kind == YL_MAP);
    unload(&l);
    l = load("a: 1\n...\nb: 2\n");
    CHECK(!l.ok && l.d.n == 1 && l.d.items[0].line == 3);
    unload(&l);
}

static void test_scalars(void)
{
    loaded l = load("a: ~\nb: null\nc: \"\"\nd: 'null'\ne: x\n");
    CHECK(l.ok);
    const yl_node *r = l.doc.root;
    CHECK(yl_is_null(yl_get(r, "a")) && yl_is_null(yl_get(r, "b")) && yl_is_null(yl_get(r, "c")));
    CHECK(!yl_is_null(yl_get(r, "d")) && !yl_is_null(yl_get(r, "e")) && yl_is_null(NULL));
    unload(&l);
    l = load("x\n");
    CHECK(l.ok && l.doc.root && l.doc.root->kind == YL_SCALAR && !strcmp(yl_kind_name(YL_SEQ), "a list"));
    unload(&l);
}

int main(void)
{
    test_positions();
    test_line_endings_and_bom();
    test_empty();
    test_duplicates();
    test_aliases_anchors_tags();
    test_depth();
    test_limits();
    test_encoding();
    test_syntax();
    test_documents();
    test_scalars();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
