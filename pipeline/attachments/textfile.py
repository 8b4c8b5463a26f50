"""Plain text files (.txt): decoded as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030."""
from __future__ import annotations

import codecs

CONTROL = {c for c in range(32)} - {9, 10, 13}


def decode(data: bytes) -> str | None:
    """The text, or None when the bytes are no text in any of these encodings."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            # a sample cut mid-character: allow an incomplete last character
            try:
                text = data[:-3].decode(encoding) if len(data) > 3 else None
            except UnicodeDecodeError:
                continue
        if text is not None and sum(ord(ch) in CONTROL for ch in text[:2000]) <= 2:
            return text
    return None


def read(data: bytes, limits):
    from pipeline.attachments import AttachmentText

    text = decode(data[: limits.max_chars * 4])
    return AttachmentText(text.strip(), status="ok" if text.strip() else "empty") if text is not None else \
        AttachmentText(status="malformed", error="not text in UTF-8, UTF-16 or GB18030")
