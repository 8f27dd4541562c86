/* test_model.c — the bound model: items in layout order with their values, form paths and key
 * paths derived from the layout's labels, lookup by key path, identity across two models,
 * blank entries (min_rows), and no model for a document with an error. The layouts are read
 * from the source tree (HYOKA_DATA_DIR). */
#include "model.h"
#include "yaml_load.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) passed++;                                                                        \
        else {                                                                                     \
            failed++;                                                                              \
            fprintf(stderr, "line %d: ", __LINE__);                                                \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

static hy_model *model_of(const lay_form *f, const char *name, const char *yaml, yl_doc *doc, hy_diags *d)
{
    if (!yl_load_mem(name, yaml, strlen(yaml), doc, d)) return NULL;
    return hy_model_new(f, doc, d);
}

/* The form path of the item at key path `key`, or "(none)". */
static const char *form_path(const hy_model *m, const char *key, hy_buf *b)
{
    b->len = 0;
    const hy_item *it = hy_model_item_get(m, key);
    if (!it) return "(none)";
    hy_item_form_path(it, b);
    return b->data;
}

static void expect_path(const hy_model *m, const char *key, const char *want)
{
    hy_buf b = {0};
    const char *got = form_path(m, key, &b);
    CHECK(!strcmp(got, want), "%s: form path '%s', want '%s'", key, got, want);
    const hy_item *it = hy_model_item_get(m, key);
    if (it) {
        b.len = 0;
        hy_item_key_path(it, &b);
        CHECK(!strcmp(b.data, key), "key path of %s is '%s'", key, b.data);
    }
    hy_buf_free(&b);
}

static void juten(const lay_form *f)
{
    static const char doc_a[] =
        "様式: 重点項目評価書\n"
        "表紙: {評価書番号: 5, 評価書名: テスト事務, 宣言: 宣言文, 評価実施機関名: 某市長, 公表日: 2019-05-30}\n"
        "II:\n"
        "  委託:\n"
        "    委託の有無: 委託する\n"
        "    件数: 2\n"
        "    委託事項:\n"
        "      - {名称: 保守, 再委託の有無: 再委託しない}\n"
        "      - {名称: 運用, 再委託の有無: 再委託する}\n"
        "  入手・使用:\n"
        "    入手元: [本人又は本人の代理人, {民間事業者: 某社}]\n"
        "III:\n"
        "  使用:\n"
        "    リスク2: {対策は十分か: 十分である}\n"
        "  委託: {委託しない: true}\n";
    hy_diags d = {0};
    yl_doc doc;
    hy_model *m = model_of(f, "a.yaml", doc_a, &doc, &d);
    CHECK(m != NULL, "document a has %zu errors: %s", d.n, d.n ? d.items[0].msg : "");
    if (!m) return;

    /* Names as the form prints them, from the layout's labels. */
    expect_path(m, "III.使用.リスク2.対策は十分か", "Ⅲ 3. リスク2「リスクへの対策は十分か」");
    expect_path(m, "II.委託.委託事項[2].再委託の有無", "II 4. 委託事項2 ④再委託の有無");
    expect_path(m, "II.基本情報.主な記録項目", "II 2. ④記録される項目「主な記録項目」");
    expect_path(m, "表紙.公表日", "表紙「公表日」");
    expect_path(m, "別添2.変更箇所", "(別添2)変更箇所");

    /* Values, bound once. */
    const hy_item *it = hy_model_item_get(m, "III.使用.リスク2.対策は十分か");
    CHECK(it && it->option && !strcmp(it->option->text, "十分である"), "choice option bound");
    CHECK(it && it->line == 14 && it->col == 20, "choice position %d:%d", it ? it->line : 0, it ? it->col : 0);
    it = hy_model_item_get(m, "表紙.公表日");
    CHECK(it && it->has_date && it->date.y == 2019 && it->date.m == 5 && it->date.d == 30, "date bound");
    it = hy_model_item_get(m, "II.委託.委託の有無");
    CHECK(it && it->count.s && !strcmp(it->count.s, "2"), "count bound");
    it = hy_model_item_get(m, "II.入手・使用.入手元");
    CHECK(it && it->n_checks == 6 && it->checks[0].on && !it->checks[1].on && it->checks[4].on &&
          it->checks[4].paren.s && !strcmp(it->checks[4].paren.s, "某社"), "checks bound");
    it = hy_model_item_get(m, "III.委託");
    CHECK(it && it->n_flags == 1 && it->flags[0].on, "heading checkbox bound");
    CHECK(!strcmp(hy_model_text_get(m, "表紙.評価書名"), "テスト事務"), "text by key path");
    CHECK(hy_model_text_get(m, "表紙.特記事項") == NULL, "missing text is NULL");

    /* Every item of the form is there, in layout order, even where the document is silent;
     * a group holds at least min_rows entries (システム1, blank). */
    const hy_item *sys = hy_model_item_get(m, "I.システム");
    CHECK(sys && sys->n_kids == 1 && sys->kids[0]->kind == HY_ITEM_ENTRY && !sys->kids[0]->present,
          "blank entry of an empty group");
    const hy_item *tasks = hy_model_item_get(m, "II.委託.委託事項");
    CHECK(tasks && tasks->n_kids == 2 && tasks->kids[1]->index == 1 && tasks->kids[1]->present &&
          !strcmp(tasks->kids[1]->text.s, "運用"), "entries with their titles");
    for (size_t i = 0; i < m->n_items; i++) CHECK(m->items[i]->id == i, "ids in walk order");

    /* Identity across two documents: the same layout node and indices. */
    static const char doc_b[] =
        "様式: 重点項目評価書\n"
        "表紙: {評価書番号: 6, 評価書名: 別の事務, 宣言: 宣言文, 評価実施機関名: 某市長, 公表日: 2020-01-01}\n"
        "II:\n"
        "  委託:\n"
        "    委託事項:\n"
        "      - {名称: 保守}\n"
        "      - {名称: 開発, 再委託の有無: 再委託する}\n";
    yl_doc doc2;
    hy_model *m2 = model_of(f, "b.yaml", doc_b, &doc2, &d);
    CHECK(m2 != NULL, "document b");
    if (m2) {
        const hy_item *a = hy_model_item_get(m, "II.委託.委託事項[2].再委託の有無");
        const hy_item *b = hy_model_item_get(m2, "II.委託.委託事項[2].再委託の有無");
        CHECK(a && b && hy_item_same(a, b), "same item in two models");
        CHECK(a && b && !hy_item_same(a, hy_model_item_get(m2, "II.委託.委託事項[1].再委託の有無")), "other entry");
        CHECK(m->n_items == m2->n_items, "same number of items (%zu, %zu)", m->n_items, m2->n_items);
        /* Walking in parallel by kids. */
        const hy_item *ta = hy_model_item_get(m, "II.委託.委託事項");
        const hy_item *tb = hy_model_item_get(m2, "II.委託.委託事項");
        CHECK(ta && tb && hy_item_kid_get(tb, ta->kids[1]) == tb->kids[1], "kid by identity");
        hy_model_free(m2);
    }
    yl_free(&doc2);
    hy_model_free(m);
    yl_free(&doc);

    /* A document with an error has no model, and the messages say where (the cover is missing
     * too: the first message). */
    static const char bad[] = "様式: 重点項目評価書\nIII:\n  使用:\n    リスク2: {対策は十分か: 十分}\n";
    hy_diags d2 = {0};
    hy_model *mb = model_of(f, "bad.yaml", bad, &doc, &d2);
    CHECK(mb == NULL && d2.n == 2 && d2.items[1].line == 4 && d2.items[1].col == 20 &&
              strstr(d2.items[1].msg, "is not an option"),
          "bad choice: no model, message at 4:20 (%zu messages)", d2.n);
    hy_model_free(mb);
    yl_free(&doc);
    hy_diags_free(&d2);
    hy_diags_free(&d);
}

static void revision(const lay_form *f)
{
    static const char doc[] =
        "様式: 修正等を要する部分とその内容\n"
        "事務名: 後期高齢者医療\n"
        "修正案見出し: [諮問時, 現在]\n"
        "行:\n"
        "  - {項目: I 基本情報, ページ: 3, 現在の評価書: 旧, 修正案: [案1, 案2], 理由: 誤記}\n";
    hy_diags d = {0};
    yl_doc y;
    hy_model *m = model_of(f, "r.yaml", doc, &y, &d);
    CHECK(m != NULL, "revision document: %s", d.n ? d.items[0].msg : "");
    if (m) {
        expect_path(m, "行[1].理由", "修正等を要する部分とその内容 1行目「理由」");
        const hy_item *t = hy_model_item_get(m, "行");
        CHECK(t && t->n_columns == 5 && t->columns[3].has_labels && t->columns[3].n_labels == 2 &&
              !strcmp(t->columns[3].labels[1].s, "現在"), "table headings bound");
        const hy_item *c = hy_model_item_get(m, "行[1].修正案");
        CHECK(c && c->is_list && c->n_texts == 2 && !strcmp(c->texts[1].s, "案2"), "multi column bound");
        const hy_item *title = m->root->kids[0]->kids[3];
        CHECK(title->node->kind == LK_TITLE && !strcmp(title->text.s, "修正等を要する部分とその内容（後期高齢者医療）"),
              "title with its {key} filled: %s", title->text.s);
    }
    hy_model_free(m);
    yl_free(&y);
    hy_diags_free(&d);
}

int main(void)
{
    hy_diags d = {0};
    lay_form juten_form, revision_form;
    if (!lay_load(HYOKA_DATA_DIR "/layouts/juten.yaml", &juten_form, &d) ||
        !lay_load(HYOKA_DATA_DIR "/layouts/revision.yaml", &revision_form, &d)) {
        hy_diags_print(&d, stderr);
        return 1;
    }
    juten(&juten_form);
    revision(&revision_form);
    lay_free(&juten_form);
    lay_free(&revision_form);
    hy_diags_free(&d);
    printf("model: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
