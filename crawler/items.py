"""What the spider hands to the item pipelines."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.attachments import AttachmentText
from pipeline.record import DocumentRecord


@dataclass
class DocumentItem:
    """A fetched document page with its extracted record."""

    site: str
    url: str
    record: DocumentRecord
    capture_id: int | None = None


@dataclass
class GoneItem:
    """A document URL that answered 404 or 410."""

    site: str
    url: str
    status: int


@dataclass
class NotModifiedItem:
    """A known document that answered 304 Not Modified."""

    site: str
    url: str


@dataclass
class AttachmentItem:
    """A fetched attachment file (its bytes are in the WARC capture), or a fetch that brought
    none (fetch_status "too_large" or "gone", with fetch_error saying why)."""

    site: str
    url: str
    capture_id: int | None
    size: int | None
    sha256: str | None = None
    reading: AttachmentText | None = None  # None: these bytes are archived and read already
    fetch_status: str | None = None
    fetch_error: str | None = None
