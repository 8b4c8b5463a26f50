"""A long-lived crawl worker: one process, one Twisted reactor, one Scrapy crawler per site.

Starting a `scrapy crawl` process costs seconds of CPU and hundreds of megabytes before the
first request; a crawl of a small site needs a fraction of that. Here a site is a crawler
started in a running reactor (Scrapy's CrawlerRunner) and Scrapy's per-domain download slots
keep each site polite. Each crawl keeps what a crawl process had: its site lock
(storage.locks), its run record and summary (crawler.extensions), its per-site settings (the
spider applies them), its log file (the lines Scrapy and govarchive tag with its spider), a
time limit, and a graceful stop. One crawl cannot stall the others: a crawl over its time
limit is closed, and if it does not close within the grace period it is given up (its run
closed as timed out, its lock kept until it does end); a crawl that raises ends alone; pages
are extracted in one process pool shared by every crawl (crawler.extractor). The process is
recycled, as Scrapyd and Celery workers are, after GOVARCHIVE_WORKER_MAX_CRAWLS crawls or
GOVARCHIVE_WORKER_MAX_RSS_MB of memory: it takes no new crawl, finishes its own and exits.

Crawls come from a job source: the daemon over this process's stdin (crawler.runner, the
single-machine default), or a queue (crawler.fleet).

    python -m crawler.worker        speaks JSON lines on stdin/stdout (crawler.runner starts it)
"""
from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from storage.runs import ExitCode, RunStatus

log = logging.getLogger("govarchive.worker")
REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
# What every crawler of a worker runs with, over the project's settings.
WORKER_SETTINGS = {
    "GOVARCHIVE_SHARED_RESOURCES": True,  # one archive engine, WARC store and extraction pool
    "TELNETCONSOLE_ENABLED": False,       # a console per crawler would be a port per site
    "REMOTE_CONTROL_ENABLED": False,      # so would a remote-control server
    "MEMUSAGE_ENABLED": False,            # the worker watches the process's memory itself
}
# Seconds a crawl stopped at its time limit gets to close before it is given up: it has had
# its time (a stop asked for by the daemon or a signal gets the worker's stop_grace).
TIME_LIMIT_GRACE = 10.0
NOT_STARTED = "not started: worker stopping"  # the outcome of a job handed to a worker on its way out
LOG_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"


@dataclass
class CrawlJob:
    site: str
    trigger: str = "scheduled"
    full: bool = False
    time_limit: float | None = None
    log_path: str | None = None
    id: str = ""
    sent_at: float | None = None  # time.time() when handed over: the time limit counts from then


@dataclass
class CrawlOutcome:
    id: str
    site: str
    code: int
    log_path: str | None
    run_id: int | None = None
    status: str | None = None


@dataclass
class _Crawl:
    job: CrawlJob
    crawler: object
    lock: object
    log_handler: logging.Handler | None
    launched: datetime
    done: Callable[[CrawlOutcome], None]
    stop_status: RunStatus | None = None   # why we stopped it, if we did
    reported: bool = False
    timers: list = field(default_factory=list)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class CrawlLogRouter(logging.Handler):
    """Files each log record in the log of the crawl it names (Scrapy's `extra={"spider": …}`,
    or `crawler`); records of no crawl go to the worker's own stream at WARNING and above."""

    def __init__(self, fallback: logging.Handler) -> None:
        super().__init__(logging.DEBUG)
        self.fallback = fallback
        self.by_spider: dict[int, logging.Handler] = {}
        self.by_crawler: dict[int, logging.Handler] = {}

    def add(self, crawler, handler: logging.Handler) -> None:
        self.by_crawler[id(crawler)] = handler

    def spider_opened(self, crawler) -> None:
        if (handler := self.by_crawler.get(id(crawler))) is not None and crawler.spider is not None:
            self.by_spider[id(crawler.spider)] = handler

    def remove(self, crawler) -> None:
        self.by_crawler.pop(id(crawler), None)
        if getattr(crawler, "spider", None) is not None:
            self.by_spider.pop(id(crawler.spider), None)

    def emit(self, record: logging.LogRecord) -> None:
        handler = None
        if (spider := getattr(record, "spider", None)) is not None:
            handler = self.by_spider.get(id(spider))
            if handler is None and (crawler := getattr(spider, "crawler", None)) is not None:
                handler = self.by_crawler.get(id(crawler))
        elif (crawler := getattr(record, "crawler", None)) is not None:
            handler = self.by_crawler.get(id(crawler))
        if handler is not None:
            if record.levelno >= handler.level:
                handler.handle(record)
        elif record.levelno >= self.fallback.level:
            self.fallback.handle(record)


