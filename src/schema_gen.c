/* schema_gen.c — the JSON Schema of a form's documents (see schema_gen.h), written from the
 * keys formkeys.c lists. Value types follow model_value.c: a text is any scalar, a number a
 * whole number (or its digits quoted), a choice one of its options, a checkbox list a list of
 * items or {item: text} / {item: text, チェック: なし} for an item with a parenthesis. */
#include "schema_gen.h"

#include "canon.h"
#include "formkeys.h"
#include "model.h"

#include <string.h>

/* Digits as hyoka reads them: ASCII and full-width (date.c folds NFKC first). */
#define D "[0-9０-９]"
#define SEP "[-/.／．－]"
/* The date forms of date.h: ISO, slashes, dots, 年月日, each with an era name or letter
 * (令和7年1月31日, R7.1.31, 令和元年5月) or a 4-digit year, and each as a month alone. */
static const char DATE_PATTERN[] =
    "^(?:(?:令和|平成|昭和|大正|明治|[RHSTMrhstmＲＨＳＴＭｒｈｓｔｍ])(?:元|" D "{1,2})|" D "{4})"
    "(?:年" D "{1,2}月(?:" D "{1,2}日)?|" SEP D "{1,2}(?:" SEP D "{1,2}日?)?)$";

/* The words of a チェック entry (canon.c, hy_check_mark_value): not checked, then checked. */
static const char *const CHECK_MARKS[] = {"なし", "しない", "いいえ", "無", "no", "あり", "する", "はい", "有", "yes"};

void hy_json_str(hy_buf *out, const char *s)
{
    hy_buf_puts(out, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') hy_buf_printf(out, "\\%c", *p);
        else if (*p == '\n') hy_buf_puts(out, "\\n");
        else if (*p < 0x20) hy_buf_printf(out, "\\u%04x", *p);
        else hy_buf_add(out, p, 1);
    }
    hy_buf_puts(out, "\"");
}

static void indent(hy_buf *o, int n)
{
    hy_buf_printf(o, "\n%*s", 2 * n, "");
}

/* "title" and "description" of a key: the form's label, and the parts of the form above it
 * with the options (hover text in the editor). */
static void describe(hy_buf *o, int in, const fk_key *k, const char *extra)
{
    indent(o, in);
    hy_buf_puts(o, "\"title\": ");
    hy_json_str(o, k->label);
    hy_buf b = {0};
    size_t nc = strlen(k->context), nl = strlen(k->label);
    bool named = nc >= nl && !strcmp(k->context + nc - nl, k->label);  /* a span's own value */
    if (named) hy_buf_puts(&b, k->context);
    else hy_buf_printf(&b, "%s%s%s", k->context, *k->context ? " ＞ " : "", k->label);
    if (extra && *extra) hy_buf_printf(&b, "\n%s", extra);
    hy_buf_puts(o, ",");
    indent(o, in);
    hy_buf_puts(o, "\"description\": ");
    hy_json_str(o, b.data);
    hy_buf_free(&b);
}

static void write_map(hy_buf *o, int in, const fk_map *m, const lay_form *f, bool root);

/* The options of a choice, " / "-joined, for descriptions. */
static void option_list(hy_buf *b, const lay_options *opts)
{
    hy_buf_puts(b, "選択肢: ");
    for (size_t i = 0; i < opts->n; i++) hy_buf_printf(b, "%s%s", i ? " / " : "", opts->opts[i].text);
}

static void choice_enum(hy_buf *o, const lay_options *opts)
{
    hy_buf_puts(o, "\"enum\": [");
    for (size_t i = 0; i < opts->n; i++) {
        hy_json_str(o, opts->opts[i].text);
        hy_buf_puts(o, ", ");
        for (size_t v = 0; v < opts->opts[i].n_variants; v++) {
            hy_json_str(o, opts->opts[i].variants[v]);
            hy_buf_puts(o, ", ");
        }
    }
    hy_buf_puts(o, "\"\", null]");
}

