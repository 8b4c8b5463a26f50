"""The sites page's account of each site: its schedule as the daemon keeps it (scheduler.py), its
last runs and warnings (storage.runs), and the platform family reading each of its columns,
told by the crawler's own list readers (crawler.listing) from the column's archived capture."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.sites import Site, SiteConfigError, load_sites, sites_path
from storage import runs
from storage.captures import WarcStore
from storage.models import Capture, CrawlRun
from storage.runs import RunStatus
from web import queries

RUNS_SHOWN = 5


@dataclass
class Column:
    url: str
    family: str  # a crawler.listing family name, or why none is known
    capture_id: int | None = None


@dataclass
class SiteView:
    name: str
    site: Site | None  # None: archived, no longer (or never) in the sites file
    next_run: datetime | None = None
    documents: int = 0
    runs: list[CrawlRun] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)


class FamilyCache:
    """Family of a column by the id of its capture: a capture never changes, so each is read
    once per process."""

    def __init__(self, warc: WarcStore, size: int = 4096) -> None:
        self.warc, self.size = warc, size
        self._known: dict[int, str] = {}
        self._lock = threading.Lock()

    def family(self, capture: Capture, site: Site) -> str:
        with self._lock:
            if capture.id in self._known:
                return self._known[capture.id]
        family = self._read(capture, site)
        with self._lock:
            if len(self._known) >= self.size:
                self._known.clear()
            self._known[capture.id] = family
        return family

    def _read(self, capture: Capture, site: Site) -> str:
        from scrapy.http import TextResponse
        from scrapy.responsetypes import responsetypes

        from crawler.listing import read_list_page

        url = capture.url
        try:
            stored = self.warc.read(capture.warc_file, capture.offset)
        except OSError as exc:
            return f"capture unreadable ({exc.strerror})"
        kind = responsetypes.from_args(headers=stored.headers, url=url, body=stored.body)
        if not issubclass(kind, TextResponse):
            return "not a list page"
        response = kind(url, status=stored.status, headers=stored.headers, body=stored.body)
        return read_list_page(response, lambda _url: True, site).family


class SitesFile:
    """The sites file, read again only when it changed (validating it costs more than the rest
    of the sites page's queries together)."""

    def __init__(self, path=None) -> None:
        self.path = sites_path(path)
        self._seen: tuple | None = None
        self._sites: dict[str, Site] = {}

    def load(self) -> dict[str, Site]:
        """The sites; SiteConfigError (one line) when the file cannot be used."""
        try:
            stat = self.path.stat()
            seen = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except OSError:
            seen = None
        if seen is None or seen != self._seen:
            self._sites, self._seen = load_sites(self.path), seen
        return self._sites


class RunHistory:
    """The last runs of every site, for the sites page: which they are is one light query over
    all sites; the runs themselves are read once and kept while their status stands (an ended
    run's record does not change; a running one is read again each time)."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self._runs: dict[tuple[int, str], CrawlRun] = {}
        self._lock = threading.Lock()

    def of_sites(self, session: Session, per_site: int) -> dict[str, list[CrawlRun]]:
        """Each site's last `per_site` runs, newest first."""
        rank = func.row_number().over(partition_by=CrawlRun.site, order_by=CrawlRun.id.desc()).label("rank")
        ranked = select(CrawlRun.id, CrawlRun.site, CrawlRun.status, rank).subquery()
        wanted = session.execute(select(ranked.c.id, ranked.c.site, ranked.c.status)
                                 .where(ranked.c.rank <= per_site).order_by(ranked.c.id.desc())).all()
        with self._lock:
            missing = [row.id for row in wanted if (row.id, row.status) not in self._runs]
        loaded = {run.id: run for run in session.scalars(select(CrawlRun).where(CrawlRun.id.in_(missing)))} if missing else {}
        histories: dict[str, list[CrawlRun]] = {}
        with self._lock:
            if len(self._runs) + len(loaded) > self.size:
                self._runs.clear()
            for row in wanted:
                run = loaded.get(row.id) or self._runs.get((row.id, row.status))
                if run is None:  # its status changed between the two queries: shown next time
                    continue
                if run.id in loaded and run.status != RunStatus.RUNNING:
                    self._runs[(run.id, run.status)] = run
                histories.setdefault(row.site, []).append(run)
        return histories


def site_views(session: Session, families: FamilyCache, sites_file: SitesFile,
               history: RunHistory) -> tuple[list[SiteView], str | None]:
    """Every configured site, then every site only the archive knows; and the sites file's
    problem, if it cannot be read (the archive's sites are shown all the same)."""
    from scheduler import next_fire

    try:
        configured, problem = sites_file.load(), None
    except SiteConfigError as exc:
        configured, problem = {}, str(exc)
    counts = queries.archived_sites(session)
    columns = queries.last_captures(session, [url for site in configured.values() for url in site.start_urls])
    histories = history.of_sites(session, runs.HISTORY + RUNS_SHOWN)
    names = list(configured) + sorted((set(counts) | set(histories)) - set(configured))
    views = []
    for name in names:
        site = configured.get(name)
        view = SiteView(name, site, documents=counts.get(name, 0))
        last = histories.get(name, [])
        view.runs, view.warnings = last[:RUNS_SHOWN], runs.history_warnings(last)
        if site is not None:
            view.next_run = next_fire(site)
            for url in site.start_urls:
                capture = columns.get(url)
                if capture is None:
                    view.columns.append(Column(url, "not archived yet"))
                    continue
                view.columns.append(Column(url, families.family(capture, site), capture.id))
        views.append(view)
    return views, problem
