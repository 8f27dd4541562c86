#!/usr/bin/env python3
"""tests/test_dates.py — the PDF's dates are Japan time (issue 14): without SOURCE_DATE_EPOCH the
Info dictionary's CreationDate and ModDate are the document's date (公表日, 作成日 — the layout's
`meta: date`) at midnight in Japan, D:YYYYMMDD000000+09'00'; with SOURCE_DATE_EPOCH they are that
instant on the clock in Japan. The XMP dates (PDF/A) carry the same offset.

usage: test_dates.py HYOKA OUTDIR DOC.yaml...
"""
import os
import re
import subprocess
import sys

import yaml


def dates(pdf):
    # read through poppler: the Info dictionary is in a compressed object stream
    raw = subprocess.run(["pdfinfo", "-rawdates", pdf], capture_output=True, text=True, check=True).stdout
    meta = subprocess.run(["pdfinfo", "-meta", pdf], capture_output=True, text=True, check=True).stdout
    info = re.findall(r"^(CreationDate|ModDate):\s+(D:\S*)", raw, re.M)
    xmp = re.findall(r"<xmp:(?:CreateDate|ModifyDate)>([^<]*)<", meta)
    return dict(info), xmp


def main():
    hyoka, outdir, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    bad = 0
    for doc in docs:
        with open(doc, encoding="utf-8") as f:
            d = yaml.load(f, Loader=yaml.BaseLoader)
        day = (d.get("表紙") or {}).get("公表日") if isinstance(d.get("表紙"), dict) else None
        day = day or d.get("作成日")
        out = os.path.join(outdir, os.path.basename(doc) + ".pdf")
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        for epoch, want in ((None, day and "D:%s000000+09'00'" % day.replace("-", "")),
                            ("1700000000", "D:20231115071320+09'00'")):  # 2023-11-14T22:13:20Z
            if epoch:
                env["SOURCE_DATE_EPOCH"] = epoch
            if os.path.exists(out):
                os.unlink(out)
            subprocess.run([hyoka, "render", doc, "-o", out], env=env, check=True)
            info, xmp = dates(out)
            if not want:
                print("%s: no document date: Info dates %s" % (doc, info))
                continue
            ok = info.get("CreationDate") == want and info.get("ModDate") == want
            ok = ok and all(x.endswith("+09:00") for x in xmp)
            print("%s %s: %s %s %s" % ("ok  " if ok else "FAIL", doc, info.get("CreationDate"),
                                       "xmp " + ",".join(xmp) if xmp else "", "(epoch)" if epoch else ""))
            bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
