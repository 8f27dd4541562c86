#!/bin/sh
# tools/fuzz.sh [SECONDS] [render|config] — builds a libFuzzer harness with clang (ASan + UBSan)
# and fuzzes it:
#   render  the whole pipeline from a document's YAML bytes (tests/fuzz_render.c), seeded with
#           the examples and the fixtures; findings worth keeping go to tests/fuzz-regress/
#           (ctest runs them all through `hyoka render`);
#   config  a layout or fonts file, then the pipeline with it (tests/fuzz_config.c), seeded with
#           tests/fuzz-config-regress/ (the layouts and the fonts file, and inputs that found
#           bugs); findings worth keeping go there too (ctest replays them, fuzz_config_regress).
# Findings (crash-*, leak-*, timeout-*, oom-*) land in build-fuzz/findings-TARGET/.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-1800}
target=${2:-render}
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DHYOKA_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "fuzz_$target"
corpus=build-fuzz/corpus-$target
mkdir -p "$corpus" "build-fuzz/findings-$target"
case $target in
render)
  cp examples/*.yaml tests/fixtures/*.yaml tests/fuzz-regress/*.yaml "$corpus"/ 2>/dev/null || true
  dict=tests/fuzz.dict ;;
config)
  cp tests/fuzz-config-regress/* "$corpus"/
  dict=tests/fuzz-config.dict ;;
*)
  echo "usage: tools/fuzz.sh [SECONDS] [render|config]" >&2
  exit 2 ;;
esac
LSAN_OPTIONS=suppressions=tests/bad/lsan.supp:print_suppressions=0 ASAN_OPTIONS=detect_leaks=1 \
  "./build-fuzz/fuzz_$target" "$corpus" \
  -dict="$dict" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="build-fuzz/findings-$target/" -print_final_stats=1
