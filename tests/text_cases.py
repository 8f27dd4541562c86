#!/usr/bin/env python3
"""tests/text_cases.py — text printed exactly as meant (issue 13 item 3), checked in the PDF's
extracted text (pdftotext):

- text/wrapped-lines.yaml: sentences wrapped in the source between Japanese characters (plain,
  folded `>` and double-quoted) print with no space at the wraps;
- text/nfd-kana.yaml: kana pasted decomposed (ト + U+3099) extract composed, each NFD line
  exactly as its NFC twin, and no combining sound mark is left anywhere.

usage: text_cases.py HYOKA SRCDIR OUTDIR"""
import os, subprocess, sys, unicodedata

hyoka, src, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
fails = []

def text_of(name):
    pdf = os.path.join(out, name + '.pdf')
    r = subprocess.run([hyoka, 'render', os.path.join(src, 'tests', 'text', name + '.yaml'), '-o', pdf],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f'{name}: hyoka exited {r.returncode}\n{r.stderr}')
    t = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True, text=True, check=True).stdout
    return ''.join(t.split('\n'))  # lines as the PDF wraps them, joined

t = text_of('wrapped-lines')
for want in ['試験市は、試験事務における特定個人情報ファイルの取扱いにあたり、個人のプライバシー等の権利利益の保護に取り組んでいることを宣言する。',
             '特定個人情報ファイルの取扱いについて、システム操作者に対して守秘義務を課し、操作履歴を保存している。',
             '試験事務における特定個人情報の取扱い']:
    if want not in t:
        fails.append(f'wrapped-lines: not found as one text: {want}')

t = text_of('nfd-kana')
if '\u3099' in t or '\u309a' in t:
    fails.append('nfd-kana: a combining sound mark (U+3099/U+309A) is in the extracted text')
if unicodedata.normalize('NFC', t) != t:
    fails.append('nfd-kana: the extracted text is not in NFC')
for line in ['データベースのバックアップ、ガイドライン、パスワード、がぎぐげご、ぱぴぷぺぽ',
             '住民基本台帳ネットワークシステム、プライバシー']:
    if t.count('NFC: ' + line) != 1 or t.count('NFD: ' + line) != 1:
        fails.append(f'nfd-kana: NFC and NFD lines differ: {line}')
if 'ドキュメント管理ビューア' not in t:
    fails.append('nfd-kana: ドキュメント管理ビューア not composed')

for f in fails:
    print('FAIL', f)
print('text_cases:', 'ok' if not fails else f'{len(fails)} failed')
sys.exit(1 if fails else 0)
