"""Run one crawl of one site in its own process, as the scheduler and `scheduler.py run` do.

A Twisted reactor cannot be restarted, so every crawl is a fresh `scrapy crawl gov` process,
with its output in a log file under the data folder. A crawl over its time limit is asked to
stop (SIGTERM: Scrapy closes cleanly), then killed; its run record is then closed as
"timed out" so no run stays marked running.
"""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import update

from storage.db import Archive
from storage.models import CrawlRun, utcnow

ROOT = Path(__file__).resolve().parent.parent  # where scrapy.cfg is
EXIT_LOCKED = 3
EXIT_TIMED_OUT = 124  # as timeout(1) says it
log = logging.getLogger("govarchive.runner")


class CrawlRunner:
    def __init__(self, data_dir: Path, archive: Archive, stop_grace: float = 30.0) -> None:
        self.data_dir = Path(data_dir)
        self.archive = archive
        self.stop_grace = stop_grace
        self._procs: dict[str, tuple[subprocess.Popen, object]] = {}  # site → (process, launch time)
        self._guard = threading.Lock()

    def log_path(self, site: str) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        return self.data_dir / "logs" / site / f"{stamp}.log"

    def run(self, site: str, *, trigger: str, full: bool = False, time_limit: float | None = None) -> int:
        """Crawl `site` and wait for it; returns the crawl's exit code."""
        path = self.log_path(site)
        path.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "scrapy", "crawl", "gov", "-a", f"site={site}", "-a", f"trigger={trigger}",
                   "-s", f"GOVARCHIVE_RUN_LOG={path}"] + (["-a", "full=1"] if full else [])
        launched = utcnow()
        with open(path, "ab") as out:
            proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            with self._guard:
                self._procs[site] = (proc, launched)
            try:
                code = proc.wait(timeout=time_limit)
            except subprocess.TimeoutExpired:
                log.warning("%s: crawl over its time limit of %ss, stopping it", site, time_limit)
                self.stop(site, status="timed out")
                proc.wait()
                code = EXIT_TIMED_OUT
            finally:
                with self._guard:
                    self._procs.pop(site, None)
        if code == EXIT_LOCKED:
            log.info("%s: skipped, another crawl holds the site (%s)", site, path)
        elif code == EXIT_TIMED_OUT:
            log.warning("%s: crawl ended at its time limit, log %s", site, path)
        elif code:
            log.warning("%s: crawl exited %s, log %s", site, code, path)
        else:
            log.info("%s: crawl finished, log %s", site, path)
        return code

    def running(self) -> list[str]:
        with self._guard:
            return list(self._procs)

    def stop(self, site: str, status: str = "interrupted") -> None:
        """Ask a crawl to stop (SIGTERM), kill it after the grace period, close its run."""
        with self._guard:
            proc, launched = self._procs.get(site, (None, None))
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=self.stop_grace)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        # The crawl may have been stopped before, while or after it created its run record;
        # now that it is gone nobody else holds the site, so its run is whichever of the
        # site's runs started since launch is still open ("shutdown" is what Scrapy records
        # on SIGTERM: say why it stopped).
        with self.archive.session() as session:
            session.execute(update(CrawlRun)
                            .where(CrawlRun.site == site, CrawlRun.started_at >= launched,
                                   CrawlRun.status.in_(["running", "shutdown"]))
                            .values(status=status, ended_at=utcnow()))

    def stop_all(self, wait: float) -> None:
        """Let running crawls finish for up to `wait` seconds, then stop the rest."""
        deadline = time.monotonic() + wait
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.2)
        for site in self.running():
            self.stop(site)
