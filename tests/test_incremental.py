"""Incremental crawls and manual recrawls, over real HTTP against a site that changes."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from storage.db import Archive
from storage.locks import SiteLock
from storage.models import CrawlRun
from tests.conftest import FAST
from tests.sitekit import ColumnSite, FixtureSite

COLUMNS, DOCS, PER_PAGE = 3, 12, 5  # 3 pages per column


@pytest.fixture
def column_site():
    site = ColumnSite(COLUMNS, DOCS, PER_PAGE)
    with FixtureSite(site.routes()) as server:
        yield site, server


def configure(workspace, server, **extra):
    entry = {"name": "cols", "start_urls": [f"{server.base}/col{c}/" for c in range(COLUMNS)],
             "schedule": "0 3 * * *", "settings": FAST, **extra}
    workspace.write_sites(json.dumps({"sites": [entry]}))


def crawl(workspace, server, *args):
    """Run a crawl; return the request paths it made and its summary line."""
    first = len(server.log)
    proc = workspace.crawl("cols", *args)
    summary = next(line for line in proc.stdout.splitlines() if line.startswith("Crawl summary"))
    return server.paths()[first:], summary


def doc_paths(paths):
    return sorted(p for p in paths if "/t2024" in p)


def runs(workspace):
    with Archive(workspace.db_url).session() as session:
        return [(r.trigger, r.status, r.stats) for r in session.scalars(select(CrawlRun).order_by(CrawlRun.id))]


def test_unchanged_site_costs_one_request_per_column(workspace, column_site):
    site, server = column_site
    configure(workspace, server)
    paths, _ = crawl(workspace, server)
    assert len(doc_paths(paths)) == COLUMNS * DOCS
    paths, summary = crawl(workspace, server)
    assert sorted(paths) == sorted(["/robots.txt"] + [f"/col{c}/" for c in range(COLUMNS)])
    assert f"{COLUMNS} list pages not modified (304)" in summary


def test_new_documents_cost_one_request_each(workspace, column_site):
    site, server = column_site
    configure(workspace, server)
    crawl(workspace, server)
    new = site.publish(0, 3)
    server.routes = site.routes()
    paths, summary = crawl(workspace, server)
    assert doc_paths(paths) == sorted(site.doc_path(d) for d in new)
    assert sorted(p for p in paths if "/t2024" not in p) == sorted(["/robots.txt"] + [f"/col{c}/" for c in range(COLUMNS)])
    assert "documents 3 new" in summary
    assert len(workspace.export()) == COLUMNS * DOCS + 3


def test_pagination_stops_after_known_pages_without_etags(workspace):
    site = ColumnSite(1, 20, 5)  # 4 pages
    with FixtureSite(site.routes(), etag=False) as server:
        workspace.write_sites(json.dumps({"sites": [{"name": "cols", "start_urls": [f"{server.base}/col0/"],
                                                     "schedule": "0 3 * * *", "settings": FAST,
                                                     "stop_after_known_pages": 2}]}))
        crawl(workspace, server)
        paths, _ = crawl(workspace, server)
        assert paths == ["/robots.txt", "/col0/", "/col0/index_1.html"]  # two settled pages, then stop
        site.publish(0, 7)  # more than a page: page 1 all new, page 2 ends with known ones
        server.routes = site.routes()
        paths, summary = crawl(workspace, server)
        assert "documents 7 new" in summary
        assert [p for p in paths if "/t2024" not in p] == ["/robots.txt", "/col0/", "/col0/index_1.html", "/col0/index_2.html"]


def test_full_recrawl_versions_edits_and_marks_removed_gone(workspace, column_site):
    site, server = column_site
    configure(workspace, server)
    crawl(workspace, server)
    edited, removed = "c1d8", "c2d11"  # pages with running text
    site.edit(edited, "（本文已于2024年7月1日更正。）")
    site.remove(removed)
    server.routes = site.routes()
    paths, summary = crawl(workspace, server, "-a", "full=1")
    assert len(doc_paths(paths)) == COLUMNS * DOCS  # every known document asked again
    assert f"documents 0 new / 1 changed / {COLUMNS * DOCS - 2} unchanged" in summary
    assert "1 gone" in summary
    records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
    assert records[site.doc_path(edited)]["versions"] == 2
    assert "本文已于2024年7月1日更正" in records[site.doc_path(edited)]["body"]
    gone = records[site.doc_path(removed)]
    assert gone["status"] == "gone" and gone["gone_at"] and gone["body"]  # kept, never deleted
    assert sum(r["status"] == "live" for r in records.values()) == COLUMNS * DOCS - 1
    assert runs(workspace)[-1][0] == "manual:full"


def test_one_column_one_document_and_since(workspace, column_site):
    site, server = column_site
    configure(workspace, server)
    crawl(workspace, server)

    paths, _ = crawl(workspace, server, "-a", f"column={server.base}/col1/")
    assert sorted(p for p in paths if "/t2024" not in p) == sorted(
        ["/robots.txt", "/col1/", "/col1/index_1.html", "/col1/index_2.html"])
    assert doc_paths(paths) == sorted(site.doc_path(d) for d in site.docs[1])

    one = site.doc_path("c2d3")
    paths, _ = crawl(workspace, server, "-a", f"url={server.base}{one}")
    assert paths == ["/robots.txt", one]

    records = workspace.export()
    since = "2023-01-01"
    recent = sorted(r["url"].removeprefix(server.base) for r in records if (r["published_at"] or "") >= since)
    assert 0 < len(recent) < len(records)
    paths, _ = crawl(workspace, server, "-a", f"since={since}")
    assert doc_paths(paths) == recent
    assert [r[0] for r in runs(workspace)] == ["manual", "manual:column", "manual:url", "manual:since"]


def test_run_records_counts(workspace, column_site):
    site, server = column_site
    configure(workspace, server)
    crawl(workspace, server)
    crawl(workspace, server, "-a", "trigger=scheduled")
    (t1, s1, first), (t2, s2, second) = runs(workspace)
    assert (t1, s1, t2, s2) == ("manual", "finished", "scheduled", "finished")
    assert first["new"] == COLUMNS * DOCS and first["requests"] == 1 + COLUMNS * 3 + COLUMNS * DOCS
    assert second["new"] == 0 and second["requests"] == 1 + COLUMNS and second["list_pages_unchanged"] == COLUMNS


def test_second_crawl_of_a_site_is_refused(workspace, column_site):
    site, server = column_site
    configure(workspace, server)
    lock = SiteLock(workspace.data, "cols").acquire(run_id=41, trigger="scheduled", started="2026-11-22T03:00:00+00:00")
    try:
        proc = workspace.crawl("cols", check=False)
    finally:
        lock.release()
    assert proc.returncode == 3
    assert proc.stderr.strip().splitlines() == [
        "error: site 'cols' is being crawled by run 41 (pid %d, trigger scheduled, started "
        "2026-11-22T03:00:00+00:00); not starting" % __import__("os").getpid()]
    workspace.crawl("cols")  # free again


@pytest.mark.parametrize("arg,message", [
    ("since=2024-13-01", "-a since=2024-13-01: expected a date as YYYY-MM-DD"),
    ("url=ftp://x/a.html", "-a url=ftp://x/a.html: not an http(s) URL"),
    ("column=/col1/", "-a column=/col1/: not an http(s) URL"),
])
def test_bad_options_are_one_line(workspace, column_site, arg, message):
    _, server = column_site
    configure(workspace, server)
    proc = workspace.crawl("cols", "-a", arg, check=False)
    assert proc.returncode == 2 and proc.stderr.strip() == f"error: {message}"
