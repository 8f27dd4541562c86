/* pdf_out.c — hy_boxes → PDF through libharu (see pdf_out.h). */
#define _GNU_SOURCE  /* memfd_create */
#include "pdf_out.h"
#include "outfile.h"
#include "era.h"
#include "content.h"
#include "pdf_archive.h"
#include "pdf_pack.h"
#include "pdf_font.h"
#include "pdf_stream.h"
#include "pdf_struct.h"
#include "subset.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* libharu reports errors through a callback and then refuses every later call; we keep the
 * first error and check it at the end (no longjmp). */
typedef struct {
    HPDF_STATUS error, detail;
} harness;

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    if (error == HPDF_FAILD_TO_ALLOC_MEM) hy_die_oom();  /* as for our own allocations (util.h) */
    harness *h = user;
    if (!h->error) {
        h->error = error;
        h->detail = detail;
    }
}

/* libharu's memory: through hy_xmalloc, so that running out of it ends like any other
 * allocation failure (util.h) — libharu's internal calls do not all check for NULL. */
static void *harness_alloc(HPDF_UINT size)
{
    return hy_xmalloc(size);
}

static void harness_free(void *p)
{
    free(p);
}

/* ---- fonts: one subset per font the document uses ----------------------------------- */

typedef struct {
    HPDF_Dict font;         /* the Type0 font object, NULL if the document does not use it */
    hy_subset subset;
} pdf_font;

/* Calls fn for every character drawn with font f, a variation sequence counting as one. */
static void each_char(const hy_boxes *b, int f, void (*fn)(void *, hy_char), void *ctx)
{
    for (size_t p = 0; p < b->n_pages; p++)
        for (size_t t = 0; t < b->pages[p].n_texts; t++) {
            const hy_textbox *tb = &b->pages[p].texts[t];
            if (tb->font != f) continue;
            hy_char c;
            for (size_t i = 0, len = strlen(tb->utf8), k; (k = hy_char_next(tb->utf8 + i, len - i, &c)); i += k)
                fn(ctx, c);
        }
}

typedef struct {
    uint64_t *seen;         /* a bit per plain code point */
    size_t n;
    hy_vec seqs;            /* variation sequences, rare: each a boxed hy_char */
} char_set;

static void add_char(void *ctx, hy_char c)
{
    char_set *cs = ctx;
    if (c.vs) {
        for (size_t i = 0; i < cs->seqs.n; i++) {
            const hy_char *o = cs->seqs.items[i];
            if (o->cp == c.cp && o->vs == c.vs) return;
        }
        hy_char *h = hy_xmalloc(sizeof *h);
        *h = c;
        hy_vec_push(&cs->seqs, h);
        return;
    }
    if (!(cs->seen[c.cp >> 6] >> (c.cp & 63) & 1)) cs->n++;
    cs->seen[c.cp >> 6] |= (uint64_t)1 << (c.cp & 63);
}

static int cmp_char(const void *pa, const void *pb)
{
    const hy_char *a = pa, *b = pb;
    if (a->cp != b->cp) return a->cp < b->cp ? -1 : 1;
    return a->vs < b->vs ? -1 : a->vs > b->vs;
}

/* The sorted, unique characters drawn with font f (a bit per code point: a document draws
 * 10^5 characters, sorting them was a fifth of the run time). */
static hy_char *chars_of_font(const hy_boxes *b, int f, size_t *count)
{
    char_set cs = {hy_xcalloc(0x110000 / 64, sizeof *cs.seen), 0, {0}};
    each_char(b, f, add_char, &cs);
    hy_char *out = hy_xmalloc((cs.n + cs.seqs.n + 1) * sizeof *out);
    size_t k = 0;
    for (uint32_t w = 0; w < 0x110000 / 64; w++)
        for (uint64_t bits = cs.seen[w]; bits; bits &= bits - 1)
            out[k++] = (hy_char){w * 64 + (uint32_t)__builtin_ctzll(bits), 0};
    for (size_t i = 0; i < cs.seqs.n; i++) {
        out[k++] = *(hy_char *)cs.seqs.items[i];
        free(cs.seqs.items[i]);
    }
    if (cs.seqs.n) qsort(out, k, sizeof *out, cmp_char);
    hy_vec_free(&cs.seqs);
    free(cs.seen);
    *count = k;
    return out;
}

