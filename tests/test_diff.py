#!/usr/bin/env python3
"""test_diff.py — `hyoka diff` on versions made from an example: the changed items found are
exactly those changed (a text, a choice, a checked item, a group entry added and removed, a
count, a date; a reordered key, a moved section and a reformatted text are no change; a change
on the last page of a long item); the 別添2 rows read back through `hyoka check` as written and
warn for each 【要記入】; the revision document renders and each row's ページ is a page of the old
version's PDF holding the row's current text; REV:path from git and standard input work.

usage: test_diff.py HYOKA EXAMPLE.yaml WORKDIR"""
import os
import re
import shutil
import subprocess
import sys

import yaml

HYOKA, EXAMPLE, WORK = (os.path.abspath(a) for a in sys.argv[1:4])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what[:600], file=sys.stderr)


def run(*args, stdin=None, cwd=None, want=0):
    p = subprocess.run([HYOKA, *args], input=stdin, capture_output=True, cwd=cwd)
    out, err = p.stdout.decode(), p.stderr.decode()
    check(p.returncode == want, f"hyoka {' '.join(args)}: exit {p.returncode}, wanted {want}\n{err}")
    return out, err


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def replace(text, old, new, count=1):
    assert old in text, f"the example no longer holds {old!r}"
    return text.replace(old, new, count)


def changed_items(listing):
    """The item names of `hyoka diff` (list format): the lines that start a change."""
    items = [l.split(" (p.")[0] for l in listing.splitlines() if l and not l.startswith(" ")]
    return items[:-1]  # the last line counts them


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
base = open(EXAMPLE, encoding="utf-8").read()
old = write("old.yaml", base)

# ---- no change: keys reordered, a section moved, texts reformatted (they print the same)
same = replace(base, "    部署: 保健福祉局健康福祉部健康支援課\n    所属長の役職名: 健康支援課長\n",
               "    所属長の役職名: 健康支援課長\n    部署: 保健福祉局健康福祉部健康支援課\n")
sec_v = same[same.index("\nV:\n") + 1:same.index("\n別添2:\n") + 1]
same = same.replace(sec_v, "")
same = replace(same, "\nI:\n", "\n" + sec_v + "I:\n")
same = replace(same, "    使用方法: |\n      対象者の確認\n      がん検診等検診結果の登録\n",
               "    使用方法: \"対象者の確認\\nがん検診等検診結果の登録\\n")
same = replace(same, "      がん検診等の結果について情報提供ネットワークシステムを介した情報提供\n",
               "がん検診等の結果について情報提供ネットワークシステムを介した情報提供\"\n")
same = replace(same, "  ファイル名: 検診情報ファイル\n", "  ファイル名: '検診情報ファイル'   \n")
out, _ = run("diff", old, write("same.yaml", same))
check(changed_items(out) == [], f"reordered and reformatted: no change expected, got {changed_items(out)}")
out, _ = run("diff", old, os.path.join(WORK, "same.yaml"), "--format", "bessou2")
check("\n    - " not in out, "no change: no 別添2 rows")

# ---- one version with a changed text, choice, checked item, count, date and an added entry
new = replace(base, "使用目的: がん検診等の適正な実施の確認等のため", "使用目的: がん検診等の適正な実施の確認及び精度管理のため")
new = replace(new, "    使用者数: 10人以上50人未満", "    使用者数: 50人以上100人未満")
new = replace(new, "    入手方法:\n      - 紙\n", "    入手方法:\n      - 紙\n      - 電子メール\n")
new = replace(new, "    件数: 1\n", "    件数: 2\n")
new = replace(new, "        再委託事項: \"\"\n  保管・消去:",
              "        再委託事項: \"\"\n      - 名称: 検診結果の入力\n        委託内容: 検診票の検診結果の入力\n"
              "        取扱者数: 10人未満\n        委託先名: 株式会社入力センター\n        再委託の有無: 再委託しない\n"
              "  保管・消去:")
