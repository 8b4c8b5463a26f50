"""Time per page of pipeline.extract against trafilatura.extract alone, same pages, same run.

    .venv/bin/python -m bench.extract [--rounds 5]

Pages: the real pages of the evaluation set and one built page per layout. Both functions get
the same input (bytes decoded to str once, as a crawl hands them over). Each page is read by
both, one right after the other, in each of `rounds` passes; a function's time is the sum over
pages of its best time for each page. A slow spell of the machine (another process, a helper's
server) then falls on both alike and on one page, not on a whole pass. Each pass starts with
extraction's line cache empty: a pass over pages it has just read would find every line cached,
which no crawl does.
"""
from __future__ import annotations

import argparse
import time

import trafilatura

from pipeline import extract
from pipeline.body import forget_lines
from pipeline.encoding import decode_html
from tests.extraction_cases import built_cases, real_cases


def best_per_page(rounds: int, fns, pages, before_pass=lambda: None) -> list[float]:
    """Each function's time per page: the mean over pages of its best time on each page, the
    functions taking turns on every page. `before_pass` runs ahead of each pass, untimed."""
    best = [[float("inf")] * len(pages) for _ in fns]
    for _ in range(rounds):
        before_pass()
        for p, (url, text) in enumerate(pages):
            for i, fn in enumerate(fns):
                start = time.perf_counter()
                fn(text, url)
                best[i][p] = min(best[i][p], time.perf_counter() - start)
    return [sum(times) / len(pages) for times in best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    built = {c.name.split("/")[1]: c for c in built_cases()}  # one page per layout
    cases = real_cases() + list(built.values())
    pages = [(c.url, decode_html(c.html)) for c in cases]
    ours, theirs = best_per_page(args.rounds, [extract, lambda text, url: trafilatura.extract(text, url=url, include_tables=True)],
                                 pages, before_pass=forget_lines)
    print(f"{len(pages)} pages ({len(cases) - len(built)} real, {len(built)} built)")
    print(f"trafilatura.extract : {theirs * 1000:7.2f} ms/page")
    print(f"pipeline.extract    : {ours * 1000:7.2f} ms/page (body, metadata, attachments, normalisation)")
    print(f"ratio extract / trafilatura = {ours / theirs:.3f}  (goal ≤ 0.5)")


if __name__ == "__main__":
    main()
