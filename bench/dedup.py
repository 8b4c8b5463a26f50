"""Repost detection at archive scale: the production pass (`storage.dedup.link_reposts`, as
`scrapy dedup` and every crawl run it) over a real SQLite archive of synthetic documents, with
planted reposts and template notices that must stay apart.

    .venv/bin/python -m bench.dedup [--docs 100000] [--keep DIR]

Documents are built from the sentences of the real pages in the evaluation set (realistic
Chinese text): each has 6–14 random sentences and a serial number. 3% are planted reposts of an
earlier document on an aggregator (a source line and disclaimer added, now and then a sentence
dropped, punctuation in half width); 3% are template notices, alike but each with its own
发文字号. Each document is a pure function of its number, so the corpus is never held in memory:
peak memory is the whole process's. The baseline is computing the MinHash signatures alone, the
part any MinHash scheme pays.
"""
from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, insert, select

from pipeline.dedup import content_hash
from pipeline.neardup import jaccard, minhash, shingles
from storage.db import Archive
from storage.dedup import link_reposts
from storage.models import Document, RepostQueue
from tests.extraction_cases import real_cases

TEMPLATE = ("因{road}道路改造施工需要，根据《中华人民共和国道路交通安全法》第三十九条规定，决定对该路段实施交通管制。"
            "一、管制时间：2024年{m}月{d}日至2024年{m2}月{d}日。二、管制期间，禁止一切车辆通行，行人请绕行。"
            "三、请过往车辆和行人服从交通警察指挥。特此通告。示例市公安局交通警察支队")
ROADS = ["人民路", "解放路", "建设大道", "中山路", "朱镕基路"]
EPOCH = datetime(2020, 1, 1)


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    found = []
    for case in real_cases():
        for part in (case.body or "").replace("\n", "").split("。"):
            if 8 <= len(part) <= 200:
                found.append(part + "。")
    return tuple(found)


def kind(i: int) -> str:
    roll = random.Random(i * 2654435761 % 2**32).random()
    return "repost" if roll < 0.03 and i > 10 else "template" if roll < 0.06 else "plain"


def source_of(i: int) -> int:
    rng = random.Random(-i)
    j = rng.randrange(i)
    while kind(j) != "plain":
        j = rng.randrange(i)
    return j


def document(i: int) -> dict:
    """Document number i: the row as the archive stores it, plus the planted source if any."""
    rng = random.Random(i)
    published = EPOCH + timedelta(minutes=i)
    row = {"id": i + 1, "site": f"site{i % 50}", "url": f"http://www.site{i % 50}.gov.cn/zwgk/t{i}.html",
           "published_at": published.date().isoformat(), "first_seen": published, "last_seen": published,
           "doc_no": None, "source": None}
    if kind(i) == "repost":
        j = source_of(i)
        parts = document(j)["body"].split("。")
        if len(parts) > 10 and rng.random() < 0.5:
            parts.pop(rng.randrange(1, len(parts) - 1))
        body = "来源：某某政务网。" + "。".join(parts) + "免责声明：本文转自网络，仅供参考。"
        row |= {"site": "news", "url": f"http://www.news-portal.com/a/{i}.html",
                "body": body.replace("，", ",").replace("：", ":"), "source": j + 1}
    elif kind(i) == "template":
        row |= {"body": TEMPLATE.format(road=rng.choice(ROADS), m=rng.randint(1, 6), m2=rng.randint(7, 12),
                                        d=rng.randint(1, 28)),
                "doc_no": f"示公交管〔2024〕{i}号"}
    else:
        row["body"] = "".join(rng.sample(sentences(), rng.randint(6, 14))) + f"（编号{i}）"
    return row


def fill(archive: Archive, start: int, stop: int) -> None:
    for chunk in range(start, stop, 5000):
        rows = [document(i) for i in range(chunk, min(chunk + 5000, stop))]
        for row in rows:
            row["content_hash"] = content_hash(row["body"])
        with archive.session() as session:  # bulk rows, queued as store_document's flush would
            session.execute(insert(Document), [{k: v for k, v in r.items() if k != "source"} for r in rows])
            session.execute(insert(RepostQueue), [{"document_id": r["id"]} for r in rows])


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--keep", help="build the archive in this folder and leave it there")
    args = parser.parse_args()
    n = args.docs
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-dedup-"))
    folder.mkdir(parents=True, exist_ok=True)

    sample = [document(i)["body"] for i in range(min(5000, n))]
    start = time.perf_counter()
    for body in sample:
        minhash(shingles(body))
    baseline = (time.perf_counter() - start) / len(sample)
    del sample

    archive = Archive(f"sqlite:///{folder / 'archive.sqlite3'}")
    start = time.perf_counter()
    fill(archive, 0, n)
    print(f"archive of {n} documents built in {time.perf_counter() - start:.0f} s ({folder})", flush=True)
    before = peak_mb()
    start = time.perf_counter()
    result = link_reposts(archive)
    per_doc = (time.perf_counter() - start) / n
    peak = peak_mb()

    # the daily case: a crawl added 1,000 documents to the archive of n
    fill(archive, n, n + 1000)
    start = time.perf_counter()
    link_reposts(archive)
    incremental = (time.perf_counter() - start) / 1000
    start = time.perf_counter()
    link_reposts(archive)
    empty_pass = time.perf_counter() - start

    with archive.session() as session:
        links = dict(session.execute(select(Document.id, Document.duplicate_of_id)
                                     .where(Document.duplicate_of_id.is_not(None))).all())
        total = session.scalar(select(func.count()).select_from(Document))
    planted = {d["id"]: d["source"] for d in map(document, range(n + 1000)) if d["source"]}
    templates = {i + 1 for i in range(n + 1000) if kind(i) == "template"}
    true_pos = sum(1 for doc, source in planted.items() if links.get(doc) == source)
    correct = sum(1 for doc, target in links.items() if planted.get(doc) == target)
    sample_pairs = list(planted.items())[:2000]
    pairs = sorted(jaccard(shingles(document(i - 1)["body"]), shingles(document(j - 1)["body"])) for i, j in sample_pairs)
    size_mb = (folder / "archive.sqlite3").stat().st_size / 2**20
    print(f"{total} documents, {len(planted)} planted reposts, {len(templates)} template notices; "
          f"archive file {size_mb:.0f} MB")
    print(f"planted pairs' Jaccard: min {pairs[0]:.2f}, p10 {pairs[len(pairs) // 10]:.2f}, median {pairs[len(pairs) // 2]:.2f}")
    print(f"MinHash alone (baseline)       : {baseline * 1000:6.3f} ms/doc")
    print(f"index + lookup, whole archive  : {per_doc * 1000:6.3f} ms/doc = {per_doc / baseline:.2f}x the baseline"
          f" (goal ≤ 2 ms at 1M); {result.indexed} indexed")
    print(f"index + lookup, 1,000 new docs : {incremental * 1000:6.3f} ms/doc = {incremental / baseline:.2f}x the baseline")
    print(f"a pass with nothing new        : {empty_pass:6.2f} s")
    print(f"peak memory of the process     : {peak:8.1f} MB ({before:.1f} MB before the pass; goal ≤ 1 GB at 1M)")
    print(f"recall    {true_pos / max(len(planted), 1):.4f}  (goal ≥ 0.95)")
    print(f"precision {correct / max(len(links), 1):.4f}  (goal ≥ 0.99); "
          f"template notices linked: {len(templates & links.keys())}")


if __name__ == "__main__":
    main()
