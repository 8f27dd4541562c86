/* yaml_load.c — libyaml events → located node tree (see yaml_load.h).
 *
 * Before libyaml sees the input, the whole text is checked here: it must be UTF-8 without
 * NUL and control characters. libyaml's reader would refuse the same bytes, but it reports a
 * byte offset; checking first lets every such error carry line:col like all the others. */
#include "yaml_load.h"
#include "infile.h"

#include "textfold.h"
#include "yaml_scalar.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

/* Keys of mappings larger than this get a hash table for the duplicate check. */
#define SMALL_MAP 16

/* One open collection while events are read. */
typedef struct {
    yl_node *node;
    hy_vec items, vals;
    yl_node *pending_key;
    size_t *hash;           /* open addressing: index + 1 into items, 0 = empty */
    size_t hash_cap;
} frame;

typedef struct {
    yl_doc *doc;
    hy_diags *d;
    frame stack[YL_MAX_DEPTH + 1];
    int depth;
    size_t nodes;
    ys_source src;          /* the text being read, for what scalar values lose */
    bool failed;            /* an error that did not stop the reading (all are reported) */
} builder;

/* ---- positions ----------------------------------------------------------------------- */

/* Steps over one character at data[*i], counting lines and columns the way libyaml does:
 * columns are characters (code points), and CR LF, CR, LF, U+2028 and U+2029 end a line. */
static void step(const char *data, size_t len, size_t *i, int *line, int *col)
{
    const unsigned char *s = (const unsigned char *)data;
    if (s[*i] == '\n' || s[*i] == '\r') {
        *i += s[*i] == '\r' && *i + 1 < len && s[*i + 1] == '\n' ? 2 : 1;
        (*line)++;
        *col = 1;
        return;
    }
    uint32_t cp;
    size_t n = hy_utf8_decode(data + *i, len - *i, &cp);
    *i += n ? n : 1;
    if (n && (cp == 0x2028 || cp == 0x2029)) {
        (*line)++;
        *col = 1;
    } else {
        (*col)++;
    }
}

static size_t bom_len(const char *data, size_t len)
{
    return len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* Line and column (1-based) of byte offset `off`. */
static void locate_offset(const char *data, size_t len, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = bom_len(data, len); i < off && i < len;) step(data, len, &i, line, col);
}

/* Byte offset of the start of 1-based line `line`. */
static size_t line_start(const char *data, size_t len, int line)
{
    int l = 1, c = 1;
    size_t i = bom_len(data, len);
    while (i < len && l < line) step(data, len, &i, &l, &c);
    return i;
}

/* What is wrong with a code point in a YAML text, or NULL. The set is libyaml's (YAML 1.1
 * printable characters), except that NEL (U+0085) is refused too: libyaml would take it for
 * a line break that no editor shows. */
static const char *bad_char(uint32_t cp)
{
    if (cp == 0) return hy_msg(HY_M_CHAR_NUL);
    if (cp == '\t' || cp == '\n' || cp == '\r') return NULL;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return hy_msg(HY_M_CHAR_CONTROL);
    if (cp == 0xFEFF) return hy_msg(HY_M_CHAR_BOM);
    if (cp == 0xFFFE || cp == 0xFFFF) return hy_msg(HY_M_CHAR_NONCHAR);
    return NULL;
}

