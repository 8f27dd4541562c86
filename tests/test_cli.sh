#!/bin/sh
# tests/test_cli.sh — the command-line conventions of hyoka(1): `-` for standard input and
# output, IN.pdf beside IN.yaml by default, --help after any command, -V, precise usage errors,
# check's line on success.
#
#   sh tests/test_cli.sh HYOKA SOURCE_DIR
set -u
[ $# -eq 2 ] || { echo "usage: test_cli.sh HYOKA SOURCE_DIR" >&2; exit 2; }
H=$1
S=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL cli: $*"; exit 1; }

# expect STATUS STDERR-TEXT -- COMMAND...: the exit status and a text stderr must hold
expect() {
    want=$1 text=$2
    shift 3
    rc=0
    "$@" > "$T/out" 2> "$T/err" || rc=$?
    [ "$rc" = "$want" ] || { cat "$T/err"; fail "'$*': exit $rc, want $want"; }
    [ -z "$text" ] || grep -qF -- "$text" "$T/err" || { cat "$T/err"; fail "'$*': stderr lacks '$text'"; }
}

cp "$S/examples/002-chiba-kenshin.yaml" "$T/doc.yaml"
cp "$S/examples/000-chiba-kouki-revision.yaml" "$T/rev.YML"
cd "$T"

# --- default output beside the input; .yml too, any case
expect 0 "" -- "$H" render doc.yaml
[ -s doc.pdf ] || fail "render doc.yaml did not write doc.pdf"
expect 0 "" -- "$H" render rev.YML
[ -s rev.pdf ] || fail "render rev.YML did not write rev.pdf"
mkdir sub && cp doc.yaml sub/d.yaml
expect 0 "" -- "$H" render sub/d.yaml
[ -s sub/d.pdf ] || fail "render sub/d.yaml did not write sub/d.pdf"
cmp -s sub/d.pdf doc.pdf || fail "the same document gave different bytes"

# --- standard input and output
cat doc.yaml | "$H" render - -o - > piped.pdf || fail "render - -o -"
cmp -s piped.pdf doc.pdf || fail "cat doc.yaml | render - -o - differs from render doc.yaml"
"$H" render doc.yaml -o - > out1.pdf || fail "render doc.yaml -o -"
cmp -s out1.pdf doc.pdf || fail "render doc.yaml -o - differs"
"$H" render - -o stdin.pdf < doc.yaml || fail "render - -o FILE"
cmp -s stdin.pdf doc.pdf || fail "render - -o FILE differs"
[ ! -e ./- ] || fail "a file named '-' was created"
printf '様式: 重点項目評価書\n表紙: [\n' | "$H" render - -o - > bad.pdf 2> "$T/err"
[ $? = 2 ] || fail "a broken document on stdin: not exit 2"
grep -q '^<stdin>:[0-9]*:[0-9]*: error: ' "$T/err" || { cat "$T/err"; fail "stdin errors are not named <stdin>"; }
[ ! -s bad.pdf ] || fail "a broken document on stdin wrote bytes to stdout"

rc=0; "$H" render doc.yaml -o - > /dev/full 2> "$T/err" || rc=$?
[ "$rc" = 1 ] && grep -q "cannot write the PDF to standard output" "$T/err" || { cat "$T/err"; fail "-o - onto a full device: exit $rc"; }
if command -v script > /dev/null; then   # a terminal on standard output is refused
    script -qc "\"$H\" render doc.yaml -o -" /dev/null > "$T/tty" 2>&1 || true
    grep -q "standard output is a terminal" "$T/tty" || { cat "$T/tty"; fail "-o - onto a terminal was not refused"; }
fi

# --- check prints one line per valid document
out=$("$H" check doc.yaml - < rev.YML) || fail "check doc.yaml -"
[ "$out" = "OK: doc.yaml: 17 pages
OK: <stdin>: 15 pages" ] || fail "check printed '$out'"

# --- help and version: standard output, exit 0
for c in "" render check batch layout; do
    out=$("$H" $c --help) || fail "hyoka $c --help: exit $?"
    case $out in usage:*) ;; *) fail "hyoka $c --help printed '$out'" ;; esac
    "$H" $c -h > /dev/null || fail "hyoka $c -h"
