/* deps.h — what a rendering read besides the document: the layout file, the layouts
 * directory's table of kinds (which file a 様式 picks), the fonts configuration, how each font
 * family named there resolved (fontconfig), and the font files drawn with; each recorded as
 * one line `KIND DIGEST NAME` (DIGEST: 16 hex digits of FNV-1a 64):
 *
 *     layout 1f0c…  layouts/juten.yaml         the bytes of the layout file
 *     kinds 77a1…   layouts                    the kind of every *.yaml there, in name order
 *     fonts 0b3e…   fonts/fonts.yaml           the bytes of the fonts configuration
 *     family 5d2a…  IPAexGothic                the file and face fontconfig gives (or none)
 *     font 9c41…    /usr/share/fonts/…/x.ttf   device, inode, size and time of the font file
 *
 * The engine records these (render.h: hy_engine_deps) and can tell later whether any of them
 * changed (hy_engine_deps_current), so a caller such as the batch's incremental rule never
 * needs to know how layouts and fonts are found. A digest is taken before the file is used,
 * so a change during a rendering shows as a difference the next time, never as a match. */
#ifndef HY_DEPS_H
#define HY_DEPS_H

#include "util.h"

#include <stdbool.h>
#include <stdint.h>

/* FNV-1a 64 of a regular file's bytes (at most YL_MAX_INPUT_BYTES); 0 when it cannot be read. */
uint64_t hy_deps_file_digest(const char *path);
/* FNV-1a 64 of a file's identity (device, inode, size, modification time); 0 if it is absent. */
uint64_t hy_deps_file_signature(const char *path);
/* FNV-1a 64 of the kinds of the layouts in dir (lay_kinds), in file-name order. */
uint64_t hy_deps_kinds_digest(const char *dir);
/* FNV-1a 64 of the file and face index fontconfig gives for a family (hy_font_path_copy). */
uint64_t hy_deps_family_digest(const char *family);

/* Appends `kind digest name\n` to out (a name holding a line break is recorded as a line that
 * never matches, so the rendering always counts as changed). */
void hy_deps_add(hy_buf *out, const char *kind, uint64_t digest, const char *name);

/* Digests computed once per process and kept: a batch worker asks about the same files for
 * every document. Owned by the engine. */
typedef struct {
    hy_vec keys;      /* "kind\tname" strings */
    uint64_t *values;
} hy_deps_memo;

/* The digest of one dependency (kind as in the lines above) as this process first saw it;
 * false for an unknown kind. */
bool hy_deps_memo_get(hy_deps_memo *memo, const char *kind, const char *name, uint64_t *h);
/* True when every line of `text` (as hy_deps_add wrote them) still holds. */
bool hy_deps_current(hy_deps_memo *memo, const char *text);
void hy_deps_memo_free(hy_deps_memo *memo);

#endif
