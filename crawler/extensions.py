"""Extensions: the crawl-run record and the closing summary."""
from __future__ import annotations

from datetime import datetime, timezone

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy import select

from crawler.outcomes import Outcomes
from crawler.resources import lock_site, resources_for
from storage import runs
from storage.dedup import link_reposts
from storage.locks import SiteLocked, archive_task_lock
from pipeline.template import edges_of
from storage.models import Document
from storage.reparse import reparse
from storage.templates import site_template

SUMMARY_COUNTS = {
    # summary name: stats key
    "requests": "downloader/request_count",
    "pages_fetched": "response_received_count",
    "list_pages": "govarchive/list_pages",
    "new": "govarchive/documents_new",
    "changed": "govarchive/documents_changed",
    "unchanged": "govarchive/documents_unchanged",
    "merged": "govarchive/documents_merged",
    "gone": "govarchive/documents_gone",
    "attachments": "govarchive/attachments",
    "errors": "govarchive/errors",
    "skipped": "govarchive/skipped",  # by a rule: robots.txt, off-site, scheme, URL length
    "broken_links": "govarchive/broken_links",
    "list_pages_unchanged": "govarchive/list_pages_unchanged",
    "records_unreached": "govarchive/records_unreached",
    "reposts": "govarchive/reposts",  # archived documents found to be near copies of others
    "template_trimmed": "govarchive/template_trimmed",  # read again with their site's template
    "attachments_gone": "govarchive/attachments_gone",
    "list_pages_gone": "govarchive/list_pages_gone",
    "list_warnings": "govarchive/list_warnings",  # pager values a list reader could not understand
    "list_walks_capped": "govarchive/list_walks_capped",  # walks ended at GOVARCHIVE_MAX_LIST_PAGES
    "list_walks_repeating": "govarchive/list_walks_repeating",  # ended on a page with nothing new
    "charset_repaired": "govarchive/charset_repaired",
    "documents_truncated": "govarchive/documents_truncated",
}


class RepostLinker:
    """When a crawl ends, links what it archived to the originals it reposts (and reposts
    already archived to it): the incremental pass of `scrapy dedup`, which reads only documents
    that are new or changed. Off with GOVARCHIVE_DEDUP_AFTER_CRAWL = False."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GOVARCHIVE_DEDUP_AFTER_CRAWL", True):
            raise NotConfigured
        return cls(crawler)

    def closed(self, spider, reason) -> None:
        stats = self.crawler.stats
        if not (stats.get_value("govarchive/documents_new") or stats.get_value("govarchive/documents_changed")):
            return
        resources = resources_for(self.crawler)
        with archive_task_lock(resources.data, "dedup"):  # waits for another crawl's pass
            result = link_reposts(resources.archive)
        stats.set_value("govarchive/reposts", result.matched)


class TemplateTrimmer:
    """When a crawl ends, its site's documents whose text still starts or ends with lines of
    the site's template (read before the template was learned, or before it grew) are read
    again from their captures with it: a site's template applies from its first crawl on.
    Off with GOVARCHIVE_TEMPLATE_AFTER_CRAWL = False."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GOVARCHIVE_TEMPLATE_AFTER_CRAWL", True):
            raise NotConfigured
        return cls(crawler)

    def closed(self, spider, reason) -> None:
        stats = self.crawler.stats
        if not (stats.get_value("govarchive/documents_new") or stats.get_value("govarchive/documents_changed")):
            return
        site = getattr(spider, "site_name", None)
        resources = resources_for(self.crawler)
        with resources.archive.session() as session:
            template = site_template(session, site)
            documents = [doc_id for doc_id, body in session.execute(
                select(Document.id, Document.body).where(Document.site == site))
                if body and template.intersection(edges_of(body.splitlines()))] if template else []
        if documents:  # inline: forking beside the reactor's threads is not safe
            result = reparse(resources.archive, resources.data, site=site, workers=1, documents=documents)
            stats.set_value("govarchive/template_trimmed", result.documents_changed)


class CrawlRunRecorder:
    """Records each crawl as a run (storage.runs: site, trigger, start, end, status, counts)
    and prints a one-paragraph summary when it closes."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.run_id: int | None = None
        self.status: runs.RunStatus | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def opened(self, spider) -> None:
        site = getattr(spider, "site_name", spider.name)
        trigger = getattr(spider, "trigger", None) or "manual"
        try:  # normally taken already by the crawl command, before Scrapy started
            lock = lock_site(self.crawler.settings, site, trigger=trigger,
                             started=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        except SiteLocked as exc:  # started some other way than `scrapy crawl`
            spider.logger.error(str(exc))
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="locked"))
            return
        with resources_for(self.crawler).archive.session() as session:
            self.run_id = runs.start(session, site, trigger, self.crawler.settings.get("GOVARCHIVE_RUN_LOG")).id
        spider.run_id = self.run_id
        lock.update(run_id=self.run_id)

    def counts(self) -> dict:
        stats = self.crawler.stats
        counts = {name: int(stats.get_value(key, 0)) for name, key in SUMMARY_COUNTS.items()}
        counts["errors"] += int(stats.get_value("spider_exceptions/count", 0))
        families = {  # by name: the order responses arrived in says nothing
            key.rsplit("/", 1)[1]: value
            for key, value in sorted(stats.get_stats().items())
            if key.startswith("govarchive/list_pages/")
        }
        skipped = {key.rsplit("/", 1)[1]: value for key, value in sorted(stats.get_stats().items())
                   if key.startswith("govarchive/skipped/")}
        root = {key: value for key in ("root", "columns_appeared", "columns_vanished")  # crawler.discovery.watch
                if (value := stats.get_value(f"govarchive/{key}")) is not None}
        return counts | root | {"families": families, "skipped_by_rule": skipped,
                         "empty_list_pages": int(stats.get_value("govarchive/list_pages_empty", 0)),
                         "error_samples": list(Outcomes.of(self.crawler).error_samples)}

    def closed(self, spider, reason) -> None:
        counts = self.counts()
        self.status = runs.status_of(reason, counts)
        if self.run_id is not None:
            with resources_for(self.crawler).archive.session() as session:
                counts = runs.finish(session, self.run_id, reason, counts).stats
        self.crawler.stats.set_value("govarchive/run_status", self.status.value)
        site = getattr(spider, "site_name", spider.name)
        for warning in counts.get("warnings", []):
            spider.logger.warning("%s: %s", site, warning)
        message = runs.summary_line(site, counts, self.status)
        spider.logger.info(message)
        if not self.crawler.settings.getbool("GOVARCHIVE_SHARED_RESOURCES"):  # a worker's output is not one crawl's
            print(message, flush=True)
