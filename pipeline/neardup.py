"""Near-duplicate detection of reposts: MinHash-LSH over NFKC character 5-grams (datasketch),
confirmed by exact Jaccard similarity before anything is linked."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from datasketch import MinHash, MinHashLSH

from pipeline.dedup import normalized_body

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.8        # Jaccard similarity of shingle sets that makes a repost
MIN_CHARS = 50         # shorter bodies say too little to be judged
# Hosts of government originals; anything else is a repost site (aggregator, news portal).
GOVERNMENT_HOSTS = re.compile(r"(?:^|\.)gov\.cn$|(?:^|\.)(?:npc|court|spp|cppcc)\.gov\.cn$")


def shingles(body: str | None, *, is_normalized: bool = False) -> set[str]:
    text = (body or "") if is_normalized else normalized_body(body)
    if len(text) < MIN_CHARS:
        return set()
    return {text[i: i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def minhash(grams: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def distinct_documents(a: dict, b: dict) -> bool:
    """Template notices (交通管制通告, 行政处罚决定书 …) share most of their text yet are
    different documents: a different 索引号 or 发文字号 always keeps them apart."""
    return any(a.get(f) and b.get(f) and a[f] != b[f] for f in ("index_no", "doc_no"))


def is_government(url: str) -> bool:
    return bool(GOVERNMENT_HOSTS.search(urlsplit(url).hostname or ""))


def original_key(doc: dict):
    """Sort key: the original of a group of reposts comes first — the government's own page,
    then the earliest published, then the first archived."""
    return (not is_government(doc["url"]), doc.get("published_at") or "9999", doc["first_seen"], doc["id"])


class RepostIndex:
    """Documents seen so far, to find the near copies of each new one.

    Keeps each document's MinHash in an LSH index and its normalised text (shingles are
    rebuilt only for the few candidates the LSH returns, for the exact Jaccard check).
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # LSH tuned a little below the threshold: it proposes, the exact check decides
        self.lsh = MinHashLSH(threshold=threshold * 0.9, num_perm=NUM_PERM)
        self.texts: dict = {}
        self.fields: dict = {}

    def add(self, doc_id, body: str | None, fields: dict | None = None) -> list:
        """Index a document; return the ids of indexed documents it is a near copy of."""
        text = normalized_body(body)
        grams = shingles(text, is_normalized=True)
        if not grams:
            return []
        fields = fields or {}
        signature = minhash(grams)
        matches = [
            other for other in self.lsh.query(signature)
            if not distinct_documents(fields, self.fields[other])
            and jaccard(grams, shingles(self.texts[other], is_normalized=True)) >= self.threshold
        ]
        self.lsh.insert(doc_id, signature)
        self.texts[doc_id], self.fields[doc_id] = text, {k: fields.get(k) for k in ("index_no", "doc_no")}
        return matches
