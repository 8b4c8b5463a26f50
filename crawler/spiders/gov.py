"""The `gov` spider: walks the disclosure columns of one configured site.

    scrapy crawl gov -a site=NAME                 incremental: new documents only
    scrapy crawl gov -a site=NAME -a full=1       every list page, every known document again
    scrapy crawl gov -a site=NAME -a column=URL   one column, completely
    scrapy crawl gov -a site=NAME -a url=URL      one document
    scrapy crawl gov -a site=NAME -a since=DATE   re-fetch documents published since DATE

List pages are read by their platform family (crawler.listing) and always fetched from the
first; documents already archived are skipped, and pagination stops once
`stop_after_known_pages` pages in a row are settled (hold only known documents, or end with
one). Early stopping is trusted only after a previous run that finished cleanly: after a
killed or failing run, every list page is walked again, so nothing is missed.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import TextResponse
from scrapy.responsetypes import responsetypes
from sqlalchemy import select

from crawler.crawl_options import CrawlOptions
from crawler.extractor import Extractor
from crawler.items import AttachmentItem, DocumentItem, GoneItem, NotModifiedItem
from crawler.listing import ListRequest, read_list_page
from crawler.resources import resources_for
from crawler.sites import get_site
from pipeline.record import DocumentRecord
from pipeline.urls import canonical_url
from storage.archive import archived_documents, known_urls, last_capture, listed_as
from storage.models import CrawlRun
from storage.templates import site_template

GONE_STATUSES = [404, 410]
REVALIDATE = [304, 404, 410]


class GovSpider(scrapy.Spider):
    name = "gov"

    def __init__(self, site: str | None = None, sites_file: str | None = None, **kwargs):
        options = CrawlOptions.from_args(kwargs)
        for name in ("full", "column", "url", "since", "trigger"):
            kwargs.pop(name, None)
        super().__init__(**kwargs)
        self.site = get_site(site, sites_file)  # SiteConfigError: one line naming the problem
        self.site_name = self.site.name
        self.options = options
        self.trigger = options.trigger
        self.allowed_domains = self.site.domains
        self.list_pages_seen: set[tuple] = set()
        self.documents_requested: set[str] = set()  # canonical URLs
        self.revalidate_when_idle: list[tuple[str, dict]] = []  # archived documents, for full / since
        self._template: frozenset | None = None
        self._read_since_template = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # per-site overrides from the sites file win over project settings
        crawler.settings.setdict(spider.site.settings, priority="spider")
        spider.extractor = Extractor.from_crawler(crawler)
        spider.archive = resources_for(crawler).archive
        crawler.signals.connect(spider.revalidate_unlisted, signal=signals.spider_idle)
        return spider

    def allowed(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    # --- what to walk -------------------------------------------------------------------

    def previous_run_clean(self) -> bool:
        """Whether the last run before this one finished without errors (so every document
        on pages it stopped before was archived)."""
        with self.archive.session() as session:
            runs = session.scalars(
                select(CrawlRun).where(CrawlRun.site == self.site.name).order_by(CrawlRun.id.desc()).limit(2)
            ).all()
        previous = [r for r in runs if r.id != getattr(self, "run_id", None)][:1]
        return bool(previous) and previous[0].status == "finished" and not previous[0].stats.get("errors")

    def list_request(self, page: str | ListRequest, walk: str, settled: int = 0) -> scrapy.Request | None:
        """A request for a list page not yet walked in this crawl (dir/ = dir/index.html; a
        data endpoint is told apart by its form). walk: "incremental" or "all"."""
        spec = page if isinstance(page, ListRequest) else ListRequest(page)
        key = (canonical_url(spec.url), spec.method, spec.formdata)
        if key in self.list_pages_seen:
            return None
        self.list_pages_seen.add(key)
        options = dict(callback=self.parse_list, errback=self.failed,
                       meta={"conditional": walk == "incremental" and spec.method == "GET",
                             "handle_httpstatus_list": [304], "list_state": spec.state},
                       cb_kwargs={"walk": walk, "settled": settled})
        if spec.method == "POST":
            return scrapy.FormRequest(spec.url, formdata=dict(spec.formdata), **options)
        return scrapy.Request(spec.url, **options)

    def document_request(self, url: str, list_fields: dict | None = None, revalidate: bool = False):
        self.documents_requested.add(canonical_url(url))
        return scrapy.Request(
            url, callback=self.parse_document, errback=self.failed,
            meta={"handle_httpstatus_list": REVALIDATE if revalidate else GONE_STATUSES,
                  "conditional": revalidate},
            cb_kwargs={"list_fields": list_fields or {}},
        )

    async def start(self):
        opts = self.options
        if opts.url:
            yield self.document_request(opts.url)
            return
        if opts.column:
            if request := self.list_request(opts.column, "all"):
                yield request
            return
        walk = "all" if opts.full or not self.previous_run_clean() else "incremental"
        self.crawler.stats.set_value("govarchive/walk", walk)
        starts = list(self.site.start_urls)
        if self.site.list_override is not None and self.site.list_override.json_url:
            starts.append(self.site.list_override.json_url.replace("{page}", "1"))
        for url in starts:
            if request := self.list_request(url, walk):
                yield request
        if opts.full or opts.since:
            with self.archive.session() as session:
                self.revalidate_when_idle = archived_documents(session, self.site.name,
                                                               since=None if opts.full else opts.since)

    def revalidate_unlisted(self) -> None:
        """spider_idle: the lists are walked; archived documents they did not lead to are asked
        for now (changed? gone?). After the lists, so a document they lead to is read with what
        they say of it today, not with what they said when it was archived."""
        pending, self.revalidate_when_idle = self.revalidate_when_idle, []
        requested = 0
        for url, list_fields in pending:
            if canonical_url(url) not in self.documents_requested:
                self.crawler.engine.crawl(self.document_request(url, list_fields, revalidate=True))
                requested += 1
        if requested:
            raise DontCloseSpider

    # --- callbacks ------------------------------------------------------------------------

    def parse_list(self, response, walk: str, settled: int):
        stats = self.crawler.stats
        if response.status == 304:
            stats.inc_value("govarchive/list_pages_unchanged")
            # an unchanged shell (a page whose records come from an API) says nothing of its
            # records: read it as last archived and ask its API, itself conditionally
            previous = self.archived_page(response)
            if previous is not None and (page := read_list_page(previous, self.allowed, self.site)).shell:
                if request := self.list_request(page.next_page, walk, settled):
                    yield request
            return
        if not isinstance(response, TextResponse):
            self.logger.warning("list page %s is not a text page (%s)", response.url,
                                response.headers.get("Content-Type"))
            return
        page = read_list_page(response, self.allowed, self.site)
        stats.inc_value(f"govarchive/list_pages/{page.family}")
        stats.inc_value("govarchive/list_pages")
        if not page.items and not page.columns and not page.shell:  # sub-columns or an API shell are not empty lists
            stats.inc_value("govarchive/list_pages_empty")
            self.logger.warning("list page %s (%s) yielded no documents: layout changed?",
                                response.url, page.family)
        if page.unreached:
            stats.inc_value("govarchive/records_unreached", page.unreached)
            self.logger.warning("list page %s (%s): %d records are served only by a search API not "
                                "supported yet; they were not fetched", response.url, page.family, page.unreached)
        with self.archive.session() as session:
            known = known_urls(session, [item.url for item in page.items])
        refetch = self.options.full or bool(self.options.column)
        for item in page.items:
            if item.url in known and not refetch:
                continue
            yield self.document_request(item.url, {"title": item.title, **item.fields},
                                        revalidate=item.url in known)
        # A page is settled when every item on it is known, or its last one is: lists run
        # newest first (pinned items aside), so what follows it is known too.
        is_settled = bool(page.items) and (page.items[-1].url in known or all(i.url in known for i in page.items))
        settled = settled + 1 if is_settled else 0
        if walk == "incremental" and settled >= self.site.stop_after_known_pages:
            stats.inc_value("govarchive/list_walks_stopped")
            return
        following = [page.next_page] if page.next_page else page.next_pages
        for url in following + page.columns:
            if request := self.list_request(url, walk, settled):
                yield request

    TEMPLATE_REFRESH = 20  # documents read between two readings of the site's template

    def template(self) -> frozenset:
        """The site's template as archived so far (it grows with this crawl's documents)."""
        if self._template is None or self._read_since_template >= self.TEMPLATE_REFRESH:
            with self.archive.session() as session:
                self._template = site_template(session, self.site.name)
            self._read_since_template = 0
        self._read_since_template += 1
        return self._template

    def archived_page(self, response) -> TextResponse | None:
        """The page as its last successful capture holds it (its capture id in meta)."""
        with self.archive.session() as session:
            capture = last_capture(session, response.url)
        if capture is None:
            return None
        stored = resources_for(self.crawler).warc.read(capture.warc_file, capture.offset)
        previous = responsetypes.from_args(headers=stored.headers, url=response.url, body=stored.body)
        if not issubclass(previous, TextResponse):
            return None
        response.meta["capture_id"] = capture.id
        return previous(response.url, status=stored.status, headers=stored.headers, body=stored.body,
                        request=response.request)

    def relisted(self, response, list_fields: dict) -> TextResponse | None:
        """An unchanged (304) document whose list now says something else of it (a corrected
        索引号, another publisher): its archived page, to be read again with the new fields."""
        if not list_fields:
            return None
        with self.archive.session() as session:
            before = listed_as(session, response.url)
        return self.archived_page(response) if before is not None and before != list_fields else None

    async def parse_document(self, response, list_fields: dict):
        if response.status == 304:
            archived = self.relisted(response, list_fields)
            if archived is None:
                yield NotModifiedItem(site=self.site.name, url=response.url)
                return
            response = archived
        capture_id = response.meta.get("capture_id")
        if response.status in GONE_STATUSES:
            yield GoneItem(site=self.site.name, url=response.url, status=response.status)
            return
        if isinstance(response, TextResponse):
            record = await self.extractor.extract(response.text, response.url, self.template())
        else:  # a list that links straight to a file: the file is the document
            record = DocumentRecord(response.url, attachments=[
                {"name": list_fields.get("title") or response.url, "url": response.url}])
            yield AttachmentItem(self.site.name, response.url, capture_id, len(response.body))
        record.fill_from_list(list_fields)
        yield DocumentItem(site=self.site.name, url=response.url, record=record, capture_id=capture_id)
        if self.site.fetch_attachments:
            for att in record.attachments:
                if att["url"] != response.url and self.allowed(att["url"]):
                    yield scrapy.Request(att["url"], callback=self.parse_attachment, errback=self.failed)

    def parse_attachment(self, response):
        yield AttachmentItem(self.site.name, response.url, response.meta.get("capture_id"), len(response.body))

    def failed(self, failure):
        if failure.check(IgnoreRequest):  # robots.txt said no, or a filter did: not an error
            self.crawler.stats.inc_value("govarchive/skipped")
            self.logger.info("skipped %s: %s", failure.request.url, failure.getErrorMessage())
            return
        self.crawler.stats.inc_value("govarchive/errors")
        self.logger.error("failed: %s: %s", failure.request.url, failure.getErrorMessage())
