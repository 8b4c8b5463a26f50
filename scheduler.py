"""The govarchive daemon: crawls each configured site on its schedule, forever.

    python scheduler.py                 run the daemon (Ctrl-C / SIGTERM to stop, SIGHUP to reload)
    python scheduler.py run SITE [--full]   one crawl now, through the same path and lock
    python scheduler.py status          every site: schedule, next fire, last run, warnings

One APScheduler job per site on its 5-field cron (Asia/Shanghai unless the site says
otherwise); every crawl in one long-lived crawl worker process (crawler.worker: a Scrapy crawler
per site in one reactor, recycled after a number of crawls or megabytes); at most --max-crawls
at once and one per site, the others due waiting their turn in the order they fell due;
coalesced, with a misfire grace time, so a machine that slept does not fire a backlog; a little
jitter so sites sharing a cron do not start in the same second. A site that is due (never
crawled, or a fire time passed while the daemon was down) is crawled once at start. The sites
file is re-read on SIGHUP and when it changes; an invalid file keeps the old schedule.

Paths are resolved the same from any working directory (defaults in the project folder) and
handed to every crawl; times are shown in this machine's time zone.
"""
from __future__ import annotations

import argparse
import logging
import os
import queue
import signal
import sys
import threading
from datetime import datetime, timezone

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from crawler.runner import CrawlRunner, ProcessRunner
from crawler.sites import Site, SiteConfigError, load_sites, sites_path
from storage import runs
from storage.db import Archive, ArchiveError, data_dir, writable_dir
from storage.locks import SiteLocked, site_lock
from storage.runs import ExitCode, RunStatus

log = logging.getLogger("govarchive.scheduler")
LEADER_LOCK = "scheduler/leader"  # no site is named so: site names hold no '/'


def trigger_for(site: Site, jitter: int) -> CronTrigger:
    trigger = CronTrigger.from_crontab(site.schedule, timezone=site.timezone)
    trigger.jitter = jitter or None
    return trigger


def next_fire(site: Site, now: datetime | None = None) -> datetime | None:
    """When the site's cron fires next (without the daemon's jitter)."""
    trigger = CronTrigger.from_crontab(site.schedule, timezone=site.timezone)
    return trigger.get_next_fire_time(None, now or datetime.now(timezone.utc))


def is_due(archive: Archive, site: Site) -> bool:
    """Never crawled, or a scheduled time has passed since its last crawl started."""
    with archive.session() as session:
        last = runs.latest(session, site.name)
    if last is None:
        return True
    trigger = CronTrigger.from_crontab(site.schedule, timezone=site.timezone)
    fire = trigger.get_next_fire_time(None, last.started_at.replace(tzinfo=timezone.utc))
    return fire is not None and fire <= datetime.now(timezone.utc)


def shown(moment: datetime | None, naive_utc: bool = False) -> str:
    """A time as `status` shows every time: in this machine's zone, to the second."""
    if moment is None:
        return "never"
    if naive_utc:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().isoformat(timespec="seconds")


