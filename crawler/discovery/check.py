"""The spider of `scrapy check`: what the crawler would archive from a column, without archiving it.

Each column's first list page is read by the crawler's list families (a shell page's records by
its API's first page), then its first documents are fetched and read by extract(), merged with
what the list says of them, as the crawl's pipeline does. Nothing is written (WRITES_NOTHING).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import scrapy
from scrapy.http import TextResponse

from crawler.discovery.walk import Visit, request_for
from crawler.links import rule_against
from crawler.listing import ListItem, ListPage, ListRequest, read_list_page
from crawler.discovery.spider import WRITES_NOTHING, failure_reason
from pipeline import extract
from pipeline.record import DocumentRecord


@dataclass
class DocumentCheck:
    item: ListItem
    record: DocumentRecord | None = None
    error: str | None = None


@dataclass
class ColumnCheck:
    url: str
    page: ListPage | None = None  # the list page (a shell: the page, then its API's first page in `data`)
    data: ListPage | None = None
    error: str | None = None
    documents: list[DocumentCheck] = field(default_factory=list)

    @property
    def listed(self) -> ListPage | None:
        return self.data or self.page


class CheckSpider(scrapy.Spider):
    name = "check"
    custom_settings = WRITES_NOTHING

    def __init__(self, site, urls: list[str], documents: int = 3, **kwargs) -> None:
        super().__init__(**kwargs)
        self.site = site  # the configured site, or one made of the URLs: its domains, list override
        self.allowed_domains = site.domains
        self.documents = documents
        self.checks = {url: ColumnCheck(url) for url in urls}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.settings.setdict(spider.site.settings, priority="spider")
        spider.max_chars = crawler.settings.getint("GOVARCHIVE_MAX_DOCUMENT_CHARS")
        return spider

    def allowed(self, url: str) -> bool:
        return rule_against(url, self.allowed_domains) is None

    async def start(self):
        for url in self.checks:
            yield scrapy.Request(url, callback=self.parse_list, errback=self.list_failed, cb_kwargs={"column": url},
                                 dont_filter=True)

    def parse_list(self, response, column: str, data: bool = False):
        check = self.checks[column]
        if not isinstance(response, TextResponse):
            check.error = "not a list page: a file"
            return
        page = read_list_page(response, self.allowed, self.site)
        if data:
            check.data = page
        else:
            check.page = page
            if page.shell and page.next_page is not None:
                spec = page.next_page if isinstance(page.next_page, ListRequest) else ListRequest(page.next_page)
                yield request_for(Visit(spec.url, 0, data=spec), callback=self.parse_list, errback=self.list_failed,
                                  cb_kwargs={"column": column, "data": True}, dont_filter=True)
                return
        check.documents = [DocumentCheck(item) for item in page.items[: self.documents]]
        for index, document in enumerate(check.documents):
            yield scrapy.Request(document.item.url, callback=self.parse_document, errback=self.document_failed,
                                 cb_kwargs={"document": document}, dont_filter=True)

    def parse_document(self, response, document: DocumentCheck):
        if isinstance(response, TextResponse):
            record = extract(response.text[: self.max_chars], response.url)
        else:  # a list linking straight to a file: the file is the document, as the crawl archives it
            record = DocumentRecord(response.url, attachments=[{"name": document.item.title or response.url,
                                                                 "url": response.url}])
        document.record = record.fill_from_list({"title": document.item.title, **document.item.fields})

    def list_failed(self, failure):
        self.checks[failure.request.cb_kwargs["column"]].error = failure_reason(failure)[1]

    def document_failed(self, failure):
        failure.request.cb_kwargs["document"].error = failure_reason(failure)[1]
