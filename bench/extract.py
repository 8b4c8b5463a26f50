"""Time per page of pipeline.extract against trafilatura.extract alone, same pages, same run.

    .venv/bin/python -m bench.extract [--rounds 5]

Pages: the real pages of the evaluation set and one built page per layout. Both functions get
the same input (bytes decoded to str once, as a crawl hands them over); the best of `rounds`
passes over all pages is taken for each, the passes of the two alternating, to damp noise from
the other processes on the machine. Each pass of ours starts with extraction's line cache empty:
a pass over pages it has just read would find every line cached, which no crawl does.
"""
from __future__ import annotations

import argparse
import time

import trafilatura

from pipeline import extract
from pipeline.body import forget_lines
from pipeline.encoding import decode_html
from tests.extraction_cases import built_cases, real_cases


def best_of(rounds: int, fns, pages, before=lambda i: None) -> list[float]:
    """Each function's best pass over the pages, in seconds per page; the passes alternate
    (ours, theirs, ours, …) so a slow spell of the machine falls on both alike. `before(i)`
    runs ahead of each pass of function i, untimed."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            before(i)
            start = time.perf_counter()
            for url, text in pages:
                fn(text, url)
            best[i] = min(best[i], time.perf_counter() - start)
    return [b / len(pages) for b in best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    built = {c.name.split("/")[1]: c for c in built_cases()}  # one page per layout
    cases = real_cases() + list(built.values())
    pages = [(c.url, decode_html(c.html)) for c in cases]
    ours, theirs = best_of(args.rounds, [extract, lambda text, url: trafilatura.extract(text, url=url, include_tables=True)],
                           pages, before=lambda i: forget_lines() if i == 0 else None)
    print(f"{len(pages)} pages ({len(cases) - len(built)} real, {len(built)} built)")
    print(f"trafilatura.extract : {theirs * 1000:7.2f} ms/page")
    print(f"pipeline.extract    : {ours * 1000:7.2f} ms/page (body, metadata, attachments, normalisation)")
    print(f"ratio extract / trafilatura = {ours / theirs:.2f}  (goal ≤ 0.5)")


if __name__ == "__main__":
    main()
