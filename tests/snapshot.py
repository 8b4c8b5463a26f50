"""Every record extract() reads from the real pages, written down, to see what a rule changes.

    .venv/bin/python -m tests.snapshot write OUT.json [NAME-PART ...]
    .venv/bin/python -m tests.snapshot diff A.json B.json [--field F] [--stress S]

`write` reads every real page plain, as a CMS nobody listed (tests.stresses.unknown_cms) and under
each stress of tests/stresses.py (≈ 360 pages × 32 ways), keeping each record's fields and the
body's squeezed edges and hash; NAME-PART limits it to pages whose name holds one of them. `diff`
lists the records that changed between two snapshots, grouped by way of reading, right→wrong and
wrong→right by the labels. Take one before a rule and one after: a fix should change only the
records it means to. Uses every core (a page's readings are one job).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor

from pipeline import extract
from tests.extraction_cases import FIELDS, all_cases, edges_right, field_right, squeeze
from tests.stresses import STRESSES, unknown_cms

WAYS = {"plain": lambda case: case, "unknown": unknown_cms, **STRESSES}


def _read(case) -> dict:
    record = extract(case.html, case.url)
    text = squeeze(record.body)
    starts, ends = edges_right(record.body, case)
    got = {name: getattr(record, name) for name in FIELDS}
    right = {name: field_right(name, got[name], case.fields[name]) for name in FIELDS}
    right.update({"start": starts, "end": ends})
    return {"fields": got, "start": text[:40], "end": text[-40:],
            "body": hashlib.sha1(text.encode()).hexdigest()[:12], "right": right}


def _page(case) -> dict:
    return {way: _read(change(case)) for way, change in WAYS.items()}


def write(out: str, parts: list[str]) -> None:
    cases = [c for c in all_cases() if c.real and (not parts or any(p in c.name for p in parts))]
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        pages = dict(zip((c.name for c in cases), pool.map(_page, cases, chunksize=4)))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(pages, f, ensure_ascii=False, default=str)
    wrong = sum(not ok for page in pages.values() for record in page.values() for ok in record["right"].values())
    print(f"{len(pages)} pages × {len(WAYS)} ways written to {out}; {wrong} wrong measures")


def diff(a: str, b: str, field: str | None, way: str | None) -> None:
    old, new = (json.load(open(path, encoding="utf-8")) for path in (a, b))
    better = worse = other = 0
    for name in sorted(old.keys() & new.keys()):
        for w in old[name]:
            if way and w != way or w not in new[name]:
                continue
            before, after = old[name][w], new[name][w]
            for measure in FIELDS + ("start", "end"):
                if field and measure != field:
                    continue
                was = before["fields"][measure] if measure in FIELDS else before[measure]
                now = after["fields"][measure] if measure in FIELDS else after[measure]
                if was == now and (measure in FIELDS or before["body"] == after["body"]):
                    continue
                ok0, ok1 = before["right"][measure], after["right"][measure]
                mark = "+" if ok1 and not ok0 else "-" if ok0 and not ok1 else " "
                better, worse, other = better + (mark == "+"), worse + (mark == "-"), other + (mark == " ")
                print(f"{mark} {name} [{w}] {measure}: {was!r} → {now!r}")
    print(f"{better} right now, {worse} wrong now, {other} changed either way"
          f" ({len(old.keys() ^ new.keys())} pages in one snapshot only)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="verb", required=True)
    w = verbs.add_parser("write")
    w.add_argument("out")
    w.add_argument("parts", nargs="*")
    d = verbs.add_parser("diff")
    d.add_argument("a")
    d.add_argument("b")
    d.add_argument("--field")
    d.add_argument("--stress", help="one way of reading: plain, unknown or a stress's name")
    args = parser.parse_args()
    if args.verb == "write":
        write(args.out, args.parts)
    else:
        diff(args.a, args.b, args.field, args.stress)


if __name__ == "__main__":
    sys.exit(main())
