/* render.c — one document through the pipeline (see render.h). */
#include "render.h"

#include "boxes.h"
#include "canon.h"
#include "deps.h"
#include "font.h"
#include "form.h"
#include "layout_def.h"
#include "layout_dir.h"
#include "layout_dump.h"
#include "match.h"
#include "model.h"
#include "pdf_out.h"
#include "model_check.h"
#include "placeholder.h"
#include "yaml_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_CACHED 8

struct hy_engine {
    hy_render_options opt;
    lay_form layouts[MAX_CACHED];
    uint64_t layout_digest[MAX_CACHED], kinds_digest[MAX_CACHED];  /* taken before each was read */
    int n_layouts;
    hy_fontset *fonts[MAX_CACHED];
    uint64_t fonts_digest[MAX_CACHED];
    const char *font_roles[MAX_CACHED];
    int n_fonts;
    hy_buf deps;            /* what the last document read (deps.h lines) */
    int deps_layout, deps_fonts;  /* its layout and fontset, until deps is written (-1: none) */
    hy_deps_memo memo;      /* digests of files as this process first saw them */
};

hy_engine *hy_engine_new(const hy_render_options *opt)
{
    hy_engine *e = hy_xcalloc(1, sizeof *e);
    e->opt = *opt;
    e->deps_layout = e->deps_fonts = -1;
    return e;
}

void hy_engine_free(hy_engine *e)
{
    if (!e) return;
    for (int i = 0; i < e->n_layouts; i++) {
        free((char *)e->layouts[i].path);
        lay_free(&e->layouts[i]);
    }
    for (int i = 0; i < e->n_fonts; i++) {
        hy_fonts_free(e->fonts[i]);
        free(e->fonts[i]);
    }
    if (e->n_fonts) hy_fonts_shutdown();
    hy_buf_free(&e->deps);
    hy_deps_memo_free(&e->memo);
    free(e);
}

/* Says why no layout has the document's kind: an unreadable directory, or a misspelt kind. */
static void unknown_kind(const hy_engine *e, const hy_text *kind, const char *file, hy_diags *d)
{
    hy_vec kinds = {0};
    if (!lay_kinds(e->opt.layouts_dir, &kinds)) {
        hy_diag_msg(d, file, kind->line, kind->col, HY_M_FORM_NO_DIR, HY_KEY_FORM, kind->s, e->opt.layouts_dir);
        return;
    }
    hy_buf known = {0};
    for (size_t i = 0; i < kinds.n; i++) hy_buf_printf(&known, "%s%s", i ? ", " : "", (char *)kinds.items[i]);
    const char *near = hy_match_suggest(&kinds, kind->s);
    const char *all = known.data ? known.data : hy_msg(HY_M_NONE_WORD);
    if (near)
        hy_diag_msg(d, file, kind->line, kind->col, HY_M_FORM_UNKNOWN_DYM, HY_KEY_FORM, kind->s, e->opt.layouts_dir,
                    near, all);
    else
        hy_diag_msg(d, file, kind->line, kind->col, HY_M_FORM_UNKNOWN, HY_KEY_FORM, kind->s, e->opt.layouts_dir, all);
    for (size_t i = 0; i < kinds.n; i++) free(kinds.items[i]);
    hy_vec_free(&kinds);
    hy_buf_free(&known);
}

