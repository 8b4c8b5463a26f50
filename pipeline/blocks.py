"""The page as a sequence of text blocks: one per run of text inside one block-level element.

Inline tags (span, font, b, a …) do not split a block, so a label broken up by markup
(`<span>名</span>称`) reads as one word, and a sentence with a link in it stays one block.
Every reader of the page (metadata labels, the body's container, its lines) works on these.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from pipeline.normalize import clean_text
from pipeline.vocab import (
    CHROME_NAMES,
    CHROME_TAGS,
    HIDDEN_CLASSES,
    MARGIN_NAMES,
    MARGIN_TAGS,
    NAVIGATION_NAMES,
    NAVIGATION_TAGS,
)

# Elements that start a block of their own; any other tag (span, font, a, b … and the custom
# tags CMS templates invent, <publishtime>, <c>) runs inline with the text around it.
BLOCK_TAGS = frozenset(
    "p div br li tr td th table tbody thead tfoot caption ul ol dl dt dd h1 h2 h3 h4 h5 h6 section "
    "article header footer nav aside main form fieldset blockquote pre center hr address figure "
    "figcaption details summary body html iframe frameset frame img input".split()
)
# (what a <video>, <audio>, <canvas> or <iframe> holds is printed only by a browser that cannot play or
# frame it: 您的浏览器不支持video标签)
SKIP_TAGS = frozenset("script style noscript template select option textarea button head title video audio canvas iframe".split())


# the text a reader sees of an element: not what its scripts and styles hold (an h1 whose title
# a script writes holds the script's code)
_SHOWN = etree.XPath("descendant::text()[not(ancestor::*[%s])]" % " or ".join(f"self::{tag}" for tag in sorted(SKIP_TAGS - {"title"})))


def shown_text(el) -> str:
    return "".join(_SHOWN(el))


class Block(NamedTuple):
    text: str
    owner: etree._Element  # the block-level element holding the text
    link_chars: int  # how many of its characters are link text
    hidden: bool = False  # inside an element styled display:none (a print copy, a pop-up)


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


# a template's condition that compares two different literals ('工作情况'=='规范性文件'): the
# framework (avalon ms-if, Vue v-if, Angular ng-if) never renders the element
_NEVER = re.compile(r"""^\s*(['"])(.*?)\1\s*(===?|!==?)\s*(['"])(.*?)\4\s*$""")
TEMPLATE_IFS = ("ms-if", "v-if", "ng-if")
_TEMPLATE_IFS = frozenset(TEMPLATE_IFS)


def _never_rendered(el) -> bool:
    """An element under a template condition comparing two literals that can never hold."""
    for attribute in TEMPLATE_IFS:
        if (condition := el.get(attribute)) and (match := _NEVER.match(condition)):
            return (match.group(2) == match.group(5)) == match.group(3).startswith("!")
    return False


def is_hidden(el) -> bool:
    if el.get("hidden") is not None:
        return True
    if (style := el.get("style")) and hides_by_style(style):
        return True
    classes = el.get("class")
    return bool(classes) and hides_by_class(classes)


# (cached, both: a page repeats its few styles and class lists on most of its elements)
@lru_cache(maxsize=4096)
def hides_by_style(style: str) -> bool:
    # (the words first: few styles hide, and the pattern is slower)
    return ("none" in (lowered := style.lower()) or "hidden" in lowered) and _HIDDEN.search(style) is not None


@lru_cache(maxsize=4096)
def hides_by_class(classes: str) -> bool:
    return not HIDDEN_CLASSES.isdisjoint(classes.split())


def leads_away(el) -> bool:
    """Whether an element is a link a reader follows: an <a> with an href (an anchor named for a
    bookmark, `<a name="topic1">`, is the text's own words) that does not cite a document inside
    a sentence, or any element a click takes elsewhere (`<h2 onclick="location='…'">`, a list of
    other pages drawn without anchors)."""
    if el.tag == "a":
        return el.get("href") is not None and not is_citation(el)
    return bool(_NAVIGATES.search(el.get("onclick") or ""))


_NAVIGATES = re.compile(r"location|window\.open|\.href")


def is_citation(link) -> bool:
    """A link naming a document in book-title marks inside a sentence (现将<a>《示例办法》</a>印发
    给你们): the text's words citing it, not a way off the page. A list's item that is only
    such a link (相关文件: 《…》), or such a link after its label (附件: 《…》), is still a link."""
    if not ((link.text or "").strip() or link.text_content()).lstrip().startswith("《"):
        return False  # (most links: asked of their own text first)
    text = link.text_content().strip()
    if not text.endswith("》"):
        return False
    before = link.getprevious()
    words = ((before.tail if before is not None else link.getparent().text) or "").strip()
    return bool((link.tail or "").strip() or words and not words.endswith((":", "：")))


# a labelled item (来源：宣传部, 发布时间：…): a word of at most six characters and a colon
_LABELLED = re.compile(r"\s*[\u4e00-\u9fff]{1,6}\s*[:：]")


def _run_in(buf: list[str], text: str) -> bool:
    """Whether `text` (opening with a Chinese character, asked by the caller), after an inline
    element's edge, is a labelled item run into the one before it with nothing between
    (<span>来源：宣传部</span><span>作者：张三</span>, a template with its whitespace removed): a
    line of such items reads them apart, as a browser's spacing shows them. Inside a sentence
    (请发送邮件，<span>邮件主题：…</span>) nothing is inserted."""
    return (("：" in (head := text[:8]) or ":" in head) and not buf[-1][-1:].isspace()
            and _LABELLED.match(text) is not None and _LABELLED.match("".join(buf).lstrip()) is not None)


def blocks(root, skip: Iterable = ()) -> list[Block]:
    """Text blocks in document order, outside the elements in `skip`."""
    skip = set(skip)
    out: list[Block] = []
    buf: list[str] = []
    link = 0  # characters of link text in buf

    # (a block is ended where a block element opens or closes, written out at both places: a call
    # per block cost a fiftieth of reading a page)
    # lxml walks the tree (no recursion: hostile pages nest thousands deep); per open element:
    # (the owner of the text inside it, inside a link, hidden, a block, inside a link for its tail)
    frames: list[tuple] = [(root, False, False, False, False)]  # (the page's own, under the walk's first element)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            _, _, inner_hidden, block, tail_link = frames.pop()
            if block and buf:
                if text := "".join(buf).strip():
                    out.append(Block(text, el, min(link, len(text)), inner_hidden))
                buf.clear()
                link = 0
            if el is not root and (tail := el.tail):  # (lxml decodes text anew on each access)
                if buf and not block and "\u4e00" <= tail[0] <= "\u9fff" and _run_in(buf, tail):
                    buf.append(" ")
                buf.append(tail)
                link += len(tail.strip()) if tail_link else 0
            continue
        owner, in_link, hidden, _, _ = frames[-1]
        tag = el.tag
        tag = tag if isinstance(tag, str) else None  # (libxml2's HTML parser writes tags in lower case)
        # most elements have no attributes, most others a class alone: their names, read once,
        # say which questions are worth asking
        names = el.keys() if tag is not None else ()
        block = tag in BLOCK_TAGS
        inner_link = in_link or (tag == "a" or "onclick" in names) and leads_away(el)
        inner_hidden = hidden or bool(names) and (  # (is_hidden, asked inline: most elements have a class)
            "hidden" in names or "style" in names and hides_by_style(el.get("style") or "")
            or "class" in names and hides_by_class(el.get("class") or ""))
        if (tag is None or tag in SKIP_TAGS or el in skip or not _TEMPLATE_IFS.isdisjoint(names) and _never_rendered(el)
                or inner_hidden and not hidden and not block):
            # what a template never renders is not on the page at all, unlike display:none; a
            # hidden run inside shown text (a `----` placeholder beside the value) is not read
            walker.skip_subtree()
            frames.append((owner, in_link, hidden, False, in_link))
            continue
        if block and buf:
            if text := "".join(buf).strip():
                out.append(Block(text, owner, min(link, len(text)), hidden))
            buf.clear()
            link = 0
        frames.append((el if block else owner, inner_link, inner_hidden, block, in_link))
        if text := el.text:
            if buf and not block and "\u4e00" <= text[0] <= "\u9fff" and _run_in(buf, text):
                buf.append(" ")
            buf.append(text)
            link += len(text.strip()) if inner_link else 0
    if text := "".join(buf).strip():
        out.append(Block(text, root, min(link, len(text)), False))
    return out


def layout_table(table) -> bool:
    """A table of one cell a row, cells printing nothing (a border's image, a margin) aside: a
    page's layout around what it holds (an old site's regions, a text set in a one-cell table
    between two shadow cells), not a table of data."""
    widths = [len(row.xpath("./td[normalize-space()]|./th[normalize-space()]")) for row in table.xpath("./tr|./*/tr")]
    return bool(widths) and max(widths) == 1


def table_of_cell(el):
    """The table whose cell `el` is or is printed in, or None."""
    cell = el if el.tag in ("td", "th") else next(el.iterancestors("td", "th"), None)
    return next(cell.iterancestors("table"), None) if cell is not None else None


def holds(el, other) -> bool:
    """Whether `other` is `el` or inside it."""
    return other is el or any(a is el for a in other.iterancestors())


def partition(blocks: list[Block], el) -> tuple[list[Block], list[Block]]:
    """The blocks inside `el` and those outside it (one set of its elements, not a walk up from
    every block)."""
    members = set(el.iter())
    inside: list[Block] = []
    outside: list[Block] = []
    for block in blocks:
        (inside if block.owner in members else outside).append(block)
    return inside, outside


def blocks_inside(blocks: list[Block], el) -> list[Block]:
    return partition(blocks, el)[0]


HEADER_BLOCKS = 8  # the lines between a headline and its text: source, author, tools, the date


def after_headline(page: list[Block], title: str | None, container) -> Iterable[Block]:
    """The blocks printed between the headline (the block that is the title) and the
    document's text (its container), at most HEADER_BLOCKS: where a page shows the date, the
    source and the 文号 of its document without labels."""
    if not title:
        return
    inside = set(container.iter()) if container is not None else set()
    since_title = None  # blocks read since the headline
    whole, spelled = "".join(title.split()), ""  # the title, and what the last blocks spell of it
    for block in page:
        if block.owner in inside:
            return
        text = clean_text(block.text) or ""
        words = "".join(text.split())
        # a headline broken over lines (`…关于2023<br>年调整…的公告`) spells the title in a run of blocks
        spelled = spelled + words if whole.startswith(spelled + words) else words if whole.startswith(words) else ""
        if text == title or title in text and len(text) <= 2 * len(title) or spelled == whole:
            since_title, spelled = 0, ""
        elif since_title is not None:
            yield block
            since_title += 1
            if since_title > HEADER_BLOCKS:
                since_title = None  # (the title may come again: a sticky bar's copy of it was the first)


def class_words(names) -> re.Pattern:
    """A class or id holding one of `names` as a word of its own (nav-biglist, main_menu, nav2)."""
    return re.compile(rf"(?:^|[\s_-])(?:{'|'.join(names)})(?:$|[\s_-]|\d)", re.I)


_NAVIGATION, _CHROME, _MARGIN = class_words(NAVIGATION_NAMES), class_words(CHROME_NAMES), class_words(MARGIN_NAMES)
# a name saying navigation and the document's detail at once (zjshb-nav-detail) names the detail
_DETAIL = class_words(("detail", "details", "content", "article", "text"))


def _marked(nodes, words: re.Pattern, tags: frozenset, unless: re.Pattern | None = None) -> bool:
    """Whether a node is of `tags` or named by `words`, and not also by `unless`."""
    for node in nodes:
        if not isinstance(node.tag, str):
            continue
        if node.tag in tags:
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if words.search(names) and not (unless and unless.search(names)):
            return True
    return False


def in_chrome(el) -> bool:
    """An element inside the page's chrome (navigation, header, footer, side bars …)."""
    return _marked(el.iterancestors(), _CHROME, CHROME_TAGS)


class Regions:
    """Which region of one page an element is in, for many of its elements: a navigation menu
    (the element or an ancestor), the page's footer or a side bar (an ancestor). Each element's
    answer is worked out once and shared by everything inside it."""

    def __init__(self) -> None:
        self._navigation: dict = {}
        self._margin: dict = {}

    def navigation(self, el) -> bool:
        return self._within(el, self._navigation, _NAVIGATION, NAVIGATION_TAGS, _DETAIL)

    def margin(self, el) -> bool:
        parent = el.getparent()
        return parent is not None and self._within(parent, self._margin, _MARGIN, MARGIN_TAGS)

    @staticmethod
    def _within(el, known: dict, words: re.Pattern, tags: frozenset, unless: re.Pattern | None = None) -> bool:
        """Whether `el` or an ancestor is marked, remembering the answer for each on the way."""
        chain = []
        while el is not None and el not in known:
            chain.append(el)
            el = el.getparent()
        inside = known[el] if el is not None else False
        for node in reversed(chain):
            inside = inside or _marked((node,), words, tags, unless)
            known[node] = inside
        return inside

