#!/usr/bin/env python3
"""Anchors of the laid-out document against the rendered PDF.

    anchors.py HYOKA ANCHORS_DUMP SRCDIR DOC.yaml WORKDIR

ANCHORS_DUMP lays the document out with hy_engine_document and prints where each item of its
bound model was drawn; HYOKA renders the same document to a PDF. Checks:
  - each outline entry (bookmark) of the PDF is on the first page of the item that starts it
    (the section or heading), in order, and every outline entry is accounted for;
  - the text of each drawn item is on its pages: its first characters on its first page, its
    last characters on one of its pages (pdftotext per page);
  - every item the document gives a text for, and that the form prints in a row, was drawn;
  - items are drawn in layout order (first pages never go back).
"""
import os
import re
import subprocess
import sys


def norm(s):
    s = s.replace("<u>", "").replace("</u>", "")
    return re.sub(r"\s+", "", s)


def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "\\": "\\"}[m.group(1)], s)


def main():
    hyoka, dump, src, doc, work = sys.argv[1:6]
    os.makedirs(work, exist_ok=True)
    name = os.path.splitext(os.path.basename(doc))[0]
    pdf = os.path.join(work, name + ".pdf")
    if os.path.exists(pdf):
        os.remove(pdf)
    subprocess.run([hyoka, "render", doc, "-o", pdf], check=True)
    out = subprocess.run([dump, os.path.join(src, "layouts"), os.path.join(src, "fonts", "fonts.yaml"), doc],
                         check=True, capture_output=True).stdout.decode()
    items = []
    for line in out.splitlines():
        f = line.split("\t")
        items.append({"id": int(f[0]), "kind": f[1], "drawn": f[2] == "1", "first": int(f[3]),
                      "last": int(f[4]), "mark": unescape(f[7]), "form": unescape(f[8]),
                      "key": unescape(f[9]), "text": unescape(f[10])})
    errors = []

    # Outline entries, in order, with their pages (mutool: `"title"<TAB>#page=N&...`).
    outline = []
    for line in subprocess.run(["mutool", "show", pdf, "outline"], check=True,
                               capture_output=True).stdout.decode().splitlines():
        m = re.search(r'"(.*)"\t#page=(\d+)', line)
        if m:
            outline.append((m.group(1), int(m.group(2))))
    k = 0
    for it in items:
        if not it["mark"] or not it["drawn"]:
            continue
        while k < len(outline) and outline[k][0] != it["mark"]:
            errors.append("outline entry %r has no item" % (outline[k],))
            k += 1
        if k == len(outline):
            errors.append("item %s (%s) starts no outline entry" % (it["form"], it["mark"]))
            continue
        if outline[k][1] != it["first"]:
            errors.append("%s: bookmark on page %d, item drawn from page %d" % (it["mark"], outline[k][1], it["first"]))
        k += 1
    errors += ["outline entry %r has no item" % (o,) for o in outline[k:]]
    if "様式: 重点項目評価書" in open(doc, encoding="utf-8").read(300):
        if not any(it["mark"] == "III リスク対策" for it in items):
            errors.append("no item starts the bookmark 'III リスク対策'")

    # Text of each page.
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True).stdout.decode()
    pages = [norm(p) for p in text.split("\f")]
    leaf = {"text", "int", "block", "choice"}
    checked = 0
    for it in items:
        t = norm(it["text"])
        if it["kind"] not in leaf or len(t) < 2 or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", t):
            continue  # dates print in the Japanese era
        if not it["drawn"]:
            errors.append("%s (%s) holds a text but was not drawn" % (it["form"], it["key"]))
            continue
        head, tail = t[:6], t[-6:]
        if head not in pages[it["first"] - 1]:
            errors.append("%s: %r not on its first page %d" % (it["form"], head, it["first"]))
        # Anchors are as fine as rows: a short cell of a row split over two pages has its row's
        # extent, so its text ends on one of the item's pages, not always the last.
        if not any(tail in pages[p - 1] for p in range(it["first"], it["last"] + 1)):
            errors.append("%s: %r not on its pages %d-%d" % (it["form"], tail, it["first"], it["last"]))
        checked += 1
    if checked < 5:
        errors.append("only %d items with a text were checked" % checked)

    last = 0
    for it in items:
        if it["drawn"] and it["kind"] in leaf:
            if it["first"] < last:
                errors.append("%s drawn on page %d after an earlier item on page %d" % (it["form"], it["first"], last))
            last = max(last, it["first"])

    for e in errors[:40]:
        print("FAIL", name, e)
    print("%s: %d items, %d texts on their pages, %d bookmarks, %d errors" %
          (name, len(items), checked, len(outline), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
