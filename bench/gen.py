#!/usr/bin/env python3
"""bench/gen.py — generates a corpus of realistic assessments for benchmarking `hyoka batch`.

Documents are recombined from the content of examples/*.yaml: the repeated groups (システム,
委託事項, 移転先) get 1–20 entries drawn from every example of the same form, and the change
table (別添2) / correction rows (行) are resampled, so that documents run from about 5 to 40
pages (most around 10–20). Output is deterministic for a given seed and N; documents are
spread over subdirectories (city/year/) as a real archive would be.

    python3 bench/gen.py OUTDIR [-n 200] [--seed 1] [--examples examples]
"""
import argparse
import copy
import json
import math
import os
import random
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CITIES = ["chiba", "meguro", "sakai", "sendai", "kobe", "nagoya", "sapporo", "fukuoka"]
YEARS = ["2019", "2020", "2021", "2022", "2023", "2024"]


# ---------------------------------------------------------------- a small YAML writer
# PyYAML's dumper quotes "44" or "2019-05-30" once the values are read as strings, and folds
# long text; this writer keeps scalars plain where YAML allows it and uses | blocks for
# multi-line text, as a person would write the file.

BAD_FIRST = set("-?:,[]{}#&*!|>'\"%@` ")


def plain_ok(s):
    return (s != "" and s == s.strip() and s[0] not in BAD_FIRST and "\n" not in s
            and "\t" not in s and "\r" not in s and ": " not in s and " #" not in s
            and not s.endswith(":"))


def scalar(s):
    return s if plain_ok(s) else json.dumps(s, ensure_ascii=False)


def block_ok(s):
    lines = s.split("\n")
    return "\r" not in s and "\t" not in s and lines[0] != "" and not lines[0].startswith(" ")


def block(s, ind):
    chomp = "" if s.endswith("\n") and not s.endswith("\n\n") else ("-" if not s.endswith("\n") else "+")
    body = s[:-1] if s.endswith("\n") else s
    pad = " " * ind
    return ["|" + chomp] + [(pad + l) if l else "" for l in body.split("\n")]


def value_lines(v, ind):
    """Lines for a value that follows `key:` or `-`; the first line goes on the same line."""
    if isinstance(v, dict):
        return [" {}"] if not v else [""] + emit(v, ind)
    if isinstance(v, list):
        return [" []"] if not v else [""] + emit(v, ind)
    s = "" if v is None else str(v)
    if "\n" in s and block_ok(s):
        b = block(s, ind)
        return [" " + b[0]] + b[1:]
    return [" " + scalar(s)]


def emit(node, ind=0):
    pad = " " * ind
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            vl = value_lines(v, ind + 2)
            out.append(pad + scalar(str(k)) + ":" + vl[0])
            out.extend(vl[1:])
    else:
        for item in node:
            if isinstance(item, (dict, list)) and item:
                inner = emit(item, ind + 2)
                out.append(pad + "- " + inner[0][ind + 2:])
                out.extend(inner[1:])
            else:
                vl = value_lines(item, ind + 2)
                out.append(pad + "-" + vl[0])
                out.extend(vl[1:])
    return out


# ---------------------------------------------------------------- recombining the examples

def get(d, path):
    for k in path:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def pool(docs, path):
    items = []
    for d in docs:
        v = get(d, path)
        if isinstance(v, list):
            items.extend(v)
    return items


def sample(rng, items, k):
    """k items: a shuffled cycle through the pool, so small k are varied and large k repeat."""
    out = []
    while len(out) < k:
        batch = items[:]
        rng.shuffle(batch)
        out.extend(batch)
    return copy.deepcopy(out[:k])


def group_count(rng):
    # Mostly small, sometimes large: 1–20.
    return min(20, 1 + int(rng.expovariate(1 / 2.0)))


def shorten_text(s, v):
    """Keeps the first fraction v of the lines (or of the sentences of a one-line text)."""
    if "\n" in s.rstrip("\n"):
        lines = s.rstrip("\n").split("\n")
        keep = max(1, math.ceil(len(lines) * v))
        return "\n".join(lines[:keep]) + ("\n" if s.endswith("\n") else "")
    parts = s.split("。")
    if len(parts) > 2:
        keep = max(1, math.ceil((len(parts) - 1) * v))
        return "。".join(parts[:keep]) + "。"
    return s


def shorten(node, v):
    """A terser author: every text keeps a fraction v of its lines or sentences."""
    if isinstance(node, dict):
        return {k: shorten(x, v) for k, x in node.items()}
    if isinstance(node, list):
        return [shorten(x, v) for x in node]
    return shorten_text(node, v) if isinstance(node, str) else node


GROUPS = [("I", "システム"), ("II", "委託", "委託事項"), ("II", "提供・移転", "移転先")]


def juten(rng, docs):
    doc = shorten(rng.choice(docs), rng.choice([0.2, 0.35, 0.5, 0.75, 1.0]))
    for path in GROUPS:
        parent = get(doc, path[:-1])
        items = pool(docs, path)
        if isinstance(parent, dict) and items:
            parent[path[-1]] = sample(rng, items, group_count(rng))
    itaku = get(doc, ("II", "委託"))
    if isinstance(itaku, dict) and isinstance(itaku.get("委託事項"), list):
        itaku["件数"] = str(len(itaku["委託事項"]))
    teikyo = get(doc, ("II", "提供・移転"))
    if isinstance(teikyo, dict):
        fix_transfer_count(teikyo)
    rows = pool(docs, ("別添2", "変更箇所"))
    if rows and isinstance(doc.get("別添2"), dict):
        doc["別添2"]["変更箇所"] = sample(rng, rows, rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20, 30, 45, 70]))
    return doc


def fix_transfer_count(teikyo):
    n = len(teikyo.get("移転先") or [])
    marks = teikyo.get("提供・移転の有無")
    if isinstance(marks, list):
        for m in marks:
            if isinstance(m, dict) and "移転を行っている" in m:
                m["移転を行っている"] = str(n)


def revision(rng, docs):
    doc = copy.deepcopy(rng.choice(docs))
    rows = pool([doc], ("行",))
    doc["行"] = sample(rng, rows, rng.choice([12, 20, 30, 45, 60, 90, 120]))
    return doc


def load_examples(d):
    by_kind = {}
    for name in sorted(os.listdir(d)):
        if name.endswith(".yaml"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                doc = yaml.load(f, Loader=yaml.BaseLoader)
            by_kind.setdefault(doc.get("様式"), []).append(doc)
    return by_kind


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("-n", type=int, default=200, help="number of documents (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--examples", default=os.path.join(HERE, "..", "examples"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    kinds = load_examples(a.examples)
    makers = [(juten, kinds.get("重点項目評価書", [])), (revision, kinds.get("修正等を要する部分とその内容", []))]
    makers = [(f, docs) for f, docs in makers if docs]
    if not makers:
        sys.exit("gen.py: no examples found in " + a.examples)
    for i in range(a.n):
        make, docs = makers[0] if len(makers) == 1 or rng.random() < 0.8 else makers[1]
        doc = make(rng, docs)
        rel = os.path.join(rng.choice(CITIES), rng.choice(YEARS), "%04d-%s.yaml" % (i, make.__name__))
        path = os.path.join(a.outdir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(emit(doc)) + "\n")
    print("gen.py: wrote %d documents to %s" % (a.n, a.outdir))


if __name__ == "__main__":
    main()
