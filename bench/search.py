"""Full-text search at archive scale: `storage.search` (as `scrapy search` and the web app call
it) over an archive of synthetic documents of realistic Chinese text.

    .venv/bin/python -m bench.search [--docs 1000000] [--queries 300] [--db URL] [--keep DIR [--rebuild]]

Documents are built from the real pages in the evaluation set: bodies of 150–450 words walked
along the pages' own word sequences (each word followed by one that follows it there: their
vocabulary and frequencies, not the same sentences over and over), titles three in ten real (the
year changed) and the rest 发文机关 + 关于 + a phrase of the text + 的通知/通告/…, 发文机关 from the
pages, a 文号 for two in five (a real prefix, a year and a number). Each batch of documents is a
pure function of where it starts.
They are inserted with plain INSERTs, then `storage.search.rebuild` indexes them all (the build
rate); the size is the pages of the index's own tables (FTS5's; the tsvector table with its B-tree
and GIN indexes). `--keep DIR` keeps the SQLite archive, and a later run with the same --docs searches it
again instead of building it (with --db, that database's documents); `--rebuild` indexes a kept
archive again, timed.

Queries mix the ways people search: a document's exact 文号, one or two words of a title, a
phrase of 4–8 characters from a text, a 发文机关. Latency is per `search()` call (ten hits with
snippets, in a fresh transaction), p50/p95/p99 overall and by kind. Baselines measured in the same run on the same queries: the
bare index lookup (the FTS5 MATCH / tsvector @@ alone, ten ids) and, on a sample, a LIKE '%q%'
scan of title and body — what an archive without an index would do.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import numpy as np
from sqlalchemy import insert, text

from storage.db import Archive
from storage.models import Document
from storage.search import INDEX, _fts_expression, _tsquery, query_words, rebuild, search
from tests.extraction_cases import real_cases

BATCH = 5000
LIKE_SAMPLE = 20  # queries the LIKE scan baseline runs (it reads every document)


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The real pages' words and what follows each (a first-order chain, as arrays: text with
    their words, frequencies and usual sequences, yet not the same sentences over and over),
    their titles, publishers and 文号 prefixes."""
    from storage.search import _jieba

    ids: dict[str, int] = {}
    follows: list[list[int]] = []
    titles, publishers, prefixes = set(), set(), set()
    for case in real_cases():
        words = [ids.setdefault(w, len(ids)) for w in _jieba().cut((case.body or "").replace("\n", ""), HMM=False)]
        follows.extend([] for _ in range(len(ids) - len(follows)))
        for word, after in zip(words, words[1:]):
            follows[word].append(after)
        fields = case.fields
        if fields.get("title"):
            titles.add(fields["title"])
        if fields.get("publisher"):
            publishers.add(fields["publisher"])
        if fields.get("doc_no") and (m := re.match(r"(.+?)〔", fields["doc_no"])):
            prefixes.add(m.group(1))
    counts = np.array([len(f) for f in follows])
    return {"words": np.array(list(ids), dtype=object), "counts": counts,
            "offsets": np.concatenate(([0], np.cumsum(counts)[:-1])), "follows": np.array([a for f in follows for a in f]),
            "starts": np.array(follows[ids["。"]]), "titles": sorted(titles), "publishers": sorted(publishers),
            "prefixes": sorted(prefixes)}


