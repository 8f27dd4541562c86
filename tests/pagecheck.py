#!/usr/bin/env python3
"""tests/pagecheck.py — checks the laid-out pages of documents, as an official would before
publishing them. Reads the pages through `hyoka layout` (rows, cells and text lines as placed,
see src/layout_dump.h), not the PDF's text, and reports every page that shows:

  stranded    a heading, band, risk title, table header or other label-only row (every cell
              shaded, or a row kept with the next) as the last row of a page that is not the
              document's last: its content begins the next page without it;
  unlabelled  a row continued from the page before whose first column is blank or whose label
              cell does not show its label (marked continued);
  cut         a label repeated where its row continues, shortened ("…（続き）") inside a word
              rather than after a space, punctuation, a bracket or a particle;
  subheading  a cell's text broken over a page right after a sub-heading line (a paragraph of
              one line in brackets: 【…における措置】 <…> ＜…＞), its content on the next page;
  kinsoku     a wrapped line that starts with a closing bracket or another character JLREQ 3.1.7
              forbids at line start, or a line that ends with an opening bracket (JLREQ 3.1.8)
              and goes on in the next line;
  item        a line that ends with the number of a list item ("、10." "5.⑤" "①") whose
              item goes on in the next line;
  lone        a line that holds only ※, or a label's last line with a single character;
  bookmark    a bookmark whose page is not the page where its row and the row after it begin.

The character lists below are written from JLREQ Appendix A (docs: shared research notes), not
taken from src/linebreak.c, so that the check reads the pages independently of the engine.

usage:
  pagecheck.py HYOKA DOC.yaml...                check documents
  pagecheck.py HYOKA --sweep N --workdir DIR    also N documents from bench/gen.py, and every
                                                example with 0..L-1 filler lines at the start of
                                                each section (L = --lengths, default 70)
  --report      print the count of each fault kind and do not fail (for measurements)
  --examples D  examples directory (default: examples/ next to this script's directory)
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# JLREQ 3.1.7 (very strict level, the project's): not at line start. cl-02 closing brackets,
# cl-03 hyphens, cl-04 dividing punctuation, cl-05 middle dots, cl-06 full stops, cl-07 commas,
# cl-09 iteration marks, cl-10 prolonged sound mark, cl-11 small kana, with their full- and
# half-width forms and the ASCII / full-width > that documents use as a closing bracket.
NO_START = set(
    "’”)〕]}〉》」』】⦆〙〗»〟）］｝｠｣〛〞>＞〉›"  # cl-02 (+ forms)
    "‐〜゠–～"                                    # cl-03
    "!?‼⁇⁈⁉！？"                                  # cl-04
    "・:;：；･"                                   # cl-05
    "。.．｡"                                      # cl-06
    "、,，､"                                      # cl-07
    "ヽヾゝゞ々〻"                                # cl-09
    "ーｰ"                                         # cl-10
    "ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"  # cl-11
)
# JLREQ 3.1.8: not at line end. cl-01 opening brackets (+ forms, < ＜).
NO_END = set("‘“(〔[{〈《「『【⦅〘〖«〝（［｛｟｢〚<＜〈‹")

KINDS = ("stranded", "unlabelled", "cut", "subheading", "kinsoku", "item", "lone", "bookmark", "render")

# The number of a running list's item at the end of a line: digits with . ． ) ） after a
# separator or the line start, or a circled / parenthesised number (① ⑴ ⒈ ❶ ㈠ ㉑ ㊱). (Lines
# are stored without their trailing spaces, so "、10 " cannot be told from "、10" + "件": that
# case is a unit test of the line breaker, tests/test_linebreak.c.)
ITEM_END = re.compile(r"(?:(?:^|[、，,・ \u3000])\d+[.．)）][\u2460-\u24ff]?"
                      r"|\d[.．][\u2460-\u24ff]|[\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3220-\u3229"
                      r"\u3251-\u325f\u32b1-\u32bf])$")


WORD_END_AFTER = set(" \u3000、。，．・：:;；.,)）」』】〕〉》>＞］]")
WORD_START_BEFORE = set(" \u3000(（「『【〔〈《<＜［[")


def hiragana(ch):
    return "\u3041" <= ch <= "\u309f"


def cut_at_word(prefix, original):
    """Does a shortened label `prefix` (of `original`) end where a word ends?"""
    prefix = prefix.rstrip(" \u3000")
    if not prefix or not original.startswith(prefix) or len(original) == len(prefix):
        return True
    a, b = prefix[-1], original[len(prefix)]
    return (a in WORD_END_AFTER or b in WORD_START_BEFORE or "\u2460" <= b <= "\u24ff"
            or (hiragana(a) and not hiragana(b)))


OPENING = NO_END
CLOSING = set("’”)〕]}〉》」』】⦆〙〗»〟）］｝｠｣〛〞>＞〉›")


def bracketed_line(lines, i):
    """Is lines[i] a whole paragraph of one line in brackets (a sub-heading)?"""
    t = lines[i]["text"].strip(" \u3000")
    whole = lines[i]["start"] == "first" and (i + 1 == len(lines) or lines[i + 1]["start"] == "first")
    return whole and len(t) > 1 and t[0] in OPENING and t[-1] in CLOSING


def cell_text(cell):
    return "".join(line["text"] for line in cell["lines"]).strip()


def check_doc(doc):
    """Faults of one laid-out document: a list of (kind, page, message)."""
    faults = []
    rows = doc["rows"]
    n_pages = doc["pages"]

    # The last row part on each page, and the page where each row begins.
    last_on_page = {}
    first_page = {}
    first_body_on_page = {}
    for part in rows:
        if part["kind"] == "header":
            continue
        p = part["page"]
        if p not in last_on_page or part["y1"] >= last_on_page[p]["y1"]:
            last_on_page[p] = part
        if p not in first_body_on_page or part["y0"] < first_body_on_page[p]["y0"]:
            first_body_on_page[p] = part
        first_page.setdefault(part["row"], p)

    for p, part in sorted(last_on_page.items()):
        if p >= n_pages - 1:
            continue
        shaded = all(c.get("shaded") for c in part["cells"]) and part["cells"]
        if part["kind"] == "keep" or shaded:
            text = " | ".join(cell_text(c) for c in part["cells"])[:60]
            faults.append(("stranded", p, "last row of the page is a heading/label-only row: " + text))

    for part in rows:
        if part["kind"] == "header":
            continue
        top = first_body_on_page.get(part["page"]) is part
        if not part["continued"] and not top:
            continue
        cells = part["cells"]
        if part["continued"] and cells:
            left = min(cells, key=lambda c: c["x"])
            if not cell_text(left):
                faults.append(("unlabelled", part["page"],
                               "continued row %d shows nothing in its first column" % part["row"]))
        for c in cells:
            if c["label"] and (part["continued"] or c["cont"]) and not cell_text(c):
                faults.append(("unlabelled", part["page"],
                               "continued row %d: a label cell is blank" % part["row"]))

    first_part = {}
    for part in rows:
        if not part["continued"] and part["kind"] != "header":
            first_part.setdefault(part["row"], part)
    for part in rows:
        if part["kind"] == "header":
            continue
        for c in part["cells"]:
            t = cell_text(c)
            if not (c["cont"] and "…" in t):
                continue
            orig = first_part.get(part["row"])
            same = [o for o in (orig["cells"] if orig else []) if abs(o["x"] - c["x"]) < 0.5]
            prefix = t[:t.rindex("…")]
            if same and not cut_at_word(prefix, cell_text(same[0])):
                faults.append(("cut", part["page"], "label cut inside a word: %s" % t[-24:]))

    parts_of = {}
    for part in rows:
        if part["kind"] != "header":
            parts_of.setdefault(part["row"], []).append(part)
    for part in rows:
        if not part["continues"] or part["kind"] == "header":
            continue
        later = parts_of.get(part["row"], [])
        nxt = later[later.index(part) + 1] if part in later and later.index(part) + 1 < len(later) else None
        for c in part["cells"]:
            if not c["lines"] or not bracketed_line(c["lines"], len(c["lines"]) - 1) or not nxt:
                continue
            goes_on = [o for o in nxt["cells"] if abs(o["x"] - c["x"]) < 0.5 and not o["cont"] and o["lines"]]
            if goes_on:
                faults.append(("subheading", part["page"], "sub-heading last on the page: " + c["lines"][-1]["text"]))

    for part in rows:
        for c in part["cells"]:
            lines = c["lines"]
            for i, line in enumerate(lines):
                t = line["text"]
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                if line["start"] == "wrapped" and t and t[0] in NO_START:
                    faults.append(("kinsoku", part["page"], "line starts with %s: %s" % (t[0], t[:30])))
                s = t.rstrip(" \u3000")
                if nxt and nxt["start"] == "wrapped" and s and s[-1] in NO_END:
                    faults.append(("kinsoku", part["page"], "line ends with %s: %s" % (s[-1], t[-30:])))
                if nxt and nxt["start"] == "wrapped" and ITEM_END.search(t):
                    faults.append(("item", part["page"], "item number apart from its item: …%s / %s…"
                                   % (t[-12:], nxt["text"][:8])))
                visible = t.strip(" \u3000")
                if visible == "※" and line["start"] != "first":
                    faults.append(("lone", part["page"], "lone ※ in: " + cell_text(c)[:40]))
                elif (c["label"] and line["start"] == "wrapped" and len(visible) == 1
                      and (nxt is None or nxt["start"] == "first")):
                    faults.append(("lone", part["page"], "label ends with a lone %s: %s" % (visible, cell_text(c)[:40])))

    for part in rows:
        if part["mark"] < 0:
            continue
        m = doc["marks"][part["mark"]]
        row_page = first_page.get(part["row"])
        next_page = first_page.get(part["row"] + 1, row_page)
        if m["page"] != row_page or abs(m["y"] - part["y0"]) > 0.5 or part["continued"]:
            faults.append(("bookmark", m["page"], "bookmark %s is not at its row" % m["title"]))
        elif next_page != row_page and next_page is not None:
            faults.append(("bookmark", m["page"], "bookmark %s: its row is alone on page %d, its content on %d"
                           % (m["title"], row_page + 1, next_page + 1)))
    return faults


def layout(hyoka, paths, chunk=50):
    """Runs `hyoka layout` over paths (in chunks); yields (path, laid-out document or None)."""
    for i in range(0, len(paths), chunk):
        part = paths[i:i + chunk]
        r = subprocess.run([hyoka, "layout"] + part, capture_output=True, text=True)
        got = {}
        for line in r.stdout.splitlines():
            d = json.loads(line)
            got[d["file"]] = d
        for p in part:
            if p not in got:
                sys.stderr.write("\n".join(r.stderr.splitlines()[:5])[:2000] + "\n")
            yield p, got.get(p)


# ---------------------------------------------------------------- generated documents

def first_text(node, path=()):
    """Path to the first mapping value that is free text (a sentence, not an option or a date)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, str) and "。" in v:
                return path + (k,)
            if isinstance(v, (dict, list)):
                found = first_text(v, path + (k,))
                if found:
                    return found
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, dict):
                found = first_text(v, path + (i,))
                if found:
                    return found
    return None


