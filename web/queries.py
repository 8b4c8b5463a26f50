"""What the web pages read from the archive: plain SELECTs through a session of a read-only
Archive (storage.db), each bounded by an index and a LIMIT so a page costs the same on a large
archive as on a small one."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from pipeline.record import DocumentRecord
from storage.models import Attachment, Capture, CrawlRun, Document, DocumentVersion

PAGE_SIZE = 50
REPOSTS_SHOWN = 100
STATUSES = ("live", "gone")
# reposts filter: reposts only, originals only, or documents others repost
REPOSTS = {"only": "reposts only", "none": "no reposts", "reposted": "reposted elsewhere"}


class BadFilter(ValueError):
    """A filter value the page cannot use; the message is one line naming the field."""


def iso_day(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadFilter(f"{field}: not a date (YYYY-MM-DD): {value!r}") from None


def page_number(value: str | None) -> int:
    try:
        number = int(value or 1)
    except ValueError:
        raise BadFilter(f"page: not a number: {value!r}") from None
    if number < 1:
        raise BadFilter(f"page: must be 1 or more: {number}")
    return number


@dataclass(frozen=True)
class DocumentFilter:
    site: str = ""
    column: str = ""
    publisher: str = ""
    since: str = ""
    until: str = ""
    status: str = ""
    reposts: str = ""

    @classmethod
    def from_query(cls, params) -> DocumentFilter:
        chosen = cls(**{f.name: (params.get(f.name) or "").strip() for f in fields(cls)})
        iso_day(chosen.since, "since"), iso_day(chosen.until, "until")
        if chosen.status and chosen.status not in STATUSES:
            raise BadFilter(f"status: {chosen.status!r} is not one of {', '.join(STATUSES)}")
        if chosen.reposts and chosen.reposts not in REPOSTS:
            raise BadFilter(f"reposts: {chosen.reposts!r} is not one of {', '.join(REPOSTS)}")
        return chosen

    def where(self) -> list:
        """The filter as SQL conditions. Dates compare as ISO text (发布日期 may carry a time):
        `until` takes in its whole day."""
        conditions = []
        if self.site:
            conditions.append(Document.site == self.site)
        if self.column:
            conditions.append(Document.column == self.column)
        if self.publisher:
            conditions.append(Document.publisher == self.publisher)
        if self.since:
            conditions.append(Document.published_at >= self.since)
        if self.until:
            conditions.append(Document.published_at < (iso_day(self.until, "until") + timedelta(days=1)).isoformat())
        if self.status:
            conditions.append(Document.status == self.status)
        if self.reposts == "only":
            conditions.append(Document.duplicate_of_id.is_not(None))
        elif self.reposts == "none":
            conditions.append(Document.duplicate_of_id.is_(None))
        elif self.reposts == "reposted":  # by the index of reposts' originals
            repost = aliased(Document)
            conditions.append(Document.id.in_(select(repost.duplicate_of_id).where(repost.duplicate_of_id.is_not(None))))
        return conditions

    def params(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def documents(session: Session, chosen: DocumentFilter, page: int) -> tuple[list, int, bool]:
    """One page of documents, newest 发布日期 first; the number matching; whether more follow."""
    conditions = chosen.where()
    rows = session.execute(
        select(Document.id, Document.site, Document.title, Document.published_at, Document.publisher,
               Document.column, Document.status, Document.duplicate_of_id)
        .where(*conditions)
        .order_by(Document.published_at.desc().nulls_last(), Document.id.desc())
        .limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE)
    ).all()
    total = session.scalar(select(func.count()).select_from(Document).where(*conditions))
    return rows[:PAGE_SIZE], total, len(rows) > PAGE_SIZE


def archived_sites(session: Session) -> dict[str, int]:
    """Every site with documents, and how many."""
    return dict(session.execute(select(Document.site, func.count()).group_by(Document.site)).all())


def recent_runs(session: Session, site: str | None, page: int = 1, limit: int = PAGE_SIZE) -> tuple[list[CrawlRun], bool]:
    query = select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit + 1).offset((page - 1) * limit)
    if site:
        query = query.where(CrawlRun.site == site)
    found = session.scalars(query).all()
    return found[:limit], len(found) > limit


def reposts_of(session: Session, doc_id: int) -> list:
    return session.execute(
        select(Document.id, Document.site, Document.title, Document.url, Document.published_at)
        .where(Document.duplicate_of_id == doc_id).order_by(Document.id).limit(REPOSTS_SHOWN)
    ).all()


def record_fields(doc: Document) -> list[tuple[str, Any]]:
    """Every field of the document record (pipeline.record), body and attachments aside (the
    page shows them on their own): the archived row's value where the row holds the field,
    else the latest version's."""
    latest = doc.versions[-1].record if doc.versions else {}
    shown = []
    for f in fields(DocumentRecord):
        if f.name in ("body", "attachments"):
            continue
        value = getattr(doc, f.name) if f.name in DocumentRecord.METADATA or f.name == "url" else latest.get(f.name)
        shown.append((f.name, value))
    return shown


def _version_lines(record: dict[str, Any]) -> list[str]:
    """A version as lines to diff: its versioned fields (pipeline.record), then its text."""
    lines = [f"{name}: {record.get(name) or ''}" for name in DocumentRecord.VERSIONED if name not in ("body", "attachments")]
    lines += [f"attachment: {a.get('name')} <{a.get('url')}>" for a in record.get("attachments") or []]
    return lines + ["", *(record.get("body") or "").splitlines()]


@dataclass
class VersionView:
    version: DocumentVersion
    diff: list[tuple[str, str]]  # (kind, line): kind is "add", "del", "hunk" or "same"
    first: bool


def versions(doc: Document) -> list[VersionView]:
    """Each version with what changed since the one before it at the same URL (difflib)."""
    views, before = [], {}
    for version in doc.versions:
        previous = before.get(version.url)
        diff = []
        if previous is not None:
            for line in difflib.unified_diff(_version_lines(previous.record), _version_lines(version.record),
                                             lineterm="", n=2):
                if line.startswith(("---", "+++")):
                    continue
                kind = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "same")
                diff.append((kind, line))
        views.append(VersionView(version, diff, previous is None))
        before[version.url] = version
    return views[::-1]  # newest first


def last_captures(session: Session, urls: list[str]) -> dict[str, Capture]:
    """The latest successful capture of each URL (storage.archive.last_capture, for many at once)."""
    latest = (select(func.max(Capture.id)).where(Capture.url.in_(urls), Capture.status == 200)
              .group_by(Capture.url).scalar_subquery())
    return {c.url: c for c in session.scalars(select(Capture).where(Capture.id.in_(latest)))} if urls else {}


def capture(session: Session, capture_id: int) -> Capture | None:
    return session.get(Capture, capture_id)


def capture_documents(session: Session, capture_id: int) -> list:
    """Documents one of whose versions (or attachments) was read from this capture."""
    by_version = select(DocumentVersion.document_id).where(DocumentVersion.capture_id == capture_id)
    by_attachment = select(Attachment.document_id).where(Attachment.capture_id == capture_id)
    return session.execute(select(Document.id, Document.title)
                           .where(Document.id.in_(by_version.union(by_attachment)))).all()

