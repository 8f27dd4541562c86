#!/bin/sh
# tests/test_batch_safety.sh — `hyoka batch` run unattended and attacked (issues 11 and 15):
# symbolic links planted in OUTDIR and in the state directory change nothing outside; one run
# per shard (a held lock: exit 75 at once; two runs together: one refuses); a PDF that does not
# match its state, or an edit during a run, is re-rendered by the next run; dead runs'
# temporary files are swept, live ones not; a FIFO or /dev/zero as a layouts entry, the fonts
# file or a manifest entry is a located error within seconds; a manifest with a BOM; *.yml;
# skipped entries listed; --prune; --report into a new directory; an interrupted run's report.
# usage: test_batch_safety.sh path/to/hyoka SOURCE_DIR
set -eu
HYOKA=$1
SRC=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/hyoka-bsafe.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT INT TERM
export SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*" >&2; exit 1; }
json() { python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
statuses() { json "$1" '" ".join(sorted(d["path"] + "=" + d["status"] for d in r["documents"]))'; }
# within SEC COMMAND...: the command must end within SEC seconds; prints its exit status
within() { s=$1; shift; rc=0; timeout -s KILL "$s" "$@" > /dev/null || rc=$?; [ "$rc" != 137 ] || fail "did not end within $s s: $*"; echo "$rc"; }
ST="$T/.out.hyoka-state"   # the default state directory of $T/out

mkdir -p "$T/in/sub" "$T/elsewhere"
cp "$SRC/examples/001-meguro-kaigo.yaml" "$T/in/a.yaml"
cp "$SRC/examples/002-chiba-kenshin.yaml" "$T/in/b.yml"
cp "$SRC/examples/004-sakai-kodomo.yaml" "$T/in/sub/c.yaml"
echo "the victim" > "$T/victim"

# --- a symbolic link as a directory of OUTDIR: that document fails, nothing written elsewhere
mkdir -p "$T/out"
ln -s "$T/elsewhere" "$T/out/sub"
rc=0; "$HYOKA" batch "$T/in" -o "$T/out" --report "$T/r1.json" 2> "$T/err" || rc=$?
[ "$rc" = 1 ] || { cat "$T/err"; fail "symlinked subdirectory: exit $rc, want 1"; }
grep -q "out/sub/c.pdf: error: .*'sub': it is a symbolic link" "$T/err" || { cat "$T/err"; fail "symlinked subdirectory not reported"; }
[ -z "$(ls -A "$T/elsewhere")" ] || fail "written through a symlinked subdirectory"
[ "$(statuses "$T/r1.json")" = "a.yaml=rendered b.yml=rendered sub/c.yaml=failed" ] || fail "r1: $(statuses "$T/r1.json")"
rm "$T/out/sub"

# --- a symbolic link at a PDF's name and at a state file's name: refused, targets untouched
rm "$T/out/a.pdf"
ln -s "$T/victim" "$T/out/a.pdf"
ln -sf "$T/victim" "$ST/b.pdf.state"
rc=0; "$HYOKA" batch "$T/in" -o "$T/out" -q 2> "$T/err" || rc=$?
[ "$rc" = 1 ] || { cat "$T/err"; fail "symlinked outputs: exit $rc"; }
[ "$(cat "$T/victim")" = "the victim" ] || fail "a symbolic link was followed"
grep -q "out/a.pdf: error: cannot write the PDF: the path exists and is a symbolic link" "$T/err" || { cat "$T/err"; fail "a.pdf link"; }
# (a link in the state directory, hyoka's own, is removed like the stale state it replaces)
[ -f "$ST/b.pdf.state" ] && [ ! -L "$ST/b.pdf.state" ] || fail "state link"
rm "$T/out/a.pdf"
mkdir -p "$T/elsewhere2" && rm -rf "$ST/sub" && ln -s "$T/elsewhere2" "$ST/sub"
rc=0; "$HYOKA" batch "$T/in" -o "$T/out" -q 2> "$T/err" || rc=$?
[ "$rc" = 1 ] && [ -z "$(ls -A "$T/elsewhere2")" ] || { cat "$T/err"; fail "symlinked state subdirectory: exit $rc"; }
rm "$ST/sub"

# --- clean run: OUTDIR holds only PDFs, the state lives beside it
"$HYOKA" batch "$T/in" -o "$T/out" -q --report "$T/new/dir/r2.json"
[ -s "$T/new/dir/r2.json" ] || fail "--report did not create its directory"
[ -z "$(find "$T/out" ! -type d ! -name '*.pdf')" ] || fail "OUTDIR holds more than PDFs"
[ "$(json "$T/new/dir/r2.json" 'r["status"], r["totals"]["interrupted"], r["started"] <= r["finished"], r["state"]')" = "('complete', False, True, '$ST')" ] \
  || fail "report fields: $(cat "$T/new/dir/r2.json")"
[ -s "$T/out/b.pdf" ] || fail "*.yml not rendered"

# --- a symbolic link at the report's name or at the lock's name: refused, targets untouched
ln -s "$T/victim" "$T/report-link.json"
rc=0; "$HYOKA" batch "$T/in" -o "$T/out" -q --report "$T/report-link.json" 2> "$T/err" || rc=$?
[ "$rc" = 1 ] && [ "$(cat "$T/victim")" = "the victim" ] || { cat "$T/err"; fail "symlinked report: exit $rc"; }
grep -q "report-link.json: error: cannot write the report: the path exists and is a symbolic link" "$T/err" || fail "report link: $(cat "$T/err")"
mkdir -p "$T/st2" && ln -s "$T/victim" "$T/st2/.lock-all"
rc=0; "$HYOKA" batch "$T/in" -o "$T/out2" --state "$T/st2" -q 2> "$T/err" || rc=$?
[ "$rc" = 1 ] && [ "$(cat "$T/victim")" = "the victim" ] && [ ! -e "$T/out2/a.pdf" ] || { cat "$T/err"; fail "symlinked lock: exit $rc"; }

# --- one run per shard: a held lock refuses at once (75), nothing rendered
python3 -c '
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(30)' "$ST/.lock-all" "$T/locked" &
holder=$!
n=0; while [ ! -e "$T/locked" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
[ "$(within 5 "$HYOKA" batch "$T/in" -o "$T/out" --force 2> "$T/err")" = 75 ] || { cat "$T/err"; fail "a held lock: not 75"; }
grep -q "another hyoka batch is running" "$T/err" || fail "lock message: $(cat "$T/err")"
# another shard has its own lock
[ "$(within 60 "$HYOKA" batch "$T/in" -o "$T/out" -q --shard 0/2 2> "$T/err")" = 0 ] || { cat "$T/err"; fail "shard 0/2 blocked by the lock of all"; }
kill "$holder"; wait "$holder" 2>/dev/null || true

# --- two runs of the same shard started together: one refuses
mkdir -p "$T/many"
for i in 1 2 3 4 5 6; do cp "$SRC/examples/001-meguro-kaigo.yaml" "$T/many/d$i.yaml"; done
"$HYOKA" batch "$T/many" -o "$T/mo" -j 1 -q 2> "$T/e1" & p1=$!
"$HYOKA" batch "$T/many" -o "$T/mo" -j 1 -q 2> "$T/e2" & p2=$!
r1=0; wait $p1 || r1=$?; r2=0; wait $p2 || r2=$?
[ "$r1 $r2" = "0 75" ] || [ "$r1 $r2" = "75 0" ] || { cat "$T/e1" "$T/e2"; fail "two runs together: $r1 $r2"; }

# --- a PDF that is not the one its state describes (an overlapping old run's) is re-rendered
cp "$T/out/a.pdf" "$T/a.good"
cp "$T/out/b.pdf" "$T/out/a.pdf"
"$HYOKA" batch "$T/in" -o "$T/out" -q --report "$T/r3.json"
[ "$(statuses "$T/r3.json")" = "a.yaml=rendered b.yml=skipped sub/c.yaml=skipped" ] || fail "mismatched PDF: $(statuses "$T/r3.json")"
cmp -s "$T/out/a.pdf" "$T/a.good" || fail "a.pdf not restored"
printf 'x' >> "$T/out/b.pdf"
"$HYOKA" batch "$T/in" -o "$T/out" -q --report "$T/r3b.json"
[ "$(statuses "$T/r3b.json")" = "a.yaml=skipped b.yml=rendered sub/c.yaml=skipped" ] || fail "grown PDF: $(statuses "$T/r3b.json")"

# --- an edit while the document is being rendered (the worker stopped in the middle): whatever
# the interleaving, the next run leaves the PDF of the edited document
SIG="python3 $(dirname "$0")/batch_signal.py"
for i in 1 2 3 4 5 6 7 8; do cp "$SRC/examples/002-chiba-kenshin.yaml" "$T/in/e$i.yaml"; done
$SIG --worker STOP --run "sed -i 's/評価書番号: .*/評価書番号: 999/' '$T/in/a.yaml'" --worker CONT \
  -- "$HYOKA" batch "$T/in" -o "$T/out" -q -j 1 --force || true
"$HYOKA" batch "$T/in" -o "$T/out" -q
"$HYOKA" render "$T/in/a.yaml" -o "$T/a.fresh"
rm "$T"/in/e*.yaml
cmp -s "$T/out/a.pdf" "$T/a.fresh" || fail "after an edit during a run, a.pdf is not the edited document's"

# --- temporary files: a dead run's are swept, a live one's (locked) are kept
touch "$T/out/.a.pdf.AAAAAAAAAAAA.tmp" "$ST/.a.pdf.state.BBBBBBBBBBBB.tmp"
python3 -c '
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(30)' "$T/out/sub/.c.pdf.CCCCCCCCCCCC.tmp" "$T/locked2" &
holder=$!
n=0; while [ ! -e "$T/locked2" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
"$HYOKA" batch "$T/in" -o "$T/out" -q
[ ! -e "$T/out/.a.pdf.AAAAAAAAAAAA.tmp" ] && [ ! -e "$ST/.a.pdf.state.BBBBBBBBBBBB.tmp" ] || fail "dead temporary files not swept"
[ -e "$T/out/sub/.c.pdf.CCCCCCCCCCCC.tmp" ] || fail "a live temporary file was removed"
kill "$holder"; wait "$holder" 2>/dev/null || true
rm -f "$T/out/sub/.c.pdf.CCCCCCCCCCCC.tmp"

# --- not regular files: a located error within seconds
mkdir "$T/layouts" && cp "$SRC"/layouts/*.yaml "$T/layouts/" && mkfifo "$T/layouts/zz.yaml"
[ "$(within 10 "$HYOKA" batch "$T/in" -o "$T/out" -q --layouts "$T/layouts" 2> "$T/err")" = 2 ] || fail "FIFO layout entry"
grep -q "layouts/zz.yaml: error: this is a FIFO" "$T/err" || fail "FIFO layout entry: $(cat "$T/err")"
rm "$T/layouts/zz.yaml" && ln -s /dev/zero "$T/layouts/zz.yaml"
[ "$(within 10 "$HYOKA" batch "$T/in" -o "$T/out" -q --layouts "$T/layouts" 2> "$T/err")" = 2 ] || fail "/dev/zero layout entry"
grep -q "layouts/zz.yaml: error: this is a device" "$T/err" || fail "/dev/zero layout entry: $(cat "$T/err")"
mkfifo "$T/fonts.fifo"
[ "$(within 10 "$HYOKA" batch "$T/in" -o "$T/out" -q --fonts "$T/fonts.fifo" 2> "$T/err")" = 2 ] || fail "FIFO fonts file"
grep -q "fonts.fifo: error: this is a FIFO" "$T/err" || fail "FIFO fonts file: $(cat "$T/err")"
mkfifo "$T/in/stuck.yaml"
printf '\357\273\277a.yaml\nstuck.yaml\n/dev/zero\n' > "$T/in/list.txt"
[ "$(within 10 "$HYOKA" batch "$T/in/list.txt" -o "$T/m" --report "$T/rm.json" 2> "$T/err")" = 2 ] || fail "manifest entries"
grep -q "stuck.yaml: error: this is a FIFO" "$T/err" && grep -q "/dev/zero: error: this is a device" "$T/err" || fail "manifest entries: $(cat "$T/err")"
[ "$(statuses "$T/rm.json")" = "a.yaml=rendered dev/zero=failed stuck.yaml=failed" ] || fail "manifest with a BOM: $(statuses "$T/rm.json")"
rm "$T/in/stuck.yaml" "$T/in/list.txt"

# --- entries that are not documents are listed; links that lead nowhere are errors
echo notes > "$T/in/notes.txt"
ln -s "$T/in/sub" "$T/in/linkdir"
ln -s nowhere "$T/in/dangling.yaml"
ln -s loop.yaml "$T/in/loop.yaml"
rc=0; "$HYOKA" batch "$T/in" -o "$T/out" --report "$T/r5.json" 2> "$T/err" || rc=$?
[ "$rc" = 2 ] || fail "bad entries: exit $rc"
grep -q "dangling.yaml: error: a dangling symbolic link" "$T/err" && grep -q "loop.yaml: error: a loop of symbolic links" "$T/err" \
  || fail "bad entries: $(cat "$T/err")"
[ "$(json "$T/r5.json" 'sorted(e["path"] for e in r["skipped_entries"])')" = "['linkdir', 'notes.txt']" ] || fail "skipped entries"
grep -q "2 other entries not documents" "$T/err" || fail "summary: $(cat "$T/err")"
rm "$T/in/notes.txt" "$T/in/linkdir" "$T/in/dangling.yaml" "$T/in/loop.yaml"
mkdir -p "$T/deep" && (cd "$T/deep" && i=0 && while [ $i -lt 70 ]; do mkdir d && cd d; i=$((i + 1)); done && cp "$SRC/examples/001-meguro-kaigo.yaml" x.yaml)
rc=0; "$HYOKA" batch "$T/deep" -o "$T/deepout" -q 2> "$T/err" || rc=$?
[ "$rc" = 2 ] && grep -q "nested too deep" "$T/err" || fail "over-deep directories: exit $rc: $(cat "$T/err")"

# --- --prune: the PDF of a removed document goes, nothing else; a changed PDF stays (warning)
"$HYOKA" batch "$T/in" -o "$T/out" -q
echo "not hyoka's" > "$T/out/keep.pdf"
rm "$T/in/sub/c.yaml"
"$HYOKA" batch "$T/in" -o "$T/out" -q --prune --report "$T/r6.json"
[ ! -e "$T/out/sub/c.pdf" ] && [ ! -e "$ST/sub/c.pdf.state" ] || fail "--prune left c.pdf"
[ -s "$T/out/a.pdf" ] && [ -s "$T/out/b.pdf" ] && [ -s "$T/out/keep.pdf" ] || fail "--prune removed too much"
[ "$(json "$T/r6.json" 'r["pruned"]')" = "['e1.pdf', 'e2.pdf', 'e3.pdf', 'e4.pdf', 'e5.pdf', 'e6.pdf', 'e7.pdf', 'e8.pdf', 'sub/c.pdf']" ] \
  || fail "pruned list: $(json "$T/r6.json" 'r["pruned"]')"
printf 'changed' >> "$T/out/b.pdf"
mv "$T/in/b.yml" "$T/b.yml"
rc=0; "$HYOKA" batch "$T/in" -o "$T/out" -q --prune --report "$T/r7.json" 2> "$T/err" || rc=$?
[ -e "$T/out/b.pdf" ] || fail "--prune removed a PDF changed since hyoka wrote it"
grep -q "warning: .*b.pdf was not pruned" "$T/err" || fail "no warning for a changed PDF: $(cat "$T/err")"
mv "$T/b.yml" "$T/in/b.yml"

# --- SIGTERM: the report says interrupted, exit 1
rc=0; $SIG --parent TERM -- "$HYOKA" batch "$T/many" -o "$T/int" -j 1 -q --report "$T/r8.json" 2> "$T/err" || rc=$?
[ "$rc" = 1 ] || fail "interrupted: exit $rc"
[ "$(json "$T/r8.json" 'r["status"], r["totals"]["interrupted"]')" = "('interrupted', True)" ] || fail "interrupted report"

# --- usage errors: empty paths, a state directory inside OUTDIR
rc=0; "$HYOKA" batch "" -o "$T/o" 2> /dev/null || rc=$?; [ "$rc" = 2 ] || fail "empty SRC accepted"
rc=0; "$HYOKA" batch "$T/in" -o "" 2> /dev/null || rc=$?; [ "$rc" = 2 ] || fail "empty -o accepted"
rc=0; "$HYOKA" batch "$T/in" -o "$T/o2" --state "$T/o2/st" 2> /dev/null || rc=$?; [ "$rc" = 2 ] || fail "state inside OUTDIR accepted"
[ ! -e "$T/o2/st" ] || fail "state created inside OUTDIR"
rc=0; "$HYOKA" batch "$T/in" -o "$T/victim" 2> /dev/null || rc=$?; [ "$rc" = 2 ] && [ "$(cat "$T/victim")" = "the victim" ] || fail "-o a file: exit $rc"
rc=0; "$HYOKA" batch "$T/in" -o /dev/null 2> /dev/null || rc=$?; [ "$rc" = 2 ] || fail "-o /dev/null: exit $rc"
# --- --report naming a document, the manifest or a PDF: refused before anything is rendered,
#     the file untouched
cp "$T/in/a.yaml" "$T/a.keep"
rc=0; "$HYOKA" batch "$T/in" -o "$T/o3" --report "$T/in/a.yaml" 2> "$T/err" || rc=$?
[ "$rc" = 2 ] || { cat "$T/err"; fail "--report a document: exit $rc, want 2"; }
grep -q "which the report would replace" "$T/err" || { cat "$T/err"; fail "--report a document: no message"; }
cmp -s "$T/a.keep" "$T/in/a.yaml" || fail "--report replaced a document"
[ -z "$(ls -A "$T/o3")" ] || fail "--report a document: something was rendered"
printf '%s\n' "$T/in/a.yaml" > "$T/list.txt"; cp "$T/list.txt" "$T/list.keep"
rc=0; "$HYOKA" batch "$T/list.txt" -o "$T/o3" --report "$T/list.txt" 2> /dev/null || rc=$?
[ "$rc" = 2 ] && cmp -s "$T/list.keep" "$T/list.txt" || fail "--report the manifest: exit $rc or replaced"
rc=0; "$HYOKA" batch "$T/in" -o "$T/o3" --report "$T/o3/a.pdf" 2> /dev/null || rc=$?
[ "$rc" = 2 ] && [ ! -e "$T/o3/a.pdf" ] || fail "--report a PDF's name: exit $rc"
echo "batch safety: ok"
