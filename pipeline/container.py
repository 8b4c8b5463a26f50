"""Which element holds the document's text.

The container is the element holding the document's prose (blocks of running text, with
sentence punctuation, not link lists): of all elements, the one whose prose outweighs the
other text it holds by most. A CMS's own content container (vocab.CONTENT_CONTAINERS) is
preferred when it holds that same prose: it knows the document's edges better. So a chat
widget, a search box or a column of links never wins because its class name matched first.
A short text holds the prose that follows the page's headline (or its metadata block), whatever
box of prose weighs more beside it, and none after the site's footer (its ICP备 line) is the
text. A page without any prose can still hold a document: one table of data.
"""
from __future__ import annotations

import re

from pipeline.blocks import Block, Regions, blocks_inside, holds, in_chrome, is_hidden, layout_table, partition, table_of_cell
from pipeline.body import (
    ANNEX_HEADING,
    ANNEX_LINE,
    FILE_HREF,
    FURNITURE_LENGTH,
    empty_heading,
    is_furniture,
    is_prose,
    opens_section,
    unspaced,
)
from pipeline.labels import COLONS, first_labelled, label_matches, labelled_pairs, whole_label
from pipeline.lines import TAIL_HEADED
from pipeline.normalize import FILE_NAME, clean_text
from pipeline.signature import signed_at
from pipeline.title import adds_name, headline, headline_text, named_titles
from pipeline.vocab import CONTENT_CONTAINERS, FOOTER_MARKS

OTHER_WEIGHT = 0.15  # plain non-prose text (table cells, headings, dates) costs far less than link text
_RANK = {key: rank for rank, key in enumerate(CONTENT_CONTAINERS)}


class Tally:
    """Characters of text inside one element: prose, link text, other text; and how many of
    its blocks hold link text (a menu has many, a text's 附件 link one)."""

    __slots__ = ("prose", "links", "other", "linked_blocks")

    def __init__(self) -> None:
        self.prose = self.links = self.other = self.linked_blocks = 0

    @property
    def total(self) -> int:
        return self.prose + self.links + self.other

    @property
    def score(self) -> float:
        return self.prose - self.links - OTHER_WEIGHT * self.other

    def add(self, other: Tally) -> None:
        self.prose += other.prose
        self.links += other.links
        self.other += other.other
        self.linked_blocks += other.linked_blocks


def weigh(blocks: list[Block], menus: bool = True, margins: bool = True) -> dict:
    """Per element, what its text is made of (each block counts for every ancestor). `menus`:
    prose in an element named as navigation is navigation; `margins`: prose inside a footer or a
    side bar is the page's."""
    tallies: dict = {}
    parent: dict = {}  # (asked of lxml once per element)
    depth: dict = {}
    regions = Regions()
    for block in blocks:
        size = len(unspaced(block.text))
        links = min(block.link_chars, size)
        prose = other = 0
        if not is_prose(block):
            if links == size:  # (all links, most blocks of a page: they weigh as links, furniture or not,
                if _own_link(block.text) and not is_furniture(block.text):  # unless the document's own)
                    links, other = 0, size
            elif is_furniture(block.text):
                links = size  # a disclaimer or copyright line weighs like navigation
            elif _own_link(block.text):
                links, other = 0, size  # a link to the document's own file (附件：…) or its salutation
            else:
                other = size - links
        elif menus and regions.navigation(block.owner):
            links = size  # a menu's panel describing the offices is navigation, however worded
        elif _labelled_value(block):
            links, other = 0, size  # a catalogue's abstract (内容概述：…) is the metadata's, however worded
        elif margins and regions.margin(block.owner):
            links, other = 0, size  # a footer's or side bar's prose (领导致辞, 网站声明) is the page's
        else:
            prose = size - links
        chain = []  # the block's element and its ancestors not weighed yet, up to one that is
        el = block.owner
        while el is not None and el not in tallies:  # (the keys in the order a walk up from each block meets them)
            tallies[el] = Tally()
            chain.append(el)
            parent[el] = up = el.getparent()
            el = up
        below = depth[el] + 1 if el is not None else 0
        for steps, node in enumerate(reversed(chain)):
            depth[node] = below + steps
        tally = tallies[block.owner]
        tally.prose += prose
        tally.links += links
        tally.other += other
        tally.linked_blocks += links > 0
    # then each element's own counts are added to its parent's, children before parents: once per
    # element rather than once per block and ancestor
    for el in sorted(tallies, key=depth.__getitem__, reverse=True):
        if (up := parent[el]) is not None:
            tallies[up].add(tallies[el])
    return tallies


MIN_VALUE_LABEL = 3  # characters of a label whose value may be prose (内容概述, 摘要 aside: 时间：… opens sentences)
MAX_LABEL_AT = 16  # characters: a label opening a line, spaced out or bracketed, has its colon by then


