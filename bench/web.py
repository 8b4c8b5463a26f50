"""Page times of the read-only web app (`python -m web`) on an archive of 100k documents.

    .venv/bin/python -m bench.web [--docs 100000] [--requests 40] [--keep DIR] [--db URL]

Builds a real SQLite archive in bulk (alembic schema, synthetic rows: the documents of
bench.dedup — realistic Chinese text from the labelled real pages, 3% reposts — with titles,
publishers, columns, URLs, versions, a gone document in a hundred, 50 sites of 20 runs each,
captures in a real WARC), serves it with `python -m web` on 127.0.0.1 and times each page over
one kept-alive HTTP connection: p95 of --requests requests after a warm-up, and as a ratio to
the trivial page /ping, the baseline measured in the same run. The goal is every page ≤ 200 ms.
`--db URL`: the archive in that (empty) database instead of a new SQLite file — PostgreSQL.
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import insert, text

from bench.dedup import EPOCH, document
from pipeline.dedup import content_hash
from storage.captures import WarcStore
from storage.db import Archive
from storage.models import Capture, CrawlRun, Document, DocumentUrl, DocumentVersion
from tests.sitekit import CORPUS

ROOT = Path(__file__).resolve().parent.parent
SITES = 50
RUNS_PER_SITE = 20
GOAL_MS = 200
DEPARTMENTS = ["交通运输局", "公安局", "财政局", "教育局", "卫生健康委员会", "生态环境局", "住房和城乡建设局",
               "自然资源和规划局", "市场监督管理局", "人力资源和社会保障局", "农业农村局", "应急管理局"]
COLUMNS = ["计划总结", "政策文件", "通知公告", "规划信息", "财政预决算", "人事信息", "行政执法", "建议提案办理"]
CAPTURE_PAGES = ["fujian-pingtan_trs-trt_detail_1.html", "fujian-pingtan_trs-trt_detail_2.html",
                 "shanxi_trs_detail_1.html", "zhejiang-fgw_hanweb_detail_1.html"]
LIST_PAGE = "jiangxi-sthjt_ucap_list_1.html"


def rows(i: int, captures: list[int]) -> tuple[dict, dict, dict]:
    """Document i (bench.dedup's, dressed as the crawler stores one), its URL and its version."""
    row = document(i)
    source = row.pop("source")
    rng = random.Random(i)
    row |= {
        "title": row["body"][:rng.randint(12, 30)].rstrip("。，"),
        "publisher": f"示例市{DEPARTMENTS[i % len(DEPARTMENTS)]}",
        "column": f"首页 > 政府信息公开 > {COLUMNS[(i // 7) % len(COLUMNS)]}",
        "index_no": f"11350100MB{i % 50:04d}/{2020 + i % 5}-{i:06d}",
        "content_hash": content_hash(row["body"]),
        "status": "gone" if i % 100 == 99 else "live",
        "duplicate_of_id": source,
    }
    if row["status"] == "gone":
        row["gone_at"] = row["last_seen"] + timedelta(days=30)
    record = {k: row.get(k) for k in ("title", "index_no", "publisher", "doc_no", "published_at", "column", "body")}
    record |= {"url": row["url"], "attachments": [], "breadcrumb": row["column"].split(" > "), "meta": {},
               "list_fields": {"title": row["title"]}, "edges": []}
    version = {"document_id": row["id"], "capture_id": captures[i % len(captures)], "url": row["url"],
               "record_hash": row["content_hash"], "record": record, "fetched_at": row["first_seen"]}
    url = {"document_id": row["id"], "url": row["url"], "first_seen": row["first_seen"]}
    return row, url, version


def build(folder: Path, n: int, url: str | None = None) -> tuple[str, Path]:
    data = folder / "data"
    url = url or f"sqlite:///{data / 'archive.sqlite3'}"
    archive = Archive(url)
    warc = WarcStore(data / "warc")
    captures = []
    with archive.session() as session:
        for number, name in enumerate(CAPTURE_PAGES * 25):  # 100 document captures in a real WARC
            page_url = f"http://www.site{number % SITES}.gov.cn/zwgk/capture{number}.html"
            ref = warc.write(page_url, status=200, headers=[("Content-Type", "text/html; charset=utf-8")],
                             body=(CORPUS / name).read_bytes())
            captures.append(Capture(site=f"site{number % SITES}", url=page_url, status=200,
                                    content_type="text/html; charset=utf-8", warc_file=ref.warc_file,
                                    offset=ref.offset, length=ref.length, payload_digest=ref.payload_digest))
        for s in range(SITES):  # each site's column page, which the sites page reads the family of
            column_url = f"http://www.site{s}.gov.cn/zwgk/col/index.html"
            ref = warc.write(column_url, status=200, headers=[("Content-Type", "text/html; charset=utf-8")],
                             body=(CORPUS / LIST_PAGE).read_bytes())
            session.add(Capture(site=f"site{s}", url=column_url, status=200, content_type="text/html",
                                warc_file=ref.warc_file, offset=ref.offset, length=ref.length))
        session.add_all(captures)
        session.flush()
        capture_ids = [c.id for c in captures]
        for s in range(SITES):
            for r in range(RUNS_PER_SITE):
                started = EPOCH + timedelta(days=r)
                stats = {"requests": 120, "new": r % 3, "changed": 0, "unchanged": 100, "gone": 0, "errors": int(r % 4 == 0),
                         "list_pages": 10, "families": {"ucap": 10}, "skipped_by_rule": {}, "warnings": [],
                         "error_samples": []}
                session.add(CrawlRun(site=f"site{s}", trigger="scheduled", status="finished", started_at=started,
                                     ended_at=started + timedelta(minutes=5), stats=stats))
    warc.close()
    for chunk in range(0, n, 5000):
        built = [rows(i, capture_ids) for i in range(chunk, min(chunk + 5000, n))]
        with archive.session() as session:
            session.execute(insert(Document), [d for d, _, _ in built])
            session.execute(insert(DocumentUrl), [u for _, u, _ in built])
            session.execute(insert(DocumentVersion), [v for _, _, v in built])
            # one in fifty documents was edited once: a second version, whose diff the page shows
            session.execute(insert(DocumentVersion), [
                dict(v, record=dict(v["record"], body=v["record"]["body"].replace("。", "。（修订）", 2)),
                     record_hash="edited" + v["record_hash"][6:], fetched_at=v["fetched_at"] + timedelta(days=3))
                for _, _, v in built if v["document_id"] % 50 == 0])
    try:  # rows inserted in bulk are indexed for full-text search by its own rebuild
        from storage.search import rebuild
    except ImportError:
        pass
    else:
        rebuild(archive)
    if archive.engine.dialect.name == "postgresql":  # planner statistics, as autovacuum keeps them after a bulk load
        with archive.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    archive.dispose()
    (folder / "sites.yaml").write_text(json.dumps({"sites": [
        {"name": f"site{s}", "start_urls": [f"http://www.site{s}.gov.cn/zwgk/col/index.html"],
         "schedule": f"{s % 60} 3 * * *"} for s in range(SITES)]}), encoding="utf-8")
    return url, data


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(url: str, data: Path, sites: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "web", "--port", str(port), "--archive", url,
                               "--data", str(data), "--sites", str(sites)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server, port
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"python -m web exited {server.returncode}: {server.stderr.read()}")
            time.sleep(0.05)
    server.kill()
    raise SystemExit("python -m web did not start listening in 30 s")


def p95_ms(connection: http.client.HTTPConnection, path: str, requests: int) -> float:
    times = []
    for n in range(requests + 3):  # three warm-up requests
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
        if n >= 3:
            times.append(time.perf_counter() - start)
    times.sort()
    return times[min(len(times) - 1, int(len(times) * 0.95))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page (default 40)")
    parser.add_argument("--keep", help="build the archive in this folder and leave it there")
    parser.add_argument("--db", help="SQLAlchemy URL of an empty database (default: a new SQLite file)")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-web-"))
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    url, data = build(folder, args.docs, args.db)
    print(f"archive of {args.docs} documents built in {time.perf_counter() - start:.0f} s ({folder})", flush=True)

    n = args.docs
    some = n // 2 + 1
    publisher = quote(f"示例市{DEPARTMENTS[3]}")
    column = quote(f"首页 > 政府信息公开 > {COLUMNS[2]}")
    pages = [
        "/sites", "/runs", "/runs/500", "/runs?site=site7",
        "/documents", "/documents?page=200", "/documents?site=site7", f"/documents?publisher={publisher}",
        f"/documents?site=site7&column={column}", "/documents?since=2020-02-01&until=2020-02-10",
        "/documents?status=gone", "/documents?reposts=only", "/documents?reposts=reposted",
        f"/documents/{some}", f"/documents/{(some // 50) * 50}", "/captures/1", "/captures/1/raw",
    ]
    try:
        from storage import search  # noqa: F401  (issue 13's full-text search, when this version has it)
        pages += [f"/search?q={quote('交通管制')}", f"/search?q={quote('工作总结')}&site=site7"]
    except ImportError:
        print("(no storage.search in this version: the search page is not timed)")
    server, port = serve(url, data, folder / "sites.yaml")
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        baseline = p95_ms(connection, "/ping", args.requests)
        print(f"baseline /ping: p95 {baseline:.2f} ms")
        worst = 0.0
        for path in pages:
            ms = p95_ms(connection, path, args.requests)
            worst = max(worst, ms)
            print(f"{path:60s} p95 {ms:7.1f} ms = {ms / baseline:6.1f}x /ping {'ok' if ms <= GOAL_MS else 'OVER GOAL'}")
        print(f"slowest page p95 {worst:.1f} ms (goal ≤ {GOAL_MS} ms)")
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"reproduce: .venv/bin/python -m bench.web --docs {args.docs} --requests {args.requests}"
          + (f" --db {args.db}" if args.db else ""))


if __name__ == "__main__":
    main()
