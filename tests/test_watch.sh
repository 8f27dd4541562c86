#!/bin/sh
# tests/test_watch.sh HYOKA SRCDIR WORKDIR — the preview loop: `hyoka watch` renders at start,
# again after a save by rename (as editors do) and after a save in place; a broken save prints
# the located message and keeps the last PDF; SIGINT stops it with status 0. Each wait is
# bounded (20 s).
set -u
hyoka=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
doc="$work/doc.yaml" pdf="$work/doc.pdf" log="$work/log"
cp "$src/tests/fixtures/minimal.yaml" "$doc" || exit 1

# waits until the log has N lines matching PATTERN (at most 20 s)
wait_for() {
    i=0
    while [ "$(grep -c -- "$2" "$log")" -lt "$1" ]; do
        i=$((i + 1))
        [ $i -gt 200 ] && return 1
        sleep 0.1
    done
}

mkdir -p "$work/layouts" && cp "$src"/layouts/*.yaml "$work/layouts/" || exit 1
"$hyoka" watch "$doc" -o "$pdf" --layouts "$work/layouts" 2>"$log" &
pid=$!
wait_for 1 'wrote ' || fail "no first PDF: $(cat "$log")"
[ -s "$pdf" ] || fail "no PDF after the first run"
sum1=$(md5sum < "$pdf")

# a save by rename, as editors do: a new file renamed over the document
sed 's/^\(  評価書名: \).*/\1監視試験 重点項目評価書/' "$doc" > "$work/.doc.yaml.tmp" && mv "$work/.doc.yaml.tmp" "$doc"
wait_for 2 'wrote ' || fail "no second run after a save by rename: $(cat "$log")"
sum2=$(md5sum < "$pdf")
[ "$sum1" != "$sum2" ] || fail "the PDF did not change after the save"
pdftotext "$pdf" - 2>/dev/null | grep -q '監視試験' || fail "the PDF does not show the new text"

# a broken save in place: the message, located; the PDF kept
printf '  未知のキー: x\n' >> "$doc"
wait_for 1 'has errors' || fail "no message after a broken save: $(cat "$log")"
grep -q 'doc.yaml:[0-9]*:[0-9]*: error: ' "$log" || fail "the error is not located: $(cat "$log")"
[ "$(md5sum < "$pdf")" = "$sum2" ] || fail "the PDF changed after a broken save"

# an unrelated file in the directory starts no run
runs=$(grep -c '^hyoka: \[' "$log")
echo x > "$work/other.txt"
sleep 1
[ "$(grep -c '^hyoka: \[' "$log")" -eq "$runs" ] || fail "a change of another file started a run"

# fixed again: a new PDF
cp "$src/tests/fixtures/minimal.yaml" "$doc"
wait_for 3 'wrote ' || fail "no run after the fix: $(cat "$log")"

# a change of the layout the document uses: a new run (the engine's dependencies, deps.h)
echo '# changed' >> "$work/layouts/juten.yaml"
wait_for 4 'wrote ' || fail "no run after the layout changed: $(cat "$log")"

kill -INT $pid
i=0
while kill -0 $pid 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then fail "watch did not stop on SIGINT"; kill -KILL $pid; break; fi
    sleep 0.1
done
wait $pid; rc=$?
[ $rc -eq 0 ] || fail "watch exit status $rc after SIGINT"
grep -q 'watch stopped' "$log" || fail "no stop message"
ls -a "$work" | grep -q '\.tmp$' && fail "a temporary file was left: $(ls -a "$work")"

# usage errors
"$hyoka" watch >/dev/null 2>&1; [ $? -eq 2 ] || fail "watch without a file: not a usage error"
"$hyoka" watch - -o x.pdf >/dev/null 2>&1; [ $? -eq 2 ] || fail "watch of standard input: not a usage error"
"$hyoka" watch "$doc" -o - >/dev/null 2>&1; [ $? -eq 2 ] || fail "watch to standard output: not a usage error"
"$hyoka" watch "$doc" -o "$doc" >/dev/null 2>&1; [ $? -eq 2 ] || fail "watch onto its input: not a usage error"

[ $fails -eq 0 ] && echo "watch: ok"
exit $((fails > 0))
