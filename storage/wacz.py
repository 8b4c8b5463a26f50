"""A site's captures as a WACZ web archive (`scrapy export -o SITE.wacz --site NAME`), packed by
Webrecorder's `wacz` package: the WARC records exactly as archived, a CDXJ index, pages.jsonl
listing the site's documents — replayable by pywb and ReplayWeb.page.

The WARC files under the data folder hold every site's records (one file per crawl process):
only this site's are taken, each response with the request record written after it, copied
byte for byte (each record is its own gzip member, so the digests stay true).
"""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from warcio.archiveiterator import ArchiveIterator

from storage.db import Archive
from storage.export import written_aside
from storage.models import Capture, Document, DocumentVersion


class WaczError(RuntimeError):
    """The WACZ cannot be written; the message is one line meant for the user."""


@dataclass(frozen=True)
class WaczResult:
    captures: int  # responses packed
    pages: int     # documents listed in pages.jsonl


def write_wacz(archive: Archive, data: Path, output: str, site: str) -> WaczResult:
    """Pack the site's captures (every response its crawls archived: documents, list pages,
    attachments, robots.txt) into `output`; the file appears whole or not at all."""
    from wacz.main import main as wacz_main

    warc_dir = Path(data) / "warc"
    with archive.session() as session:
        captures = session.execute(select(Capture.id, Capture.url, Capture.warc_file, Capture.offset, Capture.length)
                                   .where(Capture.site == site).order_by(Capture.id)).all()
        pages = _pages(session, site)
    if not captures:
        raise WaczError(f"--site {site}: the archive holds no captures of this site")
    with tempfile.TemporaryDirectory(prefix="govarchive-wacz-") as tmp:
        warc = Path(tmp) / f"{site}.warc.gz"
        dates = _copy_records(warc_dir, captures, warc)
        pages_file = Path(tmp) / "pages.jsonl"
        with pages_file.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps({"format": "json-pages-1.0", "id": "pages", "title": f"{site}: documents"}) + "\n")
            listed = 0
            for capture_id, url, title in pages:
                if capture_id in dates:
                    fh.write(json.dumps({"url": url, "ts": dates[capture_id], "title": title or url},
                                        ensure_ascii=False) + "\n")
                    listed += 1
        with written_aside(output) as packed:
            said = io.StringIO()
            with contextlib.redirect_stdout(said):  # wacz talks on stdout; keep it for the error
                code = wacz_main(["create", "-o", str(packed), "--pages", str(pages_file), "--title", site,
                                  "--desc", f"govarchive captures of {site}", str(warc)])
            if code:
                last = said.getvalue().strip().splitlines()[-1:] or ["no reason given"]
                raise WaczError(f"-o {output}: wacz create failed: {last[0]}")
    return WaczResult(len(captures), listed)


def _pages(session, site: str) -> list[tuple[int, str, str | None]]:
    """(capture id, URL, title) of each document's latest capture at its primary URL."""
    latest = (select(DocumentVersion.capture_id).where(DocumentVersion.document_id == Document.id,
                                                       DocumentVersion.url == Document.url,
                                                       DocumentVersion.capture_id.is_not(None))
              .order_by(DocumentVersion.id.desc()).limit(1).correlate(Document).scalar_subquery())
    query = select(latest, Document.url, Document.title).where(Document.site == site).order_by(Document.id)
    return [tuple(row) for row in session.execute(query) if row[0] is not None]


def _copy_records(warc_dir: Path, captures, target: Path) -> dict[int, str]:
    """Copy each capture's response record and the request record after it; returns each
    capture's WARC-Date (ISO), which pages.jsonl must name."""
    dates: dict[int, str] = {}
    with target.open("wb") as out:
        for capture_id, url, warc_file, offset, length in captures:
            path = warc_dir / warc_file
            try:
                with path.open("rb") as fh:
                    fh.seek(offset)
                    records = ArchiveIterator(fh)
                    response = next(records)
                    date = response.rec_headers.get_header("WARC-Date")
                    record_id = response.rec_headers.get_header("WARC-Record-ID")
                    end = offset + length
                    request = next(records, None)
                    if request is not None and request.rec_headers.get_header("WARC-Concurrent-To") == record_id:
                        end = records.get_record_offset() + records.get_record_length()
                    fh.seek(offset)
                    out.write(fh.read(end - offset))
            except (OSError, StopIteration) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else "no WARC record there"
                raise WaczError(f"{path}: capture {capture_id} of {url} at offset {offset}: {reason}") from None
            dates[capture_id] = date
    return dates
