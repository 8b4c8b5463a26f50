"""The fault suite: the real spider crawls a hostile site on 127.0.0.1 (tests.faults) into SQLite
and into PostgreSQL, and every request must end archived, unchanged, gone, skipped by a rule,
or as an error that is counted, named with its URL in the run record, and asked again by the
next crawl. Each case asserts the exact documents archived and the errors counted.

One server for the module; each backend crawls each of its sites once (the flaky one twice,
healed in between), and the tests read what those crawls left.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from contextlib import nullcontext
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from storage.captures import WarcStore
from storage.db import Archive
from storage.models import Capture, CrawlRun
from tests.conftest import ROOT, Workspace
from tests.faults import SETTINGS, FaultSite, closed_port, doc, listing
from tests.sitekit import FixtureSite
from tests.test_postgres import throwaway_database


@dataclass
class Crawl:
    code: int
    summary: str
    log: str                     # the crawl's own log (stderr)
    run: dict                    # the run record: status and stats
    paths: list[tuple[str, str]] = field(default_factory=list)  # (method, path) it asked the server


@pytest.fixture(scope="module")
def faults():
    site = FaultSite()
    with FixtureSite(site.routes, handlers=site.handlers()) as server:
        yield site, server


def crawl(ws: Workspace, server, name: str, *args: str) -> Crawl:
    first = len(server.log)
    proc = ws.crawl(name, *args, check=False)
    summary = next((line for line in proc.stdout.splitlines() if line.startswith("Crawl summary")), "")
    with Archive(ws.db_url).session() as session:
        run = session.scalars(select(CrawlRun).where(CrawlRun.site == name).order_by(CrawlRun.id.desc())).first()
        record = {"status": run.status, **run.stats} if run else {}
    return Crawl(proc.returncode, summary, proc.stderr, record, server.log[first:])


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def crawled(request, faults, tmp_path_factory):
    site, server = faults
    site.reset()
    ws = Workspace(tmp_path_factory.mktemp(f"faults-{request.param}"))
    with throwaway_database() if request.param == "postgresql" else nullcontext() as url:
        ws.db_url = url or ws.db_url
        archive = Archive(ws.db_url)
        with archive.engine.begin() as connection:
            for statement in site.REJECT_TRIGGER[request.param]:
                connection.exec_driver_sql(statement)
        archive.dispose()
        ws.write_sites(json.dumps({"sites": site.sites(server.base, closed_port())}, ensure_ascii=False))
        crawls = {name: crawl(ws, server, name) for name in ("flaky", "hostile", "pagers", "hanweb", "long", "down")}
        site.heal()
        crawls["flaky-again"] = crawl(ws, server, "flaky")
        crawls["column-as-url"] = crawl(ws, server, "column", "-a", f"url={server.base}/column/")
        site.publish()
        crawls["column-next"] = crawl(ws, server, "column")
        records = {r["url"].removeprefix(server.base): r for r in ws.export()}
        yield ws, server, crawls, records


def archived(records, site: str) -> list[str]:
    return sorted(path for path, r in records.items() if r["site"] == site)


def errors(run: dict) -> dict[str, str]:
    return {sample["url"].split("://", 1)[1].split("/", 1)[1]: sample["reason"] for sample in run["error_samples"]}


def test_5xx_after_retries_is_an_error_and_the_next_crawl_walks_again(crawled):
    ws, server, crawls, records = crawled
    first, again = crawls["flaky"], crawls["flaky-again"]
    # document 2 answered 503 twice, then 200: retried and archived. Document 3 and list page 2
    # answer 503 whatever is asked: errors, named, and the run is not clean
    assert (first.code, first.run["status"], first.run["errors"], first.run["new"]) == (0, "incomplete", 2, 2)
    assert errors(first.run) == {doc("flaky", 3)[1:]: "HTTP 503", "flaky/index_1.html": "HTTP 503"}
    assert "2 errors" in first.summary and "run incomplete" in first.summary
    assert f"error: {server.base}{doc('flaky', 3)}: HTTP 503" in first.log
    # healed: the next crawl walks every list page again (the last run was not clean) and
    # archives what the first could not reach
    assert (again.code, again.run["status"], again.run["errors"], again.run["new"]) == (0, "finished", 0, 3)
    assert ("GET", "/flaky/index_1.html") in again.paths
    assert archived(records, "flaky") == [doc("flaky", n) for n in (1, 2, 3, 4, 5)]


def test_every_hostile_request_ends_archived_skipped_gone_or_counted(crawled, faults):
    site, _ = faults
    ws, server, crawls, records = crawled
    hostile = crawls["hostile"]
    assert archived(records, "hostile") == sorted(site.hostile.documents)
    assert hostile.run["status"] == "incomplete" and hostile.code == 0
    assert hostile.run["errors"] == len(site.hostile.errors)
    reasons = errors(hostile.run)
    assert sorted(reasons) == sorted(p[1:] for p in site.hostile.errors)
    for path, reason in site.hostile.errors.items():
        assert reason in reasons[path[1:]], (path, reasons[path[1:]])
    assert hostile.run["skipped_by_rule"] == site.hostile.skipped
    assert (hostile.run["broken_links"], hostile.run["attachments"], hostile.run["charset_repaired"]) == (1, 1, 2)
    # a malformed href (the page's <base>, its footer, a list item) costs nothing but itself
    assert "Traceback" not in hostile.log and "ValueError" not in hostile.log
    # the document the database refused is an error of its URL, the rest of the crawl went on
    assert "rejected by the test database" in reasons[doc("hostile", 13)[1:]]


def test_only_http_on_site_is_ever_requested(crawled):
    ws, server, crawls, records = crawled
    with Archive(ws.db_url).session() as session:
        captured = session.scalars(select(Capture.url)).all()
    assert captured and all(url.startswith(server.base) for url in captured)  # no file://, ftp://, localhost
    attachment_doc = records[doc("hostile", 1)]
    # a file:// or ftp:// 附件 link is no attachment the archive could fetch or a reader open
    assert [a["url"].rsplit("/", 1)[-1] for a in attachment_doc["attachments"]] == ["P1.pdf"]
    # the Hanweb record pointing at a local file is not a document; the entity is never expanded
    assert not any(r["url"].startswith("file:") for r in records.values())


def test_wrong_declared_charsets_are_repaired_and_counted(crawled, faults):
    site, _ = faults
    ws, server, crawls, records = crawled
    for path, title in site.charset_titles.items():
        assert records[path]["title"] == title
        number = re.search(r"_(\d+)\.html", path).group(1)
        assert f"这是第{number}号文件的正文" in records[path]["body"]
    assert "2 pages decoded with another charset than declared" in crawls["hostile"].summary


def test_endless_pagers_stop(crawled, faults):
    site, _ = faults
    ws, server, crawls, records = crawled
    pagers = crawls["pagers"]
    assert archived(records, "pagers") == sorted(site.pagers.documents)
    lists = [p for m, p in pagers.paths if "/t2024" not in p and "/art/" not in p and p != "/robots.txt"]
    assert sorted(lists) == sorted(
        ["/endless/", "/endless/index_1.html", "/trs40k/", "/trs40k/index_1.html", "/deep/"]
        + [f"/deep/index_{n}.html" for n in range(1, 5)]  # GOVARCHIVE_MAX_LIST_PAGES: 5
        + ["/col/col990/index.html", "/module/jpage/dataproxy.jsp?startrecord=5&endrecord=8&perpage=2",
           "/module/jpage/dataproxy.jsp?startrecord=9&endrecord=12&perpage=2"])
    assert (pagers.run["list_walks_capped"], pagers.run["list_walks_repeating"], pagers.run["errors"]) == (1, 3, 0)
    assert f"column {server.base}/deep/: walk stopped, it reached GOVARCHIVE_MAX_LIST_PAGES (5 pages)" in pagers.log
    assert f"column {server.base}/endless/: walk stopped, page 2" in pagers.log
    assert any("GOVARCHIVE_MAX_LIST_PAGES" in w for w in pagers.run["warnings"])


def test_hanweb_columns_with_hostile_jpage_values(crawled, faults):
    site, _ = faults
    ws, server, crawls, records = crawled
    hanweb = crawls["hanweb"]
    assert archived(records, "hanweb") == sorted(site.hanweb_documents)
    assert (hanweb.run["status"], hanweb.run["errors"], hanweb.run["list_warnings"]) == ("finished", 0, 1)
    assert "jpage totalRecord 'abc' is not a number" in hanweb.log
    assert records["/art/2024/6/9/art_994_9.html"]["title"] == "通知994-9"


def test_values_longer_than_any_column_are_stored(crawled, faults):
    site, _ = faults
    ws, server, crawls, records = crawled
    long = crawls["long"]
    assert (long.run["status"], long.run["errors"], archived(records, "long")) == (
        "finished", 0, sorted(site.long_documents))
    one = records["/long/2024/t20240601_1.html"]
    assert one["validity"] == site.VALIDITY and one["doc_no"] == site.DOC_NO
    assert one["index_no"] == site.INDEX_NO[:200]  # an indexed column: cut to fit, with a warning
    assert f"documents.index_no of {server.base}/long/2024/t20240601_1.html: 274 characters, kept the first 200" in long.log
    # PostgreSQL text holds no NUL: removed, with a warning, rather than the document lost
    assert records[site.LONG_URL]["doc_no"] == "示发〔2024〕2号"
    assert "documents.doc_no of" in long.log and "NUL characters removed" in long.log
    with Archive(ws.db_url).session() as session:
        capture = session.scalars(select(Capture).where(Capture.url.like("%t20240601_1.html")
                                                        & Capture.url.like("%/long/%"))).one()
    assert (capture.etag, capture.content_type) == (site.ETAG, site.CONTENT_TYPE)


def test_a_site_that_is_down_fails(crawled):
    ws, server, crawls, records = crawled
    down = crawls["down"]
    assert (down.code, down.run["status"], down.run["errors"]) == (4, "failed", 1)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/xxgk/: \w*ConnectionRefusedError: .*",
                        f"{down.run['error_samples'][0]['url']}: {down.run['error_samples'][0]['reason']}")
    assert down.summary.endswith("run failed: nothing archived or confirmed")
    assert down.run["warnings"][0].startswith("every request failed: 1 errors, nothing archived or confirmed")
    assert "Traceback" not in down.log


def test_a_list_page_given_as_url_is_walked_not_archived(crawled):
    ws, server, crawls, records = crawled
    as_url, after = crawls["column-as-url"], crawls["column-next"]
    assert as_url.run["new"] == 3 and "is a list page" in as_url.log
    assert "/column/" not in records  # no junk document made of the column's navigation
    # the next crawl finds what the column published since
    assert (after.run["new"], after.run["status"]) == (1, "finished")
    assert archived(records, "column") == [doc("column", n) for n in (1, 2, 3, 4)]


def test_a_10_mb_page_is_archived_whole_in_bounded_memory(workspace):
    """A 10 MB detail page of text that does not repeat (3.5 million distinct characters): the
    WARC keeps every byte, extraction reads the first GOVARCHIVE_MAX_DOCUMENT_CHARS, shingling
    the first neardup.MAX_CHARS; the crawl process stays far from the 4 GB it once took."""
    import random

    from tests.sitekit import Route, html

    rng = random.Random(12)
    text = "".join(rng.choices([chr(c) for c in range(0x4E00, 0x4E00 + 3000)], k=3_500_000))
    paragraphs = "".join(f"<p>{text[i:i + 300]}。</p>\n" for i in range(0, len(text), 300))
    page = (f"<html><head><meta charset='utf-8'><title>大文件</title></head><body><h1>大文件</h1>"
            f"<div class='TRS_Editor'>{paragraphs}</div></body></html>").encode()
    assert len(page) > 10 * 1024 * 1024
    routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
              "/big/": html(listing([(doc("big", 1), "大文件")])), doc("big", 1): html(page)}
    measure = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); sys.exit(code)")
    with FixtureSite(routes) as server:
        workspace.write_sites(json.dumps({"sites": [{"name": "big", "start_urls": [server.base + "/big/"],
                                                     "settings": {**SETTINGS, "DOWNLOAD_TIMEOUT": 30}}]}))
        proc = subprocess.run([sys.executable, "-c", measure, sys.executable, "-m", "scrapy", "crawl", "gov",
                               "-a", "site=big"], cwd=ROOT, env=workspace.env, capture_output=True, text=True,
                              timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    peak_mb = int(proc.stdout.splitlines()[-1])
    assert peak_mb < 600, f"the crawl took {peak_mb} MB"
    assert "1 documents over the size bound extracted from their beginning" in proc.stdout
    (record,) = workspace.export()
    assert record["title"] == "大文件" and record["body"].startswith(text[:300])
    with Archive(workspace.db_url).session() as session:
        capture = session.scalars(select(Capture).where(Capture.url.endswith("t20240601_1.html"))).one()
    assert WarcStore(workspace.data / "warc").read(capture.warc_file, capture.offset).body == page
