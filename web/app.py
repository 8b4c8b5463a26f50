"""The read-only web app: sites, runs and their logs, documents, captures, search.

Starlette routes rendering Jinja2 templates; every handler reads through one read-only Archive
(storage.db: SQLite opened mode=ro, PostgreSQL READ ONLY transactions), so nothing here can
write to the archive. Handlers are plain functions: Starlette runs them in its thread pool.
Our own pages need no script at all, and say so in their Content-Security-Policy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from storage import overview, runs
from storage.captures import WarcStore
from storage.db import Archive
from storage.models import CrawlRun
from web import capture as captures
from web import queries
from web.sites import FamilyCache, RunHistory, SitesFile, site_views

TEMPLATES = Path(__file__).with_name("templates")
STYLE = Path(__file__).with_name("style.css")
LOG_TAIL = 256 * 1024  # bytes of a run's log shown: its end, where a crawl says how it ended
PAGE_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; "
               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# labels of the record's fields (pipeline.record names them); a field without one shows its name
LABELS = {"title": "标题", "index_no": "索引号", "publisher": "发文机关", "doc_no": "发文字号",
          "written_at": "成文日期", "published_at": "发布日期", "subject": "主题分类", "keywords": "主题词",
          "source": "信息来源", "validity": "有效性", "column": "栏目"}


@dataclass
class Config:
    archive_url: str | None
    data: Path
    sites_file: Path | None = None


def shown(moment: datetime | None) -> str:
    """A time as `scheduler.py status` shows it: this machine's zone, to the second. The archive
    keeps naive UTC."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().isoformat(sep=" ", timespec="seconds")


def highlight(value: str | None, terms: list[str]) -> Markup:
    """The text, escaped, with the query's words marked."""
    value = value or ""
    if not terms:
        return escape(value)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    out, last = [], 0
    for match in pattern.finditer(value):
        out += [escape(value[last:match.start()]), Markup("<mark>%s</mark>") % match.group(0)]
        last = match.end()
    return Markup("").join(out + [escape(value[last:])])


def link(path: str, **params) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


