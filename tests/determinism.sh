#!/bin/sh
# tests/determinism.sh — hyoka's output depends on the document only: each document is rendered
# twice, then once more with another TZ and LC_ALL from another working directory (given by a
# relative path), and all three PDFs must be byte-identical. SOURCE_DATE_EPOCH is fixed.
#
# usage: determinism.sh HYOKA OUTDIR DOC.yaml...
set -eu

[ $# -ge 3 ] || { echo "usage: determinism.sh HYOKA OUTDIR DOC.yaml..." >&2; exit 2; }
hyoka=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") out=$2
shift 2
rm -rf "$out"
mkdir -p "$out/elsewhere"
out=$(cd "$out" && pwd)
export SOURCE_DATE_EPOCH=1700000000
status=0

for doc in "$@"; do
  name=$(basename "$doc" .yaml)
  abs=$(cd "$(dirname "$doc")" && pwd)/$(basename "$doc")
  TZ=UTC LC_ALL=C "$hyoka" render "$abs" -o "$out/$name.1.pdf"
  TZ=UTC LC_ALL=C "$hyoka" render "$abs" -o "$out/$name.2.pdf"
  # From $out/elsewhere the document is ../../<path from $out to the document>.
  rel=$(realpath --relative-to="$out/elsewhere" "$abs")
  (cd "$out/elsewhere" && TZ=Asia/Tokyo LC_ALL=C.UTF-8 "$hyoka" render "$rel" -o ../"$name.3.pdf")
  for i in 2 3; do
    if cmp "$out/$name.1.pdf" "$out/$name.$i.pdf"; then :; else
      echo "determinism: $name: run $i differs from run 1 ($out/$name.1.pdf, $out/$name.$i.pdf)"
      status=1
    fi
  done
done

[ "$status" -eq 0 ] && { echo "determinism: $# documents byte-identical over 3 runs"; rm -rf "$out"; }
exit "$status"