def _labelled_value(block: Block) -> bool:
    """A labelled value worded as prose: after its label and colon on its line (内容概述：为进一步…),
    or in the cell after its label's."""
    if _labelled_cell(block.owner):
        return True
    if not any(colon in block.text[:MAX_LABEL_AT] for colon in COLONS):
        return False  # (no colon where a label's would be: most prose)
    match = next(iter(label_matches(block.text)), None)
    return (match is not None and match.start() == 0 and bool(match.group(2))
            and len(unspaced(match.group(1))) >= MIN_VALUE_LABEL)


def _labelled_cell(el) -> bool:
    """A table cell (or dd) whose label is the cell before it (有效性： | …)."""
    if el.tag not in ("td", "dd"):
        return False
    before = el.getprevious()
    return before is not None and before.tag in ("td", "th", "dt") and whole_label(before.text_content())


def _own_link(text: str) -> bool:
    """A link of the document's own: to its file (附件：…, ….pdf), or a salutation that happens to
    be a link (各有关单位：); not navigation."""
    return bool(FILE_NAME.search(text) or ANNEX_LINE.match(text)) or text.rstrip().endswith((":", "："))


def _known_rank(el) -> int | None:
    ident, classes = el.get("id"), el.get("class")
    if not classes:  # (most elements: asked of every element the page's text is in)
        return _RANK.get(("id", ident)) if ident else None
    best = _RANK.get(("id", ident)) if ident else None
    for name in classes.split():
        if (rank := _RANK.get(("class", name))) is not None and (best is None or rank < best):
            best = rank
    return best


SPLIT_SHARE = 0.3  # two children each holding this share of the prose: two regions, not one


def _one_region(best, tallies: dict):
    """An element holding two copies of the document (a desktop and a mobile rendition) in two
    children is not its container: the better-scoring copy is. Two different texts side by
    side (a notice and the rules it issues) stay together."""
    chosen, el = best, best
    while True:
        children = [c for c in el if c in tallies and tallies[c].prose]
        big = [c for c in children if tallies[c].prose >= SPLIT_SHARE * tallies[el].prose]
        if len(big) >= 2 and _copies(big[0], big[1]):
            chosen = el = max(big, key=lambda c: tallies[c].score)
        elif len(big) == 1 and tallies[big[0]].prose >= 0.95 * tallies[el].prose:
            el = big[0]  # a wrapper: look inside it, without choosing it
        else:
            return chosen


COPY_SLACK = 100  # characters a copy of the text may hold besides it (its title printed again)


def text_copy(container, inside: list[Block], outside: list[Block]):
    """An element outside the text's container printing the text again (a phone's copy the
    sheet hides, a print copy): the widest holding a line of the text's first prose and no more
    than the text. Its lines are the text's, not the page's labelled metadata (有效期届满前…,
    项目名称：…)."""
    opening = next((b.text for b in inside if is_prose(b)), None)
    for block in outside:
        if block.text != opening:
            continue
        size, copy = len(unspaced(container.text_content())) + COPY_SLACK, None
        for el in (block.owner, *block.owner.iterancestors()):
            if el.tag in _PAGE_TAGS or holds(el, container) or len(unspaced(el.text_content())) > size:
                break
            copy = el
        return copy
    return None


def _beside_copy(el, best, tallies: dict) -> bool:
    """Whether `el`, an ancestor of `best`, holds beside it a copy of its text (the phone's
    rendition a stylesheet we never see hides): the wider element is no more of the text."""
    child = best
    for ancestor in best.iterancestors():
        if any(other is not child and other in tallies and tallies[other].prose >= SPLIT_SHARE * tallies[best].prose
               and _copies(best, other) for other in ancestor):
            return True
        if ancestor is el:
            return False
        child = ancestor
    return False


COPY_SAMPLE, COPY_HEAD, MIN_COPY = 100, 800, 50  # characters
COPY_SAMPLES_AT = (100, 300)  # past the lines one copy may print over its text (its title, its tools)


def hidden_copies(container, blocks: list[Block]) -> list:
    """Elements inside the text's container that the page hides and that print a shown sibling's
    text again (the phone's rendition, printed beside the desktop's): its text is read once."""
    found = []
    if sum(len(b.text) for b in blocks if b.hidden) < MIN_COPY:
        return found  # (most pages: too little hidden to be a copy)
    for el in container.iter():
        if el is container or not isinstance(el.tag, str) or not el.attrib or not is_hidden(el):
            continue
        if any(other is not el and isinstance(other.tag, str) and not is_hidden(other) and _copies(other, el)
               for other in el.getparent()):
            found.append(el)
    return found


def before_trail(container, crumb_el, blocks: list[Block]) -> list:
    """What the text's container prints before the breadcrumb it holds (a left column's 简介
    beside the text's region, which the trail heads): the page's, not the text, which the trail
    leads to. Nothing when no prose of the container follows the trail (a trail printed under
    the text)."""
    if container is None or crumb_el is None or crumb_el is container or not holds(container, crumb_el):
        return []
    at = next((i for i, b in enumerate(blocks) if holds(crumb_el, b.owner)), len(blocks))
    if not any(is_prose(b) and holds(container, b.owner) for b in blocks[at:]):
        return []
    before, el = [], crumb_el
    while el is not container:
        before.extend(el.itersiblings(preceding=True))
        el = el.getparent()
    return before


