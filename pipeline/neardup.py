"""Near-duplicate detection of reposts: MinHash-LSH over NFKC character 5-grams (datasketch
MinHash), confirmed by exact Jaccard similarity before anything is linked.

Pure functions; the index itself (band keys per document) is kept by storage.dedup in the
archive, so it neither lives in memory nor has to be rebuilt for each crawl.
"""
from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import mmh3

if TYPE_CHECKING:
    from datasketch import MinHash

from pipeline.dedup import normalized_body

SHINGLE = 5
NUM_PERM = 128
# The band keys are stored in the archive: hash, scheme and permutations must never drift, or
# `scrapy dedup --rebuild` is needed (datasketch is pinned to the 2.x line for this reason).
SCHEME = "affine32"
THRESHOLD = 0.8        # Jaccard similarity of shingle sets that makes a repost
MIN_CHARS = 50         # shorter bodies say too little to be judged
# Longer bodies are compared on their first this many (normalised) characters: the shingle set
# costs ~150 bytes a character, and a 10 MB page took the crawl to 4 GB. Far beyond any
# document's distinguishing text; changing it needs `scrapy dedup --rebuild` (band keys).
MAX_CHARS = 200_000
_BATCH = 8192          # shingles hashed at once: datasketch makes a NUM_PERM × batch matrix
# LSH bands × rows per band: what datasketch's MinHashLSH picks for 128 permutations at a
# threshold of 0.72 (a little below THRESHOLD: the LSH proposes, the exact check decides).
BANDS, ROWS = 12, 10
LSH_THRESHOLD = THRESHOLD * 0.9
# Hosts of government originals; anything else is a repost site (aggregator, news portal).
GOVERNMENT_HOSTS = re.compile(r"(?:^|\.)gov\.cn$|(?:^|\.)(?:npc|court|spp|cppcc)\.gov\.cn$")
DOCUMENT_NUMBERS = ("index_no", "doc_no")


def shingles(body: str | None, *, is_normalized: bool = False) -> set[str]:
    text = ((body or "") if is_normalized else normalized_body(body))[:MAX_CHARS]
    if len(text) < MIN_CHARS:
        return set()
    return {text[i: i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def minhash(grams: set[str]) -> MinHash:
    # MurmurHash3 instead of datasketch's default SHA-1: a fine hash for MinHash at half the
    # cost; the permutations are drawn once (MinHash draws them per instance otherwise).
    from datasketch import MinHash  # (its package imports scipy and redis: a second at every
    # process start, where only a new document's body needs it)

    m = MinHash(num_perm=NUM_PERM, hashfunc=mmh3.mmh3_32_uintdigest,
                permutations=_permutations(), scheme=SCHEME)
    grams = list(grams)
    for start in range(0, len(grams), _BATCH):  # the same minimum as one batch, in bounded memory
        m.update_batch([g.encode("utf-8") for g in grams[start:start + _BATCH]])
    return m


@cache
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def band_keys(signature: MinHash) -> list[int]:
    """One signed 64-bit key per LSH band (fits a BIGINT column): documents sharing any key are
    candidate near copies. The band number is hashed in, so equal rows in different bands differ."""
    values = signature.hashvalues
    return [
        int.from_bytes(hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8,
                                       salt=b.to_bytes(2, "little")).digest(), "little", signed=True)
        for b in range(BANDS)
    ]


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def distinct_documents(a, b) -> bool:
    """Template notices (交通管制通告, 行政处罚决定书 …) share most of their text yet are
    different documents: a different 索引号 or 发文字号 always keeps them apart, and so do
    different titles on one site (a site does not repost itself; it publishes a series)."""
    if any(a.get(f) and b.get(f) and a[f] != b[f] for f in DOCUMENT_NUMBERS):
        return True
    return (bool(a.get("site")) and a.get("site") == b.get("site") and bool(a.get("title")) and bool(b.get("title"))
            and normalized_body(a["title"]) != normalized_body(b["title"]))


def is_government(url: str) -> bool:
    return bool(GOVERNMENT_HOSTS.search(urlsplit(url).hostname or ""))


def original_key(doc):
    """Sort key: the original of a group of reposts comes first — the government's own page,
    then the earliest published, then the first archived."""
    return (not is_government(doc["url"]), doc.get("published_at") or "9999", doc["first_seen"], doc["id"])
