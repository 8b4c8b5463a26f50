"""Pages per second of the whole govarchive pipeline against bare Scrapy, same loopback site,
same run, same Scrapy settings.

    .venv/bin/python -m bench.crawl [--columns 5 --pages 10 --per-page 20]

The bare crawl is a Scrapy spider that fetches exactly the URLs the site serves and does
nothing with them. Both run as `scrapy` subprocesses; the rate is pages fetched over the
crawl's own elapsed time (Scrapy's stats), so process start-up is not counted.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from bench.harness import ROOT, BenchArchive
from tests.sitekit import ColumnSite, FixtureSite

STATS = ["-s", "STATS_CLASS=bench.stats.FileStatsCollector"]


def stats_of(run, stats_file: Path) -> dict:
    """Run a crawl that writes its final Scrapy stats to stats_file; return them."""
    run(BENCH_STATS=str(stats_file))
    return json.loads(stats_file.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--columns", type=int, default=5)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--per-page", type=int, default=20)
    args = parser.parse_args()
    routes = ColumnSite(args.columns, args.pages * args.per_page, args.per_page).routes()
    with tempfile.TemporaryDirectory() as tmp, FixtureSite(routes) as site:
        tmp = Path(tmp)
        bench = BenchArchive(tmp, [f"{site.base}/col{c}/" for c in range(args.columns)], fetch_attachments=False)
        (tmp / "urls.txt").write_text("\n".join(site.base + p for p in routes if p != "/robots.txt"))
        bare = stats_of(lambda **env: bench.scrapy("runspider", str(ROOT / "bench" / "bare_spider.py"), *STATS,
                                                   BENCH_URLS=str(tmp / "urls.txt"), **env), tmp / "bare.json")
        ours = stats_of(lambda **env: bench.scrapy("crawl", "gov", "-a", "site=bench", *STATS, **env), tmp / "ours.json")
    rate = lambda s: s["response_received_count"] / s["elapsed_time_seconds"]  # noqa: E731
    print(f"site: {len(routes) - 1} pages ({args.columns} columns × {args.pages} list pages × {args.per_page} documents)")
    print(f"bare scrapy : {bare['response_received_count']:5d} pages in {bare['elapsed_time_seconds']:6.2f} s = {rate(bare):7.1f} pages/s")
    print(f"govarchive  : {ours['response_received_count']:5d} pages in {ours['elapsed_time_seconds']:6.2f} s = {rate(ours):7.1f} pages/s"
          f"  ({ours.get('govarchive/documents_new', 0)} documents archived)")
    print(f"ratio govarchive / bare = {rate(ours) / rate(bare):.2f}  (goal ≥ 0.70)")


if __name__ == "__main__":
    main()
