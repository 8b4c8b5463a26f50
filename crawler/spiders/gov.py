"""The `gov` spider: walks the disclosure columns of one configured site.

    scrapy crawl gov -a site=NAME

List pages are read by their platform family (crawler.listing); document pages are extracted
with pipeline.extract and handed to the item pipelines; attachments are fetched so their bytes
are archived.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse

from crawler.items import AttachmentItem, DocumentItem, GoneItem
from crawler.listing import read_list_page
from crawler.sites import get_site
from crawler.extractor import Extractor
from pipeline.extract import empty_record
from pipeline.urls import canonical_url

GONE_STATUSES = [404, 410]


class GovSpider(scrapy.Spider):
    name = "gov"

    def __init__(self, site: str | None = None, sites_file: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.site = get_site(site, sites_file)  # SiteConfigError: one line naming the problem
        self.site_name = self.site.name
        self.allowed_domains = self.site.domains
        self.list_pages_seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # per-site overrides from the sites file win over project settings
        crawler.settings.setdict(spider.site.settings, priority="spider")
        spider.extractor = Extractor.from_crawler(crawler)
        return spider

    def allowed(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def list_request(self, url: str, column: str) -> scrapy.Request | None:
        """A request for a list page not yet walked in this crawl (dir/ = dir/index.html)."""
        key = canonical_url(url)
        if key in self.list_pages_seen:
            return None
        self.list_pages_seen.add(key)
        return scrapy.Request(url, callback=self.parse_list, cb_kwargs={"column": column})

    async def start(self):
        for url in self.site.start_urls:
            if request := self.list_request(url, url):
                yield request

    def parse_list(self, response, column: str):
        if not isinstance(response, TextResponse):
            self.logger.warning("list page %s is not a text page (%s)", response.url,
                                response.headers.get("Content-Type"))
            return
        page = read_list_page(response, self.allowed)
        self.crawler.stats.inc_value(f"govarchive/list_pages/{page.family}")
        self.crawler.stats.inc_value("govarchive/list_pages")
        if not page.items:
            self.crawler.stats.inc_value("govarchive/list_pages_empty")
            self.logger.warning("list page %s (%s) yielded no documents: layout changed?",
                                response.url, page.family)
        for item in page.items:
            yield scrapy.Request(
                item.url,
                callback=self.parse_document,
                errback=self.failed,
                meta={"handle_httpstatus_list": GONE_STATUSES},
                cb_kwargs={"list_fields": {"title": item.title, **item.fields}},
            )
        for url in page.next_pages + page.columns:
            if request := self.list_request(url, column):
                yield request

    async def parse_document(self, response, list_fields: dict):
        capture_id = response.meta.get("capture_id")
        if response.status in GONE_STATUSES:
            yield GoneItem(site=self.site.name, url=response.url, status=response.status)
            return
        if isinstance(response, TextResponse):
            record = await self.extractor.extract(response.text, response.url)
        else:  # a list that links straight to a file: the file is the document
            record = empty_record(response.url)
            record["attachments"] = [{"name": list_fields.get("title") or response.url, "url": response.url}]
            yield AttachmentItem(self.site.name, response.url, capture_id, len(response.body))
        # the list's own fields fill what the page does not say
        for field in ("title", "published_at"):
            if not record.get(field) and list_fields.get(field):
                record[field] = list_fields[field]
        yield DocumentItem(site=self.site.name, url=response.url, record=record,
                           capture_id=capture_id, list_fields=list_fields)
        if self.site.fetch_attachments:
            for att in record["attachments"]:
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
