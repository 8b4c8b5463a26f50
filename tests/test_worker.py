"""The long-lived crawl worker: many sites crawled in one process, each with its own lock, run,
log file and time limit; a site whose crawl raises or hangs does not hold up the others; the
worker is recycled after its crawl bound."""
from __future__ import annotations

import json
import logging
import threading
import time

import pytest
from sqlalchemy import func, select

from crawler.runner import CrawlRunner
from storage.db import Archive
from storage.models import CrawlRun, Document
from storage.runs import ExitCode
from tests.conftest import FAST
from tests.sitekit import ColumnSite, FixtureSite

GOOD = 6
HUNG = 60  # seconds the hanging site takes to answer anything


@pytest.fixture(scope="module")
def servers():
    with FixtureSite(ColumnSite(GOOD, 4, 4).routes()) as fast, \
            FixtureSite(ColumnSite(1, 3, 3).routes(), delay=HUNG) as hung:
        yield fast, hung


def test_many_sites_in_one_worker_one_raising_one_hanging(tmp_path, monkeypatch, servers, caplog):
    fast, hung = servers
    sites = [{"name": f"s{n}", "start_urls": [f"{fast.base}/col{n}/"], "settings": FAST} for n in range(GOOD)]
    # a per-site setting that passes the sites file's checks but breaks the crawler as it starts
    sites.append({"name": "raising", "start_urls": [f"{fast.base}/col0/"],
                  "settings": {**FAST, "ITEM_PIPELINES": {"no_such_module.Pipeline": 100}}})
    sites.append({"name": "hanging", "start_urls": [f"{hung.base}/col0/"], "settings": FAST, "time_limit": 4})
    (tmp_path / "sites.yaml").write_text(json.dumps({"sites": sites}))
    db = f"sqlite:///{tmp_path / 'data' / 'archive.sqlite3'}"
    monkeypatch.setenv("GOVARCHIVE_SITES", str(tmp_path / "sites.yaml"))
    monkeypatch.setenv("GOVARCHIVE_DB", db)
    monkeypatch.setenv("GOVARCHIVE_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("GOVARCHIVE_WORKER_MAX_CRAWLS", str(len(sites)))
    caplog.set_level(logging.INFO, logger="govarchive.runner")
    archive = Archive(db)
    runner = CrawlRunner(tmp_path / "data", archive, stop_grace=3)
    results = {}

    def crawl(site):
        results[site["name"]] = runner.run(site["name"], trigger="scheduled", time_limit=site.get("time_limit"))

    threads = [threading.Thread(target=crawl, args=(site,)) for site in sites]
    try:
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        batch = time.monotonic() - began
        # the worker took its bound of crawls: the next one goes to a fresh process
        results["again"] = runner.run("s0", trigger="manual")
    finally:
        runner.close()
    started = [r.getMessage() for r in caplog.records if r.getMessage().startswith("crawl worker ")]
    assert len([m for m in started if m.endswith(" started")]) == 2, started

    for n in range(GOOD):
        result = results[f"s{n}"]
        assert result.code == ExitCode.OK and result.run.status == "finished", result
        text = result.log_path.read_text()
        assert f"Crawl summary for s{n}: " in text and "documents 4 new" in text
        assert not any(f"Crawl summary for {other}:" in text for other in ("raising", "hanging", f"s{(n + 1) % GOOD}"))
    assert results["raising"].code == ExitCode.ERROR
    assert "no_such_module" in results["raising"].log_path.read_text()
    assert results["hanging"].code == ExitCode.TIMED_OUT
    assert batch < HUNG - 10  # nobody waited for the hanging site's answers
    assert results["again"].code == ExitCode.OK and "documents 0 new" in results["again"].log_path.read_text()
    with archive.session() as session:
        statuses = dict(session.execute(select(CrawlRun.site, CrawlRun.status).where(CrawlRun.site.in_(["raising", "hanging"]))).all())
        documents = session.scalar(select(func.count()).select_from(Document))
        assert session.scalar(select(func.count()).select_from(CrawlRun).where(CrawlRun.status == "running")) == 0
    assert statuses.get("hanging") == "timed out" and statuses.get("raising") in (None, "failed")
    assert documents == GOOD * 4
