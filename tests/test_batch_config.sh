#!/bin/sh
# tests/test_batch_config.sh HYOKA WORKDIR — a batch with a broken fonts file or a broken
# layout names that file, located, for its documents (issue 11): no "worker died", no PDF.
set -u
hyoka=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work/src" "$work/layouts"
cp "$here/bad/cfg-00-ok.yaml" "$work/src/a.yaml"
cp "$here/bad/cfg-00-ok.yaml" "$work/src/b.yaml"
fail=0
check() { # name, expected text, hyoka arguments...
    name=$1 want=$2
    shift 2
    "$hyoka" batch "$work/src" -o "$work/out-$name" -j 2 "$@" > "$work/$name.out" 2> "$work/$name.err"
    rc=$?
    if [ "$rc" -eq 0 ] || [ "$rc" -ge 128 ] || ! grep -q -F -e "$want" "$work/$name.err" ||
       grep -q -e 'died' -e 'signal' "$work/$name.err" || [ -n "$(find "$work/out-$name" -name '*.pdf' 2>/dev/null)" ]; then
        echo "FAIL $name (exit $rc): expected '$want' in:"
        cat "$work/$name.err"
        fail=1
    else
        echo "ok $name (exit $rc)"
        sed 's/^/  | /' "$work/$name.err"
    fi
}
check fonts "cfg-30-fonts-nested-list.fonts.yaml:2:10: error: fonts: a font family name must be a text, not a list" \
    --layouts "$here/bad/config/ok" --fonts "$here/bad/config/cfg-30-fonts-nested-list.fonts.yaml"
check layout "cfg-10-group-no-label/form.yaml:14:9: error: layout: a 'group' node needs 'label'" \
    --layouts "$here/bad/config/cfg-10-group-no-label"
exit $fail
