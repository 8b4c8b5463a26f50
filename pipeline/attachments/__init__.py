"""Text of attachment files (附件): pure functions, bytes in, AttachmentText out, never raising.

The format is sniffed from the bytes (pipeline.attachments.sniff), never trusted from a name or
a Content-Type; each format has its own module. What a reader cannot read is marked with a
status and a one-line reason, never silently empty:

    ok              text read
    empty           read, but the file holds no text (an empty sheet)
    no_text_layer   pages with no text at all (a scanned PDF or OFD): OCR would be needed
    encrypted       a password protects it
    unsupported     a format this archive does not read (images, RAR, Word 6, an HTML error page…)
    malformed       the reader could not parse it (the reason says where)
    refused         hostile structure refused (an XML DOCTYPE with entities in an Office or OFD part)
    partial         some text read, some not (a ZIP member, a bound, a page that failed)
    timed_out       reading took longer than its bound (a file built to make a parser spin)
    too_large       over GOVARCHIVE_ATTACHMENT_MAX_BYTES: never downloaded (set by the crawler)
"""
from __future__ import annotations

import logging
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from pipeline.attachments.sniff import sniff

__all__ = ["AttachmentText", "Limits", "read_attachment", "read_member", "sniff"]

# pypdf and openpyxl log every oddity of a malformed file; the status says what matters
for _name in ("pypdf", "openpyxl"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass
class AttachmentText:
    text: str = ""
    pages: int | None = None  # fixed-layout formats only (PDF, OFD); flow formats have no pages of their own
    status: str = "ok"
    error: str | None = None
    media_type: str = "application/octet-stream"

    def to_dict(self) -> dict:
        return {"media_type": self.media_type, "pages": self.pages, "status": self.status,
                "error": self.error, "text": self.text}


@dataclass(frozen=True)
class Limits:
    """Bounds of one reading (a ZIP's members share them): memory stays bounded whatever a file claims."""

    max_chars: int = 2_000_000          # text kept per file (GOVARCHIVE_MAX_DOCUMENT_CHARS)
    zip_depth: int = 3                  # archives inside archives
    zip_members: int = 500              # members read per archive
    zip_total_bytes: int = 200 << 20    # bytes uncompressed in all, over every nesting level
    member_bytes: int = 50 << 20        # bytes of one member, uncompressed
    xml_part_bytes: int = 64 << 20      # one XML part of a DOCX/XLSX/OFD, uncompressed
    sheet_cells: int = 2_000_000        # cells visited per workbook (a sheet may declare XFD1048576)
    seconds: float = 120.0              # wall time of one file's reading (GOVARCHIVE_ATTACHMENT_READ_SECONDS)


@dataclass
class Budget:
    """Uncompressed bytes a reading may still take, shared by nested archives."""

    remaining: int


def read_attachment(data: bytes, name: str = "", limits: Limits = Limits()) -> AttachmentText:
    """The text of one file, within `limits`. Never raises: a reader's failure is a result
    marked `malformed`, a reading over its time `timed_out`."""
    try:
        with time_bound(limits.seconds):
            return read_member(data, name, limits, 0, Budget(limits.zip_total_bytes))
    except ReadingTimedOut:
        return AttachmentText(status="timed_out", media_type=sniff(data, name),
                              error=f"reading took over {limits.seconds:g} s: stopped")


def read_member(data: bytes, name: str, limits: Limits, depth: int, budget: Budget) -> AttachmentText:
    """A file, or a member of an archive `depth` levels down, sharing the archive's `budget`."""
    from pipeline.attachments import doc, ofd, pdf, sheets, textfile, wordx, zipped

    media_type = sniff(data, name)
    readers = {
        "application/pdf": pdf.read,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": wordx.read,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": sheets.read_xlsx,
        "application/vnd.ms-excel": sheets.read_xls,
        "application/msword": doc.read,
        "application/ofd": ofd.read,
        "text/plain": textfile.read,
    }
    try:
        if media_type == "application/zip":
            result = zipped.read(data, limits, depth, budget)
        elif media_type in readers:
            result = readers[media_type](data, limits)
        elif media_type == "application/x-encrypted-ooxml":  # a DOCX/XLSX saved with a password
            result = AttachmentText(status="encrypted", error="Office file encrypted with a password")
        else:
            reason = UNSUPPORTED.get(media_type, f"{media_type}: not a format read")
            result = AttachmentText(status="unsupported", error=reason)
    except MemoryError:
        result = AttachmentText(status="malformed", error="out of memory reading it")
    except RecursionError:
        result = AttachmentText(status="malformed", error="nested too deeply to parse")
    except Exception as exc:  # noqa: BLE001 (a hostile file must not end the crawl: it is marked)
        result = AttachmentText(status="malformed", error=one_line(f"{type(exc).__name__}: {exc}"))
    result.media_type = media_type
    if len(result.text) > limits.max_chars:
        result.text = result.text[: limits.max_chars]
        result.status = "partial"
        result.error = result.error or f"text cut at {limits.max_chars} characters"
    return result


class ReadingTimedOut(BaseException):
    """Raised by the alarm into a reading that overran its time. A BaseException, so no
    reader's `except Exception` (one bad page costs only itself) can swallow it."""


@contextmanager
def time_bound(seconds: float):
    """An alarm `seconds` from now that ends the reading, where a signal can be had: the main
    thread of a process (the extraction workers', reparse's, an inline crawl's reading). Pure
    Python parsers (pypdf, openpyxl's cell handling) are stopped at their next bytecode."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def overrun(_signum, _frame):
        raise ReadingTimedOut

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


UNSUPPORTED = {
    "text/html": "an HTML page, not a file (an error page of the site?)",
    "application/x-ole-storage": "an OLE file that is neither Word nor Excel",
    "application/vnd.ms-powerpoint": "PowerPoint is not read",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint is not read",
    "image/png": "an image: no text layer (OCR not done)",
    "image/jpeg": "an image: no text layer (OCR not done)",
    "image/gif": "an image: no text layer (OCR not done)",
    "image/tiff": "an image: no text layer (OCR not done)",
    "application/vnd.rar": "RAR archives are not read (no well-kept pure-Python reader)",
    "application/x-7z-compressed": "7z archives are not read",
    "application/rtf": "RTF is not read",
    "application/gzip": "gzip files are not read",
    "application/octet-stream": "format not recognised from its bytes",
}


def one_line(text: object, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def no_doctype(xml: bytes, part: str) -> None:
    """Office and OFD parts never carry a DOCTYPE; one that does declares entities (external
    ones read local files or the network, nested ones are billion-laughs bombs): refused
    before any parser sees it. The parsers are entity-safe too (python-docx and OFD: lxml
    with resolve_entities off; openpyxl: defusedxml), this says so instead of reading around it."""
    head = xml[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode()
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise HostileXml(f"{part}: XML with a DOCTYPE (entity declarations) refused")


class HostileXml(ValueError):
    pass


def refused(exc: HostileXml) -> AttachmentText:
    return AttachmentText(status="refused", error=str(exc))


def finish(lines: list[str], problems: list[str], pages: int | None = None) -> AttachmentText:
    """A reading's result from its lines and what went wrong on the way."""
    text = "\n".join(line for line in lines if line.strip()).strip()
    if problems:
        return AttachmentText(text, pages, "partial" if text else "malformed", one_line("; ".join(problems)))
    return AttachmentText(text, pages, "ok" if text else "empty")
