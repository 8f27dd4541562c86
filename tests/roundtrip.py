#!/usr/bin/env python3
"""Round-trip test of one document: render it, extract the PDF's text with poppler, and check
that (1) every text value of the YAML is in the PDF, (2) the form's labels appear in layout
order, (3) no line starts with a character that kinsoku forbids at a line start, (4)
poppler printed no warning while extracting (a malformed ToUnicode map shows up there), and
(5) no two characters on a page overlap (text wrapped for a wider cell than the one it is drawn in),
and, in the tagged structure as poppler reads it (tests/structtree.py): (6) the text in structure
order holds every value of the YAML in the document's order, (7) every label of the layout is a
TH (a band, a risk or a title: a heading), (8) every checkbox mark is a Lbl whose alternate text
says 選択 or 未選択 as the mark does; (9) each item of a (別添1) grid is contiguous in the
text extracted in content order (pdftotext -raw).

usage: roundtrip.py HYOKA DOC.yaml LAYOUT.yaml OUTDIR

The check is independent of the renderer: it reads the YAML with PyYAML, converts ISO dates
to the era itself, and reads the PDF with pdftotext."""
import datetime
import html
import os
import re
import subprocess
import sys

import pikepdf
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import structtree  # noqa: E402

# Keys whose values are not printed as text.
SILENT_KEYS = {"様式", "書式", "列数"}
BLOCK_KEYS = {"見出し", "本文", "列数", "項目"}
ERAS = [("令和", datetime.date(2019, 5, 1)), ("平成", datetime.date(1989, 1, 8)),
        ("昭和", datetime.date(1926, 12, 25)), ("大正", datetime.date(1912, 7, 30)),
        ("明治", datetime.date(1868, 1, 25))]
NO_LINE_START = set("、。，．）」』】〕〉》＞>］")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
WS_RE = re.compile(r"[\s\u3000]+")


def era(text, gannen):
    m = DATE_RE.match(text)
    if not m:
        return text
    y, mo, d = int(m[1]), int(m[2]), int(m[3] or 0)
    probe = datetime.date(y, mo, d or 28)
    for name, start in ERAS:
        if probe >= start:
            n = y - start.year + 1
            ys = gannen if n == 1 else f"{n}年"
            return f"{name}{ys}{mo}月{d}日" if d else f"{name}{ys}{mo}月"
    return text


def values(node, gannen, key=None):
    """Every printed text of the document, in document order."""
    if key in SILENT_KEYS:
        return
    if isinstance(node, dict):
        for k, v in node.items():  # keys name layout items; only values are printed text
            yield from values(v, gannen, k)
    elif isinstance(node, list):
        for v in node:
            yield from values(v, gannen, key)
    elif isinstance(node, bool) or node is None:
        return
    elif isinstance(node, (datetime.date,)):
        yield era(node.isoformat(), gannen)
    else:
        s = str(node)
        if s.strip():
            yield era(s, gannen)


