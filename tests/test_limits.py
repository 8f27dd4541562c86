#!/usr/bin/env python3
"""tests/test_limits.py — bounded resources (README, limits): the largest inputs of several
shapes (tests/gen_large.py, each just under the 8 MiB input limit or the page limit) are
rendered, or refused with the located page-limit message, within 256 MiB of peak memory.

    test_limits.py HYOKA WORKDIR

The peak is the child's own ru_maxrss (os.wait4), not this interpreter's. Times are printed
for the record, never compared (performance is measured by bench/, not by tests).
"""
import os
import re
import resource
import subprocess
import sys
import time

LIMIT_KIB = 256 * 1024
HERE = os.path.dirname(os.path.abspath(__file__))
PAGE_LIMIT = re.compile(r'^[^\n]*\.yaml:\d+:\d+: error: the document needs more than [\d,]+ pages', re.M)

# shape, expected outcome: 'pdf' (rendered) or 'pages' (refused at the page limit)
CASES = [
    ('cell', 'pages'),   # one cell of 8 MiB of one-character lines
    ('para', 'pages'),   # one 8 MiB paragraph
    ('fit', 'pdf'),      # a correction table just under the page limit
    ('wide', 'pages'),   # 16 narrow columns of long texts
    ('marks', None),     # letters under stacks of combining marks: refused, located
]


def run(hyoka, args, address_space=None):
    def limit():
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    t0 = time.monotonic()
    p = subprocess.Popen([hyoka] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit)
    err = p.stderr.read().decode('utf-8', 'replace')
    _, status, usage = os.wait4(p.pid, 0)
    return os.waitstatus_to_exitcode(status), err, usage.ru_maxrss, time.monotonic() - t0


def main():
    hyoka, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    failures = 0
    for shape, want in CASES:
        src = os.path.join(work, shape + '.yaml')
        out = os.path.join(work, shape + '.pdf')
        if os.path.exists(out):
            os.unlink(out)
        subprocess.run([sys.executable, os.path.join(HERE, 'gen_large.py'), shape, src], check=True)
        for cmd in (['check', src], ['render', src, '-o', out]):
            rc, err, rss, secs = run(hyoka, cmd)
            problems = []
            if rss > LIMIT_KIB:
                problems.append('peak RSS %d KiB > %d KiB' % (rss, LIMIT_KIB))
            if want == 'pdf' and rc != 0:
                problems.append('exit %d, expected a PDF' % rc)
            if want == 'pages' and (rc != 2 or not PAGE_LIMIT.search(err)):
                problems.append('exit %d, expected the located page-limit message' % rc)
            if want is None and (rc != 2 or not re.search(r':\d+:\d+: error: ', err)):
                problems.append('exit %d, expected a located error' % rc)
            if rc == 2 and cmd[0] == 'render' and os.path.exists(out):
                problems.append('refused, but a PDF was written')
            if rc < 0 or rc > 2:
                problems.append('exit %d (a crash?)' % rc)
            print('%-6s %-6s %8.1f MiB peak  %6.2f s  exit %d  %s' % (
                shape, cmd[0], rss / 1024.0, secs, rc, err.splitlines()[0][:100] if err else ''))
            for pr in problems:
                failures += 1
                print('FAIL %s %s: %s\n%s' % (shape, cmd[0], pr, err[:1000]))
        if shape == 'fit':
            failures += out_of_memory(hyoka, src, out)
        for f in (src, out):
            if os.path.exists(f):
                os.unlink(f)
    return 1 if failures else 0


def out_of_memory(hyoka, src, out):
    """The fit shape with too little memory for it (address space limits of 40 to 150 MiB, so
    that allocation fails in the loader, the layout, the fonts, the subsetter, libharu): a
    message naming the document, exit 2, no crash, no core dump, no PDF."""
    failures = 0
    for mib in (40, 70, 100, 130, 150):
        if os.path.exists(out):
            os.unlink(out)
        rc, err, rss, secs = run(hyoka, ['render', src, '-o', out], mib << 20)
        ok = rc == 2 and (src + ': error: out of memory') in err and not os.path.exists(out)
        left = [f for f in os.listdir(os.path.dirname(out)) if f.startswith('.') and f.endswith('.tmp')]
        print('fit    %3d MiB address space: exit %d  %s' % (mib, rc, err.strip().splitlines()[-1][:90] if err else ''))
        if rc == 0 and os.path.exists(out):
            continue  # it fitted after all
        if not ok or left:
            failures += 1
            print('FAIL out of memory at %d MiB: exit %d, temporary files %s\n%s' % (mib, rc, left, err[:1000]))
    return failures


if __name__ == '__main__':
    sys.exit(main())
