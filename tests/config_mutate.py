#!/usr/bin/env python3
"""tests/config_mutate.py — configuration is input too: every attribute of a layout and of the
fonts file, systematically given a wrong type, a missing value, an absurd or non-finite number,
or removed, must end in a PDF or in located errors (`file:line:col: error:`, exit 2), never in
a crash, a hang or an unlocated message.

    config_mutate.py HYOKA LAYOUT DOCUMENT FONTS WORKDIR [STRIDE]

With STRIDE n only every n-th mutation runs (the sanitizer build, where a run is slower).

Each distinct (place in the layout, attribute, mutation) is tried once: nodes of the same kind
at the same depth of the tree count as the same place, so the run stays short while still
reaching every attribute every node kind reads. Prints one line per failure; exit 1 if any.
"""
import copy
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import yaml

LOCATED = re.compile(r'^[^\n]*?:\d+:\d+: error: ', re.M)
BAD = [
    ('list-of-list', [['x']]),
    ('mapping', {'a': 'b'}),
    ('empty', ''),
    ('huge', '1e400'),
    ('nan', 'nan'),
    ('negative', '-1'),
    ('big', '99999999999'),
    ('zero', '0'),
]


def places(tree, path=()):
    """Every (path, mapping) in the tree."""
    if isinstance(tree, dict):
        yield path, tree
        for k, v in tree.items():
            yield from places(v, path + (k,))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from places(v, path + (i,))


def signature(tree, path):
    """The place of a mapping, with list positions replaced by the kind of the node there."""
    sig, node, parent = [], tree, None
    for p in path:
        node = node[p]
        sig.append(node.get('kind', '*') if isinstance(p, int) and isinstance(node, dict) else
                   '*' if isinstance(p, int) or parent in ('options', 'checks', 'variants') else p)
        parent = p
    return tuple(sig[-2:])


def get(tree, path):
    for p in path:
        tree = tree[p]
    return tree


def mutations(tree):
    seen = set()
    for path, m in places(tree):
        sig = signature(tree, path)
        for key in list(m.keys()):
            v = m[key]
            number = isinstance(v, (int, float)) or (isinstance(v, list) and v and
                                                     all(isinstance(x, (int, float)) for x in v))
            kinds = [('removed', None)] + (BAD if number else BAD[:3])
            for name, val in kinds:
                named = path and path[-1] in ('options', 'checks', 'variants')
                s = (sig, '*' if named else key, name)
                if s in seen:
                    continue
                seen.add(s)
                t = copy.deepcopy(tree)
                target = get(t, path)
                if val is None:
                    del target[key]
                else:
                    target[key] = copy.deepcopy(val)
                yield '/'.join(map(str, path + (key,))) + ' ' + name, t
    # The whole file of the wrong shape.
    for name, val in BAD[:3]:
        yield 'file ' + name, val


def run(hyoka, doc, layouts, fonts, out):
    env = dict(os.environ)
    # fontconfig keeps a cache for the life of the process (as in tests/run_bad.sh)
    supp = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bad', 'lsan.supp')
    env['LSAN_OPTIONS'] = ':'.join(filter(None, [env.get('LSAN_OPTIONS'), 'suppressions=' + supp,
                                                 'print_suppressions=0']))
    cmd = [hyoka, 'check', doc, '--layouts', layouts, '--fonts', fonts]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return 'timed out (a hang?)'
    err = p.stderr.decode('utf-8', 'replace')
    if p.returncode < 0 or p.returncode > 2:
        return 'exit %d (a crash?)\n%s' % (p.returncode, err[-2000:])
    if re.search(r'Sanitizer|runtime error:', err):
        return 'sanitizer report\n' + err[-3000:]
    if p.returncode == 2:
        lines = [l for l in err.splitlines() if ' error: ' in l]
        unlocated = [l for l in lines if not LOCATED.match(l) and 'too many errors' not in l]
        if not lines or unlocated:
            return 'an error without its file:line:col\n' + err[-2000:]
        if os.path.exists(out):
            return 'exit 2 but a PDF was written'
    elif p.returncode == 1:
        return 'exit 1 (an output failure) on a configuration mistake\n' + err[-2000:]
    if os.path.exists(out):
        os.unlink(out)
    return None


def main():
    hyoka, layout, doc, fonts, work = sys.argv[1:6]
    stride = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    with open(layout, encoding='utf-8') as f:
        lay = yaml.safe_load(f)
    with open(fonts, encoding='utf-8') as f:
        fon = yaml.safe_load(f)
    os.makedirs(work, exist_ok=True)
    jobs = []
    for i, (what, t) in enumerate(mutations(lay)):
        d = os.path.join(work, 'lay%04d' % i)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, os.path.basename(layout)), 'w', encoding='utf-8') as f:
            yaml.safe_dump(t, f, allow_unicode=True, sort_keys=False)
        jobs.append(('layout ' + what, d, fonts, os.path.join(d, 'out.pdf')))
    for i, (what, t) in enumerate(mutations(fon)):
        d = os.path.join(work, 'fon%04d' % i)
        os.makedirs(d, exist_ok=True)
        fp = os.path.join(d, 'fonts.yaml')
        with open(fp, 'w', encoding='utf-8') as f:
            yaml.safe_dump(t, f, allow_unicode=True, sort_keys=False)
        jobs.append(('fonts ' + what, os.path.dirname(layout), fp, os.path.join(d, 'out.pdf')))

    jobs = jobs[::stride]

    def one(job):
        what, layouts, fp, out = job
        return what, run(hyoka, doc, layouts, fp, out)

    failures = 0
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        for what, problem in ex.map(one, jobs):
            if problem:
                failures += 1
                print('FAIL %s: %s' % (what, problem))
    print('%d mutations of %s and %s, %d failures' % (len(jobs), os.path.basename(layout),
                                                      os.path.basename(fonts), failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
