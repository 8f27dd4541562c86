#!/bin/sh
# tools/fuzz.sh [SECONDS] — builds the libFuzzer harness with clang (ASan + UBSan) and fuzzes
# the whole pipeline, seeded with the examples and the layout fixtures. Findings (crash-*,
# leak-*, timeout-*, oom-*) land in build-fuzz/findings/; keep each one that found a bug as a
# regression case in tests/fuzz-regress/ (ctest runs them all through `hyoka check`).
set -eu
cd "$(dirname "$0")/.."
secs=${1:-1800}
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DHYOKA_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_render
mkdir -p build-fuzz/corpus build-fuzz/findings
cp examples/*.yaml tests/fixtures/*.yaml tests/fuzz-regress/*.yaml build-fuzz/corpus/ 2>/dev/null || true
ASAN_OPTIONS=detect_leaks=1 ./build-fuzz/fuzz_render build-fuzz/corpus \
  -dict=tests/fuzz.dict -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix=build-fuzz/findings/ -print_final_stats=1
