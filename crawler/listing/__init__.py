"""List pages: which links on a column page are documents, which are further list pages.

Each platform family is a class with `detect(response)` and `parse(response)`; FAMILIES is
tried in order and the generic family always matches last. A new family plugs in by being
added to FAMILIES.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


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


@dataclass
class ListPage:
    family: str
    items: list[ListItem] = field(default_factory=list)  # in list order, newest first as a rule
    next_page: str | ListRequest | None = None  # the page after this one, when it can be told
    next_pages: list[str] = field(default_factory=list)  # every other page of this list seen
    columns: list[str] = field(default_factory=list)
    unreached: int = 0  # records the list says it has but serves only through an unsupported API
    shell: bool = False  # a page that holds no records by design: they come from its next_page (an API)


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


def read_list_page(response, allowed, site=None) -> ListPage:
    """The list page as its platform family reads it. `allowed(url)` says what is on-site."""
    for family in families(site):
        if family.detect(response):
            return family.parse(response, allowed)
    raise AssertionError("the generic family matches every page")
