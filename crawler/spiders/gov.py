"""The `gov` spider: walks the disclosure columns of one configured site.

    scrapy crawl gov -a site=NAME                 incremental: new documents only
    scrapy crawl gov -a site=NAME -a full=1       every list page, every known document again
    scrapy crawl gov -a site=NAME -a column=URL   one column, completely
    scrapy crawl gov -a site=NAME -a url=URL      one document (a list page given here is walked as a column)
    scrapy crawl gov -a site=NAME -a since=DATE   re-fetch documents published since DATE

List pages are read by their platform family (crawler.listing) and always fetched from the
first; documents already archived are skipped, and pagination stops once
`stop_after_known_pages` pages in a row are settled (hold only known documents, or end with
one). Early stopping is trusted only after a previous run that finished cleanly: after a
killed run, or one where any request ended in error, every list page is walked again, so
nothing is missed. A column's walk is bounded: it ends at GOVARCHIVE_MAX_LIST_PAGES pages, or
at a page that brings no record the walk has not seen (a pager that never ends), with a
warning naming the column. A site with a `root` has it looked at again by each crawl of the
whole site: columns that appeared under it or vanished are reported (crawler.discovery.watch).
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError

try:
    from scrapy.exceptions import DownloadCancelledError
except ImportError:  # older Scrapy cancels with Twisted's own error only
    DownloadCancelledError = CancelledError

from crawler.crawl_options import CrawlOptions
from crawler.discovery.watch import RootWatch
from crawler.extractor import Extractor
from crawler.items import AttachmentItem, DocumentItem, GoneItem, NotModifiedItem
from crawler.links import absolute_url, rule_against
from crawler.listing import ListPage, ListRequest, read_list_page
from crawler.listing.generic import is_document_url
from crawler.listing.patterns import COLUMN_URL
from crawler.outcomes import Outcomes
from crawler.resources import archived_response, resources_for
from crawler.sites import get_site
from pipeline.attachments import Limits
from pipeline.record import DocumentRecord
from pipeline.urls import canonical_url
from storage.archive import archived_documents, known_urls, last_capture, listed_as
from storage.attachments import file_by_sha256
from storage.runs import last_run_clean
from storage.templates import site_template

GONE_STATUSES = [404, 410]
REVALIDATE = [304, 404, 410]


class GovSpider(scrapy.Spider):
    name = "gov"

    def __init__(self, site: str | None = None, sites_file: str | None = None, **kwargs):
        options = CrawlOptions.from_args({"site": site, "sites_file": sites_file, **kwargs})
        for name in CrawlOptions.NAMES:
            kwargs.pop(name, None)
        super().__init__(**kwargs)
        self.site = get_site(site, sites_file)  # SiteConfigError: one line naming the problem
        self.site_name = self.site.name
        self.options = options
        self.trigger = options.trigger
        self.allowed_domains = self.site.domains
        self.list_pages_seen: set[tuple] = set()
        self.walk_records: dict[str, set[str]] = {}  # column → list records its walk has seen
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
        spider.outcomes = Outcomes.of(crawler)
        spider.max_list_pages = crawler.settings.getint("GOVARCHIVE_MAX_LIST_PAGES")
        spider.max_document_chars = crawler.settings.getint("GOVARCHIVE_MAX_DOCUMENT_CHARS")
        spider.attachment_max_bytes = crawler.settings.getint("GOVARCHIVE_ATTACHMENT_MAX_BYTES")
        spider.attachment_limits = Limits(max_chars=spider.max_document_chars or Limits.max_chars,
                                          seconds=crawler.settings.getfloat("GOVARCHIVE_ATTACHMENT_READ_SECONDS"))
        return spider

    def allowed(self, url: str) -> bool:
        return rule_against(url, self.allowed_domains) is None

    # --- what to walk -------------------------------------------------------------------

    def previous_run_clean(self) -> bool:
        """Whether the last run before this one finished without errors (so every document
        on pages it stopped before was archived)."""
        with self.archive.session() as session:
            return last_run_clean(session, self.site.name, before_id=getattr(self, "run_id", None))

    def list_request(self, page: str | ListRequest, walk: str, column: str, page_no: int = 1,
                     settled: int = 0) -> scrapy.Request | None:
        """A request for a list page not yet walked in this crawl (dir/ = dir/index.html; a
        data endpoint is told apart by its form), page `page_no` of `column`'s walk.
        walk: "incremental" or "all"."""
        spec = page if isinstance(page, ListRequest) else ListRequest(page)
        if rule := rule_against(spec.url, self.allowed_domains):
            self.outcomes.skipped(spec.url, rule, "list page")
            return None
        key = (canonical_url(spec.url), spec.method, spec.formdata)
        if key in self.list_pages_seen:
            return None
        if page_no > self.max_list_pages:
            self.stop_walk(column, "capped", f"it reached GOVARCHIVE_MAX_LIST_PAGES ({self.max_list_pages} "
                                             f"pages); not requested: {spec.url}")
            return None
        self.list_pages_seen.add(key)
        options = dict(callback=self.parse_list, errback=self.failed,
                       meta={"conditional": walk == "incremental" and spec.method == "GET",
                             "handle_httpstatus_list": [304], "list_state": spec.state, "list_page_no": page_no},
                       cb_kwargs={"walk": walk, "column": column, "page_no": page_no, "settled": settled})
        if spec.headers:
            options["headers"] = dict(spec.headers)
        return self._request(spec.url, spec.method, spec.formdata, options)

    def document_request(self, url: str, list_fields: dict | None = None, revalidate: bool = False,
                         callback=None) -> scrapy.Request | None:
        self.documents_requested.add(canonical_url(url))
        return self._request(url, "GET", (), dict(
            callback=callback or self.parse_document, errback=self.failed,
            meta={"handle_httpstatus_list": REVALIDATE if revalidate else GONE_STATUSES, "conditional": revalidate},
            cb_kwargs={"list_fields": list_fields or {}},
        ))

    def _request(self, url: str, method: str, formdata: tuple, options: dict) -> scrapy.Request | None:
        try:
            if method == "POST":
                return scrapy.FormRequest(url, formdata=dict(formdata), **options)
            return scrapy.Request(url, **options)
        except ValueError as exc:  # a URL Scrapy cannot request: the site's mistake, said once
            self.outcomes.skipped(url, "malformed", str(exc))
            return None

    def stop_walk(self, column: str, kind: str, why: str) -> None:
        """kind: "capped" (the bound: records past it may be missed) or "repeating" (a page
        with nothing new: a pager that repeats itself, or overlapping pages)."""
        self.crawler.stats.inc_value(f"govarchive/list_walks_{kind}")
        self.logger.warning("column %s: walk stopped, %s", column, why)

    async def start(self):
        opts = self.options
        if opts.url:
            if request := self.document_request(opts.url, callback=self.parse_requested):
                yield request
            return
        if opts.column:
            if request := self.list_request(opts.column, "all", opts.column):
                yield request
            return
        walk = "all" if opts.full or not self.previous_run_clean() else "incremental"
        self.crawler.stats.set_value("govarchive/walk", walk)
        starts = list(self.site.start_urls)
        if self.site.list_override is not None and self.site.list_override.json_url:
            starts.append(self.site.list_override.json_url.replace("{page}", "1"))
        for url in starts:
            if request := self.list_request(url, walk, url):
                yield request
        self.root_watch = RootWatch.of(self)  # columns appeared or vanished under the site's root?
        if self.root_watch and (request := self.root_watch.first_request()):
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
                if request := self.document_request(url, list_fields, revalidate=True):
                    self.crawler.engine.crawl(request)
                    requested += 1
        if requested:
            raise DontCloseSpider

    # --- callbacks ------------------------------------------------------------------------

    def parse_list(self, response, walk: str, column: str, page_no: int, settled: int, page: ListPage | None = None):
        stats = self.crawler.stats
        if response.status == 304:
            stats.inc_value("govarchive/list_pages_unchanged")
            # an unchanged shell (a page whose records come from an API) says nothing of its
            # records: read it as last archived and ask its API, itself conditionally
            previous = self.archived_page(response)
            if previous is not None and (page := read_list_page(previous, self.allowed, self.site)).shell:
                if request := self.list_request(page.next_page, walk, column, page_no + 1, settled):
                    yield request
            return
        if not isinstance(response, TextResponse):
            self.outcomes.error(response.url, f"list page is not a text page "
                                              f"({(response.headers.get('Content-Type') or b'').decode('latin-1')})")
            return
        page = page or read_list_page(response, self.allowed, self.site)
        stats.inc_value(f"govarchive/list_pages/{page.family}")
        stats.inc_value("govarchive/list_pages")
        for warning in page.warnings:
            stats.inc_value("govarchive/list_warnings")
            self.logger.warning("list page %s (%s): %s", response.url, page.family, warning)
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
            if request := self.document_request(item.url, {"title": item.title, **item.fields},
                                                revalidate=item.url in known):
                yield request
        seen = self.walk_records.setdefault(column, set())
        brings_new = any(item.url not in seen for item in page.items)
        seen.update(item.url for item in page.items)
        # A page is settled when every item on it is known, or its last one is: lists run
        # newest first (pinned items aside), so what follows it is known too.
        is_settled = bool(page.items) and (page.items[-1].url in known or all(i.url in known for i in page.items))
        settled = settled + 1 if is_settled else 0
        if walk == "incremental" and settled >= self.site.stop_after_known_pages:
            stats.inc_value("govarchive/list_walks_stopped")
        elif page.items and not brings_new and page_no > 1:
            self.stop_walk(column, "repeating", f"page {page_no} ({response.url}) brings no record its walk "
                                                "has not seen")
        else:
            following = [page.next_page] if page.next_page else page.next_pages
            for url in following:
                if request := self.list_request(url, walk, column, page_no + 1, settled):
                    yield request
        for url in page.columns:
            if request := self.list_request(url, walk, url):
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
        previous, capture_id = archived_response(self.crawler, response.url, response.request)
        if previous is not None:
            response.meta["capture_id"] = capture_id
        return previous

    def relisted(self, response, list_fields: dict) -> TextResponse | None:
        """An unchanged (304) document whose list now says something else of it (a corrected
        索引号, another publisher): its archived page, to be read again with the new fields."""
        if not list_fields:
            return None
        with self.archive.session() as session:
            before = listed_as(session, response.url)
        return self.archived_page(response) if before is not None and before != list_fields else None

    async def parse_requested(self, response, list_fields: dict):
        """`-a url=`: a document, unless the page is a list, which is then walked as a column
        (archived as a document, it would hide the column's records from later crawls)."""
        if response.status == 200 and isinstance(response, TextResponse) and (page := self.as_list_page(response)):
            self.logger.warning("-a url=%s is a list page (%s, %d records): walked as a column, not archived "
                                "as a document (-a column= says so)", response.url, page.family, len(page.items))
            for request in self.parse_list(response, "all", response.url, 1, 0, page=page):
                yield request
            return
        async for result in self.parse_document(response, list_fields):
            yield result

    def as_list_page(self, response) -> ListPage | None:
        page = read_list_page(response, self.allowed, self.site)
        if page.family != "generic":  # a platform's list recognised by its own markup
            return page if page.items or page.shell or page.next_page else None
        column_shaped = COLUMN_URL.search(urlsplit(response.url).path) and not is_document_url(response.url)
        paged = page.next_page or page.next_pages
        return page if len(page.items) >= 2 and (column_shaped or paged) else None

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
            text = response.text
            if len(text) > self.max_document_chars:  # bounds extraction's memory; the WARC keeps every byte
                self.crawler.stats.inc_value("govarchive/documents_truncated")
                self.logger.warning("document %s: %d characters, extracted from its first %d "
                                    "(GOVARCHIVE_MAX_DOCUMENT_CHARS)", response.url, len(text), self.max_document_chars)
                text = text[: self.max_document_chars]
            try:
                record = await self.extractor.extract(text, response.url, self.template())
            except Exception as exc:  # noqa: BLE001 (one page must not end the crawl; counted and retried next time)
                self.outcomes.error(response.url, f"extraction failed: {type(exc).__name__}: {exc}")
                return
        else:  # a list that links straight to a file: the file is the document
            record = DocumentRecord(response.url, attachments=[
                {"name": list_fields.get("title") or response.url, "url": response.url}])
        record.fill_from_list(list_fields)
        yield DocumentItem(site=self.site.name, url=response.url, record=record, capture_id=capture_id)
        if not isinstance(response, TextResponse):
            yield await self.attachment_item(response, response.body, record.attachments[0]["name"])
        if self.site.fetch_attachments:
            for att in record.attachments:
                if request := self.attachment_request(att, response.url):
                    yield request

    # --- attachments ----------------------------------------------------------------------

    def attachment_request(self, att: dict, page_url: str) -> scrapy.Request | None:
        """A 附件 link's request: on the site's hosts only, http(s) only, never larger than
        GOVARCHIVE_ATTACHMENT_MAX_BYTES; conditional, so a file archived before costs a 304."""
        url = absolute_url(att["url"], page_url)
        rule = (rule_against(url, self.allowed_domains) if url
                else rule_against(att["url"], self.allowed_domains) or "malformed")
        if rule:
            self.outcomes.skipped(att["url"], rule, f"attachment of {page_url}")
            return None
        if url == page_url:
            return None
        meta = {"handle_httpstatus_list": GONE_STATUSES + [304], "conditional": True,
                "attachment_name": att.get("name") or url}
        if self.attachment_max_bytes:
            meta["download_maxsize"] = self.attachment_max_bytes
        return self._request(url, "GET", (), dict(callback=self.parse_attachment, errback=self.attachment_failed,
                                                  meta=meta))

    async def parse_attachment(self, response):
        if response.status in GONE_STATUSES:  # the document links a file the site no longer has
            self.crawler.stats.inc_value("govarchive/attachments_gone")
            self.logger.info("attachment %s: gone (%d)", response.url, response.status)
            yield AttachmentItem(self.site.name, response.url, None, None, fetch_status="gone",
                                 fetch_error=f"HTTP {response.status}")
            return
        name = response.meta.get("attachment_name") or response.url
        if response.status == 304:  # archived before: its bytes are read back from the archive (known by
            # now, unless a crawl was killed between fetching and storing it: then it is read here)
            self.crawler.stats.inc_value("govarchive/attachments_unchanged")
            body, capture_id = self.archived_body(response.url)
            if body is None:
                return
            response.meta["capture_id"] = capture_id
        else:
            body = response.body
        yield await self.attachment_item(response, body, name)

    def archived_body(self, url: str) -> tuple[bytes | None, int | None]:
        """The bytes of the URL's last successful capture (a 304 for a file whose reading was
        never stored, say a crawl killed in between, is read from the archive)."""
        with self.archive.session() as session:
            capture = last_capture(session, url)
            if capture is None:
                return None, None
            capture_id, warc_file, offset = capture.id, capture.warc_file, capture.offset
        return resources_for(self.crawler).warc.read(warc_file, offset).body, capture_id

    async def attachment_item(self, response, body: bytes, name: str) -> AttachmentItem:
        """The file's item: its SHA-256 and, unless these bytes were read before, its reading."""
        sha256 = hashlib.sha256(body).hexdigest()
        with self.archive.session() as session:
            known = file_by_sha256(session, sha256) is not None
        reading = None if known else await self.extractor.read_attachment(body, name, self.attachment_limits)
        if reading is not None and reading.status not in ("ok", "empty"):
            self.logger.warning("attachment %s (%s): %s%s", response.url, reading.media_type, reading.status,
                                f": {reading.error}" if reading.error else "")
        return AttachmentItem(self.site.name, response.url, response.meta.get("capture_id"), len(body),
                              sha256=sha256, reading=reading)

    def attachment_failed(self, failure):
        """An attachment over GOVARCHIVE_ATTACHMENT_MAX_BYTES is skipped by that rule, and its
        links say so; any other failure is the request's outcome as for every request."""
        request = failure.request
        if failure.check(DownloadCancelledError, CancelledError) and request.meta.get("download_maxsize"):
            limit = request.meta["download_maxsize"]
            reason = f"over GOVARCHIVE_ATTACHMENT_MAX_BYTES ({limit} bytes): not downloaded"
            self.outcomes.skipped(request.url, "too-large", reason)
            yield AttachmentItem(self.site.name, request.url, None, None, fetch_status="too_large", fetch_error=reason)
            return
        self.failed(failure)

    def failed(self, failure):
        """Every request's errback: a rule's skip or an error, counted and logged with its URL.
        A list page past the first answering 404/410 (a pager pointing past the list's end) is
        gone, not an error; a column's first page that is gone is."""
        meta = failure.request.meta
        if (failure.check(HttpError) and meta.get("list_page_no", 1) > 1
                and failure.value.response.status in GONE_STATUSES):
            self.crawler.stats.inc_value("govarchive/list_pages_gone")
            self.logger.warning("list page %s: gone (%d)", failure.request.url, failure.value.response.status)
            return
        self.outcomes.failed(failure)