def file_holder(blocks: list[Block]):
    """Where a page with no text of its own (its document a file, 附件：….pdf) prints it: the
    element of the first block linking to a file, or naming one, the place its headline stands over."""
    return next((b.owner for b in blocks if b.link_chars and not b.hidden
                 and any(FILE_HREF.search((a.get("href") or "").strip()) or FILE_NAME.search(a.text_content())
                         for a in b.owner.iter("a"))), None)  # (a download script's link names its file: 格式.doc)


def _copies(a, b) -> bool:
    """Whether two elements print one text: a run of the shorter's opening stands at the other's
    opening (either of two runs: one copy may print a line of tools into the other's)."""
    short, long_ = sorted((unspaced(a.text_content()), unspaced(b.text_content())), key=len)
    if len(short) < MIN_COPY:
        return False
    head = long_[:COPY_HEAD]
    return any(short[at:at + COPY_SAMPLE] in head
               for at in {max(0, min(skip, len(short) - COPY_SAMPLE)) for skip in COPY_SAMPLES_AT})


WIDEN_LEVELS = 3
MAX_LONE_LINK = 60  # characters of one link beside a text (its 附件 named without a file type)


def _widened(best, tallies: dict, blocks: list[Block] = ()):
    """The best-scoring element can be one long paragraph of a document whose other lines
    (a salutation, a table of figures, a link to its 附件) cost more than they add: an
    ancestor that adds prose, and not mostly links, holds the whole document. A list of links
    closing the element's parent (往期回顾, cut from the text's tail) does not count against it."""
    el = best
    for _ in range(WIDEN_LEVELS):
        parent = el.getparent()
        if parent is None or parent not in tallies or parent.tag in _PAGE_TAGS:
            break  # (the whole page adds up the prose of all its regions)
        inner, outer = tallies[best], tallies[parent]
        if _beside_copy(parent, best, tallies):
            break
        # (the parent of the text's own element only: higher up, a list may close a side column)
        closing_chars, closing_blocks, closing_tools = _closing_links(parent, blocks, best) if el is best else (0, 0, 0)
        prose, links = outer.prose - inner.prose, outer.links - inner.links - closing_chars
        lone_link = outer.linked_blocks - inner.linked_blocks - closing_blocks <= 1 and links <= MAX_LONE_LINK
        if prose > 0 and (links <= LINK_SHARE * prose or lone_link):
            best = parent  # more of the text, with at most its one 附件 or 解读 link
        elif el is best and _paragraph(best) and (
                links == _tool_chars(parent, blocks, best) - closing_tools or lone_link and _headed_links(parent, blocks, best)):
            # a text of one paragraph: its salutation and signature are beside it (and the page's
            # tools, a share bar, may be printed in the same element; those closing it, 上一篇：…
            # 下一篇：…, are the closing list's), with its one link headed 政策解读： or 附件： at most
            best = parent
        elif el is best and prose == 0 and lone_link and _annex_after(best, parent, blocks):
            best = parent  # the text's 附件 printed after it in a section of its own (a table of data)
        el = parent
    return best


def _headed_links(el, blocks: list[Block], inner) -> bool:
    """Whether every link in `el` outside `inner` (the page's tools aside) is headed as the
    text's own (政策解读：…, 附件：…): a link alone may be another page's item, its office and
    date under it no signature."""
    members, own = set(el.iter()), set(inner.iter())
    return all(TAIL_HEADED.match(b.text) or ANNEX_LINE.match(b.text) for b in blocks
               if b.owner in members and b.owner not in own and b.link_chars and not b.hidden and not is_furniture(b.text))


def _annex_after(el, parent, blocks: list[Block]) -> bool:
    """Whether the first line `parent` shows after `el` is an annex's heading alone (附件,
    附件1：): the document's 附件 printed after its text, in an element of its own (a Word
    export's second section)."""
    members, own = set(parent.iter()), set(el.iter())
    seen = False
    for block in blocks:
        if block.owner in own:
            seen = True
        elif seen and block.owner in members and not block.hidden and block.text.strip():
            return bool(ANNEX_HEADING.match(block.text))
    return False


def _closing_links(el, blocks: list[Block], inner) -> tuple[int, int, int]:
    """Link characters and blocks of the links closing `el` after its last prose and after its
    child `inner` (whose own lines are weighed with it): a list of other pages, two links or
    more, with its heading (an empty section's heading after them aside), counted as weigh
    counts them; and how many of those characters are the page's tools (上一篇：…, 相关阅读)."""
    members = set(el.iter()) if blocks else set()
    own = set(inner.iter()) if blocks else set()
    chars = count = tools = 0
    for block in reversed(blocks):
        if block.owner not in members:
            if count:
                break  # before the element's last blocks (its blocks are consecutive)
            continue
        if block.owner in own:
            break
        if block.hidden or empty_heading(block.text):
            continue  # (an empty 相关附件： or 相关导读: after the list)
        size = len(unspaced(block.text))
        if is_furniture(block.text):
            chars += size  # the list's heading (相关阅读) or its items (上一篇：…), weighed whole as links
            tools += size
            count += bool(block.link_chars)
            continue
        if _own_link(block.text) and not count:
            continue  # (the text's 附件 files printed after the list)
        if is_prose(block) or block.link_chars * 2 <= len(block.text) or _own_link(block.text):
            break
        chars, count = chars + min(block.link_chars, size), count + 1
    return (chars, count, tools) if count >= 2 else (0, 0, 0)


