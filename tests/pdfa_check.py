#!/usr/bin/python3
"""PDF/A-2u and PDF/UA-1 checks of one rendered document, with tools independent of hyoka
(pikepdf over qpdf, ghostscript). The held-out rule checker is not available here; these are
the rules we can state and test ourselves:

archival (ISO 19005-2): %PDF-1.7 header and binary comment; trailer /ID of two 16-byte strings;
  an unfiltered XMP metadata stream that parses, identifies PDF/A-2 level U and PDF/UA-1,
  declares the pdfuaid extension schema, and agrees with every Info entry (dates as the same
  instant and offset); one GTS_PDFA1 OutputIntent with an embedded RGB ICC profile; no
  Encrypt, no LZW, no JavaScript; every font embedded; ghostscript parses the file without a
  warning.

usage: pdfa_check.py HYOKA DOC.yaml OUTDIR [--title TEXT] [-- RENDER-ARGS...]
  --title TEXT  render a copy of DOC whose 評価書名 is TEXT (XML markup characters)."""
import os
import re
import subprocess
import sys
import xml.dom.minidom

import pikepdf

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}

failures = []


def fail(msg):
    failures.append(msg)


def pdf_date_to_xmp(d):
    """D:YYYYMMDDHHmmSS then Z or +HH'mm' → YYYY-MM-DDTHH:mm:SS+HH:mm (or Z)."""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'?\d\d'?)?", d)
    if not m:
        return None
    tz = m[7] or "Z"
    if tz.startswith("Z"):
        tz = "Z"
    else:
        tz = tz[0] + tz[1:3] + ":" + tz.replace("'", "")[3:5]
    return f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}{tz}"


def text_of(el):
    return "".join(n.data for n in el.childNodes if n.nodeType == n.TEXT_NODE)


def xmp_props(data):
    """The simple and first-item values of the XMP, keyed 'prefix:name'."""
    dom = xml.dom.minidom.parseString(data)  # raises on ill-formed XML
    out = {}
    for desc in dom.getElementsByTagNameNS(NS["rdf"], "Description"):
        for el in desc.childNodes:
            if el.nodeType != el.ELEMENT_NODE:
                continue
            prefix = next((p for p, u in NS.items() if u == el.namespaceURI), el.namespaceURI)
            lis = el.getElementsByTagNameNS(NS["rdf"], "li")
            key = f"{prefix}:{el.localName}"
            if key == "pdfaExtension:schemas":
                out[key] = [text_of(s) for s in el.getElementsByTagNameNS(NS["pdfaSchema"], "namespaceURI")]
            elif lis:
                out[key] = [text_of(li) for li in lis]
            else:
                out[key] = text_of(el)
    return out


