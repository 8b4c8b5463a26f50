"""The title found by where it stands: the headline printed over the document's text.

When a page's <title> and headings name only the site, the block just above the text (or a
heading at its head) that reads as a title is the document's, passing over what a header puts
between them: dates, labelled values, tools, bylines, a 副题, a 文号, the breadcrumb.
"""
from __future__ import annotations

import re

from pipeline.blocks import class_words, holds, layout_table, table_of_cell
from pipeline.breadcrumb import LEAD
from pipeline.body import is_furniture, is_prose, opens_section
from pipeline.dates import DATE_BESIDE_NAME, date_alone
from pipeline.lines import (
    BARE_LABEL,
    BREADCRUMB_LINE,
    DATE_ONLY,
    FIGURES_DATE,
    FIGURES_DAY,
    LABEL_LINE,
    MAX_TITLE,
    MIN_TITLE,
    PHONE,
    REPORTERS_LINE,
    header_line,
    is_doc_no,
    metadata_line,
    speaker_headline,
)
from pipeline.normalize import HAN, clean_text, ends_as_office
from pipeline.title import SUBTITLE_DASH, headline_text, is_name
from pipeline.vocab import METADATA_HEADINGS, OFFICE_LABEL_ENDINGS, SUBTITLE_NAMES


def title_over_text(page: list, container, columns: tuple[str, ...] = (), skip: list = ()) -> str | None:
    """The headline printed over the document's text, found by where it stands, not by its
    tag or class: a heading at the head of the text's container, else the nearest block above
    it that reads as a title. Dates, labelled values (those in `skip`, the metadata block's),
    tools, links, contacts, short captions, a 副题 and steps of the breadcrumb between them are
    passed over (a headline run into its labelled date is read up to the label); prose ends
    the search. The structural source of a title when the page's
    <title> and headings name only the site."""
    if container is None:
        return None
    members = set(container.iter())  # (one set of its elements, not a walk up from every block before it)
    first = next((i for i, block in enumerate(page) if block.owner in members), None)
    if first is None:
        return None
    if _over_byline(page, first, container):
        return headline_text(page[first].text)
    head = range(first, min(first + ABOVE_SPAN, len(page)))
    head = head[:next((n for n, i in enumerate(head) if not holds(container, page[i].owner) or is_prose(page[i])), len(head))]
    labelled = [el for el in skip if el is not None]
    # inside the container, only a heading printed at its head: its other short lines are the
    # document's own header (issuing offices, a title over two lines, a speaker)
    in_data_table = _DataCells()
    for run, heading_only in ((head, True), (_upward(page, first, labelled, in_data_table), False)):
        for i in run:
            block = page[i]
            line = headline_text(block.text)
            # above the text, a line is read with the lines its element prints over it: a title
            # broken by <br> is judged whole (…召开干 / 部职工大会…, the second alone an office's name)
            # (not a date alone: …副主编<br><small>2012年8月27日</small> is the title and the page's date)
            whole = not heading_only and line and header_line(line) and not is_furniture(block.text) and not date_alone(block.text)
            text = _whole_element(page, i, line) if whole else line
            if (block.hidden or not text or text in columns or _passed_over(text, block) or _names_dated(block.text, line)
                    or _SUBTITLE.search(f"{block.owner.get('class')} {block.owner.get('id')}")  # (named 引题 or 副题)
                    or not heading_only and in_data_table(block.owner)  # a cell's heading (代理机构联系方式)
                    or i and _value_under(page[i - 1], block) or _VALUE_AFTER_COLON.match(block.text)
                    or line == clean_text(block.text) and any(holds(el, block.owner) for el in labelled)):
                continue
            # (at the head of the container, a heading; or a line over a byline, its headline
            # printed as a plain block: <div class="title">…</div> / 2022-02-13 04:22 来源：…)
            if (_titled(text) or not heading_only and _over_byline(page, i, container, text)) and (
                    not heading_only or block.owner.tag in HEADING_TAGS or _over_byline(page, i, container, text)):
                return _over_subtitle(page, i, labelled) or _whole_element(page, i, line)  # (a headline with a comma counts as prose too)
            break
    return None


