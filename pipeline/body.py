"""The document's text line by line: what a line is (prose, the page's furniture, a section's
opening, a 附件 line), and the lines of the element holding the text (pipeline.container finds it),
one a paragraph, table row or list item.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from pipeline.blocks import SKIP_TAGS, Block, hides_by_class, hides_by_style, is_hidden, leads_away
from pipeline.labels import label_matches
from pipeline.vocab import ATTACHMENT_EXTENSIONS, BOILERPLATE_LINES, TOOL_WORDS

SENTENCE_MARKS = re.compile(r"[。；，！？]")
SPACE = re.compile(r"\s+")


def unspaced(text: str) -> str:
    """The text without whitespace of any kind (str.split knows the same spaces as \\s, \\u3000 and
    \\xa0 too, and is several times faster than a pattern on the blocks of every page)."""
    return "".join(text.split())


MIN_PROSE = 8  # characters a block needs (with sentence punctuation) to count as prose


_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINES))
ANNEX_LINE = re.compile(r"^\s*[【\[]?\s*附\s*件\s*\d{0,2}\s*[】\]]?\s*[:：]")  # 附件：…, 附件1：…, 【附件1】：…
ANNEX_HEADING = re.compile(r"^\s*附\s*件\s*\d{0,2}\s*$")  # the heading over an annex, alone (附件, 附件1); 附件： opens a download list
FILE_HREF = re.compile(rf"\.(?:{'|'.join(ATTACHMENT_EXTENSIONS)})(?:$|[?#])", re.I)  # a link to a file


FURNITURE_LENGTH = 150  # longer lines are never page furniture (and not worth the patterns' time)


def is_furniture(text: str, template: frozenset = frozenset()) -> bool:
    """A line every page of a site carries (its template), or of a kind every site does."""
    if text in template or len(text) > FURNITURE_LENGTH:
        return text in template
    return _furniture_line(text)


@lru_cache(maxsize=8192)
def _furniture_line(text: str) -> bool:
    """(Cached: extraction asks of a line two or three times, and sites repeat their lines.)"""
    tokens = [t for t in _TOOL_SEPARATORS.split(text) if t]
    if not tokens:
        return bool(text.strip())  # separators alone (the | between two tools, printed on a line of its own)
    return bool(all(t.upper() in TOOL_WORDS or len(t) <= MAX_TOOL_RUN and _TOOL_RUN.fullmatch(t) for t in tokens)
                or _BOILERPLATE.fullmatch(text))


def forget_lines() -> None:
    """Forget what was cached of lines (a benchmark starts each pass as a first page would)."""
    _furniture_line.cache_clear()
    _prose.cache_clear()
    _labelled_values.cache_clear()
    label_matches.cache_clear()
    hides_by_class.cache_clear()
    hides_by_style.cache_clear()


_TOOL_SEPARATORS = re.compile(r"[\s【】\[\]〖〗|｜/:：·>»<«、←→]+")
MAX_TOOL_RUN = 16  # characters: tool words run together are short
# tool words run together (打印关闭, 收藏打印), the longest first so 打印本页 is not 打印 + 本页
_TOOL_RUN = re.compile("(?:%s)+" % "|".join(re.escape(w) for w in sorted(TOOL_WORDS, key=len, reverse=True)), re.I)


_STRUCTURE = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def opens_section(text: str) -> bool:
    """Whether a line opens a part of the text's structure (一、…, 第一条, （一）)."""
    return bool(_STRUCTURE.match(text))


def is_prose(block: Block) -> bool:
    return _prose(block.text, block.link_chars)


@lru_cache(maxsize=8192)
def _prose(text: str, link_chars: int) -> bool:
    """(Cached: the container's weighing, the labels' and the header's readers ask of each block.)"""
    # (the patterns last: most blocks are too short to ask)
    return (len(text) - link_chars >= MIN_PROSE and link_chars * 2 < len(text) and bool(SENTENCE_MARKS.search(text))
            and not is_furniture(text) and not _labelled_values(text))


MAX_VALUES_LINE = 400  # characters: a metadata block printed as one line is shorter


@lru_cache(maxsize=4096)
def _labelled_values(text: str) -> bool:
    """A metadata block printed as one line (索引号：… 文号：… 发布机构：… 内容概述 物业管理；监管):
    it opens with a label and holds another, its punctuation a value's, not a sentence's."""
    if len(text) > MAX_VALUES_LINE or "：" not in text and ":" not in text:
        return False
    matches = label_matches(text)
    return len(matches) >= 2 and not text[:matches[0].start()].strip()


