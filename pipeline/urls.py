"""Canonical URLs: one spelling per page, so the archive stores each page once."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that track the visitor, never select content.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {"tdsourcetag", "from", "spm", "isappinstalled", "scene", "srcid", "share_token", "fbclid",
     "gclid", "timestamp", "_t", "t_", "random"}
)
TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)
INDEX_PAGES: frozenset[str] = frozenset({"index.html", "index.htm", "index.shtml", "index.jsp", "default.html", "default.htm"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def _tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


_NOT_LINKS = ("javascript:", "mailto:", "tel:", "#", "data:")
SCHEMES = ("http", "https")


def absolute_url(href: str | None, base: str) -> str | None:
    """The absolute http(s) URL `href` points at from `base` (tracking parameters and fragment
    removed), or None when it is no such URL: javascript:, mailto:, file:, a malformed host
    (http://[bad, a full-width colon), a port that is not one. The one rule for turning a link
    into a URL, for extraction (附件) and the crawl (crawler.links) alike."""
    href = (href or "").strip()
    if not href or href.lower().startswith(_NOT_LINKS):
        return None
    try:
        url = strip_tracking(urljoin(base, href))
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:  # "Invalid IPv6 URL", a port out of range …
        return None
    if parts.scheme not in SCHEMES or not parts.hostname:
        return None
    return url


def strip_tracking(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    return urlunsplit(parts._replace(query=urlencode(query), fragment=""))


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    `dir/index.html` spelled `dir/`."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    head, _, last = path.rpartition("/")
    if last.lower() in INDEX_PAGES:
        path = head + "/"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)))
    return urlunsplit((scheme, host, path, query, ""))