def rss_mb() -> float:
    """This process's resident memory now (Linux), else its peak."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class CrawlWorker:
    """Runs crawls in this process's reactor. Every method runs in the reactor thread."""

    def __init__(self, settings=None, *, stop_grace: float = 30.0) -> None:
        from scrapy.crawler import CrawlerRunner
        from scrapy.utils.project import get_project_settings

        self.settings = settings if settings is not None else get_project_settings()
        for name, value in WORKER_SETTINGS.items():
            self.settings.set(name, value, priority="cmdline")
        self.runner = CrawlerRunner(self.settings)
        self.stop_grace = stop_grace
        self.max_crawls = self.settings.getint("GOVARCHIVE_WORKER_MAX_CRAWLS", 1000)
        self.max_rss = self.settings.getfloat("GOVARCHIVE_WORKER_MAX_RSS_MB", 1024)
        self.crawls: dict[str, _Crawl] = {}
        self.crawls_started = 0
        self.ended_since_trim = 0  # crawls ended since freed memory was last given back
        self.draining = False   # takes no new crawl (stdin closed, SIGTERM)
        self.recycling = False  # wants to be replaced; exits when idle if exit_when_recycled
        self.exit_when_recycled = False
        self.on_recycle: Callable[[], None] | None = None  # told once when the worker wants to be replaced
        self.on_idle: Callable[[], None] | None = None     # told when draining and nothing runs
        fallback = logging.StreamHandler(sys.stderr)
        fallback.setLevel(logging.WARNING)
        fallback.setFormatter(logging.Formatter(LOG_FORMAT))
        self.router = CrawlLogRouter(fallback)
        root = logging.getLogger()
        root.addHandler(self.router)
        root.setLevel(min(root.level or logging.INFO, logging.INFO))

    # --- starting ---------------------------------------------------------------------------

    def crawl(self, job: CrawlJob, done: Callable[[CrawlOutcome], None]) -> None:
        """Start crawling job.site; `done` is called once with its outcome."""
        from scrapy.crawler import Crawler

        from crawler.resources import HELD_LOCKS
        from crawler.spiders.gov import GovSpider
        from storage.db import archive_url, data_dir
        from storage.locks import SiteLocked, site_lock

        log_path = job.log_path
        if log_path:
            Path(log_path).parent.mkdir(parents=True, exist_ok=True)
        if self.draining:
            return done(CrawlOutcome(job.id, job.site, ExitCode.ERROR, log_path, status=NOT_STARTED))
        data = data_dir(self.settings.get("GOVARCHIVE_DATA"))
        lock = site_lock(data, job.site, archive_url(self.settings.get("GOVARCHIVE_DB"), data))
        try:
            lock.acquire(trigger=job.trigger, started=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        except SiteLocked as exc:
            _append(log_path, f"error: {exc}")
            return done(CrawlOutcome(job.id, job.site, ExitCode.LOCKED, log_path))
        except Exception as exc:  # noqa: BLE001 (the archive's server unreachable: this crawl's error)
            _append(log_path, f"error: site lock of {job.site!r} not taken: {type(exc).__name__}: {exc}")
            return done(CrawlOutcome(job.id, job.site, ExitCode.ERROR, log_path))
        HELD_LOCKS[job.site] = lock  # the run recorder notes its run id in it
        settings = self.settings.copy()
        if log_path:
            settings.set("GOVARCHIVE_RUN_LOG", log_path, priority="cmdline")
        handler = None
        crawl = None
        try:
            crawler = Crawler(GovSpider, settings)
            if log_path:
                handler = logging.FileHandler(log_path, encoding="utf-8", delay=True)
                handler.setFormatter(logging.Formatter(LOG_FORMAT))
                handler.setLevel(settings.get("LOG_LEVEL", "INFO"))
                self.router.add(crawler, handler)
            crawl = _Crawl(job, crawler, lock, handler, utcnow(), done)
            self.crawls[job.site] = crawl
            self.crawls_started += 1
            from scrapy import signals

            crawler.signals.connect(lambda spider: self.router.spider_opened(crawler), signal=signals.spider_opened)
            args = {"site": job.site, "trigger": job.trigger, **({"full": "1"} if job.full else {})}
            deferred = self.runner.crawl(crawler, **args)
        except Exception as exc:  # noqa: BLE001 (this site's crawl could not be made: its error alone)
            self._ended(crawl or _Crawl(job, None, lock, handler, utcnow(), done), exc)
            return
        if job.time_limit:
            from twisted.internet import reactor

            left = job.time_limit - (max(0.0, time.time() - job.sent_at) if job.sent_at else 0.0)
            crawl.timers.append(reactor.callLater(max(left, 0.0), self.stop, job.site, RunStatus.TIMED_OUT))
        deferred.addCallbacks(lambda _: self._ended(crawl, None), lambda failure: self._ended(crawl, failure))

    # --- stopping ---------------------------------------------------------------------------

    def stop(self, site: str, status: RunStatus = RunStatus.INTERRUPTED) -> None:
        """Close a crawl (Scrapy closes it cleanly); give it up after the grace period."""
        from scrapy.utils.defer import deferred_from_coro
        from twisted.internet import reactor

        crawl = self.crawls.get(site)
        if crawl is None or crawl.stop_status is not None:
            return
        crawl.stop_status = status
        log.warning("%s: stopping its crawl (%s)", site, status, extra={"crawler": crawl.crawler})
        engine = getattr(crawl.crawler, "engine", None)
        if engine is not None and engine.spider is not None:
            reason = "closespider_timeout" if status == RunStatus.TIMED_OUT else "shutdown"
            deferred_from_coro(engine.close_spider_async(reason=reason)).addErrback(lambda f: None)
        else:
            deferred_from_coro(crawl.crawler.stop_async()).addErrback(lambda f: None)
        grace = min(self.stop_grace, TIME_LIMIT_GRACE) if status == RunStatus.TIMED_OUT else self.stop_grace
        crawl.timers.append(reactor.callLater(grace, self._give_up, crawl))

    def _give_up(self, crawl: _Crawl) -> None:
        """A crawl that did not close within the grace period (a download that hangs on):
        its run is closed with the status it was stopped for and reported; its lock is kept
        until it does end, so the site is not crawled twice at once."""
        if crawl.reported:
            return
        log.warning("%s: crawl did not close in time; given up", crawl.job.site, extra={"crawler": crawl.crawler})
        self._close_run(crawl, crawl.stop_status or RunStatus.INTERRUPTED)
        self._report(crawl, ExitCode.TIMED_OUT if crawl.stop_status == RunStatus.TIMED_OUT else ExitCode.ERROR)
        self.draining_check(recycle=True)  # something in it hangs: replace the process when it can be

    def stop_all(self) -> None:
        for site in list(self.crawls):
            self.stop(site)

    def drain(self) -> None:
        """Take no new crawl; when the running ones have ended, call on_idle."""
        self.draining = True
        self.draining_check()

    def draining_check(self, recycle: bool = False) -> None:
        if not self.recycling and (recycle or self.crawls_started >= self.max_crawls or rss_mb() > self.max_rss):
            log.info("worker %d: recycling after %d crawls at %.0f MB", os.getpid(), self.crawls_started, rss_mb())
            self.recycling = True
            if self.on_recycle:
                self.on_recycle()
        # crawls given up are not waited for: their runs are closed, exiting ends their downloads
        leaving = self.draining or (self.recycling and self.exit_when_recycled)
        if leaving and all(crawl.reported for crawl in self.crawls.values()) and self.on_idle:
            self.on_idle()

    # --- ending -----------------------------------------------------------------------------

    def _ended(self, crawl: _Crawl, failure) -> None:
        from crawler.resources import HELD_LOCKS

        for timer in crawl.timers:
            if timer.active():
                timer.cancel()
        site = crawl.job.site
        if failure is not None:
            exc = getattr(failure, "value", failure)
            log.error("%s: crawl raised %s: %s", site, type(exc).__name__, exc, extra={"crawler": crawl.crawler},
                      exc_info=(type(exc), exc, exc.__traceback__) if isinstance(exc, BaseException) else None)
            self._close_run(crawl, None, reason=f"crawl raised {type(exc).__name__}: {exc}")
            code = ExitCode.ERROR
        else:
            stats = crawl.crawler.stats
            status = stats.get_value("govarchive/run_status") if stats else None
            if crawl.stop_status == RunStatus.TIMED_OUT:
                self._close_run(crawl, RunStatus.TIMED_OUT)
                code = ExitCode.TIMED_OUT
            elif crawl.stop_status is not None:
                self._close_run(crawl, crawl.stop_status)
                code = ExitCode.OK
            elif status == RunStatus.FAILED:
                code = ExitCode.FAILED
            elif status is None:  # closed before its run opened (its lock was taken by another)
                code = ExitCode.ERROR
            else:
                code = ExitCode.OK
        self._report(crawl, code)
        if crawl.crawler is not None:
            self.router.remove(crawl.crawler)
        if crawl.log_handler is not None:
            crawl.log_handler.close()
        if self.crawls.get(site) is crawl:
            del self.crawls[site]
        if HELD_LOCKS.get(site) is crawl.lock:
            del HELD_LOCKS[site]
        crawl.lock.release()
        self.ended_since_trim += 1
        self.draining_check()

    def _close_run(self, crawl: _Crawl, status: RunStatus | None, reason: str | None = None) -> None:
        """Say how a crawl ended in its run, when the crawl itself could not: stopped (status),
        or failed (reason)."""
        from storage import runs

        try:
            archive = self._archive()
            with archive.session() as session:
                if status is not None:
                    runs.interrupt(session, crawl.job.site, since=crawl.launched, status=status)
                else:
                    run = runs.latest(session, crawl.job.site, since=crawl.launched)
                    if run is not None and run.status == RunStatus.RUNNING:
                        runs.fail(session, run.id, reason or "crawl failed")
        except Exception:  # noqa: BLE001 (the archive down: said, and the next crawl closes the run)
            log.exception("%s: run not closed", crawl.job.site)

    def _archive(self):
        from crawler.resources import shared_resources

        return shared_resources(self.settings).archive

    def _report(self, crawl: _Crawl, code: int) -> None:
        if crawl.reported:
            return
        crawl.reported = True
        run_id, status = None, None
        try:
            from storage import runs

            with self._archive().session() as session:
                run = runs.latest(session, crawl.job.site, since=crawl.launched)
                if run is not None:
                    run_id, status = run.id, run.status
        except Exception:  # noqa: BLE001
            log.exception("%s: run not read", crawl.job.site)
        crawl.done(CrawlOutcome(crawl.job.id, crawl.job.site, int(code), crawl.job.log_path, run_id, status))

    def open(self) -> None:
        """Open the archive once (schema upgrade, data folder) before the first crawl; give
        back what ended crawls freed every few seconds."""
        from twisted.internet import task

        self._archive()
        task.LoopingCall(self.give_back_memory).start(TRIM_EVERY, now=False)

    def give_back_memory(self) -> None:
        """Return the heap that ended crawls freed to the system. glibc keeps it for the
        process otherwise: a worker's memory would stay at its busiest, and a recycled one
        finishing its last crawls would hold that beside its successor's."""
        if self.ended_since_trim and _LIBC is not None:
            self.ended_since_trim = 0
            _LIBC.malloc_trim(0)

    def close(self) -> None:
        from crawler.extractor import Extractor
        from crawler.resources import close_shared

        Extractor.close_shared()
        close_shared()


def _libc():
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # glibc only
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _libc()
TRIM_EVERY = 5.0  # seconds between give_back_memory calls


def _append(path: str | None, line: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def install_reactor() -> None:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    try:  # each crawl holds sockets and a log file: hundreds at once need more than 1024 descriptors
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY or soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard))
    except (ImportError, ValueError, OSError):
        pass
    from scrapy.utils.reactor import install_reactor as install

    install(REACTOR)


