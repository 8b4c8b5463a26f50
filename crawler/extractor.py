"""Extraction off the reactor thread: pipeline.extract in a pool of worker processes.

Parsing a page costs more CPU than fetching it; in the reactor it would stall every download
for its duration. With GOVARCHIVE_EXTRACT_WORKERS > 0 (default: one per core when there is
more than one) pages are extracted in worker processes while the reactor keeps fetching.
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


class Extractor:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler) -> "Extractor":
        value = crawler.settings.get("GOVARCHIVE_EXTRACT_WORKERS")
        extractor = cls(default_workers() if value in (None, "", "auto") else int(value))
        crawler.signals.connect(extractor.close, signal=signals.spider_closed)
        return extractor

    async def extract(self, html: str | bytes, url: str, template: frozenset = frozenset()) -> DocumentRecord:
        if self.workers <= 0:
            return extract(html, url, template)
        return await asyncio.wrap_future(self._started().submit(extract, html, url, template))

    async def read_attachment(self, data: bytes, name: str, limits: Limits) -> AttachmentText:
        """An attachment's text, read in the same pool (its parsers are as CPU-bound as a
        page's). A reader that kills its worker (a parser crash, the OOM killer) costs that
        file only: it is marked and the pool is started again for the next one."""
        if self.workers <= 0:
            return read_attachment(data, name, limits)
        try:
            return await asyncio.wrap_future(self._started().submit(read_attachment, data, name, limits))
        except BrokenProcessPool:
            self.close()
            return AttachmentText(status="malformed", error="its reader's process died (a parser crash or out of memory)")

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: workers do not inherit the reactor's sockets and threads
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"),
                                             initializer=exit_with_parent, initargs=(os.getpid(),))
        return self._pool

    def close(self, spider=None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
