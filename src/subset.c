/* subset.c — HarfBuzz subsetting and the facts the PDF font objects need (see subset.h). */
#include "subset.h"
#include "util.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool hy_is_variation_selector(uint32_t cp)
{
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* Could s start with a variation selector? Their UTF-8 forms start with EF (U+FE0x) or F3
 * (U+E01xx), which spares decoding the character after nearly every character twice. */
static bool may_be_selector(const char *s, size_t len)
{
    return len >= 3 && ((unsigned char)s[0] == 0xEF || (unsigned char)s[0] == 0xF3);
}

size_t hy_char_next(const char *s, size_t len, hy_char *c)
{
    size_t k = hy_utf8_decode(s, len, &c->cp);
    c->vs = 0;
    if (!k || !may_be_selector(s + k, len - k)) return k;
    uint32_t vs;
    size_t k2 = hy_utf8_decode(s + k, len - k, &vs);
    if (!k2 || !hy_is_variation_selector(vs)) return k;
    c->vs = vs;
    return k + k2;
}

/* Tables no PDF reader looks at: glyphs are addressed by id, never shaped, and drawn
 * horizontally. Dropping GSUB also skips the subsetter's closure over it, which would keep
 * every vertical and ligature form of every character (a third of the glyphs, and time). */
static const hb_tag_t dropped_tables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'),
};

/* The original glyph of each character; false (with the character in err) if one is missing. */
static bool find_glyphs(hb_font_t *hf, const hy_char *chars, size_t n, hb_codepoint_t *old,
                        char *err, size_t err_cap)
{
    for (size_t i = 0; i < n; i++) {
        old[i] = 0;
        if (chars[i].vs) hb_font_get_variation_glyph(hf, chars[i].cp, chars[i].vs, &old[i]);
        else hb_font_get_nominal_glyph(hf, chars[i].cp, &old[i]);
        if (!old[i]) {
            snprintf(err, err_cap, "character U+%04X is not in the font", (unsigned)chars[i].cp);
            return false;
        }
    }
    return true;
}

static hb_subset_input_t *make_input(const hy_char *chars, const hb_codepoint_t *old, size_t n)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return NULL;
    /* TrueType hinting programs are a sixth of a subset and no PDF reader or printer here
     * needs them (pdftoppm, mutool and print drivers rasterize unhinted or auto-hint). */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped_tables / sizeof *dropped_tables; i++)
        hb_set_add(drop, dropped_tables[i]);
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    for (size_t i = 0; i < n; i++) {
        /* The subset keeps a cmap for plain characters (a font program that can stand on its
         * own); variant glyphs are kept by id. */
        if (!chars[i].vs) hb_set_add(unicodes, chars[i].cp);
        hb_set_add(glyphs, old[i]);
    }
    return in;
}

static void put16(hy_buf *b, unsigned v)
{
    unsigned char c[2] = {(unsigned char)(v >> 8), (unsigned char)v};
    hy_buf_add(b, c, 2);
}

static void put32(hy_buf *b, uint32_t v)
{
    put16(b, v >> 16);
    put16(b, v & 0xFFFF);
}

/* A cmap table with one (3,10) format-12 subtable mapping exactly the document's plain
 * characters (chars sorted, so runs of consecutive characters and glyphs share a group). */
static hb_blob_t *document_cmap(const hy_char *chars, const hb_codepoint_t *old, size_t n)
{
    hy_buf groups = {0};
    uint32_t n_groups = 0, start = 0, end = 0, glyph = 0;
    for (size_t i = 0; i <= n; i++) {
        bool last = i == n;
        if (!last && chars[i].vs) continue;
        if (!last && n_groups && chars[i].cp == end + 1 && old[i] == glyph + (end - start) + 1) {
            end = chars[i].cp;
            continue;
        }
        if (n_groups) {
            put32(&groups, start);
            put32(&groups, end);
            put32(&groups, glyph);
        }
        if (last) break;
        start = end = chars[i].cp;
        glyph = old[i];
        n_groups++;
    }
    hy_buf t = {0};
    put16(&t, 0);            /* version */
    put16(&t, 1);            /* one encoding record: */
    put16(&t, 3);            /*   Windows, */
    put16(&t, 10);           /*   Unicode full repertoire, */
    put32(&t, 12);           /*   subtable at byte 12 */
    put16(&t, 12);           /* format 12 */
    put16(&t, 0);
    put32(&t, 16 + 12 * n_groups);
    put32(&t, 0);            /* language */
    put32(&t, n_groups);
    hy_buf_add(&t, groups.data, groups.len);
    hy_buf_free(&groups);
    return hb_blob_create(t.data, (unsigned)t.len, HB_MEMORY_MODE_READONLY, t.data, free);
}

