"""Export of archived documents — JSON lines, CSV, Parquet (storage.wacz: a site's captures as
WACZ) — the archive's public interface."""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
                   versions: bool = False, since: str | None = None, until: str | None = None,
                   column: str | None = None) -> Iterator[dict[str, Any]]:
    """Documents in archive order; `unique`: originals only; `versions`: each with `history`,
    every version's record (oldest first); `since`/`until`: published (发布日期) on or after /
    on or before these days (documents without a date left out); `column`: whose column
    (breadcrumb) contains this text."""
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
            if since:
                query = query.where(Document.published_at >= since)
            if until:  # "2024-06-01T10:00" is of that day: compare below the next
                query = query.where(Document.published_at < until + "~")
            if column:
                query = query.where(Document.column.contains(column, autoescape=True))
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
    with written_aside(output) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        return _write(archive, fh, site, **options)


@contextmanager
def written_aside(output: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside the output, renamed to it when the block ends without error,
    removed when it raises: a file appears whole or not at all."""
    target = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(archive: Archive, fh, site: str | None, **options) -> int:
    count = 0
    for record in iter_documents(archive, site, **options):
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# --- CSV and Parquet ---------------------------------------------------------------------------

FIELDS = ("url", "urls", "site", *DocumentRecord.METADATA, "body", "attachments", "full_text", "content_hash",
          "duplicate_of", "versions", "status", "gone_at", "first_seen", "last_seen")
LIST_FIELDS = ("urls", "attachments", "history")


def write_csv(archive: Archive, output: str, site: str | None = None, **options) -> int:
    """One row per document, the JSON fields as columns; lists (urls, attachments, history) as
    JSON text. UTF-8 with a byte order mark: spreadsheets then read the Chinese right."""
    names = FIELDS + (("history",) if options.get("versions") else ())
    count = 0
    with written_aside(output) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=names)
        writer.writeheader()
        for record in iter_documents(archive, site, **options):
            writer.writerow({name: json.dumps(record[name], ensure_ascii=False) if name in LIST_FIELDS
                             else record[name] for name in names})
            count += 1
    return count


def parquet_schema(versions: bool = False):
    import pyarrow as pa

    text_ = pa.string()
    fields = [("url", text_), ("urls", pa.list_(text_)), ("site", text_)]
    fields += [(name, pa.date32() if name in ("written_at", "published_at") else text_)
               for name in DocumentRecord.METADATA]
    attachment = pa.struct([("name", text_), ("url", text_), ("media_type", text_), ("size", pa.int64()),
                            ("sha256", text_), ("pages", pa.int32()), ("status", text_), ("error", text_),
                            ("text", text_)])
    fields += [("body", text_), ("attachments", pa.list_(attachment)), ("full_text", text_),
               ("content_hash", text_), ("duplicate_of", text_), ("versions", pa.int32()), ("status", text_),
               ("gone_at", pa.timestamp("us", tz="UTC")), ("first_seen", pa.timestamp("us", tz="UTC")),
               ("last_seen", pa.timestamp("us", tz="UTC"))]
    if versions:
        fields.append(("history", text_))  # each version's whole record: JSON text
    return pa.schema(fields)


def _parquet_row(record: dict[str, Any], versions: bool) -> dict[str, Any]:
    row = dict(record)
    for name in ("written_at", "published_at"):  # dates as dates (the time of day: JSON lines, CSV)
        row[name] = _day(record[name])
    for name in ("gone_at", "first_seen", "last_seen"):
        row[name] = datetime.fromisoformat(record[name]) if record[name] else None
    if versions:
        row["history"] = json.dumps(record["history"], ensure_ascii=False)
    return row


def _day(value: str | None):
    from datetime import date

    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:  # not a date extraction would write; kept out rather than guessed
        return None


def write_parquet(archive: Archive, output: str, site: str | None = None, batch: int = 2000, **options) -> int:
    """Typed columns (dates as dates, times as UTC timestamps, lists as lists), written in row
    groups of `batch` documents so memory stays flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    versions = bool(options.get("versions"))
    schema = parquet_schema(versions)
    count, rows = 0, []
    with written_aside(output) as tmp, pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for record in iter_documents(archive, site, **options):
            rows.append(_parquet_row(record, versions))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count, rows = count + len(rows), []
        if rows or not count:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count


# the file name's ending picks the format; "-" is JSON lines on stdout
WRITERS = {".jsonl": write_jsonl, ".jl": write_jsonl, ".ndjson": write_jsonl, ".csv": write_csv,
           ".parquet": write_parquet}
