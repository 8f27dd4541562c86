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

typedef struct {
    uint32_t cp;            /* the character as written */
    uint16_t code;          /* the 2-byte code the content stream uses (cp, or a PUA alias) */
} hy_subset_map;

typedef struct {
    char path[64];          /* the temporary subset font file */
    hy_subset_map *map;     /* sorted by cp */
    size_t n;
} hy_subset;

/* Writes a subset of font with exactly the characters cps[0..n) (sorted, unique). */
bool hy_subset_make(const hy_font *font, const uint32_t *cps, size_t n, hy_subset *out,
                    char *err, size_t err_cap);
/* The code a character is sent as (0 if it is not in the subset). */
uint16_t hy_subset_code(const hy_subset *s, uint32_t cp);
void hy_subset_free(hy_subset *s);

#endif
