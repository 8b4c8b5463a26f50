"""The discovery walk: from the root, breadth first, each page read by the crawler's own list
families and judged a column of documents or a page to walk through, within a depth and a page
budget.

A page is a column when a platform family reads it as a list (its items, a pager, or an API
shell whose first records are then asked for), or when the generic reader finds documents on it
(dated, or document-shaped links) and it is paged or links no sub-columns: a page of the latest
documents of several sub-columns (a portal) is walked through, not crawled. Every page's links
are followed (a column's side menu names its siblings and sub-columns), one level deeper, and
a page reached again by a shorter way has its links followed from there. Each column is named by
the page's breadcrumb, else by the links that led to it (a `gklist` map's department and channel)
and its ColumnName, else by its title. One column at two URLs (the same path, a query aside,
listing the same documents) is one column.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import scrapy

from crawler.discovery.links import Link, looks_like_document, name_of, page_links
from crawler.discovery.scope import Scope
from crawler.listing import ListPage, ListRequest, readable, read_list_page
from pipeline.blocks import blocks
from pipeline.breadcrumb import HOME, read_breadcrumb
from pipeline.extract import parse_html
from pipeline.urls import canonical_url

MAX_CRUMB = 8  # parts of a breadcrumb; more is a crumb read into the page around it


@dataclass(frozen=True)
class Visit:
    url: str
    depth: int
    names: tuple[str, ...] = ()
    data: ListRequest | None = None  # the first records of a shell column, asked of its API
    column: str | None = None        # the column whose records `data` brings


@dataclass
class Column:
    url: str
    names: tuple[str, ...]
    family: str
    documents: int = 0            # on its first page
    total_records: int | None = None  # what the list says it holds
    total_pages: int | None = None
    newest: str | None = None
    items: list[str] = field(default_factory=list, repr=False)  # the first page's documents

    @property
    def path(self) -> str:
        return " > ".join(self.names) or self.url

    def read(self, page: ListPage) -> None:
        self.documents = len(page.items)
        self.items = [item.url for item in page.items]
        self.total_records = page.total_records if page.total_records is not None else self.total_records
        self.total_pages = page.total_pages if page.total_pages is not None else self.total_pages
        dates = [d for item in page.items if (d := item.fields.get("published_at"))]
        self.newest = max(dates)[:10] if dates else None


def holds_documents(page: ListPage) -> bool:
    if page.family != "generic":
        return bool(page.items or page.shell or page.next_page)
    documents = [i for i in page.items if i.fields.get("published_at") or looks_like_document(i.url)]
    return bool(documents) and (bool(page.next_page or page.next_pages) or not page.columns)


def page_names(response, page: ListPage, led_by: tuple[str, ...]) -> tuple[str, ...]:
    """The column's path: its breadcrumb (without the home page) when it reads as one, else the
    names of the links that led to it and the page's own ColumnName, else its <title>."""
    crumb = []
    if (tree := parse_html(response.text)) is not None:
        crumb, _ = read_breadcrumb(tree, blocks(tree.body if tree.body is not None else tree))
        crumb = [part for part in crumb if not HOME.match(part)]
    titles = {item.title for item in page.items}
    if 2 <= len(crumb) <= MAX_CRUMB and not titles.intersection(crumb):  # not a crumb run into the list
        return tuple(crumb)
    own = name_of(response.xpath('//meta[@name="ColumnName"]/@content').get())
    names = led_by + ((own,) if own and own not in led_by else ())
    return names or tuple(filter(None, [name_of(response.xpath("//title/text()").get())]))


def same_column(a: Column, b_url: str, b_items: list[str]) -> bool:
    """One column at two URLs: the same path (a query such as `?id=1780/2138` aside) listing the
    same documents."""
    return bool(b_items) and a.url.split("?")[0] == b_url.split("?")[0] and a.items == b_items


