/* pdf_archive.c — PDF/A-2u and PDF/UA-1 identification, output intent, /ID (see pdf_archive.h). */
#include "pdf_archive.h"
#include "util.h"

#include <hpdf_doc.h>
#include <stdio.h>
#include <string.h>

/* icc/sRGB.icc, compiled in by CMakeLists.txt. */
extern const unsigned char hy_srgb_icc[];
extern const size_t hy_srgb_icc_size;

void hy_pdf_id_init(hy_pdf_id *id)
{
    HPDF_MD5Init(&id->md5);
}

void hy_pdf_id_add(hy_pdf_id *id, const void *data, size_t len)
{
    while (len) {  /* MD5Update takes a 32-bit length */
        HPDF_UINT32 n = len > 0x40000000 ? 0x40000000 : (HPDF_UINT32)len;
        HPDF_MD5Update(&id->md5, data, n);
        data = (const char *)data + n;
        len -= n;
    }
}

void hy_pdf_id_add_str(hy_pdf_id *id, const char *s)
{
    if (s) hy_pdf_id_add(id, s, strlen(s) + 1);
    else hy_pdf_id_add(id, "\xFF", 1);
}

/* ---- XMP ------------------------------------------------------------------------------ */

/* Text as XML character data: markup characters as entities; CR as a reference, since an XML
 * parser turns a literal CR into LF and the value would then differ from the Info entry. */
static void xml_text(hy_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': hy_buf_puts(b, "&amp;"); break;
        case '<': hy_buf_puts(b, "&lt;"); break;
        case '>': hy_buf_puts(b, "&gt;"); break;
        case '"': hy_buf_puts(b, "&quot;"); break;
        case '\r': hy_buf_puts(b, "&#13;"); break;
        default:
            /* XML 1.0 has no way to write other C0 controls; the YAML loader refuses them. */
            if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n') hy_buf_add(b, s, 1);
        }
    }
}

/* A string entry of the Info dictionary, NUL-terminated into buf; NULL if absent. */
static const char *info_string(HPDF_Doc pdf, const char *key, char *buf, size_t size)
{
    HPDF_String s = pdf->info ? HPDF_Dict_GetItem(pdf->info, key, HPDF_OCLASS_STRING) : NULL;
    if (!s || s->len >= size) return NULL;
    memcpy(buf, s->value, s->len);
    buf[s->len] = 0;
    return buf;
}

/* A PDF date "D:YYYYMMDDHHmmSS" followed by "Z" or "+HH'mm'" (ISO 32000-1 7.9.4) as an XMP
 * date "YYYY-MM-DDTHH:mm:SS+HH:mm" (ISO 16684-1: the same instant, the same offset). */
