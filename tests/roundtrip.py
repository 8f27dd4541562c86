#!/usr/bin/env python3
"""Round-trip test of one document: render it, extract the PDF's text with poppler, and check
that (1) every text value of the YAML is in the PDF, (2) the form's labels appear in layout
order, (3) no line starts with a character that kinsoku forbids at a line start, (4)
poppler printed no warning while extracting (a malformed ToUnicode map shows up there), and
(5) no two characters on a page overlap (text wrapped for a wider cell than the one it is drawn in).

usage: roundtrip.py HYOKA DOC.yaml LAYOUT.yaml OUTDIR

The check is independent of the renderer: it reads the YAML with PyYAML, converts ISO dates
to the era itself, and reads the PDF with pdftotext."""
import datetime
import html
import os
import re
import subprocess
import sys

import yaml

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
