/* pdf_font.c — the embedding objects of one subset font (see pdf_font.h). */
#include "pdf_font.h"
#include "pdf_stream.h"
#include "util.h"

#include <hpdf_doc.h>
#include <stdlib.h>

/* An indirect dictionary of pdf (libharu then writes a reference wherever it is added). */
static HPDF_Dict new_object(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    return d && HPDF_Xref_Add(pdf->xref, d) == HPDF_OK ? d : NULL;
}

static HPDF_Array int_array(HPDF_Doc pdf, const int *v, int n)
{
    HPDF_Array a = HPDF_Array_New(pdf->mmgr);
    for (int i = 0; a && i < n; i++) HPDF_Array_AddNumber(a, v[i]);
    return a;
}

/* Width of CID c (1-based; CID 0 is .notdef). */
static int cid_width(const hy_subset *s, size_t c)
{
    uint16_t g = c ? s->map[c - 1].gid : 0;
    return g < s->n_glyphs ? s->widths[g] : 0;
}

/* The most frequent width: the CIDFont's /DW, so that /W lists only the others (in a
 * Japanese font, the few proportional characters). */
static int common_width(const hy_subset *s)
{
    enum { MAX_COUNTED = 2048 };  /* wider glyphs are rare enough to be listed */
    unsigned *count = hy_xcalloc(MAX_COUNTED, sizeof *count);
    int best = 1000;
    for (size_t c = 1; c <= s->n; c++) {
        int w = cid_width(s, c);
        if (w < MAX_COUNTED && ++count[w] > count[best]) best = w;
    }
    free(count);
    return best;
}

/* /W: runs of consecutive CIDs whose width differs from dw, as "first [w1 w2 …]". */
static HPDF_Array widths(HPDF_Doc pdf, const hy_subset *s, int dw)
{
    HPDF_Array w = HPDF_Array_New(pdf->mmgr);
    HPDF_Array run = NULL;
    for (size_t c = 0; w && c <= s->n; c++) {
        int cw = cid_width(s, c);
        if (cw == dw) {
            run = NULL;
            continue;
        }
        if (!run) {
            HPDF_Array_AddNumber(w, (HPDF_INT32)c);
            run = HPDF_Array_New(pdf->mmgr);
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, cw);
    }
    return w;
}

/* CIDToGIDMap: two bytes, big-endian, per CID from 0. */
static HPDF_Dict cid_to_gid(HPDF_Doc pdf, hy_deflater *z, const hy_subset *s)
{
    unsigned char *m = hy_xcalloc(s->n + 1, 2);
    for (size_t c = 1; c <= s->n; c++) {
        m[2 * c] = (unsigned char)(s->map[c - 1].gid >> 8);
        m[2 * c + 1] = (unsigned char)s->map[c - 1].gid;
    }
    HPDF_Dict d = hy_pdf_stream_new(z, pdf, m, 2 * (s->n + 1));
    free(m);
    return d;
}

/* UTF-16BE hex of a code point, as ToUnicode wants it. */
static void utf16_hex(hy_buf *b, uint32_t cp)
{
    uint16_t units[2];
    for (int u = 0, n = hy_utf16_encode(cp, units); u < n; u++) hy_buf_printf(b, "%04X", units[u]);
}

/* PDF 32000-1 9.10.3: each CID maps to its character (with its variation selector) in bfchar
 * blocks of at most 100 entries. */
static HPDF_Dict to_unicode(HPDF_Doc pdf, hy_deflater *z, const hy_subset *s)
{
    hy_buf b = {0};
    hy_buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (size_t i = 0; i < s->n; i += 100) {
        size_t k = s->n - i < 100 ? s->n - i : 100;
        hy_buf_printf(&b, "%zu beginbfchar\n", k);
        for (size_t j = i; j < i + k; j++) {
            hy_buf_printf(&b, "<%04X> <", (unsigned)(j + 1));
            utf16_hex(&b, s->map[j].cp);
            if (s->map[j].vs) utf16_hex(&b, s->map[j].vs);
            hy_buf_puts(&b, ">\n");
        }
        hy_buf_puts(&b, "endbfchar\n");
    }
    hy_buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    HPDF_Dict d = hy_pdf_stream_new(z, pdf, b.data, b.len);
    hy_buf_free(&b);
    return d;
}

static HPDF_Dict descriptor(HPDF_Doc pdf, hy_deflater *z, const hy_subset *s)
{
    HPDF_Dict file = hy_pdf_stream_new(z, pdf, s->data, s->size);
    HPDF_Dict d = new_object(pdf);
    if (!file || !d) return NULL;
    HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)s->size);
    HPDF_Dict_AddName(d, "Type", "FontDescriptor");
    HPDF_Dict_AddName(d, "FontName", s->name);
    HPDF_Dict_AddNumber(d, "Flags", 4);  /* symbolic: glyphs beyond the standard Latin set */
    HPDF_Dict_Add(d, "FontBBox", int_array(pdf, s->bbox, 4));
    HPDF_Dict_AddNumber(d, "ItalicAngle", 0);
    HPDF_Dict_AddNumber(d, "Ascent", s->ascent);
    HPDF_Dict_AddNumber(d, "Descent", s->descent);
    HPDF_Dict_AddNumber(d, "CapHeight", s->cap_height);
    HPDF_Dict_AddNumber(d, "StemV", s->stem_v);
    HPDF_Dict_Add(d, "FontFile2", file);
    return d;
}

static HPDF_Dict cid_font(HPDF_Doc pdf, hy_deflater *z, const hy_subset *s)
{
    HPDF_Dict desc = descriptor(pdf, z, s), map = cid_to_gid(pdf, z, s), f = new_object(pdf);
    HPDF_Dict info = HPDF_Dict_New(pdf->mmgr);
    if (!desc || !map || !f || !info) return NULL;
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", NULL));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    int dw = common_width(s);
    HPDF_Dict_AddName(f, "Type", "Font");
    HPDF_Dict_AddName(f, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(f, "BaseFont", s->name);
    HPDF_Dict_Add(f, "CIDSystemInfo", info);
    HPDF_Dict_Add(f, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(f, "DW", dw);
    HPDF_Dict_Add(f, "W", widths(pdf, s, dw));
    HPDF_Dict_Add(f, "CIDToGIDMap", map);
    return f;
}

HPDF_Dict hy_pdf_font_new(HPDF_Doc pdf, hy_deflater *z, const hy_subset *s)
{
    HPDF_Dict cid = cid_font(pdf, z, s), tu = to_unicode(pdf, z, s), f = new_object(pdf);
    HPDF_Array kids = HPDF_Array_New(pdf->mmgr);
    if (!cid || !tu || !f || !kids) return NULL;
    HPDF_Array_Add(kids, cid);
    HPDF_Dict_AddName(f, "Type", "Font");
    HPDF_Dict_AddName(f, "Subtype", "Type0");
    HPDF_Dict_AddName(f, "BaseFont", s->name);
    HPDF_Dict_AddName(f, "Encoding", "Identity-H");
    HPDF_Dict_Add(f, "DescendantFonts", kids);
    HPDF_Dict_Add(f, "ToUnicode", tu);
    return f;
}
