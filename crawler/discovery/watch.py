"""A crawl's look at its site's 政府信息公开 root: are the configured columns still those the root
leads to?

A crawl of a whole site that has a `root` (not `-a column=` nor `-a url=`) asks for the root
conditionally. An unchanged root (304) costs that one request: it leads where it led, so what the
last look reported is reported again, less what the sites file has adopted since. A changed root
is walked again as `scrapy discover` walks it (crawler.discovery.walk, the same bounds), each page
conditionally (an unchanged one read as archived); the configured columns are not fetched a second
time but read as this crawl archived them, once its lists are walked. Columns found that are not
start URLs appeared; start URLs under the root that the walk no longer reaches vanished, said only
when the walk read every page it reached. The report goes into the run record (warnings, `status`);
`scrapy discover --name SITE --write` adopts it. What the look cannot read is logged, never a
crawl error: it must not cost the crawl its early stopping.
"""
from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import TextResponse

from crawler.discovery.scope import Scope
from crawler.discovery.walk import ColumnWalk, Visit, request_for
from crawler.resources import archived_response
from crawler.discovery.spider import failure_reason
from pipeline.urls import canonical_url
from storage.runs import last_root_report

log = logging.getLogger(__name__)


class RootWatch:
    def __init__(self, spider) -> None:
        self.spider, self.crawler, site = spider, spider.crawler, spider.site
        settings = self.crawler.settings
        self.known = {canonical_url(url): url for url in site.start_urls}
        self.scope = Scope(site.root, site.domains)
        self.walk = ColumnWalk(site.root, self.scope, settings.getint("GOVARCHIVE_DISCOVER_MAX_DEPTH"),
                               settings.getint("GOVARCHIVE_DISCOVER_MAX_PAGES"), site, frozenset(self.known))
        self.deadline = time.monotonic() + settings.getint("GOVARCHIVE_DISCOVER_TIME_LIMIT")
        self.timed_out = False
        self.root_state: str | None = None  # "unchanged", "changed", or why it could not be read
        self.pending = 0
        self.deferred: list[Visit] = []  # configured columns: read from this crawl's captures when idle
        self.crawler.signals.connect(self.idle, signal=signals.spider_idle)

    @classmethod
    def of(cls, spider) -> "RootWatch | None":
        if spider.site.root is None or spider.options.column or spider.options.url:
            return None
        return cls(spider)

    def first_request(self):
        return self._request(self.walk.first())

    def _request(self, visit: Visit):
        try:
            request = request_for(visit, callback=self.read, errback=self.failed, cb_kwargs={"visit": visit},
                                  dont_filter=True, priority=-visit.depth,
                                  meta={"conditional": visit.data is None, "handle_httpstatus_list": [304]})
        except ValueError as exc:
            self.walk.unreadable(visit, str(exc))
            return None
        self.pending += 1
        return request

    def read(self, response, visit: Visit):
        self.pending -= 1
        if response.status == 304:
            if visit.depth == 0 and visit.data is None:
                self.root_state = "unchanged"
                return
            response, _ = archived_response(self.crawler, response.url, response.request)
        if not isinstance(response, TextResponse):
            self.walk.unreadable(visit, "not a text page, or not archived")
            return
        self.root_state = self.root_state or "changed"
        for request in self._follow(self.walk.read(visit, response)):
            yield request

    def failed(self, failure):
        self.pending -= 1
        visit = failure.request.cb_kwargs["visit"]
        rule, reason = failure_reason(failure)
        if rule is not None:
            self.walk.skipped[visit.url] = rule
        else:
            self.walk.unreadable(visit, reason)
        if visit.depth == 0:
            self.root_state = f"not read ({reason})"
        log.warning("root %s: %s not read: %s", self.walk.root, visit.url, reason)

    def _follow(self, visits: list[Visit]):
        for visit in visits:
            if visit.data is None and canonical_url(visit.url) in self.known:
                self.deferred.append(visit)
            elif time.monotonic() > self.deadline:
                self.timed_out = True
            elif request := self._request(visit):
                yield request

    def idle(self) -> None:
        """spider_idle (nothing in flight): once the crawl's lists are walked, the configured
        columns' links are read from its captures; when nothing is left to read, the report."""
        scheduled = False
        while self.deferred and not scheduled:
            deferred, self.deferred = self.deferred, []
            for visit in deferred:
                response, _ = archived_response(self.crawler, visit.url)
                if response is None:
                    self.walk.unreadable(visit, "not archived by this crawl")
                    continue
                for request in self._follow(self.walk.read(visit, response)):
                    self.crawler.engine.crawl(request)
                    scheduled = True
        if scheduled:
            raise DontCloseSpider
        self.report()

    def report(self) -> None:
        stats = self.crawler.stats
        if self.root_state == "unchanged":
            with self.spider.archive.session() as session:
                before = last_root_report(session, self.spider.site.name) or {}
            appeared = [u for u in before.get("columns_appeared", []) if canonical_url(u) not in self.known]
            vanished = [u for u in before.get("columns_vanished", []) if canonical_url(u) in self.known]
        elif self.root_state == "changed":
            found = {canonical_url(c.url): c.url for c in self.walk.columns.values()}
            appeared = sorted(url for key, url in found.items() if key not in self.known)
            complete = self.walk.complete and not self.timed_out
            vanished = sorted(url for key, url in self.known.items()
                              if complete and key not in found and self.scope.allows(url))
        else:
            appeared = vanished = []
        stats.set_value("govarchive/root", self.root_state or "not read")
        stats.set_value("govarchive/columns_appeared", appeared)
        stats.set_value("govarchive/columns_vanished", vanished)
