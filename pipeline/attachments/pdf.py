"""PDF: the text layer, page by page, with pypdf (pure Python, actively maintained, with its own
bounds on declared stream lengths and decompressed output against PDF bombs). No OCR: pages
without any text are `no_text_layer` (a scan)."""
from __future__ import annotations

import io

from pipeline.attachments import AttachmentText, Limits, finish, one_line


def read(data: bytes, limits: Limits) -> AttachmentText:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            return AttachmentText(status="encrypted", error="PDF encrypted with a password")
        pages = reader.pages
        count = len(pages)
    except FileNotDecryptedError:
        return AttachmentText(status="encrypted", error="PDF encrypted with a password")
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        return AttachmentText(status="malformed", error=one_line(f"PDF not readable: {type(exc).__name__}: {exc}"))
    lines: list[str] = []
    problems: list[str] = []
    chars = 0
    for number in range(count):
        try:
            text = pages[number].extract_text() or ""
        except Exception as exc:  # noqa: BLE001 (one bad page costs only itself)
            problems.append(f"page {number + 1}: {type(exc).__name__}: {exc}")
            continue
        lines.append(text)
        chars += len(text)
        if chars > limits.max_chars:
            break
    result = finish(lines, problems[:3], pages=count)
    if result.status == "empty" and count:
        return AttachmentText(pages=count, status="no_text_layer",
                              error=f"no text on any of its {count} pages (a scan? OCR is not done)")
    return result


def _opens_without_password(reader) -> bool:
    """Many government PDFs carry only an owner password (no printing, no copying): they open
    with the empty user password, and their text is as readable as any."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 (an unknown or broken security handler: not readable)
        return False
