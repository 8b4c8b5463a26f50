"""Downloader middlewares: raw capture into WARC, and charset repair of undeclared pages."""
from __future__ import annotations

from scrapy import signals
from scrapy.http import HtmlResponse, TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from crawler.resources import resources_for
from pipeline.encoding import detect_encoding
from storage.archive import add_capture, validators


def _headers(headers) -> list[tuple[str, str]]:
    return [
        (k.decode("latin-1"), v.decode("latin-1"))
        for k, values in headers.items()
        for v in values
    ]


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


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
        self.resources.warc.close()


class CharsetMiddleware:
    """GBK pages often declare no charset at all; Scrapy would then guess cp1252. Detect it
    the same way extraction does, so list parsing and extraction read the same text."""

    def process_response(self, request, response, spider=None):
        if not isinstance(response, TextResponse) or response.status >= 300:
            return response
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        if http_content_type_encoding(content_type) or read_bom(response.body)[0]:
            return response
        if isinstance(response, HtmlResponse) and html_body_declared_encoding(response.body):
            return response
        return response.replace(encoding=detect_encoding(response.body))