/* The face the subsetter reads: the font's own tables, but a cmap of the document's
 * characters only. HarfBuzz 6 builds a fresh cmap accelerator for every subset plan, which for
 * a Japanese font (cmap formats 4, 12 and 14 over 20 000 characters) cost a fixed 8 million
 * instructions per document and font, more than the rest of the subsetting; a cmap of the
 * document's characters costs almost nothing and leaves the subset the same cmap. */
typedef struct {
    hb_face_t *font;
    hb_blob_t *cmap;
} source_tables;

static hb_blob_t *source_table(hb_face_t *face, hb_tag_t tag, void *user)
{
    (void)face;
    source_tables *src = user;
    if (tag == HB_TAG('c', 'm', 'a', 'p')) return hb_blob_reference(src->cmap);
    return hb_face_reference_table(src->font, tag);
}

static void free_source(void *user)
{
    source_tables *src = user;
    hb_blob_destroy(src->cmap);
    free(src);
}

static hb_face_t *source_face(hb_face_t *font, const hy_char *chars, const hb_codepoint_t *old,
                              size_t n)
{
    source_tables *src = hy_xmalloc(sizeof *src);
    src->font = font;
    src->cmap = document_cmap(chars, old, n);
    hb_face_t *face = hb_face_create_for_tables(source_table, src, free_source);
    hb_face_set_upem(face, hb_face_get_upem(font));
    hb_face_set_glyph_count(face, hb_face_get_glyph_count(font));
    return face;
}

/* A big-endian 16-bit field of a table, or 0 if the table is shorter. */
static int table_i16(hb_face_t *face, hb_tag_t tag, unsigned offset)
{
    hb_blob_t *t = hb_face_reference_table(face, tag);
    unsigned len;
    const unsigned char *p = (const unsigned char *)hb_blob_get_data(t, &len);
    int v = offset + 2 <= len ? (int16_t)(p[offset] << 8 | p[offset + 1]) : 0;
    hb_blob_destroy(t);
    return v;
}

/* A PostScript name as a PDF name may carry it: printable ASCII without delimiters. */
static void clean_name(const char *in, char *out, size_t cap)
{
    size_t k = 0;
    for (; *in && k + 1 < cap; in++)
        if (*in > ' ' && *in < 127 && !strchr("()<>[]{}/%#", *in)) out[k++] = *in;
    out[k] = 0;
}

/* The name with its subset tag: six capitals derived from the glyphs kept, so that two
 * different subsets of one font in one PDF never share a name (PDF 32000-1 9.6.4). */
static void set_name(hy_subset *s, hb_face_t *face, const hy_font *font, const hb_codepoint_t *old,
                     size_t n)
{
    char ps[64] = "", clean[64];
    unsigned len = sizeof ps;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, ps);
    clean_name(ps, clean, sizeof clean);
    if (!clean[0]) clean_name(font->family, clean, sizeof clean);
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) h = (h ^ old[i]) * 0x100000001b3u;
    char tag[7];
    for (int i = 0; i < 6; i++, h /= 26) tag[i] = (char)('A' + h % 26);
    tag[6] = 0;
    snprintf(s->name, sizeof s->name, "%s+%s", tag, clean[0] ? clean : "Font");
}

static int per_mille(int v, unsigned upem)
{
    return (int)((long)v * 1000 / (long)upem);
}

/* Ascent, descent, cap height, bounding box and a stem width for the font descriptor. */
static void set_metrics(hy_subset *s, hb_face_t *face, hb_font_t *hf)
{
    unsigned upem = hb_face_get_upem(face);
    hb_font_extents_t ext = {0};
    hb_font_get_h_extents(hf, &ext);
    hb_position_t cap = 0;
    if (!hb_ot_metrics_get_position(hf, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap)) cap = ext.ascender;
    s->ascent = per_mille(ext.ascender, upem);
    s->descent = per_mille(ext.descender, upem);
    s->cap_height = per_mille(cap, upem);
    for (int i = 0; i < 4; i++)  /* head: xMin yMin xMax yMax at byte 36 */
        s->bbox[i] = per_mille(table_i16(face, HB_TAG('h', 'e', 'a', 'd'), 36 + 2 * (unsigned)i), upem);
    /* The font file is embedded, so readers never synthesise from StemV; the usual estimate
     * from the weight class (OS/2 usWeightClass) keeps the required entry plausible. */
    int weight = table_i16(face, HB_TAG('O', 'S', '/', '2'), 4);
    if (weight <= 0) weight = 400;
    s->stem_v = 50 + weight * weight / 4225;
}