def documents(start: int, count: int) -> list[dict]:
    """Documents start … start + count - 1 (a pure function of `start`): bodies of 150–450
    words walked along the chain, all at once."""
    v = vocabulary()
    rng = np.random.default_rng(start)
    lengths = rng.integers(150, 450, count)
    walk = np.empty((count, lengths.max()), dtype=np.int64)
    word = rng.choice(v["starts"], count)
    for step in range(walk.shape[1]):
        walk[:, step] = word
        n = v["counts"][word]
        pick = v["offsets"][word] + (rng.random(count) * np.maximum(n, 1)).astype(np.int64)
        word = np.where(n > 0, v["follows"][np.minimum(pick, len(v["follows"]) - 1)], rng.choice(v["starts"], count))
    years = rng.integers(2010, 2027, count)
    out = []
    for k in range(count):
        i, year = start + k, int(years[k])
        r = random.Random(i)
        publisher = r.choice(v["publishers"])
        if r.random() < 0.3:  # a real title, another year
            title = re.sub(r"20\d\d", str(year), r.choice(v["titles"]))
        else:  # 发文机关 + 关于 + a phrase of its own text + 的通知 …
            at = r.randrange(0, 100)
            phrase = "".join(v["words"][walk[k, at:at + r.randrange(3, 9)]]).strip("，。、；：")[:30]
            title = f"{publisher}关于{phrase}的{r.choice(('通知', '通告', '公告', '批复', '意见', '答复', '函'))}"
        out.append({"id": i + 1, "site": f"site{i % 50}", "url": f"http://www.site{i % 50}.gov.cn/zwgk/t{i}.html",
                    "title": title, "publisher": publisher,
                    "doc_no": f"{r.choice(v['prefixes'])}〔{year}〕{r.randrange(1, 500)}号" if r.random() < 0.4 else None,
                    "index_no": f"{i % 97:05d}-{year}-{i:08d}" if r.random() < 0.3 else None,
                    "published_at": f"{year}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}",
                    "body": "".join(v["words"][walk[k, :lengths[k]]]), "content_hash": f"{i:064x}", "status": "live"})
    return out


