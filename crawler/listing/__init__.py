"""List pages: which links on a column page are documents, which are further list pages.

Each platform family is a class with `detect(response)` and `parse(response)`; FAMILIES is
tried in order and the generic family always matches last. A new family plugs in by being
added to FAMILIES.

A family never loses what it read: a pager value it cannot understand is a warning on the
page (pager_guard) while its items stay, and a family that fails outright leaves the page to
the generic reader (read_list_page), with a warning naming both.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass
class ListItem:
    url: str
    title: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # what the list says: date, 索引号 …


@dataclass(frozen=True)
class ListRequest:
    """A list page that is not a plain GET of a URL (a JSON or XML data endpoint)."""

    url: str
    method: str = "GET"
    formdata: tuple[tuple[str, str], ...] = ()
    # what the family needs to remember when it reads the answer (page size …): the answer's
    # response.meta["list_state"]; not part of the request's identity
    state: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    # headers the endpoint insists on (a jpaas unit: the column page as Referer); not identity
    headers: tuple[tuple[str, str], ...] = field(default=(), compare=False)


@dataclass
class ListPage:
    family: str
    items: list[ListItem] = field(default_factory=list)  # in list order, newest first as a rule
    next_page: str | ListRequest | None = None  # the page after this one, when it can be told
    next_pages: list[str] = field(default_factory=list)  # every other page of this list seen
    columns: list[str] = field(default_factory=list)
    unreached: int = 0  # records the list says it has but serves only through an unsupported API
    # what the list says it holds, when it says so (discovery and `check` show it)
    total_records: int | None = None
    total_pages: int | None = None
    shell: bool = False  # a page that holds no records by design: they come from its next_page (an API)
    warnings: list[str] = field(default_factory=list)  # what the reader could not understand


class ListFamily(Protocol):
    name: str

    def detect(self, response) -> bool: ...

    def parse(self, response, allowed: "callable") -> ListPage: ...


def families(site=None) -> list[ListFamily]:
    """Platform families, most specific first; the generic family matches every page. A site
    whose sites-file entry says how to read its lists gets that reading first."""
    from crawler.listing.generic import GenericList
    from crawler.listing.gkmlpt import GkmlptList
    from crawler.listing.govcn import PolicyLibraryList
    from crawler.listing.hanweb import HanwebList
    from crawler.listing.jpaas import JpaasList
    from crawler.listing.trs import TrsList, TrsSearchList
    from crawler.listing.ucap import UcapList

    configured = []
    if site is not None and site.list_override is not None:
        from crawler.listing.configured import ConfiguredList

        configured = [ConfiguredList(site.list_override)]
    return configured + [HanwebList(), JpaasList(), UcapList(), GkmlptList(), PolicyLibraryList(), TrsSearchList(),
                         TrsList(), GenericList()]


def list_state(response) -> dict:
    """What the family put in the ListRequest.state of the request this page answers."""
    try:
        return dict(response.meta.get("list_state") or ())
    except AttributeError:  # a response read on its own, not fetched by the spider
        return {}


_NUMBER = re.compile(r"-?\d+")


def script_number(value: Any) -> int | None:
    """A count as pages write it in scripts and JSON, read tolerantly: 20, '20', "20;", ' 20 '
    are 20; a value with no digits ('abc', '', None) is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    match = _NUMBER.search(str(value)) if value is not None else None
    try:
        return int(match.group(0)) if match else None
    except ValueError:  # more digits than Python converts: no count a page means
        return None


@contextmanager
def pager_guard(page: ListPage, what: str = "pager") -> Iterator[None]:
    """Read a page's pager without risking its items: a value the family cannot understand
    becomes a warning on the page, and the page keeps what was read before."""
    try:
        yield
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError) as exc:
        page.warnings.append(f"{what} not understood ({type(exc).__name__}: {exc}); walk ends here")


def readable(response):
    """The response, its selector made even when its <base href> is malformed (Scrapy's raises
    ValueError on `<base href="http://[bad">` at every .xpath/.css): read as if it had none."""
    try:
        response.selector  # noqa: B018
    except ValueError:
        from parsel import Selector  # Scrapy's own would read the <base href> again
        from scrapy.http import XmlResponse

        response._cached_selector = Selector(text=response.text, base_url=response.url,
                                             type="xml" if isinstance(response, XmlResponse) else "html")
    return response


def read_list_page(response, allowed, site=None) -> ListPage:
    """The list page as its platform family reads it. `allowed(url)` says what is on-site.
    Never raises: a family that fails leaves the page to the generic reader."""
    from crawler.listing.generic import GenericList

    response = readable(response)

    for family in families(site):
        try:
            if not family.detect(response):
                continue
            return family.parse(response, allowed)
        except Exception as exc:  # noqa: BLE001 (a hostile page must not cost the crawl its list)
            log.debug("list reader %s failed on %s", family.name, response.url, exc_info=True)
            failure = f"{family.name} reader failed ({type(exc).__name__}: {exc})"
            if isinstance(family, GenericList):
                return ListPage(family=family.name, warnings=[failure])
            page = read_list_page_generically(response, allowed)
            page.warnings.insert(0, f"{failure}; read by the generic reader instead")
            return page
    raise AssertionError("the generic family matches every page")


def read_list_page_generically(response, allowed) -> ListPage:
    from crawler.listing.generic import GenericList

    try:
        return GenericList().parse(response, allowed)
    except Exception as exc:  # noqa: BLE001
        log.debug("generic list reader failed on %s", response.url, exc_info=True)
        return ListPage(family=GenericList.name, warnings=[f"generic reader failed ({type(exc).__name__}: {exc})"])