def _tool_chars(el, blocks: list[Block], inner) -> int:
    """Characters of the page's tools (分享 微信 微博, 打印 关闭) inside `el` and outside `inner`,
    weighed as links by weigh."""
    members, own = set(el.iter()), set(inner.iter())
    return sum(len(unspaced(b.text)) for b in blocks
               if b.owner in members and b.owner not in own and not b.hidden and is_furniture(b.text))



def _paragraph(el) -> bool:
    """A block of text with no block inside it (a <p>), never a whole document's container."""
    return el.tag in ("p", "span", "font") and not any(
        isinstance(d.tag, str) and d.tag in ("p", "div", "table", "ul", "ol", "li") for d in el.iterdescendants())


def _data_table(best, tallies: dict):
    """A cell of prose in a table of data (a 行政处罚 record, a list of trainees) is one field of
    the document, not the document: the table is, when it is a table of data rather than of
    layout (no table inside it, rows of several cells, not mostly links)."""
    table = table_of_cell(best)
    rows = table.xpath(".//tr") if table is not None else []
    if (table is None or table not in tallies or table.find(".//table") is not None
            or len(rows) < 2 or tallies[table].links > LINK_SHARE * tallies[table].total
            or layout_table(table)):  # one cell a row: a page's layout
        return best
    return _widened(table, tallies)


