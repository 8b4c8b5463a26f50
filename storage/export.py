"""Export of archived documents as JSON lines, the archive's public interface."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pipeline.record import DocumentRecord
from storage.attachments import attachment_fields
from storage.db import Archive
from storage.models import Attachment, Document


def _iso(moment: datetime | None) -> str | None:
    return moment.replace(tzinfo=timezone.utc).isoformat() if moment else None


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "url": doc.url,
        "urls": [doc.url] + sorted(u.url for u in doc.urls if u.url != doc.url),
        "site": doc.site,
        **{name: getattr(doc, name) for name in DocumentRecord.METADATA},
        "body": doc.body,
        "attachments": [attachment_fields(a) for a in doc.attachments],
        "full_text": doc.full_text,
        "content_hash": doc.content_hash,
        "duplicate_of": doc.duplicate_of.url if doc.duplicate_of else None,
        "versions": sum(1 for v in doc.versions if v.url == doc.url),
        "status": doc.status,
        "gone_at": _iso(doc.gone_at),
        "first_seen": _iso(doc.first_seen),
        "last_seen": _iso(doc.last_seen),
    }


def iter_documents(archive: Archive, site: str | None = None, batch: int = 500, unique: bool = False,
                   versions: bool = False) -> Iterator[dict[str, Any]]:
    """Documents in archive order; `unique`: originals only; `versions`: each with `history`,
    every version's record (oldest first)."""
    last_id = 0
    while True:
        with archive.session() as session:
            query = (
                select(Document)
                .where(Document.id > last_id)
                .order_by(Document.id)
                .limit(batch)
                .options(selectinload(Document.urls), selectinload(Document.attachments).selectinload(Attachment.file),
                         selectinload(Document.versions), selectinload(Document.duplicate_of))
            )
            if site:
                query = query.where(Document.site == site)
            if unique:
                query = query.where(Document.duplicate_of_id.is_(None))
            docs = session.scalars(query).all()
            records = [document_record(d) for d in docs]
            if versions:
                for record, doc in zip(records, docs):
                    record["history"] = [{"url": v.url, "fetched_at": _iso(v.fetched_at), "record": v.record}
                                         for v in doc.versions]
        if not records:
            return
        yield from records
        last_id = docs[-1].id


def write_jsonl(archive: Archive, output: str, site: str | None = None, **options) -> int:
    """Write every document; the file appears whole or not at all (written aside, then renamed)."""
    if output == "-":
        return _write(archive, sys.stdout, site, **options)
    target = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            count = _write(archive, fh, site, **options)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _write(archive: Archive, fh, site: str | None, **options) -> int:
    count = 0
    for record in iter_documents(archive, site, **options):
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
