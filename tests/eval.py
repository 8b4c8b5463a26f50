"""How right extract() is on the labelled pages: per field, and the body's exact edges.

    .venv/bin/python -m tests.eval [-v] [--fold N] [--rotate] [--stress]

Printed over every real page, over the pages of hosts held out from rule-writing, and over
every real page again with the class and id names extraction knows renamed (content
containers, breadcrumbs: a CMS nobody listed, whose text and trail must be found by what they are).
Hosts are split into FOLDS folds by a fixed-seed hash of the host name; fold N (default 0) is
held out, `--rotate` prints every fold's held-out figures in turn. The hosts of the first
labelled pages (real_pages.json, which the rules were first written on) are never held out.
A label may also say `"held_out": true`: such a page (a batch labelled to measure hosts nobody
has looked at) is held out in every fold and has its own column, "labelled held out"; once
measured and studied (`"held_out": false, "studied": true`) its hosts are never held out again.
`--stress` adds a table: every real page under each stress of tests/stresses.py (the page printed
another way no site of ours did), one row a stress.
`-v` lists the misses on pages that are not held out: rules are written from those only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline import extract
from tests.extraction_cases import EVAL, FIELDS, Case, all_cases, edges_right, field_right, misses, read_once, squeeze
from tests.stresses import STRESSES, unknown_cms

FOLDS = 5
SEED = "govarchive-eval-1"
SLACK = 120  # "within" this many characters of the labelled edge
MEASURES = FIELDS + ("body start", "body end", f"start ±{SLACK}", f"end ±{SLACK}", "body once")


def fold_of(host: str) -> int:
    return int(hashlib.sha256(f"{SEED}:{host}".encode()).hexdigest(), 16) % FOLDS


@dataclass
class Score:
    pages: int = 0
    hosts: set = field(default_factory=set)
    right: dict = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))
    misses: list = field(default_factory=list)  # (case, measure, got, want)

    def rate(self, measure: str) -> float:
        return self.right[measure] / self.pages if self.pages else float("nan")


def judge(case: Case, score: Score) -> None:
    record = extract(case.html, case.url)
    score.pages += 1
    score.hosts.add(case.host)
    for name in FIELDS:
        got, want = getattr(record, name), case.fields[name]
        if field_right(name, got, want):
            score.right[name] += 1
        else:
            score.misses.append((case, name, got, want))
    starts, ends = edges_right(record.body, case)
    near_start, near_end = edges_right(record.body, case, SLACK)
    text = squeeze(record.body)
    for measure, ok, got, want in (("body once", read_once(record.body), f"{text[:40]}… twice", None),
                                   ("body start", starts, text[:40], case.body_start),
                                   ("body end", ends, text[-40:], case.body_end),
                                   (f"start ±{SLACK}", near_start, None, None),
                                   (f"end ±{SLACK}", near_end, None, None)):
        score.right[measure] += ok
        if not ok and want is not None or not ok and measure in ("body start", "body end", "body once"):
            score.misses.append((case, measure, got, want))


def evaluate(cases: Iterable[Case]) -> Score:
    score = Score()
    for case in cases:
        judge(case, score)
    return score


def held_out(case: Case, fold: int, tuned: set[str]) -> bool:
    return case.held_out or case.real and case.host not in tuned and fold_of(case.host) == fold


def report(columns: list[tuple[str, Score]]) -> None:
    width = max(22, *(len(title) + 2 for title, _ in columns))  # a column's title never runs into the next
    print(f"{'':16s}" + "".join(f"{title:>{width}s}" for title, _ in columns))
    print(f"{'pages / hosts':16s}" + "".join(f"{f'{s.pages} / {len(s.hosts)}':>{width}s}" for _, s in columns))
    for measure in MEASURES:
        print(f"{measure:16s}" + "".join(f"{s.rate(measure):{width}.3f}" for _, s in columns))


def report_stresses(rows: list[tuple[str, Score]]) -> None:
    """One row a stress, one column a measure (the real pages under each stress)."""
    names = {"published_at": "published", "written_at": "written", "body start": "start", "body end": "end",
             f"start ±{SLACK}": f"start±{SLACK}", f"end ±{SLACK}": f"end±{SLACK}", "body once": "once"}
    heads = [names.get(m, m) for m in MEASURES]
    width = max(len(name) for name, _ in rows) + 2
    print(f"\n{'real pages, stressed':{width}s}" + "".join(f"{h:>{max(len(h), 5) + 1}s}" for h in heads))
    for name, score in rows:
        print(f"{name:{width}s}" + "".join(f"{score.rate(m):>{max(len(h), 5) + 1}.3f}" for m, h in zip(MEASURES, heads)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", action="store_true", help="list misses on pages not held out and on labelled held-out pages")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--rotate", action="store_true", help="held-out figures of every fold")
    parser.add_argument("--stress", action="store_true",
                        help="every real page again under each stress of tests/stresses.py: " + "; ".join(STRESSES))
    parser.add_argument("--write-known", action="store_true",
                        help="write today's misses of every real page to fixtures/eval/known_misses.json")
    args = parser.parse_args()
    cases = all_cases()
    real = [c for c in cases if c.real]
    if args.write_known:
        known = {c.name: sorted(m) for c in real if (m := misses(c, extract(c.html, c.url)))}
        (EVAL / "known_misses.json").write_text(json.dumps(known, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"{sum(map(len, known.values()))} misses on {len(known)} of {len(real)} pages written")
    # hosts rules were written from: the first labelled pages', and those of held-out batches studied since
    tuned = {c.host for c in real if not c.name.startswith("real/") or c.studied}
    platforms = sorted({c.platform.split(":")[0] for c in real})
    print(f"{len(real)} real pages from {len({c.host for c in real})} hosts, platforms: {', '.join(platforms)}; "
          f"{len(cases) - len(real)} built pages")
    folds = range(FOLDS) if args.rotate else [args.fold]
    columns = [("all real", evaluate(real))]
    for fold in folds:
        columns.append((f"held out (fold {fold})", evaluate(c for c in real if held_out(c, fold, tuned))))
    if any(c.held_out for c in real):
        columns.append(("labelled held out", evaluate(c for c in real if c.held_out)))
    columns.append(("real, CMS unknown", evaluate(map(unknown_cms, real))))
    columns.append(("built", evaluate(c for c in cases if not c.real)))
    report(columns)
    if args.stress:
        report_stresses([(name, evaluate(map(stress, real))) for name, stress in STRESSES.items()])
    if args.v:
        # a labelled held-out batch is measured once, then read: its misses are what it found
        print("\nmisses on pages not held out, and on labelled held-out pages:")
        for case, measure, got, want in columns[0][1].misses:
            if case.held_out or not held_out(case, args.fold, tuned):
                print(f"  {case.name} [{case.host}]: {measure}: got {got!r}, want {want!r}")


if __name__ == "__main__":
    main()