new = replace(new, "  公表日: 2025-11-26", "  公表日: 2026-03-01")  # dates the change, is none
new = replace(new, "    保有開始日: 2022-06-01", "    保有開始日: 2022-07-01")
# a change at the end of a long item: its last paragraph, pages after its start
para = "・申告書及び届出書等の紙やデータの授受に利用する電磁的記録媒体については、許可された者以外入室することのできない執務室内での取り扱いのみに限られており、また使用後は、定められた場所で施錠管理を行って格納する等している。\n"
long_old = replace(base, "    保管場所: |\n", "    保管場所: |\n" + "".join(
    f"      {i + 1}. " + para for i in range(60)))
long_old = write("old-long.yaml", long_old)
new = write("new.yaml", new)
want = ["II 2. ⑤保有開始日", "II 3. ②入手方法", "II 3. ③使用目的", "II 3. ④使用の主体「使用者数」", "II 4.「委託の有無」",
        "II 4. 委託事項2"]
out, _ = run("diff", old, new)
check(changed_items(out) == want, f"changed items: want {want}, got {changed_items(out)}")

# the entry removed again: one change, 削除 after
out, _ = run("diff", new, old, "--format", "bessou2")
rows = yaml.safe_load(out)
check(len(rows) == 6, f"reverse: 6 rows, got {len(rows)}")
entry = [r for r in rows if r["項目"] == "II 4. 委託事項2"]
check(len(entry) == 1 and entry[0]["変更後の記載"] == "削除" and "株式会社入力センター" in entry[0]["変更前の記載"],
      f"removed entry: one row, 削除 after: {entry}")
check(all(str(r["変更日"]) == "2025-11-26" for r in rows), "変更日 is the newer version's 公表日")

# an entry removed from the middle: one change; the entries after it, renumbered, are none
three = replace(open(new, encoding="utf-8").read(), "    件数: 2\n", "    件数: 3\n")
three = replace(three, "  保管・消去:", "      - 名称: 封入封かん\n        委託内容: 通知書の封入封かん\n        取扱者数: 10人未満\n"
                "        委託先名: 株式会社封入\n        再委託の有無: 再委託しない\n  保管・消去:")
three = write("three.yaml", three)
two = replace(open(three, encoding="utf-8").read(), "      - 名称: 検診結果の入力\n        委託内容: 検診票の検診結果の入力\n"
              "        取扱者数: 10人未満\n        委託先名: 株式会社入力センター\n        再委託の有無: 再委託しない\n", "")
two = replace(two, "    件数: 3\n", "    件数: 2\n")
two = replace(two, "委託先名: 株式会社封入", "委託先名: 株式会社封入センター")
two = write("two.yaml", two)
out, _ = run("diff", three, two)
check(changed_items(out) == ["II 4.「委託の有無」", "II 4. 委託事項2", "II 4. 委託事項3 ③委託先名"],
      f"middle entry removed, the next one renumbered and changed: {changed_items(out)}")
out, _ = run("diff", three, two, "--format", "bessou2")
check([r["項目"] for r in yaml.safe_load(out)] == ["II 4.「委託の有無」", "II 4. 委託事項2", "II 4. 委託事項2 ③委託先名"],
      "別添2 rows name an entry as the newer version numbers it")

# ---- 別添2 rows: appended to the new version they check, warn for each 【要記入】, read back as written
out, _ = run("diff", old, new, "--format", "bessou2", "--date", "2026-04-01")
rows = yaml.safe_load(out)
check([r["項目"] for r in rows] == want, "別添2 rows: one per changed item")
check(all(str(r["変更日"]) == "2026-04-01" for r in rows), "--date sets 変更日")
listing, _ = run("diff", old, new)
blocks = listing.split("\n")
with_rows = write("new-with-rows.yaml", open(new, encoding="utf-8").read() + out)
cout, cerr = run("check", with_rows)
check(cerr.count("warning:") == 11 and "2 more places still say '【要記入】'" in cerr and "error" not in cerr,
      f"check of the appended rows: 10 warnings and one for the 2 more, no error:\n{cerr}")
