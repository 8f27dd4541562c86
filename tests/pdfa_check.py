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

tagged (ISO 14289-1, ISO 32000-1 14.7-14.8): /MarkInfo /Marked true, a StructTreeRoot, /Lang,
  /DisplayDocTitle; every page with /StructParents and /Tabs /S; on every page every operator
  but BT/ET/q/Q is inside a marked-content sequence, either an MCID (never inside an artifact or
  another MCID) or an /Artifact; MCIDs are unique per page and the parent tree maps each back to
  the element whose /K holds it; only standard structure types; headings start at H1 and never
  skip a level, and the bookmarks that name a heading nest as the headings do; every table is
  regular (each row covers the same number of columns, RowSpan and ColSpan counted), its TH have
  a Scope; L holds only LI, LI only Lbl and LBody; a heading, a TH, a TD, a Lbl or an LBody with
  text in it has its text in marked content poppler can read (pdfinfo -struct-text).

usage: pdfa_check.py HYOKA DOC.yaml OUTDIR [--title TEXT] [-- RENDER-ARGS...]
  --title TEXT  render a copy of DOC whose 評価書名 is TEXT (XML markup characters)."""
import os
import re
import subprocess
import sys
import xml.dom.minidom

import pikepdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import structtree  # noqa: E402

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())
NOT_MARKED_OK = {"BT", "ET", "q", "Q", "BDC", "BMC", "EMC"}

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


def mcids_of(elem, page_objgen):
    """(page objgen, MCID) pairs that a structure element's /K holds directly."""
    k = elem.get("/K")
    items = list(k) if isinstance(k, pikepdf.Array) else [k] if k is not None else []
    pg = elem.get("/Pg")
    out = set()
    for it in items:
        if isinstance(it, int) or (isinstance(it, pikepdf.Object) and it._type_code == pikepdf.ObjectType.integer):
            out.add((pg.objgen if pg is not None else page_objgen, int(it)))
        elif isinstance(it, pikepdf.Dictionary) and it.get("/Type") == "/MCR":
            p = it.get("/Pg", pg)
            out.add((p.objgen if p is not None else page_objgen, int(it.MCID)))
    return out


