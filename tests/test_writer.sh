#!/bin/sh
# tests/test_writer.sh HYOKA SRCDIR WORKDIR — the writer's tools from the command line:
# `hyoka new KIND` passes check and renders (each form, by its name and by its layout file's
# name), -o writes the file and never replaces one; `hyoka schema`/`guide` -o write files; an
# unknown form lists the forms; the committed guide pages (docs/ja/STEM.md) are what
# `hyoka guide STEM` writes now (regenerate: hyoka guide STEM -o docs/ja/STEM.md).
set -u
hyoka=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

for layout in "$src"/layouts/*.yaml; do
    stem=$(basename "$layout" .yaml)
    kind=$(sed -n 's/^kind: *//p' "$layout")
    "$hyoka" new "$stem" > "$work/$stem.yaml" || fail "new $stem: exit $?"
    "$hyoka" new "$kind" -o "$work/$stem-by-kind.yaml" || fail "new '$kind' -o: exit $?"
    cmp -s "$work/$stem.yaml" "$work/$stem-by-kind.yaml" || fail "new $stem and new '$kind' differ"
    out=$("$hyoka" check "$work/$stem.yaml" 2>"$work/$stem.err") || fail "new $stem does not pass check: $(cat "$work/$stem.err")"
    case $out in OK:*) ;; *) fail "check of new $stem printed '$out'" ;; esac
    grep -q 'error' "$work/$stem.err" && fail "check of new $stem: $(cat "$work/$stem.err")"
    "$hyoka" render "$work/$stem.yaml" -o "$work/$stem.pdf" 2>/dev/null || fail "new $stem does not render"
    pdfinfo "$work/$stem.pdf" >/dev/null 2>&1 || fail "new $stem: not a PDF"
    "$hyoka" guide "$stem" > "$work/$stem.md" || fail "guide $stem: exit $?"
    # the blank document holds every key of the form: the key paths of its mappings are the
    # key paths of the guide (its rows' key column and the headings of parts)
    python3 - "$work/$stem.yaml" "$work/$stem.md" <<'PY' || fail "new $stem and guide $stem list different keys"
import re, sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))
paths = set()
def walk(n, p):
    if isinstance(n, dict):
        for k, v in n.items():
            q = f'{p}.{k}' if p else k
            paths.add(q)
            walk(v, q)
    elif isinstance(n, list):
        for v in n:
            walk(v, p + '[n]')
walk(doc, '')
paths.discard('様式')
guide = open(sys.argv[2], encoding='utf-8').read()
keys = set(re.findall(r'^\| [^|]* \| `([^`]+)` \|', guide, re.M))
keys |= {k for k in re.findall(r'^#+ .*（`([^`]+)`）$', guide, re.M) if not k.endswith('[n]')}
if paths != keys:
    print('only in new:', sorted(paths - keys), 'only in the guide:', sorted(keys - paths))
    sys.exit(1)
PY
    "$hyoka" schema "$stem" -o "$work/$stem.schema.json" || fail "schema -o: exit $?"
    python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/$stem.schema.json" || fail "schema $stem: not JSON"
done

# new never replaces a file
echo 'mine' > "$work/mine.yaml"
"$hyoka" new juten -o "$work/mine.yaml" 2>"$work/err" && fail "new -o over an existing file succeeded"
grep -q 'exists' "$work/err" || fail "new over a file: $(cat "$work/err")"
[ "$(cat "$work/mine.yaml")" = mine ] || fail "new replaced an existing file"
# an unknown form: exit 2, the forms listed
"$hyoka" schema 基礎項目評価書 >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown form: exit $rc"
grep -q '重点項目評価書' "$work/err" || fail "unknown form: the forms are not listed: $(cat "$work/err")"
"$hyoka" new >/dev/null 2>&1; [ $? -eq 2 ] || fail "new without a form: not a usage error"
"$hyoka" new juten revision >/dev/null 2>&1; [ $? -eq 2 ] || fail "new with two forms: not a usage error"
"$hyoka" new juten --bogus >/dev/null 2>&1; [ $? -eq 2 ] || fail "new --bogus: not a usage error"
"$hyoka" new --help | grep -q 'usage: hyoka new' || fail "new --help"
"$hyoka" schema --help | grep -q 'yaml-language-server' || fail "schema --help"
# a broken layout is reported, located
mkdir -p "$work/lay" && printf 'kind: X\npage: {size: A5}\nbody: []\n' > "$work/lay/x.yaml"
"$hyoka" schema X --layouts "$work/lay" >/dev/null 2>"$work/err"; rc=$?
[ $rc -eq 2 ] && grep -q 'x.yaml:2' "$work/err" || fail "broken layout: exit $rc: $(cat "$work/err")"

[ $fails -eq 0 ] && echo "writer tools: ok"
exit $((fails > 0))
