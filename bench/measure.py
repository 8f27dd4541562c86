#!/usr/bin/env python3
"""bench/measure.py — the measurements behind bench/run.sh, one line of results per case.

    measure.py single HYOKA DOC.yaml [REPEAT]     one document, a fresh process each time
    measure.py batch HYOKA CORPUS OUTDIR JOBS     hyoka batch --force -j JOBS over CORPUS
    measure.py incremental HYOKA CORPUS OUTDIR    hyoka batch again: everything up to date
    measure.py fifteen HYOKA REPORT.json [COUNT]  the corpus documents of exactly 15 pages (from
                                                  a batch report), each in fresh processes

Wall time is what a user waits; CPU time (user + sys of hyoka and its workers) is what the
machine spent, and is the steadier number on a shared machine. Peak RSS is hyoka's own: the
largest resident set of the hyoka process (and, for a batch, of any of its workers), in MiB,
from wait4() in bench/rusage.c — a small helper that runs hyoka, because a process started
directly from Python inherits the interpreter's peak RSS (about 14 MB) in its ru_maxrss.
The batch report's per-worker figure is printed beside it. KB/page is output size over pages.

The helper is built beside hyoka (target bench_rusage); its path is $BENCH_RUSAGE, or
`bench_rusage` in hyoka's directory.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def pct(values, p):
    v = sorted(values)
    if not v:
        return 0.0
    k = (len(v) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def rusage_helper(hyoka):
    return os.environ.get("BENCH_RUSAGE") or os.path.join(os.path.dirname(os.path.abspath(hyoka)), "bench_rusage")


def run_measured(hyoka, args, **kw):
    """Runs hyoka with args through the rusage helper: (CompletedProcess, peak RSS in MiB of hyoka
    and the children it waited for)."""
    with tempfile.NamedTemporaryFile("r", prefix="rusage") as f:
        p = subprocess.run([rusage_helper(hyoka), f.name, hyoka] + args, **kw)
        fields = f.read().split()
    if len(fields) != 3:
        sys.exit("measure.py: the rusage helper (%s) gave no figures; build it: "
                 "cmake --build BUILD --target bench_rusage" % rusage_helper(hyoka))
    return p, int(fields[0]) / 1024.0


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(next(l.split()[1] for l in out.splitlines() if l.startswith("Pages:")))


def single(hyoka, doc, repeat=20):
    with tempfile.TemporaryDirectory() as t:
        out = os.path.join(t, "out.pdf")
        wall, cpu = render_times(hyoka, doc, out, repeat)
        rss = max(run_measured(hyoka, ["render", doc, "-o", out], check=True)[1] for _ in range(3))
        pages, size = pages_of(out), os.path.getsize(out)
    print("single   %-34s %3d pages  wall median %6.1f ms (p95 %6.1f)  cpu median %6.1f ms  "
          "peak RSS %5.1f MiB  %5.1f KB/page"
          % (os.path.basename(doc), pages, statistics.median(wall), pct(wall, 95),
             statistics.median(cpu), rss, size / 1024 / pages))


def render_times(hyoka, doc, out, repeat):
    """Wall and CPU milliseconds of `repeat` fresh renders of doc (after one to warm caches)."""
    subprocess.run([hyoka, "render", doc, "-o", out], check=True)
    wall, cpu = [], []
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([hyoka, "render", doc, "-o", out], check=True)
        wall.append((time.perf_counter() - t0) * 1000)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1000)
    return wall, cpu


def fifteen(hyoka, report, count=20, repeat=7):
    """The target case of the issue: one 15-page document in a fresh process, over several
    generated documents rather than one example."""
    with open(report) as f:
        docs = sorted(d["input"] for d in json.load(f)["documents"] if d["pages"] == 15)[:count]
    if not docs:
        print("fifteen: no 15-page document in the corpus")
        return
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as t:
        for doc in docs:
            wall, cpu = render_times(hyoka, doc, os.path.join(t, "out.pdf"), repeat)
            walls.append(statistics.median(wall))
            cpus.append(statistics.median(cpu))
    print("single   %2d generated 15-page documents, %d runs each: wall median %5.1f ms "
          "(slowest document %5.1f)  cpu median %5.1f ms"
          % (len(docs), repeat, statistics.median(walls), max(walls), statistics.median(cpus)))


def run_batch(hyoka, corpus, outdir, args):
    report = outdir + ".json"
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p, rss = run_measured(hyoka, ["batch", corpus, "-o", outdir, "--quiet", "--report", report] + args)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit("measure.py: hyoka batch exited with %d" % p.returncode)
    with open(report) as f:
        r = json.load(f)
    cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
    return r, wall, cpu, rss


def batch(hyoka, corpus, outdir, jobs):
    r, wall, cpu, rss = run_batch(hyoka, corpus, outdir, ["--force", "-j", str(jobs)])
    t, docs = r["totals"], r["documents"]
    ms = [d["ms"] for d in docs]
    per15 = t["pages"] / wall / 15
    print("batch -j%s %4d docs %5d pages  %6.1f docs/s  %6.0f pages/s (= %5.1f 15-page docs/s)  "
          "ms/doc p50 %6.1f p95 %6.1f  cpu %5.1f ms/doc  peak RSS %5.1f MiB (any process; "
          "report: %.1f per worker)  %5.1f KB/page"
          % (jobs, t["documents"], t["pages"], t["documents"] / wall, t["pages"] / wall, per15,
             pct(ms, 50), pct(ms, 95), cpu * 1000 / t["documents"], rss, t.get("peak_rss_mb_worker", float("nan")),
             t["bytes"] / 1024 / max(1, t["pages"])))


def incremental(hyoka, corpus, outdir):
    r, wall, cpu, _ = run_batch(hyoka, corpus, outdir, [])
    t = r["totals"]
    print("batch again (all up to date): %d docs, %d skipped in %.2f s (%.0f docs/s)"
          % (t["documents"], t["skipped"], wall, t["documents"] / wall))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "single":
        single(args[0], args[1], int(args[2]) if len(args) > 2 else 20)
    elif cmd == "batch":
        batch(*args)
    elif cmd == "incremental":
        incremental(*args)
    elif cmd == "fifteen":
        fifteen(args[0], args[1], int(args[2]) if len(args) > 2 else 20)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
