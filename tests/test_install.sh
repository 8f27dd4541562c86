#!/bin/sh
# tests/test_install.sh — the suite's run against an installed copy: `cmake --install` into a
# temporary prefix, move the prefix elsewhere (a relocated installation must keep working), then
# from an empty working directory render, check and round-trip an example with the installed
# program, read the installed man page and bash completion, and remove the data to see the
# message that says where hyoka looked.
#
#   sh tests/test_install.sh BUILD_DIR SOURCE_DIR CONFIGURED_DATA_DIR
set -eu
[ $# -eq 3 ] || { echo "usage: test_install.sh BUILD_DIR SOURCE_DIR CONFIGURED_DATA_DIR" >&2; exit 2; }
CONFIGURED=$3
B=$(cd "$1" && pwd)
S=$(cd "$2" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL install: $*"; exit 1; }
unset HYOKA_LAYOUTS HYOKA_FONTS
export SOURCE_DATE_EPOCH=1700000000

cmake --install "$B" --prefix "$T/first" > "$T/install.log" || { cat "$T/install.log"; fail "cmake --install"; }
mv "$T/first" "$T/moved"
P=$T/moved
H=$P/bin/hyoka
for f in bin/hyoka share/hyoka/layouts/juten.yaml share/hyoka/layouts/revision.yaml \
         share/hyoka/fonts/fonts.yaml share/man/man1/hyoka.1.gz share/bash-completion/completions/hyoka \
         share/doc/hyoka/README.md share/doc/hyoka/batch.md share/doc/hyoka/examples/004-sakai-kodomo.yaml; do
    [ -s "$P/$f" ] || fail "not installed: $f"
done

mkdir "$T/empty"
cd "$T/empty"
cp "$P/share/doc/hyoka/examples/004-sakai-kodomo.yaml" doc.yaml

# render without -o writes doc.pdf beside doc.yaml; check agrees on the page count
"$H" render doc.yaml || fail "render from the relocated prefix"
pages=$(pdfinfo doc.pdf | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -gt 1 ] || fail "doc.pdf has ${pages:-no} pages"
out=$("$H" check doc.yaml) || fail "check"
[ "$out" = "OK: doc.yaml: $pages pages" ] || fail "check printed '$out'"

# standard input and output give the same bytes
cat doc.yaml | "$H" render - -o - > piped.pdf || fail "render - -o -"
cmp -s piped.pdf doc.pdf || fail "render - -o - differs from render doc.yaml"
out=$("$H" check - < doc.yaml) || fail "check -"
[ "$out" = "OK: <stdin>: $pages pages" ] || fail "check - printed '$out'"

# the round trip (every text of the YAML in the PDF, labels in layout order) on the installed program
"${HY_PYTHON:-/usr/bin/python3}" "$S/tests/roundtrip.py" "$H" doc.yaml "$P/share/hyoka/layouts/juten.yaml" "$T/roundtrip" > "$T/rt.log" 2>&1 ||
    { cat "$T/rt.log"; fail "round trip with the installed program"; }

# the man page formats without a warning, in a UTF-8 and in the C locale
for loc in C.UTF-8 C; do
    LC_ALL=$loc MANWIDTH=80 man -l "$P/share/man/man1/hyoka.1.gz" > "$T/man.txt" 2> "$T/man.err" || fail "man ($loc)"
    [ ! -s "$T/man.err" ] || { cat "$T/man.err"; fail "man page warnings ($loc)"; }
    for section in SYNOPSIS COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES; do
        grep -q "^$section" "$T/man.txt" || fail "man page ($loc) has no $section"
    done
done

# bash completion: commands, then options of the command
if command -v bash > /dev/null; then
    got=$(bash -c 'shopt -s extglob; . "$1"; COMP_WORDS=(hyoka re); COMP_CWORD=1; _hyoka; echo "${COMPREPLY[*]}";
                   COMP_WORDS=(hyoka batch --sh); COMP_CWORD=2; _hyoka; echo "${COMPREPLY[*]}"' \
               _ "$P/share/bash-completion/completions/hyoka")
    [ "$got" = "render
--shard" ] || fail "bash completion gave '$got'"
fi

# without its data, hyoka names every place it looked and exits with 2 (unless a hyoka is
# installed in the configured prefix, where it would rightly find the data)
rm -rf "$P/share/hyoka"
if [ ! -d "$CONFIGURED/layouts" ]; then
    rc=0
    "$H" check doc.yaml 2> err.txt || rc=$?
    [ "$rc" = 2 ] || fail "without data: exit $rc"
    grep -q "^  $P/share/hyoka (beside the program $H): no such directory" err.txt ||
        fail "without data, the message does not name $P/share/hyoka: $(cat err.txt)"
    grep -q "^  $CONFIGURED (the configured installation prefix)" err.txt ||
        fail "without data, the message does not name $CONFIGURED: $(cat err.txt)"
fi
echo "install: ok ($pages pages from $P)"
