#!/usr/bin/env python3
"""tests/gen_large.py — writes the largest inputs of several shapes, just under the 8 MiB input
limit (YL_MAX_INPUT_BYTES), for the resource test (tests/test_limits.sh) and by hand:

    gen_large.py SHAPE OUT.yaml [BYTES]

Shapes:
  cell    one value cell of 8 MiB of short lines (needs far more than the page limit)
  para    one value cell holding one 8 MiB paragraph without a line break (about 1,200 pages)
  rows    a correction table of many small rows (refused at the page limit)
  fit     a correction table just under the page limit (about 1,900 pages)
  wide    a correction table with 12 proposal columns and long texts in every cell
  marks   many lines, each a letter with a stack of 1,000 combining marks
"""
import sys

LIMIT = 8 << 20
FIT_BYTES = 4 << 20   # the fit shape: about 970 pages
HEAD = """様式: 重点項目評価書
表紙:
  評価書番号: 930
  評価書名: 大きな入力試験 重点項目評価書
  宣言: 試験市は、個人のプライバシー等の権利利益の保護を実施していることを宣言する。
  評価実施機関名: 試験県試験市長
  公表日: 2024-03-15
I:
  事務:
    名称: 大きな入力試験の事務
    内容: |
"""
TAIL = "    対象人数: 1万人以上10万人未満\n"
SENTENCE = "特定個人情報の取扱いに関する手順を定め、その内容を確認する。"


def revision(n_heads):
    heads = "".join("  - 修正案%d\n" % i for i in range(n_heads))
    return "様式: 修正等を要する部分とその内容\n事務名: 大きな入力試験\n修正案見出し:\n" + heads + "行:\n"


def fill(head, unit, tail, size):
    """head + as many copies of unit(i) as fit in size bytes + tail."""
    out, n, i = [head], len((head + tail).encode()), 0
    while True:
        u = unit(i)
        b = len(u.encode())
        if n + b > size:
            break
        out.append(u)
        n += b
        i += 1
    out.append(tail)
    return "".join(out)


def main():
    shape, path = sys.argv[1], sys.argv[2]
    size = int(sys.argv[3]) if len(sys.argv) > 3 else LIMIT - 4096
    if shape == "cell":
        text = fill(HEAD, lambda i: "      あ\n", TAIL, size)
    elif shape == "para":
        body = SENTENCE * ((size - 2048) // len(SENTENCE.encode()))
        text = HEAD + "      " + body + "\n" + TAIL
    elif shape == "rows":
        text = fill(revision(2), lambda i: "  - {項目: 項目%d, ページ: %d, 現在の評価書: 現在, 修正案: [案一, 案二], 理由: 理由}\n"
                    % (i, i % 100), "", size)
    elif shape == "fit":
        size = min(size, FIT_BYTES)
        text = fill(revision(2), lambda i: "  - {項目: %s, ページ: %d, 現在の評価書: %s, 修正案: [%s, 変更なし], 理由: %s}\n"
                    % (SENTENCE, i % 100, SENTENCE * 2, SENTENCE * 3, SENTENCE), "", size)
    elif shape == "wide":
        cell = SENTENCE * 20
        row = "  - {項目: %s, ページ: 1, 現在の評価書: %s, 修正案: [%s], 理由: %s}\n" % (
            cell, cell, ", ".join([cell] * 12), cell)
        text = fill(revision(12), lambda i: row, "", size)
    elif shape == "marks":
        stack = "e" + "\u0301" * 1000
        text = fill(HEAD, lambda i: "      " + stack + "\n", TAIL, size)
    else:
        sys.exit("unknown shape " + shape)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
