"""The options of a crawl (`-a name=value`), checked before anything starts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from typing import ClassVar
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

    # every -a the spider takes: a misspelt one is an error, never silently ignored
    NAMES: ClassVar[tuple[str, ...]] = ("site", "sites_file", "full", "column", "url", "since", "trigger")
    TRIGGER_MAX = 50  # the run record's column

    @classmethod
    def from_args(cls, args: dict) -> "CrawlOptions":
        for name in args:
            if name not in cls.NAMES:
                close = get_close_matches(name, cls.NAMES, n=1)
                hint = f"did you mean {close[0]}? " if close else ""
                raise CrawlOptionError(f"-a {name}={args[name]}: unknown option ({hint}options: {', '.join(cls.NAMES)})")
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
        if len(trigger) > cls.TRIGGER_MAX:
            raise CrawlOptionError(f"-a trigger={trigger}: longer than {cls.TRIGGER_MAX} characters")
        if kind and trigger == "manual":
            trigger = f"manual:{kind}"
        return cls(full=full, column=column, url=url, since=since, trigger=trigger)
