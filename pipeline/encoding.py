"""Decoding of government pages: GBK / GB2312 / GB18030 with or without a declared charset, and
pages whose declared charset is wrong (a template saying utf-8 around GBK text, or the reverse)."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes
from w3lib.encoding import html_to_unicode, read_bom, resolve_encoding


def detect_encoding(body: bytes) -> str:
    """For bodies that declare no charset: UTF-8 if it decodes, else GB18030 (a superset of
    GB2312 and GBK, what undeclared Chinese pages almost always are), else a detector's guess."""
    for candidate in ("utf-8", "gb18030"):
        if _decodes(body, candidate):
            return candidate
    best = from_bytes(body[:200_000]).best()
    return resolve_encoding(best.encoding) if best else "gb18030"


def repaired_encoding(body: bytes, declared: str | None) -> str | None:
    """The charset to read `body` with when the declared one is wrong, or None when it is right.

    Text that is valid UTF-8 beyond ASCII is UTF-8 whatever it declares (GBK text almost never
    is valid UTF-8; the reverse is not true, UTF-8 often decodes as GBK into mojibake). A body
    its declared charset does not decode cleanly is read as GB18030 when that decodes it."""
    if body.isascii():
        return None
    try:
        name = codecs.lookup(declared).name if declared else None
    except LookupError:
        name = None
    utf8 = _decodes(body, "utf-8")
    if name == "utf-8":
        return None if utf8 else ("gb18030" if _decodes(body, "gb18030") else None)
    if utf8:
        return "utf-8"
    if name is not None and _decodes(body, name):
        return None
    return "gb18030" if name != "gb18030" and _decodes(body, "gb18030") else None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """HTML bytes to text: HTTP charset, then BOM, then <meta charset>, then detection; a
    declared charset that is wrong is repaired as repaired_encoding says."""
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=detect_encoding)
    if read_bom(body)[0] is None and (better := repaired_encoding(body, encoding)):
        return body.decode(better)
    return text


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