/* Fills map, widths and the font program from an executed plan. */
static bool take_result(hy_subset *s, hb_subset_plan_t *plan, hb_font_t *hf, const hy_char *chars,
                        const hb_codepoint_t *old, size_t n)
{
    const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    const hb_map_t *to_old = hb_subset_plan_new_to_old_glyph_mapping(plan);
    hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
    if (!sub) return false;
    hb_blob_t *blob = hb_face_reference_blob(sub);
    unsigned len;
    const char *data = hb_blob_get_data(blob, &len);
    bool ok = len > 0;
    if (ok) {
        s->data = hy_xmalloc(len);
        memcpy(s->data, data, len);
        s->size = len;
    }
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    s->bmp_cid = hy_xcalloc(0x10000, sizeof *s->bmp_cid);
    for (size_t i = 0; ok && i < n; i++) {
        hb_codepoint_t g = hb_map_get(to_new, old[i]);
        ok = g != HB_MAP_VALUE_INVALID && g <= 0xFFFF;
        s->map[i] = (hy_subset_map){chars[i].cp, chars[i].vs, (uint16_t)g};
        if (chars[i].cp <= 0xFFFF && !chars[i].vs) s->bmp_cid[chars[i].cp] = (uint16_t)(i + 1);
    }
    unsigned upem = hb_face_get_upem(hb_font_get_face(hf));
    s->n_glyphs = hb_map_get_population(to_old);
    s->widths = hy_xcalloc(s->n_glyphs + 1, sizeof *s->widths);
    for (unsigned g = 0; ok && g < s->n_glyphs; g++) {
        hb_codepoint_t o = hb_map_get(to_old, g);
        /* the same truncation as hy_font_pick's widths, so text lands where layout put it */
        if (o != HB_MAP_VALUE_INVALID)
            s->widths[g] = (uint16_t)((long)hb_font_get_glyph_h_advance(hf, o) * 1000 / (long)upem);
    }
    return ok;
}

bool hy_subset_make(const hy_font *font, const hy_char *chars, size_t n, hy_subset *out,
                    char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    hb_face_t *face = hy_font_hb_face(font);
    if (!face) {
        if (errno == ENOMEM) hy_die_oom();  /* not the font's fault (util.h) */
        hy_oom_probe();
        snprintf(err, err_cap, "cannot read the font file %s", font->path);
        return false;
    }
    hb_font_t *hf = hb_font_create(face);
    hb_codepoint_t *old = hy_xmalloc((n + 1) * sizeof *old);
    out->map = hy_xcalloc(n + 1, sizeof *out->map);
    out->n = n;
    bool ok = find_glyphs(hf, chars, n, old, err, err_cap);
    if (ok) {
        hb_subset_input_t *in = make_input(chars, old, n);
        hb_face_t *src = source_face(face, chars, old, n);
        hb_subset_plan_t *plan = in ? hb_subset_plan_create_or_fail(src, in) : NULL;
        ok = plan && n < 0xFFFF && take_result(out, plan, hf, chars, old, n);
        if (!ok) hy_oom_probe();
        if (!ok) snprintf(err, err_cap, "cannot subset the font %s", font->path);
        if (plan) hb_subset_plan_destroy(plan);
        if (in) hb_subset_input_destroy(in);
        hb_face_destroy(src);
    }
    if (ok) {
        set_name(out, face, font, old, n);
        set_metrics(out, face, hf);
    }
    free(old);
    hb_font_destroy(hf);
    return ok;
}

uint16_t hy_subset_cid(const hy_subset *s, uint32_t cp, uint32_t vs)
{
    if (cp <= 0xFFFF && !vs) return s->bmp_cid ? s->bmp_cid[cp] : 0;
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const hy_subset_map *m = &s->map[mid];
        if (m->cp < cp || (m->cp == cp && m->vs < vs)) lo = mid + 1;
        else hi = mid;
    }
    return lo < s->n && s->map[lo].cp == cp && s->map[lo].vs == vs ? (uint16_t)(lo + 1) : 0;
}

void hy_subset_free(hy_subset *s)
{
    free(s->data);
    free(s->map);
    free(s->widths);
    free(s->bmp_cid);
    memset(s, 0, sizeof *s);
}