@dataclass
class ColumnWalk:
    """One walk's state; a driver (a spider) turns each Visit into a request and hands the
    answer to read(), or its failure to unreadable()."""

    root: str
    scope: Scope
    max_depth: int
    max_pages: int
    site: object = None  # the configured Site, for its list override
    preferred: frozenset[str] = frozenset()  # canonical URLs kept when one column has two (the start URLs)
    columns: dict[str, Column] = field(default_factory=dict)  # canonical URL → column
    unread: dict[str, str] = field(default_factory=dict)      # URL → why it could not be read
    skipped: dict[str, str] = field(default_factory=dict)     # URL → the rule that forbade it (robots.txt …)
    beyond_depth: set[str] = field(default_factory=set)       # linked, deeper than max_depth
    beyond_budget: set[str] = field(default_factory=set)      # linked, after max_pages requests
    pages_read: int = 0
    _depth: dict[str, int] = field(default_factory=dict)      # canonical URL → best depth reached
    # pages read: the names their links continue, and the links
    _links: dict[str, tuple[tuple[str, ...], list[Link]]] = field(default_factory=dict)
    _queued: set[str] = field(default_factory=set)
    _requested: int = 0

    def first(self) -> Visit:
        self._depth[canonical_url(self.root)] = 0
        self._queued.add(canonical_url(self.root))
        self._requested = 1
        return Visit(self.root, 0)

    @property
    def complete(self) -> bool:
        """Every page the walk reached was read and none was left out by the page budget."""
        return not self.unread and not self.beyond_budget

    def read(self, visit: Visit, response) -> list[Visit]:
        self.pages_read += 1
        response = readable(response)
        if visit.data is not None:
            if (column := self.columns.get(canonical_url(visit.column))) is not None:
                column.read(read_list_page(response, self.scope.allows, self.site))
            return []
        here = canonical_url(response.url)
        if here in self._links:  # a redirect to a page read already
            return []
        depth = min(self._depth.get(here, visit.depth), self._depth.get(canonical_url(visit.url), visit.depth))
        self._depth[here] = depth
        page = read_list_page(response, self.scope.allows, self.site)
        found, prefix = [], visit.names
        items = [item.url for item in page.items]
        if holds_documents(page) and (here == canonical_url(self.root) or self.scope.allows(response.url)) \
                and self._first_of_its_column(here, response.url, items):
            column = self.columns[here] = Column(response.url, page_names(response, page, visit.names), page.family)
            column.read(page)
            prefix = column.names[:-1]  # a column's menu names its siblings (and sub-columns) as the site does
            if page.shell and page.next_page is not None:
                data = page.next_page if isinstance(page.next_page, ListRequest) else ListRequest(page.next_page)
                found += self._budgeted([Visit(data.url, depth, data=data, column=response.url)])
        links = page_links(response, self.scope)
        self._links[here] = (prefix, links)
        return found + self._expand(depth, prefix, links)

    def _first_of_its_column(self, key: str, url: str, items: list[str]) -> bool:
        """Whether this URL is a column not found before at another URL (a preferred URL replaces
        the other)."""
        for other, column in list(self.columns.items()):
            if same_column(column, url, items):
                if key in self.preferred and other not in self.preferred:
                    del self.columns[other]
                    return True
                return False
        return True

    def unreadable(self, visit: Visit, reason: str) -> None:
        self.unread[visit.url] = reason

    def _expand(self, depth: int, names: tuple[str, ...], links: list[Link]) -> list[Visit]:
        visits = []
        for link in links:
            key = canonical_url(link.url)
            if depth + 1 > self.max_depth:
                if key not in self._depth:
                    self.beyond_depth.add(link.url)
                continue
            if key in self._depth and self._depth[key] <= depth + 1:
                continue
            was_read = key in self._links
            self.beyond_depth.discard(link.url)
            self._depth[key] = depth + 1
            if was_read:  # reached again by a shorter way: its own links may now be in reach
                visits += self._expand(depth + 1, *self._links[key])
            elif key not in self._queued:
                self._queued.add(key)
                visits += self._budgeted([Visit(link.url, depth + 1, self._joined(names, link.names))])
        return visits

    def _budgeted(self, visits: list[Visit]) -> list[Visit]:
        kept = []
        for visit in visits:
            if self._requested >= self.max_pages:
                self.beyond_budget.add(visit.url)
                continue
            self._requested += 1
            kept.append(visit)
        return kept

    @staticmethod
    def _joined(names: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
        """The names leading to a link: a map names the whole path (department, channel)."""
        return more if len(more) > 1 else names + more


def request_for(visit: Visit, **options) -> scrapy.Request:
    """The request that reads a visit's page (ValueError for a URL Scrapy cannot request)."""
    if visit.data is not None and visit.data.method == "POST":
        return scrapy.FormRequest(visit.data.url, formdata=dict(visit.data.formdata), **options)
    meta = dict(options.pop("meta", {}), list_state=visit.data.state if visit.data else ())
    return scrapy.Request(visit.url, meta=meta, **options)
