"""The run lifecycle (storage.runs) on a real archive: end statuses, what counts as clean, and the
health warnings `scheduler.py status` shows."""
from __future__ import annotations

import pytest
from sqlalchemy import update

from storage import runs
from storage.db import Archive
from storage.models import CrawlRun
from storage.runs import RunStatus

CLEAN = {"requests": 10, "list_pages": 1, "new": 3, "errors": 0}


@pytest.mark.parametrize("reason,counts,status", [
    ("finished", CLEAN, RunStatus.FINISHED),
    ("finished", {"list_pages": 1, "new": 2, "errors": 1}, RunStatus.INCOMPLETE),
    ("finished", {"list_pages_unchanged": 1, "errors": 3}, RunStatus.INCOMPLETE),  # a 304 confirms the column
    ("finished", {"requests": 3, "errors": 1}, RunStatus.FAILED),                  # the site is down
    ("finished", {"requests": 1, "skipped": 1}, RunStatus.FINISHED),               # robots.txt said no: not an error
    ("shutdown", CLEAN, RunStatus.INTERRUPTED),
    ("closespider_timeout", CLEAN, RunStatus.TIMED_OUT),
    ("locked", {}, RunStatus.FAILED),
])
def test_end_status(reason, counts, status):
    assert runs.status_of(reason, counts) is status


@pytest.fixture
def archive(tmp_path):
    archive = Archive(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
    yield archive
    archive.dispose()


def crawl(archive, counts, reason="finished", trigger="scheduled", site="s") -> CrawlRun:
    with archive.session() as session:
        run = runs.start(session, site, trigger)
        return runs.finish(session, run.id, reason, counts)


def test_only_a_finished_run_without_errors_is_clean(archive):
    with archive.session() as session:
        assert not runs.last_run_clean(session, "s")  # never crawled
    crawl(archive, CLEAN)
    with archive.session() as session:
        assert runs.last_run_clean(session, "s")
    crawl(archive, {"list_pages": 1, "new": 1, "errors": 1})
    with archive.session() as session:
        assert not runs.last_run_clean(session, "s")
        # a record of the old code: "finished" whatever its errors
        session.execute(update(CrawlRun).values(status="finished"))
        assert not runs.last_run_clean(session, "s")


def test_a_killed_run_is_closed_as_interrupted_by_the_next(archive):
    with archive.session() as session:
        killed = runs.start(session, "s", "manual").id
    crawl(archive, CLEAN)
    with archive.session() as session:
        assert session.get(CrawlRun, killed).status == RunStatus.INTERRUPTED


def test_failed_and_all_error_runs_warn(archive):
    for _ in range(3):
        crawl(archive, {"requests": 3, "errors": 1, "error_samples": [{"url": "http://x/", "reason": "refused"}]})
    with archive.session() as session:
        assert runs.site_warnings(session, "s") == [
            "every request failed: 1 errors, nothing archived or confirmed (first: http://x/: refused)",
            "3 failed runs in a row"]
        # records of the old code said "finished" for these: still failures
        session.execute(update(CrawlRun).values(status="finished"))
        assert "3 failed runs in a row" in runs.site_warnings(session, "s")


def test_a_site_that_stopped_publishing_warns(archive):
    for new in [40, 2, 0, 1, 0, 0, 3] + [0] * runs.QUIET_RUNS:
        crawl(archive, {**CLEAN, "new": new})
    crawl(archive, {**CLEAN, "new": 0}, trigger="manual")  # manual runs do not count
    with archive.session() as session:
        assert runs.site_warnings(session, "s") == [
            f"no new documents in the last {runs.QUIET_RUNS} scheduled runs, where there were 46 in the "
            f"{runs.QUIET_RUNS} before: column moved?"]
    crawl(archive, {**CLEAN, "new": 1})
    with archive.session() as session:
        assert runs.site_warnings(session, "s") == []


def test_a_quiet_site_that_never_published_does_not_warn(archive):
    for _ in range(2 * runs.QUIET_RUNS):
        crawl(archive, {**CLEAN, "new": 0})
    with archive.session() as session:
        assert runs.site_warnings(session, "s") == []
