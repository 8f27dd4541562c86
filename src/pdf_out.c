/* pdf_out.c — hy_boxes → PDF through libharu (see pdf_out.h). */
#include "pdf_out.h"
#include "era.h"

#include <errno.h>
#include <hpdf.h>
#include <math.h>
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
    harness *h = user;
    if (!h->error) {
        h->error = error;
        h->detail = detail;
    }
}

static bool load_fonts(HPDF_Doc pdf, const hy_boxes *b, const hy_fontset *fs, HPDF_Font *out)
{
    for (int i = 0; i < fs->n; i++) {
        out[i] = NULL;
        if (!b->used_fonts[i] && i != 0) continue;
        const hy_font *f = &fs->fonts[i];
        size_t len = strlen(f->path);
        bool ttc = len > 4 && !strcasecmp(f->path + len - 4, ".ttc");
        const char *name = ttc ? HPDF_LoadTTFontFromFile2(pdf, f->path, (HPDF_UINT)f->index, HPDF_TRUE)
                               : HPDF_LoadTTFontFromFile(pdf, f->path, HPDF_TRUE);
        if (!name) return false;
        out[i] = HPDF_GetFont(pdf, name, "UTF-8");
        if (!out[i]) return false;
    }
    return true;
}

static void draw_fills(HPDF_Page pg, const hy_page *p, double H)
{
    for (size_t i = 0; i < p->n_fills; i++) {
        const hy_fill *f = &p->fills[i];
        HPDF_Page_SetGrayFill(pg, (HPDF_REAL)f->gray);
        HPDF_Page_Rectangle(pg, (HPDF_REAL)f->x, (HPDF_REAL)(H - f->y - f->h), (HPDF_REAL)f->w, (HPDF_REAL)f->h);
        HPDF_Page_Fill(pg);
    }
}

static void draw_rules(HPDF_Page pg, const hy_page *p, double H)
{
    HPDF_Page_SetGrayStroke(pg, 0);
    HPDF_Page_SetLineCap(pg, HPDF_PROJECTING_SCUARE_END);
    double width = -1;
    for (size_t i = 0; i < p->n_rules; i++) {
        const hy_rule *r = &p->rules[i];
        if (r->width != width) {
            if (width >= 0) HPDF_Page_Stroke(pg);
            width = r->width;
            HPDF_Page_SetLineWidth(pg, (HPDF_REAL)width);
        }
        HPDF_Page_MoveTo(pg, (HPDF_REAL)r->x0, (HPDF_REAL)(H - r->y0));
        HPDF_Page_LineTo(pg, (HPDF_REAL)r->x1, (HPDF_REAL)(H - r->y1));
    }
    if (width >= 0) HPDF_Page_Stroke(pg);
}

static void draw_texts(HPDF_Page pg, const hy_page *p, double H, HPDF_Font *fonts)
{
    for (size_t i = 0; i < p->n_texts; i++) {
        const hy_textbox *t = &p->texts[i];
        if (!t->utf8[0] || !fonts[t->font]) continue;
        HPDF_Page_BeginText(pg);
        HPDF_Page_SetFontAndSize(pg, fonts[t->font], (HPDF_REAL)t->size);
        HPDF_Page_SetGrayFill(pg, (HPDF_REAL)t->gray);
        if (t->bold) {
            /* Fill then stroke with a hairline: the heading weight, without a second font. */
            HPDF_Page_SetTextRenderingMode(pg, HPDF_FILL_THEN_STROKE);
            HPDF_Page_SetGrayStroke(pg, (HPDF_REAL)t->gray);
            HPDF_Page_SetLineWidth(pg, (HPDF_REAL)(t->size * 0.035));
        } else {
            HPDF_Page_SetTextRenderingMode(pg, HPDF_FILL);
        }
        double a = t->angle * M_PI / 180.0;
        HPDF_Page_SetTextMatrix(pg, (HPDF_REAL)cos(a), (HPDF_REAL)sin(a), (HPDF_REAL)-sin(a), (HPDF_REAL)cos(a),
                                (HPDF_REAL)t->x, (HPDF_REAL)(H - t->y));
        HPDF_Page_ShowText(pg, t->utf8);
        HPDF_Page_EndText(pg);
    }
}