class WebApp:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.archive = Archive(config.archive_url, read_only=True)
        self.warc = WarcStore(config.data / "warc")
        self.families = FamilyCache(self.warc)
        self.sites_file = SitesFile(config.sites_file)
        self.run_history = RunHistory()
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
        self.env.filters["highlight"] = highlight
        self.env.globals.update(shown=shown, link=link, labels=LABELS, reposts_choices=queries.REPOSTS,
                                statuses=queries.STATUSES, sandbox=captures.FRAME_SANDBOX)
        self.style = STYLE.read_bytes()

    def page(self, template: str, status: int = 200, **context) -> HTMLResponse:
        html = self.env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status,
                            headers={"Content-Security-Policy": PAGE_POLICY, "X-Content-Type-Options": "nosniff",
                                     "Referrer-Policy": "no-referrer"})

    def problem(self, status: int, message: str) -> HTMLResponse:
        return self.page("problem.html", status=status, message=message)

    # --- pages ------------------------------------------------------------------------------

    def sites(self, request: Request) -> Response:
        with self.archive.session() as session:
            views, problem = site_views(session, self.families, self.sites_file, self.run_history)
            return self.page("sites.html", sites=views, sites_problem=problem)

    def runs_list(self, request: Request) -> Response:
        site = request.query_params.get("site") or ""
        page = queries.page_number(request.query_params.get("page"))
        with self.archive.session() as session:
            found, more = queries.recent_runs(session, site, page)
            return self.page("runs.html", runs=found, site=site, page=page, more=more)

    def run(self, request: Request) -> Response:
        with self.archive.session() as session:
            run = session.get(CrawlRun, request.path_params["run_id"])
            if run is None:
                return self.problem(404, f"no run {request.path_params['run_id']}")
            log, log_problem, cut = self._log_tail(run.log_path)
            stats = run.stats or {}
            scalars = {k: v for k, v in sorted(stats.items()) if isinstance(v, (int, float, str)) and k != "reason"}
            return self.page("run.html", run=run, stats=stats, scalars=scalars, log=log, log_problem=log_problem,
                             log_cut=cut, summary=runs.summary_line(run.site, stats, run.status) if stats else "")

    def _log_tail(self, path: str | None) -> tuple[str | None, str | None, bool]:
        if not path:
            return None, "this run kept no log file of its own (a crawl started by hand logs to its terminal)", False
        # the scheduler keeps logs in the data folder; a server reads no file elsewhere
        if not Path(path).resolve().is_relative_to(self.config.data.resolve()):
            return None, f"log file {path} is outside the data folder {self.config.data} (--data): not shown", False
        try:
            with open(path, "rb") as fh:
                size = fh.seek(0, 2)
                fh.seek(max(0, size - LOG_TAIL))
                data = fh.read()
        except OSError as exc:
            return None, f"log file {path}: {exc.strerror}", False
        return data.decode("utf-8", "replace"), None, size > LOG_TAIL

    def documents(self, request: Request) -> Response:
        chosen = queries.DocumentFilter.from_query(request.query_params)
        page = queries.page_number(request.query_params.get("page"))
        with self.archive.session() as session:
            rows, total, more = queries.documents(session, chosen, page)
            site_names = sorted(queries.archived_sites(session))
            return self.page("documents.html", rows=rows, total=total, more=more, page=page, chosen=chosen,
                             params=chosen.params(), site_names=site_names)

    def document(self, request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        with self.archive.session() as session:
            doc = overview.lookup(session, str(doc_id))  # with its URLs, versions, attachments, original
            if doc is None:
                return self.problem(404, f"no document {doc_id}")
            return self.page("document.html", doc=doc, fields=queries.record_fields(doc),
                             versions=queries.versions(doc), reposts=queries.reposts_of(session, doc.id))

    def capture(self, request: Request) -> Response:
        capture_id = request.path_params["capture_id"]
        with self.archive.session() as session:
            found = queries.capture(session, capture_id)
            if found is None:
                return self.problem(404, f"no capture {capture_id}")
            try:
                stored = self.warc.read(found.warc_file, found.offset)
            except OSError as exc:
                return self.problem(404, f"capture {capture_id}: {found.warc_file}: {exc.strerror}")
            return self.page("capture.html", capture=found, stored=stored,
                             html=captures.is_html(stored.header("Content-Type"), stored.body),
                             documents=queries.capture_documents(session, capture_id))

    def capture_raw(self, request: Request) -> Response:
        capture_id = request.path_params["capture_id"]
        with self.archive.session() as session:
            found = queries.capture(session, capture_id)
        if found is None:
            return PlainTextResponse(f"no capture {capture_id}", 404)
        try:
            stored = self.warc.read(found.warc_file, found.offset)
        except OSError as exc:
            return PlainTextResponse(f"capture {capture_id}: {found.warc_file}: {exc.strerror}", 404)
        return captures.raw_response(stored)

    def search(self, request: Request) -> Response:
        params = request.query_params
        query = (params.get("q") or "").strip()
        site = params.get("site") or None
        since, until = (params.get("since") or None), (params.get("until") or None)  # YYYY-MM-DD, inclusive
        queries.iso_day(since, "since"), queries.iso_day(until, "until")
        page = queries.page_number(params.get("page"))
        hits, unavailable, terms = [], None, []
        with self.archive.session() as session:
            site_names = sorted(queries.archived_sites(session))
            if query:
                try:
                    from storage.search import query_terms, search
                except ImportError:
                    unavailable = "full-text search is not part of this version of govarchive"
                else:
                    terms = query_terms(query)
                    hits = search(session, query, site=site, since=since, until=until,
                                  limit=queries.PAGE_SIZE + 1, offset=(page - 1) * queries.PAGE_SIZE)
            return self.page("search.html", query=query, hits=hits[:queries.PAGE_SIZE], more=len(hits) > queries.PAGE_SIZE,
                             page=page, site=site or "", since=params.get("since") or "",
                             until=params.get("until") or "", site_names=site_names, unavailable=unavailable,
                             terms=terms)

    def style_css(self, request: Request) -> Response:
        return Response(self.style, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    def ping(self, request: Request) -> Response:
        """The trivial page benchmarks measure the others against."""
        return PlainTextResponse("ok")

    # --- wiring -----------------------------------------------------------------------------

    def starlette(self) -> Starlette:
        async def bad_filter(request, exc):
            return self.problem(400, str(exc))

        async def not_found(request, exc):
            return self.problem(exc.status_code, exc.detail)

        return Starlette(
            routes=[
                Route("/", lambda request: RedirectResponse("/sites")),
                Route("/sites", self.sites),
                Route("/runs", self.runs_list),
                Route("/runs/{run_id:int}", self.run),
                Route("/documents", self.documents),
                Route("/documents/{doc_id:int}", self.document),
                Route("/captures/{capture_id:int}", self.capture),
                Route("/captures/{capture_id:int}/raw", self.capture_raw),
                Route("/search", self.search),
                Route("/style.css", self.style_css),
                Route("/ping", self.ping),
            ],
            exception_handlers={queries.BadFilter: bad_filter, HTTPException: not_found},
        )


def create_app(config: Config) -> Starlette:
    app = WebApp(config)
    starlette = app.starlette()
    starlette.state.web = app
    return starlette