/* Refuses invalid UTF-8 and control characters, with line:col. */
static bool check_encoding(const char *name, const char *data, size_t len, hy_diags *d)
{
    const unsigned char *s = (const unsigned char *)data;
    int line = 1, col = 1;
    size_t i = bom_len(data, len);
    if (len >= 2 && (!memcmp(data, "\xFF\xFE", 2) || !memcmp(data, "\xFE\xFF", 2))) {
        hy_diag_msg(d, name, 1, 1, HY_M_UTF16);
        return false;
    }
    while (i < len) {
        if (s[i] >= 0x20 && s[i] < 0x7F) {  /* printable ASCII: the common case, always valid */
            i++;
            col++;
            continue;
        }
        if (s[i] == '\n') {
            i++;
            line++;
            col = 1;
            continue;
        }
        uint32_t cp;
        size_t n = hy_utf8_decode(data + i, len - i, &cp);
        if (!n) {
            char bytes[32] = "";
            size_t k = 0;
            for (; k < 4 && i + k < len && (k == 0 || (s[i + k] & 0xC0) == 0x80); k++)
                snprintf(bytes + strlen(bytes), sizeof bytes - strlen(bytes), "%s%02X", k ? " " : "",
                         s[i + k]);
            hy_diag_msg(d, name, line, col, HY_M_BAD_UTF8_SJIS, k > 1 ? hy_msg_pick("s", "") : "", bytes);
            return false;
        }
        const char *why = bad_char(cp);
        /* YAML ends a line at U+2028 and U+2029, editors do not: every later line number would
         * be off. Refused like NEL, at their own position, when typed in the file (written as
         * the escapes \L and \P in double quotes they are a text's own characters). */
        if (cp == 0x2028) why = hy_msg(HY_M_CHAR_LS);
        if (cp == 0x2029) why = hy_msg(HY_M_CHAR_PS);
        if (why) {
            if (cp == 0xFEFF || cp == 0)
                hy_diag_msg(d, name, line, col, HY_M_FILE_CONTAINS, why);
            else
                hy_diag_msg(d, name, line, col, HY_M_FILE_CONTAINS_CP, why, (unsigned)cp);
            return false;
        }
        i += n;  /* as step(), without decoding the character again */
        if (cp == 0x2028 || cp == 0x2029 || cp == '\r') {
            line++;
            col = 1;
            if (cp == '\r' && i < len && s[i] == '\n') i++;
        } else {
            col++;
        }
    }
    return true;
}

/* ---- building the tree ----------------------------------------------------------------- */

static void err_at(builder *b, yaml_mark_t m, hy_msg_id id, const char *arg)
{
    hy_diag_msg(b->d, b->doc->file, (int)m.line + 1, (int)m.column + 1, id, arg);
}

static yl_node *new_node(builder *b, yl_kind kind, yaml_mark_t m)
{
    yl_node *n = hy_arena_alloc(&b->doc->arena, sizeof *n);
    n->kind = kind;
    n->line = (int)m.line + 1;
    n->col = (int)m.column + 1;
    return n;
}

static void **freeze(builder *b, hy_vec *v)
{
    void **p = hy_arena_alloc(&b->doc->arena, (v->n ? v->n : 1) * sizeof *p);
    if (v->n) memcpy(p, v->items, v->n * sizeof *p);
    return p;
}

long yl_find(const yl_node *map, const char *key)
{
    if (!map || map->kind != YL_MAP) return -1;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->items[i]->str, key) == 0) return (long)i;
    return -1;
}

yl_node *yl_get(const yl_node *map, const char *key)
{
    long i = yl_find(map, key);
    return i < 0 ? NULL : map->vals[i];
}

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static void hash_insert(frame *f, size_t index)
{
    size_t mask = f->hash_cap - 1;
    size_t h = hash_str(((yl_node *)f->items.items[index])->str) & mask;
    while (f->hash[h]) h = (h + 1) & mask;
    f->hash[h] = index + 1;
}

/* The key of this mapping equal to `key`, or NULL. Large mappings use a hash table, so that
 * a file of 250 000 keys is not 30 billion comparisons. */