def checkbox_texts(node):
    """Mapping items {item: text} of checkbox lists print their key too (the item label)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, list):
                for it in v:
                    if isinstance(it, dict) and len(it) == 1 and next(iter(it)) not in BLOCK_KEYS:
                        yield str(next(iter(it)))
            yield from checkbox_texts(v)
    elif isinstance(node, list):
        for v in node:
            yield from checkbox_texts(v)


def layout_labels(node):
    """Labels of the layout in the order the form prints them."""
    if isinstance(node, dict):
        for k in ("title", "text", "label"):
            v = node.get(k)
            if k == "title" and node.get("kind") == "group":
                continue  # a group's `title` names a key, it is not printed
            if isinstance(v, str) and "{" not in v.replace("{n}", ""):
                yield v.replace("{n}", "1")
        for k in ("value", "cells", "rows", "columns"):
            if k in node:
                yield from layout_labels(node[k])
    elif isinstance(node, list):
        for v in node:
            yield from layout_labels(v)


HEADING_KINDS = {"section", "title", "head", "risk", "toc"}


def label_roles(node):
    """(label, is_heading) for each label of the layout: bands, risks and titles are headings,
    every other label (items, spans, groups, table columns, fields) a row or column header."""
    if isinstance(node, dict):
        kind = node.get("kind")
        for k in ("title", "text", "label"):
            v = node.get(k)
            if k == "title" and kind == "group":
                continue
            if isinstance(v, str) and "{" not in v.replace("{n}", ""):
                yield v.replace("{n}", "1"), kind in HEADING_KINDS
        for k in ("value", "cells", "rows", "columns"):
            if k in node:
                yield from label_roles(node[k])
    elif isinstance(node, list):
        for v in node:
            yield from label_roles(v)


def lbl_alts(pdf):
    """The /Alt of each Lbl element in structure-tree order."""
    out = []
    with pikepdf.open(pdf) as p:
        def walk(e):
            if not isinstance(e, pikepdf.Dictionary):
                return
            if e.get("/S") == "/Lbl":
                out.append(str(e.get("/Alt")) if "/Alt" in e else None)
            k = e.get("/K")
            for kid in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)
        walk(p.Root.StructTreeRoot.K)
    return out


def layout_values(node, data, root, gannen):
    """The document's printed values in the layout's order (the order a reader meets them):
    the layout is walked with the part of the document each node reads. Checkbox lists are left
    out (the form prints them in the list's order, whatever order the document names them in)."""
    if isinstance(node, list):
        for n in node:
            yield from layout_values(n, data, root, gannen)
        return
    if not isinstance(node, dict):
        return
    kind, key = node.get("kind"), node.get("key")
    data = data if isinstance(data, dict) else {}
    if kind in ("section", "head", "risk"):
        sub = data.get(key) if key else data
        yield from layout_values(node.get("rows", []), sub, root, gannen)
    elif kind == "title":
        m = re.search(r"\{([^}]+)\}", node.get("text", ""))
        if m and root.get(m[1]) is not None:
            yield from values(root.get(m[1]), gannen, m[1])
    elif kind == "group":
        for e in data.get(key) or []:
            e = e if isinstance(e, dict) else {}
            if node.get("title") in e:
                yield from values(e[node["title"]], gannen, node["title"])
            yield from layout_values(node.get("rows", []), e, root, gannen)
    elif kind == "span":
        yield from layout_values(node.get("value"), data, root, gannen)
        yield from layout_values(node.get("rows", []), data, root, gannen)
    elif kind == "fields":
        yield from layout_values(node.get("cells", []), data, root, gannen)
    elif kind == "table":
        cols = node.get("columns", [])
        for attr in ("labels_from", "label2_from"):  # the header rows, from the document's root
            for col in cols:
                if col.get(attr) and root.get(col[attr]) is not None:
                    yield from values(root[col[attr]], gannen, col[attr])
        for row in data.get(key) or []:
            for col in cols:
                if isinstance(row, dict) and col.get("key") in row:
                    yield from values(row[col["key"]], gannen, col["key"])
    elif kind not in ("checks", "param", "toc") and key and key in data:
        yield from values(data[key], gannen, key)


def check_structure(pdf, doc, layout, gannen, failures):
    tree = structtree.read(pdf)
    if not tree.children:
        failures.append("no structure tree")
        return
    norm = lambda t: WS_RE.sub("", t)  # noqa: E731
    stext = norm(tree.text())
    pos = 0
    for t in layout_values(layout.get("body"), doc, doc, gannen):
        if (layout.get("text") or {}).get("markup") == "underline":
            t = t.replace("<u>", "").replace("</u>", "")
        needle = norm(t)
        p = stext.find(needle, pos)
        if p < 0:
            where = "missing" if stext.find(needle) < 0 else "out of order"
            failures.append(f"structure text: value {where}: {t[:60]!r}")
            break
        pos = p + len(needle)
    th = {norm(n.text()) for n in tree.walk() if n.type == "TH"}
    hd = {norm(n.text()) for n in tree.walk() if re.fullmatch(r"H[1-6]", n.type)}
    for label, heading in label_roles(layout.get("body")):
        if norm(label) not in (hd if heading else th):
            failures.append(f"label {label!r} is not a {'heading' if heading else 'TH'}")
    marks = layout.get("marks") or {}
    on, off = marks.get("checked"), marks.get("unchecked")
    texts = [n.text() for n in tree.walk() if n.type == "Lbl"]
    alts = lbl_alts(pdf)
    if len(texts) != len(alts):
        failures.append(f"poppler reads {len(texts)} Lbl, pikepdf {len(alts)}")
    for t, a in zip(texts, alts):
        want = "選択" if t == on else "未選択" if t == off else None
        if want and a != want:
            failures.append(f"checkbox mark {t!r} has alternate text {a!r}, want {want!r}")
            break


def common_prefix(hay, pos, needle):
    n = 0
    while n < len(needle) and pos + n < len(hay) and hay[pos + n] == needle[n]:
        n += 1
    return n


def chunked_find(hay, needle, start=0, chunks_left=12, max_gap=8000, first=True):
    """Finds needle in hay allowing it to be cut into a few pieces with other text between
    them (a cell continued on the next page has the page furniture and the other cells of
    its row in between). Tries every occurrence of the piece's start. Returns True/False."""
    if not needle:
        return True
    if chunks_left == 0:
        return False
    probe = needle[: min(len(needle), 5)]
    limit = len(hay) if first else min(len(hay), start + max_gap)
    pos = hay.find(probe, start)
    tries = 0
    while 0 <= pos < limit and tries < 2000:
        n = common_prefix(hay, pos, needle)
        if n == len(needle):
            return True
        if chunked_find(hay, needle[n:], pos + n, chunks_left - 1, max_gap, False):
            return True
        pos = hay.find(probe, pos + 1)
        tries += 1
    return False


CHAR_RE = re.compile(r'<char quad="([-\d. ]+)"[^>]* c="([^"]*)"')


def overlapping_chars(pdf):
    """(page, char, char) for each pair of characters whose boxes overlap by more than 1 pt
    both ways (mutool's per-character quads: poppler would merge such characters into one
    word and hide the overlap)."""
    out = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf], capture_output=True).stdout
    found = []
    for page, text in enumerate(out.decode("utf-8", "replace").split("<page ")[1:], 1):
        boxes = []
        for quad, c in CHAR_RE.findall(text):
            q = [float(v) for v in quad.split()]
            boxes.append((min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2]), html.unescape(c)))
        boxes.sort()
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b[0] >= a[2] - 1:  # sorted by left edge: nothing further can overlap a
                    break
                if min(a[3], b[3]) - max(a[1], b[1]) > 1:
                    found.append((page, a[4], b[4]))
    return found


