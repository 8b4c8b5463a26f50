"""The generic list family: the list region found by its shape, pagers by their words.

The list region is the element whose children repeat as items (li, tr, dd, p) each carrying a
link and a date or a document-shaped URL; navigation, sidebars and footers are known by their
tags and class names and never count.
"""
from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urljoin

from crawler.links import base_url as page_base, site_link
from crawler.listing import ListItem, ListPage, pager_guard, script_number
from crawler.listing.patterns import (
    COLUMN_URL,
    DOCUMENT_URL_PATTERNS,
    ITEM_TAGS,
    LAST_PAGE_TEXTS,
    NEXT_PAGE_TEXTS,
    PAGE_URL,
)
from pipeline.blocks import in_chrome
from pipeline.normalize import clean_text, normalize_date

_CREATE_PAGE_HTML = re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w-]+)['\"]\s*,\s*['\"](\w+)['\"]")


def is_document_url(url: str) -> bool:
    return any(p.search(url) for p in DOCUMENT_URL_PATTERNS)


def _item_of(a):
    for node in a.iterancestors():
        if node.tag in ITEM_TAGS:
            return node
        if node.tag in ("ul", "table", "tbody", "ol", "dl", "body"):
            break
    return a.getparent()


def _signature(el) -> tuple:
    parent = el.getparent()
    return (el.tag, el.get("class"), parent.tag if parent is not None else None)


class GenericList:
    name = "generic"

    def detect(self, response) -> bool:
        return True

    def parse(self, response, allowed) -> ListPage:
        page = ListPage(family=self.name)
        base_url = page_base(response)
        links = []
        for a in response.selector.root.iter("a"):
            if url := site_link(a.get("href"), base_url, allowed):
                links.append((a, url))

        pager: set[str] = set()
        with pager_guard(page):
            page.next_pages, page.next_page = self._pager(links, response, base_url, page)
            pager = set(page.next_pages)

        groups: dict[object, list] = defaultdict(list)
        for a, url in links:
            if url in pager or in_chrome(a):
                continue
            item = _item_of(a)
            container = item.getparent() if item is not None else None
            if container is not None:
                groups[container].append((a, url, item))

        def score(entries) -> int:
            return sum(
                1 for a, url, item in entries
                if is_document_url(url) or normalize_date(item.text_content())
            )

        page.columns = self._sub_columns(links, response.url, pager)
        scored = [(score(v), c) for c, v in groups.items()]
        scored = [(s, c) for s, c in scored if s >= 1]
        if not scored:
            return page
        best_score, best = max(scored, key=lambda sc: sc[0])
        chosen = [c for s, c in scored if c is best or (_signature(c) == _signature(best) and s >= 1)]
        seen: set[str] = set()
        for container in chosen:
            for a, url, item in groups[container]:
                if url in seen or url == response.url:
                    continue
                seen.add(url)
                if COLUMN_URL.search(url.split("?")[0]) and not is_document_url(url):
                    if url not in page.columns:
                        page.columns.append(url)
                    continue
                title = clean_text(a.get("title")) or clean_text(a.text_content())
                date = normalize_date(item.text_content())
                page.items.append(ListItem(url=url, title=title, fields={"published_at": date} if date else {}))
        return page

    def _sub_columns(self, links, here: str, pager: list[str]) -> list[str]:
        """Column pages below this one (a 信息公开目录 linking its sub-columns): walked as
        columns, never archived. Only strictly below this page's folder, outside furniture,
        so a site's navigation does not send the crawl across the whole site."""
        folder = here.split("?")[0].rsplit("/", 1)[0] + "/"
        found = []
        for a, url in links:
            bare = url.split("?")[0]
            if (bare.startswith(folder) and len(bare) > len(folder) and COLUMN_URL.search(bare)
                    and not is_document_url(url) and url not in pager and not PAGE_URL.search(url)
                    and bare.rsplit("/", 1)[0] + "/" != folder and not in_chrome(a) and url not in found):
                found.append(url)
        return found

    def _pager(self, links, response, base_url, page: ListPage) -> tuple[list[str], str | None]:
        """URLs of further pages of this same list, and which of them comes next."""
        found: dict[str, None] = {}  # ordered, and a set: pagers can link thousands of pages
        by_next_word: str | None = None
        here = response.url.split("?")[0].rsplit("/", 1)[0]
        for a, url in links:
            text = (clean_text(a.text_content()) or "").lower()
            sibling = url.split("?")[0].rsplit("/", 1)[0] == here
            by_word = text in NEXT_PAGE_TEXTS or text in LAST_PAGE_TEXTS
            by_shape = sibling and PAGE_URL.search(url) is not None
            by_number = text.isdigit() and sibling and (PAGE_URL.search(url) or COLUMN_URL.search(url.split("?")[0]))
            if text in NEXT_PAGE_TEXTS and by_next_word is None and url != response.url:
                by_next_word = url
            if by_word or by_shape or by_number:
                found.setdefault(url)
        # TRS: createPageHTML(count, current, "index", "html") writes index_1 … index_{count-1};
        # only the page after this one is made (a column of 40,000 pages is one URL, not 40,000)
        by_script: str | None = None
        for script in response.xpath("//script/text()").getall():
            for m in _CREATE_PAGE_HTML.finditer(script):
                count, current, name, ext = script_number(m.group(1)), script_number(m.group(2)), m.group(3), m.group(4)
                page.total_pages = count
                if current + 1 < count:
                    by_script = by_script or urljoin(base_url, f"{name}_{current + 1}.{ext}")
                    found.setdefault(by_script)
        pages = list(found)
        return pages, by_next_word or by_script or _next_by_number(response.url, pages)


def page_number(url: str) -> int:
    """0 for a list's first page (index.html, no page parameter), else the number in its URL."""
    m = PAGE_URL.search(url)
    return int(m.group(1) or m.group(2)) if m else 0


def _next_by_number(current: str, pages: list[str]) -> str | None:
    """The pager link whose number is one more than this page's (index_N or page=N)."""
    n = page_number(current)
    for url in pages:
        if page_number(url) == n + 1:
            return url
    return None
