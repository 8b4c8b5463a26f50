"""Item pipelines: dedup and store into the archive, one transaction per item."""
from __future__ import annotations

import logging

from crawler.items import AttachmentItem, DocumentItem, GoneItem, NotModifiedItem
from crawler.outcomes import Outcomes
from crawler.resources import resources_for
from storage.archive import attach_capture, mark_gone, store_document, touch


class ArchivePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.archive = resources_for(crawler).archive

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item, spider=None):
        try:
            self.store(item)
        except Exception as exc:  # noqa: BLE001 (rolled back whole: an error of this URL, retried next crawl)
            logging.getLogger(__name__).debug("storing %s failed", item.url, exc_info=True)
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[:1] or [""]
            Outcomes.of(self.crawler).error(item.url, f"not stored: {type(exc).__name__}: {reason[0]}")
        return item

    def store(self, item) -> None:
        stats = self.crawler.stats
        with self.archive.session() as session:
            if isinstance(item, DocumentItem):
                stored = store_document(session, site=item.site, url=item.url, record=item.record,
                                        capture_id=item.capture_id)
                stats.inc_value(f"govarchive/documents_{stored.outcome}")
            elif isinstance(item, GoneItem):
                if mark_gone(session, item.url):
                    stats.inc_value("govarchive/documents_gone")
                else:  # listed but never there: the site's broken link, nothing to archive
                    stats.inc_value("govarchive/broken_links")
            elif isinstance(item, NotModifiedItem):
                touch(session, item.url)
                stats.inc_value("govarchive/documents_unchanged")
            elif isinstance(item, AttachmentItem) and item.capture_id is not None:
                attach_capture(session, item.url, item.capture_id, item.size)
                stats.inc_value("govarchive/attachments")
