/* textdiff.c — changed passages between two texts, widened to phrases (see textdiff.h).
 *
 * Steps: (1) the common start and end are set aside; (2) the rest is diffed line by line
 * (Myers' greedy O(ND) search over line numbers), so that unchanged lines stay unchanged
 * whatever the character statistics; (3) each hunk of changed lines is diffed character by
 * character; (4) short equalities between two larger changes are folded into them (a lone
 * の or 、 that happens to match between two rewritten passages is not "unchanged"); (5) each
 * change is widened to the phrases it touches in the new text and changes a character or two
 * apart are merged. */
#include "textdiff.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- phrases */

typedef enum { C_BREAK, C_SPACE, C_PUNCT, C_HIRAGANA, C_KATAKANA, C_KANJI, C_ALNUM, C_MARK } cp_class;

/* Unicode blocks of the scripts a phrase is cut between (The Unicode Standard, Blocks.txt). */
static const struct { uint32_t lo, hi; cp_class c; } script_ranges[] = {
    {0x0030, 0x0039, C_ALNUM},   {0x0041, 0x005A, C_ALNUM},   {0x0061, 0x007A, C_ALNUM},
    {0x00C0, 0x024F, C_ALNUM},   {0x0300, 0x036F, C_MARK},    {0x0370, 0x052F, C_ALNUM},
    {0x3005, 0x3007, C_KANJI},   /* 々 〆 〇 */
    {0x3041, 0x309F, C_HIRAGANA}, {0x30A0, 0x30FF, C_KATAKANA}, {0x31F0, 0x31FF, C_KATAKANA},
    {0x3099, 0x309A, C_MARK},    {0x3400, 0x4DBF, C_KANJI},   {0x4E00, 0x9FFF, C_KANJI},
    {0xF900, 0xFAFF, C_KANJI},   {0xFE00, 0xFE0F, C_MARK},    {0xFF10, 0xFF19, C_ALNUM},
    {0xFF21, 0xFF3A, C_ALNUM},   {0xFF41, 0xFF5A, C_ALNUM},   {0xFF66, 0xFF9D, C_KATAKANA},
    {0xFF9E, 0xFF9F, C_MARK},    {0x20000, 0x3FFFF, C_KANJI}, {0xE0100, 0xE01EF, C_MARK},
};

static cp_class classify(uint32_t cp)
{
    if (cp == '\n' || cp == '\r') return C_BREAK;
    if (cp == ' ' || cp == '\t' || cp == 0x3000) return C_SPACE;
    cp_class found = C_PUNCT;  /* anything else: punctuation, brackets, symbols, ○ */
    for (size_t i = 0; i < sizeof script_ranges / sizeof *script_ranges; i++)
        if (cp >= script_ranges[i].lo && cp <= script_ranges[i].hi) found = script_ranges[i].c;
    return found;  /* the last match wins: 3099-309A are marks inside the hiragana block */
}

static bool is_word(cp_class c) { return c == C_HIRAGANA || c == C_KATAKANA || c == C_KANJI || c == C_ALNUM; }

bool td_phrase_boundary(const uint32_t *s, size_t n, size_t i)
{
    if (i == 0 || i >= n) return true;
    cp_class a = classify(s[i - 1]), b = classify(s[i]);
    if (b == C_MARK) return false;  /* combining marks and variation selectors stay with their base */
    if (a == C_MARK) {              /* look through them to the base */
        size_t j = i - 1;
        while (j > 0 && classify(s[j]) == C_MARK) j--;
        a = classify(s[j]);
    }
    if (!is_word(a) || !is_word(b)) return true;
    if (b == C_HIRAGANA) return false;  /* okurigana and particles stay with the word before */
    return a != b;
}

/* ---------------------------------------------------------------- Myers */

enum { OP_EQUAL = 'E', OP_DELETE = 'D', OP_INSERT = 'I' };

/* The shortest edit script from a[0..n) to b[0..m) (Myers 1986, "An O(ND) Difference
 * Algorithm and Its Variations", §2–3: furthest-reaching D-paths, then the path traced back),
 * appended to ops as one OP_* byte per element. False (ops untouched) when it needs more than
 * dmax insertions and deletions. Memory O(dmax²) ints, time O((n + m)·D). */
