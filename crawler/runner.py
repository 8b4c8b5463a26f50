"""Run one crawl of one site in its own process, as the scheduler and `scheduler.py run` do.

A Twisted reactor cannot be restarted, so every crawl is a fresh `scrapy crawl gov` process,
with its output in a log file under the data folder, started in the project folder with the
sites file, archive and data folder this process resolved (absolute), so a scheduler started
from any directory and its crawls use the same ones. A crawl over its time limit is asked to
stop (SIGTERM: Scrapy closes cleanly), then killed; its run is then closed as timed out so no
run stays marked running.
"""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from crawler.sites import SITES_ENV, sites_path
from storage import runs
from storage.db import DATA_ENV, DB_ENV, PROJECT_ROOT, Archive
from storage.models import CrawlRun, utcnow
from storage.runs import ExitCode, RunStatus

log = logging.getLogger("govarchive.runner")


@dataclass(frozen=True)
class CrawlResult:
    code: int               # the crawl's exit code (storage.runs.ExitCode)
    log_path: Path
    run: CrawlRun | None    # its run record, if the crawl got as far as making one


class CrawlRunner:
    def __init__(self, data_dir: Path, archive: Archive, stop_grace: float = 30.0) -> None:
        self.data_dir = Path(data_dir).absolute()
        self.archive = archive
        self.stop_grace = stop_grace
        self._procs: dict[str, tuple[subprocess.Popen, object]] = {}  # site → (process, launch time)
        self._guard = threading.Lock()

    def log_path(self, site: str) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        return self.data_dir / "logs" / site / f"{stamp}.log"

    def environment(self) -> dict[str, str]:
        return dict(os.environ, **{SITES_ENV: str(sites_path()), DB_ENV: self.archive.url, DATA_ENV: str(self.data_dir)})

    def run(self, site: str, *, trigger: str, full: bool = False, time_limit: float | None = None) -> CrawlResult:
        """Crawl `site` and wait for it."""
        path = self.log_path(site)
        path.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "scrapy", "crawl", "gov", "-a", f"site={site}", "-a", f"trigger={trigger}",
                   "-s", f"GOVARCHIVE_RUN_LOG={path}"] + (["-a", "full=1"] if full else [])
        launched = utcnow()
        with open(path, "ab") as out:
            proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=self.environment(), stdout=out,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
            with self._guard:
                self._procs[site] = (proc, launched)
            try:
                code = proc.wait(timeout=time_limit)
            except subprocess.TimeoutExpired:
                log.warning("%s: crawl over its time limit of %ss, stopping it", site, time_limit)
                self.stop(site, status=RunStatus.TIMED_OUT)
                proc.wait()
                code = ExitCode.TIMED_OUT
            finally:
                with self._guard:
                    self._procs.pop(site, None)
        with self.archive.session() as session:
            run = runs.latest(session, site, since=launched)
            if run is not None and run.status == RunStatus.RUNNING and code not in (ExitCode.OK, ExitCode.LOCKED):
                runs.fail(session, run.id, f"crawl process exited {code}")  # died before closing its run
        if code == ExitCode.LOCKED:
            log.info("%s: skipped, another crawl holds the site (%s)", site, path)
        elif code == ExitCode.TIMED_OUT:
            log.warning("%s: crawl ended at its time limit, log %s", site, path)
        elif code == ExitCode.FAILED:
            log.warning("%s: crawl failed (nothing archived or confirmed), log %s", site, path)
        elif code:
            log.warning("%s: crawl exited %s, log %s", site, code, path)
        else:
            log.info("%s: crawl %s, log %s", site, run.status if run else "ended", path)
        return CrawlResult(code, path, run)

    def running(self) -> list[str]:
        with self._guard:
            return list(self._procs)

    def stop(self, site: str, status: RunStatus = RunStatus.INTERRUPTED) -> None:
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
        # site's runs started since launch is still open, or closed itself as interrupted.
        with self.archive.session() as session:
            runs.interrupt(session, site, since=launched, status=status)

    def stop_all(self, wait: float) -> None:
        """Let running crawls finish for up to `wait` seconds, then stop the rest."""
        deadline = time.monotonic() + wait
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.2)
        for site in self.running():
            self.stop(site)
