"""Linking reposts across the archive (`scrapy dedup`): every document whose text is a near
copy of another's points at the original through duplicate_of. Both stay in the archive."""
from __future__ import annotations

from dataclasses import dataclass

from datasketch import MinHashLSH
from sqlalchemy import select, update

from pipeline.neardup import NUM_PERM, THRESHOLD, distinct_documents, jaccard, minhash, original_key, shingles
from storage.db import Archive
from storage.models import Document


@dataclass(frozen=True)
class DedupResult:
    documents: int
    linked: int


def link_reposts(archive: Archive, threshold: float = THRESHOLD) -> DedupResult:
    with archive.session() as session:
        rows = session.execute(select(Document.id, Document.url, Document.body, Document.index_no,
                                      Document.doc_no, Document.published_at, Document.first_seen)).all()
    docs = {r.id: {**r._asdict(), "grams": shingles(r.body)} for r in rows}
    lsh = MinHashLSH(threshold=threshold * 0.9, num_perm=NUM_PERM)  # a little below: exact check decides
    signatures = {}
    for doc_id, doc in docs.items():
        if doc["grams"]:
            signatures[doc_id] = minhash(doc["grams"])
            lsh.insert(doc_id, signatures[doc_id])
    # union-find over confirmed pairs
    parent = {doc_id: doc_id for doc_id in docs}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, sig in signatures.items():
        for other in lsh.query(sig):
            if other == doc_id or root(other) == root(doc_id):
                continue
            a, b = docs[doc_id], docs[other]
            if distinct_documents(a, b) or jaccard(a["grams"], b["grams"]) < threshold:
                continue
            parent[root(doc_id)] = root(other)
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