static bool load_fonts(HPDF_Doc pdf, hy_deflater *z, const hy_boxes *b, const hy_fontset *fs,
                       pdf_font *out, hy_diags *d)
{
    for (int i = 0; i < fs->n; i++) {
        size_t n;
        hy_char *chars = chars_of_font(b, i, &n);
        if (!n) {
            free(chars);
            continue;
        }
        char err[256];
        bool ok = hy_subset_make(&fs->fonts[i], chars, n, &out[i].subset, err, sizeof err);
        free(chars);
        if (!ok) {
            hy_diag_msg(d, NULL, 0, 0, HY_M_PDF_FONT_FAILED, fs->fonts[i].family, err);
            return false;
        }
        out[i].font = hy_pdf_font_new(pdf, z, &out[i].subset);
        if (!out[i].font) return false;
    }
    return true;
}

/* ---- pages ------------------------------------------------------------------------------ */

/* What drawing the pages of one document needs. */
typedef struct {
    HPDF_Doc pdf;
    hy_deflater *z;
    const pdf_font *fonts;
    hy_content_font cf[HY_MAX_FONTS];
    hy_buf ops;             /* the content of the page being drawn (buffer reused) */
    HPDF_Page page;         /* the page being drawn */
    struct {
        double alpha;
        HPDF_ExtGState gs;
    } states[4];            /* translucent graphics states, one object per alpha for all pages */
    int n_states;
    hy_pdf_id id;           /* digest of everything drawn: the trailer /ID */
    hy_content_tags tags;   /* the marked content of the page being drawn */
    hy_struct_page *marks;  /* the marked content of each page (pdf_struct.c) */
} page_writer;

/* Names the fonts page p draws with in its /Font resources: font i is /F<i+1> on every page. */
static void add_font_resources(page_writer *w, const hy_page *p)
{
    bool used[HY_MAX_FONTS] = {0};
    for (size_t i = 0; i < p->n_texts; i++)
        if (p->texts[i].utf8[0] && w->fonts[p->texts[i].font].font) used[p->texts[i].font] = true;
    HPDF_Dict dict = NULL;
    for (int i = 0; i < HY_MAX_FONTS; i++) {
        if (!used[i]) continue;
        if (!dict) {
            dict = HPDF_Dict_New(w->page->mmgr);
            HPDF_Dict_Add(HPDF_Dict_GetItem(w->page, "Resources", HPDF_OCLASS_DICT), "Font", dict);
            ((HPDF_PageAttr)w->page->attr)->fonts = dict;
        }
        HPDF_Dict_Add(dict, w->cf[i].resource, w->fonts[i].font);
    }
}

/* The resource name, on the current page, of a graphics state with fill and stroke alpha. */
static const char *gstate_name(void *ctx, double alpha)
{
    page_writer *w = ctx;
    HPDF_ExtGState gs = NULL;
    for (int i = 0; i < w->n_states && !gs; i++)
        if (w->states[i].alpha == alpha) gs = w->states[i].gs;
    if (!gs) {
        gs = HPDF_CreateExtGState(w->pdf);
        HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)alpha);
        HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)alpha);
        if (gs && w->n_states < 4) {
            w->states[w->n_states].alpha = alpha;
            w->states[w->n_states++].gs = gs;
        }
    }
    const char *name = gs ? HPDF_Page_GetExtGStateName(w->page, gs) : NULL;
    return name ? name : "GS0";  /* libharu failed: its error ends the document anyway */
}

