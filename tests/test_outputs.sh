#!/bin/sh
# tests/test_outputs.sh — `hyoka render` never writes where it should not (issue 11): an empty
# -o, -o the input, a directory or a device are usage errors with nothing written; a symbolic
# link at the output or at any temporary name an attacker could guess changes nothing outside;
# -o - gives the PDF on stdout; a file name with a newline or an escape code cannot forge a
# message line; a FIFO or /dev/zero as the fonts file or a layouts entry ends within seconds.
# usage: test_outputs.sh path/to/hyoka SOURCE_DIR
set -eu
HYOKA=$1
SRC=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/hyoka-outputs.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*" >&2; exit 1; }
DOC="$SRC/examples/001-meguro-kaigo.yaml"
# within SEC COMMAND...: the command must end within SEC seconds; prints its exit status
within() { s=$1; shift; rc=0; timeout -s KILL "$s" "$@" > /dev/null || rc=$?; [ "$rc" != 137 ] || fail "did not end within $s s: $*"; echo "$rc"; }

mkdir "$T/w" && cd "$T/w"
cp "$DOC" doc.yaml
cp doc.yaml doc.orig
echo "the victim" > "$T/victim"

# --- usage errors: exit 2, nothing written anywhere
rc=0; "$HYOKA" render doc.yaml -o "" 2> err || rc=$?
[ "$rc" = 2 ] || fail "-o '': exit $rc"; grep -q "output path is empty" err || fail "-o '': $(cat err)"
rc=0; "$HYOKA" render doc.yaml -o doc.yaml 2> err || rc=$?
[ "$rc" = 2 ] || fail "-o the input: exit $rc"; cmp -s doc.yaml doc.orig || fail "-o the input changed the input"
ln doc.yaml hard.yaml
rc=0; "$HYOKA" render doc.yaml -o hard.yaml 2> err || rc=$?
[ "$rc" = 2 ] || fail "-o a hard link of the input: exit $rc"; rm hard.yaml
mkdir adir
rc=0; "$HYOKA" render doc.yaml -o adir 2> err || rc=$?
[ "$rc" = 2 ] || fail "-o a directory: exit $rc"; [ -z "$(ls -A adir)" ] || fail "something written into adir"
rc=0; "$HYOKA" render doc.yaml -o /dev/null 2> err || rc=$?
[ "$rc" = 2 ] || fail "-o /dev/null: exit $rc"; [ -c /dev/null ] || fail "/dev/null replaced"
rc=0; "$HYOKA" render doc.yaml -o /dev/stdout > "$T/redirected" 2> err || rc=$?
[ "$rc" = 2 ] || fail "-o /dev/stdout: exit $rc"; grep -q -- "-o -" err || fail "-o /dev/stdout: no hint: $(cat err)"
[ "$(ls -A)" = "adir
doc.orig
doc.yaml
err" ] || fail "files left: $(ls -A)"

# --- -o - writes the PDF to standard output, the same bytes as a file
"$HYOKA" render doc.yaml -o - > stdout.pdf
"$HYOKA" render doc.yaml -o file.pdf
cmp -s stdout.pdf file.pdf || fail "-o - differs from -o file.pdf"
rm stdout.pdf

# --- a symbolic link at the output path is refused, its target untouched
ln -s "$T/victim" link.pdf
rc=0; "$HYOKA" render doc.yaml -o link.pdf 2> err || rc=$?
[ "$rc" = 2 ] || fail "symlinked output: exit $rc"
[ "$(cat "$T/victim")" = "the victim" ] && [ -L link.pdf ] || fail "symlinked output: the victim was changed"
rm link.pdf

# --- symbolic links at every temporary name hyoka 0.2.0 used (OUT.tmp<pid>) for the next pids:
# hyoka's names are random now, so none is used and the victim stays
next=$(sh -c 'echo $$')
i=0
while [ $i -lt 200 ]; do ln -s "$T/victim" "out.pdf.tmp$((next + i))"; i=$((i + 1)); done
"$HYOKA" render doc.yaml -o out.pdf
[ "$(cat "$T/victim")" = "the victim" ] || fail "a planted temporary name was followed"
[ -f out.pdf ] && [ ! -L out.pdf ] && cmp -s out.pdf file.pdf || fail "out.pdf is not the PDF"
rm -f out.pdf.tmp*
[ -z "$(find . -name '.*.tmp')" ] || fail "temporary files left"

# --- a file name with a newline and an escape code cannot forge a line of the messages
bad=$(printf 'x\nforged.yaml:1:1: error: \033[31mpwned')
printf '様式: 重点項目評価書\n表紙: [\n' > "$bad.yaml"
rc=0; "$HYOKA" check "$bad.yaml" 2> err || rc=$?
[ "$rc" = 2 ] || fail "forged name: exit $rc"
[ "$(wc -l < err)" = 1 ] || { cat err; fail "a file name broke the message into lines"; }
grep -q '^x\\nforged.yaml:1:1: error: \\x1B\[31mpwned.yaml:' err || { cat err; fail "the name is not escaped"; }
cp doc.yaml "$bad.yaml"
"$HYOKA" check "$bad.yaml" > out.txt
[ "$(wc -l < out.txt)" = 1 ] && grep -q '^OK: x\\nforged' out.txt || { cat out.txt; fail "check's OK line: the name is not escaped"; }
rm -f "$bad.yaml" out.txt

# --- configuration that is not a regular file: a located error within seconds, no hang
mkfifo fifo
[ "$(within 10 "$HYOKA" check doc.yaml --fonts fifo 2> err)" = 2 ] || fail "FIFO fonts file"
grep -q "fifo: error: this is a FIFO" err || fail "FIFO fonts file: $(cat err)"
[ "$(within 10 "$HYOKA" check doc.yaml --fonts /dev/zero 2> err)" = 2 ] || fail "/dev/zero fonts file"
grep -q "/dev/zero: error: this is a device" err || fail "/dev/zero fonts file: $(cat err)"
mkdir layouts && cp "$SRC"/layouts/*.yaml layouts/ && mkfifo layouts/a-fifo.yaml && ln -s /dev/zero layouts/b-zero.yaml
[ "$(within 10 "$HYOKA" check doc.yaml --layouts layouts 2> err)" = 0 ] || fail "a FIFO among the layouts: $(cat err)"
# a document whose layout would be that entry: the layout is not found, and said so at once
printf '様式: 未知\n' > other.yaml
[ "$(within 10 "$HYOKA" check other.yaml --layouts layouts 2> err)" = 2 ] || fail "unknown kind with a FIFO layout"
# a pipe as the document is still read by render/check (bounded): here a short one
[ "$(within 10 sh -c "cat doc.yaml | \"$HYOKA\" check /dev/stdin" 2> err)" = 0 ] || fail "a piped document: $(cat err)"
[ "$(within 20 "$HYOKA" check /dev/zero 2> err)" = 2 ] || fail "/dev/zero as the document"
grep -q "larger than 8 MiB" err || fail "/dev/zero document: $(cat err)"
echo "outputs: ok"
