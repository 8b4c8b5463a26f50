"""Near-duplicate index at scale: insert + lookup per document, peak memory, and precision and
recall of planted reposts, with template notices that must stay apart.

    .venv/bin/python -m bench.dedup [--docs 100000]

Documents are built from the sentences of the real pages in the evaluation set (realistic
Chinese text): each has 6–14 random sentences and a serial number. 3% are planted reposts of an
earlier document (a disclaimer added, one sentence dropped, a few characters changed); 3% are
template notices, alike but each with its own 发文字号. The planted pairs' true Jaccard
distribution is printed with the result. The baseline is computing the MinHash
signatures alone, the part any MinHash scheme pays.
"""
from __future__ import annotations

import argparse
import random
import resource
import time

from pipeline.neardup import RepostIndex, jaccard, minhash, shingles
from tests.extraction_cases import real_cases

TEMPLATE = ("因{road}道路改造施工需要，根据《中华人民共和国道路交通安全法》第三十九条规定，决定对该路段实施交通管制。"
            "一、管制时间：2024年{m}月{d}日至2024年{m2}月{d}日。二、管制期间，禁止一切车辆通行，行人请绕行。"
            "三、请过往车辆和行人服从交通警察指挥。特此通告。示例市公安局交通警察支队")


def sentences() -> list[str]:
    found = []
    for case in real_cases():
        for part in (case.body or "").replace("\n", "").split("。"):
            if 8 <= len(part) <= 200:
                found.append(part + "。")
    return found


def corpus(n: int, rng: random.Random):
    """(id, body, fields, source id of a planted repost or None, is_template)."""
    pool = sentences()
    docs = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.03 and i > 10:
            j = rng.randrange(i)
            while docs[j][4] or docs[j][3] is not None:
                j = rng.randrange(i)
            # as aggregators repost: a source line and disclaimer added, now and then a
            # sentence dropped from a long text, punctuation in half width
            parts = docs[j][1].split("。")
            if len(parts) > 10 and rng.random() < 0.5:
                parts.pop(rng.randrange(1, len(parts) - 1))
            body = "来源：某某政务网。" + "。".join(parts) + "免责声明：本文转自网络，仅供参考。"
            body = body.replace("，", ",").replace("：", ":")
            docs.append((i, body, {}, j, False))
        elif roll < 0.06:
            body = TEMPLATE.format(road=rng.choice(["人民路", "解放路", "建设大道", "中山路", "朱镕基路"]),
                                   m=rng.randint(1, 6), m2=rng.randint(7, 12), d=rng.randint(1, 28))
            docs.append((i, body, {"doc_no": f"示公交管〔2024〕{i}号"}, None, True))
        else:
            body = "".join(rng.sample(pool, rng.randint(6, 14))) + f"（编号{i}）"
            docs.append((i, body, {}, None, False))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    docs = corpus(args.docs, random.Random(7))
    sample = docs[: min(5000, len(docs))]
    start = time.perf_counter()
    for _, body, _, _, _ in sample:
        minhash(shingles(body))
    baseline = (time.perf_counter() - start) / len(sample)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    index = RepostIndex()
    found: dict[int, list[int]] = {}
    start = time.perf_counter()
    for doc_id, body, fields, _, _ in docs:
        found[doc_id] = index.add(doc_id, body, fields)
    per_doc = (time.perf_counter() - start) / len(docs)
    peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024

    planted = {d[0]: d[3] for d in docs if d[3] is not None}
    true_pos = sum(1 for doc_id, source in planted.items() if source in found[doc_id])
    linked = sum(len(v) for v in found.values())
    correct = sum(1 for doc_id, matches in found.items() for m in matches
                  if planted.get(doc_id) == m or planted.get(m) == doc_id
                  or (doc_id in planted and planted.get(m) == planted[doc_id]))
    templates_linked = sum(1 for doc_id, matches in found.items() if matches and docs[doc_id][4])
    pairs = sorted(jaccard(shingles(docs[i][1]), shingles(docs[j][1])) for i, j in planted.items())
    print(f"{len(docs)} documents, {len(planted)} planted reposts, {sum(d[4] for d in docs)} template notices")
    print(f"planted pairs' Jaccard: min {pairs[0]:.2f}, p10 {pairs[len(pairs) // 10]:.2f}, median {pairs[len(pairs) // 2]:.2f}")
    print(f"MinHash alone (baseline) : {baseline * 1000:6.3f} ms/doc")
    print(f"insert + lookup          : {per_doc * 1000:6.3f} ms/doc = {per_doc / baseline:.2f}x the baseline (goal ≤ 2 ms at 1M)")
    print(f"peak memory of the index : {peak_mb:8.1f} MB (goal ≤ 1 GB at 1M)")
    print(f"recall    {true_pos / max(len(planted), 1):.4f}  (goal ≥ 0.95)")
    print(f"precision {correct / max(linked, 1):.4f}  (goal ≥ 0.99); template notices linked: {templates_linked}")


if __name__ == "__main__":
    main()