/* Draws page p on w->page: the content stream is built by content.c and deflated here. */
static bool draw_page(page_writer *w, const hy_page *p, double page_h, hy_struct_page *marks)
{
    add_font_resources(w, p);
    w->ops.len = 0;
    hy_content_page(&w->ops, p, page_h, w->cf, gstate_name, w, &w->tags);
    hy_pdf_id_add(&w->id, w->ops.data, w->ops.len);
    marks->n = w->tags.n_mcids;
    marks->elem_of_mcid = hy_xmalloc((marks->n + 1) * sizeof *marks->elem_of_mcid);
    memcpy(marks->elem_of_mcid, w->tags.elem_of_mcid, marks->n * sizeof *marks->elem_of_mcid);
    return hy_pdf_stream_put(w->z, ((HPDF_PageAttr)w->page->attr)->contents, w->ops.data, w->ops.len);
}

/* The documents are Japanese: their dates are Japan Standard Time, UTC+9 without daylight
 * saving, written with their offset (ISO 32000-1 7.9.4: D:20250131000000+09'00'), so that a
 * reader anywhere sees the publication day the document names. */
#define JST_OFFSET_HOURS 9

static bool set_date(HPDF_Doc pdf, const hy_boxes *b, const hy_pdf_options *opt)
{
    HPDF_Date d = {0};
    if (opt && opt->epoch >= 0) {  /* SOURCE_DATE_EPOCH: that instant, on the clock in Japan */
        time_t t = (time_t)(opt->epoch + JST_OFFSET_HOURS * 3600);
        struct tm tm;
        gmtime_r(&t, &tm);
        d = (HPDF_Date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, '+',
                        JST_OFFSET_HOURS, 0};
    } else {  /* the document's date (公表日): its midnight in Japan */
        hy_date dt;
        if (!b->date || !hy_date_parse(b->date, &dt)) return true;
        d = (HPDF_Date){dt.y, dt.m, dt.d ? dt.d : 1, 0, 0, 0, '+', JST_OFFSET_HOURS, 0};
    }
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
    return true;
}

/* A PDF text string in UTF-16BE with a byte order mark, written as a hex string, so that
 * characters above U+FFFF survive (libharu's own conversion drops them). */
static HPDF_Binary text_string(HPDF_Doc pdf, const char *utf8)
{
    hy_buf b = {0};
    hy_buf_add(&b, "\xFE\xFF", 2);
    for (size_t i = 0, len = strlen(utf8); i < len;) {
        uint32_t cp;
        size_t k = hy_utf8_decode(utf8 + i, len - i, &cp);
        if (!k) break;
        i += k;
        uint16_t units[2];
        for (int u = 0, n = hy_utf16_encode(cp, units); u < n; u++) {
            unsigned char c[2] = {(unsigned char)(units[u] >> 8), (unsigned char)units[u]};
            hy_buf_add(&b, c, 2);
        }
    }
    HPDF_Binary s = HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    hy_buf_free(&b);
    return s;
}

/* The document information, as written to the Info dictionary and the XMP metadata. A
 * document without a title of its own is titled by its subject (the form's name): PDF/UA
 * requires a title (ISO 14289-1 7.1). */
static hy_pdf_meta meta_of(const hy_boxes *b, const hy_pdf_options *opt)
{
    return (hy_pdf_meta){b->title ? b->title : b->subject ? b->subject : "hyoka", b->author, b->subject,
                         opt && opt->creator ? opt->creator : "hyoka", "ja"};
}

static void set_info(HPDF_Doc pdf, const hy_boxes *b, const hy_pdf_options *opt)
{
    hy_pdf_meta m = meta_of(b, opt);
    /* Creator first: it makes libharu create the Info dictionary we then fill directly. */
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, m.creator);
    const char *keys[] = {"Title", "Author", "Subject"};
    const char *vals[] = {m.title, m.author, m.subject};
    for (int i = 0; i < 3; i++)
        if (vals[i] && pdf->info) HPDF_Dict_Add(pdf->info, keys[i], text_string(pdf, vals[i]));
    set_date(pdf, b, opt);
    /* The document is Japanese, and viewers should show its title rather than the file name. */
    HPDF_Dict root = (HPDF_Dict)pdf->catalog;
    HPDF_Dict_Add(root, "Lang", HPDF_String_New(pdf->mmgr, "ja", NULL));
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(prefs, "DisplayDocTitle", HPDF_Boolean_New(pdf->mmgr, HPDF_TRUE));
    HPDF_Dict_Add(root, "ViewerPreferences", prefs);
}