static yl_node *find_key(frame *f, const char *key)
{
    if (f->items.n < SMALL_MAP) {
        for (size_t i = 0; i < f->items.n; i++)
            if (!strcmp(((yl_node *)f->items.items[i])->str, key)) return f->items.items[i];
        return NULL;
    }
    if (f->hash_cap < 2 * (f->items.n + 1)) {
        free(f->hash);
        f->hash_cap = 64;
        while (f->hash_cap < 4 * (f->items.n + 1)) f->hash_cap *= 2;
        f->hash = hy_xcalloc(f->hash_cap, sizeof *f->hash);
        for (size_t i = 0; i < f->items.n; i++) hash_insert(f, i);
    }
    size_t mask = f->hash_cap - 1;
    for (size_t h = hash_str(key) & mask; f->hash[h]; h = (h + 1) & mask) {
        yl_node *k = f->items.items[f->hash[h] - 1];
        if (!strcmp(k->str, key)) return k;
    }
    return NULL;
}

static void frame_free(frame *f)
{
    hy_vec_free(&f->items);
    hy_vec_free(&f->vals);
    free(f->hash);
    f->hash = NULL;
    f->hash_cap = 0;
}

/* Attaches a finished node to the collection on top of the stack (or makes it the root). */
static bool attach(builder *b, yl_node *n)
{
    if (b->depth == 0) {
        b->doc->root = n;
        return true;
    }
    frame *f = &b->stack[b->depth - 1];
    if (f->node->kind == YL_SEQ) {
        hy_vec_push(&f->items, n);
        return true;
    }
    if (!f->pending_key) {
        if (n->kind != YL_SCALAR) {
            hy_diag_msg(b->d, b->doc->file, n->line, n->col, HY_M_KEY_NOT_TEXT, yl_kind_name(n->kind));
            return false;
        }
        yl_node *k = find_key(f, n->str);
        if (k) {
            hy_diag_msg(b->d, b->doc->file, n->line, n->col, HY_M_DUPLICATE_KEY, n->str, k->line, k->col);
            return false;
        }
        f->pending_key = n;
        return true;
    }
    hy_vec_push(&f->items, f->pending_key);
    hy_vec_push(&f->vals, n);
    if (f->hash) {
        if (f->hash_cap < 2 * (f->items.n + 1)) {  /* let find_key rebuild it larger */
            free(f->hash);
            f->hash = NULL;
            f->hash_cap = 0;
        } else {
            hash_insert(f, f->items.n - 1);
        }
    }
    f->pending_key = NULL;
    return true;
}

static bool count_node(builder *b, yaml_mark_t m)
{
    if (++b->nodes <= YL_MAX_NODES) return true;
    hy_diag_msg(b->d, b->doc->file, (int)m.line + 1, (int)m.column + 1, HY_M_TOO_MANY_NODES, YL_MAX_NODES);
    return false;
}

static bool open_collection(builder *b, yl_kind kind, yaml_mark_t m)
{
    if (!count_node(b, m)) return false;
    if (b->depth >= YL_MAX_DEPTH) {
        hy_diag_msg(b->d, b->doc->file, (int)m.line + 1, (int)m.column + 1, HY_M_TOO_DEEP, YL_MAX_DEPTH);
        return false;
    }
    frame *f = &b->stack[b->depth++];
    *f = (frame){0};
    f->node = new_node(b, kind, m);
    return true;
}

static bool close_collection(builder *b)
{
    frame *f = &b->stack[--b->depth];
    yl_node *n = f->node;
    n->n = n->kind == YL_MAP ? f->vals.n : f->items.n;
    n->items = (yl_node **)freeze(b, &f->items);
    if (n->kind == YL_MAP) n->vals = (yl_node **)freeze(b, &f->vals);
    frame_free(f);
    return attach(b, n);
}

