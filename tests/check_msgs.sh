#!/bin/sh
# tests/check_msgs.sh — every message a person reads comes from the catalogue (src/msg_cat.h):
# no diagnostic in src/ is written with a literal English format. hy_diag_add/hy_diag_warn
# remain only for passing on a text already composed from catalogue parts ("%s", "%s: %s").
#   sh tests/check_msgs.sh SRCDIR
src=${1:-.}
bad=$(grep -n -E 'hy_diag_(add|warn)\(' "$src"/src/*.c | grep -v '^[^:]*/diag\.c:' \
      | grep -v -E '"%s"|"%s: %s"')
bad2=$(grep -n -E '(mb_err|cfg_error)\(' "$src"/src/*.c | grep -v -E 'HY_M_|^[^:]*:[0-9]+:void ')
if [ -n "$bad$bad2" ]; then
    echo "FAIL: messages written outside the catalogue (src/msg_cat.h):"
    printf '%s\n%s\n' "$bad" "$bad2"
    exit 1
fi
echo "ok: every diagnostic comes from the catalogue"
