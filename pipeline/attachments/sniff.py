"""What a file is, from its bytes: magic numbers, then a look inside containers (a ZIP is a
DOCX, an XLSX, an OFD or an archive by its members; an OLE file is Word or Excel by its
streams). Names and Content-Type headers are not trusted: sites serve PDFs as
application/octet-stream and name XLS files .xlsx."""
from __future__ import annotations

import io
import zipfile

# (offset, magic, media type): checked in order
SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "application/pdf"),
    (0, b"PK\x03\x04", "application/zip"),
    (0, b"PK\x05\x06", "application/zip"),  # an empty archive
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"{\\rtf", "application/rtf"),
    (0, b"\x1f\x8b", "application/gzip"),
)
# a ZIP's member that says what the package is
ZIP_MARKERS: tuple[tuple[str, str], ...] = (
    ("OFD.xml", "application/ofd"),
    ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)
# an OLE file's stream that says what it is (WPS Writer files are Word binaries: WordDocument)
OLE_MARKERS: tuple[tuple[str, str], ...] = (
    ("WordDocument", "application/msword"),
    ("Workbook", "application/vnd.ms-excel"),
    ("Book", "application/vnd.ms-excel"),
    ("EncryptedPackage", "application/x-encrypted-ooxml"),
    ("PowerPoint Document", "application/vnd.ms-powerpoint"),
)
PDF_HEADER_WINDOW = 1024  # readers accept %PDF- anywhere in the first 1024 bytes


def sniff(data: bytes, name: str = "") -> str:
    """The media type of a file's bytes (`name` is not used to decide: kept for callers' logs)."""
    kind = next((media for offset, magic, media in SIGNATURES if data[offset:offset + len(magic)] == magic), None)
    if kind is None and b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        kind = "application/pdf"
    if kind == "application/zip":
        return _zip_kind(data)
    if kind == "application/x-ole-storage":
        return _ole_kind(data)
    return kind or _text_kind(data)


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "application/zip"  # the ZIP reader says what is wrong
    return next((media for member, media in ZIP_MARKERS if member in names), "application/zip")


def _ole_kind(data: bytes) -> str:
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(path) for path in ole.listdir(streams=True, storages=False)}
    except (OSError, ValueError, IndexError, EOFError):
        return "application/x-ole-storage"
    return next((media for stream, media in OLE_MARKERS if stream in streams), "application/x-ole-storage")


def _text_kind(data: bytes) -> str:
    head = data[:2048]
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not head or (b"\x00" in head[:512] and not utf16):  # binary, not text
        return "application/octet-stream"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered:
        return "text/html"
    from pipeline.attachments.textfile import decode

    return "text/plain" if decode(data[:4096]) is not None else "application/octet-stream"
