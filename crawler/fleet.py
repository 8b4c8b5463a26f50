"""Scale-out: several machines crawl one archive, due sites handed out as Dramatiq jobs on Redis.

    python scheduler.py --queue redis://HOST:6379/0        one scheduler enqueues each site when due
    python -m crawler.fleet worker --queue redis://… [--crawls 50]   any number of these crawl

The archive is then PostgreSQL (GOVARCHIVE_DB), so a site's lock is an advisory lock there
(storage.locks) and one site is crawled by one worker at a time whichever machine takes it.
A worker is a long-lived crawl worker (crawler.worker) whose jobs come from the queue: each
job is a Dramatiq message acknowledged when its crawl ends, so a worker that dies (killed, its
machine gone) leaves its messages unacknowledged and Dramatiq gives them to another worker
once the dead one has missed its heartbeats (GOVARCHIVE_QUEUE_HEARTBEAT seconds). A job for a
site another worker is crawling ends at once (the lock says so); a site is queued at most once
at a time. A worker recycled at its crawl or memory bound stops taking jobs, finishes its own and
exits; `--processes N` keeps N workers running, starting a new one for each that exits.
"""
from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from storage.runs import ExitCode

log = logging.getLogger("govarchive.fleet")
QUEUE_ENV = "GOVARCHIVE_QUEUE"
HEARTBEAT_ENV = "GOVARCHIVE_QUEUE_HEARTBEAT"
QUEUE_NAME = "govarchive-crawls"
ACTOR_NAME = "crawl_site"
QUEUED_KEY = "govarchive:queued:{site}"  # set while a site's job waits in the queue
# Dramatiq runs queue maintenance (requeueing a dead worker's messages) on this share of a
# million broker commands; a crawl fleet sends few commands, so a high share costs nothing.
MAINTENANCE_CHANCE = 200_000
FOREVER_MS = 30 * 24 * 3600 * 1000  # the worker enforces each site's own time_limit


def queue_url(value: str | None = None) -> str | None:
    return value or os.environ.get(QUEUE_ENV) or None


def heartbeat_seconds() -> float:
    return float(os.environ.get(HEARTBEAT_ENV, "60"))


class Queue:
    """The crawl queue: a Dramatiq broker on Redis and the one actor, `crawl_site`."""

    def __init__(self, url: str, perform=None) -> None:
        import dramatiq
        from dramatiq.brokers.redis import RedisBroker

        self.url = url
        self.broker = RedisBroker(url=url, heartbeat_timeout=int(heartbeat_seconds() * 1000),
                                  maintenance_chance=MAINTENANCE_CHANCE)
        dramatiq.set_broker(self.broker)
        self.actor = dramatiq.actor(perform or _not_here, broker=self.broker, actor_name=ACTOR_NAME,
                                    queue_name=QUEUE_NAME, max_retries=0, time_limit=FOREVER_MS)

    def enqueue(self, site: str, trigger: str = "scheduled", full: bool = False) -> bool:
        """Queue a crawl of the site unless one is queued already (it would crawl the same)."""
        if not self.broker.client.set(QUEUED_KEY.format(site=site), trigger, nx=True, ex=7 * 86400):
            return False
        self.actor.send(site, trigger, full)
        return True

    def taken(self, site: str) -> None:
        self.broker.client.delete(QUEUED_KEY.format(site=site))

    def beat(self) -> None:
        """Tell the broker this worker lives (Dramatiq's consumers do only while they fetch, and
        a worker busy with its whole share of crawls does not fetch)."""
        self.broker.do_qsize(QUEUE_NAME)


def _not_here(*_args):
    raise RuntimeError("crawl_site runs in a crawl worker (python -m crawler.fleet worker)")


