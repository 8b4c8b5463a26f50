"""Re-parsing: run extraction again over the archived captures, offline, on every core.

How an extraction fix reaches old documents. Workers read each version's WARC record and
extract it; the parent compares and writes. A version whose record changes is updated in
place (same capture, better reading: not a new version of the document), and the document
shows it when it is the latest version at the document's primary URL.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pipeline.encoding import decode_html
from pipeline.extract import extract, fill_from_list
from pipeline.workers import exit_with_parent
from storage.archive import DOCUMENT_FIELDS
from storage.captures import WarcStore
from storage.db import Archive
from storage.models import Capture, Document, DocumentVersion

_store: WarcStore | None = None
_max_chars: int | None = None  # GOVARCHIVE_MAX_DOCUMENT_CHARS, as in the crawl


@dataclass(frozen=True)
class ReparseResult:
    versions: int
    changed: int
    documents_changed: int


def _init_worker(warc_dir: str, parent: int | None = None, max_chars: int | None = None) -> None:
    global _store, _max_chars
    _store, _max_chars = WarcStore(warc_dir), max_chars
    if parent:
        exit_with_parent(parent)


def _extract_capture(task: tuple) -> tuple[int, dict]:
    version_id, warc_file, offset, list_fields = task
    stored = _store.read(warc_file, offset)
    html = decode_html(stored.body, stored.header("Content-Type"))[:_max_chars]
    return version_id, fill_from_list(extract(html, stored.url), list_fields or {})


def reparse(archive: Archive, data: Path, site: str | None = None, workers: int | None = None,
            on_progress: Callable[[int, int], None] | None = None, batch: int = 200,
            max_chars: int | None = None) -> ReparseResult:
    """Re-extract every version with a capture; on_progress(done, total) after each."""
    with archive.session() as session:
        query = (select(DocumentVersion.id, Capture.warc_file, Capture.offset, DocumentVersion.record)
                 .join(Capture, DocumentVersion.capture_id == Capture.id)
                 .order_by(DocumentVersion.id))
        if site:
            query = query.join(Document, DocumentVersion.document_id == Document.id).where(Document.site == site)
        tasks = [(vid, wf, off, (rec or {}).get("list_fields")) for vid, wf, off, rec in session.execute(query)]
    workers = workers or os.cpu_count() or 1
    changed = docs_changed = 0
    pending: list[tuple[int, dict]] = []

    def flush() -> None:
        nonlocal changed, docs_changed
        with archive.session() as session:
            versions = {v.id: v for v in session.scalars(
                select(DocumentVersion).where(DocumentVersion.id.in_([vid for vid, _ in pending]))
                .options(selectinload(DocumentVersion.document).selectinload(Document.versions)))}
            for vid, record in pending:
                version = versions[vid]
                if version.record_hash == record["record_hash"]:
                    continue
                version.record, version.record_hash = record, record["record_hash"]
                changed += 1
                doc = version.document
                latest = max((v for v in doc.versions if v.url == doc.url), key=lambda v: v.id, default=None)
                if latest is version:
                    for field in DOCUMENT_FIELDS:
                        setattr(doc, field, record.get(field))
                    doc.content_hash = record["content_hash"]
                    docs_changed += 1
        pending.clear()

    def consume(results) -> None:
        for done, result in enumerate(results, start=1):
            pending.append(result)
            if on_progress:
                on_progress(done, len(tasks))
            if len(pending) >= batch:
                flush()
        if pending:
            flush()

    warc_dir = str(Path(data) / "warc")
    if workers <= 1:
        _init_worker(warc_dir, None, max_chars)
        consume(map(_extract_capture, tasks))
    else:
        # No reactor or threads here, so fork is safe, and workers start with extraction
        # already imported (a fresh interpreter per worker costs a second of imports).
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(warc_dir, os.getpid(), max_chars)) as pool:
            consume(pool.imap_unordered(_extract_capture, tasks, chunksize=8))
    return ReparseResult(len(tasks), changed, docs_changed)