static bool set_date(HPDF_Doc pdf, const hy_boxes *b, const hy_pdf_options *opt)
{
    HPDF_Date d = {0};
    if (opt && opt->epoch >= 0) {
        time_t t = (time_t)opt->epoch;
        struct tm tm;
        gmtime_r(&t, &tm);
        d = (HPDF_Date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
    } else {
        hy_date dt;
        if (!b->date || !hy_date_parse(b->date, &dt)) return true;
        d = (HPDF_Date){dt.y, dt.m, dt.d ? dt.d : 1, 0, 0, 0, 'Z', 0, 0};
    }
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
    return true;
}

static void set_info(HPDF_Doc pdf, const hy_boxes *b, const hy_pdf_options *opt)
{
    if (b->title) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, b->title);
    if (b->author) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, b->author);
    if (b->subject) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, b->subject);
    if (opt && opt->creator) HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, opt->creator);
    set_date(pdf, b, opt);
}

static void add_outline(HPDF_Doc pdf, const hy_boxes *b, HPDF_Page *pages)
{
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Outline parent = NULL;
    for (size_t i = 0; i < b->n_marks; i++) {
        const hy_mark *m = &b->marks[i];
        HPDF_Outline o = HPDF_CreateOutline(pdf, m->level ? parent : NULL, m->title, enc);
        if (!o) return;
        HPDF_Destination dst = HPDF_Page_CreateDestination(pages[m->page]);
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)(b->height - m->y + 4));
        HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, HPDF_TRUE);
        if (m->level == 0) parent = o;
    }
}

static bool build(HPDF_Doc pdf, const hy_boxes *b, const hy_fontset *fs, const hy_pdf_options *opt)
{
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    HPDF_Font fonts[HY_MAX_FONTS] = {0};
    if (!load_fonts(pdf, b, fs, fonts)) return false;
    HPDF_Page *pages = calloc(b->n_pages ? b->n_pages : 1, sizeof *pages);
    for (size_t i = 0; i < b->n_pages; i++) {
        HPDF_Page pg = pages[i] = HPDF_AddPage(pdf);
        if (!pg) break;
        HPDF_Page_SetWidth(pg, (HPDF_REAL)b->width);
        HPDF_Page_SetHeight(pg, (HPDF_REAL)b->height);
        draw_fills(pg, &b->pages[i], b->height);
        draw_rules(pg, &b->pages[i], b->height);
        draw_texts(pg, &b->pages[i], b->height, fonts);
    }
    add_outline(pdf, b, pages);
    HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
    HPDF_SetPageMode(pdf, b->n_marks ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
    set_info(pdf, b, opt);
    free(pages);
    return true;
}

bool hy_pdf_write(const hy_boxes *b, const hy_fontset *fs, const hy_pdf_options *opt,
                  const char *path, hy_diags *d)
{
    harness h = {0};
    HPDF_Doc pdf = HPDF_New(on_error, &h);
    if (!pdf) {
        hy_diag_add(d, path, 0, 0, "cannot start the PDF writer");
        return false;
    }
    char *tmp = malloc(strlen(path) + 32);
    sprintf(tmp, "%s.tmp%ld", path, (long)getpid());
    bool ok = build(pdf, b, fs, opt) && !h.error;
    if (ok && HPDF_SaveToFile(pdf, tmp) != HPDF_OK) ok = false;
    HPDF_Free(pdf);
    if (!ok) {
        int e = errno;
        unlink(tmp);
        if (h.error == HPDF_FILE_IO_ERROR || h.error == HPDF_FILE_OPEN_ERROR)
            hy_diag_add(d, path, 0, 0, "cannot write the PDF: %s", strerror(e));
        else
            hy_diag_add(d, path, 0, 0, "the PDF writer failed (libharu error 0x%04X, detail %u)",
                        (unsigned)h.error, (unsigned)h.detail);
    } else if (rename(tmp, path) != 0) {
        hy_diag_add(d, path, 0, 0, "cannot write the PDF: %s", strerror(errno));
        unlink(tmp);
        ok = false;
    }
    free(tmp);
    return ok;
}
