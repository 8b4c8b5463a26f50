"""Linking reposts across the archive (`scrapy dedup`, and after every crawl): each document
whose text is a near copy of another's points at the original through duplicate_of. Both stay
in the archive.

Incremental: the LSH band keys of every indexed document are rows of repost_bands, and every
flush that gives a document new text queues it (repost_queue), so a pass reads only the queue,
one chunk per transaction (a pass killed midway resumes where it stopped). Memory stays flat
whatever the archive's size; candidate texts are read back from the documents table for the
exact check.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from pipeline.neardup import BANDS, THRESHOLD, band_keys, distinct_documents, jaccard, minhash, original_key, shingles
from storage.models import Document, RepostBand, RepostQueue

if TYPE_CHECKING:
    from storage.db import Archive

CHUNK = 1000
# A band key shared by this many documents stops taking more: that is a template family (or a
# text reposted everywhere), and the documents already in it stand for the rest. Keeps every
# lookup bounded however large such a family grows.
BUCKET_CAP = 64
CHECK = 8  # candidates (most shared bands first) whose text is read for the exact check
# what tells documents apart (distinct_documents)
IDENTITY_FIELDS = (Document.index_no, Document.doc_no, Document.site, Document.title)
# what a document says: its full text (body + attachment texts of a cover note), else its body
TEXT = func.coalesce(Document.full_text, Document.body).label("body")
GROUP_FIELDS = (Document.id, Document.url, *IDENTITY_FIELDS, Document.published_at, Document.first_seen,
                Document.duplicate_of_id)


@dataclass(frozen=True)
class DedupResult:
    indexed: int   # documents (re)indexed by this pass
    matched: int   # of those, how many were found to copy (or be copied by) one already indexed
    linked: int    # documents in the archive that point at an original


def link_reposts(archive: Archive, *, rebuild: bool = False, chunk: int = CHUNK,
                 progress: Callable[[int], None] | None = None) -> DedupResult:
    """Index the queued documents (every document with rebuild) and link their reposts."""
    if rebuild:
        with archive.session() as session:
            session.execute(delete(RepostBand))
            session.execute(delete(RepostQueue))
            session.execute(update(Document).values(duplicate_of_id=None))
            session.execute(insert(RepostQueue).from_select(["document_id"], select(Document.id)))
    indexed = matched = 0
    candidates = CandidateShingles()
    while True:
        with archive.session() as session:
            db = session.connection()  # Core statements: the ORM layer would double the cost per row
            # driven by the queue's own key: documents scanned in id order would walk every
            # indexed one first, on each chunk
            rows = db.execute(select(Document.id, TEXT, Document.content_hash, *IDENTITY_FIELDS)
                              .select_from(RepostQueue).join(Document, RepostQueue.document_id == Document.id)
                              .order_by(RepostQueue.document_id).limit(chunk)).all()
            matched += sum(_index(db, row, candidates) for row in rows)
        if not rows:
            break
        indexed += len(rows)
        if progress:
            progress(len(rows))
    with archive.session() as session:
        linked = session.scalar(select(func.count()).where(Document.duplicate_of_id.is_not(None)))
    return DedupResult(indexed, matched, linked)


def pending(archive: Archive) -> int:
    """How many documents the next pass will (re)index."""
    with archive.session() as session:
        return session.scalar(select(func.count()).select_from(RepostQueue))


class CandidateShingles:
    """The shingle sets of the candidate texts one pass has read. The candidates of a text
    reposted on many sites are the same few documents (those a band key took first) for every
    copy: shingled once a pass, not once a copy. Bounded by characters (a set costs ~150 bytes
    a character); a text read again is used only if it is still the same."""

    MAX_CHARS = 100_000

    def __init__(self) -> None:
        self.sets: dict[int, tuple[str | None, set[str]]] = {}
        self.chars = 0

    def of(self, doc_id: int, text: str | None) -> set[str]:
        held = self.sets.get(doc_id)
        if held is not None and held[0] == text:
            return held[1]
        grams = shingles(text)
        if held is not None:
            self.chars -= len(held[0] or "")
        if self.chars + len(text or "") > self.MAX_CHARS:
            self.sets.clear()
            self.chars = 0
        self.sets[doc_id] = (text, grams)
        self.chars += len(text or "")
        return grams


def _index(db: Connection, row, candidates: CandidateShingles) -> bool:
    db.execute(delete(RepostQueue).where(RepostQueue.document_id == row.id))
    # indexed before: its text changed, so its bands go and its own link is decided again
    if db.execute(delete(RepostBand).where(RepostBand.document_id == row.id)).rowcount:
        db.execute(update(Document).where(Document.id == row.id).values(duplicate_of_id=None))
    grams, best = shingles(row.body), None
    if grams:
        keys = set(band_keys(minhash(grams)))
        # candidates: indexed documents with the same text, then those sharing most LSH bands
        same_text = db.scalars(select(Document.id)
                               .where(Document.content_hash == row.content_hash, Document.id != row.id,
                                      ~exists().where(RepostQueue.document_id == Document.id))
                               .limit(BUCKET_CAP)).all()
        buckets = db.execute(select(RepostBand.band_key, RepostBand.document_id)
                             .where(RepostBand.band_key.in_(keys))).all()
        shared = Counter(doc_id for _, doc_id in buckets)
        shared.update({doc_id: BANDS for doc_id in same_text})
        best = _best_match(db, row, grams, shared, candidates)
        if best is not None:
            _join_group(db, row.id, best)
        full = {key for key, size in Counter(key for key, _ in buckets).items() if size >= BUCKET_CAP}
        if keys - full:
            db.execute(insert(RepostBand.__table__), [{"band_key": k, "document_id": row.id} for k in keys - full])
    return best is not None


def _best_match(db: Connection, row, grams: set[str], shared: Counter, candidates: CandidateShingles) -> int | None:
    """The candidate most like this document at exact Jaccard ≥ THRESHOLD, or None. Candidates
    it is told apart from (索引号, 发文字号, a title on the same site) are dropped before any
    text is read."""
    if not shared:
        return None
    mine = row._mapping
    identities = db.execute(select(Document.id, *IDENTITY_FIELDS).where(Document.id.in_(list(shared)))).all()
    allowed = [n.id for n in identities if not distinct_documents(mine, n._mapping)]
    ranked = sorted(allowed, key=lambda doc_id: (-shared[doc_id], doc_id))[:CHECK]
    if not ranked:
        return None
    bodies = db.execute(select(Document.id, TEXT).where(Document.id.in_(ranked))).all()
    scored = [(jaccard(grams, candidates.of(b.id, b.body)), -b.id) for b in bodies]
    similarity, neg_id = max(scored)
    return -neg_id if similarity >= THRESHOLD else None


def _join_group(db: Connection, doc_id: int, match: int) -> None:
    """The new document joins the group of the document it copies; the group points at its
    original (gov page first, then earliest)."""
    root = db.scalar(select(func.coalesce(Document.duplicate_of_id, Document.id)).where(Document.id == match))
    pair = {m.id: dict(m._mapping) for m in db.execute(select(*GROUP_FIELDS).where(Document.id.in_([root, doc_id])))}
    original, doc = pair[root], pair[doc_id]
    if original["duplicate_of_id"] is None and original_key(original) < original_key(doc):
        # The group keeps its original (each join leaves the first member by original_key at
        # the root), so every other member's link stands: only the new one's is decided. A
        # text reposted on every site makes a group of thousands, read whole on each join else.
        target = None if distinct_documents(doc, original) else root
        if target != doc["duplicate_of_id"]:
            db.execute(update(Document).where(Document.id == doc_id).values(duplicate_of_id=target))
        return
    roots = {root}
    members = [dict(m._mapping) for m in db.execute(
        select(*GROUP_FIELDS).where(or_(Document.id.in_(roots | {doc_id}), Document.duplicate_of_id.in_(roots))))]
    members.sort(key=original_key)
    original = members[0]
    for doc in members:
        # a member whose 索引号/发文字号 differs from the original's stays its own document
        target = None if doc is original or distinct_documents(doc, original) else original["id"]
        if target != doc["duplicate_of_id"]:
            db.execute(update(Document).where(Document.id == doc["id"]).values(duplicate_of_id=target))
