#!/bin/sh
# tests/run_bad.sh — runs one hostile/broken-input case of tests/bad/ against a hyoka binary.
#
#   sh tests/run_bad.sh HYOKA CASE WORKDIR [ja]
#
# Messages are in English (LANG=C) unless the fourth argument is `ja`: then hyoka runs under
# LANG=ja_JP.UTF-8 and the expected texts are NN-name.expect.ja (the Japanese run of the
# corpus, for the cases that have one).
# CASE is tests/bad/NN-name.yaml, or tests/bad/NN-name.gen: a shell script that writes the
# input to the path given as $1 (huge, binary or generated files are not committed).
# NN-name.expect: line 1 the expected exit status; every further non-empty line is a text that
# must appear in stderr. Messages name the input as `NN-name.yaml` (hyoka runs in the input's
# directory).
# NN-name.args (optional), one directive a line; @SRC@ is tests/bad, @TMP@ the case's scratch
# directory:
#   cmd check|render     the subcommand (default render, to @TMP@/out/out.pdf)
#   opt ARG              one more command-line argument
#   env NAME=VALUE       environment for hyoka
#   in PATH              input path instead of the case file
#   out PATH             output path instead of @TMP@/out/out.pdf
#   setup COMMAND        shell command run before hyoka
#   fs full|ro           run with @TMP@/out a 16 KiB or a read-only tmpfs (a private mount
#                        namespace, gone when hyoka ends); skipped where mounting is not allowed
#   pending REASON       the case shows a known defect: skipped (exit 77) with REASON
#
# hyoka is stopped after $HYOKA_BAD_TIMEOUT seconds (default 15; `timeout` from coreutils).
# Checks: the exit status; each expected text in stderr; no sanitizer report; and unless the
# expected status is 0, that no output file and no temporary file were left behind (for 0 and
# render: the output is a PDF and nothing else was left).
set -u

