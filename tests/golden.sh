#!/bin/sh
# tests/golden.sh — the golden check of one document (see docs/golden.md): renders DOC.yaml with a
# fixed SOURCE_DATE_EPOCH, rasterizes every page (grayscale, 144 dpi, reduced to 72 dpi by
# imgdiff), and compares page count and pixels with GOLDENDIR/NAME/page-NNN.png. On failure the
# actual pages and diff images stay in OUTDIR/NAME/. With HYOKA_UPDATE_GOLDEN=1 it rewrites the
# golden pages instead (stale extra pages are deleted) and reports which pages changed.
#
# usage: golden.sh DOC.yaml NAME HYOKA IMGDIFF GOLDENDIR OUTDIR [RENDER OPTIONS...]
# env:   HYOKA_UPDATE_GOLDEN=1, HYOKA_LAYOUTS (read by hyoka), GOLDEN_THRESHOLD, GOLDEN_TOLERANCE
set -eu

[ $# -ge 6 ] || { echo "usage: golden.sh DOC.yaml NAME HYOKA IMGDIFF GOLDENDIR OUTDIR [OPTIONS...]" >&2; exit 2; }
doc=$1 name=$2 hyoka=$3 imgdiff=$4 golden=$5/$2 out=$6/$2
shift 6  # what is left are options for hyoka render
threshold=${GOLDEN_THRESHOLD:-32} tolerance=${GOLDEN_TOLERANCE:-2}

# count_pages DIR: the number of page-NNN.png files in DIR.
count_pages() {
  c=0
  for f in "$1"/page-[0-9][0-9][0-9].png; do [ -f "$f" ] && c=$((c + 1)); done
  echo "$c"
}

# page_number FILE: 7 for .../raw-07.pgm or .../page-007.png (no octal).
page_number() {
  n=${1##*-}; n=${n%.*}; n=$(echo "$n" | sed 's/^0*//')
  echo "${n:-0}"
}

rm -rf "$out"
mkdir -p "$out"

# Render. Any diagnostic on stderr is shown; a non-zero exit fails the check.
SOURCE_DATE_EPOCH=1700000000 "$hyoka" render "$doc" -o "$out/$name.pdf" "$@" || {
  echo "golden: $name: hyoka render failed" >&2; exit 1; }

# Rasterize at twice the golden resolution, then reduce: page-NNN.png at 72 dpi.
# PGM, not -png: pdftoppm's PNG encoding at 144 dpi takes most of the time.
pdftoppm -q -gray -r 144 "$out/$name.pdf" "$out/raw" || { echo "golden: $name: pdftoppm failed" >&2; exit 1; }
for f in "$out"/raw-*.pgm; do
  page=$(printf 'page-%03d' "$(page_number "$f")")
  "$imgdiff" --reduce "$f" "$out/$page.png"
  rm -f "$f"
done
pages=$(count_pages "$out")

if [ "${HYOKA_UPDATE_GOLDEN:-}" = 1 ]; then
  # Copy new and changed pages; keep them (and a diff for the changed ones) in $out for review.
  mkdir -p "$golden"
  changed=0
  for f in "$out"/page-*.png; do
    p=$(basename "$f" .png)
    if [ ! -f "$golden/$p.png" ]; then
      echo "golden: $name: new $golden/$p.png (review $f)"
    elif ! cmp -s "$f" "$golden/$p.png"; then
      echo "golden: $name: changed $golden/$p.png"
      "$imgdiff" "$f" "$golden/$p.png" "$out/$p.diff.png" "$threshold" "$tolerance" | sed 's/^/  /' || true
    else
      rm -f "$f"
      continue
    fi
    cp "$f" "$golden/$p.png"
    changed=$((changed + 1))
  done
  for g in "$golden"/page-*.png; do
    [ -f "$g" ] || continue
    [ "$(page_number "$g")" -le "$pages" ] || { echo "golden: $name: deleted stale $g"; rm -f "$g"; changed=$((changed + 1)); }
  done
  echo "golden: $name: $pages pages, $changed golden files written or deleted in $golden"
  [ "$changed" -gt 0 ] || rm -rf "$out"
  exit 0
fi

[ -d "$golden" ] || { echo "golden: $name: no golden pages in $golden (run with HYOKA_UPDATE_GOLDEN=1)" >&2; exit 1; }
expected=$(count_pages "$golden")
status=0
if [ "$pages" -ne "$expected" ]; then
  echo "golden: $name: $pages pages rendered, $expected golden pages"
  status=1
fi

# Compare every page both sides have; keep the failing pages and their diffs, drop the rest.
for f in "$out"/page-*.png; do
  p=$(basename "$f" .png)
  if [ ! -f "$golden/$p.png" ]; then
    echo "golden: $name: $p has no golden page: $f"
    continue
  fi
  if "$imgdiff" "$f" "$golden/$p.png" "$out/$p.diff.png" "$threshold" "$tolerance" >"$out/$p.log"; then
    rm -f "$f" "$out/$p.diff.png" "$out/$p.log"
  else
    echo "golden: $name: $p differs"
    sed 's/^/  /' "$out/$p.log"
    rm -f "$out/$p.log"
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "golden: $name: $pages pages match"
  rm -rf "$out"
fi
exit "$status"