def _value_under(above, block) -> bool:
    """Whether a line is the value of a label alone on the line above it (发布机构： / 示例局), in
    the same element or beside it; a clock's empty label (当前时间：, its date written by script)
    in the bar over another region labels nothing there."""
    parent = block.owner.getparent()
    return bool(BARE_LABEL.fullmatch(above.text.strip())) and (parent is None or holds(parent, above.owner))


class _DataCells:
    """Whether an element is printed in a cell of a table of data, each table judged once."""

    def __init__(self) -> None:
        self.tables: dict = {}

    def __call__(self, el) -> bool:
        table = table_of_cell(el)
        if table is None:
            return False
        if table not in self.tables:
            self.tables[table] = not layout_table(table)
        return self.tables[table]


def _upward(page: list, first: int, labelled: list, in_data_table):
    """The blocks above the text's first, nearest first: ABOVE_SPAN of them, not counting a
    metadata block's labels and values (a catalogue of eight rows may stand between a title
    and its text, printed twice: for the page and for its share poster) nor a table of data's
    cells (a notice's summary table)."""
    counted = 0
    for i in range(first - 1, max(-1, first - MAX_ABOVE - 1), -1):
        yield i
        text = page[i].text.strip()
        if not (BARE_LABEL.fullmatch(text) or LABEL_LINE.match(text) or _VALUE_AFTER_COLON.match(text)
                or any(holds(el, page[i].owner) for el in labelled) or in_data_table(page[i].owner)):
            counted += 1
            if counted >= ABOVE_SPAN:
                return


def _names_dated(raw: str, line: str) -> bool:
    """A byline of offices' names with its date after them (上海市统计局 国家统计局上海调查总队
    2025-03-25), which headline_text reads as the names alone."""
    return line != clean_text(raw) and all(is_name(part) for part in line.split())


def _over_byline(page: list, at: int, container, text: str | None = None) -> bool:
    """Whether the line at `at` (the first of the text's container, or one above it) is a title
    printed over a byline: the lines after it up to the text's first prose are all passed over
    and one is dated (听全文 / 2023-12-14 / 来源：…). Such a title may be worded as news is
    (…快速办理！); a document's own header has no date under its first line (its office, its 文号,
    its title over two lines)."""
    lead = page[at]
    text = text or headline_text(lead.text)  # (`text`: the line with those its element prints over it)
    if (lead.hidden or not text or len(text) > MAX_TITLE or "。" in text or _passed_over(text, lead)
            or opens_section(text) or text.endswith((":", "：")) or is_name(text)):
        return False
    dated = False
    for block in page[at + 1:at + ABOVE_SPAN]:
        line = clean_text(block.text)
        if block.hidden or not line:
            continue
        if is_prose(block) and holds(container, block.owner) or not _passed_over(line, block):
            break
        dated = dated or bool(DATE_ONLY.match(line) or FIGURES_DATE.match(line) or DATE_BESIDE_NAME.match(line)
                              or _ENDS_IN_DATE.search(line)
                              or (LABEL_LINE.match(line) or metadata_line(line)) and _A_DAY.search(line))
    return dated


def _over_subtitle(page: list, at: int, skip: list) -> str | None:
    """The heading of a higher rank right over the one found (<h2>山西品牌丝路行正式启动</h2>
    <h3>成功举办…推介会</h3>): that one is the 副题, printed without a dash. Not a heading
    passed over (`skip`: the trail printed as one, <h3>首页 - 新闻动态</h3>)."""
    rank = _RANK.get(page[at].owner.tag)
    above = page[at - 1] if at and rank else None
    if (above is None or above.hidden or _RANK.get(above.owner.tag, rank) >= rank
            or any(holds(el, above.owner) for el in skip)):
        return None
    text = headline_text(above.text)
    return text if text and not _passed_over(text, above) and _titled(text) else None



def _whole_element(page: list, at: int, text: str) -> str:
    """A title its element breaks over lines (`…税务局<br/>关于做好…的通知`), whole; or prints
    as a line and a block inside it, the element holding nothing else (`<div>…助企纾困<div>预计
    4年…</div></div>`)."""
    owner = page[at].owner
    lines = [b.text.strip() for b in page[max(0, at - 2):at] if b.owner is owner and header_line(b.text.strip())]
    if not lines and at and (above := page[at - 1]).owner is owner.getparent() and header_line(above.text.strip()) and (
            "".join(above.owner.text_content().split()) == "".join((above.text + page[at].text).split())):
        lines = [above.text.strip()]
    return "".join(lines + [text])


