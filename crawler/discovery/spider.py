"""The spider of `scrapy discover`: the walk of crawler.discovery.walk from one root. It writes
nothing (no WARC, no archive, no run record: WRITES_NOTHING) and keeps the crawl's politeness
(robots.txt, AutoThrottle, the delay, the site's own settings)."""
from __future__ import annotations

import scrapy
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError

from crawler import settings as project
from crawler.discovery.scope import Scope
from crawler.discovery.walk import ColumnWalk, Visit, request_for
from crawler.outcomes import SkippedByRule, one_line

# Settings of the spiders that only look (`discover`, `check`): the project's components, less
# those that write the archive (captures, conditional requests read it, items, run records).
WRITES_NOTHING = {
    "DOWNLOADER_MIDDLEWARES": {**project.DOWNLOADER_MIDDLEWARES, "crawler.middlewares.WarcCaptureMiddleware": None,
                               "crawler.middlewares.ConditionalRequestMiddleware": None},
    "ITEM_PIPELINES": {},
    "EXTENSIONS": {name: None for name in project.EXTENSIONS},
}


def failure_reason(failure) -> tuple[str | None, str]:
    """(the rule that skipped the request, or None for an error; what happened, one line)."""
    if failure.check(SkippedByRule):
        return failure.value.rule, str(failure.value)
    if failure.check(HttpError):
        return None, f"HTTP {failure.value.response.status}"
    message = failure.getErrorMessage().strip()
    return None, one_line(f"{failure.type.__name__}{': ' + message if message else ''}")


class DiscoverSpider(scrapy.Spider):
    name = "discover"
    custom_settings = WRITES_NOTHING

    def __init__(self, root: str, hosts=(), site=None, on_page=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.site = site  # a configured Site: its settings and list override apply
        self.scope = Scope(root, hosts)
        self.allowed_domains = self.scope.hosts
        self.on_page = on_page or (lambda walk: None)
        self.walk: ColumnWalk | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.site is not None:
            settings.setdict(spider.site.settings, priority="spider")
        settings.set("CLOSESPIDER_TIMEOUT", settings.getint("GOVARCHIVE_DISCOVER_TIME_LIMIT"), priority="spider")
        spider.walk = ColumnWalk(spider.scope.root, spider.scope, settings.getint("GOVARCHIVE_DISCOVER_MAX_DEPTH"),
                                 settings.getint("GOVARCHIVE_DISCOVER_MAX_PAGES"), spider.site)
        return spider

    async def start(self):
        if request := self.request(self.walk.first()):
            yield request

    def request(self, visit: Visit) -> scrapy.Request | None:
        try:  # breadth first: a page is read by its shortest way, within the depth bound
            return request_for(visit, callback=self.parse_page, errback=self.failed, priority=-visit.depth,
                               cb_kwargs={"visit": visit})
        except ValueError as exc:
            self.walk.unreadable(visit, f"not a URL Scrapy can request ({exc})")
            return None

    def parse_page(self, response, visit: Visit):
        if not isinstance(response, TextResponse):
            self.walk.unreadable(visit, "not a text page")
            return
        for found in self.walk.read(visit, response):
            if request := self.request(found):
                yield request
        self.on_page(self.walk)

    def failed(self, failure):
        visit = failure.request.cb_kwargs["visit"]
        rule, reason = failure_reason(failure)
        if rule is not None:
            self.walk.skipped[visit.url] = rule
        else:
            self.walk.unreadable(visit, reason)