appended = yaml.safe_load(open(with_rows, encoding="utf-8"))["別添2"]["変更箇所"][-len(rows):]
check(appended == rows, "appended rows read back as written")
r = [r for r in rows if r["項目"] == "II 3. ②入手方法"][0]
check(r["変更前の記載"] == "[○] 紙\n[○] 庁内連携システム" and r["変更後の記載"] == "[○] 紙\n[○] 電子メール\n[○] 庁内連携システム",
      f"checked items as printed: {r}")
r = [r for r in rows if r["項目"] == "II 3. ④使用の主体「使用者数」"][0]
check(r["変更前の記載"] == "[ 10人以上50人未満 ]" and r["変更後の記載"] == "[ 50人以上100人未満 ]", f"choice as printed: {r}")
r = [r for r in rows if r["項目"] == "II 2. ⑤保有開始日"][0]
check(r["変更前の記載"] == "令和4年6月1日" and r["変更後の記載"] == "令和4年7月1日", f"date in the era: {r}")

# ---- three versions: one 修正案 column each, 変更なし where a version kept its predecessor's text
newer = replace(open(new, encoding="utf-8").read(), "取扱者数: 10人未満\n        委託先名: コム株式会社",
                "取扱者数: 10人以上50人未満\n        委託先名: コム株式会社")
newer = write("newer.yaml", newer)
out, _ = run("diff", old, new, newer, "--format", "revision", "--heading", "修正案（諮問時）", "--heading", "修正案（現在）")
rev = yaml.safe_load(out)
check(rev["修正案見出し"] == ["修正案（諮問時）", "修正案（現在）"], f"--heading: {rev['修正案見出し']}")
items = [r["項目"] for r in rev["行"]]
check("II 4. 委託事項1 ②委託先における取扱者数" in items, f"the newest version's change is a row: {items}")
for r in rev["行"]:
    if r["項目"] == "II 3. ③使用目的":
        check(r["修正案"][1] == "変更なし", f"変更なし in the later column: {r}")
        check("<u>" in r["修正案"][0] and "</u>" in r["修正案"][0], f"changed passage marked: {r}")
    if r["項目"] == "II 4. 委託事項1 ②委託先における取扱者数":
        check(r["修正案"][0] == "変更なし" and r["修正案"][1] == "[ 10人以上50人未満 ]", f"unchanged, then changed: {r}")
rev_path = write("rev.yaml", out)
run("render", rev_path, "-o", os.path.join(WORK, "rev.pdf"))


# ---- pages: each row's ページ is a page of the old PDF that holds its current text
def page_texts(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout)[1])
    texts = []
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-enc", "UTF-8", pdf, "-"],
                           capture_output=True, text=True).stdout
        texts.append(re.sub(r"\s+", "", t))
    return texts


def norm(s):
    s = re.sub(r"</?u>", "", s).replace("(略)", "\n")
    return [re.sub(r"\s+", "", part) for part in s.split("\n") if re.sub(r"\s+", "", part)]


long_new = replace(open(long_old, encoding="utf-8").read(), "      60. ・申告書及び届出書等の紙やデータの授受に利用する",
                   "      60. ・申告書、届出書等の紙やデータの授受に利用する")