class Daemon:
    def __init__(self, args) -> None:
        self.args = args
        self.archive = Archive()
        if args.process_per_crawl:
            self.runner = ProcessRunner(writable_dir(data_dir()), self.archive, stop_grace=args.grace)
        else:
            self.runner = CrawlRunner(writable_dir(data_dir()), self.archive, stop_grace=args.grace, workers=args.workers)
        # with a queue, due sites are handed to a fleet's workers (crawler.fleet), not crawled here
        self.queue = None
        if args.queue:
            from crawler.fleet import Queue

            self.queue = Queue(args.queue)
        # A fire only puts the site in line (Daemon.crawl); --max-crawls slots crawl what is in
        # line. In APScheduler's own pool a fire that waited for a thread longer than the misfire
        # grace time would be dropped as missed: at 1,000 sites, most of a day's crawls.
        self.due: queue.Queue[str | None] = queue.Queue()
        self.in_line: set[str] = set()  # due or crawling: a fire for one of them is coalesced
        self._line_guard = threading.Lock()
        self.slots: list[threading.Thread] = []
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": args.misfire_grace},
            timezone="Asia/Shanghai",
        )
        self.sites: dict[str, Site] = {}
        self.reload_requested = threading.Event()
        self.stop_requested = threading.Event()
        self._mtime = None

    def crawl(self, name: str) -> None:
        """The job of a site's fire: it takes its place in line (with a queue: is enqueued)."""
        site = self.sites.get(name)
        if site is None or self.stop_requested.is_set():
            return
        if self.queue is not None:
            queued = self.queue.enqueue(name, "scheduled")
            log.info("%s: %s", name, "queued" if queued else "already queued")
            return
        with self._line_guard:
            if name in self.in_line:
                log.info("%s: due again while its last fire waits or crawls; coalesced", name)
                return
            self.in_line.add(name)
        self.due.put(name)

    def _slot(self) -> None:
        """One of --max-crawls: crawls the sites in line, one at a time, until told to stop."""
        while (name := self.due.get()) is not None:
            try:
                site = self.sites.get(name)
                if site is not None and not self.stop_requested.is_set():
                    self.runner.run(name, trigger="scheduled", time_limit=site.time_limit)
            except Exception:  # noqa: BLE001 (the next site is crawled all the same)
                log.exception("%s: crawl not run", name)
            finally:
                with self._line_guard:
                    self.in_line.discard(name)

    def apply(self, sites: dict[str, Site], catch_up: bool) -> None:
        now = datetime.now(timezone.utc)
        for name in set(self.sites) - set(sites):
            self.scheduler.remove_job(name)
            log.info("%s: removed from the schedule", name)
        for name, site in sites.items():
            old = self.sites.get(name)
            if old is None:
                extra = {}
                if catch_up and is_due(self.archive, site):
                    extra["next_run_time"] = now  # overdue: once now, then on schedule
                self.scheduler.add_job(self.crawl, trigger_for(site, self.args.jitter), args=[name],
                                       id=name, name=name, replace_existing=True, **extra)
                log.info("%s: scheduled '%s' (%s)%s", name, site.schedule, site.timezone,
                         ", due now" if extra else "")
            elif (old.schedule, old.timezone) != (site.schedule, site.timezone):
                self.scheduler.reschedule_job(name, trigger=trigger_for(site, self.args.jitter))
                log.info("%s: rescheduled to '%s' (%s)", name, site.schedule, site.timezone)
        self.sites = sites

    def reload(self, catch_up: bool = True) -> None:
        try:
            sites = load_sites()
        except SiteConfigError as exc:
            log.error("sites file invalid, keeping the previous schedule: %s", exc)
            return
        self.apply(sites, catch_up)

    def _file_changed(self) -> bool:
        try:
            mtime = os.stat(sites_path()).st_mtime_ns
        except OSError:
            return False
        changed = self._mtime is not None and mtime != self._mtime
        self._mtime = mtime
        return changed

    def lead(self) -> bool:
        """With a queue, one scheduler enqueues: the holder of the lock `scheduler/leader` (an
        advisory lock when the archive is PostgreSQL). Others wait as standbys and take over
        when it goes. False: asked to stop while waiting."""
        leader = site_lock(data_dir(), LEADER_LOCK, self.archive.url)
        while not self.stop_requested.is_set():
            try:
                self.leader = leader.acquire(trigger="scheduler")
                return True
            except SiteLocked:
                log.info("standby: another scheduler enqueues (%s); waiting", leader.describe())
                self.stop_requested.wait(max(self.args.poll, 5.0))
        return False

    def serve(self) -> int:
        signal.signal(signal.SIGHUP, lambda *_: self.reload_requested.set())
        signal.signal(signal.SIGTERM, lambda *_: self.stop_requested.set())
        signal.signal(signal.SIGINT, lambda *_: self.stop_requested.set())
        if self.queue is not None and not self.lead():
            return 0
        self.apply(load_sites(), catch_up=not self.args.no_catch_up)
        self._file_changed()
        if self.queue is None:
            self.slots = [threading.Thread(target=self._slot, daemon=True, name=f"crawl-slot-{n}")
                          for n in range(self.args.max_crawls)]
            for slot in self.slots:
                slot.start()
        self.scheduler.start()
        log.info("daemon started: %d sites, at most %d crawls at once", len(self.sites), self.args.max_crawls)
        while not self.stop_requested.wait(self.args.poll):
            if self.reload_requested.is_set() or self._file_changed():
                self.reload_requested.clear()
                log.info("re-reading %s", sites_path())
                self.reload()
        log.info("stopping: no new crawls; waiting up to %ss for %s", self.args.grace, self.runner.running() or "none")
        self.scheduler.pause()
        self.runner.stop_all(wait=self.args.grace)
        self.scheduler.shutdown(wait=True)
        for _slot in self.slots:  # sites still in line are not crawled (stop_requested)
            self.due.put(None)
        for slot in self.slots:
            slot.join()
        log.info("stopped")
        return 0


