"""The options of a crawl (`-a name=value`), checked before anything starts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit


class CrawlOptionError(ValueError):
    """A bad -a option; the message is one line naming it."""


def _truthy(value) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _http(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CrawlOptionError(f"-a {name}={value}: not an http(s) URL")
    return value


@dataclass(frozen=True)
class CrawlOptions:
    full: bool = False          # walk every list page, re-fetch every known document
    column: str | None = None   # walk this one column completely
    url: str | None = None      # fetch this one document
    since: str | None = None    # re-fetch documents published on or after this date
    trigger: str = "manual"     # who started it: manual, scheduled, …

    @classmethod
    def from_args(cls, args: dict) -> "CrawlOptions":
        since = args.get("since")
        if since is not None:
            try:
                since = date.fromisoformat(since).isoformat()
            except ValueError:
                raise CrawlOptionError(f"-a since={since}: expected a date as YYYY-MM-DD") from None
        full = _truthy(args.get("full", "0"))
        column, url = _http("column", args.get("column")), _http("url", args.get("url"))
        kind = "full" if full else "column" if column else "url" if url else "since" if since else None
        trigger = args.get("trigger") or "manual"
        if kind and trigger == "manual":
            trigger = f"manual:{kind}"
        return cls(full=full, column=column, url=url, since=since, trigger=trigger)
