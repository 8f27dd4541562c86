/* subset.c — HarfBuzz subsetting and the rebuilt cmap (see subset.h). */
#include "subset.h"
#include "util.h"

#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* First code point tried for the aliases of characters above U+FFFF (Private Use Area). */
#define ALIAS_FIRST 0xE000
#define ALIAS_LAST 0xF8FF

static int cmp_map(const void *a, const void *b)
{
    uint32_t x = ((const hy_subset_map *)a)->code, y = ((const hy_subset_map *)b)->code;
    return x < y ? -1 : x > y;
}

bool hy_is_variation_selector(uint32_t cp)
{
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* Assigns each character its 2-byte code: itself when a plain BMP character, else an unused
 * PUA point (characters above U+FFFF, variation sequences). */
static bool assign_codes(const hy_char *chars, size_t n, hy_subset_map *map)
{
    uint32_t next = ALIAS_FIRST;
    for (size_t i = 0; i < n; i++) {
        map[i].cp = chars[i].cp;
        map[i].vs = chars[i].vs;
        if (chars[i].cp <= 0xFFFF && !chars[i].vs) {
            map[i].code = (uint16_t)chars[i].cp;
            continue;
        }
        bool taken;
        do {  /* skip PUA points the document itself uses */
            taken = false;
            for (size_t k = 0; k < n && !taken; k++) taken = chars[k].cp == next && !chars[k].vs;
            if (taken) next++;
        } while (taken && next <= ALIAS_LAST);
        if (next > ALIAS_LAST) return false;
        map[i].code = (uint16_t)next++;
    }
    return true;
}

static void put16(hy_buf *b, unsigned v)
{
    unsigned char c[2] = {(unsigned char)(v >> 8), (unsigned char)v};
    hy_buf_add(b, c, 2);
}

/* Segments of the format-4 cmap: runs of codes with gaps under MAX_GAP share one segment and
 * a slice of glyphIdArray (unused codes in it map to glyph 0). Few segments matter: libharu
 * looks up every one of the 65 536 BMP code points by scanning the segments linearly. */
typedef struct { unsigned start, end; } segment;

static size_t make_segments(const hy_subset_map *byc, size_t n, segment *seg, unsigned max_gap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && byc[i].code - seg[k - 1].end <= max_gap) seg[k - 1].end = byc[i].code;
        else seg[k++] = (segment){byc[i].code, byc[i].code};
    }
    if (!k || seg[k - 1].end != 0xFFFF) seg[k++] = (segment){0xFFFF, 0xFFFF};
    return k;
}

/* A cmap table with one (3,1) format-4 subtable (OpenType 'cmap' format 4; libharu reads only
 * this format). Glyphs are found through idRangeOffset into glyphIdArray. */
static hy_buf build_cmap(const hy_subset_map *byc, const uint16_t *gids, size_t n)
{
    segment *seg = hy_xmalloc((n + 2) * sizeof *seg);
    size_t segs = 0, glyphs = 0;
    /* The subtable's length is a 16-bit field: narrow the gaps until it fits. */
    for (unsigned max_gap = 512;; max_gap /= 4) {
        segs = make_segments(byc, n, seg, max_gap);
        glyphs = 0;
        for (size_t i = 0; i < segs; i++)
            if (seg[i].start != 0xFFFF) glyphs += seg[i].end - seg[i].start + 1;
        if (16 + 8 * segs + 2 * glyphs <= 0xFFFF || max_gap == 0) break;
    }
    hy_buf sub = {0};
    unsigned search = 1, sel = 0;
    while (search * 2 <= segs) { search *= 2; sel++; }
    size_t len = 16 + 8 * segs + 2 * glyphs;
    put16(&sub, 4);
    put16(&sub, (unsigned)len);
    put16(&sub, 0);
    put16(&sub, (unsigned)(2 * segs));
    put16(&sub, 2 * search);
    put16(&sub, sel);
    put16(&sub, (unsigned)(2 * segs - 2 * search));
    for (size_t i = 0; i < segs; i++) put16(&sub, seg[i].end);
    put16(&sub, 0);                                             /* reservedPad */
    for (size_t i = 0; i < segs; i++) put16(&sub, seg[i].start);
    for (size_t i = 0; i < segs; i++) put16(&sub, seg[i].start == 0xFFFF ? 1 : 0);  /* idDelta */
    size_t before = 0;  /* glyphIdArray entries of the earlier segments */
    for (size_t i = 0; i < segs; i++) {
        if (seg[i].start == 0xFFFF) { put16(&sub, 0); continue; }
        /* bytes from this idRangeOffset word to the segment's first glyphIdArray entry */
        put16(&sub, (unsigned)(2 * (segs - i) + 2 * before));
        before += seg[i].end - seg[i].start + 1;
    }
    size_t j = 0;
    for (size_t i = 0; i < segs; i++) {
        if (seg[i].start == 0xFFFF) continue;
        for (unsigned c = seg[i].start; c <= seg[i].end; c++) {
            while (j < n && byc[j].code < c) j++;
            put16(&sub, j < n && byc[j].code == c ? gids[j] : 0);
        }
    }
    free(seg);
    hy_buf t = {0};
    put16(&t, 0);   /* version */
    put16(&t, 1);   /* one encoding record */
    put16(&t, 3);   /* Windows */
    put16(&t, 1);   /* Unicode BMP */
    put16(&t, 0);
    put16(&t, 12);  /* offset of the subtable (32-bit, high half above) */
    hy_buf_add(&t, sub.data, sub.len);
    hy_buf_free(&sub);
    return t;
}

