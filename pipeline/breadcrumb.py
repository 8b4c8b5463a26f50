"""The breadcrumb (当前位置：首页 > 政务公开 > 通知公告): where the page files the document.

A breadcrumb is a short run of links joined by separators, usually after a lead-in such as
`您当前所在的位置：`. It is found by that shape, in elements a CMS names as one (crumb,
position, location …) or in any text block, lead-in first.
"""
from __future__ import annotations

import re

from pipeline.blocks import Block
from pipeline.normalize import clean_text
from pipeline.vocab import BREADCRUMB_LEADS, BREADCRUMB_SEPARATORS, BREADCRUMB_XPATHS

# "您当前所在的位置：", "当前位置:", "所在位置：" …: a few words ending in a lead word, then a colon
LEAD = re.compile(rf"^\s*[^\s>＞]{{0,8}}?(?:{'|'.join(BREADCRUMB_LEADS)})\s*[:：]?\s*")
_SEPARATOR = re.compile(BREADCRUMB_SEPARATORS)
# page tools run into the last part: "2007年第23号 字号： 默认 大 超大 | 打印"
_TRAILER = re.compile(r"\s*(?:[|｜]|\s\S{1,4}\s*[:：]).*$")
MAX_LENGTH = 200
HOME = re.compile(r"^(?:首页|网站首页|主页|返回首页)$")


def parts_of(text: str) -> list[str]:
    parts = [clean_text(p) for p in _SEPARATOR.split(LEAD.sub("", text))]
    parts = [p for p in parts if p]
    if parts:
        parts[-1] = clean_text(_TRAILER.sub("", parts[-1])) or ""
    return [p for p in parts if p]


def _crumb(text: str, link_chars: int, named: bool) -> list[str] | None:
    if len(text) > MAX_LENGTH:
        return None
    lead = LEAD.match(text)
    parts = parts_of(text)
    if not parts:
        return None
    if lead and lead.group().strip():
        return parts
    # without a lead-in: links joined by separators, starting at the home page when not named
    if not named and link_chars * 3 < len(re.sub(r"\s", "", text)):
        return None  # the current page's name may be plain text, the way there is links
    if len(parts) < 2 or not _SEPARATOR.search(text):
        return parts if named else None
    return parts if named or HOME.match(parts[0]) else None


def read_breadcrumb(tree, blocks: list[Block]) -> tuple[list[str], object]:
    """The breadcrumb's parts and the element holding it ([] and None when there is none)."""
    named = []
    for xpath in BREADCRUMB_XPATHS:
        named.extend(tree.xpath(xpath))
    for el in named:
        text = clean_text(" ".join(el.itertext())) or ""
        links = [t for a in el.iter("a") if (t := clean_text(a.text_content()))]
        parts = _crumb(text, sum(map(len, links)), named=True)
        if parts and len(parts) == 1 and len(links) >= 2 and not _SEPARATOR.search(text):
            parts = links  # separators drawn as images or borders: the links are the parts
        if parts:
            return parts, el
    found = None
    for block in blocks:
        parts = _crumb(block.text, block.link_chars, named=False)
        if parts and (lead := LEAD.match(block.text)) and lead.group().strip():
            return parts, block.owner
        if parts and found is None:
            found = (parts, block.owner)
    return found or ([], None)
