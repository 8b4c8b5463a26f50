"""Run crawls in a long-lived crawl worker, as the scheduler and `scheduler.py run` do.

The worker (crawler.worker) is a child process running many crawls at once in one reactor;
this side hands it jobs (JSON lines on its stdin) and waits for their outcomes (on its
stdout), so a caller's `run()` blocks until its crawl ends, as it did when each crawl was a
process. The worker is started with the sites file, archive and data folder this process
resolved (absolute) and in the project folder, so a scheduler started from any directory and
its crawls use the same ones. Each crawl's log is a file under the data folder.

The worker enforces each crawl's time limit and grace; this side watches the worker: one that
exits (killed, out of memory) or stops saying it is alive (a reactor stuck in a loop) is
replaced — the crawls it had are closed as failed (or timed out) in their runs and reported,
the next ones go to a new worker. A worker asking to be recycled (after its crawl or memory
bound) gets no new job, finishes its own and exits; a fresh one takes the next.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from crawler.sites import SITES_ENV, sites_path
from crawler.worker import NOT_STARTED
from storage import runs
from storage.db import DATA_ENV, DB_ENV, PROJECT_ROOT, Archive
from storage.models import CrawlRun, utcnow
from storage.runs import ExitCode, RunStatus

log = logging.getLogger("govarchive.runner")
HANG_TIMEOUT = 120.0  # seconds without an "alive" line before a worker is taken for hung


@dataclass(frozen=True)
class CrawlResult:
    code: int               # the crawl's exit code (storage.runs.ExitCode)
    log_path: Path
    run: CrawlRun | None    # its run record, if the crawl got as far as making one


@dataclass
class _Pending:
    site: str
    launched: datetime
    started: float
    time_limit: float | None
    log_path: Path
    future: Future
    worker: "WorkerProcess"


class WorkerProcess:
    """One `python -m crawler.worker` child and the thread reading what it says."""

    def __init__(self, runner: "CrawlRunner") -> None:
        self.runner = runner
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.worker"], cwd=PROJECT_ROOT, env=runner.environment(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, text=True, bufsize=1,
            start_new_session=True)  # Ctrl-C reaches the daemon, which decides
        self.accepting = True
        self.last_alive = time.monotonic()
        self.jobs: set[str] = set()
        self._write = threading.Lock()
        threading.Thread(target=self._read, daemon=True, name=f"worker-{self.proc.pid}").start()

    def send(self, message: dict) -> bool:
        with self._write:
            try:
                self.proc.stdin.write(json.dumps(message) + "\n")
                self.proc.stdin.flush()
                return True
            except (BrokenPipeError, ValueError, OSError):
                return False

    def close_input(self) -> None:
        """No more jobs: the worker finishes what it has and exits."""
        self.accepting = False
        with self._write:
            try:
                self.proc.stdin.close()
            except OSError:
                pass

    def _read(self) -> None:
        for line in self.proc.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            self.last_alive = time.monotonic()
            event = message.pop("event", None)
            if event == "done":
                self.runner._done(message)
            elif event == "recycle":
                log.info("crawl worker %d asks to be recycled", self.proc.pid)
                with self.runner._guard:
                    self.accepting = False
                self.runner._maybe_close(self)
        self.proc.wait()
        self.runner._worker_exited(self)


class CrawlRunner:
    def __init__(self, data_dir: Path, archive: Archive, stop_grace: float = 30.0,
                 hang_timeout: float = HANG_TIMEOUT, workers: int = 1) -> None:
        self.data_dir = Path(data_dir).absolute()
        self.workers = max(1, workers)  # worker processes to spread crawls over (one reactor each)
        self.archive = archive
        self.stop_grace = stop_grace
        self.hang_timeout = hang_timeout
        self._pending: dict[str, _Pending] = {}  # job id → its crawl
        self._workers: list[WorkerProcess] = []
        self._ids = itertools.count(1)
        self._guard = threading.Lock()
        self._watching = False

    def log_path(self, site: str) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        return self.data_dir / "logs" / site / f"{stamp}.log"

    def environment(self) -> dict[str, str]:
        return dict(os.environ, **{SITES_ENV: str(sites_path()), DB_ENV: self.archive.url, DATA_ENV: str(self.data_dir),
                                   "GOVARCHIVE_WORKER_GRACE": str(self.stop_grace)})

    # --- the caller's side ------------------------------------------------------------------

    def run(self, site: str, *, trigger: str, full: bool = False, time_limit: float | None = None) -> CrawlResult:
        """Crawl `site` and wait for it."""
        path = self.log_path(site)
        path.parent.mkdir(parents=True, exist_ok=True)
        launched, started = utcnow(), time.time()
        for _attempt in range(3):  # a worker on its way out hands the job back: another takes it
            job_id = str(next(self._ids))
            future: Future = Future()
            with self._guard:
                worker = self._worker()
                pending = _Pending(site, launched, time.monotonic(), time_limit, path, future, worker)
                self._pending[job_id] = pending
                worker.jobs.add(job_id)
            sent = worker.send({"op": "crawl", "id": job_id, "site": site, "trigger": trigger, "full": full,
                                "time_limit": time_limit, "log_path": str(path), "sent_at": started})
            if not sent:  # died between being chosen and being told: its reader settles this job
                log.warning("%s: crawl worker %d gone before the job reached it", site, worker.proc.pid)
            outcome = future.result()
            if outcome.get("status") != NOT_STARTED:
                break
            with self._guard:
                worker.accepting = False
        code = outcome["code"]
        with self.archive.session() as session:
            run = runs.latest(session, site, since=pending.launched)
        return _reported(CrawlResult(code, path, run), site)

    def running(self) -> list[str]:
        with self._guard:
            return [p.site for p in self._pending.values()]

    def stop(self, site: str, status: RunStatus = RunStatus.INTERRUPTED) -> None:
        """Ask the worker to stop a crawl (it closes cleanly, or is given up after the grace
        period); the crawl's `run()` returns when it has."""
        with self._guard:
            targets = {p.worker for p in self._pending.values() if p.site == site}
        for worker in targets:
            worker.send({"op": "stop", "site": site, "status": status.value})

    def stop_all(self, wait: float) -> None:
        """Let running crawls finish for up to `wait` seconds, then stop the rest; then let the
        workers exit."""
        deadline = time.monotonic() + wait
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.2)
        for site in set(self.running()):
            self.stop(site)
        deadline = time.monotonic() + self.stop_grace + 10
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.2)
        self.close()

    def close(self, wait: float = 30.0) -> None:
        """Let every worker exit once its crawls are done (kill it after `wait` seconds more)."""
        with self._guard:
            workers = list(self._workers)
        for worker in workers:
            worker.close_input()
        for worker in workers:
            try:
                worker.proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                os.killpg(worker.proc.pid, signal.SIGKILL)
                worker.proc.wait()

    # --- the workers' side ------------------------------------------------------------------

    def _worker(self) -> WorkerProcess:
        """The worker taking jobs with the fewest crawls, a new one while there are fewer than
        `workers` (caller holds the guard)."""
        taking = [w for w in self._workers if w.accepting and w.proc.poll() is None]
        if len(taking) >= self.workers or (taking and not min(len(w.jobs) for w in taking)):
            return min(taking, key=lambda w: len(w.jobs))
        worker = WorkerProcess(self)
        self._workers.append(worker)
        log.info("crawl worker %d started", worker.proc.pid)
        if not self._watching:
            self._watching = True
            threading.Thread(target=self._watch, daemon=True, name="worker-watch").start()
        return worker

    def _done(self, message: dict) -> None:
        with self._guard:
            pending = self._pending.pop(str(message.get("id")), None)
            if pending is not None:
                pending.worker.jobs.discard(str(message.get("id")))
        if pending is not None:
            pending.future.set_result(message)
            self._maybe_close(pending.worker)

    def _maybe_close(self, worker: WorkerProcess) -> None:
        """A recycling worker with no job left gets EOF: it exits."""
        with self._guard:  # no job is being handed to it meanwhile
            if not worker.accepting and not worker.jobs:
                worker.close_input()

    def _worker_exited(self, worker: WorkerProcess) -> None:
        """The worker is gone: its crawls end here, their runs closed as the worker could not."""
        with self._guard:
            if worker in self._workers:
                self._workers.remove(worker)
            orphans = {job: p for job, p in self._pending.items() if p.worker is worker}
            for job in orphans:
                del self._pending[job]
        code = worker.proc.returncode
        if orphans:
            log.error("crawl worker %d exited (%s) with %d crawls running: %s", worker.proc.pid, code,
                      len(orphans), ", ".join(sorted(p.site for p in orphans.values())))
        for job, pending in orphans.items():
            over = pending.time_limit is not None and time.monotonic() - pending.started >= pending.time_limit
            try:
                with self.archive.session() as session:
                    if over:
                        runs.interrupt(session, pending.site, since=pending.launched, status=RunStatus.TIMED_OUT)
                    elif (run := runs.latest(session, pending.site, since=pending.launched)) is not None \
                            and run.status == RunStatus.RUNNING:
                        runs.fail(session, run.id, f"crawl worker exited {code}")
            except Exception:  # noqa: BLE001 (the archive down: the site's next crawl closes the run)
                log.exception("%s: run not closed", pending.site)
            with open(pending.log_path, "a", encoding="utf-8") as fh:
                fh.write(f"error: the crawl worker (pid {worker.proc.pid}) exited ({code}) during this crawl\n")
            pending.future.set_result({"id": job, "code": ExitCode.TIMED_OUT if over else ExitCode.ERROR})

    def _watch(self) -> None:
        """Kill a worker that stopped saying it is alive: its reader then settles its crawls."""
        while True:
            time.sleep(1.0)
            with self._guard:
                workers = list(self._workers)
            for worker in workers:
                if worker.proc.poll() is None and time.monotonic() - worker.last_alive > self.hang_timeout:
                    log.error("crawl worker %d silent for %.0fs: killed", worker.proc.pid, self.hang_timeout)
                    try:
                        os.killpg(worker.proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass



class ProcessRunner:
    """The former way, kept for comparison (bench/fleet.py) and for a site to be crawled apart
    (`scheduler.py --process-per-crawl`): each crawl a fresh `scrapy crawl gov` process; over
    its time limit it is asked to stop (SIGTERM), then killed, and its run closed as timed out."""

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
        return _reported(CrawlResult(code, path, run), site)

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

    def close(self, wait: float = 0) -> None:
        """Nothing outlives a crawl here."""


def _reported(result: CrawlResult, site: str) -> CrawlResult:
    """The daemon's log line for a crawl that ended, however it was run."""
    code, path, run = result.code, result.log_path, result.run
    if code == ExitCode.LOCKED:
        log.info("%s: skipped, another crawl holds the site (%s)", site, path)
    elif code == ExitCode.TIMED_OUT:
        log.warning("%s: crawl ended at its time limit, log %s", site, path)
    elif code == ExitCode.FAILED:
        log.warning("%s: crawl failed (nothing archived or confirmed), log %s", site, path)
    elif code:
        log.warning("%s: crawl ended with code %s, log %s", site, code, path)
    else:
        log.info("%s: crawl %s, log %s", site, run.status if run else "ended", path)
    return result
