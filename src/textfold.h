/* textfold.h — Unicode text as the writer meant it: NFC on load, and the folded form used to
 * match what a writer typed against the form's own wording (keys, options, checkbox items).
 * Normalisation is utf8proc's (Unicode 15 tables); nothing here holds a hand-made table except
 * the two small ranges named below. */
#ifndef HY_TEXTFOLD_H
#define HY_TEXTFOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* `s` (len bytes of valid UTF-8) in Unicode Normalization Form C, as a new NUL-terminated
 * string (caller frees); *out_len gets its length in bytes. Decomposed kana (ト + U+3099) and
 * accents (e + U+0301) become their composed characters. CJK compatibility ideographs
 * (U+F900–U+FAFF, U+2F800–U+2FA1F) are kept as written: NFC would replace them by their unified
 * ideographs, a different glyph of a name. Returns NULL only if s is not valid UTF-8. */
char *tf_nfc(const char *s, size_t len, size_t *out_len);

/* The folded form of `s` used for matching (caller frees): NFKC (full-width letters, digits,
 * parentheses, `：` and U+3000 to their ASCII forms; half-width kana to full-width; `Ⅲ` to
 * `III`; `①` to `1`), white space removed, and a copied leading checkbox (`[ ]`, `[○]`, `［〇］`)
 * or item number (`1)`, `(1)`, `①`) removed. Two texts that fold equal name the same item. */
char *tf_fold(const char *s);

/* True if a and b fold equal (see tf_fold). */
bool tf_same(const char *a, const char *b);

/* True for a character whose East Asian Width is Fullwidth, Wide or Halfwidth and that is not
 * Hangul: the characters between which CSS Text 3 §4.1.2 removes a segment break. */
bool tf_segment_break_removed_between(uint32_t before, uint32_t after);

#endif
