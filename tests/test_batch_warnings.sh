#!/bin/sh
# tests/test_batch_warnings.sh — the batch report lists a document's warnings (answers that
# contradict each other) apart from its errors, and the document is still rendered.
#   sh tests/test_batch_warnings.sh HYOKA SRCDIR
set -u
hyoka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
cp "$src/tests/bad/c01-none-with-entries.yaml" "$tmp/in/a.yaml"
LANG=C "$hyoka" batch "$tmp/in" -o "$tmp/out" --state "$tmp/state" --report "$tmp/report.json" -j 1 -q \
    > "$tmp/log" 2>&1
rc=$?
[ $rc = 0 ] || { cat "$tmp/log"; echo "FAIL: batch exit $rc"; exit 1; }
[ -f "$tmp/out/a.pdf" ] || { echo "FAIL: a.pdf not rendered"; exit 1; }
python3 - "$tmp/report.json" <<'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
d = r["documents"][0]
assert d["status"] == "rendered", d
assert d["errors"] == [], d
assert len(d["warnings"]) == 1 and ": warning: " in d["warnings"][0] and "委託しない" in d["warnings"][0], d
PY
echo "ok: the batch report lists the document's warnings"