done
out=$("$H" render doc.yaml --stamp x --help) || fail "--help after other options"
[ "$("$H" -V)" = "$("$H" --version)" ] || fail "-V and --version differ"
"$H" --version | grep -q '^hyoka [0-9]' || fail "--version"

# --- usage errors: exit 2, precise, nothing written
rm -f doc.pdf
expect 2 "--stamp needs a value" -- "$H" render doc.yaml --stamp
expect 2 "unknown option '--colour'" -- "$H" render doc.yaml --colour
expect 2 "unknown option '-x'" -- "$H" check doc.yaml -x
expect 2 "-o is given twice" -- "$H" render doc.yaml -o a.pdf -o b.pdf
expect 2 "'-o' is an option of render" -- "$H" check doc.yaml -o x.pdf
expect 2 "render takes one input file, got 'rev.YML' too" -- "$H" render doc.yaml rev.YML
expect 2 "render needs an input file" -- "$H" render
expect 2 "check needs an input file" -- "$H" check
expect 2 "standard input: give -o" -- "$H" render -
expect 2 "standard input ('-') can be read only once" -- "$H" check - -
expect 2 "unknown command 'rendr'" -- "$H" rendr doc.yaml
expect 2 "usage:" -- "$H"
expect 2 "-o needs a value" -- "$H" batch "$S/examples" -o
expect 2 "--shard needs a value" -- "$H" batch "$S/examples" -o "$T/b" --shard
expect 2 "unknown option '--frob'" -- "$H" batch "$S/examples" -o "$T/b" --frob
[ ! -e "$T/b" ] || fail "a batch usage error created its output directory"
[ ! -e doc.pdf ] && [ ! -e a.pdf ] && [ ! -e x.pdf ] || fail "a usage error wrote a file"

# --- option forms: --name=value, -oFILE, -- before a name starting with '-'
expect 0 "" -- "$H" render doc.yaml --output=eq.pdf --stamp=資料1
[ -s eq.pdf ] || fail "--output=FILE"
expect 0 "" -- "$H" render doc.yaml -oglued.pdf
[ -s glued.pdf ] || fail "-oFILE"
cp doc.yaml ./-dash.yaml
expect 0 "" -- "$H" render -- -dash.yaml
[ -s ./-dash.pdf ] || fail "-- before -dash.yaml"
# --- a --stamp or --watermark character no font has: one message naming the option, not
#     one per page naming the document
rm -f st.pdf
expect 2 "--stamp: error: character U+1F600" -- "$H" render doc.yaml -o st.pdf --stamp "資料😀"
[ "$(grep -c error "$T/err")" = 1 ] || { cat "$T/err"; fail "--stamp: one message expected"; }
expect 2 "--watermark: error: character U+001B" -- "$H" render doc.yaml -o st.pdf --watermark "$(printf 'a\033b')"
[ "$(grep -c error "$T/err")" = 1 ] || { cat "$T/err"; fail "--watermark: one message expected"; }
[ ! -e st.pdf ] || fail "a bad --stamp wrote a PDF"
# --- -o naming what the document is rendered with (the fonts configuration, a layout):
#     refused, the file untouched
cp "$S/fonts/fonts.yaml" myfonts.yaml && cp myfonts.yaml fonts.keep
expect 2 "it would be replaced by the PDF" -- "$H" render doc.yaml -o myfonts.yaml --fonts myfonts.yaml
cmp -s fonts.keep myfonts.yaml || fail "-o the fonts configuration replaced it"
cp -r "$S/layouts" mylayouts && cp mylayouts/juten.yaml juten.keep
expect 2 "it would be replaced by the PDF" -- "$H" render doc.yaml -o mylayouts/juten.yaml --layouts mylayouts
cmp -s juten.keep mylayouts/juten.yaml || fail "-o a layout replaced it"
echo "cli: ok"