/* A scalar may still hold control characters written as escapes ("\0", "\x01", "\e"). */
static bool check_scalar_chars(builder *b, const yl_node *n)
{
    for (size_t i = 0; i < n->len;) {
        uint32_t cp = 0;
        size_t k = hy_utf8_decode(n->str + i, n->len - i, &cp);
        if (!k) break;  /* cannot happen: libyaml produces UTF-8 */
        i += k;
        const char *why = bad_char(cp);
        if (why) {
            char esc[16], what[96];
            if (cp == 0) snprintf(esc, sizeof esc, "\\0");
            else if (cp < 0x100) snprintf(esc, sizeof esc, "\\x%02X", (unsigned)cp);
            else snprintf(esc, sizeof esc, "\\u%04X", (unsigned)cp);
            if (cp == 0 || cp == 0xFEFF) snprintf(what, sizeof what, "%s", why);
            else snprintf(what, sizeof what, "%s (U+%04X)", why, (unsigned)cp);
            hy_diag_msg(b->d, b->doc->file, n->line, n->col, HY_M_ESCAPE_BAD_CHAR, what, esc);
            return false;
        }
    }
    return true;
}

static ys_style scalar_style(yaml_scalar_style_t st)
{
    switch (st) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return YS_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return YS_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE: return YS_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE: return YS_FOLDED;
    default: return YS_PLAIN;
    }
}

static bool on_scalar(builder *b, yaml_event_t *e)
{
    if (!count_node(b, e->start_mark)) return false;
    yl_node *n = new_node(b, YL_SCALAR, e->start_mark);
    yaml_scalar_style_t style = e->data.scalar.style;
    n->plain = style == YAML_PLAIN_SCALAR_STYLE;
    /* A ` #` after an unquoted text starts a comment that cuts it short (yaml_scalar.h);
     * reading goes on, so that every cut text is reported in one run. */
    if (n->plain && e->data.scalar.length &&
        ys_check_cut(&b->src, e->end_mark.line, e->end_mark.column, (const char *)e->data.scalar.value,
                     e->data.scalar.length, b->doc->file, b->d))
        b->failed = true;
    /* The text as the writer meant it: wrapped Japanese lines joined without a space, then
     * composed (NFC). libyaml's buffer is the event's own, so it is rewritten in place. */
    char *v = (char *)e->data.scalar.value;
    size_t len = ys_join_wide_lines(&b->src, scalar_style(style), e->start_mark.line,
                                    e->start_mark.column, e->end_mark.line, e->end_mark.column, v,
                                    e->data.scalar.length);
    size_t nfc_len;
    char *nfc = tf_nfc(v, len, &nfc_len);
    if (!nfc) { /* cannot happen: check_encoding() accepted the file */
        err_at(b, e->start_mark, HY_M_TEXT_BAD_UTF8, "");
        return false;
    }
    n->len = nfc_len;
    n->str = hy_arena_strndup(&b->doc->arena, nfc, nfc_len);
    free(nfc);
    /* Only a double-quoted scalar has escapes; every other text is the file's own characters,
     * which check_encoding() has already accepted. */
    if (style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && !check_scalar_chars(b, n)) return false;
    return attach(b, n);
}

/* Handles one event; returns false on error, sets *done at the end of the stream. */
static bool on_event(builder *b, yaml_event_t *e, int *docs, bool *done)
{
    switch (e->type) {
    case YAML_STREAM_END_EVENT: *done = true; return true;
    case YAML_DOCUMENT_START_EVENT:
        if (++*docs > 1) {
            err_at(b, e->start_mark, HY_M_SECOND_DOCUMENT, "");
            return false;
        }
        return true;
    case YAML_ALIAS_EVENT:
        err_at(b, e->start_mark, HY_M_ALIAS, (const char *)e->data.alias.anchor);
        return false;
    default: break;
    }
    const yaml_char_t *anchor = NULL, *tag = NULL;
    if (e->type == YAML_SCALAR_EVENT) {
        anchor = e->data.scalar.anchor;
        tag = e->data.scalar.tag;
    } else if (e->type == YAML_SEQUENCE_START_EVENT) {
        anchor = e->data.sequence_start.anchor;
        tag = e->data.sequence_start.tag;
    } else if (e->type == YAML_MAPPING_START_EVENT) {
        anchor = e->data.mapping_start.anchor;
        tag = e->data.mapping_start.tag;
    }
    /* Anchors exist only for aliases; and both they and tags silently swallow the start of an
     * unquoted text ("&A 株式会社" would print as "株式会社"). */
    if (anchor) {
        err_at(b, e->start_mark, HY_M_ANCHOR, (const char *)anchor);
        return false;
    }
    if (tag) {
        err_at(b, e->start_mark, HY_M_TAG, (const char *)tag);
        return false;
    }
    switch (e->type) {
    case YAML_SCALAR_EVENT: return on_scalar(b, e);
    case YAML_SEQUENCE_START_EVENT: return open_collection(b, YL_SEQ, e->start_mark);
    case YAML_MAPPING_START_EVENT: return open_collection(b, YL_MAP, e->start_mark);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: return close_collection(b);
    default: return true;
    }
}

