#!/bin/sh
# bench/run.sh — the batch benchmark: builds hyoka (RelWithDebInfo, in build-bench/), generates
# N assessments (bench/gen.py, default 200), then measures one document in a fresh process,
# `hyoka batch -j1` and `hyoka batch -j2` over the corpus, and a second, incremental run.
# usage: sh bench/run.sh [N]        (environment: BENCH_DIR, default build-bench/corpus)
set -eu
cd "$(dirname "$0")/.."
N=${1:-200}
B=build-bench
W=${BENCH_DIR:-$B/work}

cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$B" -j"$(nproc)" --target hyoka bench_rusage >/dev/null
H=$B/hyoka

rm -rf "$W"
mkdir -p "$W"
python3 bench/gen.py "$W/corpus" -n "$N" --seed 1 >/dev/null
export SOURCE_DATE_EPOCH=1700000000

echo "hyoka $("$H" --version | cut -d' ' -f2), $(nproc) cores, $N generated documents; $(uptime | sed 's/.*load/load/')"
python3 bench/measure.py single "$H" examples/000-chiba-kouki-revision.yaml 20
python3 bench/measure.py single "$H" examples/002-chiba-kenshin.yaml 20
python3 bench/measure.py batch "$H" "$W/corpus" "$W/out1" 1
python3 bench/measure.py fifteen "$H" "$W/out1.json"
python3 bench/measure.py batch "$H" "$W/corpus" "$W/out2" 2
python3 bench/measure.py incremental "$H" "$W/corpus" "$W/out2"