static bool xmp_date(const char *pdf_date, char *out, size_t size)
{
    const char *d = pdf_date;
    if (strncmp(d, "D:", 2) != 0 || strlen(d) < 16) return false;
    d += 2;
    for (int i = 0; i < 14; i++)
        if (d[i] < '0' || d[i] > '9') return false;
    const char *tz = d + 14;
    char zone[8] = "";
    if (*tz == 'Z' || !*tz) strcpy(zone, "Z");
    else if ((*tz == '+' || *tz == '-') && strlen(tz) >= 3) {
        const char *mm = tz[3] == '\'' ? tz + 4 : "00";
        snprintf(zone, sizeof zone, "%c%.2s:%.2s", *tz, tz + 1, strlen(mm) >= 2 ? mm : "00");
    } else
        return false;
    snprintf(out, size, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s", d, d + 4, d + 6, d + 8, d + 10, d + 12, zone);
    return true;
}

static void alt_text(hy_buf *b, const char *name, const char *value)
{
    hy_buf_printf(b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", name);
    xml_text(b, value);
    hy_buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", name);
}

static void simple(hy_buf *b, const char *name, const char *value)
{
    hy_buf_printf(b, "<%s>", name);
    xml_text(b, value);
    hy_buf_printf(b, "</%s>\n", name);
}

/* The PDF/UA identification schema is not one PDF/A predefines, so it is declared here as an
 * extension schema (ISO 19005-2 6.6.2.3.3; the wording is the one ISO 14289-1 5 gives). */
static const char UA_SCHEMA[] =
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name>\n"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n";

static void xmp_packet(hy_buf *b, HPDF_Doc pdf, const hy_pdf_meta *m)
{
    hy_buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                   "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                   "<rdf:Description rdf:about=\"\"\n"
                   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                   " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                   " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                   " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                   " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
                   " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
                   " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
                   " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
                   "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n"
                   "<pdfuaid:part>1</pdfuaid:part>\n"
                   "<dc:format>application/pdf</dc:format>\n");
    if (m->title) alt_text(b, "dc:title", m->title);
    if (m->author) {
        hy_buf_puts(b, "<dc:creator><rdf:Seq><rdf:li>");
        xml_text(b, m->author);
        hy_buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (m->subject) alt_text(b, "dc:description", m->subject);
    if (m->lang) hy_buf_printf(b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", m->lang);
    if (m->creator) simple(b, "xmp:CreatorTool", m->creator);
    char raw[128], date[64];
    if (info_string(pdf, "CreationDate", raw, sizeof raw) && xmp_date(raw, date, sizeof date))
        simple(b, "xmp:CreateDate", date);
    if (info_string(pdf, "ModDate", raw, sizeof raw) && xmp_date(raw, date, sizeof date))
        simple(b, "xmp:ModifyDate", date);
    if (info_string(pdf, "Producer", raw, sizeof raw)) simple(b, "pdf:Producer", raw);
    hy_buf_puts(b, UA_SCHEMA);
    hy_buf_puts(b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
}

/* The metadata stream: /Type /Metadata /Subtype /XML, and no filter (ISO 19005-2 6.6.2.1:
 * archives must be able to read it without decoding). */
static bool add_metadata(HPDF_Doc pdf, const hy_pdf_meta *m)
{
    hy_buf x = {0};
    xmp_packet(&x, pdf, m);
    HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    bool ok = s && HPDF_Dict_AddName(s, "Type", "Metadata") == HPDF_OK &&
              HPDF_Dict_AddName(s, "Subtype", "XML") == HPDF_OK &&
              HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)x.data, (HPDF_UINT)x.len) == HPDF_OK &&
              HPDF_Dict_Add(pdf->catalog, "Metadata", s) == HPDF_OK;
    if (s) s->filter = HPDF_STREAM_FILTER_NONE;
    hy_buf_free(&x);
    return ok;
}

/* One output intent for PDF/A with the embedded sRGB profile: the DeviceGray text and rules
 * and the translucent watermark are then defined colours (ISO 19005-2 6.2.4.3, 6.2.10). */
static bool add_output_intent(HPDF_Doc pdf, hy_deflater *z)
{
    HPDF_Dict icc = hy_pdf_stream_new(z, pdf, hy_srgb_icc, hy_srgb_icc_size);
    HPDF_Dict oi = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array list = HPDF_Array_New(pdf->mmgr);
    if (!icc || !oi || !list) return false;
    const char *name = "sRGB IEC61966-2.1";
    HPDF_Dict_AddNumber(icc, "N", 3);
    HPDF_Dict_AddName(oi, "Type", "OutputIntent");
    HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
    HPDF_Dict_Add(oi, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, name, NULL));
    HPDF_Dict_Add(oi, "Info", HPDF_String_New(pdf->mmgr, name, NULL));
    HPDF_Dict_Add(oi, "DestOutputProfile", icc);
    HPDF_Array_Add(list, oi);
    return HPDF_Dict_Add(pdf->catalog, "OutputIntents", list) == HPDF_OK;
}

/* The trailer's /ID: the same digest twice (a new file: ISO 32000-1 14.4). */
static bool add_id(HPDF_Doc pdf, hy_pdf_id *id)
{
    HPDF_BYTE digest[16];
    HPDF_MD5Final(digest, &id->md5);
    HPDF_Array a = HPDF_Array_New(pdf->mmgr);
    if (!a) return false;
    HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, digest, sizeof digest));
    HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, digest, sizeof digest));
    return HPDF_Dict_Add(pdf->trailer, "ID", a) == HPDF_OK;
}

bool hy_pdf_archive_finish(HPDF_Doc pdf, hy_deflater *z, const hy_pdf_meta *meta, hy_pdf_id *id)
{
    pdf->pdf_version = HPDF_VER_17;
    return add_metadata(pdf, meta) && add_output_intent(pdf, z) && add_id(pdf, id);
}
