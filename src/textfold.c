/* textfold.c — NFC and matching folds with utf8proc (see textfold.h). */
#include "textfold.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* CJK compatibility ideographs: NFC maps them to other characters (see tf_nfc). */
static bool compat_ideograph(uint32_t cp)
{
    return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

/* utf8proc_map over s[0..len) with `options`, appended to out; false if s is not UTF-8. */
static bool map_append(hy_buf *out, const char *s, size_t len, utf8proc_option_t options)
{
    if (!len) return true;
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst, options);
    if (n < 0) return false;
    hy_buf_add(out, dst, (size_t)n);
    free(dst);
    return true;
}

/* True when cp, with a canonical decomposition, is its own NFC (a primary composite such as
 * が, not a singleton or an excluded one); utf8proc is asked once per code point of the BMP. */
static bool nfc_own_composite(uint32_t cp)
{
    static unsigned char known[0x10000 / 8], yes[0x10000 / 8];
    if (cp > 0xFFFF) return false;
    unsigned char bit = (unsigned char)(1u << (cp & 7));
    if (!(known[cp >> 3] & bit)) {
        utf8proc_uint8_t in[4], *out = NULL;
        utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, in);
        utf8proc_ssize_t m = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m == n && !memcmp(in, out, (size_t)n)) yes[cp >> 3] |= bit;
        free(out);
        known[cp >> 3] |= bit;
    }
    return yes[cp >> 3] & bit;
}

/* True when NFC leaves cp alone wherever it stands, as utf8proc says: combining class 0, its
 * own NFC, and not a mark or conjoining jamo (the only characters that compose with the one
 * before them: UAX #15 quick check, NFC_QC=Maybe). Unassigned code points and surrogates are
 * not, so utf8proc still refuses them. A text of such characters is its own NFC. */
static bool nfc_inert(uint32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF))
        return false;
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    if (p->combining_class) return false;
    switch (p->category) {
    case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return false;
    default:
        return p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0 || nfc_own_composite(cp);
    }
}

char *tf_nfc(const char *s, size_t len, size_t *out_len)
{
    /* The common case: nothing to compose or decompose (ASCII, kana, kanji, full-width forms).
     * utf8proc is only called when the text holds something else. */
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80) i++;
    for (; i < len;) {
        uint32_t cp;
        size_t k = hy_utf8_decode(s + i, len - i, &cp);
        if (!k || !nfc_inert(cp)) break;
        i += k;
    }
    hy_buf out = {0};
    if (i == len) {
        hy_buf_add(&out, s, len);
    } else {
        size_t run = 0;  /* start of the text not yet normalised */
        for (i = 0; i < len;) {
            uint32_t cp;
            size_t k = hy_utf8_decode(s + i, len - i, &cp);
            if (!k) {
                hy_buf_free(&out);
                return NULL;
            }
            if (compat_ideograph(cp)) {
                if (!map_append(&out, s + run, i - run, UTF8PROC_STABLE | UTF8PROC_COMPOSE)) goto bad;
                hy_buf_add(&out, s + i, k);
                run = i + k;
            }
            i += k;
        }
        if (!map_append(&out, s + run, len - run, UTF8PROC_STABLE | UTF8PROC_COMPOSE)) goto bad;
    }
    hy_buf_add(&out, "", 1);
    *out_len = out.len - 1;
    return out.data;
bad:
    hy_buf_free(&out);
    return NULL;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

/* Length in bytes of a copied checkbox "[…]" of at most 3 characters at the start of s (NFKC
 * text, spaces already removed), or 0. */
static size_t checkbox_prefix(const char *s)
{
    if (s[0] != '[') return 0;
    size_t i = 1;
    for (int chars = 0; s[i] && s[i] != ']' && chars < 4; chars++) {
        uint32_t cp;
        size_t k = hy_utf8_decode(s + i, strlen(s + i), &cp);
        if (!k) return 0;
        i += k;
    }
    return s[i] == ']' && s[i + 1] ? i + 1 : 0;
}

/* Length of a copied item number "1)", "(1)" or "1." followed by more text, or 0. */
static size_t number_prefix(const char *s)
{
    size_t i = s[0] == '(' ? 1 : 0, d = i;
    while (s[d] >= '0' && s[d] <= '9' && d - i < 2) d++;
    if (d == i || (s[d] != ')' && !(s[d] == '.' && !i))) return 0;
    return s[d + 1] ? d + 1 : 0;
}

char *tf_fold(const char *s)
{
    /* A circled number (①–⑳) is an item number; NFKC would turn it into a bare digit that
     * could not be told from the text's own digits. */
    uint32_t first;
    size_t k = hy_utf8_decode(s, strlen(s), &first);
    while (k && is_space(first)) {
        s += k;
        k = hy_utf8_decode(s, strlen(s), &first);
    }
    if (k && first >= 0x2460 && first <= 0x2473) s += k;
    hy_buf nfkc = {0};
    size_t len = strlen(s), ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80) ascii++;
    if (ascii == len) /* NFKC does not change ASCII */
        hy_buf_add(&nfkc, s, len);
    else if (!map_append(&nfkc, s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT))
        return hy_xstrdup(s);  /* not UTF-8: cannot happen for loaded text; match exactly */
    hy_buf_add(&nfkc, "", 1);
    hy_buf out = {0};
    for (size_t i = 0; i < nfkc.len - 1;) {
        uint32_t cp;
        size_t n = hy_utf8_decode(nfkc.data + i, nfkc.len - 1 - i, &cp);
        if (!n) n = 1;
        if (!is_space(cp)) hy_buf_add(&out, nfkc.data + i, n);
        i += n;
    }
    hy_buf_free(&nfkc);
    hy_buf_add(&out, "", 1);
    size_t skip = checkbox_prefix(out.data);
    skip += number_prefix(out.data + skip);
    if (skip) memmove(out.data, out.data + skip, out.len - skip);
    return out.data;
}

bool tf_same(const char *a, const char *b)
{
    if (!strcmp(a, b)) return true;
    char *fa = tf_fold(a), *fb = tf_fold(b);
    bool same = !strcmp(fa, fb);
    free(fa);
    free(fb);
    return same;
}

static bool hangul(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
           (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF) ||
           (cp >= 0xFFA0 && cp <= 0xFFDC);
}

/* East Asian Width F or W (utf8proc's width 2), or H: the half-width forms U+FF61–U+FFDC and
 * U+FFE8–U+FFEE (UAX #11; utf8proc does not expose H). */
static bool eaw_fwh(uint32_t cp)
{
    if ((cp >= 0xFF61 && cp <= 0xFFDC) || (cp >= 0xFFE8 && cp <= 0xFFEE)) return true;
    return utf8proc_charwidth((utf8proc_int32_t)cp) == 2;
}

bool tf_segment_break_removed_between(uint32_t before, uint32_t after)
{
    return eaw_fwh(before) && eaw_fwh(after) && !hangul(before) && !hangul(after);
}
