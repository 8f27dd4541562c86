/* subset.h — makes a subset of a TrueType font holding only the glyphs a document uses
 * (HarfBuzz's subsetter), and says which glyph of the subset draws each character.
 *
 * Why our own subset: libharu 2.3.0 embeds nearly the whole font (170–260 KB per font even
 * for one line), turns every character above U+FFFF into a space, and spends a large part of
 * a document's time re-reading the font it embeds (research/libharu-notes.md #2, #3; docs/
 * batch.md). The PDF writer therefore embeds this subset itself, as a CIDFontType2 with one
 * CID per character: character i of the map is CID i + 1, whatever its code point (above
 * U+FFFF too) and even when two characters share a glyph (葛 and 葛 U+E0100 often do), so that
 * the ToUnicode map can give each one back exactly. */
#ifndef HY_SUBSET_H
#define HY_SUBSET_H

#include "font.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A character as drawn: a code point, or a code point with a variation selector (an
 * ideographic variation sequence such as 葛 U+845B + U+E0100, for variant kanji in names). */
typedef struct {
    uint32_t cp;
    uint32_t vs;            /* 0, or U+FE00–FE0F / U+E0100–E01EF */
} hy_char;

/* Reads the character at s[0..len): a code point, with the variation selector that follows
 * it if any. Returns the bytes read, 0 at the end or at invalid UTF-8. */
size_t hy_char_next(const char *s, size_t len, hy_char *c);

typedef struct {
    uint32_t cp, vs;        /* the character as written */
    uint16_t gid;           /* its glyph in the subset */
} hy_subset_map;

typedef struct {
    unsigned char *data;    /* the subset font program (a TrueType file) */
    size_t size;
    hy_subset_map *map;     /* one entry per character, sorted by (cp, vs); map[i] is CID i+1 */
    size_t n;
    uint16_t *bmp_cid;      /* CID of each plain BMP character (0: not in the subset) */
    uint16_t *widths;       /* advance of each subset glyph in 1/1000 em, truncated as layout
                               measured it (font.h) */
    unsigned n_glyphs;
    char name[80];          /* PostScript name with a subset tag: "ABCDEF+BIZUDGothic-Regular" */
    /* For the font descriptor, in 1/1000 em. */
    int ascent, descent, cap_height, bbox[4], stem_v;
} hy_subset;

/* Makes the subset of font with exactly the characters chars[0..n) (sorted by (cp, vs),
 * unique, every one present in the font). */
bool hy_subset_make(const hy_font *font, const hy_char *chars, size_t n, hy_subset *out,
                    char *err, size_t err_cap);
/* The CID of a character (vs = 0) or a variation sequence; 0 (.notdef) if the character is
 * not in the subset. */
uint16_t hy_subset_cid(const hy_subset *s, uint32_t cp, uint32_t vs);
/* Is cp a variation selector? */
bool hy_is_variation_selector(uint32_t cp);
void hy_subset_free(hy_subset *s);

#endif
