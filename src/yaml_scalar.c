/* yaml_scalar.c — scalar values against their source text (see yaml_scalar.h). */
#include "yaml_scalar.h"

#include "textfold.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void ys_source_init(ys_source *s, const char *data, size_t len)
{
    *s = (ys_source){.data = data, .len = len};
    size_t cap = 64;
    s->line_start = hy_xmalloc(cap * sizeof *s->line_start);
    s->line_start[s->n_lines++] = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] != '\n' && data[i] != '\r') continue;
        if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') i++;
        if (s->n_lines == cap) s->line_start = hy_xrealloc(s->line_start, cap *= 2, sizeof *s->line_start);
        s->line_start[s->n_lines++] = i + 1;
    }
}

void ys_source_free(ys_source *s)
{
    free(s->line_start);
    *s = (ys_source){0};
}

size_t ys_offset(ys_source *s, size_t line, size_t col)
{
    if (line >= s->n_lines) return s->len;
    size_t i = s->line_start[line], c = 0;
    /* A byte order mark at the start is not a column. */
    if (line == 0 && s->len >= 3 && !memcmp(s->data, "\xEF\xBB\xBF", 3)) i = 3;
    if (s->memo_off && s->memo_line == line && s->memo_col <= col) {
        i = s->memo_off;
        c = s->memo_col;
    }
    for (; c < col && i < s->len && s->data[i] != '\n' && s->data[i] != '\r'; c++) {
        uint32_t cp;
        size_t k = hy_utf8_decode(s->data + i, s->len - i, &cp);
        i += k ? k : 1;
    }
    s->memo_line = line;
    s->memo_col = c;
    s->memo_off = i;
    return i;
}

static bool src_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Characters that attach to the one before them and so do not decide the break: combining
 * marks (a decomposed ト + U+3099 is a wide ト) and variation selectors. */
static bool attaches(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME || c == UTF8PROC_CATEGORY_MC ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* The last base character of out[0..n), or 0. */
static uint32_t last_base(const char *out, size_t n)
{
    while (n > 0) {
        size_t k = n - 1;
        while (k > 0 && ((unsigned char)out[k] & 0xC0) == 0x80) k--;
        uint32_t cp;
        if (!hy_utf8_decode(out + k, n - k, &cp)) return 0;
        if (!attaches(cp)) return cp;
        n = k;
    }
    return 0;
}

size_t ys_join_wide_lines(ys_source *s, ys_style st, size_t l0, size_t c0, size_t l1,
                          size_t c1, char *value, size_t len)
{
    if (st == YS_LITERAL || l1 == l0) return len;
    size_t j = ys_offset(s, l0, c0), end = ys_offset(s, l1, c1);
    const char *src = s->data;
    if (st == YS_SINGLE_QUOTED || st == YS_DOUBLE_QUOTED) j++;
    if (st == YS_DOUBLE_QUOTED && memchr(src + j, '\\', end - j)) return len;
    if (st == YS_FOLDED) { /* the content starts on the line after the header (> or >-) */
        while (j < end && src[j] != '\n' && src[j] != '\r') j++;
        while (j < end && src_space(src[j])) j++;
    }
    char *out = hy_xmalloc(len + 1);
    size_t i = 0, w = 0;
    bool changed = false;
    while (i < len) {
        char c = value[i];
        if (c == ' ' || c == '\n' || c == '\t') {
            size_t i2 = i;
            while (i2 < len && (value[i2] == ' ' || value[i2] == '\n' || value[i2] == '\t')) i2++;
            int breaks = 0;
            while (j < end && src_space(src[j])) {
                if (src[j] == '\n' || (src[j] == '\r' && !(j + 1 < end && src[j + 1] == '\n'))) breaks++;
                j++;
            }
            uint32_t before = last_base(out, w), after = 0;
            if (i2 < len) hy_utf8_decode(value + i2, len - i2, &after);
            if (i2 - i == 1 && c == ' ' && breaks == 1 && before && after &&
                tf_segment_break_removed_between(before, after)) {
                changed = true;  /* the folded line break: dropped */
            } else {
                memcpy(out + w, value + i, i2 - i);
                w += i2 - i;
            }
            i = i2;
            continue;
        }
        /* Any other character is in the source as written ('' in single quotes is one '). */
        if (st == YS_SINGLE_QUOTED && c == '\'') {
            if (j + 1 >= end || src[j] != '\'' || src[j + 1] != '\'') goto keep;
            j += 2;
        } else {
            if (j >= end || src[j] != c) goto keep;
            j++;
        }
        out[w++] = c;
        i++;
    }
    if (changed) memcpy(value, out, w);
    free(out);
    if (!changed) return len;
    value[w] = '\0';
    return w;
keep:  /* the value does not line up with the source: leave it as libyaml read it */
    free(out);
    return len;
}

bool ys_comment_follows(ys_source *s, size_t line, size_t col, int *hash_col)
{
    size_t i = ys_offset(s, line, col);
    int c = (int)col + 1;
    if (i >= s->len || (s->data[i] != ' ' && s->data[i] != '\t')) return false;
    while (i < s->len && (s->data[i] == ' ' || s->data[i] == '\t')) {
        i++;
        c++;
    }
    if (i >= s->len || s->data[i] != '#') return false;
    *hash_col = c;
    return true;
}

bool ys_check_cut(ys_source *s, size_t line, size_t col, const char *value, size_t len,
                  const char *file, hy_diags *d)
{
    int hash_col;
    if (!ys_comment_follows(s, line, col, &hash_col)) return false;
    /* The text as it would print, its last 30 characters at most. */
    const char *tail = value + len;
    for (int k = 0; k < 30 && tail > value; k++)
        do tail--; while (tail > value && ((unsigned char)*tail & 0xC0) == 0x80);
    hy_diag_msg(d, file, (int)line + 1, hash_col, HY_M_HASH_CUTS_TEXT, tail > value ? "…" : "", tail);
    return true;
}