def serve(url: str, crawls: int) -> int:
    """One fleet worker: a crawl worker taking up to `crawls` jobs at once from the queue."""
    from crawler.worker import NOT_STARTED, CrawlJob, CrawlWorker, install_reactor

    install_reactor()
    import dramatiq
    from twisted.internet import reactor

    from crawler.sites import SiteConfigError, get_site
    from storage.db import data_dir

    said = logging.StreamHandler(sys.stderr)  # this worker's own lines; each crawl's go to its log
    said.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(said)
    log.setLevel(logging.INFO)
    log.propagate = False
    logging.getLogger("dramatiq").setLevel(logging.WARNING)
    grace = float(os.environ.get("GOVARCHIVE_WORKER_GRACE", "30"))
    worker = CrawlWorker(stop_grace=grace)
    logs = data_dir(worker.settings.get("GOVARCHIVE_DATA")) / "logs"

    def perform(site: str, trigger: str = "scheduled", full: bool = False) -> None:
        """The actor, in a Dramatiq thread: hand the crawl to the reactor, wait for its end."""
        queue.taken(site)
        try:
            time_limit = get_site(site).time_limit
        except SiteConfigError as exc:
            log.error("job for %s dropped: %s", site, exc)
            return
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        job = CrawlJob(site=site, trigger=trigger, full=full, time_limit=time_limit, sent_at=time.time(),
                       log_path=str(logs / site / f"{stamp}.log"))
        ended = threading.Event()
        outcome = {}

        def done(result) -> None:
            outcome["result"] = result
            ended.set()

        reactor.callFromThread(worker.crawl, job, done)
        ended.wait()
        result = outcome["result"]
        if result.status == NOT_STARTED:  # this worker is stopping: the job goes back for another
            queue.enqueue(site, trigger, full)
            return
        log.info("%s: crawl ended, code %s, run %s (%s), log %s", site, result.code, result.run_id, result.status,
                 result.log_path)

    queue = Queue(url, perform)
    consumer = dramatiq.Worker(queue.broker, queues=[QUEUE_NAME], worker_threads=crawls)
    consumer.queue_prefetch = crawls  # hold no job another worker could be crawling
    stopping = threading.Event()

    def beat() -> None:
        while not stopping.wait(max(heartbeat_seconds() / 4, 0.5)):
            try:
                queue.beat()
            except Exception:  # noqa: BLE001 (Redis away for a moment: the next beat says it)
                log.warning("queue heartbeat failed", exc_info=True)

    def pause() -> None:  # recycling or stopping: take no new job
        threading.Thread(target=consumer.pause, daemon=True).start()

    def finish() -> None:
        if reactor.running:
            reactor.stop()

    def terminate(*_) -> None:
        reactor.callFromThread(pause)
        reactor.callFromThread(worker.drain)
        reactor.callFromThread(reactor.callLater, grace, worker.stop_all)

    worker.on_recycle = pause
    worker.on_idle = finish
    worker.exit_when_recycled = True  # a job Dramatiq still hands over then is redelivered, unacknowledged
    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    worker.open()
    consumer.start()
    threading.Thread(target=beat, daemon=True, name="queue-heartbeat").start()
    log.info("fleet worker %d: up to %d crawls at once from %s", os.getpid(), crawls, url)
    reactor.run(installSignalHandlers=False)
    stopping.set()
    consumer.stop(timeout=5000)
    worker.close()
    log.info("fleet worker %d: stopped", os.getpid())
    return 0


def supervise(args) -> int:
    """Keep `processes` fleet workers running; SIGTERM stops them all (each drains)."""
    command = [sys.executable, "-m", "crawler.fleet", "worker", "--queue", args.queue, "--crawls", str(args.crawls),
               "--processes", "1"]
    children: list[subprocess.Popen] = []
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    while not stopping.is_set():
        children = [c for c in children if c.poll() is None]
        while len(children) < args.processes:
            children.append(subprocess.Popen(command, cwd=Path(__file__).resolve().parent.parent))
        stopping.wait(1.0)
    for child in children:
        child.send_signal(signal.SIGTERM)
    for child in children:
        child.wait()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A crawl worker of a fleet: takes due sites from the queue.")
    sub = parser.add_subparsers(dest="command", required=True)
    work = sub.add_parser("worker", help="crawl sites handed out on the queue")
    work.add_argument("--queue", default=queue_url(), help=f"Redis URL of the queue (default ${QUEUE_ENV})")
    work.add_argument("--crawls", type=int, default=50, help="crawls at once in one worker (default 50)")
    work.add_argument("--processes", type=int, default=1, help="worker processes to keep running (default 1)")
    args = parser.parse_args(argv)
    if not args.queue:
        print(f"error: no queue: give --queue redis://HOST:6379/0 or set {QUEUE_ENV}", file=sys.stderr)
        return ExitCode.CONFIG
    if args.processes > 1:
        return supervise(args)
    return serve(args.queue, args.crawls)


if __name__ == "__main__":
    sys.exit(main())
