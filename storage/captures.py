"""Raw captures: every fetched response kept in gzip-per-record WARC files (warcio).

Each process writes its own files (name carries time and pid), rotated by size, so parallel
crawls never interleave records and a killed process never leaves garbage that a later one
appends after. The database keeps file name + offset + length of each response record.
"""
from __future__ import annotations

import gzip
import os
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
# warcio compresses at level 9; level 6 is ~3x faster on HTML for a file ~3% larger.
GZIP_LEVEL = 6
# Scrapy hands us bodies already de-chunked; a replay tool must not try to de-chunk them again.
_HOP_HEADERS = {"transfer-encoding"}


@dataclass(frozen=True)
class CaptureRef:
    warc_file: str
    offset: int
    length: int
    payload_digest: str | None


@dataclass(frozen=True)
class StoredResponse:
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes  # content-encoding already undone

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


class WarcStore:
    def __init__(self, directory: str | os.PathLike, max_size: int = DEFAULT_MAX_SIZE) -> None:
        self.directory = Path(directory)
        self.max_size = max_size
        self._file = None
        self._writer: WARCWriter | None = None
        self._name: str | None = None
        self._seq = 0

    def _open_next(self) -> None:
        self.close()
        self.directory.mkdir(parents=True, exist_ok=True)
        self._seq += 1
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        self._name = f"govarchive-{stamp}-{os.getpid()}-{self._seq:05d}.warc.gz"
        self._file = open(self.directory / self._name, "ab")
        self._buffer = BytesIO()
        self._writer = WARCWriter(self._buffer, gzip=False)

    def write(
        self,
        url: str,
        *,
        status: int,
        reason: str = "",
        headers: list[tuple[str, str]],
        body: bytes,
        method: str = "GET",
        request_headers: list[tuple[str, str]] = (),
        request_body: bytes = b"",
    ) -> CaptureRef:
        """Append a request/response pair; return where the response record lies."""
        if self._file is None or self._file.tell() >= self.max_size:
            self._open_next()
        assert self._writer is not None and self._file is not None
        kept = [(k, v) for k, v in headers if k.lower() not in _HOP_HEADERS]
        kept += [(f"X-Archive-Orig-{k}", v) for k, v in headers if k.lower() in _HOP_HEADERS]
        if any(k.lower() in _HOP_HEADERS for k, _ in headers):
            kept = [(k, v) for k, v in kept if k.lower() != "content-length"]
            kept.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")
        response = self._writer.create_warc_record(
            url, "response", payload=BytesIO(body), http_headers=http_headers
        )
        path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
        request = self._writer.create_warc_record(
            url,
            "request",
            payload=BytesIO(request_body),
            http_headers=StatusAndHeaders(
                f"{method} /{path} HTTP/1.1", list(request_headers), is_http_request=True
            ),
        )
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        offset = self._file.tell()
        length = self._append(response)
        self._append(request)
        self._file.flush()
        return CaptureRef(
            self._name, offset, length, response.rec_headers.get_header("WARC-Payload-Digest")
        )

    def _append(self, record) -> int:
        """Write one record as its own gzip member; return its compressed length."""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.write_record(record)
        member = gzip.compress(self._buffer.getvalue(), compresslevel=GZIP_LEVEL, mtime=0)
        self._file.write(member)
        return len(member)

    def read(self, warc_file: str, offset: int) -> StoredResponse:
        """The response record at offset, decoded as a replay tool would."""
        with open(self.directory / warc_file, "rb") as fh:
            fh.seek(offset)
            record = next(iter(ArchiveIterator(fh)))
            body = record.content_stream().read()
            http = record.http_headers
            return StoredResponse(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                status=int(http.get_statuscode()),
                headers=list(http.headers),
                body=body,
            )

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = self._writer = None
