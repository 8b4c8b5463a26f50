"""Linking reposts across the archive (`scrapy dedup`): every document whose text is a near
copy of another's points at the original through duplicate_of. Both stay in the archive."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from pipeline.neardup import THRESHOLD, RepostIndex, distinct_documents, original_key
from storage.db import Archive
from storage.models import Document


@dataclass(frozen=True)
class DedupResult:
    documents: int
    linked: int


def link_reposts(archive: Archive, threshold: float = THRESHOLD) -> DedupResult:
    with archive.session() as session:
        rows = session.execute(select(Document.id, Document.url, Document.body, Document.index_no,
                                      Document.doc_no, Document.published_at, Document.first_seen)
                               .order_by(Document.id)).all()
    docs = {r.id: {k: v for k, v in r._asdict().items() if k != "body"} for r in rows}
    index = RepostIndex(threshold)
    parent = {doc_id: doc_id for doc_id in docs}  # union-find over confirmed pairs

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in rows:
        for other in index.add(row.id, row.body, docs[row.id]):
            parent[root(row.id)] = root(other)
    groups: dict[int, list[dict]] = {}
    for doc_id in docs:
        groups.setdefault(root(doc_id), []).append(docs[doc_id])
    links = {}
    for members in groups.values():
        members.sort(key=original_key)
        original = members[0]
        for doc in members:
            # a member that differs in 索引号/发文字号 from the original stays its own document
            links[doc["id"]] = None if doc is original or distinct_documents(doc, original) else original["id"]
    with archive.session() as session:
        for doc_id, target in links.items():
            session.execute(update(Document).where(Document.id == doc_id).values(duplicate_of_id=target))
    return DedupResult(len(docs), sum(1 for t in links.values() if t))
