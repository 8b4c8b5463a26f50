"""How each request ended: archived, unchanged, gone, skipped by a rule, or an error.

The item pipeline counts the first three as it stores. This module owns the other two: a
failure is a rule's doing (robots.txt, off-site, a scheme other than http(s), a URL over the
length limit) or an error (an HTTP error after retries, a timeout, a refused connection, a
redirect loop, a page that could not be read or stored), each counted and logged on one line
with its URL; the first errors are kept for the run record.
"""
from __future__ import annotations

import logging
import re
from urllib.parse import urljoin, urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

log = logging.getLogger("govarchive.outcomes")
_ATTR = "_govarchive_outcomes"
_SPACE = re.compile(r"\s+")


class SkippedByRule(IgnoreRequest):
    """A request a rule forbids: not an error, never retried."""

    def __init__(self, rule: str, detail: str = "") -> None:
        super().__init__(f"{rule}: {detail}" if detail else rule)
        self.rule = rule


def one_line(text: object, limit: int = 300) -> str:
    text = _SPACE.sub(" ", str(text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Outcomes:
    """The ledger of one crawl: counts in the crawler's stats, the first errors for the run."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.sample_size = crawler.settings.getint("GOVARCHIVE_RUN_ERROR_SAMPLE", 20)
        self.error_samples: list[dict[str, str]] = []
        crawler.signals.connect(self.dropped, signal=signals.request_dropped)

    @property
    def stats(self):  # set only once the crawl starts, after the spider is made
        return self.crawler.stats

    @classmethod
    def of(cls, crawler) -> "Outcomes":
        ledger = getattr(crawler, _ATTR, None)
        if ledger is None:
            ledger = cls(crawler)
            setattr(crawler, _ATTR, ledger)
        return ledger

    def error(self, url: str, reason: str) -> None:
        reason = one_line(reason)
        self.stats.inc_value("govarchive/errors")
        if len(self.error_samples) < self.sample_size:
            self.error_samples.append({"url": url, "reason": reason})
        log.error("error: %s: %s", url, reason, extra=self._where())

    def skipped(self, url: str, rule: str, detail: str = "") -> None:
        self.stats.inc_value("govarchive/skipped")
        self.stats.inc_value(f"govarchive/skipped/{rule}")
        level = logging.WARNING if rule == "url-length" else logging.INFO
        log.log(level, "skipped by rule (%s): %s%s", rule, url, f" ({one_line(detail)})" if detail else "",
                extra=self._where())

    def _where(self) -> dict:
        """Names the crawl of a log line (Scrapy's convention): a worker running many crawls
        files it in that crawl's log."""
        return {"spider": self.crawler.spider}

    def failed(self, failure) -> None:
        """Errback of every request: which of skipped or error this failure is. A redirected
        request is named by the URL it started from (the one a list or page gave)."""
        request = failure.request
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        via = f" (redirected to {request.url})" if url != request.url else ""
        if failure.check(SkippedByRule):
            self.skipped(url, failure.value.rule, str(failure.value).partition(": ")[2])
        elif failure.check(HttpError):
            response = failure.value.response
            target = _redirect_target(response)
            if target is not None and urlsplit(target).scheme not in ("http", "https"):
                self.skipped(url, "scheme", f"redirects to {target}")
            elif target is not None:
                self.error(url, f"HTTP {response.status} redirect not followed (to {target}){via}")
            else:
                self.error(url, f"HTTP {response.status}{via}")
        elif failure.check(IgnoreRequest):  # "max redirections reached", and any filter we do not know
            self.error(url, f"{failure.getErrorMessage()}{via}")
        else:
            message = failure.getErrorMessage().strip()
            self.error(url, f"{failure.type.__name__}{': ' + message if message else ''}{via}")

    def dropped(self, request, spider=None) -> None:
        """A request the scheduler dropped as a duplicate. A redirect back to a URL of its own
        chain is a loop: the first URL of the chain ends in error instead of nowhere."""
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            self.error(chain[0], f"redirect loop ({' -> '.join(chain + [request.url])})")


def _redirect_target(response) -> str | None:
    location = response.headers.get(b"Location") if 300 <= response.status < 400 else None
    if not location:
        return None
    try:
        return urljoin(response.url, location.decode("latin-1").strip())
    except ValueError:
        return location.decode("latin-1")