def with_filler(doc, n):
    """doc with n filler lines added to the first text of each section (all pages shift)."""
    import copy
    d = copy.deepcopy(doc)
    filler = "".join("\n%02d 位置をずらすための行。" % (i + 1) for i in range(n))
    sections = [v for k, v in d.items() if isinstance(v, (dict, list)) and k != "表紙"]
    if not sections:
        sections = [d]
    for sec in sections:
        path = first_text(sec)
        if not path:
            continue
        node = sec
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = node[path[-1]].rstrip("\n") + filler
    return d


def sweep_docs(n, lengths, workdir, examples):
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    import gen  # bench/gen.py: documents recombined from the examples
    import yaml
    import shutil
    for sub in ("gen", "filler"):
        shutil.rmtree(os.path.join(workdir, sub), ignore_errors=True)
    os.makedirs(workdir, exist_ok=True)
    paths = []
    if n:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen.py"), os.path.join(workdir, "gen"),
                        "-n", str(n), "--seed", "14", "--examples", examples], check=True,
                       stdout=subprocess.DEVNULL)
        for base, _, files in os.walk(os.path.join(workdir, "gen")):
            paths += [os.path.join(base, f) for f in files if f.endswith(".yaml")]
    fill_dir = os.path.join(workdir, "filler")
    os.makedirs(fill_dir, exist_ok=True)
    for name in sorted(os.listdir(examples)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(examples, name), encoding="utf-8") as f:
            doc = yaml.load(f, Loader=yaml.BaseLoader)
        for k in range(lengths):
            p = os.path.join(fill_dir, "%s-%02d.yaml" % (name[:-5], k))
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join(gen.emit(with_filler(doc, k))) + "\n")
            paths.append(p)
    return sorted(paths)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("hyoka")
    ap.add_argument("docs", nargs="*")
    ap.add_argument("--sweep", type=int, default=0)
    ap.add_argument("--lengths", type=int, default=70)
    ap.add_argument("--workdir", default="pagecheck-out")
    ap.add_argument("--examples", default=os.path.join(ROOT, "examples"))
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()
    paths = list(a.docs)
    if a.sweep or a.workdir != "pagecheck-out":
        paths += sweep_docs(a.sweep, a.lengths, a.workdir, a.examples)
    counts = {k: 0 for k in KINDS}
    docs_with = {k: 0 for k in KINDS}
    shown = 0
    pages = 0
    for path, doc in layout(a.hyoka, paths):
        faults = [("render", 0, "hyoka layout failed")] if doc is None else check_doc(doc)
        pages += doc["pages"] if doc else 0
        seen = set()
        for kind, page, msg in faults:
            counts[kind] += 1
            seen.add(kind)
            if shown < 60:
                print("%s: page %d: %s: %s" % (path, page + 1, kind, msg))
                shown += 1
        for k in seen:
            docs_with[k] += 1
    total = sum(counts.values())
    print("pagecheck: %d documents, %d pages; faults: %s" % (
        len(paths), pages, ", ".join("%s %d (in %d documents)" % (k, counts[k], docs_with[k]) for k in KINDS)))
    return 0 if a.report or total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
