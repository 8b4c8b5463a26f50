"""Scale-out: one scheduler enqueues due sites on Redis (Dramatiq), two fleet workers crawl them
into one PostgreSQL archive; one worker is killed mid-crawl and the other finishes its sites.

Needs Redis (GOVARCHIVE_TEST_REDIS, default redis://127.0.0.1:6379/14, a database this test
empties) and PostgreSQL (as tests/test_postgres.py); skipped, saying which, without them."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack

import pytest
from sqlalchemy import func, select

from storage.db import Archive
from storage.locks import AdvisorySiteLock
from storage.models import CrawlRun, Document, DocumentVersion
from tests.conftest import FAST, ROOT
from tests.sitekit import ColumnSite, FixtureSite
from tests.test_postgres import throwaway_database

REDIS_URL = os.environ.get("GOVARCHIVE_TEST_REDIS", "redis://127.0.0.1:6379/14")
SITES, DOCUMENTS = 20, 3


def redis_or_skip():
    pytest.importorskip("dramatiq", reason="the fleet extra (dramatiq[redis]) is not installed")
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
        client.flushdb()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"Redis not reachable at {REDIS_URL} ({str(exc).splitlines()[0]}): fleet test skipped")


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def test_two_workers_one_killed_every_document_once(tmp_path):
    redis_or_skip()
    with throwaway_database() as db, ExitStack() as stack:
        servers = [stack.enter_context(FixtureSite(ColumnSite(1, DOCUMENTS, DOCUMENTS).routes(),
                                                   host=f"127.0.1.{k + 1}", delay=0.5)) for k in range(SITES)]
        # the repost and template passes at the end of a crawl are not what this test is about
        quick = {**FAST, "GOVARCHIVE_DEDUP_AFTER_CRAWL": False, "GOVARCHIVE_TEMPLATE_AFTER_CRAWL": False}
        sites = [{"name": f"site{k}", "start_urls": [f"{srv.base}/col0/"], "settings": quick}
                 for k, srv in enumerate(servers)]
        (tmp_path / "sites.yaml").write_text(json.dumps({"sites": sites}))
        env = dict(os.environ, GOVARCHIVE_SITES=str(tmp_path / "sites.yaml"), GOVARCHIVE_DB=db,
                   GOVARCHIVE_DATA=str(tmp_path / "data"), GOVARCHIVE_QUEUE=REDIS_URL, GOVARCHIVE_QUEUE_HEARTBEAT="3",
                   GOVARCHIVE_EXTRACT_WORKERS="0")  # inline: no pool to start in each worker
        archive = Archive(db)  # the schema, before anyone crawls

        def start(*command, name):
            out = open(tmp_path / f"{name}.log", "w")
            proc = subprocess.Popen([sys.executable, *command], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
            stack.callback(lambda: proc.poll() is None and proc.kill())
            return proc

        workers = [start("-m", "crawler.fleet", "worker", "--crawls", "5", name=f"worker{n}") for n in range(2)]
        start("scheduler.py", "--jitter", "0", "--poll", "0.5", name="scheduler")

        def running_in_a_worker():
            with archive.session() as session:
                running = session.scalars(select(CrawlRun.site).where(CrawlRun.status == "running")).all()
            for site in running:
                holder = AdvisorySiteLock(db, site).holder() or {}
                for worker in workers:
                    if holder.get("pid") == worker.pid:
                        return worker, site
            return None

        victim, _ = wait_for(running_in_a_worker, 90, "a crawl running in a worker")
        with archive.session() as session:
            killed_sites = set(session.scalars(select(CrawlRun.site).where(CrawlRun.status == "running")).all())
        killed_sites = {s for s in killed_sites if (AdvisorySiteLock(db, s).holder() or {}).get("pid") == victim.pid}
        victim.send_signal(signal.SIGKILL)
        victim.wait()

        def all_finished():
            with archive.session() as session:
                done = set(session.scalars(select(CrawlRun.site).where(CrawlRun.status == "finished")).all())
            return len(done) == SITES
        wait_for(all_finished, 150, "every site finished")

        with archive.session() as session:
            assert session.scalar(select(func.count()).select_from(Document)) == SITES * DOCUMENTS
            assert session.scalar(select(func.count()).select_from(DocumentVersion)) == SITES * DOCUMENTS
            per_site = dict(session.execute(select(Document.site, func.count()).group_by(Document.site)).all())
            assert per_site == {f"site{k}": DOCUMENTS for k in range(SITES)}
            history = session.execute(select(CrawlRun.site, CrawlRun.status, CrawlRun.started_at, CrawlRun.ended_at)
                                      .order_by(CrawlRun.site, CrawlRun.started_at)).all()
    assert killed_sites
    by_site: dict[str, list] = {}
    for site, status, started, ended in history:
        by_site.setdefault(site, []).append((status, started, ended))
    for site, site_runs in by_site.items():
        # one worker at a time: every run ended (or was left by the killed worker) before the next began
        for (status, _, ended), (_, next_started, _) in zip(site_runs, site_runs[1:]):
            assert status == "interrupted" or ended <= next_started, (site, site_runs)
        assert sum(status == "finished" for status, _, _ in site_runs) == 1, (site, site_runs)
    for site in killed_sites:  # killed mid-crawl, then finished by the other worker
        assert [status for status, _, _ in by_site[site]] == ["interrupted", "finished"], by_site[site]


def test_site_lock_is_an_advisory_lock_on_postgresql(tmp_path):
    from storage.locks import SiteLocked, site_lock
    from tests.test_postgres import PG_URL

    first = site_lock(tmp_path, "advisory-test", PG_URL)
    try:
        first.acquire(trigger="scheduled", run_id=42)
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"PostgreSQL not reachable at {PG_URL} ({str(exc).splitlines()[0]}): lock test skipped")
    try:
        assert isinstance(first, AdvisorySiteLock) and not (tmp_path / "locks").exists()
        with pytest.raises(SiteLocked, match=r"being crawled by run 42 \(pid \d+, host .+, trigger scheduled\)"):
            site_lock(tmp_path, "advisory-test", PG_URL).acquire()
        assert site_lock(tmp_path, "other-site", PG_URL).acquire().release() is None  # another site is free
    finally:
        first.release()
    again = site_lock(tmp_path, "advisory-test", PG_URL).acquire()
    again.release()
    assert site_lock(tmp_path, "advisory-test", PG_URL).holder() is None