def table_kind(container) -> str | None:
    """What kind of table of data a container's text is, if it is one (a table without tables
    inside holding nearly all of its text): "record", one record of label and value cells (a
    行政处罚 decision), or "rows", a list of records in rows of three or more cells under a
    header row (licences to collect). None for prose, with or without a table in it."""
    if container is None:
        return None
    tables = [container] if container.tag == "table" else container.xpath(".//table[not(.//table)]")
    if len(tables) != 1:
        return None
    whole = _visible_length(container)
    if not (whole > 0 and _visible_length(tables[0]) >= 0.9 * whole):
        return None
    if layout_table(tables[0]):
        return None
    widths = sorted(len(row.xpath("./td|./th")) for row in tables[0].xpath(".//tr"))
    return "rows" if widths and widths[len(widths) // 2] >= 3 else "record"


def _visible_length(el) -> int:
    return len(unspaced("".join(el.xpath(".//text()[not(ancestor::style) and not(ancestor::script)]"))))


LINK_SHARE = 0.2  # what a container may add or drop is link-free if its links are this share of its prose
NARROW_SHARE = 0.85
MIN_NAVIGATION = 20  # link characters: fewer is a link or two in the text, not a navigation


def _narrowed(best, tallies: dict):
    """The best-scoring element can be a whole page whose text is one document plus a little
    prose elsewhere (an assistant widget, a teaser), the navigation between them cheaper than
    that prose: the child holding most of the prose is the container when what it leaves out
    comes with links."""
    while True:
        top = tallies[best]
        child = max((c for c in best if c in tallies), key=lambda c: tallies[c].prose, default=None)
        if child is None or tallies[child].prose < NARROW_SHARE * top.prose:
            return best
        left_prose, left_links = top.prose - tallies[child].prose, top.links - tallies[child].links
        if left_links <= max(LINK_SHARE * left_prose, MIN_NAVIGATION):
            return best
        best = child


def find_container(blocks: list[Block], apart: list | None = None):
    """The element holding the document's text, or None when the page has no prose. Text
    hidden from the reader (display:none) counts only when nothing visible is prose. `apart`
    gathers the boxes inside that element which are not the text (a right column's headed box
    printed in the text's own element)."""
    shown = [b for b in blocks if not b.hidden]
    tallies = weigh(shown)
    if not any(t.prose for t in tallies.values()):
        tallies = weigh(blocks)
    if not any(t.prose for t in tallies.values()):
        # every line of prose in an element named as a menu: a template's wrapper around its side
        # menu and the text at once (<div class="menu"><ul>…</ul><div class="content">…)
        tallies = weigh(shown, menus=False)
    if not any(t.prose for t in tallies.values()):
        # …or in an element named as the page's margin: a template naming the text's own region so
        # (<div class="content-top"><h3>…</h3></div><div class="content-footer"><p>亲爱的读者：…)
        tallies = weigh(shown, menus=False, margins=False)
    if not any(t.prose for t in tallies.values()):
        return _table_document(blocks, tallies)
    # the whole page (<body>) adds up the prose of all its regions: the text is always in one of them
    best = max((el for el in tallies if el.tag not in _PAGE_TAGS), key=lambda el: tallies[el].score, default=None)
    if best is None:
        best = max(tallies, key=lambda el: tallies[el].score)
    # (narrowed past a page's other prose, the best may be the element holding both copies)
    best = _one_region(_narrowed(_one_region(best, tallies), tallies), tallies)
    best = _data_table(_widened(best, tallies, blocks), tallies)
    header = document_header(blocks)
    best = _signed_off(_after_headline(_whole_sections(best), blocks, tallies, header), blocks, tallies)
    if (box := _headed_box_after(best, blocks, tallies, header)) is not None:
        found = find_container(partition(blocks, box)[1], apart)  # the page as it would be without the box
        if apart is not None and found is not None and holds(found, box):
            apart.append(box)
        return found
    if apart is not None and (box := _headed_box_before(best, blocks, tallies, header)) is not None:
        apart.append(box)
    if tallies[best].prose < SHORT_TEXT and (end := _footer_start(blocks)) is not None and _starts_after(best, blocks, end):
        return find_container(blocks[:end], apart)  # a box of prose after the site's footer is the site's
    best = _under_headline(best, blocks, tallies, header)
    if best is None:  # no prose is the page's own: its document is a table of data, or nothing
        return _table_document(blocks, tallies)
    best = _sections_around(best, blocks, tallies)
    if (table := _table_beside(best, blocks, tallies)) is not None:
        return table
    top = tallies[best]
    if top.prose == 0:
        return None
    # prose printed before the document's header, beside the text: no container of the CMS's
    # around the text holds it
    text = set(best.iter())
    side = {owner for owner in _prose_owners(blocks[:header[0]]) if owner not in text} if header else set()
    known = []
    for el, tally in tallies.items():
        rank = _known_rank(el) if isinstance(el.tag, str) else None
        if rank is None:
            continue
        if holds(best, el):  # narrower: must keep most of the prose
            ok = tally.prose >= 0.8 * top.prose
        elif holds(el, best):  # wider: the CMS's container around it, not a page column nor both copies,
            # nor one holding prose printed before the headline
            ok = (tally.score >= 0.5 * top.score and tally.links <= 0.3 * tally.total and not _beside_copy(el, best, tallies)
                  and not any(holds(el, owner) for owner in side))
        else:  # elsewhere: a document of table cells and short lines, beside a prose footer
            ok = tally.prose + tally.other >= 2 * top.prose and tally.links <= 0.2 * tally.total
        if ok:
            known.append((rank, el))
    if not known:
        return best
    found = min(known, key=lambda pair: pair[0])[1]
    if apart is not None and found is not best and holds(found, best):  # the CMS's container around the text may hold a right column's headed box
        for around in best.iterancestors():
            apart.extend(box for box in (_headed_box_after(around, blocks, tallies, header),
                                         _headed_box_before(around, blocks, tallies, header)) if box is not None)
            if around is found:
                break
    return found


_PAGE_TAGS = frozenset({"body", "html"})
_FOOTER = re.compile("|".join(map(re.escape, FOOTER_MARKS)))


def _footer_start(blocks: list[Block]) -> int | None:
    """Where the site's footer begins: the first shown line only a footer prints (ICP备…)."""
    return next((i for i, b in enumerate(blocks) if not b.hidden and len(b.text) <= FURNITURE_LENGTH
                 and _FOOTER.search(b.text)), None)


def _starts_after(el, blocks: list[Block], end: int) -> bool:
    """Whether all of `el`'s text comes at or after blocks[end]."""
    return not any(holds(el, b.owner) for b in blocks[:end])


SHORT_TEXT = 300  # characters of prose: a text this short can lose to a box of prose beside it


def _under_headline(best, blocks: list[Block], tallies: dict, header: tuple[int, bool] | None):
    """A short text (现将《…》予以公布，详见附件) can weigh less than a box of prose in a side
    column (领导致辞, 温馨提示). The document's text is the prose that follows the page's
    headline: when the best-scoring element does not hold it, the best-scoring element that
    does (and does not hold the other) is the container. A page without a headline has its
    metadata block for a header: a box of prose wholly before that is not its text either. On a
    page whose text is only an attachment or an image, no prose follows the headline: a box
    wholly before it is beside that text, and the page has none (None). `header`: where the
    document's header ends (document_header)."""
    if tallies[best].prose >= SHORT_TEXT or header is None:
        return best
    end, by_headline = header
    at, anchor = _first_prose_after(blocks, end)
    if anchor is None:
        return None if by_headline and _ends_before(best, blocks, end) else best
    if holds(best, anchor.owner):
        return best
    # without a headline, the metadata may close the text: only a box wholly before the metadata,
    # or wholly after the first prose following it, is beside the text
    if not by_headline and not (_ends_before(best, blocks, end) or _starts_after(best, blocks, at + 1)):
        return best
    if (joined := _continued_by(anchor, best, blocks)) is not None:
        return joined
    around = [el for el in anchor.owner.iterancestors() if el in tallies and not holds(el, best)]
    return max((anchor.owner, *around), key=lambda el: tallies[el].score)  # a shown block's owner is weighed


def _after_headline(best, blocks: list[Block], tallies: dict, header: tuple[int, bool] | None):
    """The best-scoring element may hold the page's headline with a box of prose printed before
    it (a side column's 简介 of the office beside the text's column, no links to tell it from
    the text): the text is the prose after the headline. When most of the element's prose comes
    after its headline, the widest element holding that prose and none of the prose before it."""
    if header is None or not holds(best, blocks[header[0]].owner):
        return best
    end, by_headline = header
    members = set(best.iter())
    before = [owner for owner in _prose_owners(blocks[:end]) if owner in members]
    at, anchor = _first_prose_after(blocks, end)
    if not before or anchor is None:
        return best
    inner = _widest_apart(anchor.owner, best, tallies, before)
    # without a headline the metadata may close the text (printed under it): then the prose
    # before it is the text, and what follows is the page's; most of the prose must follow,
    # unless what comes before is a box under a heading of its own (a left column's 单位简介)
    return inner if inner is not None and (by_headline or tallies[inner].prose * 2 > tallies[best].prose
                                           or _headed_apart(before[0], anchor.owner, best, tallies, blocks)) else best


def _headed_apart(el, other, best, tallies: dict, blocks: list[Block]) -> bool:
    """Whether `el` stands in a box under a heading of its own inside `best`, apart from `other`."""
    box = _widest_apart(el, best, tallies, [other])
    return box is not None and _under_own_heading(box, blocks)


def _widest_apart(el, best, tallies: dict, apart: list):
    """The widest of `el` and its ancestors inside `best` (not `best`) that is weighed and holds
    none of the elements `apart`; None when none is."""
    found = None
    while el is not None and el is not best:
        if el in tallies and not any(holds(el, owner) for owner in apart):
            found = el
        el = el.getparent()
    return found


def _prose_owners(blocks: list[Block]) -> list:
    """The elements of the shown prose among blocks: what says a box of text stands there."""
    return [b.owner for b in blocks if not b.hidden and is_prose(b)]


def _signed_off(best, blocks: list[Block], tallies: dict):
    """The best-scoring element may hold the text and, after its signature (an issuing office,
    the date under it), a box of prose in another element (a right column's 简介, printed after
    the text): the text ends at its signature. The widest element holding the signature and
    none of that prose, when it holds most of the prose before it; not when an annex follows
    the signature (附件：…, the annex's own text after it is the document's)."""
    inside = [b for b in blocks_inside(blocks, best) if not b.hidden and b.text.strip()]
    at = signed_at([b.text.strip() for b in inside])
    if at is None:
        return best
    rest = inside[at + 1:]
    after = [b.owner for b in rest if is_prose(b)]
    if not after or any(ANNEX_LINE.match(b.text) or ANNEX_HEADING.match(b.text) for b in rest):
        return best
    prose = [len(unspaced(b.text)) if is_prose(b) else 0 for b in inside]
    before, later = sum(prose[:at]), sum(prose[at + 1:])
    if later * 2 > before:
        return best  # as long as half the text: a document printed after the notice issuing it (its annex)
    inner = _widest_apart(inside[at].owner, best, tallies, after)
    return inner if inner is not None and tallies[inner].prose * 2 > before else best


MAX_BOX_HEADING = 12  # characters of a box's own heading (领导致辞, 网站简介, 温馨提示)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_DIGITS = re.compile(r"\d+")


def _headed_box_after(best, blocks: list[Block], tallies: dict, header: tuple[int, bool] | None):
    """The best-scoring element may hold the text and, after it, a box of prose under a heading
    of its own (a right column's <h3>领导致辞</h3>, printed after the text): when the text does not
    sign off, that heading is what sets the box apart. The box is the last of the element's
    children to hold prose, and is not a part of the text: no annex (附件), no numbered section,
    no sibling of the text's element named alike (WordSection1, WordSection2). It holds less prose
    than the children before it, or, when it holds more (a short notice's), comes after the
    document's header; else None."""
    children = [child for child in best if child in tallies and tallies[child].prose]
    if len(children) < 2:
        return None
    box, text = children[-1], max(children[:-1], key=lambda child: tallies[child].prose)
    bigger = tallies[box].prose >= sum(tallies[child].prose for child in children[:-1])
    if _named_alike(box, text) or bigger and (header is None or not header[1]):
        return None
    if not _under_own_heading(box, blocks) or bigger and not _starts_after(box, blocks, header[0] + 1):
        return None
    if bigger and all(_ends_before(child, blocks, header[0]) for child in children[:-1]):
        return None  # (before it only the document's header, its headline: the box under the column's heading is the text)
    return box


def _headed_box_before(best, blocks: list[Block], tallies: dict, header: tuple[int, bool] | None):
    """A box of prose under a heading of its own (a left column's <h3>领导致辞</h3>) first among
    the children of the element holding the text, printed before the document's headline: not
    the text, which follows its headline or its metadata. None when the page shows neither, the
    box holds them (a short title over its text), or, the page showing no headline, the box holds
    as much prose as the rest (a text whose metadata is printed under it)."""
    if header is None:
        return None
    children = [child for child in best if child in tallies and tallies[child].prose]
    if len(children) < 2:
        return None
    box = children[0]
    if (not _ends_before(box, blocks, header[0]) or holds(box, blocks[header[0]].owner)
            or not header[1] and tallies[box].prose >= sum(tallies[child].prose for child in children[1:])):
        return None
    return box if _under_own_heading(box, blocks) else None


def _under_own_heading(box, blocks: list[Block]) -> bool:
    """Whether a box opens with a short heading (h1–h6) that is no part of a text: no annex, no
    numbered section."""
    inside = [b for b in blocks_inside(blocks, box) if not b.hidden and b.text.strip()]
    heading = inside[0] if inside else None
    return not (heading is None or is_prose(heading) or len(heading.text.strip()) > MAX_BOX_HEADING
                or not any(el.tag in _HEADINGS for el in (heading.owner, *heading.owner.iterancestors()) if holds(box, el))
                or ANNEX_HEADING.match(heading.text) or ANNEX_LINE.match(heading.text) or opens_section(heading.text.strip()))


def _whole_sections(best):
    """A text printed in sections named alike (a Word export's WordSection1, WordSection2, the
    second often only its closing lines and signature): the element holding them all, when the
    best-scoring element is one of them and nothing else in its parent prints text, nor copies
    it (a phone's rendition, chosen apart by _one_region)."""
    parent = best.getparent()
    if parent is None or parent.tag in _PAGE_TAGS or not (best.get("class") or best.get("id")):
        return best  # (most pages: the text's element is named by no section number)
    alike = False
    for child in parent:
        if child is best or not isinstance(child.tag, str):
            continue
        if not _named_alike(child, best):
            if child.text_content().strip():
                return best
        elif child.text_content().strip():
            if _copies(child, best):
                return best
            alike = True
    return parent if alike else best


def _named_alike(one, other) -> bool:
    """Named, with the same tag, class and id but for their figures: parts of one text."""
    def name(el) -> tuple:
        return el.tag, _DIGITS.sub("", el.get("class") or ""), _DIGITS.sub("", el.get("id") or "")
    return bool(one.get("class") or one.get("id")) and name(one) == name(other)


def _continued_by(anchor: Block, best, blocks: list[Block]):
    """The element holding both the first prose after the headline and the best-scoring element
    when that prose is a salutation (各省、自治区…，国家电网公司：) and the element's text comes
    right after it: one text, not a box beside it. None otherwise, or when only the page holds
    both."""
    if not anchor.text.rstrip().endswith(("：", ":")):
        return None  # (a short text ending in a sentence has a side box after it, not its rest)
    shown = [b for b in blocks if not b.hidden]
    at = next((i for i, b in enumerate(shown) if b is anchor), None)
    if at is None or at + 1 >= len(shown) or not holds(best, shown[at + 1].owner):
        return None
    both = next((a for a in anchor.owner.iterancestors() if holds(a, best)), None)
    return both if both is not None and both.tag not in _PAGE_TAGS else None


def document_header(blocks: list[Block]) -> tuple[int, bool] | None:
    """Where the document's header ends, and whether that is its headline: the last block of the
    page's headline (pipeline.title.headline), or the line printing the title its head names when
    no headline says that title (a div.title, or a footer's h1 taken for the headline), else the
    first labelled value of its metadata."""
    tree = blocks[0].owner.getroottree() if blocks else None
    head = headline(tree) if tree is not None else None
    titles = named_titles(tree) if tree is not None else frozenset()
    if titles and (head is None or headline_text(head.text_content()) not in titles):
        longest = 2 * max(map(len, titles))  # (a block much longer than every title is none, however spaced)
        line = next((i for i, b in enumerate(blocks) if not b.hidden and len(b.text) <= longest
                     and _says_title(clean_text(b.text), titles)), None)
        if line is None:
            line = _title_broken(blocks, titles)
        if line is not None:
            return line, True
    if head is not None:
        members = set(head.iter())
        inside = [i for i, b in enumerate(blocks) if b.owner in members]
        return (inside[-1], True) if inside else None
    value = (first_labelled(blocks) or [None])[-1]
    at = next((i for i, b in enumerate(blocks) if value is not None and holds(value, b.owner)), None)
    return (at, False) if at is not None else None


MIN_TITLE = 8  # characters of a line printing a title a <title> names with a column's name after it
_NAME_AFTER = "_|｜"  # what sets a <title>'s column and site names after its title apart (never a title's own)
MAX_TITLE_LINES = 4  # lines a title printed over its text is broken into (<br>, no mark of a headline)


def _title_broken(blocks: list[Block], titles: frozenset[str]) -> int | None:
    """The last of the consecutive lines that print, together, a title the page's head names
    (全国人民代表大会常务委员会<br>关于批准…及<br>调整…的决议, set in the text's first paragraph),
    or None."""
    whole = {unspaced(title) for title in titles}
    for i, block in enumerate(blocks):
        so_far = unspaced(block.text)
        if block.hidden or not so_far or not any(t.startswith(so_far) and t != so_far for t in whole):
            continue
        for j in range(i + 1, min(i + MAX_TITLE_LINES, len(blocks))):
            so_far += unspaced(blocks[j].text)
            if any(so_far == t or adds_name(t, so_far) or t.startswith(so_far) and t[len(so_far)] in _NAME_AFTER for t in whole):
                return j
            if not any(t.startswith(so_far) for t in whole):
                break
    return None


def _says_title(line: str | None, titles: frozenset[str]) -> bool:
    """Whether a line prints one of the titles the page's head names, or one of them without the
    column's name the <title> adds (…检查消防安全 德育之窗)."""
    return bool(line) and (line in titles or len(line) >= MIN_TITLE and any(adds_name(title, line) for title in titles))


def _ends_before(el, blocks: list[Block], end: int) -> bool:
    """Whether none of `el`'s text comes after blocks[end]."""
    return not any(holds(el, b.owner) for b in blocks[end + 1:])


_NUMBERED = re.compile(r"^([一二三四五六七八九十]{1,3})、")
_NUMERALS = "一二三四五六七八九十"
MIN_SECTIONS = 3


def _sections_around(best, blocks: list[Block], tallies: dict):
    """A notice printed as numbered sections in cells and short lines (一、项目编号： … 二、项目名称：
    … 三、中标信息, a 中标公告's table) has little prose to weigh, and the best-scoring element
    can be one sentence of it: when a short text's element does not hold the page's run of
    sections 一、二、三、…, the innermost element holding that run is the container."""
    if tallies[best].prose >= SHORT_TEXT:
        return best
    sections = [(m.group(1), b.owner) for b in blocks if not b.hidden and (m := _NUMBERED.match(b.text.strip()))
                and m.group(1) in _NUMERALS[:MIN_SECTIONS]]
    openers = [owner for _, owner in sections[:MIN_SECTIONS]]
    if "".join(number for number, _ in sections[:MIN_SECTIONS]) != _NUMERALS[:MIN_SECTIONS] or all(
            holds(best, el) for el in openers):
        return best
    around = next((a for a in openers[0].iterancestors() if all(holds(a, el) for el in openers)), None)
    return around if around is not None and around.tag not in _PAGE_TAGS and around in tallies else best


def _table_beside(best, blocks: list[Block], tallies: dict):
    """A document that is a table of data (a list of licences, a 行政处罚 record) on a page with a
    little prose elsewhere (a 领导致辞 box, a note): when the best prose is short and such a
    table apart from it holds twice its text, that table, else None."""
    if tallies[best].prose >= SHORT_TEXT:
        return None
    table = _table_document(blocks, tallies)
    if table is None or holds(table, best) or holds(best, table) or tallies[table].other < 2 * tallies[best].total:
        return None
    return table


def _first_prose_after(blocks: list[Block], end: int) -> tuple[int, Block | None]:
    """Where the first prose block after blocks[end] stands, and that block, as weigh counts it:
    not a menu's or a footer's, nor a metadata value, nor (part of) the headline printed again
    over the text (a title with a comma reads as prose)."""
    regions = Regions()
    headline_words = unspaced(blocks[end].text) if end < len(blocks) else None
    return next(((i, b) for i, b in enumerate(blocks[end + 1:], start=end + 1) if not b.hidden and is_prose(b)
                 and not (regions.navigation(b.owner) or regions.margin(b.owner) or _labelled_value(b))
                 and not (headline_words and unspaced(b.text) in headline_words)),
                (len(blocks), None))


MIN_TABLE_ROWS = 3
MIN_TABLE_TEXT = 60  # characters: less is a form or a layout table, not a document


def _table_document(blocks: list[Block], tallies: dict):
    """A page without prose whose document is one table of data (licences to collect, approved
    projects): the table holding the most text, of rows of cells with no table inside, not
    mostly links, not in the page's chrome and not its metadata block (labelled cells)."""
    def is_document(table) -> bool:
        tally = tallies[table]
        rows = table.xpath(".//tr")
        if (table.find(".//table") is not None or len(rows) < MIN_TABLE_ROWS
                or tally.other < MIN_TABLE_TEXT or tally.links > LINK_SHARE * tally.total or in_chrome(table)):
            return False
        # a metadata table is labelled row after row; a cell of records may hold a label or two
        # (发布时间：… 来源：… in a row's 备注)
        pairs = list(labelled_pairs(blocks_inside(blocks, table)))
        labelled_rows = {next((a for a in holders[0].iterancestors() if a.tag == "tr"), None) for _, _, holders in pairs}
        return len({name for name, _, _ in pairs}) < 2 or 2 * len(labelled_rows - {None}) < len(rows)

    tables = [el for el in tallies if isinstance(el.tag, str) and el.tag == "table" and is_document(el)]
    return max(tables, key=lambda t: tallies[t].other, default=None)

