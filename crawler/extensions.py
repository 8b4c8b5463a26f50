"""Extensions: the crawl-run record and the closing summary."""
from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured

from datetime import datetime, timezone

from scrapy.utils.defer import deferred_from_coro
from sqlalchemy import select, update

from crawler.resources import lock_site, resources_for
from storage.health import previous_run, run_warnings
from storage.dedup import link_reposts
from storage.locks import SiteLocked, archive_task_lock
from pipeline.template import edges_of
from storage.models import CrawlRun, Document, utcnow
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
    "broken_links": "govarchive/broken_links",
    "list_pages_unchanged": "govarchive/list_pages_unchanged",
    "records_unreached": "govarchive/records_unreached",
    "reposts": "govarchive/reposts",  # archived documents found to be near copies of others
    "template_trimmed": "govarchive/template_trimmed",  # read again with their site's template
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
    """Records each crawl as a CrawlRun (site, trigger, start, end, status, counts) and logs a
    one-paragraph summary when it closes."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.run_id: int | None = None
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
            # we hold the site's lock, so a run of this site still marked running was killed
            session.execute(update(CrawlRun).where(CrawlRun.site == site, CrawlRun.status == "running")
                            .values(status="interrupted"))
            run = CrawlRun(site=site, trigger=trigger, status="running", stats={},
                           log_path=self.crawler.settings.get("GOVARCHIVE_RUN_LOG"))
            session.add(run)
            session.flush()
            self.run_id = run.id
        spider.run_id = self.run_id
        lock.update(run_id=self.run_id)

    def counts(self) -> dict[str, int]:
        stats = self.crawler.stats
        counts = {name: int(stats.get_value(key, 0)) for name, key in SUMMARY_COUNTS.items()}
        counts["errors"] += int(stats.get_value("spider_exceptions/count", 0))
        families = {  # by name: the order responses arrived in says nothing
            key.rsplit("/", 1)[1]: value
            for key, value in sorted(stats.get_stats().items())
            if key.startswith("govarchive/list_pages/")
        }
        return counts | {"families": families, "empty_list_pages": int(stats.get_value("govarchive/list_pages_empty", 0))}

    def closed(self, spider, reason) -> None:
        counts = self.counts()
        status = "finished" if reason == "finished" else reason
        if self.run_id is not None:
            with resources_for(self.crawler).archive.session() as session:
                run = session.get(CrawlRun, self.run_id)
                previous = previous_run(session, run.site, run.id)
                counts["warnings"] = run_warnings(counts, previous.stats if previous else None)
                run.status, run.ended_at, run.stats = status, utcnow(), counts
        families = ", ".join(f"{k} {v}" for k, v in counts["families"].items()) or "none"
        site = getattr(spider, "site_name", spider.name)
        message = (
            f"Crawl summary for {site}: {counts['pages_fetched']} pages fetched "
            f"({counts['list_pages']} list pages; families: {families}), documents "
            f"{counts['new']} new / {counts['changed']} changed / {counts['unchanged']} unchanged"
            f" / {counts['merged']} more URLs of known ones"
            f" / {counts['gone']} gone, {counts['attachments']} attachments, {counts['errors']} errors"
        )
        if counts["reposts"]:
            message += f", {counts['reposts']} near copies of other documents (linked as reposts)"
        if counts["broken_links"]:
            message += f", {counts['broken_links']} broken links (404 on a listed page)"
        if counts["template_trimmed"]:
            message += f", {counts['template_trimmed']} trimmed of their site's template"
        if counts["list_pages_unchanged"]:
            message += f", {counts['list_pages_unchanged']} list pages not modified (304)"
        if counts["empty_list_pages"]:
            message += f"; {counts['empty_list_pages']} list pages without items (layout changed?)"
        if counts["records_unreached"]:
            message += f"; {counts['records_unreached']} listed records only behind an unsupported search API"
        for warning in counts.get("warnings", []):
            spider.logger.warning("%s: %s", site, warning)
        spider.logger.info(message)
        print(message, flush=True)
