/* subset.h — makes a subset of a TrueType font holding only the glyphs a document uses,
 * with HarfBuzz's subsetter, and gives characters above U+FFFF a private-use alias.
 *
 * Why: libharu 2.3.0 embeds nearly the whole font (170–260 KB per font even for one line)
 * and turns every character above U+FFFF into a space (research/libharu-notes.md #2, #3).
 * The subset font is written to a temporary file (libharu loads fonts only from files); its
 * cmap is rebuilt so that each such character is also reachable through a code point of the
 * Private Use Area, which libharu can encode. The PDF writer sends the alias and writes the
 * real character into the ToUnicode map, so the text extracts correctly. */
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

typedef struct {
    uint32_t cp, vs;        /* the character as written */
    uint16_t code;          /* the 2-byte code the content stream uses (cp, or a PUA alias) */
} hy_subset_map;

typedef struct {
    char path[64];          /* the temporary subset font file */
    hy_subset_map *map;     /* sorted by (cp, vs) */
    size_t n;
} hy_subset;

/* Writes a subset of font with exactly the characters chars[0..n) (sorted by (cp, vs), unique).
 * Characters above U+FFFF and variation sequences get private-use aliases. */
bool hy_subset_make(const hy_font *font, const hy_char *chars, size_t n, hy_subset *out,
                    char *err, size_t err_cap);
/* The code a character (vs = 0) or a variation sequence is sent as (0 if not in the subset). */
uint16_t hy_subset_code(const hy_subset *s, uint32_t cp, uint32_t vs);
/* Is cp a variation selector? */
bool hy_is_variation_selector(uint32_t cp);
void hy_subset_free(hy_subset *s);

#endif