MAX_EMPTY_HEADING = 12  # characters


def empty_heading(text: str) -> bool:
    """A short line ending in a colon with nothing after it (相关附件：): a section the page left empty."""
    text = text.strip()
    return len(text) <= MAX_EMPTY_HEADING and text.endswith((":", "："))

def _to_file(link) -> bool:
    """A link to a file: its href names one, or, where a script fetches it (href="javascript:;"),
    its title or alt does (<a class="nfw-cms-attachment" href="javascript:;" alt="2020zgc01.pdf">《…办法》</a>)."""
    return any(FILE_HREF.search((link.get(name) or "").strip()) for name in ("href", "title", "alt"))


_BLOCK_NEWLINE = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 table ul ol dl dt dd section article blockquote pre center".split()
)


_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


class Line(NamedTuple):
    text: str
    link_chars: int
    to_file: bool = False  # holds a link to a file (<a href="….docx">示例项目</a>)
    heading: bool = False  # printed in a heading (<h4>凝心聚力推动高质量发展</h4>)

    @property
    def is_link(self) -> bool:
        """Mostly link text: a related-link, a download, a navigation entry."""
        return self.link_chars * 2 > len(unspaced(self.text))


def container_lines(el, skip: Iterable = ()) -> list[Line]:
    """The container's text, one line per paragraph, table row or list item (cells of a row
    joined by spaces), without the elements in `skip` (metadata found inside it)."""
    skip = set(skip)
    lines: list[Line] = []
    buf: list[str] = []
    link = 0  # characters of link text in buf
    to_file = False
    headings = 0  # headings open around the words
    # (a line is ended where an element of its own opens or closes, written out at both places:
    # a call per line cost a fiftieth of reading a page; str.split knows the spaces \s does, and
    # runs faster)

    # lxml walks the tree (as in pipeline.blocks); per open element: inside a link, a line of
    # its own, a cell, inside a link for its tail
    frames: list[tuple] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, item in walker:
        if event == "end":
            inner, own_line, cell, tail_link = frames.pop()
            if own_line:
                if buf:
                    if text := " ".join("".join(buf).split()):
                        lines.append(Line(text, min(link, len(text)), to_file, headings > 0))
                    buf.clear()
                link, to_file = 0, False
                if item.tag in _HEADINGS:
                    headings -= 1
            elif cell:
                buf.append(" ")
            if item is not el and (tail := item.tail):  # (lxml decodes text anew on each access)
                buf.append(tail)
                if tail_link:
                    link += len(unspaced(tail))
            continue
        in_link = frames[-1][0] if frames else False
        tag = item.tag
        tag = tag.lower() if isinstance(tag, str) else None
        if tag is None or tag in SKIP_TAGS or item in skip or item is not el and _hidden_note(item):
            walker.skip_subtree()
            frames.append((in_link, False, False, in_link))
            continue
        inner = in_link or (tag == "a" or "onclick" in item.attrib) and leads_away(item)
        own_line = tag in _BLOCK_NEWLINE
        if own_line:
            if buf:
                if text := " ".join("".join(buf).split()):
                    lines.append(Line(text, min(link, len(text)), to_file, headings > 0))
                buf.clear()
            link, to_file = 0, False
            if tag in _HEADINGS:
                headings += 1
        elif tag == "a" and _to_file(item):
            to_file = True
        frames.append((inner, own_line, tag in ("td", "th"), in_link))
        if text := item.text:
            buf.append(text)
            if inner:
                link += len(unspaced(text))
    if buf and (text := " ".join("".join(buf).split())):
        lines.append(Line(text, min(link, len(text)), to_file, headings > 0))
    return lines


def _hidden_note(el) -> bool:
    """A short element the page hides (display:none: a heading kept for print, a tool's label):
    not shown, not text. Longer hidden text may be the document's, folded (展开全文)."""
    return bool(el.attrib) and is_hidden(el) and len(unspaced(el.text_content())) <= MAX_HIDDEN_NOTE


MAX_HIDDEN_NOTE = 20  # characters


def text_of(el) -> str:
    return SPACE.sub(" ", " ".join(el.itertext()) if isinstance(el, etree._Element) else "").strip()
