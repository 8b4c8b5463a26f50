"""Writing to the archive: one document per canonical URL / 索引号 / identical text, versions
when a document changes, `gone` when it disappears. Callers pass a session from Archive.session()."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline.record import DocumentRecord
from pipeline.urls import canonical_url
from storage.attachments import link_known_file, refresh_full_text
from storage.models import Attachment, Capture, Document, DocumentUrl, DocumentVersion, utcnow
from storage.templates import recount

# The record's fields a Document row holds as columns.
DOCUMENT_FIELDS = DocumentRecord.METADATA + ("body",)


@dataclass(frozen=True)
class Stored:
    document_id: int
    outcome: str  # "new" | "changed" | "unchanged" | "merged" (a new URL of a known document)


def add_capture(session: Session, **fields: Any) -> int:
    capture = Capture(**fields)
    session.add(capture)
    session.flush()
    return capture.id


def find_document(session: Session, site: str, url: str, record: DocumentRecord) -> Document | None:
    """The archived document this capture is, by canonical URL, then 索引号 within the site,
    then identical title and text within the site."""
    doc = session.scalar(select(Document).join(DocumentUrl).where(DocumentUrl.url == url))
    if doc is None and record.index_no:
        doc = session.scalar(
            select(Document).where(Document.site == site, Document.index_no == record.index_no).limit(1)
        )
    if doc is None and record.body:
        doc = session.scalar(
            select(Document)
            .where(Document.site == site, Document.content_hash == record.content_hash,
                   Document.title == record.title)
            .limit(1)
        )
    return doc


def store_document(
    session: Session, *, site: str, url: str, record: DocumentRecord, capture_id: int | None
) -> Stored:
    """Archive one finished record (list fields merged: its hash is taken here, of what is stored)."""
    url = canonical_url(url)
    rhash = record.record_hash
    stored = record.to_dict()
    now = utcnow()
    doc = find_document(session, site, url, record)
    if doc is None:
        doc = Document(site=site, url=url, content_hash=record.content_hash,
                       first_seen=now, last_seen=now, status="live")
        apply_record(session, doc, record)
        doc.urls.append(DocumentUrl(url=url, first_seen=now))
        doc.versions.append(DocumentVersion(url=url, capture_id=capture_id, record_hash=rhash,
                                            record=stored, fetched_at=now))
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
                                            record=stored, fetched_at=now))
        if record.richness() > _record_of(doc).richness():
            doc.url = url
            apply_record(session, doc, record)
        session.flush()
        return Stored(doc.id, "merged")
    same_url = [v for v in doc.versions if v.url == url]
    if not same_url or same_url[-1].record_hash == rhash:
        session.flush()
        return Stored(doc.id, "unchanged")
    doc.versions.append(DocumentVersion(url=url, capture_id=capture_id, record_hash=rhash,
                                        record=stored, fetched_at=now))
    if url == doc.url:
        apply_record(session, doc, record)
    session.flush()
    return Stored(doc.id, "changed")


def _record_of(doc: Document) -> DocumentRecord:
    return DocumentRecord(doc.url, **{f: getattr(doc, f) for f in DOCUMENT_FIELDS})


def apply_record(session: Session, doc: Document, record: DocumentRecord) -> None:
    """Show this record as the document: its fields, text fingerprint, new attachments, and
    its text's edge lines in its site's template counts."""
    for field in DOCUMENT_FIELDS:
        setattr(doc, field, getattr(record, field))
    doc.content_hash = record.content_hash
    if doc.edges != record.edges:
        recount(session, doc.site, doc.edges, record.edges)
        doc.edges = list(record.edges)
    known = {a.url: a for a in doc.attachments}
    for att in record.attachments:
        if att["url"] not in known:
            link = Attachment(name=att["name"], url=att["url"])
            link_known_file(session, link)  # a file another document (or version) already brought
            doc.attachments.append(link)
            known[att["url"]] = link
    refresh_full_text(doc)


def mark_gone(session: Session, url: str) -> bool:
    """A known document answered 404/410: mark it gone (never delete). True if it was known."""
    doc = session.scalar(select(Document).join(DocumentUrl).where(DocumentUrl.url == canonical_url(url)))
    if doc is None:
        return False
    if doc.status != "gone":
        doc.status, doc.gone_at = "gone", utcnow()
    return True


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


def listed_as(session: Session, url: str) -> dict[str, Any] | None:
    """What the list said of this URL's document when its latest version was stored (None when
    the URL has no version)."""
    record = session.scalars(select(DocumentVersion.record).where(DocumentVersion.url == canonical_url(url))
                             .order_by(DocumentVersion.id.desc()).limit(1)).first()
    return None if record is None else record.get("list_fields") or {}


def archived_documents(session: Session, site: str, since: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Primary URL of each of the site's documents (published on or after `since`, if given),
    with what its list said of it when last stored, so a re-fetch reads it the same way."""
    latest = (select(func.max(DocumentVersion.id))
              .where(DocumentVersion.document_id == Document.id, DocumentVersion.url == Document.url)
              .correlate(Document).scalar_subquery())
    query = (select(Document.url, DocumentVersion.record["list_fields"])
             .join(DocumentVersion, DocumentVersion.id == latest, isouter=True)
             .where(Document.site == site).order_by(Document.id))
    if since:
        query = query.where(Document.published_at >= since)
    return [(url, fields or {}) for url, fields in session.execute(query)]


def touch(session: Session, url: str) -> bool:
    """A known document answered 304 Not Modified: it is still there, unchanged."""
    doc = session.scalar(select(Document).join(DocumentUrl).where(DocumentUrl.url == canonical_url(url)))
    if doc is None:
        return False
    doc.last_seen = utcnow()
    doc.status, doc.gone_at = "live", None
    return True
