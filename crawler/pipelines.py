"""Item pipelines: dedup and store into the archive, one transaction per item."""
from __future__ import annotations

import logging

from crawler.items import AttachmentItem, DocumentItem, GoneItem, NotModifiedItem
from crawler.outcomes import Outcomes
from crawler.resources import resources_for
from storage.archive import mark_gone, store_document, touch
from storage.attachments import mark_links, store_file


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
            elif isinstance(item, AttachmentItem) and item.fetch_status:
                mark_links(session, item.url, item.fetch_status, item.fetch_error)
            elif isinstance(item, AttachmentItem) and item.sha256:
                stored, new = store_file(session, url=item.url, sha256=item.sha256, size=item.size,
                                         capture_id=item.capture_id, reading=item.reading)
                stats.inc_value("govarchive/attachments")
                stats.inc_value("govarchive/attachment_files_new" if new else "govarchive/attachment_files_known")
                stats.inc_value(f"govarchive/attachments_read/{stored.status}")
