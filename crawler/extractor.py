"""Extraction off the reactor thread: pipeline.extract in a pool of worker processes.

Parsing a page costs more CPU than fetching it; in the reactor it would stall every download
for its duration. With GOVARCHIVE_EXTRACT_WORKERS > 0 (default: one per core when there is
more than one) pages are extracted in worker processes while the reactor keeps fetching.
In a long-lived crawl worker (GOVARCHIVE_SHARED_RESOURCES) every crawl of the process uses one
pool, started once; a pool broken by a page (a worker killed by the OOM killer) fails that
page and is replaced, so the other crawls go on.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy import signals

from pipeline import extract
from pipeline.attachments import AttachmentText, Limits, read_attachment
from pipeline.record import DocumentRecord
from pipeline.workers import exit_with_parent


def default_workers() -> int:
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers do not inherit the reactor's sockets and threads
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=exit_with_parent, initargs=(os.getpid(),))


class Extractor:
    # the pool of each size that a long-lived worker's crawls share
    shared_pools: dict[int, ProcessPoolExecutor] = {}

    def __init__(self, workers: int, shared: bool = False) -> None:
        self.workers = workers
        self.shared = shared
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler) -> "Extractor":
        value = crawler.settings.get("GOVARCHIVE_EXTRACT_WORKERS")
        extractor = cls(default_workers() if value in (None, "", "auto") else int(value),
                        shared=crawler.settings.getbool("GOVARCHIVE_SHARED_RESOURCES"))
        crawler.signals.connect(extractor.close, signal=signals.spider_closed)
        return extractor

    def pool(self) -> ProcessPoolExecutor:
        if self.shared:
            if self.workers not in self.shared_pools:
                self.shared_pools[self.workers] = _new_pool(self.workers)
            return self.shared_pools[self.workers]
        if self._pool is None:
            self._pool = _new_pool(self.workers)
        return self._pool

    async def extract(self, html: str | bytes, url: str, template: frozenset = frozenset()) -> DocumentRecord:
        if self.workers <= 0:
            return extract(html, url, template)
        return await self._submit(extract, html, url, template)

    async def read_attachment(self, data: bytes, name: str, limits: Limits) -> AttachmentText:
        """An attachment's text, read in the same pool (its parsers are as CPU-bound as a
        page's). A reader that kills its worker (a parser crash, the OOM killer) costs that
        file only: it is marked and the pool is started again for the next one."""
        if self.workers <= 0:
            return read_attachment(data, name, limits)
        try:
            return await self._submit(read_attachment, data, name, limits)
        except BrokenProcessPool:
            return AttachmentText(status="malformed", error="its reader's process died (a parser crash or out of memory)")

    async def _submit(self, fn, *args):
        pool = self.pool()
        try:
            return await asyncio.wrap_future(pool.submit(fn, *args))
        except BrokenProcessPool:  # this task is an error; the next one gets a new pool
            if self.shared and self.shared_pools.get(self.workers) is pool:
                del self.shared_pools[self.workers]
            elif self._pool is pool:
                self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            raise

    def close(self, spider=None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @classmethod
    def close_shared(cls) -> None:
        while cls.shared_pools:
            cls.shared_pools.popitem()[1].shutdown(wait=True, cancel_futures=True)