static bool myers(const uint32_t *a, size_t n, const uint32_t *b, size_t m, size_t dmax, hy_buf *ops)
{
    long N = (long)n, M = (long)m, max = (long)dmax;
    if (N + M < max) max = N + M;
    long off = max + 1;
    long *v = hy_xcalloc((size_t)(2 * max + 3), sizeof *v);
    long **trace = hy_xcalloc((size_t)max + 1, sizeof *trace);  /* V before step d, on [-d, d] */
    long found = -1;
    for (long d = 0; d <= max && found < 0; d++) {
        trace[d] = hy_xmalloc((size_t)(2 * d + 1) * sizeof **trace);
        memcpy(trace[d], v + off - d, (size_t)(2 * d + 1) * sizeof **trace);
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
            long y = x - k;
            while (x < N && y < M && a[x] == b[y]) x++, y++;
            v[off + k] = x;
            if (x >= N && y >= M) {
                found = d;
                break;
            }
        }
    }
    if (found >= 0) {
        char *rev = hy_xmalloc((size_t)(N + M) + 1);
        size_t r = 0;
        long x = N, y = M;
        for (long d = found; d >= 0; d--) {
            const long *t = trace[d] + d;  /* t[k] for k in [-d, d] */
            long k = x - y, pk;
            if (d == 0) pk = 0;
            else pk = (k == -d || (k != d && t[k - 1] < t[k + 1])) ? k + 1 : k - 1;
            long px = d == 0 ? 0 : t[pk], py = px - pk;
            while (x > px && y > py) rev[r++] = OP_EQUAL, x--, y--;
            if (d > 0) rev[r++] = x == px ? OP_INSERT : OP_DELETE;
            x = px, y = py;
        }
        for (size_t i = r; i > 0; i--) hy_buf_add(ops, &rev[i - 1], 1);
        free(rev);
    }
    for (long d = 0; d <= max && trace[d]; d++) free(trace[d]);
    free(trace);
    free(v);
    return found >= 0;
}

static void add_ops(hy_buf *ops, char op, size_t n)
{
    for (size_t i = 0; i < n; i++) hy_buf_add(ops, &op, 1);
}

/* ---------------------------------------------------------------- lines */

typedef struct { size_t start, len; } line;

/* Cuts s[0..n) after every '\n'. */
static line *split_lines(const uint32_t *s, size_t n, size_t *count)
{
    line *l = hy_xmalloc((n + 1) * sizeof *l);
    size_t k = 0, start = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || i + 1 == n) {
            l[k++] = (line){start, i + 1 - start};
            start = i + 1;
        }
    *count = k;
    return l;
}

/* Numbers the lines of both texts so that equal lines get equal numbers (an open-addressing
 * table of the distinct lines seen); with `bare`, lines compare without their '\n'. */
static void number_lines(const uint32_t *a, const line *la, size_t na, const uint32_t *b,
                         const line *lb, size_t nb, uint32_t *ida, uint32_t *idb, bool bare)
{
    size_t cap = 16;
    while (cap < 2 * (na + nb)) cap *= 2;
    struct slot { const uint32_t *s; size_t len; uint32_t id; bool used; } *tab = hy_xcalloc(cap, sizeof *tab);
    uint32_t next = 0;
    for (size_t side = 0; side < 2; side++) {
        const uint32_t *s = side ? b : a;
        const line *l = side ? lb : la;
        size_t n = side ? nb : na;
        uint32_t *ids = side ? idb : ida;
        for (size_t i = 0; i < n; i++) {
            const uint32_t *p = s + l[i].start;
            size_t len = l[i].len - (bare && l[i].len && p[l[i].len - 1] == '\n');
            uint64_t h = 1469598103934665603u;  /* FNV-1a */
            for (size_t j = 0; j < len; j++) h = (h ^ p[j]) * 1099511628211u;
            size_t at = (size_t)h & (cap - 1);
            while (tab[at].used && !(tab[at].len == len && !memcmp(tab[at].s, p, len * sizeof *p)))
                at = (at + 1) & (cap - 1);
            if (!tab[at].used) tab[at] = (struct slot){p, len, next++, true};
            ids[i] = tab[at].id;
        }
    }
    free(tab);
}

