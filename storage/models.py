"""The archive's tables (SQLAlchemy 2.0 typed models).

A Document is one government document, however many URLs it was seen at (DocumentUrl); each
distinct content it had is a DocumentVersion pointing at the raw Capture it was parsed from.
Captures point into the WARC files by file name, offset and length.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text, inspect, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


log = logging.getLogger("govarchive.archive")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Capture(Base):
    """One HTTP response as fetched, stored in a WARC file."""

    __tablename__ = "captures"

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str | None] = mapped_column(String(100), index=True)
    url: Mapped[str] = mapped_column(Text, index=True)
    status: Mapped[int]
    content_type: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    warc_file: Mapped[str] = mapped_column(String(200))
    offset: Mapped[int]
    length: Mapped[int]
    payload_digest: Mapped[str | None] = mapped_column(String(100))
    # HTTP validators, for conditional requests on the next fetch of this URL
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str] = mapped_column(String(100), index=True)
    url: Mapped[str] = mapped_column(Text)  # canonical URL it was first archived at
    title: Mapped[str | None] = mapped_column(Text)
    index_no: Mapped[str | None] = mapped_column(String(200))
    publisher: Mapped[str | None] = mapped_column(Text)
    doc_no: Mapped[str | None] = mapped_column(Text)
    written_at: Mapped[str | None] = mapped_column(String(32))
    published_at: Mapped[str | None] = mapped_column(String(32))
    subject: Mapped[str | None] = mapped_column(Text)
    keywords: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    validity: Mapped[str | None] = mapped_column(Text)
    column: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    # body + its attachments' texts when the body is only a cover note (storage.attachments)
    full_text: Mapped[str | None] = mapped_column(Text)
    # lines at the ends of its text container, as its site's template counts them
    edges: Mapped[list[Any] | None]
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(10), default="live")
    gone_at: Mapped[datetime | None]
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)

    urls: Mapped[list[DocumentUrl]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentUrl.id"
    )
    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentVersion.id"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Attachment.id"
    )
    duplicate_of: Mapped[Document | None] = relationship(remote_side=[id])

    __table_args__ = (Index("ix_documents_site_index_no", "site", "index_no"),
                      # newest first: search's order within a tier (storage.search)
                      Index("ix_documents_published_at", "published_at"))


class DocumentUrl(Base):
    """Every canonical URL a document was seen at."""

    __tablename__ = "document_urls"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    url: Mapped[str] = mapped_column(Text, unique=True)  # at most URLLENGTH_LIMIT (2083) characters
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="urls")


class DocumentVersion(Base):
    """One distinct content of a document: the full extracted record and where it came from."""

    __tablename__ = "document_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id"))
    url: Mapped[str] = mapped_column(Text)  # the canonical URL this content was fetched from
    record_hash: Mapped[str] = mapped_column(String(64))
    record: Mapped[dict[str, Any]]
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="versions")


class Attachment(Base):
    """A document's link to an attachment: its name and URL there, and the file it fetched."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id"))
    size: Mapped[int | None]
    file_id: Mapped[int | None] = mapped_column(ForeignKey("attachment_files.id"), index=True)
    # why no file is linked, when the fetch itself ended so: "too_large" (over
    # GOVARCHIVE_ATTACHMENT_MAX_BYTES), "gone" (404/410); None while fetched or not yet tried
    fetch_status: Mapped[str | None] = mapped_column(String(20))
    fetch_error: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="attachments")
    file: Mapped[AttachmentFile | None] = relationship()


class AttachmentFile(Base):
    """One attachment file, stored once however many documents and URLs link it (by SHA-256 of
    its bytes), with what pipeline.attachments read of it."""

    __tablename__ = "attachment_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(Text)  # sniffed from the bytes
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id"))  # first capture of the bytes
    status: Mapped[str] = mapped_column(String(20))  # pipeline.attachments: ok, no_text_layer, encrypted …
    error: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)


class CrawlRun(Base):
    """One crawl of one site, scheduled or manual, with what it did."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    site: Mapped[str] = mapped_column(String(100), index=True)
    trigger: Mapped[str] = mapped_column(String(50), default="manual")
    status: Mapped[str] = mapped_column(String(20))  # storage.runs.RunStatus
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    log_path: Mapped[str | None] = mapped_column(Text)  # the run's own log file, if any


class SiteTemplate(Base):
    """How many of a site's documents are counted in its template lines (pipeline.template)."""

    __tablename__ = "site_templates"

    site: Mapped[str] = mapped_column(String(100), primary_key=True)
    pages: Mapped[int] = mapped_column(default=0)