# --- the daemon's job source: JSON lines on stdin/stdout ---------------------------------------

HEARTBEAT = 2.0  # seconds between "alive" lines to the daemon


def serve_stdio() -> int:
    """Take crawl jobs from stdin, one JSON object a line ({"op": "crawl", …job} or
    {"op": "stop", "site", "status"}), answer each with a line on stdout ({"event": "done", …}).
    EOF on stdin: take no more, finish, exit. SIGTERM: the same, then stop what runs after the
    grace period. The worker says {"event": "recycle"} when it wants to be replaced."""
    protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)  # print() of any library goes to the log, not into the protocol
    sys.stdout = sys.stderr
    install_reactor()
    from twisted.internet import reactor, task

    grace = float(os.environ.get("GOVARCHIVE_WORKER_GRACE", "30"))
    worker = CrawlWorker(stop_grace=grace)
    write_lock = threading.Lock()

    def send(message: dict) -> None:
        with write_lock:
            try:
                protocol.write(json.dumps(message) + "\n")
            except (BrokenPipeError, ValueError):  # the daemon is gone: nothing to tell
                pass

    def handle(message: dict) -> None:
        op = message.pop("op", None)
        if op == "crawl":
            job = CrawlJob(**message)
            worker.crawl(job, lambda outcome: send({"event": "done", **asdict(outcome)}))
        elif op == "stop":
            worker.stop(message["site"], RunStatus(message.get("status", RunStatus.INTERRUPTED.value)))

    def read_stdin() -> None:
        for line in sys.stdin:
            if line.strip():
                reactor.callFromThread(handle, json.loads(line))
        reactor.callFromThread(worker.drain)

    def finish() -> None:
        if reactor.running:
            reactor.stop()

    def terminate(*_) -> None:
        reactor.callFromThread(worker.drain)
        reactor.callFromThread(reactor.callLater, grace, worker.stop_all)

    worker.on_recycle = lambda: send({"event": "recycle"})
    worker.on_idle = finish
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the daemon decides; Ctrl-C reaches it
    worker.open()
    beat = task.LoopingCall(lambda: send({"event": "alive", "crawls": len(worker.crawls), "rss_mb": round(rss_mb())}))
    beat.start(HEARTBEAT)
    threading.Thread(target=read_stdin, daemon=True, name="jobs").start()
    reactor.run(installSignalHandlers=False)
    worker.close()
    return 0


if __name__ == "__main__":
    sys.exit(serve_stdio())
