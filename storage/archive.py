"""Writing to the archive: one document per canonical URL / 索引号 / identical text, versions
when a document changes, `gone` when it disappears. Callers pass a session from Archive.session()."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.dedup import content_hash, record_hash
from pipeline.urls import canonical_url
from storage.models import Attachment, Capture, Document, DocumentUrl, DocumentVersion, utcnow

DOCUMENT_FIELDS = (
    "title", "index_no", "publisher", "doc_no", "written_at", "published_at", "subject",
    "keywords", "source", "validity", "column", "body",
)


@dataclass(frozen=True)
class Stored:
    document_id: int
    outcome: str  # "new" | "changed" | "unchanged" | "merged" (a new URL of a known document)


def add_capture(session: Session, **fields: Any) -> int:
    capture = Capture(**fields)
    session.add(capture)
    session.flush()
    return capture.id


def find_document(session: Session, site: str, url: str, record: dict[str, Any]) -> Document | None:
    """The archived document this capture is, by canonical URL, then 索引号 within the site,
    then identical title and text within the site."""
    doc = session.scalar(select(Document).join(DocumentUrl).where(DocumentUrl.url == url))
    if doc is None and record.get("index_no"):
        doc = session.scalar(
            select(Document).where(Document.site == site, Document.index_no == record["index_no"]).limit(1)
        )
    if doc is None and record.get("body"):
        doc = session.scalar(
            select(Document)
            .where(Document.site == site, Document.content_hash == _content_hash(record),
                   Document.title == record.get("title"))
            .limit(1)
        )
    return doc


def store_document(
    session: Session, *, site: str, url: str, record: dict[str, Any], capture_id: int | None
) -> Stored:
    url = canonical_url(url)
    rhash = record.get("record_hash") or record_hash(record)
    now = utcnow()
    doc = find_document(session, site, url, record)
    if doc is None:
        doc = Document(site=site, url=url, content_hash=_content_hash(record),
                       first_seen=now, last_seen=now, status="live")
        _apply(doc, record)
        doc.urls.append(DocumentUrl(url=url, first_seen=now))
        doc.versions.append(DocumentVersion(url=url, capture_id=capture_id, record_hash=rhash,
                                            record=record, fetched_at=now))
        session.add(doc)
        session.flush()
        return Stored(doc.id, "new")

    doc.last_seen = now
    doc.status, doc.gone_at = "live", None
    if url not in {u.url for u in doc.urls}:
        # Another URL of a known document (same 索引号, or same title and text): a repost or
        # a second column. Its rendition is kept as that URL's version; the record shows the
        # richest rendition, so the result does not depend on which URL was fetched first.
        doc.urls.append(DocumentUrl(url=url, first_seen=now))
        doc.versions.append(DocumentVersion(url=url, capture_id=capture_id, record_hash=rhash,
                                            record=record, fetched_at=now))
        if richness(record) > richness(_record_of(doc)):
            doc.url = url
            _apply(doc, record)
            doc.content_hash = _content_hash(record)
        session.flush()
        return Stored(doc.id, "merged")
    same_url = [v for v in doc.versions if v.url == url]
    if not same_url or same_url[-1].record_hash == rhash:
        session.flush()
        return Stored(doc.id, "unchanged")
    doc.versions.append(DocumentVersion(url=url, capture_id=capture_id, record_hash=rhash,
                                        record=record, fetched_at=now))
    if url == doc.url:
        _apply(doc, record)
        doc.content_hash = _content_hash(record)
    session.flush()
    return Stored(doc.id, "changed")


def richness(record: dict[str, Any]) -> tuple[int, int]:
    """How much a rendition says: metadata fields present, then body length."""
    return (sum(1 for f in DOCUMENT_FIELDS if f != "body" and record.get(f)), len(record.get("body") or ""))


def _record_of(doc: Document) -> dict[str, Any]:
    return {f: getattr(doc, f) for f in DOCUMENT_FIELDS}


def _content_hash(record: dict[str, Any]) -> str:
    # extract() computes it (in a worker process during crawls); records from elsewhere may not
    return record.get("content_hash") or content_hash(record.get("body"))


def _apply(doc: Document, record: dict[str, Any]) -> None:
    for field in DOCUMENT_FIELDS:
        setattr(doc, field, record.get(field))
    known = {a.url: a for a in doc.attachments}
    for att in record.get("attachments") or []:
        if att["url"] not in known:
            doc.attachments.append(Attachment(name=att["name"], url=att["url"]))


def mark_gone(session: Session, url: str) -> bool:
    """A known document answered 404/410: mark it gone (never delete). True if it was known."""
    doc = session.scalar(select(Document).join(DocumentUrl).where(DocumentUrl.url == canonical_url(url)))
    if doc is None:
        return False
    if doc.status != "gone":
        doc.status, doc.gone_at = "gone", utcnow()
    return True


def attach_capture(session: Session, url: str, capture_id: int, size: int) -> None:
    """Point the attachment rows of this URL at the capture holding the file."""
    for att in session.scalars(select(Attachment).where(Attachment.url == url)):
        att.capture_id, att.size = capture_id, size


def known_urls(session: Session, urls: list[str]) -> set[str]:
    """Which of these URLs (any spelling) are archived documents; returned as given."""
    by_canonical = {canonical_url(u): u for u in urls}
    found = session.scalars(select(DocumentUrl.url).where(DocumentUrl.url.in_(list(by_canonical))))
    return {by_canonical[u] for u in found}


def validators(session: Session, url: str) -> tuple[str | None, str | None]:
    """ETag and Last-Modified of the latest successful capture of this URL."""
    row = session.execute(
        select(Capture.etag, Capture.last_modified)
        .where(Capture.url == url, Capture.status == 200)
        .order_by(Capture.id.desc())
        .limit(1)
    ).first()
    return (row.etag, row.last_modified) if row else (None, None)


def last_capture(session: Session, url: str) -> Capture | None:
    """The latest successful capture of this URL."""
    return session.scalars(select(Capture).where(Capture.url == url, Capture.status == 200)
                           .order_by(Capture.id.desc()).limit(1)).first()


def document_urls(session: Session, site: str, since: str | None = None) -> list[str]:
    """Primary URLs of the site's documents (published on or after `since`, if given)."""
    query = select(Document.url).where(Document.site == site).order_by(Document.id)
    if since:
        query = query.where(Document.published_at >= since)
    return list(session.scalars(query))


def touch(session: Session, url: str) -> bool:
    """A known document answered 304 Not Modified: it is still there, unchanged."""
    doc = session.scalar(select(Document).join(DocumentUrl).where(DocumentUrl.url == canonical_url(url)))
    if doc is None:
        return False
    doc.last_seen = utcnow()
    doc.status, doc.gone_at = "live", None
    return True