/* The edit script from a to b: line by line, then character by character inside each hunk of
 * changed lines; a hunk beyond the bounds is replaced whole. */
static void diff_cps(const uint32_t *a, size_t n, const uint32_t *b, size_t m, hy_buf *ops)
{
    size_t pre = 0, suf = 0;
    while (pre < n && pre < m && a[pre] == b[pre]) pre++;
    while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf]) suf++;
    add_ops(ops, OP_EQUAL, pre);
    a += pre, b += pre, n -= pre + suf, m -= pre + suf;

    size_t nla, nlb;
    line *la = split_lines(a, n, &nla), *lb = split_lines(b, m, &nlb);
    uint32_t *ida = hy_xmalloc((nla + 1) * sizeof *ida), *idb = hy_xmalloc((nlb + 1) * sizeof *idb);
    number_lines(a, la, nla, b, lb, nlb, ida, idb, false);
    hy_buf lops = {0};
    if (!myers(ida, nla, idb, nlb, TD_MAX_EDITS, &lops)) {
        add_ops(&lops, OP_DELETE, nla);
        add_ops(&lops, OP_INSERT, nlb);
    }
    size_t ia = 0, ib = 0;  /* line indexes */
    for (size_t i = 0; i < lops.len;) {
        if (lops.data[i] == OP_EQUAL) {
            add_ops(ops, OP_EQUAL, la[ia].len);
            ia++, ib++, i++;
            continue;
        }
        size_t a0 = ia, b0 = ib;
        for (; i < lops.len && lops.data[i] != OP_EQUAL; i++) {
            if (lops.data[i] == OP_DELETE) ia++;
            else ib++;
        }
        size_t ca = a0 < ia ? la[a0].start : 0, na_ = a0 < ia ? la[ia - 1].start + la[ia - 1].len - ca : 0;
        size_t cb = b0 < ib ? lb[b0].start : 0, nb_ = b0 < ib ? lb[ib - 1].start + lb[ib - 1].len - cb : 0;
        if (na_ + nb_ > TD_MAX_HUNK || !myers(a + ca, na_, b + cb, nb_, TD_MAX_EDITS, ops)) {
            add_ops(ops, OP_DELETE, na_);
            add_ops(ops, OP_INSERT, nb_);
        }
    }
    add_ops(ops, OP_EQUAL, suf);
    hy_buf_free(&lops);
    free(la), free(lb), free(ida), free(idb);
}

/* ---------------------------------------------------------------- changes */

/* Moves each pure insertion or deletion as far left as the text allows ("紙 [○] 電子メール [○] 庁内"
 * inserts "[○] 電子メール ", not "電子メール [○] "): an edit between repeats starts where its
 * unit starts, which is where the phrase boundaries are. Never across a line break: an added
 * line stays that line. */
static void slide_left(char *ops, size_t n_ops, const uint32_t *a, const uint32_t *b)
{
    size_t ia = 0, ib = 0;
    for (size_t i = 0; i < n_ops;) {
        if (ops[i] == OP_EQUAL) {
            ia++, ib++, i++;
            continue;
        }
        size_t s = i, na = 0, nb = 0;
        for (; i < n_ops && ops[i] != OP_EQUAL; i++) {
            if (ops[i] == OP_DELETE) na++;
            else nb++;
        }
        if (na && nb) {
            ia += na, ib += nb;
            continue;
        }
        const uint32_t *t = na ? a : b;
        size_t p = na ? ia : ib, q = p + (na ? na : nb), e = i;
        while (s > 0 && ops[s - 1] == OP_EQUAL && p > 0 && t[p - 1] == t[q - 1] && t[p - 1] != '\n') {
            ops[s - 1] = ops[e - 1];
            ops[e - 1] = OP_EQUAL;
            s--, e--, p--, q--;
        }
        ia += na, ib += nb;
    }
}