_RANK = {f"h{n}": n for n in range(1, 7)}  # h1 over h2 over h3 …
HEADING_TAGS = frozenset(_RANK)


ABOVE_SPAN = 12  # blocks between a title and its text: its source, date, 文号, tools one by one
MAX_ABOVE = 60  # blocks, a metadata block's labels and values counted
# a label's value on the line under it (主题分类： / 其他政策性文件), or after its colon, the label
# in a cell of its own before it (主题分类 / ：其他政策性文件)
_VALUE_AFTER_COLON = re.compile(r"^\s*[:：]")


def _passed_over(text: str, block) -> bool:
    """A line between a headline and its text: a date, a labelled value, a 文号 (alone or in a
    bar of words), a tool, a link, a contact, a caption too short for a title, a 副题 (——…综述), the reporters,
    a metadata block's heading, a byline ending in its date or naming a web address, a
    salutation's addressees (the title is over them), the breadcrumb, a 题注 (（…通过）)."""
    return (len(HAN.findall(text)) < MIN_TITLE or block.link_chars * 2 >= len(text) or is_furniture(text)
            or text in METADATA_HEADINGS
            or bool(DATE_ONLY.match(text) or FIGURES_DATE.match(text) or DATE_BESIDE_NAME.match(text) or metadata_line(text)
                    or LABEL_LINE.match(text) or BARE_LABEL.match(text) and not speaker_headline(text)
                    or BREADCRUMB_LINE.match(text) or LEAD.fullmatch(text) or any(map(is_doc_no, text.split())) or PHONE.search(text)
                    or _DOMAIN.search(text) or SUBTITLE_DASH.match(text) or _ENDS_IN_DATE.search(text)
                    or _DATED_NOTE.match(text) or REPORTERS_LINE.match(text)
                    or _addressees(text.rstrip(":： "))))


_SUBTITLE = class_words(SUBTITLE_NAMES)
# a sentence's end; a headline may ask or exclaim midway (宇航员在太空中喝酒会怎么样？后果很严重)
_STATEMENT_END = re.compile(r"[。；]")


def _titled(text: str) -> bool:
    """A line read as a title: short, not a sentence, not a part of a text's structure, not a
    note in brackets, not a salutation, not an office's or a site's name."""
    # (a headline may close on an exclamation or a question: …成功举行！; it may open on a tag in
    # brackets, (市交易中心) …招标公告, where a note is bracketed whole)
    return (len(text) <= MAX_TITLE and not _STATEMENT_END.search(text) and not opens_section(text)
            and not text.endswith((":", "：")) and not (text.startswith(("（", "(")) and text.endswith(("）", ")")))
            and not is_name(text))


def _addressees(text: str) -> bool:
    """A list of offices (莲都区人民政府，市直各单位): a salutation's addressees, no title."""
    parts = [p for p in _LIST_MARKS.split(text) if p]
    return len(parts) >= 2 and all(ends_as_office(p) or p.endswith(OFFICE_LABEL_ENDINGS) or p.startswith("各")
                                   for p in parts)


_LIST_MARKS = re.compile(r"[，、,]")


_DOMAIN = re.compile(r"(?:https?://|www\.)[\w-]+\.", re.A)  # a byline naming the site by its address
# a byline ends in its date in figures (国务院新闻办公室网站 www.scio.gov.cn 2019-04-12); a title does not
_ENDS_IN_DATE = re.compile(rf"{FIGURES_DAY}$")
# (in a labelled line: 发布时间：2022-02-13 04:22:18 来源：云南日报, 浏览次数：2355 发布时间：2018年07月02日)
_A_DAY = re.compile(rf"{FIGURES_DAY}|(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日")
# a 题注 under a title: a note in brackets giving the day it was adopted
# (（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）)
_DATED_NOTE = re.compile(r"^[（(][^（()）]*(?:19|20)\d{2}\s*年[^（()）]*[）)]$")