def status(_args) -> int:
    sites = load_sites()
    archive = Archive()
    now = datetime.now(timezone.utc)
    with archive.session() as session:
        for name, site in sites.items():
            fire = next_fire(site, now)
            run = runs.latest(session, name)
            warnings = runs.site_warnings(session, name)
            holder = site_lock(data_dir(), name, archive.url).holder()
            mark = "!" if warnings else " "
            print(f"{mark} {name}: '{site.schedule}' ({site.timezone}), next {shown(fire)}")
            if run is None:
                print("    never crawled")
            else:
                took = (run.ended_at - run.started_at).total_seconds() if run.ended_at else None
                counts = ", ".join(f"{k} {run.stats.get(k, 0)}" for k in ("requests", "new", "changed", "gone", "errors"))
                print(f"    last run {run.id}: {run.status} ({run.trigger}), started {shown(run.started_at, True)}"
                      f"{f', took {took:.0f}s' if took is not None else ''}; {counts}")
                if run.status == RunStatus.RUNNING and holder:
                    print(f"    running now (pid {holder.get('pid')})")
                if run.log_path:
                    print(f"    log {run.log_path}")
            for warning in warnings:
                print(f"    warning: {warning}")
    return 0


def run_now(args) -> int:
    site = load_sites().get(args.site)
    if site is None:
        raise SiteConfigError(f"{sites_path()}: unknown site {args.site!r}; configured sites: "
                              + ", ".join(sorted(load_sites())))
    archive = Archive()
    runner = CrawlRunner(writable_dir(data_dir()), archive)
    logging.getLogger("govarchive.runner").setLevel(logging.ERROR)  # what happened is printed below, once
    try:
        result = runner.run(site.name, trigger="manual:full" if args.full else "manual", full=args.full,
                            time_limit=site.time_limit)
    finally:
        runner.close()
    run = result.run
    if result.code == ExitCode.LOCKED:
        print(f"error: site '{site.name}' is being crawled by {site_lock(data_dir(), site.name, archive.url).describe()}",
              file=sys.stderr)
    elif run is not None and run.stats and run.status != RunStatus.RUNNING:
        print(runs.summary_line(site.name, run.stats, run.status))
        for warning in run.stats.get("warnings", []):
            print(f"warning: {warning}")
    if result.code not in (ExitCode.OK, ExitCode.LOCKED):
        status = run.status if run is not None else f"exit {result.code}"
        print(f"error: crawl of '{site.name}' {status}; log {result.log_path}", file=sys.stderr)
    else:
        print(f"log {result.log_path}")
    return result.code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The govarchive daemon and its commands.")
    parser.add_argument("--max-crawls", type=int, default=50, help="crawls running at once (default 50)")
    parser.add_argument("--jitter", type=int, default=30, help="seconds of random delay per fire (default 30)")
    parser.add_argument("--misfire-grace", type=int, default=3600, help="seconds a late fire still runs (default 3600)")
    parser.add_argument("--grace", type=float, default=60.0, help="seconds running crawls get to finish on stop")
    parser.add_argument("--poll", type=float, default=2.0, help="seconds between checks of the sites file")
    parser.add_argument("--no-catch-up", action="store_true", help="do not crawl overdue sites at start")
    parser.add_argument("--workers", type=int, default=1,
                        help="crawl worker processes to spread crawls over (default 1: one reactor is enough for "
                             "hundreds of polite crawls)")
    parser.add_argument("--process-per-crawl", action="store_true",
                        help="each crawl in a `scrapy crawl` process of its own, as before the crawl worker")
    parser.add_argument("--queue", default=os.environ.get("GOVARCHIVE_QUEUE") or None,
                        help="Redis URL: enqueue due sites for fleet workers (python -m crawler.fleet worker) "
                             "instead of crawling them here (default $GOVARCHIVE_QUEUE)")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="crawl one site now")
    run.add_argument("site")
    run.add_argument("--full", action="store_true", help="walk every list page, re-fetch every document")
    sub.add_parser("status", help="sites, schedules, last runs, warnings")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # schema upgrades are not news
    try:
        load_sites()  # a bad sites file is one line before anything starts
        if args.command == "run":
            return run_now(args)
        if args.command == "status":
            return status(args)
        return Daemon(args).serve()
    except (SiteConfigError, ArchiveError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return ExitCode.CONFIG


if __name__ == "__main__":
    sys.exit(main())