/* An equality of `eq` characters followed by a change deleting `del` and inserting `ins`. */
typedef struct { size_t eq, del, ins; } run;

static size_t max2(size_t x, size_t y) { return x > y ? x : y; }

/* Folds an equality no longer than the changes on both its sides into them (the semantic
 * cleanup of Fraser's diff-match-patch, as an idea). */
static void fold_short_equalities(run *r, size_t *count)
{
    size_t n = *count;
    for (size_t j = 1; j < n;) {
        run *p = &r[j - 1], *c = &r[j];
        bool both = (p->del || p->ins) && (c->del || c->ins);
        if (both && c->eq <= max2(p->del, p->ins) && c->eq <= max2(c->del, c->ins)) {
            p->del += c->eq + c->del;
            p->ins += c->eq + c->ins;
            memmove(c, c + 1, (n - j - 1) * sizeof *c);
            n--;
            if (j > 1) j--;
        } else j++;
    }
    *count = n;
}

static bool has_break(const uint32_t *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == '\n' || s[i] == '\r') return true;
    return false;
}

/* Changes within 2 code points of each other (and on one line) are read as one passage. */
#define MERGE_GAP 2

/* Merges span s into the one before it when they read as one passage; false to keep both. */
static bool merge(const uint32_t *b, td_span *last, td_span s)
{
    bool last_point = last->start == last->end, s_point = s.start == s.end;
    if (s_point)  /* a deletion inside or right after a passage already marked */
        return s.start <= last->end;
    if (last_point) {  /* a marked passage starting at or over an earlier deletion point */
        if (s.start > last->start) return false;
        *last = s;
        return true;
    }
    if (s.start > last->end + MERGE_GAP || has_break(b, last->end, s.start)) return false;
    if (s.end > last->end) last->end = s.end;
    return true;
}

static td_span *changes_cps(const uint32_t *a, size_t n, const uint32_t *b, size_t m, size_t *count)
{
    hy_buf ops = {0};
    diff_cps(a, n, b, m, &ops);
    slide_left(ops.data, ops.len, a, b);
    run *r = hy_xcalloc(ops.len + 1, sizeof *r);
    size_t nr = 1;
    for (size_t i = 0; i < ops.len; i++) {
        char op = ops.data[i];
        if (op == OP_EQUAL && (r[nr - 1].del || r[nr - 1].ins)) nr++;
        if (op == OP_EQUAL) r[nr - 1].eq++;
        else if (op == OP_DELETE) r[nr - 1].del++;
        else r[nr - 1].ins++;
    }
    hy_buf_free(&ops);
    fold_short_equalities(r, &nr);

    td_span *out = hy_xmalloc((nr + 1) * sizeof *out);
    size_t k = 0, pos = 0;
    for (size_t i = 0; i < nr; i++) {
        pos += r[i].eq;
        if (!r[i].del && !r[i].ins) continue;
        td_span s = {pos, pos + r[i].ins};
        pos += r[i].ins;
        if (s.start < s.end || !td_phrase_boundary(b, m, s.start)) {
            while (!td_phrase_boundary(b, m, s.start)) s.start--;
            while (!td_phrase_boundary(b, m, s.end)) s.end++;
        }
        if (k > 0 && merge(b, &out[k - 1], s)) continue;
        out[k++] = s;
    }
    free(r);
    *count = k;
    if (!k) {
        free(out);
        return NULL;
    }
    return out;
}

td_span *td_changes(const char *old, const char *new_text, size_t *count)
{
    size_t n, m;
    uint32_t *a = hy_utf8_to_cps(old, &n), *b = hy_utf8_to_cps(new_text, &m);
    td_span *s = changes_cps(a, n, b, m, count);
    free(a);
    free(b);
    return s;
}

/* ---------------------------------------------------------------- lines */

size_t td_line_count(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++) n += *p == '\n' || !p[1];
    return n;
}