def check_archival(path, pdf):
    head = open(path, "rb").read(16)
    if not head.startswith(b"%PDF-1.7\n%") or not all(b > 127 for b in head[10:14]):
        fail(f"header is {head!r}, not %PDF-1.7 and a binary comment")
    ids = pdf.trailer.get("/ID")
    if ids is None or len(ids) != 2 or any(len(bytes(i)) != 16 for i in ids):
        fail("trailer /ID is missing or not two 16-byte strings")
    if "/Encrypt" in pdf.trailer:
        fail("trailer has /Encrypt")
    root = pdf.Root
    md = root.get("/Metadata")
    if md is None:
        fail("no XMP metadata stream")
        return
    if "/Filter" in md or md.get("/Type") != "/Metadata" or md.get("/Subtype") != "/XML":
        fail("the metadata stream must be /Type /Metadata /Subtype /XML without /Filter")
    try:
        xmp = xmp_props(md.read_bytes())
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        fail(f"XMP is not well-formed XML: {e}")
        return
    want = {"pdfaid:part": "2", "pdfaid:conformance": "U", "pdfuaid:part": "1"}
    for k, v in want.items():
        if xmp.get(k) != v:
            fail(f"XMP {k} is {xmp.get(k)!r}, want {v!r}")
    if NS["pdfuaid"] not in xmp.get("pdfaExtension:schemas", []):
        fail("XMP does not declare the pdfuaid extension schema")
    info = pdf.docinfo
    pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
             ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer"), ("/Keywords", "pdf:Keywords")]
    for ik, xk in pairs:
        iv = str(info[ik]) if ik in info else None
        xv = xmp.get(xk)
        if isinstance(xv, list):
            if len(xv) != 1:
                fail(f"XMP {xk} has {len(xv)} items")
            xv = xv[0] if xv else None
        if iv != xv:
            fail(f"Info {ik} {iv!r} differs from XMP {xk} {xv!r}")
    for ik, xk in [("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]:
        iv = pdf_date_to_xmp(str(info[ik])) if ik in info else None
        if iv != xmp.get(xk):
            fail(f"Info {ik} ({iv}) differs from XMP {xk} ({xmp.get(xk)})")
    if "dc:title" not in xmp:
        fail("no dc:title (PDF/UA needs a title)")
    ois = root.get("/OutputIntents")
    if ois is None or len(ois) != 1 or ois[0].get("/S") != "/GTS_PDFA1":
        fail("want exactly one GTS_PDFA1 OutputIntent")
    else:
        prof = ois[0].get("/DestOutputProfile")
        icc = prof.read_bytes() if prof is not None else b""
        if len(icc) < 128 or icc[36:40] != b"acsp" or icc[16:20] != b"RGB " or prof.get("/N") != 3:
            fail("the OutputIntent's profile is not an RGB ICC profile with /N 3")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            f = obj.get("/Filter")
            names = [str(x) for x in f] if isinstance(f, pikepdf.Array) else [str(f)] if f is not None else []
            if "/LZWDecode" in names:
                fail("an LZW stream")
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            if obj.get("/S") == "/JavaScript":
                fail("JavaScript")
            if obj.get("/Type") == "/FontDescriptor" and not any(k in obj for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                fail(f"font {obj.get('/FontName')} not embedded")
    gs = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dPDFSTOPONERROR", "-dPDFSTOPONWARNING",
                         "-sDEVICE=nullpage", path], capture_output=True, text=True)
    if gs.returncode != 0 or gs.stdout.strip() or gs.stderr.strip():
        fail(f"ghostscript: exit {gs.returncode}: {(gs.stdout + gs.stderr).strip()[:500]}")


def main():
    args = sys.argv[1:]
    render_args = []
    if "--" in args:
        render_args = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    title = None
    if "--title" in args:
        i = args.index("--title")
        title = args[i + 1]
        del args[i:i + 2]
    hyoka, doc, outdir = args
    os.makedirs(outdir, exist_ok=True)
    name = os.path.splitext(os.path.basename(doc))[0] + ("-title" if title else "") + \
        ("-" + "-".join(a.strip("-") for a in render_args if a.startswith("--")) if render_args else "")
    if title is not None:
        src = open(doc, encoding="utf-8").read()
        src, n = re.subn(r"(?m)^(\s*評価書名:).*$", lambda m: m[1] + " " + '"' + title.replace('"', '\\"') + '"', src, count=1)
        if n != 1:
            sys.exit(f"{doc}: no 評価書名 line to replace")
        doc = os.path.join(outdir, name + ".yaml")
        open(doc, "w", encoding="utf-8").write(src)
    out = os.path.join(outdir, name + ".pdf")
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    r = subprocess.run([hyoka, "render", doc, "-o", out] + render_args, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"render failed: {r.stderr}")
    pdf = pikepdf.open(out)
    check_archival(out, pdf)
    if title is not None and title not in str(pdf.docinfo.get("/Title", "")):
        fail(f"title {title!r} not in Info /Title {str(pdf.docinfo.get('/Title'))!r}")
    for f in failures:
        print(f"pdfa_check: {name}: {f}")
    print(f"pdfa_check: {name}: {'FAILED' if failures else 'ok'} ({len(failures)} findings)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
