"""The daemon over many small sites: a process per crawl (before) against the long-lived crawl
worker (after), same sites, same run.

    .venv/bin/python -m bench.fleet [--sites 100] [--before-crawls 10] [--after-crawls 200]
                                    [--before-sites M | --skip-before] [--after-workers K]

Serves N sites on their own loopback hosts (127.0.x.y: each its own politeness slot), one
column of 10 documents each, default politeness; runs `scheduler.py` on them until every site
has been crawled once (all are due at start), then again with every site due and nothing
changed (the unchanged-day recrawl). For each: wall time, sites per hour, peak memory of the
daemon's whole process tree (RSS summed over its processes), CPU seconds of that tree, and
wall time against the floors: politeness (one site crawled alone, measured first) and CPU (the
run's own CPU seconds over this machine's cores). Wall time runs from the daemon's start
(start-up included) to the end of the last site's run. A process per crawl takes about 6 s a
site on 2 cores; `--before-sites M` runs it on the first M sites only (and compares per site).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import psutil
from sqlalchemy import func, select

from bench.harness import ROOT
from storage.db import Archive
from storage.models import CrawlRun
from tests.sitekit import ColumnSite, FixtureSite

DOCUMENTS = 10


def site_routes(k: int) -> dict:
    """Site k: one column of its own documents (URLs and ids k*10 …). Their texts are the few
    real pages ColumnSite is made of, so two in three documents are near copies of those on
    every other site: four repost groups (of about 1,700 at 1,000 sites), as a text every site
    reposts makes, and the most work repost linking gets."""
    site = ColumnSite(1, DOCUMENTS, DOCUMENTS)
    site.docs = {0: [f"c0d{k * DOCUMENTS + i}" for i in range(DOCUMENTS)]}
    return site.routes()


class TreeMeter:
    """Peak RSS (summed) and CPU seconds of a process and all its descendants, sampled."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_rss = 0
        self.peak_procs: list[int] = []  # RSS of each process at the peak, largest first
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            sizes = []
            for proc in procs:
                try:
                    with proc.oneshot():
                        sizes.append(proc.memory_info().rss)
                        times = proc.cpu_times()
                        self.cpu[proc.pid] = times.user + times.system
                except psutil.NoSuchProcess:
                    pass
            if sum(sizes) > self.peak_rss:
                self.peak_rss, self.peak_procs = sum(sizes), sorted(sizes, reverse=True)
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


def ended_runs(archive: Archive) -> dict[str, int]:
    with archive.session() as session:
        return dict(session.execute(select(CrawlRun.site, func.count()).where(CrawlRun.status != "running")
                                    .group_by(CrawlRun.site)).all())


def run_daemon(work: Path, env: dict, extra: list[str], sites: int, rounds: int, timeout: float) -> dict:
    """Start the daemon; stop it once every site has `rounds` ended runs. Its figures."""
    archive = Archive(env["GOVARCHIVE_DB"])
    log = open(work / f"daemon-{rounds}-{time.time():.0f}.log", "w")
    started = time.monotonic()
    daemon = subprocess.Popen([sys.executable, "scheduler.py", "--jitter", "0", "--poll", "5", "--grace", "30", *extra],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    meter = TreeMeter(daemon.pid)
    try:
        while time.monotonic() - started < timeout:
            counts = ended_runs(archive)
            if len(counts) == sites and min(counts.values()) >= rounds:
                break
            time.sleep(1.0)
        wall = time.monotonic() - started
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=120)
        except subprocess.TimeoutExpired:
            daemon.kill()
        meter.stop()
    with archive.session() as session:
        statuses = dict(session.execute(select(CrawlRun.status, func.count()).group_by(CrawlRun.status)).all())
    archive.dispose()
    return {"wall": wall, "rss": meter.peak_rss, "procs": meter.peak_procs, "cpu": meter.cpu_seconds,
            "statuses": statuses}


def workspace(tmp: Path, name: str, servers: list, schedule: str) -> tuple[Path, dict]:
    work = tmp / name
    work.mkdir(exist_ok=True)
    write_sites(work, servers, schedule)
    env = dict(os.environ, GOVARCHIVE_SITES=str(work / "sites.yaml"), GOVARCHIVE_DATA=str(work / "data"),
               GOVARCHIVE_DB=f"sqlite:///{work / 'data' / 'archive.sqlite3'}")
    return work, env


def write_sites(work: Path, servers: list, schedule: str) -> None:
    (work / "sites.yaml").write_text(json.dumps({"sites": [
        {"name": f"site{k}", "start_urls": [f"{srv.base}/col0/"], "schedule": schedule}
        for k, srv in enumerate(servers)]}))