if [ $# -ne 3 ] && [ $# -ne 4 ]; then
    echo "usage: run_bad.sh HYOKA CASE WORKDIR [ja]" >&2
    exit 2
fi
hyoka=$1
case_file=$2
workdir=$3
lang=${4:-en}
unset LC_ALL LC_MESSAGES LANGUAGE
if [ "$lang" = ja ]; then LANG=ja_JP.UTF-8; else LANG=C; fi
export LANG
case "$hyoka" in /*) ;; *) hyoka=$(pwd)/$hyoka ;; esac
src=$(cd "$(dirname "$case_file")" && pwd)
file=$(basename "$case_file")
name=${file%.*}
expect=$src/$name.expect
argsf=$src/$name.args
tmp=$workdir/$name
if [ "$lang" = ja ]; then
    expect=$src/$name.expect.ja
    tmp=$workdir/$name.ja
fi

fail() {
    echo "FAIL $name: $*"
    exit 1
}

[ -f "$expect" ] || fail "missing $expect"
rm -rf "$tmp"
mkdir -p "$tmp/in" "$tmp/out" || fail "cannot create $tmp"

subst() {
    printf '%s\n' "$1" | sed -e "s|@SRC@|$src|g" -e "s|@TMP@|$tmp|g"
}

# ---- the case's directives
cmd=render
input=
output=$tmp/out/out.pdf
fs=
set --
envs=
if [ -f "$argsf" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        key=${line%% *}
        val=$(subst "${line#* }")
        case "$key" in
        ''|'#'*) ;;
        cmd) cmd=$val ;;
        opt) set -- "$@" "$val" ;;
        env) envs="$envs$val
" ;;
        in) input=$val ;;
        out) output=$val ;;
        setup) sh -c "$val" || fail "setup failed: $val" ;;
        fs) fs=$val ;;
        pending) echo "SKIP $name: pending: $val"; exit 77 ;;
        *) fail "unknown directive in $argsf: $line" ;;
        esac
    done < "$argsf"
fi

# ---- the input
if [ -z "$input" ]; then
    case "$file" in
    *.gen)
        sh "$case_file" "$tmp/in/$name.yaml" || fail "generator failed"
        rundir=$tmp/in
        ;;
    *) rundir=$src ;;
    esac
    input=$name.yaml
else
    rundir=$tmp/in
fi

# ---- sanitizer settings: fontconfig keeps a cache for the life of the process
supp=$src/lsan.supp
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$supp:print_suppressions=0"
export LSAN_OPTIONS

# ---- run
if [ "$cmd" = check ]; then
    set -- check "$input" "$@"
else
    set -- render "$input" -o "$output" "$@"
fi
pre_exist=no
[ -e "$output" ] && pre_exist=yes
if [ -n "$fs" ]; then
    case "$fs" in
    full) mopt=size=16k ;;
    ro) mopt=ro,size=16k ;;
    *) fail "fs must be full or ro" ;;
    esac
    # Probe: unshare + mount need root and CAP_SYS_ADMIN.
    if ! unshare -m sh -c "mount -t tmpfs -o $mopt tmpfs '$tmp/out'" 2>/dev/null; then
        echo "SKIP $name: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)"
        exit 77
    fi
fi
# A hang must not outlive the test (ctest's TIMEOUT would kill this script, not hyoka).
seconds=${HYOKA_BAD_TIMEOUT:-15}
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout -k 2 $seconds"
start=$(date +%s)
(
    while IFS= read -r e; do
        [ -n "$e" ] && export "$e"
    done <<EOF
$envs
EOF
    cd "$rundir" || exit 125
    if [ -z "$fs" ]; then
        $limit "$hyoka" "$@"
        rc=$?
        ls -A "$tmp/out" > "$tmp/left"
        exit $rc
    fi
    # A private mount namespace: the tmpfs disappears with it.
    exec unshare -m sh -c '
        mount -t tmpfs -o "$1" tmpfs "$2/out" || exit 125
        tmp=$2
        shift 2
        "$@"
        rc=$?
        ls -A "$tmp/out" > "$tmp/left"
        exit $rc' sh "$mopt" "$tmp" $limit "$hyoka" "$@"
) 2>"$tmp/stderr"
rc=$?
end=$(date +%s)

# ---- compare
want_rc=$(sed -n 1p "$expect" | tr -d ' \r')
problems=
note() { problems="$problems$*
"; }
if [ -n "$limit" ] && { [ "$rc" = 124 ] || [ "$rc" = 137 ]; }; then
    note "hyoka did not finish within $seconds s (a hang?)"
elif [ "$rc" -ge 128 ] 2>/dev/null; then
    note "hyoka was killed by signal $((rc - 128)) (a crash?)"
fi
[ "$rc" = "$want_rc" ] || note "exit status $rc, expected $want_rc"
if grep -q -e 'AddressSanitizer' -e 'LeakSanitizer' -e 'runtime error:' -e 'UndefinedBehaviorSanitizer' "$tmp/stderr"; then
    note "sanitizer report in stderr"
fi
missing=
n_missing=0
tail -n +2 "$expect" > "$tmp/want"
while IFS= read -r want || [ -n "$want" ]; do
    [ -n "$want" ] || continue
    if ! grep -q -F -e "$want" "$tmp/stderr"; then
        missing="$missing  $want
"
        n_missing=$((n_missing + 1))
    fi
done < "$tmp/want"
[ "$n_missing" -eq 0 ] || note "$n_missing expected text(s) not in stderr"
if [ "$want_rc" = 0 ] && [ "$cmd" = render ]; then
    if [ "$(head -c 5 "$output" 2>/dev/null)" != "%PDF-" ]; then note "no PDF at $output"; fi
    [ "$(cat "$tmp/left")" = "$(basename "$output")" ] || note "files left in the output directory: $(cat "$tmp/left" | tr '\n' ' ')"
else
    [ -s "$tmp/left" ] && note "files left in the output directory: $(cat "$tmp/left" | tr '\n' ' ')"
    [ "$pre_exist" = no ] && [ -e "$output" ] && note "the output $output was created"
fi
elapsed=$((end - start))

if [ -n "$problems" ]; then
    echo "FAIL $name (hyoka $*; ${elapsed}s)"
    printf '%s' "$problems" | sed 's/^/  /'
    if [ -n "$missing" ]; then
        echo "--- expected in stderr, not found:"
        printf '%s' "$missing"
    fi
    echo "--- stderr was:"
    head -c 4000 "$tmp/stderr"
    exit 1
fi
echo "ok $name (exit $rc, ${elapsed}s)"
sed 's/^/  | /' "$tmp/stderr" | head -n 20
rm -rf "$tmp"
exit 0
