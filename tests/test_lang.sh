#!/bin/sh
# tests/test_lang.sh — the language of the messages: the locale (LC_ALL, LC_MESSAGES, LANG, in
# that order), `--lang ja|en` (and --lang=ja) on every command, Japanese OK lines of check.
#   sh tests/test_lang.sh HYOKA SRCDIR
set -u
hyoka=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
unset LC_ALL LC_MESSAGES LANGUAGE
bad=$src/tests/bad/55-choice-not-option.yaml
good=$src/examples/001-meguro-kaigo.yaml

run() {  # run ENV... -- ARGS: stderr+stdout into $tmp/out, status into $rc
    envs=
    while [ "$1" != -- ]; do envs="$envs $1"; shift; done
    shift
    env $envs "$hyoka" "$@" > "$tmp/out" 2>&1
    rc=$?
}
has() { grep -q -F -e "$1" "$tmp/out" || fail "$2: '$1' not in: $(head -c 300 "$tmp/out")"; }

run LANG=C -- check "$bad"
[ $rc = 2 ] || fail "LANG=C: exit $rc"
has "is not an option; the options are:" "LANG=C"
run LANG=ja_JP.UTF-8 -- check "$bad"
has "は選択肢にありません。次のどれか一つをそのまま書いてください" "LANG=ja_JP.UTF-8"
has ":11:11: error: " "LANG=ja_JP.UTF-8 keeps the position prefix"
run LANG=C LC_MESSAGES=ja_JP.UTF-8 -- check "$bad"
has "は選択肢にありません" "LC_MESSAGES over LANG"
run LANG=ja_JP.UTF-8 LC_ALL=C -- check "$bad"
has "is not an option" "LC_ALL over LANG"
run LANG=ja_JP.UTF-8 -- check --lang en "$bad"
has "is not an option" "--lang en"
run LANG=C -- check "$bad" --lang=ja
has "は選択肢にありません" "--lang=ja after the file"
run LANG=C -- --lang ja check "$bad"
has "は選択肢にありません" "--lang before the command"
run LANG=C -- check --lang fr "$bad"
[ $rc = 2 ] || fail "--lang fr: exit $rc"
has "--lang takes ja or en, not 'fr'" "--lang fr"
run LANG=C -- check --lang
[ $rc = 2 ] || fail "--lang without a value: exit $rc"
run LANG=C -- check --lang ja -- --lang
has "--lang" "a file named --lang after --"
run LANG=ja_JP.UTF-8 -- check "$good"
[ $rc = 0 ] || fail "check of an example under ja: exit $rc"
grep -q -E '^OK: .*001-meguro-kaigo.yaml: [0-9]+ページ$' "$tmp/out" || fail "Japanese OK line: $(cat "$tmp/out")"
run LANG=C -- check "$good"
grep -q -E '^OK: .*001-meguro-kaigo.yaml: [0-9]+ pages$' "$tmp/out" || fail "English OK line: $(cat "$tmp/out")"
run LANG=C -- render --lang ja "$bad" -o "$tmp/x.pdf"
[ $rc = 2 ] && [ ! -e "$tmp/x.pdf" ] || fail "render --lang ja: exit $rc"
has "は選択肢にありません" "render --lang ja"

[ $fails = 0 ] || exit 1
echo "ok: language of the messages"
