"""The real daemon as a subprocess: fires against a loopback site, reloads on SIGHUP, stops
cleanly on SIGTERM; `run` and `status` through the same path."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.db import Archive
from storage.locks import SiteLock
from storage.models import CrawlRun
from tests.conftest import FAST, ROOT
from tests.faults import closed_port
from tests.sitekit import ColumnSite, FixtureSite


def site_entry(name, server, column=0, schedule="0 3 * * *", **extra):
    return {"name": name, "start_urls": [f"{server.base}/col{column}/"], "schedule": schedule,
            "settings": FAST, **extra}


def write(workspace, *entries):
    workspace.write_sites(json.dumps({"sites": list(entries)}))


def runs(workspace):
    if not (workspace.data / "archive.sqlite3").exists():
        return []
    with Archive(workspace.db_url).session() as session:
        return [(r.site, r.trigger, r.status, r.log_path) for r in session.scalars(select(CrawlRun).order_by(CrawlRun.id))]


def wait_for(condition, timeout=90.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def scheduler(workspace, *args, check=False, timeout=120, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "scheduler.py"), *args], cwd=cwd, env=workspace.env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def server():
    site = ColumnSite(2, 6, 3)
    with FixtureSite(site.routes()) as srv:
        yield srv


def test_daemon_fires_reloads_and_stops_cleanly(workspace, server, tmp_path):
    write(workspace, site_entry("alpha", server, 0))
    log = open(tmp_path / "daemon.log", "w+")
    daemon = subprocess.Popen([sys.executable, "scheduler.py", "--jitter", "0", "--poll", "0.3", "--grace", "30"],
                              cwd=ROOT, env=workspace.env, stdout=log, stderr=subprocess.STDOUT)
    try:
        # never crawled, so due: it fires at start, then keeps its cron
        wait_for(lambda: ("alpha", "scheduled", "finished") in [r[:3] for r in runs(workspace)], what="alpha's run")
        # SIGHUP with a changed file: beta added (due, fires), alpha re-timed
        write(workspace, site_entry("alpha", server, 0, schedule="15 4 * * *"), site_entry("beta", server, 1))
        daemon.send_signal(signal.SIGHUP)
        wait_for(lambda: ("beta", "scheduled", "finished") in [r[:3] for r in runs(workspace)], what="beta's run")
        # an invalid file keeps the schedule and says so in one line
        workspace.write_sites("sites:\n  - name: alpha\n")
        daemon.send_signal(signal.SIGHUP)
        wait_for(lambda: "sites file invalid, keeping the previous schedule" in Path(log.name).read_text(),
                 what="the invalid-file line")
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=60) == 0
    finally:
        if daemon.poll() is None:
            daemon.kill()
    text = Path(log.name).read_text()
    assert "alpha: rescheduled to '15 4 * * *'" in text
    assert "Traceback" not in text
    assert f"{workspace.sites_file}: site 'alpha': field 'start_urls': required field is missing" in text
    records = runs(workspace)
    assert [r[:3] for r in records] == [("alpha", "scheduled", "finished"), ("beta", "scheduled", "finished")]
    assert all(Path(r[3]).is_file() and "Crawl summary" in Path(r[3]).read_text() for r in records)


def test_sigterm_lets_a_running_crawl_end_and_leaves_no_run_running(workspace, tmp_path):
    site = ColumnSite(1, 6, 3)
    with FixtureSite(site.routes(), delay=0.5) as slow:
        write(workspace, site_entry("slow", slow, 0))
        daemon = subprocess.Popen([sys.executable, "scheduler.py", "--jitter", "0", "--poll", "0.3", "--grace", "2"],
                                  cwd=ROOT, env=workspace.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: any(r[2] == "running" for r in runs(workspace)), what="a running crawl")
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=90) == 0
    statuses = [r[2] for r in runs(workspace)]
    assert statuses and "running" not in statuses


def test_a_site_waiting_for_a_crawl_slot_is_crawled_however_long_it_waits(workspace, tmp_path):
    """--max-crawls 1, two sites due at start: the second waits out the first crawl (worker
    start-up and three 1.5 s pages), longer than the misfire grace time of 3 s, and is crawled
    all the same: a wait for a slot is no misfire (in APScheduler's pool it was: dropped)."""
    site = ColumnSite(2, 2, 2)
    with FixtureSite(site.routes(), delay=1.5) as slow:
        write(workspace, site_entry("first", slow, 0), site_entry("second", slow, 1))
        log = open(tmp_path / "daemon.log", "w+")
        daemon = subprocess.Popen([sys.executable, "scheduler.py", "--jitter", "0", "--poll", "0.3", "--grace", "5",
                                   "--max-crawls", "1", "--misfire-grace", "3"],
                                  cwd=ROOT, env=workspace.env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: sum(r[2] == "finished" for r in runs(workspace)) == 2
                     or "was missed" in Path(log.name).read_text(), what="both runs, or a missed fire")
            daemon.send_signal(signal.SIGTERM)
            assert daemon.wait(timeout=60) == 0
        finally:
            if daemon.poll() is None:
                daemon.kill()
    assert "was missed" not in Path(log.name).read_text()
    assert sorted(r[:3] for r in runs(workspace)) == [("first", "scheduled", "finished"), ("second", "scheduled", "finished")]


def test_run_now_and_status(workspace, server, tmp_path):
    write(workspace, site_entry("alpha", server, 0), site_entry("down", server, 0, schedule="*/5 * * * *"))
    # paths relative to where scheduler.py is run are the paths its crawls use (they run in the
    # project folder): the run and its log land in this test's data folder
    relative = dict(workspace.env, GOVARCHIVE_SITES="sites.yaml", GOVARCHIVE_DATA="data",
                    GOVARCHIVE_DB="sqlite:///data/archive.sqlite3")
    proc = subprocess.run([sys.executable, str(ROOT / "scheduler.py"), "run", "alpha"], cwd=workspace.tmp,
                          env=relative, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    summary, log_line = proc.stdout.splitlines()
    assert summary.startswith("Crawl summary for alpha: 9 pages fetched") and "documents 6 new" in summary
    assert log_line.startswith(f"log {workspace.data}/logs/alpha/") and Path(log_line[4:]).is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # a site that is down (every connection refused): failed, exit 4, three times
    write(workspace, site_entry("alpha", server, 0),
          {**site_entry("down", server, 0, schedule="*/5 * * * *"), "start_urls": [f"http://127.0.0.1:{closed_port()}/col0/"]})
    for _ in range(3):
        proc = scheduler(workspace, "run", "down")
        assert proc.returncode == 4
        assert proc.stdout.splitlines()[0].endswith("1 errors; run failed: nothing archived or confirmed")
        assert proc.stderr.strip().startswith(f"error: crawl of 'down' failed; log {workspace.data}/logs/down/")
    out = scheduler(workspace, "status", cwd=elsewhere).stdout
    lines = out.splitlines()
    assert lines[0].startswith("  alpha: '0 3 * * *' (Asia/Shanghai), next ")
    assert "last run 1: finished (manual)" in lines[1] and "new 6" in lines[1]
    down = lines[lines.index(next(line for line in lines if line.startswith("! down:"))):]
    assert "last run 4: failed (manual)" in down[1] and "errors 1" in down[1]
    assert any(line.startswith("    warning: every request failed: 1 errors, nothing archived or confirmed (first: http://127.0.0.1:")
               for line in down)
    assert "    warning: 3 failed runs in a row" in down
    # every time in one zone
    assert len(set(re.findall(r"\d\d:\d\d:\d\d([+-]\d\d:\d\d)", out))) == 1
    assert [r[:3] for r in runs(workspace)][0] == ("alpha", "manual", "finished")


def test_run_now_respects_the_site_lock(workspace, server):
    write(workspace, site_entry("alpha", server, 0))
    lock = SiteLock(workspace.data, "alpha").acquire(run_id=7, trigger="scheduled")
    try:
        proc = scheduler(workspace, "run", "alpha")
    finally:
        lock.release()
    assert proc.returncode == 3
    assert proc.stderr.strip().endswith("error: site 'alpha' is being crawled by run 7 (pid %d, trigger scheduled)"
                                        % __import__("os").getpid())


# mid-crawl: 8 s leaves a crawl time to start (4 s under a loaded machine) and open its run
# record before the limit, while every page of the site takes 30 s to answer: a crawl not
# ended would take over 60 s (its list, then its documents)
@pytest.mark.parametrize("limit", [1, 8], ids=["before-its-run-record", "mid-crawl"])
def test_hung_crawl_is_ended_at_its_time_limit(workspace, limit):
    site = ColumnSite(1, 3, 3)
    with FixtureSite(site.routes(), delay=30) as hung:
        write(workspace, site_entry("hung", hung, 0, time_limit=limit))
        started = time.monotonic()
        proc = scheduler(workspace, "run", "hung")
        assert time.monotonic() - started < 55
    assert proc.returncode == 124
    statuses = [r[2] for r in runs(workspace)]
    if limit == 1:  # stopped while starting: its run record may not exist yet, never left open
        assert statuses in (["timed out"], [])
    else:
        assert statuses == ["timed out"]


def test_bad_sites_file_and_unknown_site(workspace):
    workspace.write_sites("sites: []\n")
    proc = scheduler(workspace)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {workspace.sites_file}: expected a top-level 'sites:' list with at least one site"
    workspace.write_sites(json.dumps({"sites": [{"name": "a", "start_urls": ["http://127.0.0.1:9/"], "schedule": "0 3 * * *"}]}))
    proc = scheduler(workspace, "run", "zzz")
    assert proc.returncode == 2 and proc.stderr.strip() == f"error: {workspace.sites_file}: unknown site 'zzz'; configured sites: a"