/* ---- syntax errors --------------------------------------------------------------------- */

/* libyaml's contexts ("while parsing a flow mapping") as the thing that was left open, in
 * English and Japanese. */
static const char *context_name(const char *ctx)
{
    static const char *const names[][3] = {
        {"while parsing a flow mapping", "the {…} mapping", "{…} の組"},
        {"while parsing a flow sequence", "the […] list", "[…] の並び"},
        {"while parsing a block mapping", "the mapping", "「項目: 値」の組"},
        {"while parsing a block collection", "the list", "「- 」の並び"},
        {"while parsing a node", "the value", "値"},
        {"while scanning a quoted scalar", "the quoted text", "引用符で囲んだ文"},
        {"while parsing a quoted scalar", "the quoted text", "引用符で囲んだ文"},
        {"while scanning a plain scalar", "the text", "文"},
        {"while scanning a block scalar", "the block text", "「|」で始まる文"},
        {"while scanning a simple key", "the key", "項目名"},
        {"while scanning an anchor", "the anchor", "「&」の目印"},
        {"while scanning an alias", "the alias", "「*」の参照"},
        {"while scanning a tag", "the tag", "「!」の型指定"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(names[i][0], ctx)) return hy_msg_pick(names[i][1], names[i][2]);
    return NULL;
}

/* A hint for libyaml's most common problems: what the person most likely has to change
 * (English, Japanese). */
static const char *problem_hint(const char *problem)
{
    static const char *const hints[][3] = {
        {"mapping values are not allowed in this context",
         "a text that contains ': ' must be quoted, or this line is indented wrongly",
         "「: 」を含む文は \"…\" で囲んでください。そうでなければ、この行の字下げが違っています"},
        {"found unexpected end of stream", "a quote is not closed", "引用符が閉じていません"},
        {"did not find expected <document start>",
         "a file holds one document: remove the '...' line and what follows it",
         "一つのファイルには一つの文書だけを書きます。「...」の行とその後ろを消してください"},
        {"did not find expected ',' or '}'", "a '{' is not closed, or a ',' is missing",
         "「{」が閉じていないか、「,」が抜けています"},
        {"did not find expected ',' or ']'", "a '[' is not closed, or a ',' is missing",
         "「[」が閉じていないか、「,」が抜けています"},
        {"did not find expected key", "this line is indented wrongly", "この行の字下げが違っています"},
        {"did not find expected '-' indicator", "this line is indented wrongly", "この行の字下げが違っています"},
        {"could not find expected ':'", "a key needs ': ' after it (or a text went on to the next line)",
         "項目名の後には「: 」（半角のコロンと空白）が要ります（または、文が次の行へはみ出しています）"},
        {"found character that cannot start any token",
         "a text that starts with @, ` or % must be quoted",
         "「@」「`」「%」で始まる文は \"…\" で囲んでください"},
        {"found unknown escape character",
         "in \"double quotes\" a backslash starts an escape: write \\\\ or use 'single quotes'",
         "\"…\" の中では「\\」が特別な意味を持ちます。「\\\\」と書くか、'…' で囲んでください"},
        {"did not find expected node content", "a value is missing or starts with a stray character",
         "値が抜けているか、余分な文字で始まっています"},
        {"block sequence entries are not allowed in this context",
         "a '- ' list cannot follow a key's text on the same line, or the indentation is wrong",
         "項目の値と同じ行に「- 」の並びは書けません。そうでなければ字下げが違っています"},
    };
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
        if (!strcmp(hints[i][0], problem)) return hy_msg_pick(hints[i][1], hints[i][2]);
    return NULL;
}

/* A tab in the indentation of the line of the error, as a column, or 0. libyaml's own
 * messages for it ("found character that cannot start any token") do not say "tab". */
static int tab_column(const char *data, size_t len, int line, int col, const char *problem)
{
    size_t i = line_start(data, len, line);
    int c = 1, tab = 0;
    for (; i < len && (data[i] == ' ' || data[i] == '\t'); i++, c++)
        if (data[i] == '\t' && !tab) tab = c;
    bool said_tab = strstr(problem, "tab") != NULL;
    if (tab && (col <= c || said_tab)) return tab;
    return said_tab ? col : 0;
}

static void parser_error(builder *b, yaml_parser_t *p, const char *data, size_t len)
{
    const char *file = b->doc->file;
    const char *what = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_READER_ERROR) {
        /* check_encoding() refuses these first; kept for whatever libyaml refuses besides. */
        int line, col;
        locate_offset(data, len, p->problem_offset, &line, &col);
        hy_diag_msg(b->d, file, line, col, HY_M_READER_ERROR, what);
        return;
    }
    if (p->error != YAML_SCANNER_ERROR && p->error != YAML_PARSER_ERROR) {
        hy_diag_msg(b->d, file, 0, 0, HY_M_CANNOT_READ_YAML, what);
        return;
    }
    yaml_mark_t m = p->problem_mark;
    /* A line with no ': ' (a stray text among keys) is noticed only where the next token
     * starts, often the next line: the mistake is at the start of that would-be key. */
    if (p->context && !strcmp(what, "could not find expected ':'")) m = p->context_mark;
    int line = (int)m.line + 1, col = (int)m.column + 1;
    int tab = tab_column(data, len, line, col, what);
    if (tab) {
        hy_diag_msg(b->d, file, line, tab, HY_M_TAB_INDENT);
        return;
    }
    hy_buf open = {0};
    hy_buf_puts(&open, "");
    const char *ctx = p->context ? context_name(p->context) : NULL;
    yaml_mark_t cm = p->context_mark;
    if (p->context && (cm.line != m.line || cm.column != m.column))
        hy_buf_printf(&open, hy_msg(HY_M_SYNTAX_OPEN), ctx ? ctx : hy_msg_pick("the part", "その部分"), (int)cm.line + 1, (int)cm.column + 1);
    const char *hint = problem_hint(what);
    if (p->context && strstr(p->context, " tag"))
        hint = hy_msg_pick("a text that starts with '!' must be quoted", "「!」で始まる文は \"…\" で囲んでください");
    if (p->context && (strstr(p->context, " anchor") || strstr(p->context, " alias")))
        hint = hy_msg_pick("a text that starts with '&' or '*' must be quoted",
                           "「&」や「*」で始まる文は \"…\" で囲んでください");
    char *h = hint ? hy_xasprintf(hy_msg(HY_M_SYNTAX_HINT), hint) : hy_xstrdup("");
    const char *shown = hy_msg_lang() == HY_LANG_JA ? "" : what;  /* libyaml's words are English */
    if (hy_msg_lang() == HY_LANG_JA && !hint) shown = what;
    char *problem = *shown && hy_msg_lang() == HY_LANG_JA ? hy_xasprintf("（%s）", shown) : hy_xstrdup(shown);
    hy_diag_msg(b->d, file, line, col, HY_M_SYNTAX, problem, open.data, h);
    free(problem);
    free(h);
    hy_buf_free(&open);
}

