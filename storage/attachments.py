"""Attachment files in the archive: each file stored once (by SHA-256), linked from every
document that names it, and the documents' full_text kept in step with what was read.

A document's links (attachments rows) are made when it is stored (storage.archive); the file
arrives later, when the crawl has fetched and read it. Whichever comes first, the link ends
up pointing at the file: a new link to a URL already fetched takes that URL's file, a file
fetched takes every link to its URL.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.attachments import AttachmentText
from pipeline.record import full_text
from storage.models import Attachment, AttachmentFile, Document


def file_by_sha256(session: Session, sha256: str) -> AttachmentFile | None:
    return session.scalar(select(AttachmentFile).where(AttachmentFile.sha256 == sha256))


def store_file(session: Session, *, url: str, sha256: str, size: int, capture_id: int | None,
               reading: AttachmentText | None) -> tuple[AttachmentFile, bool]:
    """The file of these bytes (stored now if new, with its reading) linked from every link to
    `url`; returns it and whether it was new. The same bytes read before are not stored again."""
    stored = file_by_sha256(session, sha256)
    new = stored is None
    if new:
        if reading is None:
            raise ValueError(f"{url}: a new file needs its reading")
        stored = AttachmentFile(sha256=sha256, size=size, capture_id=capture_id, media_type=reading.media_type,
                                status=reading.status, error=reading.error, pages=reading.pages, text=reading.text)
        session.add(stored)
        session.flush()
    link_url(session, url, stored, capture_id, size)
    return stored, new


def link_url(session: Session, url: str, stored: AttachmentFile, capture_id: int | None, size: int) -> None:
    documents = set()
    for link in session.scalars(select(Attachment).where(Attachment.url == url)):
        link.file, link.capture_id, link.size = stored, capture_id or link.capture_id, size
        link.fetch_status = link.fetch_error = None
        documents.add(link.document)
    session.flush()
    for doc in documents:
        refresh_full_text(doc)


def mark_links(session: Session, url: str, status: str, error: str | None) -> None:
    """A fetch that brought no file (too large, gone): said on every link to the URL that has none."""
    for link in session.scalars(select(Attachment).where(Attachment.url == url, Attachment.file_id.is_(None))):
        link.fetch_status, link.fetch_error = status, error


def file_of_url(session: Session, url: str) -> Attachment | None:
    """A link to `url` already pointing at a file (so a new link to it needs no fetch)."""
    return session.scalars(select(Attachment).where(Attachment.url == url, Attachment.file_id.is_not(None))
                           .order_by(Attachment.id.desc()).limit(1)).first()


def link_known_file(session: Session, link: Attachment) -> None:
    """A new link takes the file its URL already has."""
    known = file_of_url(session, link.url)
    if known is not None:
        link.file, link.capture_id, link.size = known.file, known.capture_id, known.size


def texts_of(doc: Document) -> list[tuple[str, str]]:
    """(name, text) of the document's attachments read so far, in the page's order, each file once."""
    seen: set[int] = set()
    texts = []
    for link in doc.attachments:
        file = link.file
        if file is not None and file.text and file.id not in seen:
            seen.add(file.id)
            texts.append((link.name, file.text))
    return texts


def refresh_full_text(doc: Document) -> None:
    doc.full_text = full_text(doc.body, texts_of(doc), [a.name for a in doc.attachments])


def attachment_fields(link: Attachment) -> dict:
    """One attachment as export shows it."""
    file = link.file
    if file is not None:
        return {"name": link.name, "url": link.url, "media_type": file.media_type, "size": file.size,
                "sha256": file.sha256, "pages": file.pages, "status": file.status, "error": file.error,
                "text": file.text}
    return {"name": link.name, "url": link.url, "media_type": None, "size": link.size, "sha256": None,
            "pages": None, "status": link.fetch_status or "not_fetched", "error": link.fetch_error, "text": None}


def files_to_reread(session: Session, site: str | None = None) -> Iterable[tuple[int, int]]:
    """(file id, capture id) of every file with archived bytes (of one site's documents)."""
    query = select(AttachmentFile.id, AttachmentFile.capture_id).where(AttachmentFile.capture_id.is_not(None))
    if site:
        query = query.where(AttachmentFile.id.in_(
            select(Attachment.file_id).join(Document, Attachment.document_id == Document.id).where(Document.site == site)))
    return session.execute(query.order_by(AttachmentFile.id)).all()
