"""Fingerprints that decide when two captures are the same document or the same content."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

_SPACE = re.compile(r"\s+")
# Fields that make a version: a change in any of them is an edit of the document.
VERSIONED_FIELDS = (
    "title", "index_no", "publisher", "doc_no", "written_at", "published_at", "subject",
    "keywords", "source", "validity", "body", "attachments",
)


def normalized_body(body: str | None) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", body or ""))


def content_hash(body: str | None) -> str:
    """SHA-256 of the body with NFKC applied and all whitespace removed."""
    return hashlib.sha256(normalized_body(body).encode("utf-8")).hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    """SHA-256 over the versioned fields, so layout-only changes of a page add no version."""
    payload = {f: record.get(f) for f in VERSIONED_FIELDS}
    payload["body"] = normalized_body(payload["body"])
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
