/* font.h — the fonts of one rendering: found through fontconfig from fonts/fonts.yaml,
 * measured with FreeType. Owns the answer to "which font draws this character, and how wide
 * is it?" — layout asks, the PDF writer only reads the chosen font's file path.
 *
 * Widths are in 1/1000 em, truncated (advance * 1000 / units_per_em), the same numbers the PDF
 * font's /W array carries (subset.c), so that text placed by our layout and glyphs advanced by
 * a reader inside one string never drift apart (research/libharu-notes.md #9). */
#ifndef HY_FONT_H
#define HY_FONT_H

#include "diag.h"

#include <stdbool.h>
#include <stdint.h>

#define HY_MAX_FONTS 8

typedef struct hy_font_face hy_font_face;  /* FreeType face, private */

typedef struct {
    char *family;
    char *path;
    int index;              /* face index in a .ttc */
    hy_font_face *ft;
} hy_font;

typedef struct {
    hy_font fonts[HY_MAX_FONTS];  /* [0] is the primary font, then the fallbacks */
    int n;
    uint32_t *pages[0x1100];      /* cache per 256 code points: (font+1) << 16 | width */
    char *pending[HY_MAX_FONTS];  /* fallback families not opened yet, in order */
    int n_pending, next_pending;
    char *tried;                  /* "BIZ UDGothic, IPAexGothic, …" for messages */
} hy_fontset;

/* The file of an installed TrueType font of exactly that family (fontconfig would otherwise
 * answer with a substitute), or NULL. Caller frees. */
char *hy_font_path_copy(const char *family, int *index);

/* Loads the role's primary font; the fallbacks named in the fonts config file are opened the
 * first time a character is missing from the fonts already open. */
bool hy_fonts_load(hy_fontset *fs, const char *config_path, const char *role, hy_diags *d);
void hy_fonts_free(hy_fontset *fs);
/* Reads fontconfig's configuration now (a batch does it once, before forking workers). */
bool hy_fonts_init(void);
/* Releases fontconfig's caches once no fontset is in use (a clean exit for leak checkers). */
void hy_fonts_shutdown(void);

/* The font as a HarfBuzz face, for the subsetter: opened on the first call and kept with the
 * font, so that a batch worker reads and checks each font file's tables once, not once per
 * document. NULL if the file cannot be read. Owned by the font. */
struct hb_face_t *hy_font_hb_face(const hy_font *f);

/* Which font draws cp (0 = primary), with its width in 1/1000 em; -1 if no font has it. */
int hy_font_pick(hy_fontset *fs, uint32_t cp, int32_t *w1000);
/* Which font draws the variation sequence cp + vs (an ideographic variation sequence), with
 * the width of its glyph; -1 if no font has that variant. */
int hy_font_pick_variant(hy_fontset *fs, uint32_t cp, uint32_t vs, int32_t *w1000);

#endif
