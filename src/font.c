/* font.c — fontconfig lookup and FreeType metrics (see font.h). */
#include "font.h"
#include "cfg.h"
#include "util.h"
#include "yaml_load.h"

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_ADVANCES_H
#include <stdlib.h>
#include <string.h>

/* fontconfig's configuration, read once per process (see hy_fonts_init). */
static FcConfig *fc_config;

struct hy_font_face {
    FT_Library lib;
    FT_Face face;
    hb_face_t *hb;          /* the same file for HarfBuzz's subsetter, opened on first use */
};

/* Asks fontconfig for a family; accepts the answer only if it is that family (fontconfig
 * otherwise substitutes "the closest" font, which would silently change the look) and has
 * TrueType outlines, which the PDF writer embeds as CIDFontType2 (pdf_font.c). */
char *hy_font_path_copy(const char *family, int *index)
{
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    hy_fonts_init();
    FcConfigSubstitute(fc_config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *m = FcFontMatch(fc_config, pat, &res);
    char *path = NULL;
    FcChar8 *file = NULL, *fam = NULL;
    if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
        bool same = false;
        for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; i++)
            if (!strcmp((const char *)fam, family)) same = true;
        FcChar8 *fmt = NULL;
        bool truetype = FcPatternGetString(m, FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
                        !strcmp((const char *)fmt, "TrueType");
        if (same && truetype) {
            path = hy_xstrdup((const char *)file);
            if (FcPatternGetInteger(m, FC_INDEX, 0, index) != FcResultMatch) *index = 0;
        }
    }
    if (m) FcPatternDestroy(m);
    FcPatternDestroy(pat);
    return path;
}

static bool open_face(hy_font *f)
{
    f->ft = hy_xcalloc(1, sizeof *f->ft);
    if (FT_Init_FreeType(&f->ft->lib)) hy_die_oom();  /* it fails for want of memory only */
    FT_Error e = FT_New_Face(f->ft->lib, f->path, f->index, &f->ft->face);
    if (e == FT_Err_Out_Of_Memory) hy_die_oom();  /* not the font's fault (util.h) */
    if (e) return false;
    /* The PDF writer embeds TrueType outlines only (FontFile2); a CFF font would load here
     * but could not be embedded. */
    FT_ULong len = 0;
    if (FT_Load_Sfnt_Table(f->ft->face, FT_MAKE_TAG('g', 'l', 'y', 'f'), 0, NULL, &len) || !len)
        return false;
    return true;
}

static void close_face(hy_font *f)
{
    if (!f->ft) return;
    if (f->ft->hb) hb_face_destroy(f->ft->hb);
    if (f->ft->face) FT_Done_Face(f->ft->face);
    if (f->ft->lib) FT_Done_FreeType(f->ft->lib);
    free(f->ft);
    f->ft = NULL;
}

/* Adds the first installed family of the list; returns false if none is. */
static bool add_first(hy_fontset *fs, const yl_node *families, hy_buf *tried)
{
    for (size_t i = 0; families && i < families->n && fs->n < HY_MAX_FONTS; i++) {
        const char *fam = families->items[i]->str;
        hy_buf_printf(tried, "%s%s", tried->len ? ", " : "", fam);
        hy_font f = {0};
        f.path = hy_font_path_copy(fam, &f.index);
        if (f.path && open_face(&f)) {
            f.family = hy_xstrdup(fam);
            fs->fonts[fs->n++] = f;
            return true;
        }
        close_face(&f);
        free(f.path);
    }
    return false;
}

/* Checks the whole fonts file: a mapping of roles (and `fallback`) to lists of at most
 * HY_MAX_FONTS family names. Every mistake is reported, located; false if there was any. */
static bool check_config(const yl_doc *cfg, const char *path, hy_diags *d)
{
    cfg_ctx c = {path, "fonts", d, true};
    const yl_node *root = cfg->root;
    if (!root || root->kind != YL_MAP) {
        cfg_error(&c, root, HY_M_FONTS_SHAPE);
        return false;
    }
    for (size_t i = 0; i < root->n; i++) {
        const yl_node *k = root->items[i], *v = root->vals[i];
        if (v->kind != YL_SEQ) {
            cfg_error(&c, v, HY_M_FONTS_ROLE_NOT_LIST, k->str, k->str);
            continue;
        }
        if (v->n > HY_MAX_FONTS)
            cfg_error(&c, v, HY_M_FONTS_TOO_MANY, k->str, v->n, HY_MAX_FONTS);
        if (!v->n && strcmp(k->str, "fallback")) cfg_error(&c, v, HY_M_FONTS_NONE, k->str);
        for (size_t j = 0; j < v->n; j++) {
            const char *fam = cfg_text(&c, v->items[j], "a font family name");
            if (fam && !*fam) cfg_error(&c, v->items[j], HY_M_FONTS_EMPTY_NAME);
        }
    }
    return c.ok;
}