/* The layout for a document's 様式, loaded once per engine. */
static const lay_form *get_layout(hy_engine *e, const hy_text *kind, const char *file, hy_diags *d)
{
    for (int i = 0; i < e->n_layouts; i++)
        if (!strcmp(e->layouts[i].kind, kind->s)) return &e->layouts[i];
    uint64_t kinds = hy_deps_kinds_digest(e->opt.layouts_dir);
    char *path = lay_path_copy(e->opt.layouts_dir, kind->s);
    if (!path) {
        unknown_kind(e, kind, file, d);
        return NULL;
    }
    if (e->n_layouts == MAX_CACHED) {
        if (e->deps_layout == 0) hy_engine_deps(e);  /* written before its layout goes */
        else if (e->deps_layout > 0) e->deps_layout--;
        free((char *)e->layouts[0].path);
        lay_free(&e->layouts[0]);
        memmove(&e->layouts[0], &e->layouts[1], (MAX_CACHED - 1) * sizeof e->layouts[0]);
        memmove(&e->layout_digest[0], &e->layout_digest[1], (MAX_CACHED - 1) * sizeof e->layout_digest[0]);
        memmove(&e->kinds_digest[0], &e->kinds_digest[1], (MAX_CACHED - 1) * sizeof e->kinds_digest[0]);
        e->n_layouts--;
    }
    lay_form *f = &e->layouts[e->n_layouts];
    e->layout_digest[e->n_layouts] = hy_deps_file_digest(path);
    e->kinds_digest[e->n_layouts] = kinds;
    if (!lay_load(path, f, d)) {
        lay_free(f);
        free(path);
        return NULL;
    }
    e->n_layouts++;
    return f;
}

static hy_fontset *get_fonts(hy_engine *e, const char *role, hy_diags *d)
{
    for (int i = 0; i < e->n_fonts; i++)
        if (!strcmp(e->font_roles[i], role)) return e->fonts[i];
    if (e->n_fonts == MAX_CACHED) return NULL;
    hy_fontset *fs = hy_xcalloc(1, sizeof *fs);
    e->fonts_digest[e->n_fonts] = hy_deps_file_digest(e->opt.fonts_file);
    if (!hy_fonts_load(fs, e->opt.fonts_file, role, d)) {
        hy_fonts_free(fs);
        free(fs);
        return NULL;
    }
    e->fonts[e->n_fonts] = fs;
    e->font_roles[e->n_fonts++] = role;
    return fs;
}

/* Notes what the document just rendered read; hy_engine_deps writes it out when asked, so a
 * render that nobody asks (hyoka render) does not resolve every font family again. */
static void record_deps(hy_engine *e, const lay_form *form, const hy_fontset *fs)
{
    int fi = 0;
    while (fi < e->n_fonts && e->fonts[fi] != fs) fi++;
    e->deps_layout = (int)(form - e->layouts);
    e->deps_fonts = fi < e->n_fonts ? fi : -1;
    e->deps.len = 0;
    hy_buf_add(&e->deps, NULL, 0);
}

/* Writes the deps lines (see deps.h): the layout and the table of kinds that chose it, the
 * fonts configuration, every family the role names (as fontconfig resolves it), and the font
 * files opened. */
static void write_deps(hy_engine *e)
{
    int li = e->deps_layout, fi = e->deps_fonts;
    const lay_form *form = &e->layouts[li];
    hy_deps_add(&e->deps, "layout", e->layout_digest[li], form->path);
    hy_deps_add(&e->deps, "kinds", e->kinds_digest[li], e->opt.layouts_dir);
    hy_deps_add(&e->deps, "fonts", fi >= 0 ? e->fonts_digest[fi] : 0, e->opt.fonts_file);
    if (fi < 0) return;
    const hy_fontset *fs = e->fonts[fi];
    for (const char *s = fs->tried; s && *s;) {  /* "BIZ UDGothic, IPAexGothic, …" */
        size_t n = strcspn(s, ",");
        char *family = hy_xasprintf("%.*s", (int)n, s);
        uint64_t h = 0;
        hy_deps_memo_get(&e->memo, "family", family, &h);
        hy_deps_add(&e->deps, "family", h, family);
        free(family);
        s += n;
        s += strspn(s, ", ");
    }
    for (int i = 0; i < fs->n; i++) {
        uint64_t h = 0;
        hy_deps_memo_get(&e->memo, "font", fs->fonts[i].path, &h);
        hy_deps_add(&e->deps, "font", h, fs->fonts[i].path);
    }
}

