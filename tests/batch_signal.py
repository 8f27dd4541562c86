#!/usr/bin/env python3
"""tests/batch_signal.py — starts `hyoka batch`, waits for its first worker process, and
signals it or the batch: the forced interleavings of the batch tests (a worker killed or stuck
mid-document, an edit while a document renders, SIGTERM to the batch).

usage: batch_signal.py [--worker SIG]... [--run CMD] [--parent SIG] -- HYOKA batch ARGS...

Steps, in this order, as soon as the first worker exists: each --worker signal to the worker
(STOP, KILL, CONT ...), then --run CMD through the shell, then --parent SIG to the batch.
Exits with the batch's exit status (3 if no worker was ever seen)."""
import os
import signal
import subprocess
import sys
import time


def children(pid):
    out = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
            out.append(int(p))
    return out


def main(argv):
    sep = argv.index("--")
    opts, cmd = argv[:sep], argv[sep + 1:]
    steps = list(zip(opts[0::2], opts[1::2]))
    batch = subprocess.Popen(cmd)
    worker = None
    deadline = time.monotonic() + 30
    while worker is None and batch.poll() is None and time.monotonic() < deadline:
        kids = children(batch.pid)
        worker = kids[0] if kids else None
    if worker is None:
        batch.wait()
        return 3
    for opt, val in steps:
        if opt == "--worker":
            os.kill(worker, getattr(signal, "SIG" + val))
            time.sleep(0.1)
        elif opt == "--run":
            subprocess.run(val, shell=True, check=True)
        elif opt == "--parent":
            os.kill(batch.pid, getattr(signal, "SIG" + val))
    return batch.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
