"""Fingerprints that decide when two captures are the same document or the same content."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalized_body(body: str | None) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", body or ""))


def content_hash(body: str | None) -> str:
    """SHA-256 of the body with NFKC applied and all whitespace removed."""
    return hashlib.sha256(normalized_body(body).encode("utf-8")).hexdigest()

