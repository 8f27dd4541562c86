#!/usr/bin/env python3
"""The JSON Schema of `hyoka schema KIND` against documents, with an independent validator
(python3-jsonschema, draft-07): every example and fixture and the `hyoka new` document of each
form validate; a wrong option, an unknown key (in every mapping of every example), an unknown
checkbox item, a text on an item without parenthesis, a bad date, too many entries and a
missing required item each fail it, and `hyoka check` refuses the same documents.

usage: test_schema.py HYOKA SRCDIR WORKDIR
YAML is read as yaml-language-server reads it: dates stay texts (no YAML 1.1 timestamps)."""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml

hyoka, src, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)


class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != 'tag:yaml.org,2002:timestamp']
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL:', msg)


def run(*args):
    return subprocess.run([hyoka, *args], capture_output=True, text=True, timeout=120)


validators = {}
for stem in ('juten', 'revision'):
    r = run('schema', stem)
    if r.returncode != 0:
        sys.exit(f'hyoka schema {stem}: exit {r.returncode}: {r.stderr}')
    schema = json.loads(r.stdout)
    jsonschema.Draft7Validator.check_schema(schema)

    def bare_refs(n):  # draft-07 ignores the siblings of $ref: a title there would be lost
        if isinstance(n, dict):
            if '$ref' in n and len(n) > 1:
                fail(f'schema {stem}: $ref with siblings: {sorted(n)}')
            for v in n.values():
                bare_refs(v)
        elif isinstance(n, list):
            for v in n:
                bare_refs(v)
    bare_refs(schema)
    kind = schema['properties']['様式']['enum'][0]
    validators[kind] = jsonschema.Draft7Validator(schema)
    # the same schema by the form's own name
    if run('schema', kind).stdout != r.stdout:
        fail(f'hyoka schema {kind} differs from hyoka schema {stem}')
    r = run('new', stem)
    if r.returncode != 0:
        fail(f'hyoka new {stem}: exit {r.returncode}')
    path = os.path.join(work, f'new-{stem}.yaml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(r.stdout)


def errors(doc, kind=None):
    return list(validators[kind or doc['様式']].iter_errors(doc))


def load(path):
    with open(path, encoding='utf-8') as f:
        return yaml.load(f, Loader=Loader)


def check_rejects(doc, what, name):
    """hyoka check refuses doc too (the schema and the program agree)."""
    path = os.path.join(work, name + '.yaml')
    with open(path, 'w', encoding='utf-8') as f:
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
    r = run('check', path)
    if r.returncode != 2:
        fail(f'{what}: hyoka check exit {r.returncode}, expected 2')


docs = sorted(glob.glob(os.path.join(src, 'examples', '*.yaml')) +
              glob.glob(os.path.join(src, 'tests', 'fixtures', '*.yaml')) +
              glob.glob(os.path.join(work, 'new-*.yaml')))
for path in docs:
    errs = errors(load(path))
    if errs:
        fail(f'{path} does not validate: ' + '; '.join(
            f'{list(e.absolute_path)}: {e.message[:150]}' for e in errs[:5]))

# ---- an unknown key in every mapping of every example fails ----------------------------
n_maps = 0
for path in sorted(glob.glob(os.path.join(src, 'examples', '*.yaml'))):
    doc = load(path)

    def maps(node, at):
        if isinstance(node, dict):
            yield at
            for k, v in node.items():
                yield from maps(v, at + [k])
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from maps(v, at + [i])

    for at in list(maps(doc, [])):
        d = copy.deepcopy(doc)
        m = d
        for step in at:
            m = m[step]
        m['未知のキー'] = 'x'
        n_maps += 1
        if not errors(d):
            fail(f'{os.path.basename(path)} {at}: an unknown key validates')
print(f'unknown keys refused in {n_maps} mappings')


def mutated(path, steps, value):
    doc = load(os.path.join(src, path))
    m = doc
    for s in steps[:-1]:
        m = m[s]
    if value is DELETE:
        del m[steps[-1]]
    else:
        m[steps[-1]] = value
    return doc


DELETE = object()
JUTEN = 'examples/004-sakai-kodomo.yaml'
wrong = [
    ('a choice not among the options', JUTEN, ['I', '事務', '対象人数'], '1万人くらい'),
    ('an option of another choice', JUTEN, ['II', '委託', '委託の有無'], '実施する'),
    ('an unknown checkbox item', JUTEN, ['II', '入手・使用', '入手方法'], ['紙', 'ファクス']),
    ('a text on an item without parenthesis', JUTEN, ['II', '入手・使用', '入手方法'], [{'紙': '申請書'}]),
    ('a wrong check mark', JUTEN, ['I', 'システム', 0, '接続'], [{'その他': 'x', 'チェック': 'たぶん'}]),
    ('a check mark without its item', JUTEN, ['I', 'システム', 0, '接続'], [{'チェック': 'なし'}]),
    ('a date that is no date', JUTEN, ['表紙', '公表日'], '来年の春'),
    ('a number that is a text', JUTEN, ['表紙', '評価書番号'], '四十四'),
    ('a missing required item', JUTEN, ['表紙', '評価書名'], DELETE),
    ('an empty required item', JUTEN, ['表紙', '評価書名'], ''),
    ('a missing part with required items', JUTEN, ['表紙'], DELETE),
    ('more entries than the form allows', JUTEN, ['I', 'システム'], [{'名称': f'S{i}'} for i in range(21)]),
    ('a heading checkbox written as a text', JUTEN, ['III', '委託', '委託しない'], 'はい'),
    ('another form', JUTEN, ['様式'], '基礎項目評価書'),
    ('a list for a text', JUTEN, ['I', '事務', '名称'], ['a', 'b']),
    ('a revision row with an unknown column', 'examples/000-chiba-kouki-revision.yaml', ['行', 0, '備考'], 'x'),
    ('a revision without its 事務名', 'examples/000-chiba-kouki-revision.yaml', ['事務名'], DELETE),
]
for i, (what, path, steps, value) in enumerate(wrong):
    doc = mutated(path, steps, value)
    if not errors(doc, '修正等を要する部分とその内容' if 'revision' in path else '重点項目評価書'):
        fail(f'{what} ({steps}) validates')
    check_rejects(doc, what, f'wrong-{i}')

# ---- the forms hyoka reads validate: era and slash dates, variants, unchecked parens ----
right = [
    ('an era date', JUTEN, ['表紙', '公表日'], '令和元年5月30日'),
    ('an era letter date', JUTEN, ['表紙', '公表日'], 'R1.5.30'),
    ('a slash date', JUTEN, ['表紙', '公表日'], '2019/5/30'),
    ('a month alone', JUTEN, ['II', '基本情報', '保有開始日'], '平成28年1月'),
    ('full-width digits in a date', JUTEN, ['表紙', '公表日'], '２０１９年５月３０日'),
    ('an unchecked parenthesis', JUTEN, ['I', 'システム', 0, '接続'], [{'その他': '保険年金システム', 'チェック': 'なし'}]),
    ('a count in a parenthesis', JUTEN, ['II', '提供・移転', '提供・移転の有無'], [{'提供を行っている': 22}]),
    ('an option variant', JUTEN, ['III', '保管・消去', 'リスク', '事故発生時手順'], '特に力を入れている'),
    ('an empty choice', JUTEN, ['I', '事務', '対象人数'], ''),
]
for what, path, steps, value in right:
    doc = mutated(path, steps, value)
    errs = errors(doc)
    if errs:
        fail(f'{what} ({steps}) does not validate: {errs[0].message[:150]}')

print(f'{len(docs)} documents validate; {len(wrong)} wrong ones fail; {len(right)} variants validate')
sys.exit(1 if failures else 0)
