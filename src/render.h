/* render.h — the whole pipeline for one document: load YAML → find its layout → check and bind (model) →
 * lay out → write the PDF. An engine keeps what does not change between documents (parsed
 * layouts, opened fonts and their width caches), so a batch pays for them once. */
#ifndef HY_RENDER_H
#define HY_RENDER_H

#include "boxes.h"
#include "diag.h"
#include "model.h"
#include "util.h"

#include <stdbool.h>
#include <stdint.h>

#define HY_VERSION "0.3.0"

typedef struct {
    const char *layouts_dir;   /* directory of layout files */
    const char *fonts_file;    /* fonts/fonts.yaml */
    const char *stamp;         /* --stamp */
    const char *watermark;     /* --watermark */
    int64_t epoch;             /* SOURCE_DATE_EPOCH or -1 */
    bool strict;               /* --strict: a warning about the document is an error */
} hy_render_options;

enum { HY_OK = 0, HY_ERR_OUTPUT = 1, HY_ERR_INPUT = 2 };

typedef struct hy_engine hy_engine;

hy_engine *hy_engine_new(const hy_render_options *opt);
void hy_engine_free(hy_engine *e);

/* Renders `in` to `out` (or only checks it when out is NULL). Returns HY_OK, HY_ERR_INPUT
 * (the document or its layout has errors; nothing was written) or HY_ERR_OUTPUT. Pages is
 * set to the page count when not NULL. */
int hy_engine_render(hy_engine *e, const char *in, const char *out, hy_diags *d, int *pages);

/* A document laid out and not written: its bound model and its pages. */
typedef struct {
    hy_model *model;       /* the items in layout order, with their values and names */
    hy_boxes boxes;        /* pages, bookmarks, and boxes.anchors[item->id]: where each item
                              was drawn (first and last page, top and bottom y) */
} hy_document;

/* Loads, checks, binds and lays out `in`, writing nothing, and hands back the laid-out
 * document. Returns HY_OK with a new document in *out (free with hy_document_free), or
 * HY_ERR_INPUT with located errors and *out NULL. The document borrows the engine's layout
 * (model->form): free it before the engine, and before the engine loads more than its cache
 * of layouts (8 kinds). */
int hy_engine_document(hy_engine *e, const char *in, hy_document **out, hy_diags *d);
void hy_document_free(hy_document *doc);

/* The same from YAML bytes in memory to PDF bytes in memory (pdf may be NULL: check only).
 * `name` is the file name used in messages. */
int hy_engine_render_mem(hy_engine *e, const char *name, const char *data, size_t len, hy_buf *pdf,
                         hy_diags *d, int *pages);

/* What the last document this engine rendered read besides itself: its layout file and the
 * layouts directory's table of kinds, the fonts configuration, how each font family resolved,
 * the font files; one `KIND DIGEST NAME` line each (deps.h). Borrowed until the next render;
 * empty before the first success. Written when first asked (the families are resolved
 * then, not during the render). The batch keeps it in its state. */
const char *hy_engine_deps(hy_engine *e);
/* True when every line of `deps` (an hy_engine_deps text, perhaps from an earlier run) still
 * holds: the files have the same digests, the families resolve to the same font files. Files
 * are digested once per engine (a batch worker asks about the same files for each document). */
bool hy_engine_deps_current(hy_engine *e, const char *deps);

/* Lays `in` out without writing a PDF and appends the laid-out pages to json (one line, see
 * layout_dump.h). For checks and debugging: `hyoka layout`. Returns as hy_engine_render. */
int hy_engine_layout(hy_engine *e, const char *in, hy_buf *json, hy_diags *d);

/* The same from YAML bytes in memory (`name` for messages), for documents read from git or
 * standard input (hyoka diff). */
int hy_engine_document_mem(hy_engine *e, const char *name, const char *data, size_t len, hy_document **out,
                         hy_diags *d);

/* Only the bound model of a document in memory, not laid out: a new model (free it with
 * hy_model_free, before the engine: it borrows the engine's layout) or NULL with located
 * errors. */
hy_model *hy_engine_model_mem(hy_engine *e, const char *name, const char *data, size_t len, hy_diags *d);

#endif