bool hy_fonts_load(hy_fontset *fs, const char *config_path, const char *role, hy_diags *d)
{
    memset(fs, 0, sizeof *fs);
    yl_doc cfg;
    if (!yl_load_regular(config_path, &cfg, d) || !check_config(&cfg, config_path, d)) {
        yl_free(&cfg);
        return false;
    }
    hy_fonts_init();
    hy_buf tried = {0};
    const yl_node *primary = yl_get(cfg.root, role);
    bool ok = true;
    if (!primary || !strcmp(role, "fallback")) {
        hy_buf roles = {0};
        for (size_t i = 0; i < cfg.root->n; i++)
            if (strcmp(cfg.root->items[i]->str, "fallback"))
                hy_buf_printf(&roles, "%s%s", roles.len ? ", " : "", cfg.root->items[i]->str);
        hy_diag_msg(d, config_path, cfg.root->line, cfg.root->col, HY_M_FONT_NO_ROLE, role,
                    roles.data ? roles.data : hy_msg(HY_M_NONE_WORD));
        hy_buf_free(&roles);
        ok = false;
    } else if (!add_first(fs, primary, &tried)) {
        hy_oom_probe();  /* fontconfig and FreeType do not always say why they failed */
        hy_diag_msg(d, config_path, primary->line, primary->col, HY_M_FONT_NOT_INSTALLED, role,
                    tried.data ? tried.data : hy_msg(HY_M_NONE_WORD));
        ok = false;
    }
    const yl_node *fb = yl_get(cfg.root, "fallback");
    for (size_t i = 0; ok && fb && i < fb->n && fs->n_pending < HY_MAX_FONTS - 1; i++) {
        if (!strcmp(fb->items[i]->str, fs->fonts[0].family)) continue;
        fs->pending[fs->n_pending++] = hy_xstrdup(fb->items[i]->str);
        hy_buf_printf(&tried, ", %s", fb->items[i]->str);
    }
    fs->tried = tried.data ? tried.data : hy_xstrdup("");
    yl_free(&cfg);
    return ok;
}

void hy_fonts_free(hy_fontset *fs)
{
    for (int i = 0; i < fs->n; i++) {
        close_face(&fs->fonts[i]);
        free(fs->fonts[i].path);
        free(fs->fonts[i].family);
    }
    for (size_t i = 0; i < sizeof fs->pages / sizeof *fs->pages; i++) free(fs->pages[i]);
    for (int i = 0; i < fs->n_pending; i++) free(fs->pending[i]);
    free(fs->tried);
    memset(fs, 0, sizeof *fs);
}

/* The system configuration (fonts.conf, or $FONTCONFIG_FILE) and its fonts. Not FcInit():
 * fontconfig 2.14's FcInit also parses every file of conf.avail, the configurations that are
 * installed but not enabled, only to know their descriptions; that was a fifth of the time of
 * rendering one document in a fresh process, and it changes no match. */
struct hb_face_t *hy_font_hb_face(const hy_font *f)
{
    if (!f->ft) return NULL;
    if (!f->ft->hb) {
        hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->path);
        if (!blob) return NULL;
        f->ft->hb = hb_face_create(blob, (unsigned)f->index);
        hb_blob_destroy(blob);
    }
    return f->ft->hb;
}

bool hy_fonts_init(void)
{
    if (fc_config) return true;
    FcConfig *c = FcConfigCreate();
    FcChar8 *file = c ? FcConfigGetFilename(c, NULL) : NULL;  /* $FONTCONFIG_FILE or fonts.conf */
    if (!file || !FcConfigParseAndLoad(c, file, FcTrue) || !FcConfigBuildFonts(c)) {
        /* No usable configuration file: fontconfig's own loader, with its built-in fallback. */
        if (c) FcConfigDestroy(c);
        c = FcInitLoadConfigAndFonts();
    }
    FcStrFree(file);
    fc_config = c;
    return c != NULL;
}

void hy_fonts_shutdown(void)
{
    if (fc_config) FcConfigDestroy(fc_config);
    fc_config = NULL;
    FcFini();
}

static int32_t measure(hy_font *f, FT_UInt gid)
{
    FT_Fixed adv = 0;
    FT_Get_Advance(f->ft->face, gid, FT_LOAD_NO_SCALE, &adv);
    return (int32_t)(adv * 1000 / f->ft->face->units_per_EM);
}

/* Opens the next fallback family that is installed; false when none is left. Fallbacks are
 * opened on demand: most documents need none of them, and a large font (IPAmj明朝 has 60 000
 * glyphs) costs time to open. */
static bool open_next_fallback(hy_fontset *fs)
{
    while (fs->next_pending < fs->n_pending && fs->n < HY_MAX_FONTS) {
        yl_node name = {.kind = YL_SCALAR, .str = fs->pending[fs->next_pending++]};
        yl_node *item = &name;
        yl_node one = {.kind = YL_SEQ, .n = 1, .items = &item};
        hy_buf ignored = {0};
        bool ok = add_first(fs, &one, &ignored);
        hy_buf_free(&ignored);
        if (ok) return true;
    }
    return false;
}

int hy_font_pick(hy_fontset *fs, uint32_t cp, int32_t *w1000)
{
    if (cp > 0x10FFFF) return -1;
    uint32_t **page = &fs->pages[cp >> 8];
    if (*page && (*page)[cp & 0xFF]) {
        uint32_t e = (*page)[cp & 0xFF];
        *w1000 = (int32_t)(e & 0xFFFF);
        return (int)(e >> 16) - 1;
    }
    for (int i = 0; i < fs->n || open_next_fallback(fs); i++) {
        FT_UInt gid = FT_Get_Char_Index(fs->fonts[i].ft->face, cp);
        if (!gid) continue;
        *w1000 = measure(&fs->fonts[i], gid);
        if (!*page) *page = hy_xcalloc(256, sizeof **page);
        (*page)[cp & 0xFF] = (uint32_t)(i + 1) << 16 | (uint32_t)(*w1000 & 0xFFFF);
        return i;
    }
    return -1;
}

int hy_font_pick_variant(hy_fontset *fs, uint32_t cp, uint32_t vs, int32_t *w1000)
{
    for (int i = 0; i < fs->n || open_next_fallback(fs); i++) {
        FT_UInt gid = FT_Face_GetCharVariantIndex(fs->fonts[i].ft->face, cp, vs);
        if (!gid) continue;
        *w1000 = measure(&fs->fonts[i], gid);
        return i;
    }
    return -1;
}