def politeness_floor(tmp: Path, servers: list) -> float:
    """One site crawled alone: how long politeness makes it take."""
    work, env = workspace(tmp, "alone", servers[:1], "0 3 * * *")
    subprocess.run([sys.executable, "scheduler.py", "run", "site0"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with Archive(env["GOVARCHIVE_DB"]).session() as session:
        run = session.scalars(select(CrawlRun)).one()
        return (run.ended_at - run.started_at).total_seconds()


def mode(tmp: Path, name: str, servers: list, extra: list[str], timeout: float) -> dict:
    work, env = workspace(tmp, name, servers, "0 3 * * *")
    first = run_daemon(work, env, extra, len(servers), 1, timeout)
    # every site due again, nothing changed: a minute's cron fired since each site's first crawl
    write_sites(work, servers, "* * * * *")
    time.sleep(61 - time.time() % 60)
    again = run_daemon(work, env, extra, len(servers), 2, timeout)
    return {"sites": len(servers), "first": first, "recrawl": again}


def close_all(servers: list) -> None:
    """Stop the sites at once: each stop waits up to half a second for its server's loop."""
    with ThreadPoolExecutor(64) as pool:
        list(pool.map(lambda srv: srv.__exit__(None, None, None), servers))


def report(args, cores: int, floor: float, results: dict) -> None:
    n = args.sites
    print(f"{n} sites on loopback hosts, 1 column of {DOCUMENTS} documents each, default politeness; {cores} cores")
    print(f"politeness floor (one site alone): {floor:.1f} s")
    for name, result in results.items():
        sites = result["sites"]
        label = (f"process per crawl, --max-crawls {args.before_crawls}, first {sites} sites" if name == "before"
                 else f"crawl worker, --max-crawls {args.after_crawls} --workers {args.after_workers}")
        for phase in ("first", "recrawl"):
            r = result[phase]
            cpu_floor = r["cpu"] / cores
            against = (f"wall / max(politeness {floor:.1f} s, CPU {cpu_floor:.1f} s) = {r['wall'] / max(floor, cpu_floor):.2f}"
                       if phase == "first" else "goal at 1,000 sites: under 120 s")
            procs = "+".join(f"{size / 2**20:.0f}" for size in r["procs"][:4]) + ("+…" if len(r["procs"]) > 4 else "")
            print(f"{name:6s} {phase:7s} ({label}): wall {r['wall']:7.1f} s, {sites / r['wall'] * 3600:8.0f} sites/hour, "
                  f"peak memory {r['rss'] / 2**20:6.0f} MB ({len(r['procs'])} processes: {procs} MB), "
                  f"CPU {r['cpu']:7.1f} s; {against}; runs {r['statuses']}")
    if "before" in results:
        b, a = results["before"], results["after"]
        wall, cpu = ((a["first"][key] / a["sites"]) / (b["first"][key] / b["sites"]) for key in ("wall", "cpu"))
        print(f"after / before, first crawl: wall per site {wall:.2f}, CPU per site {cpu:.2f}, "
              f"peak memory {a['first']['rss'] / b['first']['rss']:.2f}"
              + ("" if a["sites"] == b["sites"] else f" (after over {a['sites']} sites, before over {b['sites']})"))
    before = (" --skip-before" if args.skip_before
              else f" --before-crawls {args.before_crawls}" + (f" --before-sites {args.before_sites}" if args.before_sites else ""))
    print(f"reproduce: .venv/bin/python -m bench.fleet --sites {n}{before} "
          f"--after-crawls {args.after_crawls} --after-workers {args.after_workers}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--before-crawls", type=int, default=10, help="--max-crawls of the process-per-crawl daemon")
    parser.add_argument("--before-sites", type=int, default=None,
                        help="run the process-per-crawl daemon on the first M sites only (default: all)")
    parser.add_argument("--after-crawls", type=int, default=200, help="--max-crawls of the crawl worker's daemon")
    parser.add_argument("--after-workers", type=int, default=1, help="--workers of the crawl worker's daemon")
    parser.add_argument("--skip-before", action="store_true", help="only the crawl worker")
    parser.add_argument("--timeout", type=float, default=3600)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        tmp = Path(tmp)
        servers = []
        stack.callback(close_all, servers)
        for k in range(args.sites):
            servers.append(FixtureSite(site_routes(k), host=f"127.0.{1 + k // 250}.{1 + k % 250}").__enter__())
        floor = politeness_floor(tmp, servers)
        results = {}
        if not args.skip_before:
            before = servers[:args.before_sites or len(servers)]
            results["before"] = mode(tmp, "before", before, ["--process-per-crawl", "--max-crawls", str(args.before_crawls)],
                                     args.timeout)
        results["after"] = mode(tmp, "after", servers, ["--max-crawls", str(args.after_crawls),
                                                        "--workers", str(args.after_workers)], args.timeout)
        report(args, cores, floor, results)


if __name__ == "__main__":
    main()