class SiteTemplateLine(Base):
    """A line standing at the edge of the text of this many of the site's documents."""

    __tablename__ = "site_template_lines"

    site: Mapped[str] = mapped_column(String(100), primary_key=True)
    line_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # of the line, for the key
    line: Mapped[str] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(default=0)


class RepostQueue(Base):
    """A document whose text is new or changed since the repost index last saw it: the next
    dedup pass (after the crawl) indexes it. Filled on flush, whoever wrote the document."""

    __tablename__ = "repost_queue"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)


class RepostBand(Base):
    """One LSH band of a document's MinHash signature: documents sharing a band key are
    candidate near copies. A compact table, so a million documents' index stays on disk."""

    __tablename__ = "repost_bands"

    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True, index=True)

    __table_args__ = ({"sqlite_with_rowid": False},)


# --- indexes the web app's pages read by (web/queries.py): its lists are ordered by 发布日期
# (ix_documents_published_at, above) and filtered by site, status, publisher and column; a
# capture's page finds its documents. On PostgreSQL, publisher and column (unbounded text) get
# hash indexes: a B-tree refuses a value over ~2,700 bytes, and would lose its document.
Index("ix_documents_site_published_at", Document.site, Document.published_at)
# PostgreSQL: the lists' own order (newest 发布日期 first, undated last, then the later id) read
# from an index instead of sorting every document; SQLite reads ix_documents_published_at
# backwards, its NULLs being last already.
Index("ix_documents_newest", Document.published_at.desc().nulls_last(), Document.id.desc()).ddl_if(dialect="postgresql")
Index("ix_documents_status", Document.status)
Index("ix_documents_publisher", Document.publisher, postgresql_using="hash")
Index("ix_documents_column", Document.column, postgresql_using="hash")
Index("ix_document_versions_capture_id", DocumentVersion.capture_id)
Index("ix_attachments_capture_id", Attachment.capture_id)


def changed_documents(session, attrs: tuple[str, ...], *, new: bool = True):
    """The documents of a flush (in a before_flush or after_flush hook) that are new (unless
    `new` is false) or had one of these attributes changed: what an index kept beside the
    documents must hear of."""
    if new:
        yield from (doc for doc in session.new if isinstance(doc, Document))
    for doc in session.dirty:
        if isinstance(doc, Document) and doc.id is not None \
                and any(getattr(inspect(doc).attrs, attr).history.has_changes() for attr in attrs):
            yield doc


def queue_new_text(session, _flush_context) -> None:
    """after_flush hook of the archive's sessions: documents just given a text (new, or a
    content_hash or full_text that changed) wait in repost_queue for the next pass."""
    ids = {doc.id for doc in changed_documents(session, ("content_hash", "full_text"))}
    if ids:
        queued = set(session.connection().scalars(select(RepostQueue.document_id)
                                                  .where(RepostQueue.document_id.in_(ids))))
        if ids - queued:
            session.connection().execute(insert(RepostQueue.__table__),
                                         [{"document_id": i} for i in sorted(ids - queued)])


def fit_to_columns(session, _flush_context, _instances) -> None:
    """before_flush hook of the archive's sessions: a text a column cannot hold is made to fit,
    with a warning, instead of failing the transaction (on PostgreSQL) and losing the document.
    NUL characters (PostgreSQL text refuses them) are removed; a text longer than its bounded
    column (an indexed one: 索引号, site …) is cut. Columns without a natural bound are Text."""
    for obj in list(session.new) + list(session.dirty):
        mapper = inspect(obj).mapper
        for attr in mapper.column_attrs:
            value = getattr(obj, attr.key, None)
            if not isinstance(value, str):
                continue
            where = (mapper.local_table.name, attr.columns[0].name, getattr(obj, "url", None) or f"id {obj.id}")
            if "\x00" in value:
                value = value.replace("\x00", "")
                setattr(obj, attr.key, value)
                log.warning("%s.%s of %s: NUL characters removed", *where)
            limit = getattr(attr.columns[0].type, "length", None)
            if limit and len(value) > limit:
                setattr(obj, attr.key, value[:limit])
                log.warning("%s.%s of %s: %d characters, kept the first %d", *where, len(value), limit)


def made_on(dialect: str):
    """alembic include_object: what the models make on some databases only (`ddl_if(dialect=…)`)
    is compared with the schema only there."""
    def include(obj, _name, _type, _reflected, _compare_to) -> bool:
        only = getattr(obj, "_ddl_if", None)
        return only is None or only.dialect in (None, dialect)
    return include

