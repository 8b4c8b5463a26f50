"""Requests of an incremental recrawl against the full crawl, same loopback site, same run.

    .venv/bin/python -m bench.recrawl [--columns 5 --docs 200 --per-page 20 --new 25]

Crawls a site of columns × docs documents fully, recrawls it unchanged, publishes `--new`
documents spread over the columns and recrawls again; prints requests of each (robots.txt
included) and the recrawls as a share of the full crawl.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.harness import BenchArchive
from tests.sitekit import ColumnSite, FixtureSite

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--columns", type=int, default=5)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--new", type=int, default=25)
    args = parser.parse_args()
    site = ColumnSite(args.columns, args.docs, args.per_page)
    with tempfile.TemporaryDirectory() as tmp, FixtureSite(site.routes()) as server:
        bench = BenchArchive(Path(tmp), [site.column_url(server.base, c) for c in range(args.columns)])

        def crawl() -> int:
            before = len(server.log)
            bench.crawl()
            return len(server.log) - before

        full = crawl()
        unchanged = crawl()
        for i in range(args.new):
            site.publish(i % args.columns, 1)
        server.routes = site.routes()
        updated = crawl()
    docs = args.columns * args.docs
    print(f"site: {docs} documents in {args.columns} columns, {args.per_page} per list page")
    print(f"full crawl               : {full:5d} requests")
    print(f"recrawl, unchanged       : {unchanged:5d} requests = {unchanged / full:6.2%} of full "
          f"(goal ≤ columns + robots.txt = {args.columns + 1}, ≤ 5%)")
    print(f"recrawl, {args.new:3d} new documents: {updated:5d} requests = {updated / full:6.2%} of full "
          f"(goal {args.columns + 1} + {args.new} = {args.columns + 1 + args.new})")


if __name__ == "__main__":
    main()
