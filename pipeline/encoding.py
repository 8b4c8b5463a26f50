"""Decoding of government pages: GBK / GB2312 / GB18030 with or without a declared charset."""
from __future__ import annotations

from charset_normalizer import from_bytes
from w3lib.encoding import html_to_unicode, resolve_encoding


def detect_encoding(body: bytes) -> str:
    """For bodies that declare no charset: UTF-8 if it decodes, else GB18030 (a superset of
    GB2312 and GBK, what undeclared Chinese pages almost always are), else a detector's guess."""
    for candidate in ("utf-8", "gb18030"):
        try:
            body.decode(candidate)
            return candidate
        except UnicodeDecodeError:
            continue
    best = from_bytes(body[:200_000]).best()
    return resolve_encoding(best.encoding) if best else "gb18030"


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """HTML bytes to text: HTTP charset, then BOM, then <meta charset>, then detection."""
    _, text = html_to_unicode(content_type, body, auto_detect_fun=detect_encoding)
    return text