def queries(docs: int, count: int) -> list[str]:
    """Queries taken from documents of a few batches spread over the archive."""
    from storage.search import _jieba

    rng = random.Random(20240612)
    batches = sorted(rng.sample(range(0, docs, BATCH), min(4, -(-docs // BATCH))))
    pool = [doc for start in batches for doc in documents(start, min(BATCH, docs - start))]
    out: list[str] = []
    while len(out) < count:
        doc = rng.choice(pool)
        kind = len(out) % 4
        if kind == 0:
            out.append(doc["doc_no"] or doc["publisher"])
        elif kind == 1:
            words = [w for w in _jieba().cut(doc["title"], HMM=False) if 2 <= len(w) <= 4]
            out.append(" ".join(rng.sample(words, min(len(words), rng.choice((1, 2))))) if words else doc["publisher"])
        elif kind == 2:
            runs = [r for r in re.findall(r"[\u4e00-\u9fff]{8,}", doc["body"])] or [doc["publisher"]]
            run = rng.choice(runs)
            n = min(rng.randrange(4, 9), len(run))
            start = rng.randrange(len(run) - n + 1)
            out.append(run[start:start + n])
        else:
            out.append(doc["publisher"])
    return out


def fill(archive: Archive, docs: int) -> float:
    started = time.perf_counter()
    table = Document.__table__
    for start in range(0, docs, BATCH):
        # Core INSERTs skip the sessions' hooks: the index is built afterwards, by rebuild()
        with archive.engine.begin() as connection:
            connection.execute(insert(table), documents(start, min(BATCH, docs - start)))
        print(f"\r  inserted {min(start + BATCH, docs):,}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return time.perf_counter() - started


def database_size(archive: Archive) -> int:
    with archive.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            return connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
        # pages in use: what merging the index's segments freed is not its size
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar() - \
            connection.exec_driver_sql("PRAGMA freelist_count").scalar()
        return pages * connection.exec_driver_sql("PRAGMA page_size").scalar()


def index_size(archive: Archive) -> int:
    """Bytes the search index takes: FTS5's tables' pages, the tsvector table and its indexes."""
    with archive.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            return connection.execute(text(f"SELECT pg_total_relation_size('{INDEX}')")).scalar()
        return connection.exec_driver_sql(f"SELECT sum(pgsize) FROM dbstat WHERE name LIKE '{INDEX}%'").scalar()


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bare_lookup(archive: Archive, query: str) -> None:
    """The index alone: ten matching ids, no tiers, no filters, no snippets."""
    words = query_words(query)
    with archive.session() as session:
        if session.connection().dialect.name == "postgresql":
            session.execute(text(f"SELECT document_id FROM {INDEX} WHERE terms @@ CAST(:q AS tsquery) LIMIT 10"),
                            {"q": _tsquery(words)}).all()
        else:
            session.execute(text(f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH :q LIMIT 10"),
                            {"q": _fts_expression(words)}).all()


def like_scan(archive: Archive, query: str) -> None:
    with archive.session() as session:
        # every document read: what ranking the matches takes without an index
        session.execute(text("SELECT id, published_at FROM documents WHERE title LIKE :q OR body LIKE :q"),
                        {"q": f"%{query}%"}).all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", help="SQLAlchemy URL of an empty database (default: a new SQLite file)")
    parser.add_argument("--keep", help="folder for the SQLite archive, kept afterwards; an archive of --docs "
                        "documents kept there before is searched again, not built again")
    parser.add_argument("--rebuild", action="store_true", help="with a kept archive: build its index again, timed")
    args = parser.parse_args()

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-search-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite:///{folder / 'archive.sqlite3'}"
    archive = Archive(url)
    with archive.engine.connect() as connection:
        present = connection.execute(text("SELECT count(*) FROM documents")).scalar()
    reuse = present == args.docs and args.keep  # the archive a --keep run left: measure queries again
    fill_seconds = build_seconds = float("nan")
    if reuse:
        print(f"reusing the {present:,} documents in {url}", file=sys.stderr)
    else:
        print(f"filling {args.docs:,} documents into {url}", file=sys.stderr)
        fill_seconds = fill(archive, args.docs)
    if not reuse or args.rebuild:
        started = time.perf_counter()
        rebuild(archive)
        build_seconds = time.perf_counter() - started
        if archive.engine.dialect.name == "sqlite":
            with archive.engine.begin() as connection:  # one segment, as a long-lived index ends up
                connection.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES ('optimize')")
    index_bytes = index_size(archive)
    before = database_size(archive) - index_bytes

    asked = queries(args.docs, args.queries)
    search_ms, bare_ms, found = [], [], 0
    kinds = ["文号", "title words", "phrase", "发文机关"]
    for query in asked:
        def run():
            nonlocal found
            with archive.session() as session:
                found += bool(search(session, query))
        bare_lookup(archive, query)  # warm both paths alike
        search_ms.append(timed(run))
        bare_ms.append(timed(lambda: bare_lookup(archive, query)))
    like_ms = [timed(lambda: like_scan(archive, q)) for q in asked[:LIKE_SAMPLE]]
    archive.dispose()

    p50, p95 = percentile(search_ms, 50), percentile(search_ms, 95)
    for k, kind in enumerate(kinds):
        mine = search_ms[k::4]
        slowest = max(range(k, len(asked), 4), key=lambda i: search_ms[i])
        print(f"  {kind}: p50 {percentile(mine, 50):.1f} ms, p95 {percentile(mine, 95):.1f} ms, "
              f"p99 {percentile(mine, 99):.1f} ms, slowest {asked[slowest]!r} {search_ms[slowest]:.0f} ms")
    print(f"documents: {args.docs:,} ({archive.engine.dialect.name}); text {before / args.docs:,.0f} bytes per "
          f"document" + ("" if reuse else f" (inserted in {fill_seconds:.0f} s)"))
    print((f"index build: {args.docs / build_seconds:,.0f} documents/s ({build_seconds:.1f} s); " if build_seconds == build_seconds
           else "index build: not timed (a kept index); ") +
          f"index size {index_bytes / 2**20:,.0f} MiB = {index_bytes / before:.2f} x the archive without it")
    print(f"search(): {len(asked)} queries, {found} with hits; p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"p99 {percentile(search_ms, 99):.1f} ms, max {max(search_ms):.1f} ms "
          f"(target p95 <= 50 ms: {'met' if p95 <= 50 else 'NOT met'})")
    print(f"baseline bare index lookup: p50 {percentile(bare_ms, 50):.1f} ms, p95 {percentile(bare_ms, 95):.1f} ms; "
          f"search() / bare p95 = {p95 / max(percentile(bare_ms, 95), 1e-6):.1f}x")
    print(f"baseline LIKE '%q%' scan of every document ({len(like_ms)} queries): p50 {percentile(like_ms, 50):.0f} ms; "
          f"LIKE p50 / search() p50 = {percentile(like_ms, 50) / max(p50, 1e-6):.1f}x")
    print("reproduce: .venv/bin/python -m bench.search " + " ".join(
        a for a in (f"--docs {args.docs}", f"--queries {args.queries}", f"--db {args.db}" if args.db else "") if a))
    if not args.keep and not args.db:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