def main():
    hyoka, doc_path, layout_path, outdir = sys.argv[1:5]
    os.makedirs(outdir, exist_ok=True)
    name = os.path.splitext(os.path.basename(doc_path))[0]
    pdf = os.path.join(outdir, name + ".pdf")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    r = subprocess.run([hyoka, "render", doc_path, "-o", pdf], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr)
        sys.exit(f"FAIL: render exited {r.returncode}")
    x = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True)
    failures = []
    if x.stderr.strip():
        failures.append("pdftotext warned: " + x.stderr.strip().splitlines()[0])
    # The publishing checks: every font embedded, subset and with a ToUnicode map; qpdf finds
    # no error; mutool extracts the text without a warning (other than its build's ICC note).
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout.splitlines()[2:]
    for f in fonts:
        cols = f.split()
        emb, sub, uni = cols[-5:-2]
        if (emb, sub, uni) != ("yes", "yes", "yes"):
            failures.append(f"font not embedded+subset+ToUnicode: {f.strip()}")
    if not fonts:
        failures.append("pdffonts lists no font")
    q = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    if q.returncode != 0:
        failures.append("qpdf --check: " + (q.stdout + q.stderr).strip().splitlines()[-1])
    m = subprocess.run(["mutool", "draw", "-F", "txt", "-o", os.devnull, pdf], capture_output=True, text=True)
    warnings = [l for l in m.stderr.splitlines()
                if l.strip() and "ICC support is not available" not in l and not l.startswith("page ")]
    if m.returncode != 0 or warnings:
        failures.append("mutool: " + (warnings[0] if warnings else f"exit {m.returncode}"))
    raw = subprocess.run(["mutool", "draw", "-F", "txt", pdf], capture_output=True).stdout
    # mutool 1.21 writes a ToUnicode target of several characters that holds a surrogate pair
    # (a variation sequence: 葛 + U+E0100) as two CESU-8 surrogates; join them back.
    mt = raw.decode("utf-8", "surrogatepass").encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    mflat = WS_RE.sub("", mt)

    lines = x.stdout.splitlines()
    furniture = re.compile(r"^\s*\d+ / \d+\s*$")
    body = [l for l in lines if not furniture.match(l)]
    flat = WS_RE.sub("", "".join(body))

    with open(doc_path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    gannen = (doc.get("書式") or {}).get("元年表記", "元年")
    with open(layout_path, encoding="utf-8") as f:
        layout = yaml.safe_load(f)
    gannen = (doc.get("書式") or {}).get("元年表記", (layout.get("era") or {}).get("first_year", "元年"))

    texts = list(values(doc, gannen)) + list(checkbox_texts(doc))
    if (layout.get("text") or {}).get("markup") == "underline":  # <u>…</u> marks, not text
        texts = [t.replace("<u>", "").replace("</u>", "") for t in texts]
    missing = 0
    for t in texts:
        needle = WS_RE.sub("", t)
        if needle and not (chunked_find(flat, needle) and chunked_find(mflat, needle)):
            missing += 1
            if missing <= 10:
                failures.append(f"text not found in the PDF: {t[:80]!r}")
    if missing > 10:
        failures.append(f"... {missing} texts missing in all")

    pos = 0
    for label in layout_labels(layout.get("body")):
        needle = WS_RE.sub("", label)
        p = flat.find(needle, pos)
        if p < 0:
            failures.append(f"label out of order or missing: {label!r}")
            break
        pos = p + len(needle)

    for i, l in enumerate(lines):
        s = l.lstrip()
        if s and s[0] in NO_LINE_START:
            failures.append(f"line {i + 1} of the extracted text starts with {s[0]!r}: {s[:40]!r}")

    check_structure(pdf, doc, layout, gannen, failures)

    # (別添1) grids: text extraction in content order keeps each item's lines together
    def grid_items(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "項目" and isinstance(v, list):
                    yield from (str(i) for i in v if isinstance(i, (str, int, float)))
                else:
                    yield from grid_items(v)
        elif isinstance(node, list):
            for v in node:
                yield from grid_items(v)
    for item in grid_items(doc):
        if WS_RE.sub("", item) not in flat:
            failures.append(f"grid item not contiguous in pdftotext -raw: {item[:40]!r}")
            break

    overlaps = overlapping_chars(pdf)
    for page, a, b in overlaps[:5]:
        failures.append(f"page {page}: characters drawn over each other: {a!r} and {b!r}")
    if len(overlaps) > 5:
        failures.append(f"... {len(overlaps)} overlapping pairs in all")

    print(f"{name}: {len(texts)} texts, {len(lines)} lines extracted")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(texts) - missing} passed, {missing} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