def check_content(pdf):
    """Every operator marked; MCIDs unique; the parent tree agrees with the elements' /K."""
    root = pdf.Root
    tree = root.get("/StructTreeRoot")
    nums = {}
    if tree is not None and "/ParentTree" in tree:
        pt = tree.ParentTree
        flat = list(pt.get("/Nums", []))
        for kid in pt.get("/Kids", []):
            flat += list(kid.get("/Nums", []))
        nums = {int(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}
    unmarked = 0
    for pno, page in enumerate(pdf.pages, 1):
        if page.obj.get("/Tabs") != "/S" or "/StructParents" not in page.obj:
            fail(f"page {pno}: no /Tabs /S or no /StructParents")
            continue
        stack, seen = [], set()
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                if tag == "/Artifact" and any(s[1] is not None for s in stack):
                    fail(f"page {pno}: an artifact inside tagged content")
                if mcid is not None:
                    if stack:
                        fail(f"page {pno}: MCID {mcid} nested inside {stack[-1][0]}")
                    if mcid in seen:
                        fail(f"page {pno}: MCID {mcid} used twice")
                    seen.add(mcid)
                stack.append((tag, mcid))
            elif op == "EMC":
                if not stack:
                    fail(f"page {pno}: EMC without BDC")
                else:
                    stack.pop()
            elif op not in NOT_MARKED_OK and not stack:
                unmarked += 1
                if unmarked <= 5:
                    fail(f"page {pno}: operator {op} outside marked content")
        if stack:
            fail(f"page {pno}: marked content left open")
        arr = nums.get(int(page.obj.StructParents))
        if arr is None:
            if seen:
                fail(f"page {pno}: no parent tree entry")
            continue
        if len(arr) != len(seen) or seen != set(range(len(seen))):
            fail(f"page {pno}: parent tree has {len(arr)} entries for MCIDs {sorted(seen)[:5]}...")
            continue
        for m, elem in enumerate(arr):
            if (page.obj.objgen, m) not in mcids_of(elem, page.obj.objgen):
                fail(f"page {pno}: MCID {m}: its parent tree element does not hold it")
                break
    if unmarked > 5:
        fail(f"{unmarked} operators outside marked content in all")


def check_tagged(path, pdf):
    root = pdf.Root
    mi = root.get("/MarkInfo")
    if mi is None or mi.get("/Marked") is not True:
        fail("no /MarkInfo /Marked true")
    if "/StructTreeRoot" not in root:
        fail("no structure tree")
        return
    if str(root.get("/Lang", "")) != "ja":
        fail("catalog /Lang is not ja")
    vp = root.get("/ViewerPreferences")
    if vp is None or vp.get("/DisplayDocTitle") is not True:
        fail("no /ViewerPreferences /DisplayDocTitle true")
    check_content(pdf)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and "/S" in obj and "/P" in obj and obj.get("/Type", "/StructElem") == "/StructElem":
            t = str(obj.S)[1:]
            if t not in STANDARD:
                fail(f"structure type {t} is not standard")
    tree = structtree.read(path)
    # headings: H1 first, never more than one level deeper than the one before
    hs = structtree.headings(tree)
    if not hs or hs[0][0] != 1:
        fail(f"the first heading is not H1: {hs[:1]}")
    for (a, ta), (b, tb) in zip(hs, hs[1:]):
        if b > a + 1:
            fail(f"heading level skipped: H{a} {ta[:30]!r} then H{b} {tb[:30]!r}")
    # bookmarks that name a heading: deeper bookmark, deeper heading
    norm = lambda t: re.sub(r"[\s\u3000]+", "", t)  # noqa: E731
    level_of = {}
    for lv, t in hs:
        level_of.setdefault(norm(t), lv)
    pairs = []
    with pdf.open_outline() as outline:
        def walk(items, depth):
            for it in items:
                if norm(it.title) in level_of:
                    pairs.append((depth, level_of[norm(it.title)], it.title))
                walk(it.children, depth + 1)
        walk(outline.root, 0)
    for d1, h1, t1 in pairs:
        for d2, h2, t2 in pairs:
            if d1 < d2 and not h1 < h2:
                fail(f"bookmark {t2!r} is below {t1!r} but its heading H{h2} is not below H{h1}")
                break
            if d1 == d2 and h1 != h2:
                fail(f"bookmarks {t1!r} and {t2!r} are at one level, their headings H{h1}, H{h2} not")
                break
    # tables regular; lists well formed; no empty heading
    for n in tree.walk():
        if n.type == "Table":
            check_table(n)
        if n.type == "L" and any(c.type != "LI" for c in n.children):
            fail(f"an L holds {[c.type for c in n.children if c.type != 'LI'][:3]}")
        if n.type == "LI" and (not n.children or any(c.type not in ("Lbl", "LBody") for c in n.children)):
            fail(f"an LI holds {[c.type for c in n.children]}")
        if re.fullmatch(r"H[1-6]", n.type) and not n.text().strip():
            fail(f"an empty {n.type}")
        if n.type == "TH" and "/Scope" not in n.attrs:
            fail(f"a TH without Scope: {n.text()[:30]!r}")


def check_table(table):
    rows = []
    for c in table.children:
        if c.type == "TR":
            rows.append(c)
        elif c.type in ("THead", "TBody", "TFoot"):
            rows += [r for r in c.children if r.type == "TR"]
        else:
            fail(f"a Table holds a {c.type}")
    covered = {}  # (row, column) taken by a cell spanning down
    widths = []
    for ri, r in enumerate(rows):
        col = 0
        for cell in r.children:
            if cell.type not in ("TH", "TD"):
                fail(f"a TR holds a {cell.type}")
                continue
            while (ri, col) in covered:
                col += 1
            rs, cs = cell.attr_int("/RowSpan"), cell.attr_int("/ColSpan")
            for dr in range(rs):
                for dc in range(cs):
                    covered[(ri + dr, col + dc)] = True
            col += cs
        while (ri, col) in covered:
            col += 1
        widths.append(col)
    if len(set(widths)) > 1:
        first = rows[0].text()[:30] if rows else ""
        fail(f"table starting {first!r} is not regular: rows cover {sorted(set(widths))} columns")


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
    check_tagged(out, pdf)
    if title is not None and title not in str(pdf.docinfo.get("/Title", "")):
        fail(f"title {title!r} not in Info /Title {str(pdf.docinfo.get('/Title'))!r}")
    for f in failures:
        print(f"pdfa_check: {name}: {f}")
    print(f"pdfa_check: {name}: {'FAILED' if failures else 'ok'} ({len(failures)} findings)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