/* Layout lookup, check and bind, layout: the model into *model and the pages into *boxes
 * (which the caller frees in any case), the fonts used into *fonts. */
static int layout_doc(hy_engine *e, yl_doc *doc, hy_model **model, hy_boxes *boxes, hy_fontset **fonts,
                      hy_diags *d)
{
    hy_text kind;
    const lay_form *form = hy_model_form_name(doc, &kind, d) ? get_layout(e, &kind, doc->file, d) : NULL;
    /* the writer's spellings to the form's (canon.h), then check and bind */
    if (!form || !hy_canon(form, doc, d) || !(*model = hy_model_new(form, doc, d))) return HY_ERR_INPUT;
    hy_placeholders_warn(*model, d);
    hy_model_check(*model, d);
    if (e->opt.strict && hy_diags_promote(d)) return HY_ERR_INPUT;
    if (!(*fonts = get_fonts(e, form->font_role, d))) return HY_ERR_INPUT;
    hy_form_options fo = {e->opt.stamp, e->opt.watermark, NULL};
    if (!hy_form_layout(*model, *fonts, &fo, boxes, d)) return HY_ERR_INPUT;
    record_deps(e, form, *fonts);
    return HY_OK;
}

/* The file of the last rendering's deps (its layout, the fonts configuration, a font file) that
 * `out` names (same device and inode), or NULL: the PDF must never replace what it was made
 * from. Kinds with a directory as their name ("kinds") never match a regular file. */
static const char *out_is_dep(hy_engine *e, const char *out, char *buf, size_t cap)
{
    struct stat o, s;
    if (stat(out, &o) != 0 || !S_ISREG(o.st_mode)) return NULL;
    hy_engine_deps(e);  /* written now (only when out already exists) */
    if (!e->deps.data) return NULL;
    for (const char *l = e->deps.data; *l;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        const char *sp = memchr(l, ' ', n);
        sp = sp ? memchr(sp + 1, ' ', n - (size_t)(sp + 1 - l)) : NULL;  /* KIND DIGEST NAME */
        if (sp && (size_t)(l + n - (sp + 1)) < cap) {
            snprintf(buf, cap, "%.*s", (int)(l + n - (sp + 1)), sp + 1);
            if (stat(buf, &s) == 0 && S_ISREG(s.st_mode) && s.st_dev == o.st_dev && s.st_ino == o.st_ino) return buf;
        }
        l += n + (nl != NULL);
    }
    return NULL;
}

/* Everything after loading: layout, then output (to `out` if not NULL, else into `mem` if not
 * NULL, else nowhere; the laid-out pages as JSON into `dump`). */
static int render_doc(hy_engine *e, yl_doc *doc, const char *out, hy_buf *mem, hy_buf *dump, hy_diags *d,
                      int *pages)
{
    hy_boxes boxes = {0};
    hy_model *model = NULL;
    hy_fontset *fonts = NULL;
    int rc = layout_doc(e, doc, &model, &boxes, &fonts, d);
    if (rc == HY_OK) {
        if (pages) *pages = (int)boxes.n_pages;
        if (dump) hy_layout_dump(&boxes, doc->file, dump);
        hy_pdf_options po = {e->opt.epoch, "hyoka " HY_VERSION};
        char dep[4096];
        if (out && out_is_dep(e, out, dep, sizeof dep)) {
            hy_diag_msg(d, out, 0, 0, HY_M_OUTPUT_IS_DEP, dep);
            rc = HY_ERR_INPUT;
            out = NULL;
            mem = NULL;
        }
        if (out && !hy_pdf_write(&boxes, fonts, &po, out, d)) rc = HY_ERR_OUTPUT;
        if (!out && mem && !hy_pdf_write_mem(&boxes, fonts, &po, mem, d)) rc = HY_ERR_OUTPUT;
    }
    hy_boxes_free(&boxes);
    hy_model_free(model);
    return rc;
}

