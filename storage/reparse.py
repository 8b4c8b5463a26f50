"""Re-parsing: run extraction again over the archived captures, offline, on every core.

How an extraction fix reaches old documents. Workers read each version's WARC record and
extract it; the parent compares and writes. A version whose record changes is updated in
place (same capture, better reading: not a new version of the document), and the document
shows it when it is the latest version at the document's primary URL. Each page is read with
its site's template (pipeline.template), learned from the archive.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pipeline.attachments import AttachmentText, Limits, read_attachment
from pipeline.encoding import decode_html
from pipeline.extract import extract
from pipeline.record import DocumentRecord
from pipeline.workers import exit_with_parent
from storage.archive import apply_record
from storage.attachments import files_to_reread, refresh_full_text
from storage.captures import WarcStore
from storage.db import Archive
from storage.models import Attachment, AttachmentFile, Capture, Document, DocumentVersion
from storage.templates import site_template

_store: WarcStore | None = None
_max_chars: int | None = None  # GOVARCHIVE_MAX_DOCUMENT_CHARS, as in the crawl


@dataclass
class ReparseResult:
    versions: int = 0
    changed_fields: dict[int, set[str]] = field(default_factory=dict)  # version id → fields it changed in
    documents: set[int] = field(default_factory=set)  # documents that show a changed record

    @property
    def changed(self) -> int:
        return len(self.changed_fields)

    @property
    def documents_changed(self) -> int:
        return len(self.documents)

    @property
    def fields(self) -> Counter:
        """Field → records in which it changed."""
        return Counter(name for names in self.changed_fields.values() for name in names)


def _init_worker(warc_dir: str, parent: int | None = None, max_chars: int | None = None) -> None:
    global _store, _max_chars
    _store, _max_chars = WarcStore(warc_dir), max_chars
    if parent:
        exit_with_parent(parent)


def _extract_capture(task: tuple) -> tuple[int, DocumentRecord]:
    version_id, warc_file, offset, list_fields, template = task
    stored = _store.read(warc_file, offset)
    html = decode_html(stored.body, stored.header("Content-Type"))[:_max_chars]
    return version_id, extract(html, stored.url, template).fill_from_list(list_fields or {})


def reparse(archive: Archive, data: Path, site: str | None = None, workers: int | None = None,
            on_progress: Callable[[int, int], None] | None = None, batch: int = 200,
            documents: list[int] | None = None, max_chars: int | None = None) -> ReparseResult:
    """Re-extract every version with a capture, with its site's template; on_progress(done,
    total) after each; `documents`: only these; `max_chars`: of a page, as the crawl bounds it.
    Sites whose template the pass itself changed (an archive whose documents were never
    counted, or an extraction fix that moved the text's edges) are passed once more, so their
    bodies are trimmed by the template of what they now are."""
    result = ReparseResult()
    sites = None  # every site
    for _ in range(2):
        templates = _templates(archive, site, sites)
        tasks = _tasks(archive, site, sites, templates, documents)
        _reparse_pass(archive, data, tasks, workers, on_progress, batch, result, max_chars)
        after = _templates(archive, site, sites)
        sites = [name for name, lines in after.items() if lines != templates.get(name, frozenset())]
        if not sites:
            break
    return result


def _templates(archive: Archive, site: str | None, sites: list[str] | None) -> dict[str, frozenset]:
    with archive.session() as session:
        query = select(Document.site).distinct()
        names = [site] if site else sites if sites is not None else list(session.scalars(query))
        return {name: site_template(session, name) for name in names}


def _tasks(archive: Archive, site: str | None, sites: list[str] | None, templates: dict,
           documents: list[int] | None) -> list[tuple]:
    with archive.session() as session:
        query = (select(DocumentVersion.id, Capture.warc_file, Capture.offset, DocumentVersion.record, Document.site)
                 .join(Capture, DocumentVersion.capture_id == Capture.id)
                 .join(Document, DocumentVersion.document_id == Document.id)
                 .order_by(DocumentVersion.id))
        if site:
            query = query.where(Document.site == site)
        elif sites is not None:
            query = query.where(Document.site.in_(sites))
        if documents is not None:
            query = query.where(Document.id.in_(documents))
        return [(vid, wf, off, (rec or {}).get("list_fields"), templates.get(name, frozenset()))
                for vid, wf, off, rec, name in session.execute(query)]


def _reparse_pass(archive: Archive, data: Path, tasks: list[tuple], workers: int | None,
                  on_progress: Callable[[int, int], None] | None, batch: int, result: ReparseResult,
                  max_chars: int | None) -> None:
    workers = workers or os.cpu_count() or 1
    result.versions = max(result.versions, len(tasks))
    pending: list[tuple[int, DocumentRecord]] = []

    def flush() -> None:
        with archive.session() as session:
            versions = {v.id: v for v in session.scalars(
                select(DocumentVersion).where(DocumentVersion.id.in_([vid for vid, _ in pending]))
                .options(selectinload(DocumentVersion.document).selectinload(Document.versions)))}
            for vid, record in pending:
                version = versions[vid]
                doc = version.document
                latest = max((v for v in doc.versions if v.url == doc.url), key=lambda v: v.id, default=None)
                if version.record_hash == record.record_hash:
                    if latest is version and doc.edges != record.edges:  # the template's counts only
                        version.record = record.to_dict()
                        apply_record(session, doc, record)
                    continue
                before = DocumentRecord.from_dict(version.record or {"url": record.url})
                result.changed_fields.setdefault(vid, set()).update(
                    f for f in DocumentRecord.VERSIONED + ("column",) if getattr(before, f) != getattr(record, f))
                version.record, version.record_hash = record.to_dict(), record.record_hash
                if latest is version:
                    apply_record(session, doc, record)
                    result.documents.add(doc.id)
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


# --- attachment files ---------------------------------------------------------------------

READING_FIELDS = ("media_type", "status", "error", "pages", "text")


@dataclass
class AttachmentReparse:
    files: int = 0
    changed: int = 0      # files whose reading changed
    documents: int = 0    # documents whose full_text changed with them
    missing: list[str] = field(default_factory=list)  # files whose archived bytes no longer match


def _read_file(task: tuple) -> tuple[int, str | None, AttachmentText | None]:
    file_id, warc_file, offset, sha256 = task
    import hashlib

    body = _store.read(warc_file, offset).body
    if hashlib.sha256(body).hexdigest() != sha256:
        return file_id, f"capture {warc_file}@{offset} does not hold the file's bytes", None
    return file_id, None, read_attachment(body, "", Limits(max_chars=_max_chars or Limits.max_chars))


def reparse_attachments(archive: Archive, data: Path, site: str | None = None, workers: int | None = None,
                        max_chars: int | None = None) -> AttachmentReparse:
    """Read every archived attachment file again from its WARC capture, offline, and update
    what changed (its text, status, pages, sniffed type) and the full_text of its documents."""
    with archive.session() as session:
        ids = [fid for fid, _ in files_to_reread(session, site)]
        tasks = [(f.id, c.warc_file, c.offset, f.sha256) for f, c in session.execute(
            select(AttachmentFile, Capture).join(Capture, AttachmentFile.capture_id == Capture.id)
            .where(AttachmentFile.id.in_(ids)).order_by(AttachmentFile.id))]
    result = AttachmentReparse(files=len(tasks))
    warc_dir = str(Path(data) / "warc")
    workers = min(workers or os.cpu_count() or 1, max(len(tasks), 1))
    if workers <= 1:
        _init_worker(warc_dir, None, max_chars)
        _store_readings(archive, map(_read_file, tasks), result)
    else:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(warc_dir, os.getpid(), max_chars)) as pool:
            _store_readings(archive, pool.imap_unordered(_read_file, tasks), result)
    return result


def _store_readings(archive: Archive, readings, result: AttachmentReparse, batch: int = 50) -> None:
    """Write the readings that changed, `batch` files per transaction (texts are not all held at once)."""
    pending: list = []

    def flush() -> None:
        with archive.session() as session:
            for file_id, problem, reading in pending:
                stored = session.get(AttachmentFile, file_id)
                if problem:
                    result.missing.append(f"{stored.sha256[:12]}: {problem}")
                    continue
                if all(getattr(stored, name) == getattr(reading, name) for name in READING_FIELDS):
                    continue
                result.changed += 1
                for name in READING_FIELDS:
                    setattr(stored, name, getattr(reading, name))
                session.flush()
                for doc in session.scalars(select(Document).join(Attachment).where(Attachment.file_id == file_id)):
                    before = doc.full_text
                    session.refresh(doc, ["attachments"])
                    refresh_full_text(doc)
                    result.documents += doc.full_text != before
        pending.clear()

    for reading in readings:
        pending.append(reading)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