/* Bookmarks; their titles are UTF-16 text strings like the document information's. */
static void add_outline(HPDF_Doc pdf, const hy_boxes *b, HPDF_Page *pages)
{
    HPDF_Outline parent = NULL;
    for (size_t i = 0; i < b->n_marks; i++) {
        const hy_mark *m = &b->marks[i];
        HPDF_Outline o = HPDF_CreateOutline(pdf, m->level ? parent : NULL, "", NULL);
        if (!o) return;
        HPDF_Dict_Add(o, "Title", text_string(pdf, m->title));
        HPDF_Destination dst = HPDF_Page_CreateDestination(pages[m->page]);
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)(b->height - m->y + 4));
        HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, HPDF_TRUE);
        if (m->level == 0) parent = o;
    }
}

static bool build(HPDF_Doc pdf, const hy_boxes *b, const hy_fontset *fs, const hy_pdf_options *opt,
                  pdf_font *fonts, hy_pdf_bodies *bodies, hy_diags *d)
{
    page_writer w = {.pdf = pdf, .z = hy_deflater_new(), .fonts = fonts, .tags = {.elems = b->elems}};
    hy_pdf_id_init(&w.id);
    if (!w.z || !load_fonts(pdf, w.z, b, fs, fonts, d)) {
        hy_deflater_free(w.z);
        return false;
    }
    for (int i = 0; i < HY_MAX_FONTS; i++) {
        w.cf[i].subset = fonts[i].font ? &fonts[i].subset : NULL;
        snprintf(w.cf[i].resource, sizeof w.cf[i].resource, "F%d", i + 1);
    }
    HPDF_Page *pages = calloc(b->n_pages ? b->n_pages : 1, sizeof *pages);
    hy_struct_page *marks = hy_xcalloc(b->n_pages ? b->n_pages : 1, sizeof *marks);
    bool ok = true;
    for (size_t i = 0; ok && i < b->n_pages; i++) {
        w.page = pages[i] = HPDF_AddPage(pdf);
        ok = w.page != NULL;
        if (!ok) break;
        HPDF_Page_SetWidth(w.page, (HPDF_REAL)b->width);
        HPDF_Page_SetHeight(w.page, (HPDF_REAL)b->height);
        ok = draw_page(&w, &b->pages[i], b->height, &marks[i]);
    }
    hy_buf_free(&w.ops);
    free(w.tags.elem_of_mcid);
    if (ok) ok = hy_pdf_struct_add(pdf, b, pages, marks, bodies);
    for (size_t i = 0; i < b->n_pages; i++) free(marks[i].elem_of_mcid);
    free(marks);
    if (ok) {
        add_outline(pdf, b, pages);
        HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
        HPDF_SetPageMode(pdf, b->n_marks ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
        set_info(pdf, b, opt);
        hy_pdf_meta m = meta_of(b, opt);
        const char *strs[] = {m.title, m.author, m.subject, m.creator, b->date};
        for (size_t i = 0; i < sizeof strs / sizeof *strs; i++) hy_pdf_id_add_str(&w.id, strs[i]);
        int64_t epoch = opt ? opt->epoch : -1;
        hy_pdf_id_add(&w.id, &epoch, sizeof epoch);
        ok = hy_pdf_archive_finish(pdf, w.z, &m, &w.id);
    }
    hy_deflater_free(w.z);
    free(pages);
    return ok;
}

/* The built document as libharu writes it, into mem. */
static HPDF_STATUS save_raw(HPDF_Doc pdf, hy_buf *mem)
{
    HPDF_STATUS st = HPDF_SaveToStream(pdf);
    if (st == HPDF_FAILD_TO_ALLOC_MEM) hy_die_oom();  /* util.h */
    if (st != HPDF_OK) return st;
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    mem->len = 0;
    hy_buf_add(mem, NULL, 0);
    char chunk[65536];
    while (size > 0) {
        HPDF_UINT32 n = size < sizeof chunk ? size : sizeof chunk;
        st = HPDF_ReadFromStream(pdf, (HPDF_BYTE *)chunk, &n);
        if (n) hy_buf_add(mem, chunk, n);
        if (st == HPDF_FAILD_TO_ALLOC_MEM) hy_die_oom();
        if (st != HPDF_OK && st != HPDF_STREAM_EOF) return st;
        if (!n) break;
        size -= n;
    }
    return HPDF_OK;
}

/* The built document as libharu writes it, into an anonymous memory file that *data maps
 * (*len bytes; munmap it): libharu's memory stream copies byte by byte, a fifth of the time of
 * saving, where its file stream hands whole buffers to stdio. False if the system has no
 * memfd_create or /proc; save_raw() then does the same more slowly. */
static bool save_mapped(HPDF_Doc pdf, char **data, size_t *len)
{
    int fd = memfd_create("hyoka-pdf", MFD_CLOEXEC);
    if (fd < 0) return false;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    struct stat st;
    bool ok = access(path, W_OK) == 0 && HPDF_SaveToFile(pdf, path) == HPDF_OK && fstat(fd, &st) == 0 &&
              st.st_size > 0;
    void *map = ok ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (map == MAP_FAILED) return false;
    *data = map;
    *len = (size_t)st.st_size;
    return true;
}

/* Saves the built document packed (pdf_pack.h), with the structure's values `bodies`, into mem
 * (files are written by outfile.c). */
static bool save(HPDF_Doc pdf, const hy_pdf_bodies *bodies, hy_buf *mem)
{
    hy_buf raw = {0};
    /* level 1 for the object streams: their many small dictionaries compress almost as well as
     * at 6, in a third of the time */
    hy_deflater *z = hy_deflater_new_level(1);
    char *mapped = NULL;
    size_t mapped_len = 0;
    bool ok;
    if (save_mapped(pdf, &mapped, &mapped_len))
        ok = hy_pdf_pack(z, mapped, mapped_len, bodies, mem);
    else
        ok = save_raw(pdf, &raw) == HPDF_OK && hy_pdf_pack(z, raw.data, raw.len, bodies, mem);
    if (mapped) munmap(mapped, mapped_len);
    hy_deflater_free(z);
    hy_buf_free(&raw);
    return ok;
}

/* Builds the PDF and saves it; `name` is used in messages. */
static bool produce(const hy_boxes *b, const hy_fontset *fs, const hy_pdf_options *opt, hy_buf *mem,
                    const char *name, hy_diags *d)
{
    harness h = {0};
    HPDF_Doc pdf = HPDF_NewEx(on_error, harness_alloc, harness_free, 0, &h);
    if (!pdf) hy_die_oom();  /* it fails for want of memory only (util.h) */
    pdf_font fonts[HY_MAX_FONTS] = {0};
    size_t diags_before = d->n;
    hy_pdf_bodies bodies = {0};
    bool ok = build(pdf, b, fs, opt, fonts, &bodies, d) && !h.error;
    if (ok && !save(pdf, &bodies, mem)) ok = false;
    hy_pdf_bodies_free(&bodies);
    HPDF_Free(pdf);
    for (int i = 0; i < HY_MAX_FONTS; i++) hy_subset_free(&fonts[i].subset);
    if (ok || d->n > diags_before) return ok;  /* or already explained (a font could not be subset) */
    hy_diag_msg(d, name, 0, 0, HY_M_PDF_WRITER_FAILED, (unsigned)h.error, (unsigned)h.detail);
    return false;
}

bool hy_pdf_write(const hy_boxes *b, const hy_fontset *fs, const hy_pdf_options *opt,
                  const char *path, hy_diags *d)
{
    /* Built in memory, then written by outfile.c (a new temporary file, fsync, rename). */
    hy_buf pdf = {0};
    bool ok = produce(b, fs, opt, &pdf, path, d) && hy_outfile_put(path, hy_msg(HY_M_WHAT_PDF), pdf.data, pdf.len, d);
    hy_buf_free(&pdf);
    return ok;
}

bool hy_pdf_write_mem(const hy_boxes *b, const hy_fontset *fs, const hy_pdf_options *opt,
                      hy_buf *out, hy_diags *d)
{
    return produce(b, fs, opt, out, NULL, d);
}
