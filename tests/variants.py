#!/usr/bin/env python3
"""tests/variants.py — a writer's typing of an example renders byte-identical to the example.

usage: variants.py HYOKA LAYOUT DOC.yaml OUTDIR

Writes DOC as an IME user would type it: section keys as Roman numeral characters (Ⅲ), every
date in another accepted form (令和7年1月31日 with full-width digits, R7.1.31, 2025/1/31), choice
values, checkbox items and whole numbers with full-width digits, letters and parentheses. Renders both and
compares the PDFs byte for byte (SOURCE_DATE_EPOCH fixed)."""
import os, re, subprocess, sys, yaml

hyoka, layout_path, doc_path, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)
layout = yaml.safe_load(open(layout_path, encoding='utf-8'))

date_keys, choice_keys, option_texts, check_texts = set(), set(), set(), set()
int_keys = {'列数'}
def walk(n):
    if isinstance(n, dict):
        if n.get('kind') == 'date' or n.get('value') == 'date':
            if 'key' in n: date_keys.add(n['key'])
        if n.get('kind') == 'choice' and 'key' in n: choice_keys.add(n['key'])
        if n.get('kind') == 'int' and 'key' in n: int_keys.add(n['key'])
        if 'count' in n and isinstance(n['count'], str) and n.get('kind') == 'choice': int_keys.add(n['count'])
        for v in n.values(): walk(v)
    elif isinstance(n, list):
        for v in n: walk(v)
walk(layout)
for opts in (layout.get('options') or {}).values():
    for o in opts: option_texts.add(o['text'] if isinstance(o, dict) else str(o))
for cl in (layout.get('checks') or {}).values():
    for it in (cl.get('list') or cl.get('items') or []) if isinstance(cl, dict) else cl:
        check_texts.add(it['label'] if isinstance(it, dict) and 'label' in it else
                         (it if isinstance(it, str) else next(iter(it)) if isinstance(it, dict) else str(it)))

FW = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F) if chr(c) not in ',:'}
def fullwidth(s): return ''.join(FW.get(c, c) for c in s)
ERAS = [('令和', 'R', (2019, 5, 1)), ('平成', 'H', (1989, 1, 8)), ('昭和', 'S', (1926, 12, 25))]
count = [0]
def era_date(m):
    y, mo, d = int(m.group(2)), int(m.group(3)), int(m.group(4))
    count[0] += 1
    for name, letter, start in ERAS:
        if (y, mo, d) >= start:
            ey = y - start[0] + 1
            form = count[0] % 3
            if form == 0: s = fullwidth(f'{name}{"元" if ey == 1 else ey}年{mo}月{d}日').replace('ｰ', '')
            elif form == 1: s = f'{letter}{ey}.{mo}.{d}'
            else: s = f'{y}/{mo}/{d}'
            return m.group(1) + s
    return m.group(0)

src = open(doc_path, encoding='utf-8').read()
text = re.sub(r'^(I|II|III|IV|V):', lambda m: {'I': 'Ⅰ', 'II': 'Ⅱ', 'III': 'Ⅲ', 'IV': 'Ⅳ', 'V': 'Ⅴ'}[m.group(1)] + ':',
              src, flags=re.M)
if date_keys:
    keys = '|'.join(map(re.escape, sorted(date_keys, key=len, reverse=True)))
    text = re.sub(r'((?:^|[\s{,])(?:%s): )(\d{4})-(\d{2})-(\d{2})(?=\s*(?:,|\}|$))' % keys, era_date, text, flags=re.M)
changed = 0
# Whole numbers (評価書番号, 件数, 列数) typed with full-width digits.
ikeys = '|'.join(map(re.escape, sorted(int_keys, key=len, reverse=True)))
text, n = re.subn(r'((?:^|[\s{,])(?:%s): )(\d+)(?=\s*(?:,|\}|$))' % ikeys,
                  lambda m: m.group(1) + fullwidth(m.group(2)), text, flags=re.M)
changed += n
# Choice values after their key; checkbox items in [lists] and after "- ".
ckeys = '|'.join(map(re.escape, sorted(choice_keys, key=len, reverse=True)))
for o in sorted(option_texts, key=len, reverse=True):
    fw = fullwidth(o)
    if fw == o: continue
    pat = r'((?:^|[\s{,])(?:%s): )%s(?=\s*(?:,|\}|$))' % (ckeys, re.escape(o))
    text, n = re.subn(pat, lambda m: m.group(1) + fw, text, flags=re.M)
    changed += n
for o in sorted(check_texts, key=len, reverse=True):
    fw = fullwidth(o)
    if fw == o: continue
    pat = r'(?:(?<=\[)|(?<=\[\{)|(?<=, )|(?<=, \{)|(?<=^- )|(?<=\s- ))%s(?=\s*(?:,|\]|:|$))' % re.escape(o)
    text, n = re.subn(pat, fw, text, flags=re.M)
    changed += n
if text == src:
    sys.exit(f'{doc_path}: the variant is the same text as the example')
name = os.path.splitext(os.path.basename(doc_path))[0]
variant = os.path.join(out, name + '.variant.yaml')
open(variant, 'w', encoding='utf-8').write(text)
env = dict(os.environ, SOURCE_DATE_EPOCH='1700000000', TZ='UTC')
pdfs = []
for path, tag in ((os.path.abspath(doc_path), 'orig'), (variant, 'variant')):
    pdf = os.path.join(out, f'{name}.{tag}.pdf')
    r = subprocess.run([hyoka, 'render', path, '-o', pdf + '.tmp'], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f'{path}: hyoka exited {r.returncode}\n{r.stderr}')
    os.replace(pdf + '.tmp', pdf)
    pdfs.append(pdf)
a, b = (open(p, 'rb').read() for p in pdfs)
print(f'{name}: {count[0]} dates, {changed} options/items rewritten; Roman keys')
if a != b:
    sys.exit(f'{name}: the variant {variant} renders differently from the example ({pdfs[0]} vs {pdfs[1]})')
