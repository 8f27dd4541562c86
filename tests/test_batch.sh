#!/bin/sh
# tests/test_batch.sh — `hyoka batch` end to end: mirrored outputs, a broken document reported
# with file:line:col, incremental skipping, re-rendering exactly what changed, shards that
# partition the corpus, the JSON report, manifests, a worker killed mid-document, --timeout.
# usage: test_batch.sh path/to/hyoka SOURCE_DIR
set -eu
HYOKA=$1
SRC=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/hyoka-batch.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export SOURCE_DATE_EPOCH=1700000000

fail() { echo "FAIL: $*" >&2; exit 1; }

# json FILE EXPR: prints a Python expression over the parsed report `r` (a failure if it fails).
json() { python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
statuses() { json "$1" '" ".join(sorted(d["path"] + "=" + d["status"] for d in r["documents"]))'; }

# --- the corpus: the four examples in a tree, and one broken document
mkdir -p "$T/in/chiba/2020" "$T/in/meguro" "$T/in/x/y/z"
cp "$SRC/examples/000-chiba-kouki-revision.yaml" "$T/in/chiba/2020/"
cp "$SRC/examples/002-chiba-kenshin.yaml" "$T/in/chiba/"
cp "$SRC/examples/001-meguro-kaigo.yaml" "$T/in/meguro/"
cp "$SRC/examples/004-sakai-kodomo.yaml" "$T/in/x/y/z/"
printf '様式: 重点項目評価書\n表紙:\n  評価書番号: [44\n' > "$T/in/meguro/broken.yaml"
echo "not a document" > "$T/in/meguro/notes.txt"
GOOD="chiba/2020/000-chiba-kouki-revision chiba/002-chiba-kenshin meguro/001-meguro-kaigo x/y/z/004-sakai-kodomo"

# --- first run: every good document rendered at its mirrored path, the broken one reported
rc=0
"$HYOKA" batch "$T/in" -o "$T/out" -j 2 --report "$T/r1.json" 2> "$T/err1" || rc=$?
[ "$rc" = 2 ] || { cat "$T/err1"; fail "first run: exit status $rc, want 2 (a document has errors)"; }
for d in $GOOD; do
  [ -s "$T/out/$d.pdf" ] || fail "missing $T/out/$d.pdf"
  head -c 5 "$T/out/$d.pdf" | grep -q '%PDF-' || fail "$d.pdf is not a PDF"
  grep -q '^fnv1a64:[0-9a-f]\{16\} pages:[0-9][0-9]* pdf:[0-9a-f]\{16\} bytes:[0-9][0-9]*$' "$T/.out.hyoka-state/$d.pdf.state" \
    || fail "bad state file for $d"
done
[ -z "$(find "$T/out" ! -type d ! -name '*.pdf')" ] || { find "$T/out"; fail "OUTDIR holds more than PDFs"; }
[ ! -e "$T/out/meguro/broken.pdf" ] || fail "broken.pdf was written"
grep -q "meguro/broken.yaml:[0-9][0-9]*:[0-9][0-9]*: error: " "$T/err1" || { cat "$T/err1"; fail "no file:line:col error for broken.yaml"; }
grep -q "4 rendered, 0 skipped, 1 failed" "$T/err1" || { cat "$T/err1"; fail "first summary"; }
[ "$(json "$T/r1.json" 'r["totals"]["rendered"], r["totals"]["failed"], r["totals"]["exit_status"]')" = "(4, 1, 2)" ] || fail "report totals"
json "$T/r1.json" '[d for d in r["documents"] if d["status"] == "failed"][0]["errors"][0]' | grep -q "broken.yaml:[0-9]*:[0-9]*: error: " || fail "report errors"
[ "$(json "$T/r1.json" 'sum(d["pages"] for d in r["documents"])')" -gt 50 ] || fail "report pages"
find "$T/out" "$T/.out.hyoka-state" -name '*.tmp*' | grep . && fail "temporary files left"

# --- second run: everything up to date
rc=0
"$HYOKA" batch "$T/in" -o "$T/out" --report "$T/r2.json" 2> "$T/err2" || rc=$?
[ "$rc" = 2 ] || fail "second run: exit status $rc"
[ "$(json "$T/r2.json" 'r["totals"]["skipped"], r["totals"]["rendered"]')" = "(4, 0)" ] || { cat "$T/err2"; fail "second run did not skip everything"; }

# --- a content change re-renders that document only
echo "# edited" >> "$T/in/meguro/001-meguro-kaigo.yaml"
rm "$T/in/meguro/broken.yaml"
"$HYOKA" batch "$T/in" -o "$T/out" --report "$T/r3.json" 2> "$T/err3" || { cat "$T/err3"; fail "third run failed"; }
[ "$(statuses "$T/r3.json")" = "chiba/002-chiba-kenshin.yaml=skipped chiba/2020/000-chiba-kouki-revision.yaml=skipped meguro/001-meguro-kaigo.yaml=rendered x/y/z/004-sakai-kodomo.yaml=skipped" ] \
  || fail "third run: $(statuses "$T/r3.json")"

# --- touch (same bytes, new time) re-renders that document only, as make would
touch "$T/in/chiba/002-chiba-kenshin.yaml"
"$HYOKA" batch "$T/in" -o "$T/out" --report "$T/r3t.json" 2> "$T/err3t" || { cat "$T/err3t"; fail "touch run failed"; }
[ "$(statuses "$T/r3t.json")" = "chiba/002-chiba-kenshin.yaml=rendered chiba/2020/000-chiba-kouki-revision.yaml=skipped meguro/001-meguro-kaigo.yaml=skipped x/y/z/004-sakai-kodomo.yaml=skipped" ] \
  || fail "touch run: $(statuses "$T/r3t.json")"

# --- a lost PDF, a changed option or layout re-renders; --force renders all
rm "$T/out/x/y/z/004-sakai-kodomo.pdf"
"$HYOKA" batch "$T/in" -o "$T/out" --quiet --report "$T/r4.json" 2> "$T/err4"
[ "$(json "$T/r4.json" '[d["path"] for d in r["documents"] if d["status"] == "rendered"]')" = "['x/y/z/004-sakai-kodomo.yaml']" ] || fail "lost PDF not re-rendered"
[ ! -s "$T/err4" ] || { cat "$T/err4"; fail "--quiet printed something"; }
"$HYOKA" batch "$T/in" -o "$T/out" -q --watermark 案 --report "$T/r5.json"
[ "$(json "$T/r5.json" 'r["totals"]["rendered"]')" = 4 ] || fail "an option change did not re-render"
mkdir "$T/layouts" && cp "$SRC"/layouts/*.yaml "$T/layouts/" && echo "# edited" >> "$T/layouts/revision.yaml"
"$HYOKA" batch "$T/in" -o "$T/out" -q --watermark 案 --layouts "$T/layouts" --report "$T/r6.json"
[ "$(json "$T/r6.json" 'r["totals"]["rendered"]')" = 4 ] || fail "a layout change did not re-render"
# the engine reports what each document read (its layout, the fonts): a change to one layout
# re-renders only the documents of that form; a change to the fonts file re-renders all
echo "# edited again" >> "$T/layouts/revision.yaml"
"$HYOKA" batch "$T/in" -o "$T/out" -q --watermark 案 --layouts "$T/layouts" --report "$T/r6b.json"
[ "$(json "$T/r6b.json" '[d["path"] for d in r["documents"] if d["status"] == "rendered"]')" = "['chiba/2020/000-chiba-kouki-revision.yaml']" ] \
  || fail "a change to one layout: $(statuses "$T/r6b.json")"
grep -q "^layout [0-9a-f]\{16\} .*layouts/revision.yaml$" "$T/.out.hyoka-state/chiba/2020/000-chiba-kouki-revision.pdf.state" || fail "no layout dependency in the state"
grep -q "^font [0-9a-f]\{16\} /" "$T/.out.hyoka-state/chiba/2020/000-chiba-kouki-revision.pdf.state" || fail "no font dependency in the state"
cp "$SRC/fonts/fonts.yaml" "$T/fonts.yaml"
"$HYOKA" batch "$T/in" -o "$T/out" -q --watermark 案 --layouts "$T/layouts" --fonts "$T/fonts.yaml" --report "$T/r6c.json"
echo "# edited" >> "$T/fonts.yaml"
"$HYOKA" batch "$T/in" -o "$T/out" -q --watermark 案 --layouts "$T/layouts" --fonts "$T/fonts.yaml" --report "$T/r6d.json"
[ "$(json "$T/r6d.json" 'r["totals"]["rendered"]')" = 4 ] || fail "a fonts file change did not re-render: $(statuses "$T/r6d.json")"
"$HYOKA" batch "$T/in" -o "$T/out" -q --force --report "$T/r7.json"
[ "$(json "$T/r7.json" 'r["totals"]["rendered"]')" = 4 ] || fail "--force did not render everything"

# --- three shards together render every document exactly once
for i in 0 1 2; do "$HYOKA" batch "$T/in" -o "$T/shards" -q --shard $i/3 --report "$T/s$i.json"; done
python3 - "$T" <<'EOF' || fail "shards"
import collections, json, sys
seen = collections.Counter()
for i in range(3):
    for d in json.load(open(f"{sys.argv[1]}/s{i}.json"))["documents"]:
        assert d["status"] == "rendered", d
        seen[d["path"]] += 1
assert len(seen) == 4 and set(seen.values()) == {1}, seen
EOF

# --- a manifest: paths relative to it, comments, duplicates dropped, '..' refused
cat > "$T/in/list.txt" <<'EOF'
# nightly list
chiba/002-chiba-kenshin.yaml
./chiba//002-chiba-kenshin.yaml
meguro/001-meguro-kaigo.yaml
../escape.yaml
EOF
rc=0
"$HYOKA" batch "$T/in/list.txt" -o "$T/m" --report "$T/rm.json" 2> "$T/errm" || rc=$?
[ "$rc" = 2 ] || fail "manifest: exit status $rc"
grep -q "list.txt:5:1: error: '../escape.yaml'" "$T/errm" || { cat "$T/errm"; fail "manifest '..' not reported"; }
[ -s "$T/m/chiba/002-chiba-kenshin.pdf" ] && [ -s "$T/m/meguro/001-meguro-kaigo.pdf" ] || fail "manifest outputs"
[ "$(json "$T/rm.json" 'len(r["documents"])')" = 3 ] || fail "manifest duplicates"

# --- a worker killed mid-document: that document fails, the others are rendered, exit 1.
# The first worker is stopped (SIGSTOP) as soon as it exists, then killed from here.
mkdir -p "$T/many"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do cp "$SRC/examples/001-meguro-kaigo.yaml" "$T/many/d$i.yaml"; done
SIG="python3 $(dirname "$0")/batch_signal.py"
rc=0; $SIG --worker STOP --worker KILL -- "$HYOKA" batch "$T/many" -o "$T/k" -j 1 --report "$T/rk.json" 2> "$T/errk" || rc=$?
[ "$rc" = 1 ] || { cat "$T/errk"; fail "killed worker: exit status $rc, want 1"; }
grep -q "many/d[0-9]*.yaml: error: the worker rendering this document died (killed by signal 9" "$T/errk" || { cat "$T/errk"; fail "death not reported"; }
[ "$(json "$T/rk.json" 'sorted(d["status"] for d in r["documents"]) == ["failed"] + ["rendered"] * 11')" = True ] \
  || fail "after a dead worker: $(statuses "$T/rk.json")"

# --- --timeout: a worker stuck on a document (stopped) is killed after the timeout
rc=0; $SIG --worker STOP -- "$HYOKA" batch "$T/many" -o "$T/k2" -j 1 --timeout 1 --report "$T/rt.json" 2> "$T/errt" || rc=$?
[ "$rc" = 1 ] || { cat "$T/errt"; fail "timeout: exit status $rc, want 1"; }
grep -q "many/d[0-9]*.yaml: error: .*longer than --timeout 1 s" "$T/errt" || { cat "$T/errt"; fail "timeout not reported"; }
[ "$(json "$T/rt.json" 'sorted(d["status"] for d in r["documents"]) == ["failed"] + ["rendered"] * 11')" = True ] \
  || fail "after a timeout: $(statuses "$T/rt.json")"

# --- usage errors
rc=0; "$HYOKA" batch "$T/in" 2> /dev/null || rc=$?; [ "$rc" = 2 ] || fail "missing -o accepted"
rc=0; "$HYOKA" batch "$T/in" -o "$T/o" --shard 3/3 2> /dev/null || rc=$?; [ "$rc" = 2 ] || fail "bad shard accepted"
rc=0; "$HYOKA" batch "$T/in" -o "$T/o" -j 0 2> /dev/null || rc=$?; [ "$rc" = 2 ] || fail "-j 0 accepted"
echo "batch: ok"
