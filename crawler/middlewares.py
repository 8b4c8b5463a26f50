"""Downloader middlewares: the crawl's rules (scheme, site, URL length, robots.txt), raw capture
into WARC, conditional requests, and charset repair."""
from __future__ import annotations

import logging

from scrapy import signals
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from crawler.links import rule_against
from crawler.outcomes import SkippedByRule
from crawler.resources import resources_for
from pipeline.encoding import detect_encoding, repaired_encoding
from storage.archive import add_capture, validators

log = logging.getLogger(__name__)


def _headers(headers) -> list[tuple[str, str]]:
    return [
        (k.decode("latin-1"), v.decode("latin-1"))
        for k, values in headers.items()
        for v in values
    ]


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class SiteRulesMiddleware:
    """Only http(s) URLs on the site's domains, no longer than URLLENGTH_LIMIT, are ever
    requested: whatever made the request (a list, an attachment, a redirect), a URL the rules
    forbid ends as skipped by that rule (SkippedByRule), counted and logged by the errback.
    Replaces Scrapy's offsite and URL-length middlewares, which drop requests without a word."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.max_length = crawler.settings.getint("URLLENGTH_LIMIT")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        spider = self.crawler.spider
        domains = getattr(spider, "allowed_domains", None)
        if domains and (rule := rule_against(request.url, domains)):
            raise SkippedByRule(rule, request.url)
        if self.max_length and len(request.url) > self.max_length:
            raise SkippedByRule("url-length", f"{len(request.url)} characters, over URLLENGTH_LIMIT {self.max_length}")
        return None


class RobotsRulesMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, its refusals a rule's skip (not an error), and a
    robots.txt that cannot be fetched one log line instead of a traceback (all is then allowed,
    as Scrapy does; the site's pages then fail or not on their own)."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        robots_log = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")
        if not any(isinstance(f, _RobotsFetchError) for f in robots_log.filters):
            robots_log.addFilter(_RobotsFetchError())

    def process_request_2(self, rp, request, *args):
        try:
            super().process_request_2(rp, request, *args)
        except SkippedByRule:
            raise
        except IgnoreRequest:
            raise SkippedByRule("robots", "forbidden by robots.txt") from None

    def _robots_error(self, exc, netloc):
        log.warning("robots.txt of %s not fetched (%s: %s): every page allowed", netloc, type(exc).__name__, exc,
                    extra={"spider": self.crawler.spider})
        super()._robots_error(exc, netloc)


class MetaRefreshRulesMiddleware(MetaRefreshMiddleware):
    """Scrapy's <meta http-equiv=refresh> redirects, except that a page whose <base href> or
    refresh URL is malformed (`http://[bad`) is a page without a refresh, not a failed page."""

    def process_response(self, request, response, spider=None):
        try:
            return super().process_response(request, response)
        except ValueError:
            return response


class _RobotsFetchError(logging.Filter):
    """Drops Scrapy's traceback of a failed robots.txt fetch; _robots_error says it in a line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Error downloading")


class ConditionalRequestMiddleware:
    """Requests marked meta['conditional'] carry If-None-Match / If-Modified-Since from the
    URL's last capture, so an unchanged page costs a 304 and no body."""

    def __init__(self, crawler) -> None:
        self.archive = resources_for(crawler).archive

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        if not request.meta.get("conditional"):
            return None
        with self.archive.session() as session:
            etag, last_modified = validators(session, request.url)
        if etag:
            request.headers.setdefault(b"If-None-Match", etag.encode("latin-1"))
        if last_modified:
            request.headers.setdefault(b"If-Modified-Since", last_modified.encode("latin-1"))
        return None


class WarcCaptureMiddleware:
    """Writes every response (pages, attachments, robots.txt, redirects, errors) to WARC and
    records where it lies; the capture id travels on in request.meta['capture_id']."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.resources = resources_for(crawler)
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        ref = self.resources.warc.write(
            response.url,
            status=response.status,
            headers=_headers(response.headers),
            body=response.body,
            method=request.method,
            request_headers=_headers(request.headers),
            request_body=request.body,
        )
        with self.resources.archive.session() as session:
            request.meta["capture_id"] = add_capture(
                session,
                site=getattr(self.crawler.spider, "site_name", None),
                url=response.url,
                status=response.status,
                content_type=(response.headers.get("Content-Type") or b"").decode("latin-1") or None,
                warc_file=ref.warc_file,
                offset=ref.offset,
                length=ref.length,
                payload_digest=ref.payload_digest,
                etag=_header(response, b"ETag"),
                last_modified=_header(response, b"Last-Modified"),
            )
        self.crawler.stats.inc_value("govarchive/captures")
        return response

    def close(self, spider=None) -> None:
        if not self.resources.shared:  # a worker's other crawls go on writing to it
            self.resources.warc.close()


class CharsetMiddleware:
    """GBK pages often declare no charset at all; Scrapy would then guess cp1252. Detect it
    the same way extraction does, so list parsing and extraction read the same text. A page
    whose declared charset is wrong (utf-8 declared, GBK sent, or the reverse) is read in the
    one that decodes it (pipeline.encoding.repaired_encoding), counted and logged."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        if not isinstance(response, TextResponse) or response.status >= 300 or read_bom(response.body)[0]:
            return response
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        declared = http_content_type_encoding(content_type) or (
            isinstance(response, HtmlResponse) and html_body_declared_encoding(response.body))
        if not declared:
            return response.replace(encoding=detect_encoding(response.body))
        if better := repaired_encoding(response.body, response.encoding):
            self.stats.inc_value("govarchive/charset_repaired")
            log.warning("%s declares charset %s but is %s: read as %s", response.url, declared, better, better,
                        extra={"spider": self.crawler.spider})
            return response.replace(encoding=better)
        return response
