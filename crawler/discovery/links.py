"""The links of a page a discovery walk follows, each with the name the page gives it.

Links come from the page's menus, trees and directories (outside its chrome, see `scope`) and
from a `gklist` map, the script some TRS sites (Pingtan's) carry on every disclosure page:
`var gklist = {"DEPT_URL": {orgname: "…", chnllist: [{chnlid, url, chnlname}, …]}, …}`, every
department's channels by name. Documents, attachments and further pages of the same list are not
links to walk: only what may be a column or leads to one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.discovery.scope import Scope, in_chrome, is_section_name
from crawler.links import base_url, site_link
from crawler.listing.generic import is_document_url
from crawler.listing.patterns import COLUMN_URL, PAGE_URL
from pipeline.normalize import clean_text
from pipeline.vocab import ATTACHMENT_EXTENSIONS

GKLIST = re.compile(r"\bgklist\s*=\s*\{")
GKLIST_ENTRY = re.compile(
    r"""["']([^"']+)["']\s*:\s*\{\s*orgname\s*:\s*["']([^"']*)["']\s*,\s*chnllist\s*:\s*\[(.*?)\]\s*\}""", re.S)
GKLIST_CHANNEL = re.compile(r"""\burl\s*:\s*["']([^"']+)["']\s*,\s*chnlname\s*:\s*["']([^"']*)["']""")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")  # 政府信息<br>公开指南


@dataclass(frozen=True)
class Link:
    url: str
    names: tuple[str, ...]  # what the page calls it: a link text, or a map's department and channel


def name_of(text: str | None) -> str | None:
    text = clean_text(text)
    return _CJK_GAP.sub("", text) if text else None


def looks_like_document(url: str) -> bool:
    """A document's or an attachment's URL (a column-shaped path such as `dept/?id=12` is not)."""
    path = url.split("?")[0].split("#")[0]
    if path.lower().endswith(tuple(f".{ext}" for ext in ATTACHMENT_EXTENSIONS)):
        return True
    return is_document_url(url) and not COLUMN_URL.search(path)


def is_later_page(url: str) -> bool:
    """A list's second or later page (TRS index_1 is the second; ?page=1 the first)."""
    match = PAGE_URL.search(url)
    return bool(match) and (match.group(1) is not None or int(match.group(2)) > 1)


def followable(url: str | None, name: str | None) -> bool:
    return url is not None and not looks_like_document(url) and not is_later_page(url) and not is_section_name(name)


def page_links(response, scope: Scope) -> list[Link]:
    """The page's links the walk may follow, in page order, each once (its first name kept)."""
    found: dict[str, Link] = {}
    base = base_url(response)
    for a in response.selector.root.iter("a"):
        url = site_link(a.get("href"), base, scope.allows)
        name = name_of(a.get("title")) or name_of(a.text_content())
        if followable(url, name) and url not in found and url != response.url and not in_chrome(a):
            found[url] = Link(url, (name,) if name else ())
    for link in gklist_links(response, scope):
        found.setdefault(link.url, link)
    return list(found.values())


def gklist_links(response, scope: Scope) -> list[Link]:
    links = []
    for script in response.xpath("//script/text()").getall():
        if not GKLIST.search(script):
            continue
        for department, org, channels in GKLIST_ENTRY.findall(script):
            org = name_of(org)
            for href, channel in [(department, None), *GKLIST_CHANNEL.findall(channels)]:
                url = site_link(href, response.url, scope.allows)
                name = name_of(channel)
                if followable(url, name):
                    links.append(Link(url, tuple(n for n in (org, name) if n)))
    return links
