"""What the archive holds, read for people: one document with everything known of it
(`scrapy show`), and each site's counts, last run and warnings (`scrapy stats`). Read only."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from pipeline.urls import canonical_url
from storage import runs
from storage.export import _iso, document_record
from storage.models import Capture, CrawlRun, Document, DocumentUrl


def lookup(session: Session, ref: str) -> Document | None:
    """The document at a URL (any URL it was seen at, any spelling), or with this id."""
    options = (selectinload(Document.urls), selectinload(Document.attachments),
               selectinload(Document.versions), selectinload(Document.duplicate_of))
    ref = ref.strip()
    if ref.isdigit():
        return session.scalar(select(Document).where(Document.id == int(ref)).options(*options))
    doc_id = session.scalar(select(DocumentUrl.document_id).where(DocumentUrl.url.in_({ref, canonical_url(ref)})))
    if doc_id is None:
        doc_id = session.scalar(select(Document.id).where(Document.url == ref).limit(1))
    return None if doc_id is None else session.scalar(select(Document).where(Document.id == doc_id).options(*options))


def document_details(session: Session, doc: Document) -> dict[str, Any]:
    """The exported record plus what the archive knows around it: its id, the reposts pointing
    at it, each version with the capture it was read from, each attachment's capture."""
    record = {"id": doc.id, **document_record(doc)}
    record["reposts"] = list(session.scalars(select(Document.url).where(Document.duplicate_of_id == doc.id)
                                             .order_by(Document.id)))
    capture_ids = {v.capture_id for v in doc.versions} | {a.capture_id for a in doc.attachments}
    captures = {c.id: c for c in session.scalars(select(Capture).where(Capture.id.in_(capture_ids - {None})))}
    record["history"] = [{"fetched_at": _iso(v.fetched_at), "url": v.url, "record_hash": v.record_hash,
                          "capture": _capture(captures.get(v.capture_id))} for v in doc.versions]
    record["attachments"] = [{"name": a.name, "url": a.url, "size": a.size, "capture": _capture(captures.get(a.capture_id))}
                             for a in doc.attachments]
    return record


def _capture(capture: Capture | None) -> dict[str, Any] | None:
    if capture is None:
        return None
    return {"id": capture.id, "status": capture.status, "content_type": capture.content_type,
            "fetched_at": _iso(capture.fetched_at), "warc_file": capture.warc_file, "offset": capture.offset,
            "length": capture.length}


@dataclass
class SiteOverview:
    site: str
    configured: bool
    documents: int = 0
    live: int = 0
    gone: int = 0
    reposts: int = 0  # its documents that copy another (duplicate_of)
    last_run: dict[str, Any] | None = None  # status, trigger, started_at, ended_at, counts
    warnings: list[str] = field(default_factory=list)


def site_overview(session: Session, configured: list[str] = ()) -> list[SiteOverview]:
    """Every site archived, configured or crawled, by name."""
    counts = {row.site: row for row in session.execute(
        select(Document.site, func.count().label("documents"),
               func.sum(case((Document.status == "gone", 1), else_=0)).label("gone"),
               func.sum(case((Document.duplicate_of_id.is_not(None), 1), else_=0)).label("reposts"))
        .group_by(Document.site))}
    crawled = set(session.scalars(select(CrawlRun.site).distinct()))
    out = []
    for name in sorted(set(counts) | set(configured) | crawled):
        view = SiteOverview(name, name in configured)
        if row := counts.get(name):
            view.documents, view.gone, view.reposts = row.documents, int(row.gone or 0), int(row.reposts or 0)
            view.live = view.documents - view.gone
        if run := runs.latest(session, name):
            stats = run.stats or {}
            view.last_run = {"id": run.id, "status": run.status, "trigger": run.trigger,
                             "started_at": _iso(run.started_at), "ended_at": _iso(run.ended_at),
                             **{k: stats.get(k, 0) for k in ("new", "changed", "unchanged", "gone", "errors")},
                             "log_path": run.log_path}
        view.warnings = runs.site_warnings(session, name)
        out.append(view)
    return out