/* Replaces the cmap of a face; returns the serialized font. The subsetter's result is a
 * builder face, which cannot list its tables, so it is serialized and read back first. */
static hb_blob_t *with_cmap(hb_face_t *built, hy_buf *cmap)
{
    hb_blob_t *whole = hb_face_reference_blob(built);
    hb_face_t *face = hb_face_create(whole, 0);
    hb_blob_destroy(whole);
    hb_face_t *b = hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned count = 64;
    hb_face_get_table_tags(face, 0, &count, tags);
    for (unsigned i = 0; i < count; i++) {
        if (tags[i] == HB_TAG('c', 'm', 'a', 'p')) continue;
        hb_blob_t *t = hb_face_reference_table(face, tags[i]);
        hb_face_builder_add_table(b, tags[i], t);
        hb_blob_destroy(t);
    }
    hb_blob_t *c = hb_blob_create(cmap->data, (unsigned)cmap->len, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
    hb_face_builder_add_table(b, HB_TAG('c', 'm', 'a', 'p'), c);
    hb_blob_destroy(c);
    hb_blob_t *out = hb_face_reference_blob(b);
    hb_face_destroy(b);
    hb_face_destroy(face);
    return out;
}

static bool write_temp(hb_blob_t *blob, char *path, size_t cap)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, cap, "%s/hyoka-font-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) return false;
    unsigned len;
    const char *data = hb_blob_get_data(blob, &len);
    bool ok = write(fd, data, len) == (ssize_t)len;
    ok = close(fd) == 0 && ok;
    if (!ok) unlink(path);
    return ok;
}

static hb_face_t *subset_face(const hy_font *font, const hy_char *chars, size_t n)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(font->path);
    if (!blob) return NULL;
    hb_face_t *face = hb_face_create(blob, (unsigned)font->index);
    hb_blob_destroy(blob);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_face_t *sub = NULL;
    if (in) {
        /* TrueType hinting programs are a sixth of a subset and no PDF reader or printer here
         * needs them (pdftoppm, mutool and print drivers rasterize unhinted or auto-hint). */
        hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
        hb_set_t *u = hb_subset_input_unicode_set(in);
        for (size_t i = 0; i < n; i++) {
            hb_set_add(u, chars[i].cp);
            if (chars[i].vs) hb_set_add(u, chars[i].vs);  /* keeps its cmap format-14 record */
        }
        sub = hb_subset_or_fail(face, in);
        hb_subset_input_destroy(in);
    }
    hb_face_destroy(face);
    return sub;
}

bool hy_subset_make(const hy_font *font, const hy_char *chars, size_t n, hy_subset *out,
                    char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    out->map = hy_xcalloc(n + 1, sizeof *out->map);
    out->n = n;
    if (!assign_codes(chars, n, out->map)) {
        snprintf(err, err_cap, "too many characters above U+FFFF in one font");
        return false;
    }
    hb_face_t *sub = subset_face(font, chars, n);
    if (!sub) {
        snprintf(err, err_cap, "cannot subset the font %s", font->path);
        return false;
    }
    hb_font_t *hf = hb_font_create(sub);
    hy_subset_map *byc = hy_xmalloc((n + 1) * sizeof *byc);
    memcpy(byc, out->map, n * sizeof *byc);
    qsort(byc, n, sizeof *byc, cmp_map);
    uint16_t *gids = hy_xmalloc((n + 1) * sizeof *gids);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = 0;
        if (byc[i].vs) hb_font_get_variation_glyph(hf, byc[i].cp, byc[i].vs, &g);
        else hb_font_get_nominal_glyph(hf, byc[i].cp, &g);
        gids[i] = (uint16_t)g;
    }
    hy_buf cmap = build_cmap(byc, gids, n);
    hb_blob_t *blob = with_cmap(sub, &cmap);
    bool ok = write_temp(blob, out->path, sizeof out->path);
    if (!ok) snprintf(err, err_cap, "cannot write a temporary font file in $TMPDIR");
    hb_blob_destroy(blob);
    hy_buf_free(&cmap);
    free(byc);
    free(gids);
    hb_font_destroy(hf);
    hb_face_destroy(sub);
    return ok;
}

uint16_t hy_subset_code(const hy_subset *s, uint32_t cp, uint32_t vs)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const hy_subset_map *m = &s->map[mid];
        if (m->cp < cp || (m->cp == cp && m->vs < vs)) lo = mid + 1;
        else hi = mid;
    }
    return lo < s->n && s->map[lo].cp == cp && s->map[lo].vs == vs ? s->map[lo].code : 0;
}

void hy_subset_free(hy_subset *s)
{
    if (s->path[0]) unlink(s->path);
    free(s->map);
    memset(s, 0, sizeof *s);
}