/* The item names a checkbox list accepts for item `ck`: its label and the variants mapped to it. */
static void check_names(hy_buf *o, const lay_checklist *cl, const lay_check *ck, bool *first)
{
    if (!*first) hy_buf_puts(o, ", ");
    *first = false;
    hy_json_str(o, ck->label);
    for (size_t v = 0; v < cl->n_variants; v++)
        if (!strcmp(cl->variant_to[v], ck->label)) {
            hy_buf_puts(o, ", ");
            hy_json_str(o, cl->variant_from[v]);
        }
}

static void checks_schema(hy_buf *o, int in, const lay_checklist *cl)
{
    hy_buf_puts(o, "\"type\": [\"array\", \"null\"],");
    indent(o, in);
    hy_buf_puts(o, "\"items\": {\"anyOf\": [");
    indent(o, in + 1);
    hy_buf_puts(o, "{\"enum\": [");
    bool first = true;
    for (size_t i = 0; i < cl->n; i++) check_names(o, cl, &cl->items[i], &first);
    hy_buf_puts(o, "]}");
    /* An item with a parenthesis: {item: text}, or {item: text, チェック: なし} unchecked. */
    for (size_t i = 0; i < cl->n; i++) {
        const lay_check *ck = &cl->items[i];
        if (!ck->paren) continue;
        hy_buf_puts(o, ",");
        indent(o, in + 1);
        hy_buf_puts(o, "{\"type\": \"object\", \"minProperties\": 1, \"maxProperties\": 2, "
                       "\"additionalProperties\": false, \"properties\": {");
        hy_json_str(o, ck->label);
        hy_buf_puts(o, ": {\"$ref\": \"#/definitions/text\"}, ");
        for (size_t v = 0; v < cl->n_variants; v++)
            if (!strcmp(cl->variant_to[v], ck->label)) {
                hy_json_str(o, cl->variant_from[v]);
                hy_buf_puts(o, ": {\"$ref\": \"#/definitions/text\"}, ");
            }
        hy_buf_printf(o, "\"%s\": {\"enum\": [", HY_KEY_CHECK_MARK);
        for (size_t j = 0; j < sizeof CHECK_MARKS / sizeof *CHECK_MARKS; j++) {
            hy_json_str(o, CHECK_MARKS[j]);
            hy_buf_puts(o, ", ");
        }
        /* チェック alone, without the item, is not an item */
        hy_buf_printf(o, "true, false]}}, \"not\": {\"required\": [\"%s\"], \"maxProperties\": 1}}",
                      HY_KEY_CHECK_MARK);
    }
    hy_buf_puts(o, "]}");
}

/* The schema of one key's value (after its title and description). A definition is referred
 * to through allOf: in draft-07 the siblings of a bare $ref (the title) would be ignored. */