long_new = write("new-long.yaml", long_new)
for a, b in ((old, new), (long_old, long_new)):
    out, _ = run("diff", a, b, "--format", "revision")
    rev = yaml.safe_load(out)
    run("render", a, "-o", os.path.join(WORK, "old.pdf"))
    pages = page_texts(os.path.join(WORK, "old.pdf"))
    for r in rev["行"]:
        p = r.get("ページ")
        cur = r["現在の評価書"]
        if cur == "(記載なし)":
            check(p is None or 1 <= p <= len(pages), f"{r['項目']}: page {p}")
            continue
        check(isinstance(p, int) and 1 <= p <= len(pages), f"{r['項目']}: page {p} of {len(pages)}")
        if isinstance(p, int) and 1 <= p <= len(pages):
            missing = [line for line in norm(cur) if line not in pages[p - 1]]
            check(not missing, f"{r['項目']}: on page {p}, the current text is not found: {missing[:2]}")
    if a == long_old:
        rows = yaml.safe_load(run("diff", a, b, "--format", "bessou2")[0])
        check(len(rows) == 1 and rows[0]["変更前の記載"].startswith("(略)\n60. ") and "、届出書" in rows[0]["変更後の記載"]
              and rows[0]["変更後の記載"].count("\n") == 2, f"a long text's 別添2 row quotes its changed line: {rows}")
        r = [r for r in rev["行"] if r["項目"] == "II 6.「保管場所 ※」" or "保管場所" in r["項目"]]
        check(len(r) == 1 and r[0].get("ページ", 0) > 1 + pages.index(next(t for t in pages if "1.・申告書" in t)),
              f"a change at the end of a long item: the page of the change, not of the item's start: {r[:1]}")

# ---- git REV:path, standard input, a file whose name holds ':'
repo = os.path.join(WORK, "repo")
os.makedirs(repo)
git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]
subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
shutil.copy(old, os.path.join(repo, "doc.yaml"))
subprocess.run([*git, "add", "doc.yaml"], cwd=repo, check=True)
subprocess.run([*git, "commit", "-qm", "v1"], cwd=repo, check=True)
shutil.copy(new, os.path.join(repo, "doc.yaml"))
out, _ = run("diff", "HEAD:doc.yaml", "doc.yaml", cwd=repo)
check(changed_items(out) == want, "HEAD:doc.yaml against the working file")
_, err = run("diff", "HEAD:nothing.yaml", "doc.yaml", cwd=repo, want=2)
check("HEAD:nothing.yaml: error:" in err and "does not exist" in err, f"a path not in git: {err}")
_, err = run("diff", "HEAD~5:doc.yaml", "doc.yaml", cwd=repo, want=2)
check("HEAD~5:doc.yaml: error:" in err, f"a revision that does not exist: {err}")
shutil.copy(old, os.path.join(repo, "v:1.yaml"))
out, _ = run("diff", "v:1.yaml", "doc.yaml", cwd=repo)
check(changed_items(out) == want, "a file named with ':' is the file")
out, _ = run("diff", "-", new, stdin=open(old, "rb").read())
check(changed_items(out) == want, "OLD from standard input")

# ---- bad input: located errors, exit 2, nothing written
bad = write("bad.yaml", replace(base, "  ファイル名: 検診情報ファイル\n", "  ファイル名: [検診情報ファイル\n"))
_, err = run("diff", old, bad, "-o", os.path.join(WORK, "never.yaml"), want=2)
check(re.search(r"bad\.yaml:\d+:\d+: error:", err) and not os.path.exists(os.path.join(WORK, "never.yaml")),
      f"a version with a syntax error: {err}")
_, err = run("diff", old, os.path.join(os.path.dirname(EXAMPLE), "000-chiba-kouki-revision.yaml"), want=2)
check("only versions of one form compare" in err, f"two forms: {err}")
before = open(new, encoding="utf-8").read()
_, err = run("diff", old, new, "-o", new, want=2)
check(open(new, encoding="utf-8").read() == before, "-o naming an input: refused, the input untouched")
_, err = run("diff", old, want=2)
_, err = run("diff", old, new, "--format", "nonsense", want=2)
_, err = run("diff", old, new, "--date", "2026-02-30", want=2)

if failures:
    print(f"test_diff: {len(failures)} failed", file=sys.stderr)
    sys.exit(1)
print("test_diff: all passed")
