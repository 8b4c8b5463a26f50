"""Per-field accuracy and body character-F1 of extract() over the labelled evaluation set.

    .venv/bin/python -m tests.eval [-v]
"""
from __future__ import annotations

import sys
from statistics import mean

from pipeline import extract
from tests.extraction_cases import FIELDS, all_cases, char_f1


def evaluate(verbose: bool = False) -> dict:
    cases = all_cases()
    right = dict.fromkeys(FIELDS + ("attachments",), 0)
    f1s = []
    for case in cases:
        record = extract(case.html, case.url)
        for name in FIELDS:
            ok = record[name] == case.fields[name]
            right[name] += ok
            if verbose and not ok:
                print(f"  {case.name}: {name}: got {record[name]!r}, want {case.fields[name]!r}")
        right["attachments"] += record["attachments"] == case.attachments
        f1s.append((char_f1(record["body"], case.body), case.name))
    return {"cases": len(cases), "right": right, "f1": f1s}


def main() -> None:
    result = evaluate("-v" in sys.argv)
    n = result["cases"]
    print(f"{n} pages ({sum(1 for _, c in result['f1'] if not c.startswith('built/'))} real, the rest built)")
    for name, count in result["right"].items():
        print(f"  {name:13s} {count / n:7.1%}  ({count}/{n})")
    scores = [s for s, _ in result["f1"]]
    worst, worst_case = min(result["f1"])
    print(f"body character F1: mean {mean(scores):.4f}, worst {worst:.4f} ({worst_case})")


if __name__ == "__main__":
    main()