static void value_schema(hy_buf *o, int in, const fk_key *k, const lay_form *f)
{
    const lay_node *ln = k->node;
    indent(o, in);
    switch (k->kind) {
    case FK_MAP:
        hy_buf_printf(o, "\"type\": %s,", k->required ? "\"object\"" : "[\"object\", \"null\"]");
        write_map(o, in, k->sub, f, false);
        return;
    case FK_GROUP: case FK_TABLE:
        hy_buf_printf(o, "\"type\": %s,", k->required ? "\"array\"" : "[\"array\", \"null\"]");
        if (k->required) hy_buf_puts(o, " \"minItems\": 1,");
        if (k->kind == FK_GROUP && ln->max) hy_buf_printf(o, " \"maxItems\": %d,", ln->max);
        indent(o, in);
        hy_buf_puts(o, "\"items\": {");
        indent(o, in + 1);
        hy_buf_puts(o, "\"type\": \"object\",");
        write_map(o, in + 1, k->sub, f, false);
        indent(o, in);
        hy_buf_puts(o, "}");
        return;
    case FK_FLAG:
        hy_buf_puts(o, "\"type\": \"boolean\"");
        return;
    case FK_COUNT:
        hy_buf_puts(o, "\"allOf\": [{\"$ref\": \"#/definitions/count\"}]");
        return;
    case FK_HEADINGS:
        hy_buf_printf(o, "\"type\": [\"array\", \"null\"], \"maxItems\": %d, \"items\": {\"$ref\": \"#/definitions/text\"}",
                      HY_MAX_HEADINGS);
        return;
    case FK_HEADING2:
        hy_buf_puts(o, "\"allOf\": [{\"$ref\": \"#/definitions/text\"}]");
        return;
    case FK_VALUE:
        break;
    }
    if (!ln) {  /* a group's title key */
        hy_buf_puts(o, "\"allOf\": [{\"$ref\": \"#/definitions/text\"}]");
        return;
    }
    lay_kind kind = ln->kind;
    if ((kind == LK_BLOCK || kind == LK_PARAM) && ln->value_kind == LK_DATE) kind = LK_DATE;
    const char *req = k->required ? "_required" : "";
    switch (kind) {
    case LK_DATE: hy_buf_printf(o, "\"allOf\": [{\"$ref\": \"#/definitions/date%s\"}]", req); break;
    case LK_INT: hy_buf_printf(o, "\"allOf\": [{\"$ref\": \"#/definitions/int%s\"}]", req); break;
    case LK_CHOICE: choice_enum(o, ln->options); break;
    case LK_CHECKS: checks_schema(o, in, ln->checks); break;
    case LK_BLOCKS: hy_buf_puts(o, "\"allOf\": [{\"$ref\": \"#/definitions/blocks\"}]"); break;
    default:
        if (ln->multi)
            hy_buf_puts(o, "\"anyOf\": [{\"$ref\": \"#/definitions/text\"}, {\"type\": \"array\", "
                           "\"items\": {\"$ref\": \"#/definitions/text\"}}]");
        else hy_buf_printf(o, "\"allOf\": [{\"$ref\": \"#/definitions/text%s\"}]", req);
        break;
    }
}

/* "additionalProperties", "required" and "properties" of mapping m. */
static void write_map(hy_buf *o, int in, const fk_map *m, const lay_form *f, bool root)
{
    indent(o, in);
    hy_buf_puts(o, "\"additionalProperties\": false,");
    indent(o, in);
    hy_buf_puts(o, "\"required\": [");
    bool first = true;
    if (root) {
        hy_json_str(o, HY_KEY_FORM);
        first = false;
    }
    for (size_t i = 0; i < m->n; i++)
        if (m->keys[i].required) {
            if (!first) hy_buf_puts(o, ", ");
            first = false;
            hy_json_str(o, m->keys[i].name);
        }
    hy_buf_puts(o, "],");
    indent(o, in);
    hy_buf_puts(o, "\"properties\": {");
    if (root) {
        indent(o, in + 1);
        hy_buf_printf(o, "\"%s\": {\"title\": \"様式\", \"description\": \"この文書の様式 (layouts/ の kind)\", "
                         "\"enum\": [", HY_KEY_FORM);
        hy_json_str(o, f->kind);
        hy_buf_puts(o, "]},");
        indent(o, in + 1);
        hy_buf_printf(o, "\"%s\": {\"title\": \"書式\", \"description\": \"印刷の書式 (省略可)\", "
                         "\"type\": [\"object\", \"null\"], \"additionalProperties\": false, "
                         "\"properties\": {\"元年表記\": {\"title\": \"元年表記\", \"description\": "
                         "\"元号の最初の年の書き方\", \"enum\": [\"元年\", \"1年\"]}}}%s",
                      HY_KEY_STYLE, m->n ? "," : "");
    }
    for (size_t i = 0; i < m->n; i++) {
        const fk_key *k = &m->keys[i];
        indent(o, in + 1);
        hy_json_str(o, k->name);
        hy_buf_puts(o, ": {");
        hy_buf extra = {0};
        if (k->kind == FK_VALUE && k->node && k->node->kind == LK_CHOICE) option_list(&extra, k->node->options);
        if (k->kind == FK_FLAG) hy_buf_puts(&extra, "チェックボックス: true (チェックする) / false");
        if (k->kind == FK_COUNT) hy_buf_puts(&extra, "件数 (数字)");
        describe(o, in + 2, k, extra.data);
        hy_buf_free(&extra);
        hy_buf_puts(o, ",");
        value_schema(o, in + 2, k, f);
        indent(o, in + 1);
        hy_buf_printf(o, "}%s", i + 1 < m->n ? "," : "");
    }
    indent(o, in);
    hy_buf_puts(o, "}");
}