/* ---- entry points ---------------------------------------------------------------------- */

bool yl_load_mem(const char *name, const char *data, size_t len, yl_doc *doc, hy_diags *d)
{
    *doc = (yl_doc){0};
    doc->file = hy_xstrdup(name);
    if (len > YL_MAX_INPUT_BYTES) {
        hy_diag_msg(d, name, 0, 0, HY_M_FILE_TOO_BIG_YAML, len, YL_MAX_INPUT_BYTES, YL_MAX_INPUT_BYTES >> 20);
        return false;
    }
    if (!check_encoding(name, data, len, d)) return false;
    /* the typing traps: certain ones refused here, suspects kept for later */
    yt_scan(data, len, &doc->suspects);
    if (!yt_report_certain(&doc->suspects, name, d)) return false;
    builder b = {.doc = doc, .d = d};
    ys_source_init(&b.src, data, len);
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
    bool ok = true, done = false;
    int docs = 0;
    while (ok && !done) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e)) {
            if (!yt_report_upto(&doc->suspects, (int)p.problem_mark.line + 1, doc->file, d))
                parser_error(&b, &p, data, len);
            ok = false;
            break;
        }
        ok = on_event(&b, &e, &docs, &done);
        yaml_event_delete(&e);
    }
    while (b.depth > 0) frame_free(&b.stack[--b.depth]);  /* collections left open by an error */
    yaml_parser_delete(&p);
    ys_source_free(&b.src);
    if (b.failed) ok = false;
    if (!ok) doc->root = NULL;  /* a half-built tree is never handed out */
    return ok;
}

