"""The archive and WARC store of one crawler, shared by its components.

Opened on first use and kept on the crawler, so middlewares, pipelines and extensions write
through the same engine and the same WARC file. In a long-lived crawl worker
(GOVARCHIVE_SHARED_RESOURCES, set by crawler.worker) every crawler of the process shares one:
one engine and one schema check, not one per site, and one WARC file written from the one
reactor thread (two stores of one process would name their files alike).
"""
from __future__ import annotations

from storage.captures import WarcStore
from storage.db import Archive, archive_url, data_dir, writable_dir
from storage.locks import SiteLock, site_lock

# Site locks taken before Scrapy starts the crawl (by the crawl command, for the process's life;
# by the crawl worker, for the crawl's); the run recorder finds its lock here.
HELD_LOCKS: dict[str, SiteLock] = {}
# Resources of a long-lived worker's crawlers, by (data folder, archive URL, WARC size).
SHARED: dict[tuple, "Resources"] = {}


def lock_site(settings, site: str, **holder) -> SiteLock:
    """Take the site's lock (SiteLocked if another process has it) for this process's life."""
    if site not in HELD_LOCKS:
        data = data_dir(settings.get("GOVARCHIVE_DATA"))
        HELD_LOCKS[site] = site_lock(data, site, archive_url(settings.get("GOVARCHIVE_DB"), data)).acquire(**holder)
    return HELD_LOCKS[site]

_ATTR = "_govarchive_resources"


class Resources:
    def __init__(self, settings, shared: bool = False) -> None:
        self.shared = shared  # one for every crawler of the process: not closed when one crawl ends
        self.data = writable_dir(data_dir(settings.get("GOVARCHIVE_DATA")))  # ArchiveError: one line
        self.archive = Archive(archive_url(settings.get("GOVARCHIVE_DB"), self.data))
        self.warc = WarcStore(self.data / "warc", settings.getint("GOVARCHIVE_WARC_MAX_SIZE"))

    def close(self) -> None:
        self.warc.close()
        self.archive.dispose()


def resources_for(crawler) -> Resources:
    res = getattr(crawler, _ATTR, None)
    if res is None:
        settings = crawler.settings
        res = shared_resources(settings) if settings.getbool("GOVARCHIVE_SHARED_RESOURCES") else Resources(settings)
        setattr(crawler, _ATTR, res)
    return res


def shared_resources(settings) -> Resources:
    """The resources every crawler of this process with these settings uses."""
    key = (str(data_dir(settings.get("GOVARCHIVE_DATA"))), settings.get("GOVARCHIVE_DB"),
           settings.getint("GOVARCHIVE_WARC_MAX_SIZE"))
    if key not in SHARED:
        SHARED[key] = Resources(settings, shared=True)
    return SHARED[key]


def close_shared() -> None:
    """Close the resources a worker's crawlers shared (its last WARC file, its engine)."""
    while SHARED:
        SHARED.popitem()[1].close()


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