/* The laid-out document of a loaded YAML document (freed here). */
static int layout_loaded(hy_engine *e, yl_doc doc, hy_document **out, hy_diags *d)
{
    hy_document *ld = hy_xcalloc(1, sizeof *ld);
    hy_fontset *fonts = NULL;
    int rc = layout_doc(e, &doc, &ld->model, &ld->boxes, &fonts, d);
    yl_free(&doc);  /* the model holds copies of the document's texts */
    if (rc != HY_OK) hy_document_free(ld);
    else *out = ld;
    return rc;
}

int hy_engine_document(hy_engine *e, const char *in, hy_document **out, hy_diags *d)
{
    yl_doc doc;
    *out = NULL;
    if (!yl_load_file(in, &doc, d)) {
        yl_free(&doc);
        return HY_ERR_INPUT;
    }
    return layout_loaded(e, doc, out, d);
}

int hy_engine_document_mem(hy_engine *e, const char *name, const char *data, size_t len, hy_document **out,
                           hy_diags *d)
{
    yl_doc doc;
    *out = NULL;
    if (!yl_load_mem(name, data, len, &doc, d)) {
        yl_free(&doc);
        return HY_ERR_INPUT;
    }
    return layout_loaded(e, doc, out, d);
}

void hy_document_free(hy_document *ld)
{
    if (!ld) return;
    hy_boxes_free(&ld->boxes);
    hy_model_free(ld->model);
    free(ld);
}

int hy_engine_render(hy_engine *e, const char *in, const char *out, hy_diags *d, int *pages)
{
    yl_doc doc;
    if (pages) *pages = 0;
    char *name = hy_diag_escape(in);
    hy_oom_context(name);  /* an allocation failure names the document */
    int rc = yl_load_file(in, &doc, d) ? render_doc(e, &doc, out, NULL, NULL, d, pages) : HY_ERR_INPUT;
    yl_free(&doc);
    hy_oom_context(NULL);
    free(name);
    return rc;
}

int hy_engine_render_mem(hy_engine *e, const char *name, const char *data, size_t len, hy_buf *pdf,
                         hy_diags *d, int *pages)
{
    yl_doc doc;
    if (pages) *pages = 0;
    char *shown = hy_diag_escape(name);
    hy_oom_context(shown);
    int rc = yl_load_mem(name, data, len, &doc, d) ? render_doc(e, &doc, NULL, pdf, NULL, d, pages) : HY_ERR_INPUT;
    yl_free(&doc);
    hy_oom_context(NULL);
    free(shown);
    return rc;
}

int hy_engine_layout(hy_engine *e, const char *in, hy_buf *json, hy_diags *d)
{
    yl_doc doc;
    int rc = yl_load_file(in, &doc, d) ? render_doc(e, &doc, NULL, NULL, json, d, NULL) : HY_ERR_INPUT;
    yl_free(&doc);
    return rc;
}

const char *hy_engine_deps(hy_engine *e)
{
    if (e->deps_layout >= 0) {
        write_deps(e);
        e->deps_layout = -1;
    }
    return e->deps.data ? e->deps.data : "";
}

bool hy_engine_deps_current(hy_engine *e, const char *deps)
{
    return hy_deps_current(&e->memo, deps);
}

/* ---- for hyoka diff ------------------------------------------------------------------- */

hy_model *hy_engine_model_mem(hy_engine *e, const char *name, const char *data, size_t len, hy_diags *d)
{
    yl_doc doc;
    hy_model *m = NULL;
    hy_text kind;
    if (yl_load_mem(name, data, len, &doc, d) && hy_model_form_name(&doc, &kind, d)) {
        const lay_form *form = get_layout(e, &kind, doc.file, d);
        if (form && hy_canon(form, &doc, d)) m = hy_model_new(form, &doc, d);
    }
    yl_free(&doc);
    return m;
}
