"""The document record: what extraction reads off one page, what the archive stores as a
version, what reparse rebuilds. Declared once here; everything else names its fields from it."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

from pipeline.dedup import content_hash, normalized_body


@dataclass
class DocumentRecord:
    url: str
    title: str | None = None
    index_no: str | None = None  # 索引号
    publisher: str | None = None  # 发文机关 / 发布机构
    doc_no: str | None = None  # 发文字号
    written_at: str | None = None  # 成文日期, ISO date
    published_at: str | None = None  # 发布日期, ISO date or date and time
    subject: str | None = None  # 主题分类
    keywords: str | None = None  # 主题词
    source: str | None = None  # 信息来源
    validity: str | None = None  # 有效性
    column: str | None = None  # the breadcrumb, parts joined by " > "
    body: str | None = None
    # {name, url}; once fetched and read also media_type, size, sha256, pages, status, error, text
    attachments: list[dict[str, Any]] = field(default_factory=list)
    index_no_valid: bool | None = None  # whether the 索引号 has a known shape
    breadcrumb: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # standard gov <meta> tags kept as-is
    list_fields: dict[str, Any] = field(default_factory=dict)  # what the list page said of it
    edges: list[str] = field(default_factory=list)  # lines at the ends of its text container (pipeline.template)

    # The document's metadata, in the order records show them.
    METADATA: ClassVar[tuple[str, ...]] = (
        "title", "index_no", "publisher", "doc_no", "written_at", "published_at", "subject",
        "keywords", "source", "validity", "column",
    )
    # A change in any of these is an edit of the document (the column is where it is filed).
    VERSIONED: ClassVar[tuple[str, ...]] = METADATA[:-1] + ("body", "attachments")
    # What a list page may say of a document when its own page does not.
    FROM_LIST: ClassVar[tuple[str, ...]] = ("title", "published_at", "source", "index_no", "doc_no", "publisher")

    @property
    def content_hash(self) -> str:
        return content_hash(self.body)

    @property
    def record_hash(self) -> str:
        """SHA-256 over the versioned fields of the finished record (list fields merged), with
        the body normalised, so layout-only changes of a page add no version."""
        payload = {f: getattr(self, f) for f in self.VERSIONED}
        # the page's links are the version; what their files read is the files' own
        payload["attachments"] = [{"name": a.get("name"), "url": a.get("url")} for a in self.attachments]
        payload["body"] = normalized_body(self.body)
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    @property
    def full_text(self) -> str | None:
        """The text search and repost detection read: the body, and when the body is only a
        cover note, the texts of its attachments after it."""
        texts = [(a.get("name") or "", a["text"]) for a in self.attachments if a.get("text")]
        return full_text(self.body, texts, [a.get("name") or "" for a in self.attachments])

    def richness(self) -> tuple[int, int]:
        """How much a rendition says: metadata fields present, then body length."""
        return sum(1 for f in self.METADATA if getattr(self, f)), len(self.body or "")

    def fill_from_list(self, list_fields: dict[str, Any]) -> DocumentRecord:
        """What the list page said fills what the page itself does not; kept in the record so
        re-parsing can do the same."""
        self.list_fields = dict(list_fields)
        for name in self.FROM_LIST:
            if not getattr(self, name) and list_fields.get(name):
                setattr(self, name, list_fields[name])
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentRecord:
        """A record as stored (older versions carry keys since dropped: ignored)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


# A body this short is a cover note when the page links attachments (its 附件 lines, which
# extraction trims from the body's edge, are those links): the document is the attachment. A
# longer body is the document itself; its attachments are annexes and stay out of its text.
COVER_NOTE_MAX_CHARS = 300


def is_cover_note(body: str | None, attachment_names: list[str]) -> bool:
    return bool(attachment_names) and len("".join((body or "").split())) <= COVER_NOTE_MAX_CHARS


def full_text(body: str | None, texts: list[tuple[str, str]], attachment_names: list[str]) -> str | None:
    """body + attachment texts (each under its name) for a cover note; the body otherwise."""
    if not texts or not is_cover_note(body, attachment_names):
        return body
    parts = [body.strip()] if body and body.strip() else []
    parts += [f"【{name}】\n{text}" for name, text in texts]
    return "\n\n".join(parts)
