#!/usr/bin/env python3
"""diff_examples.py — `hyoka diff` on versions made mechanically from an example, so that what
must come out is known without reading the document: the same document with every key sorted,
every text double-quoted and long lines folded is no change; each long text with a sentence
appended is exactly one change, of that text, whose 別添2 row quotes both versions as written;
and the revision document of all those changes renders.

usage: diff_examples.py HYOKA EXAMPLE.yaml WORKDIR"""
import os
import re
import shutil
import subprocess
import sys

import yaml

HYOKA, EXAMPLE, WORK = (os.path.abspath(a) for a in sys.argv[1:4])
failures = []
ADDED = "（追記した一文。）"


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what[:600], file=sys.stderr)


def hyoka(*args):
    p = subprocess.run([HYOKA, *args], capture_output=True, text=True)
    check(p.returncode == 0, f"hyoka {' '.join(args)}: exit {p.returncode}\n{p.stderr[:600]}")
    return p.stdout


def dump(doc, path):
    text = yaml.dump(doc, allow_unicode=True, sort_keys=True, default_style='"', width=60)
    text = re.sub(r': "(true|false)"\n', r": \1\n", text)  # checkboxes are booleans, unquoted
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def long_texts(node, path=()):
    """Paths to the texts of more than 40 characters (written texts, never a choice or a date)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in ("様式", "別添1", "別添2"):  # 別添1 is one item of many texts
                yield from long_texts(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from long_texts(v, path + (i,))
    elif isinstance(node, str) and len(node) > 40 and "\n" not in node.strip():
        yield path


def at(node, path):
    for p in path:
        node = node[p]
    return node


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
doc = yaml.load(open(EXAMPLE, encoding="utf-8"), Loader=yaml.BaseLoader)

same = os.path.join(WORK, "same.yaml")
dump(doc, same)
out = hyoka("diff", EXAMPLE, same)
check(out.strip().endswith("0 items changed"), f"sorted, quoted and folded: no change, got:\n{out[-600:]}")

paths = list(long_texts(doc))
paths = paths[::max(1, len(paths) // 12)][:12]  # a spread of the document's texts
check(len(paths) >= 3, f"the example has long texts to change ({len(paths)})")
changed = os.path.join(WORK, "changed.yaml")
for p in paths:
    at(doc, p[:-1])[p[-1]] = at(doc, p) + ADDED
dump(doc, changed)
rows = yaml.safe_load(hyoka("diff", EXAMPLE, changed, "--format", "bessou2")) or []
check(len(rows) == len(paths), f"{len(paths)} texts changed, {len(rows)} rows")
for r in rows:
    before, after = str(r["変更前の記載"]), str(r["変更後の記載"])
    check(ADDED in after and after.replace(ADDED, "", 1) == before,
          f"{r['項目']}: the row quotes both versions: {before[:40]}… / {after[-40:]}")
rev = os.path.join(WORK, "rev.yaml")
hyoka("diff", EXAMPLE, changed, "--format", "revision", "-o", rev)
hyoka("render", rev, "-o", os.path.join(WORK, "rev.pdf"))
marked = yaml.safe_load(open(rev, encoding="utf-8"))["行"]
check(all(f"<u>{ADDED}</u>" in r["修正案"][0] or ADDED in r["修正案"][0] for r in marked), "the added sentence in each 修正案")
check(sum(f"<u>{ADDED}</u>" in r["修正案"][0] for r in marked) >= len(marked) // 2,
      "the added sentence is underlined, not the whole text")

# each row's ページ: a page of the example's PDF holding the row's current text. pdftotext reads
# a wrapped label ("⑤再委託の許諾" / "方法") into the middle of the value beside it, so the text
# is checked in pieces of 8 characters, nearly all of which must be on the page.
pdf = os.path.join(WORK, "old.pdf")
hyoka("render", EXAMPLE, "-o", pdf)
n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout)[1])
pages = [re.sub(r"\s+", "", subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-enc", "UTF-8", pdf, "-"],
                                            capture_output=True, text=True).stdout) for p in range(1, n + 1)]
for r in marked:
    p, cur = r.get("ページ"), str(r["現在の評価書"])
    text = re.sub(r"\s+", "", cur.replace("(略)", ""))
    pieces = [text[i:i + 8] for i in range(0, len(text), 8)]
    on_page = isinstance(p, int) and 1 <= p <= n and sum(x in pages[p - 1] for x in pieces) >= 0.8 * len(pieces)
    check(on_page, f"{r['項目']}: page {p} of {n} holds its current text {text[:40]}")

if failures:
    print(f"diff_examples: {len(failures)} failed", file=sys.stderr)
    sys.exit(1)
print("diff_examples: all passed")
