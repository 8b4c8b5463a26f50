"""Re-parsing rate on every core against one process, same archive, same run.

    .venv/bin/python -m bench.reparse [--docs 100 --columns 5]

Builds an archive by crawling a loopback site of columns × docs real-page documents, then
times storage.reparse with one worker and with one per core (records are forced stale first,
so both runs extract and write every version).
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import update

from storage.db import Archive
from storage.models import DocumentVersion
from storage.reparse import reparse
from bench.harness import BenchArchive
from tests.sitekit import ColumnSite, FixtureSite

def timed(archive: Archive, data: Path, workers: int) -> tuple[float, int]:
    with archive.session() as session:  # make every record stale, so each run does the same work
        session.execute(update(DocumentVersion).values(record_hash="stale"))
    start = time.perf_counter()
    result = reparse(archive, data, workers=workers)
    return time.perf_counter() - start, result.versions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--columns", type=int, default=5)
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args()
    site = ColumnSite(args.columns, args.docs, 20)
    with tempfile.TemporaryDirectory() as tmp, FixtureSite(site.routes()) as server:
        bench = BenchArchive(Path(tmp), [site.column_url(server.base, c) for c in range(args.columns)])
        bench.crawl()
        db, tmp = bench.db_url, Path(tmp)
        archive = Archive(db)
        cores = os.cpu_count() or 1
        one, n = timed(archive, tmp / "data", 1)
        many, _ = timed(archive, tmp / "data", cores)
    print(f"{n} captures re-parsed")
    print(f"1 process   : {one:6.2f} s = {n / one:6.1f} captures/s")
    print(f"{cores} processes : {many:6.2f} s = {n / many:6.1f} captures/s")
    print(f"speed-up on {cores} cores = {one / many:.2f}x  (goal on 2 cores ≥ 1.8x)")


if __name__ == "__main__":
    main()
