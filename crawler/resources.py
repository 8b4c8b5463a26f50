"""The archive and WARC store of one crawler, shared by its components.

Opened on first use and kept on the crawler, so middlewares, pipelines and extensions write
through the same engine and the same WARC file.
"""
from __future__ import annotations

from storage.captures import WarcStore
from storage.db import Archive, archive_url, data_dir, writable_dir
from storage.locks import SiteLock

# Site locks taken by the crawl command before Scrapy starts; held until the process exits.
HELD_LOCKS: dict[str, SiteLock] = {}


def lock_site(settings, site: str, **holder) -> SiteLock:
    """Take the site's lock (SiteLocked if another process has it) for this process's life."""
    if site not in HELD_LOCKS:
        HELD_LOCKS[site] = SiteLock(data_dir(settings.get("GOVARCHIVE_DATA")), site).acquire(**holder)
    return HELD_LOCKS[site]

_ATTR = "_govarchive_resources"


class Resources:
    def __init__(self, settings) -> None:
        self.data = writable_dir(data_dir(settings.get("GOVARCHIVE_DATA")))  # ArchiveError: one line
        self.archive = Archive(archive_url(settings.get("GOVARCHIVE_DB"), self.data))
        self.warc = WarcStore(self.data / "warc", settings.getint("GOVARCHIVE_WARC_MAX_SIZE"))

    def close(self) -> None:
        self.warc.close()
        self.archive.dispose()


def resources_for(crawler) -> Resources:
    res = getattr(crawler, _ATTR, None)
    if res is None:
        res = Resources(crawler.settings)
        setattr(crawler, _ATTR, res)
    return res


def archived_response(crawler, url: str, request=None):
    """The page at `url` as its last successful capture holds it, a Scrapy response (None when
    there is none, or it is no text page), and the capture's id."""
    from scrapy.http import TextResponse
    from scrapy.responsetypes import responsetypes

    from storage.archive import last_capture

    resources = resources_for(crawler)
    with resources.archive.session() as session:
        capture = last_capture(session, url)
    if capture is None:
        return None, None
    stored = resources.warc.read(capture.warc_file, capture.offset)
    kind = responsetypes.from_args(headers=stored.headers, url=url, body=stored.body)
    if not issubclass(kind, TextResponse):
        return None, None
    return kind(url, status=stored.status, headers=stored.headers, body=stored.body, request=request), capture.id