void td_lines_changed(const char *old, const char *new_text, bool *old_changed, bool *new_changed)
{
    size_t n, m, nla, nlb;
    uint32_t *a = hy_utf8_to_cps(old, &n), *b = hy_utf8_to_cps(new_text, &m);
    line *la = split_lines(a, n, &nla), *lb = split_lines(b, m, &nlb);
    uint32_t *ida = hy_xmalloc((nla + 1) * sizeof *ida), *idb = hy_xmalloc((nlb + 1) * sizeof *idb);
    number_lines(a, la, nla, b, lb, nlb, ida, idb, true);
    hy_buf ops = {0};
    if (!myers(ida, nla, idb, nlb, TD_MAX_EDITS, &ops)) {
        add_ops(&ops, OP_DELETE, nla);
        add_ops(&ops, OP_INSERT, nlb);
    }
    size_t ia = 0, ib = 0;
    for (size_t i = 0; i < ops.len; i++) {
        char op = ops.data[i];
        if (op == OP_EQUAL) {
            old_changed[ia++] = false;
            new_changed[ib++] = false;
        } else if (op == OP_DELETE) {
            old_changed[ia++] = true;
        } else {
            new_changed[ib++] = true;
        }
    }
    /* Lines only inserted between old lines (no old line replaced there): the old line before
     * which they go is where they are (the last one for lines added at the end). */
    ia = 0;
    for (size_t i = 0; i < ops.len;) {
        if (ops.data[i] == OP_EQUAL) {
            ia++, i++;
            continue;
        }
        bool deleted = false;
        for (; i < ops.len && ops.data[i] != OP_EQUAL; i++)
            if (ops.data[i] == OP_DELETE) deleted = true, ia++;
        if (!deleted && nla) old_changed[ia < nla ? ia : nla - 1] = true;
    }
    hy_buf_free(&ops);
    free(la), free(lb), free(ida), free(idb), free(a), free(b);
}

/* ---------------------------------------------------------------- marks */

static bool is_space(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000; }

char *td_mark_copy(const char *old, const char *new_text)
{
    if (!strcmp(old, new_text) || strstr(old, "<u>") || strstr(old, "</u>") || strstr(new_text, "<u>") ||
        strstr(new_text, "</u>"))
        return hy_xstrdup(new_text);
    size_t n, m, ns;
    uint32_t *a = hy_utf8_to_cps(old, &n), *b = hy_utf8_to_cps(new_text, &m);
    td_span *s = changes_cps(a, n, b, m, &ns);
    bool *mark = hy_xcalloc(m + 1, sizeof *mark), *deleted = hy_xcalloc(m + 1, sizeof *deleted);
    for (size_t i = 0; i < ns; i++) {
        if (s[i].start == s[i].end) deleted[s[i].start] = true;
        for (size_t j = s[i].start; j < s[i].end; j++) mark[j] = b[j] != '\n' && b[j] != '\r';
    }
    /* Spaces at either end of a marked passage stay outside it. */
    for (size_t i = 0; i < m;) {
        if (!mark[i]) { i++; continue; }
        size_t e = i;
        while (e < m && mark[e]) e++;
        for (size_t j = i; j < e && is_space(b[j]); j++) mark[j] = false;
        for (size_t j = e; j > i && is_space(b[j - 1]); j--) mark[j - 1] = false;
        i = e;
    }
    bool plain_left = false;
    for (size_t i = 0; i < m; i++) plain_left |= !mark[i] && !is_space(b[i]) && b[i] != '\n' && b[i] != '\r';
    hy_buf out = {0};
    if (!plain_left) {
        hy_buf_puts(&out, new_text);
    } else {
        for (size_t i = 0; i <= m; i++) {
            bool prev = i > 0 && mark[i - 1], cur = i < m && mark[i];
            if (prev && !cur) hy_buf_puts(&out, "</u>");
            if (deleted[i] && !prev && !cur) hy_buf_puts(&out, "<u>" TD_DELETED "</u>");
            if (cur && !prev) hy_buf_puts(&out, "<u>");
            if (i < m) {
                char u[4];
                hy_buf_add(&out, u, hy_utf8_encode(b[i], u));
            }
        }
    }
    free(mark), free(deleted), free(s), free(a), free(b);
    if (!out.data) hy_buf_puts(&out, "");
    return out.data;
}
