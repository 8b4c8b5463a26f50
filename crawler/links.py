"""The one rule that turns a link on a page into a URL the crawl may request: absolute, http or
https, with a host that parses, on the site. Every list family, the spider and attachments use
it, so a malformed href (`http://[bad`), a `file://` or `ftp://` link, or an off-site one is
dropped in one place and never raises.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from pipeline.urls import SCHEMES, absolute_url

def rule_against(url: str, domains: Iterable[str]) -> str | None:
    """Which rule forbids requesting `url` ("malformed", "scheme", "off-site"), or None: an
    http(s) URL whose host is one of `domains` or below one."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018
    except ValueError:
        return "malformed"
    if parts.scheme not in SCHEMES:
        return "scheme"
    if not host or not any(host == d or host.endswith("." + d) for d in domains):
        return "off-site"
    return None


def on_site(url: str, domains: Iterable[str]) -> bool:
    return rule_against(url, domains) is None


def site_link(href: str | None, base: str, allowed: Callable[[str], bool]) -> str | None:
    """The URL of a link the crawl may follow (`allowed` says what is on-site), or None."""
    url = absolute_url(href, base)
    return url if url is not None and allowed(url) else None


def base_url(response) -> str:
    """Where a page's relative links start: its <base href> when that is a usable URL."""
    base = response.xpath("//base/@href").get()
    return absolute_url(base, response.url) or response.url if base else response.url