void hy_schema_write(const lay_form *f, hy_buf *o)
{
    hy_arena a = {0};
    fk_map *m = fk_build(f, &a);
    hy_buf_puts(o, "{");
    indent(o, 1);
    hy_buf_puts(o, "\"$schema\": \"http://json-schema.org/draft-07/schema#\",");
    indent(o, 1);
    hy_buf_puts(o, "\"title\": ");
    hy_json_str(o, f->kind);
    hy_buf_puts(o, ",");
    indent(o, 1);
    hy_buf_puts(o, "\"description\": ");
    hy_buf d = {0};
    hy_buf_printf(&d, "hyoka の文書 (様式: %s)。`hyoka schema` が layout から作ったもの。", f->kind);
    hy_json_str(o, d.data);
    hy_buf_free(&d);
    hy_buf_puts(o, ",");
    indent(o, 1);
    hy_buf_puts(o, "\"type\": \"object\",");
    write_map(o, 1, m, f, true);
    hy_buf_puts(o, ",");
    indent(o, 1);
    hy_buf_puts(o, "\"definitions\": {");
    static const char *const defs[][2] = {
        {"text", "{\"type\": [\"string\", \"number\", \"boolean\", \"null\"]}"},
        {"text_required", "{\"type\": [\"string\", \"number\", \"boolean\"], \"minLength\": 1}"},
        {"int", "{\"anyOf\": [{\"type\": \"integer\", \"minimum\": 0}, {\"type\": \"string\", \"pattern\": \"^[0-9]+$\"}, {\"enum\": [\"\", null]}]}"},
        {"int_required", "{\"anyOf\": [{\"type\": \"integer\", \"minimum\": 0}, {\"type\": \"string\", \"pattern\": \"^[0-9]+$\"}]}"},
        {"count", "{\"anyOf\": [{\"type\": \"integer\", \"minimum\": 0}, {\"type\": \"string\", \"pattern\": \"^[0-9]+$\"}, {\"enum\": [\"\", null]}]}"},
        {"date", "{\"anyOf\": [{\"$ref\": \"#/definitions/date_required\"}, {\"enum\": [\"\", null]}]}"},
        {"date_required", NULL},
        {"blocks", "{\"anyOf\": [{\"$ref\": \"#/definitions/text\"}, {\"type\": \"array\", \"items\": {\"anyOf\": ["
                   "{\"$ref\": \"#/definitions/text\"}, {\"type\": \"object\", \"additionalProperties\": false, "
                   "\"properties\": {\"見出し\": {\"title\": \"見出し\", \"allOf\": [{\"$ref\": \"#/definitions/text\"}]}, "
                   "\"本文\": {\"title\": \"本文\", \"allOf\": [{\"$ref\": \"#/definitions/text\"}]}, "
                   "\"列数\": {\"title\": \"列数\", \"type\": \"integer\", \"minimum\": 1, \"maximum\": 8}, "
                   "\"項目\": {\"title\": \"項目\", \"type\": [\"array\", \"null\"], \"items\": {\"$ref\": \"#/definitions/text\"}}}}]}}]}"},
    };
    for (size_t i = 0; i < sizeof defs / sizeof *defs; i++) {
        indent(o, 2);
        hy_buf_printf(o, "\"%s\": ", defs[i][0]);
        if (defs[i][1]) {
            hy_buf_puts(o, defs[i][1]);
        } else {
            hy_buf_puts(o, "{\"type\": \"string\", \"pattern\": ");
            hy_json_str(o, DATE_PATTERN);
            hy_buf_puts(o, "}");
        }
        hy_buf_puts(o, i + 1 < sizeof defs / sizeof *defs ? "," : "");
    }
    indent(o, 1);
    hy_buf_puts(o, "}\n}\n");
    hy_arena_free(&a);
}
