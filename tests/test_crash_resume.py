"""Killing a crawl with SIGKILL at any moment, then starting it again, loses no document and
archives none twice."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from storage.db import Archive
from storage.locks import SiteLock
from storage.models import CrawlRun, Document, DocumentUrl, DocumentVersion
from tests.conftest import FAST, ROOT
from tests.sitekit import ColumnSite, FixtureSite


def processes_of(workspace) -> list[int]:
    """Live processes started for this test's archive (their environment names its data folder)."""
    marker = f"GOVARCHIVE_DATA={workspace.data}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                with open(f"/proc/{entry}/environ", "rb") as fh:
                    if marker in fh.read().split(b"\0"):
                        found.append(int(entry))
            except OSError:
                continue
    return found


def documents_archived(workspace) -> int:
    if not (workspace.data / "archive.sqlite3").exists():
        return 0
    archive = Archive(workspace.db_url, upgrade=False)
    try:
        with archive.session() as session:
            return session.scalar(select(func.count(Document.id))) or 0
    except Exception:  # noqa: BLE001 (the crawl is still creating the schema)
        return 0
    finally:
        archive.dispose()


def wait_for_documents(workspace, count: int, proc, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline and documents_archived(workspace) < count:
        time.sleep(0.05)


def test_sigkill_several_times_then_resume(workspace):
    site = ColumnSite(3, 20, 5)
    expected = sorted(site.doc_path(d) for docs in site.docs.values() for d in docs)
    rng = random.Random(20261122)
    with FixtureSite(site.routes(), delay=0.03) as server:
        workspace.write_sites(json.dumps({"sites": [{
            "name": "cols", "start_urls": [f"{server.base}/col{c}/" for c in range(3)],
            "schedule": "0 3 * * *", "settings": FAST}]}))
        command = [sys.executable, "-m", "scrapy", "crawl", "gov", "-a", "site=cols"]
        kills, partial = 0, []
        for _ in range(4):
            proc = subprocess.Popen(command, cwd=ROOT, env=workspace.env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # kill once a few more documents are archived: mid-crawl however slow the machine is
            wait_for_documents(workspace, (partial[-1] if partial else 0) + rng.randint(1, 8), proc)
            time.sleep(rng.uniform(0, 0.3))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                kills += 1
            proc.wait(timeout=30)
            # the kernel released the lock with the process: the site is free at once
            SiteLock(workspace.data, "cols").acquire().release()
            if (workspace.data / "archive.sqlite3").exists():
                with Archive(workspace.db_url).session() as session:
                    partial.append(session.scalar(select(func.count(Document.id))))
        assert kills >= 3, "the crawl should still be running at most of the kill moments"
        assert any(0 < n < len(expected) for n in partial), f"no kill landed mid-crawl: {partial}"
        workspace.crawl("cols")  # resumes: walks every list page, fetches what is missing

    # nothing the killed crawls started (extraction workers) outlives them
    deadline = time.monotonic() + 10
    while processes_of(workspace) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert processes_of(workspace) == []

    records = workspace.export()
    assert sorted(r["url"].removeprefix(server.base) for r in records) == expected
    assert all(len(r["urls"]) == 1 and r["versions"] == 1 for r in records)
    with Archive(workspace.db_url).session() as session:
        assert session.scalar(select(func.count(Document.id))) == len(expected)
        assert session.scalar(select(func.count(DocumentUrl.id))) == len(expected)
        assert session.scalar(select(func.count(DocumentVersion.id))) == len(expected)
        statuses = list(session.scalars(select(CrawlRun.status).order_by(CrawlRun.id)))
    assert statuses[-1] == "finished"
    assert "running" not in statuses and statuses.count("interrupted") >= 1
