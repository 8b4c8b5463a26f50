"""The sites file: which disclosure columns to crawl, and when.

Validated on load; every problem is reported as one line naming the file, the site and the
field, so a typo never ends in a traceback or a half-configured crawl.
"""
from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from difflib import get_close_matches
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from apscheduler.triggers.cron import CronTrigger
from scrapy.settings import BaseSettings, default_settings
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crawler.listing.govcn import DOCUMENT_HOSTS
from storage.db import PROJECT_ROOT

SITES_ENV = "GOVARCHIVE_SITES"
DEFAULT_SITES_FILE = PROJECT_ROOT / "sites.yaml"


class SiteConfigError(ValueError):
    """A sites file that cannot be used; the message is one line meant for the user."""


class ListOverride(BaseModel):
    """How to read a site's lists when no platform family does: a few lines of YAML."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    items: str | None = None        # CSS selector of the document links on a list page
    next: str | None = None         # CSS selector of the link to the next list page
    json_url: str | None = None     # a JSON list endpoint; {page} becomes 1, 2, … until empty
    json_items: str = "data"        # dotted path to the list of records in the JSON
    json_url_field: str = "url"
    json_title_field: str = "title"
    json_date_field: str | None = None
    json_fields: dict[str, str] = Field(default_factory=dict)  # record field → JSON key

    @field_validator("items", "next")
    @classmethod
    def _css(cls, value: str | None) -> str | None:
        from cssselect import SelectorError
        from parsel.csstranslator import HTMLTranslator

        try:
            if value is not None:
                HTMLTranslator().css_to_xpath(value)
        except SelectorError as exc:
            raise ValueError(f"not a CSS selector: {value!r} ({exc})") from None
        return value

    @field_validator("json_url")
    @classmethod
    def _page_placeholder(cls, value: str | None) -> str | None:
        if value is not None and "{page}" not in value:
            raise ValueError("must contain {page}")
        return value


def _http_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return url


DEFAULT_SCHEDULE = "0 3 * * *"  # daily, at night in the site's time zone


def _setting_defaults() -> dict[str, Any]:
    from crawler import settings as project

    return {name: getattr(module, name) for module in (default_settings, project)
            for name in dir(module) if name.isupper()}


def setting_problem(name: str, value: Any) -> str | None:
    """What is wrong with a per-site Scrapy setting (None: nothing): a name Scrapy and this
    project do not know (a typo would be ignored silently), or a value Scrapy cannot read as
    the setting's type (it would fail at the first request, deep in a traceback)."""
    defaults = _setting_defaults()
    if name not in defaults:
        close = get_close_matches(name, defaults, n=1)
        return f"unknown Scrapy setting{f' (did you mean {close[0]}?)' if close else ''}"
    default = defaults[name]
    reader = {bool: "getbool", int: "getint", float: "getfloat", dict: "getdict", list: "getlist",
              tuple: "getlist"}.get(type(default))
    try:
        if reader is not None:
            getattr(BaseSettings({name: value}), reader)(name)
        elif isinstance(default, str) and not isinstance(value, (str, int)):
            raise ValueError
    except (ValueError, TypeError):
        kind = {"getbool": "true or false", "getint": "a whole number", "getfloat": "a number",
                "getdict": "a mapping", "getlist": "a list"}.get(reader, "text")
        return f"{value!r} is not {kind}"
    return None


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=100)
    start_urls: list[str] = Field(min_length=1)
    # The 政府信息公开 root `scrapy discover` walked from; crawls re-read it (crawler.discovery.watch).
    root: str | None = None
    schedule: str = DEFAULT_SCHEDULE  # name and start_urls are all a site needs
    allowed_domains: list[str] | None = None
    timezone: str = "Asia/Shanghai"
    fetch_attachments: bool = True
    # Incremental crawls stop paginating after this many list pages of known documents.
    stop_after_known_pages: int = Field(default=1, ge=1)
    # List reading for sites whose lists no platform family recognises.
    list_override: ListOverride | None = Field(default=None, alias="list")
    # The scheduler ends a crawl still running after this many seconds.
    time_limit: int = Field(default=6 * 3600, ge=1)
    # Scrapy settings for this site only, e.g. {DOWNLOAD_DELAY: 5}.
    settings: dict[str, Any] = Field(default_factory=dict)

    @field_validator("start_urls", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("start_urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        return [_http_url(url) for url in urls]

    @field_validator("root")
    @classmethod
    def _root(cls, url: str | None) -> str | None:
        return url if url is None else _http_url(url)

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError(f"{value!r} is not a 5-field cron expression")
        try:
            trigger = CronTrigger.from_crontab(value, timezone="UTC")
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a valid cron expression ({exc})") from None
        if trigger.get_next_fire_time(None, datetime.now(timezone.utc)) is None:  # 31 February
            raise ValueError(f"{value!r} never fires (no such date)")
        return value

    @field_validator("settings")
    @classmethod
    def _scrapy_settings(cls, value: dict[str, Any]) -> dict[str, Any]:
        for name, setting in value.items():
            if problem := setting_problem(name, setting):
                raise ValueError(f"{name}: {problem}")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @property
    def domains(self) -> list[str]:
        """Domains the crawl may visit: the configured ones, else the start URLs' and the root's hosts."""
        if self.allowed_domains:
            return list(self.allowed_domains)
        hosts = {urlsplit(u).hostname for u in [*self.start_urls, self.root or ""] if urlsplit(u).hostname}
        # a list API serving documents of another host (the gov.cn policy library) vouches for it
        return sorted(hosts.union(*(DOCUMENT_HOSTS.get(h, ()) for h in hosts)))


def sites_path(path: str | os.PathLike | None = None) -> Path:
    """The sites file, absolute: the path or GOVARCHIVE_SITES (relative to the working
    directory), else sites.yaml in the project folder."""
    return Path(path or os.environ.get(SITES_ENV) or DEFAULT_SITES_FILE).absolute()


def _one_line(file: Path, site: str, err: dict) -> str:
    loc = [str(p) for p in err["loc"]]
    field = ".".join(loc) if loc else "?"
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "missing":
        msg = "required field is missing"
    elif err["type"] == "extra_forbidden":
        msg = "unknown field"
    elif field == "settings" and (named := re.match(r"([A-Z][A-Z0-9_]*): (.*)", msg)):
        field, msg = f"settings.{named.group(1)}", named.group(2)  # the setting at fault, by name
    return f"{file}: site {site}: field '{field}': {msg}"


# The last file read, by path and (mtime, size): a long-lived worker starts a crawler per site
# and each spider looks its site up; reading 1,000 sites for each of 1,000 crawls would be
# quadratic.
_LOADED: dict[Path, tuple[tuple[int, int], dict[str, "Site"]]] = {}


def load_sites(path: str | os.PathLike | None = None) -> dict[str, Site]:
    """Read and validate the sites file; raise SiteConfigError with a one-line message."""
    file = sites_path(path)
    try:
        stat = file.stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None
    if version is not None and (cached := _LOADED.get(file)) and cached[0] == version:
        return dict(cached[1])
    sites = _read_sites(file)
    if version is not None:
        _LOADED.clear()
        _LOADED[file] = (version, sites)
    return dict(sites)


def _read_sites(file: Path) -> dict[str, Site]:
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SiteConfigError(f"{file}: sites file not found (set {SITES_ENV} or create it)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise SiteConfigError(f"{file}:{where} not valid YAML: {getattr(exc, 'problem', exc)}") from None
    entries = raw.get("sites") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise SiteConfigError(f"{file}: expected a top-level 'sites:' list with at least one site")
    sites: dict[str, Site] = {}
    for number, entry in enumerate(entries, start=1):
        label = f"'{entry['name']}'" if isinstance(entry, dict) and entry.get("name") else f"#{number}"
        if not isinstance(entry, dict):
            raise SiteConfigError(f"{file}: site {label}: expected a mapping of fields")
        try:
            site = Site.model_validate(entry)
        except ValidationError as exc:
            raise SiteConfigError(_one_line(file, label, exc.errors()[0])) from None
        if site.name in sites:
            raise SiteConfigError(f"{file}: site {label}: field 'name': duplicate site name")
        sites[site.name] = site
    return sites


def get_site(name: str | None, path: str | os.PathLike | None = None) -> Site:
    sites = load_sites(path)
    if not name or name not in sites:
        known = ", ".join(sorted(sites))
        what = f"unknown site {name!r}" if name else "no site given (use -a site=NAME)"
        raise SiteConfigError(f"{sites_path(path)}: {what}; configured sites: {known}")
    return sites[name]