/* Through the bounded reader (infile.c): "-" is standard input. */
static bool read_input(const char *path, int flags, hy_buf *buf, hy_diags *d)
{
    if (!strcmp(path, "-")) return hy_infile_read_fd(0, YL_STDIN_NAME, YL_MAX_INPUT_BYTES, buf, d);
    return hy_infile_read(path, flags, YL_MAX_INPUT_BYTES, buf, NULL, d);
}

bool yl_read_file(const char *path, hy_buf *buf, hy_diags *d)
{
    return read_input(path, HY_IN_ANY, buf, d);
}

static bool load_path(const char *path, int flags, yl_doc *doc, hy_diags *d)
{
    const char *name = strcmp(path, "-") ? path : YL_STDIN_NAME;
    hy_buf buf = {0};
    if (!read_input(path, flags, &buf, d)) {
        *doc = (yl_doc){.file = hy_xstrdup(name)};
        hy_buf_free(&buf);
        return false;
    }
    bool ok = yl_load_mem(name, buf.data ? buf.data : "", buf.len, doc, d);
    hy_buf_free(&buf);
    return ok;
}

bool yl_load_file(const char *path, yl_doc *doc, hy_diags *d)
{
    return load_path(path, HY_IN_ANY, doc, d);
}

bool yl_load_regular(const char *path, yl_doc *doc, hy_diags *d)
{
    return load_path(path, HY_IN_REGULAR, doc, d);
}

void yl_free(yl_doc *doc)
{
    hy_arena_free(&doc->arena);
    yt_free(&doc->suspects);
    free(doc->file);
    *doc = (yl_doc){0};
}

bool yl_is_null(const yl_node *n)
{
    if (!n) return true;
    if (n->kind != YL_SCALAR) return false;
    if (n->len == 0) return true;
    return n->plain && (!strcmp(n->str, "~") || !strcmp(n->str, "null") || !strcmp(n->str, "Null") ||
                        !strcmp(n->str, "NULL"));
}

const char *yl_kind_name(yl_kind k)
{
    return hy_msg(k == YL_MAP ? HY_M_KIND_MAP : k == YL_SEQ ? HY_M_KIND_LIST : HY_M_KIND_TEXT);
}
