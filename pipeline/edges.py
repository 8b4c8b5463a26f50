"""Where the document's text starts and ends among its container's lines.

A container holds more than the document: the document's header (文号 line, issuing offices,
the title printed again), tools (字号 大中小, 打印), related links, download lists, editor's
notes. They sit at the edges, so the text is trimmed from both ends, never cut in the middle
(a `时间：` line inside a meeting notice is text). What a site prints on every page (its
learned template) is trimmed the same way. The header's 文号 and the signature's date (落款,
read by pipeline.signature) are read on the way: they are the document's own statement of its
number and 成文日期.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.blocks import SKIP_TAGS, after_headline
from pipeline.body import ANNEX_LINE, SENTENCE_MARKS, Line, is_furniture, opens_section
from pipeline.dates import calendar_leaf, dated_line, header_date
from pipeline.dedup import normalized_body
from pipeline.lines import (
    BARE_LABEL,
    BREADCRUMB_LINE,
    DATE_ONLY,
    FIGURES_DATE,
    LABEL_LINE,
    LABELS,
    MAX_TITLE,
    PHONE,
    REPORTERS_LINE,
    SENTENCE_END,
    TAIL_HEADED,
    TAIL_HEADING,
    header_line,
    is_doc_no,
    labels_row,
    metadata_line,
    unlisted_label,
    value_line,
)
from pipeline.normalize import DOC_NO, DOCUMENT_KIND, FILE_NAME, HAN, normalize_doc_no
from pipeline.signature import DATE_LINE, MIN_LINK_LIST, SIGNED, signature_date, signed_at, signs
from pipeline.template import edges_of
from pipeline.title import SUBTITLE_DASH, is_name, without_date_after
from pipeline.vocab import (
    BOILERPLATE_BLOCKS,
    BOILERPLATE_MARKER_CHARACTERS,
    BOILERPLATE_MARKERS,
    DISCLAIMER_HEADINGS,
    DISCLAIMER_WORDS,
    DOCUMENT_NOTE_LABELS,
    IGNORED_LABELS,
    METADATA_HEADINGS,
    PROMOTION_HEADINGS,
    SITE_TIP_TAGS,
    TRAILING_LINKS,
    TRAILING_NOTE_ROLES,
)

_MARKERS = re.compile("|".join(BOILERPLATE_MARKERS))
_MARKER_HINT = re.compile(f"[{BOILERPLATE_MARKER_CHARACTERS}]")
_BLOCKS = re.compile("|".join(BOILERPLATE_BLOCKS), re.S)
# a line of the page's catalogue: a label no field keeps, with its value or an empty one (----),
# or any label in square brackets, its value after it ([实施日期]2024-12-05)
_CATALOGUE = "|".join(re.escape(label) for label in IGNORED_LABELS if label not in DOCUMENT_NOTE_LABELS)
_CATALOGUE_LINE = re.compile(rf"^(?:[【\[]\s*(?:{_CATALOGUE}|{'|'.join(map(re.escape, LABELS))})\s*[】\]]"
                             rf"|[（(]?(?:{_CATALOGUE})\s*[）)]?\s*(?:[:：]|$|[-—－]))")
DOC_NO_LEAD = re.compile(rf"^({DOC_NO})[\s\u3000]{{2,}}(?=\S)")  # 令第179号　　《…》已经…


HEAD_SPAN = 8  # the document's header (文号, issuing offices, title) is within its first lines
DISCLAIMER_SPAN = 8  # a site's notice under the text is among the container's last lines
PROMOTION_SPAN = 12  # and its promotions (a player, teasers, a list) are


@dataclass
class DocumentText:
    lines: list[str]
    doc_no: str | None = None  # the 文号 line of the document's header
    signed_at: str | None = None  # the date of its signature (落款), ISO
    edges: list[str] = field(default_factory=list)  # the container's edge lines, before trimming
    heading: str | None = None  # the title its header printed
    dated: str | None = None  # the date its header printed (a byline: 中国人民银行网站 2025-05-30), as printed

    @property
    def body(self) -> str | None:
        return "\n".join(self.lines) or None


def document_text(lines: list[Line], title: str | None, template: frozenset = frozenset(),
                  table: str | None = None, columns: tuple[str, ...] = ()) -> DocumentText:
    """The text's lines between its header and its tail (a line naming one of the page's
    `columns`, the breadcrumb's steps, is the header's). A document that is a table of data
    (`table`, see pipeline.container.table_kind) has no header printed above it but its title: its
    first row (序号, 当事人名称, 文号 …) starts it; a list of records ("rows") has no signature
    either: the date closing its last row is a record's."""
    lines = _split_doc_no(_without_server_code([c for c in map(_clean, lines) if c.text]))
    columns = frozenset(columns)
    start, doc_no, heading = ((_table_head(lines, title, template, columns), None, None) if table
                              else _head_end(lines, title, template, columns))
    end = _tail_end(lines, start, template)
    if _abstract_first(lines, start, end):
        start += 1
    start = _at_dateline(lines, start, end)
    kept = [line.text for line in lines[start:end]]
    if kept and (bare := _TRAILING_LINK.sub("", _TRAILING_NOTE.sub("", kept[-1]))):
        kept[-1] = bare
    signed_at = None if table == "rows" else signature_date(kept)
    dated = header_date([line.text for line in lines[:start]])
    return DocumentText(kept, doc_no, signed_at, edges_of([line.text for line in lines]), heading, dated)


# a news item's first sentence opening with its dateline: 本报讯（…）, 新华社北京5月9日电
_DATELINE = re.compile(r"^(?:本报讯|本报[\u4e00-\u9fa5]{1,6}讯|[\u4e00-\u9fa5]{2,10}(?:社|报|网|台)[\u4e00-\u9fa5]{0,8}"
                       r"\d{1,2}月\d{1,2}日电)")
DATELINE_SPAN = 3  # headline lines a paper prints over its dateline: 引题, 主题, 副题


def _at_dateline(lines: list[Line], start: int, end: int) -> int:
    """Where a news item's text starts when its first sentence opens with the dateline and the
    lines over it are headlines (a paper's 引题 and 主题, worded apart from the page's title:
    农用无人机和飞手都要“持证上岗” / 重庆梁平：… / 本报讯（全媒体记者…）近日，…)."""
    for at in range(start + 1, min(end, start + DATELINE_SPAN + 1)):
        if _DATELINE.match(lines[at].text):
            headlines = lines[start:at]
            return at if all(len(line.text) <= MAX_TITLE and not SENTENCE_END.search(line.text) and not line.is_link
                             for line in headlines) else start
    return start


MIN_ABSTRACT = 30  # characters: shorter lines repeat in any text (一、总体要求, a 目录's chapters)


def _abstract_first(lines: list[Line], start: int, end: int) -> bool:
    """Whether the text's first line, and it alone, is printed again further down: an editor's
    abstract over it (<div class="tips"><p>新片《热辣滚烫》讲述了…</p></div>, the text's own paragraph
    once more), not the first of a text printed twice (a phone's copy the sheet hides)."""
    if end - start < 2:
        return False
    first, second = ("".join(line.text.split()) for line in lines[start:start + 2])
    later = {"".join(line.text.split()) for line in lines[start + 2:end]}
    return (len(first) >= MIN_ABSTRACT and first in later and second not in later
            and not (BARE_LABEL.fullmatch(lines[start + 1].text) or LABEL_LINE.match(lines[start + 1].text)))


# a web editor's credit or the item's source in brackets run into the text's last sentence
# (…圆满成功。（通讯员：廖康）), or into the signature's date (2005年8月25日（来源：上海证券报）): the
# site's note, as on a line of its own; a newspaper's dateline
# there (（本报北京4月16日电 本报记者…）) has no label and stays
_TRAILING_NOTE = re.compile(rf"(?<=[。！？!?”日])\s*[（(]\s*(?:{'|'.join(TRAILING_NOTE_ROLES)})\s*[:：]\s*[^（）()]{{1,30}}[）)]\s*$")
_TRAILING_LINK = re.compile(rf"(?<=[。！？!?”])\s*(?:{'|'.join(TRAILING_LINKS)})\s*$")


# --- the head ----------------------------------------------------------------------------

def _furniture_run(lines: list[Line], template: frozenset, columns: frozenset) -> int:
    """How many lines of tools (分享 微信 微博, 打印), or naming the page's column, open the container."""
    return next((i for i, line in enumerate(lines) if not (is_furniture(line.text, template) or line.text in columns)),
                len(lines))


def _table_head(lines: list[Line], title: str | None, template: frozenset, columns: frozenset) -> int:
    """Where a table of data starts: after the page's tools and column, and its title printed as
    its first row or caption (2025年…抽查事项清单 over 序号 | 抽查项目 | …)."""
    start = _furniture_run(lines, template, columns)
    return start + _title_span(lines, start, title)


def _head_end(lines: list[Line], title: str | None, template: frozenset,
              columns: frozenset) -> tuple[int, str | None, str | None]:
    """Index of the text's first line, the 文号 its header printed, and the title it printed."""
    doc_no = heading = None
    start = _after_box(lines, title)
    in_header = False  # the line before was the title printed again, or the header's metadata
    under_title = False  # the line before was the title printed again
    while start < len(lines):
        text = lines[start].text
        under, under_title = under_title, False
        if span := _title_span(lines, start, title):
            start += span
            in_header = under_title = True
            continue
        if in_header and (_TITLE_DATE.match(text) or dated_line(text) or SUBTITLE_DASH.match(text) and len(text) <= MAX_TITLE
                          or _subtitle(lines, start, template, under)):
            start += 1  # the date printed under the title or its 来源 line, bare or as its 题注: （2024年6月3日）;
            continue  # or the title's 副题 (——示例市2024年工作综述, or undashed over the date line)
        if start + 1 < len(lines) and calendar_leaf(text, lines[start + 1].text):
            start += 2  # the date printed as a calendar's leaf in the header: 21 / 2024年02月
            in_header = True
            continue
        in_header = False
        if _CONTENTS.match(text):
            break  # a regulation's table of contents opens its text (目录 / 第一章 总则 / …), no header's kind
        if is_doc_no(text):
            doc_no = doc_no or normalize_doc_no(text)
        elif (LABEL_LINE.match(text) or metadata_line(text)) and not is_furniture(text, template):
            if not LABEL_LINE.match(text) and _pairs_run(lines, start):
                break  # a text that is labelled lines (所属行业：… / 所属地区：… / 中标人：…, a 中标公告)
            in_header = True  # (a tool's label, 字号：大 中 小, is no metadata a date under it belongs to)
        elif (BARE_LABEL.fullmatch(text) and not is_furniture(text, template) and start + 1 < len(lines)
              and header_line(lines[start + 1].text)):
            start += 2  # a label alone, its value on the line under it (公开事项名称: / 关于…的通知)
            in_header = True
            continue
        elif not (is_furniture(text, template) or _link_line(lines[start]) or text in METADATA_HEADINGS
                  or text in columns or BREADCRUMB_LINE.match(text) or _dated(lines, start, template) or FIGURES_DATE.match(text)
                  or _names_a_byline(lines, start) or REPORTERS_LINE.match(text) or _TAG_LINE.match(text)
                  or _links_heading(lines, start, template)):
            header = _header_span(lines, start, title)
            if not header:
                break
            printed = [line.text for line in lines[start:start + header]]
            doc_no = doc_no or next((normalize_doc_no(t) for t in printed if is_doc_no(t)), None)
            heading = heading or _printed_title(printed)
            start += header
            in_header = True
            continue
        start += 1
    return start, doc_no, heading


def _links_heading(lines: list[Line], at: int, template: frozenset) -> bool:
    """A short heading over a run of links at the text's head (热点栏目 / 资金流向 千股千评 …):
    the site's, not the text's. Not a title printed over the page's share tools (电力市场运行基本规则
    / 微信 微博 QQ空间)."""
    text = lines[at].text
    return (at + 1 < len(lines) and _link_line(lines[at + 1]) and not is_furniture(lines[at + 1].text, template)
            and _list_heading(text) and not DOCUMENT_KIND.search(text))


def _after_box(lines: list[Line], title: str | None) -> int:
    """Where the title is printed, when a box of prose comes first in the container (an office's
    简介 in a side column beside the headline): a document prints no sentence before its title."""
    for at in range(1, min(len(lines), BOX_SPAN + 1)):
        if _title_span(lines, at, title):
            before = lines[:at]
            prose = any(len(line.text) >= MIN_BOX_PROSE and SENTENCE_MARKS.search(line.text) for line in before)
            # (a decree's preamble, 《…办法》已经…通过，现予公布, names the text it publishes: the text's own)
            cites = any("《" in line.text or is_doc_no(line.text) for line in before)
            return at if prose and not cites else 0
    return 0


BOX_SPAN = 4  # lines of a box before the title: its heading and a paragraph or three
MIN_BOX_PROSE = 40  # characters of a paragraph of the box


def _subtitle(lines: list[Line], at: int, template: frozenset, under_title: bool) -> bool:
    """Whether the line at `at`, in the header, is the title's 副题 printed without a dash: a
    short line, no sentence, over the header's date or labelled line (凝心聚力推动高质量发展 /
    2024-06-05 来源：…), or a heading right under the title (`under_title`)."""
    line = lines[at]
    text = line.text
    if (len(text) > MAX_TITLE or not header_line(text) or text.endswith((":", "："))
            or is_furniture(text, template) or LABEL_LINE.match(text) or metadata_line(text) or is_doc_no(text)
            or all(map(is_name, text.split()))):
        return False  # (its issuing offices over its date, 宜春市统计局 国家统计局宜春调查队 / （2023年4月12日）: the text's own)
    if under_title and line.heading and len(HAN.findall(text)) >= MIN_SUBTITLE:
        return True  # (a heading of fewer words under it opens the text's first part: 中心简介 | About Us)
    below = lines[at + 1].text if at + 1 < len(lines) else ""
    return bool(_TITLE_DATE.match(below) or dated_line(below) or LABEL_LINE.match(below) or metadata_line(below))


MIN_SUBTITLE = 8  # characters of Chinese in a 副题 printed as a heading


PAIRS_RUN = 3  # labelled lines in a row, none a label the page's metadata uses: a text's own


def _pairs_run(lines: list[Line], start: int) -> bool:
    """Whether the lines from `start` are a run of values under labels no metadata block uses."""
    run = lines[start:start + PAIRS_RUN]
    return len(run) == PAIRS_RUN and all(value_line(line.text) and not LABEL_LINE.match(line.text) for line in run)


def _printed_title(printed: list[str]) -> str | None:
    """The title a header prints, over as many lines as it takes (全国人民代表大会常务委员会 /
    关于批准…及 / 调整…的决议): the last line ending in a document's kind, with the lines over it
    back to a 文号, a labelled line or another whole title."""
    end = next((n for n in range(len(printed), 0, -1) if DOCUMENT_KIND.search(printed[n - 1])), None)
    if end is None:
        return None
    begin = end - 1
    while begin > 0 and not (is_doc_no(above := printed[begin - 1]) or DOCUMENT_KIND.search(above)
                             or ":" in above or "：" in above):
        begin -= 1
    return "".join(printed[begin:end])


def _header_span(lines: list[Line], start: int, title: str | None) -> int:
    """How many lines from `start` are the document's header: the title printed again
    (possibly over several lines, under its issuing offices, with its 文号). The header is a run
    of short lines without sentence punctuation, ending at its last title or 文号 line (or, when
    its first line starts with the title, a news headline with its 引题/副题, at its last short
    line); what follows it (a byline, the salutation, a dateline) is the text."""
    keys = _title_keys(title)
    run = ""
    last = 0
    led = False  # a news headline led by the title (…座谈会强调 / 推动… / 李强蔡奇出席): all of it is header
    for n, line in enumerate(lines[start:start + HEAD_SPAN], start=1):
        text = line.text
        if not header_line(text) or text.endswith((":", "：")):
            break
        run += normalized_body(text)
        led = led or n == 1 and any(run.startswith(k) for k in keys)
        if (led or is_doc_no(text) or DOCUMENT_KIND.search(text) or n > 1 and SUBTITLE_DASH.match(text)
                or any(run == k or run.endswith(k) for k in keys)):
            last = n  # (a 副题 led by a dash under the headline's lines closes a header too)
    return last


def _title_span(lines: list[Line], start: int, title: str | None) -> int:
    """How many lines from `start` spell exactly the title (0 if they do not); a footnote
    mark the printed title carries (统计公报[1]) does not count."""
    keys = _title_keys(title)
    head = ""
    for n, line in enumerate(lines[start:start + HEAD_SPAN], start=1):
        head += _FOOTNOTE.sub("", normalized_body(without_date_after(line.text)))  # (a date run into it aside)
        if head in keys:
            return n
        if not any(k.startswith(head) for k in keys):
            return 0
    return 0


_FOOTNOTE = re.compile(r"\[\d{1,2}\]$")


@lru_cache(maxsize=16)
def _title_keys(title: str | None) -> frozenset[str]:
    """(Cached for the page being read: the header's reader asks of its title at every line it
    passes. A few entries: a benchmark's next pass finds none of its pages' titles left.)"""
    if not title:
        return frozenset()
    # a title naming a book or a text whole (《中国式现代化发展之路》全文) prints its name bare over it
    bare = _WHOLE_TEXT.sub("", title.replace("《", "").replace("》", ""))
    return frozenset({normalized_body(title), normalized_body(_TRAILING_BRACKET.sub("", title)), normalized_body(bare),
                      normalized_body(_TRAILING_ID.sub("", title))} - {""})


_WHOLE_TEXT = re.compile(r"\s*[（(【]?\s*(?:全文|原文|全文发布)\s*[）)】]?$")


_TRAILING_BRACKET = re.compile(r"[（(【\[〔][^（(【\[〔]*[）)】\]〕]$")
# a record's number a listing site runs into the headline (…招标公告308831), not printed with the text's own title
_TRAILING_ID = re.compile(r"(?<=[\u4e00-\u9fff])\d{5,}$")


_TITLEDOC_NO = re.compile(rf"[（(【〔]\s*({DOC_NO})\s*[）)】〕]$")


def header_doc_no(page: list, title: str | None, container) -> str | None:
    """A 文号 printed as an element of its own between the headline and the text, in the bar
    that holds the date and the tools (`<span class="sc_fwh">国科发火〔2016〕32号</span>`)."""
    for block in after_headline(page, title, container):
        if "号" not in block.text:
            continue  # (every 文号 ends so: its element's words need not be asked one by one)
        for el in block.owner.iter():
            if isinstance(el.tag, str) and el.tag not in SKIP_TAGS and is_doc_no(text := el.text_content().strip()):
                return normalize_doc_no(text)
    return None


def doc_no_in_title(title: str | None) -> str | None:
    """The 文号 a title ends with in brackets: …的通知（闽监能市场〔2018〕140号）."""
    match = _TITLEDOC_NO.search(title or "")
    return normalize_doc_no(match.group(1)) if match else None


def _link_line(line: Line) -> bool:
    """A link above the text (政策解读, a related page); a salutation that happens to be a
    link (各有关单位：) is the text's first line."""
    return line.is_link and not line.text.endswith((":", "："))


_DECREE = re.compile(r"^[\u4e00-\u9fa5]{2,20}(?:令|公告)$")  # 中华人民共和国国务院令, 民政部公告 (/ 第482号)
_DECREE_NUMBER = re.compile(r"^(第\s*\d{1,5}\s*号)(?:[\s\u3000]+(?=\S)|$)")


def _split_doc_no(lines: list[Line]) -> list[Line]:
    """A 文号 on a line of its own: joined when a decree or an announcement prints it over two
    lines (`中华人民共和国国务院令` / `第707号`, `民政部公告` / `第482号`), split when it runs into
    the first sentence of the text (`令第179号　　《…》已经…`)."""
    for i, line in enumerate(lines[:HEAD_SPAN - 1]):
        if _DECREE.match(line.text.replace(" ", "")) and (number := _DECREE_NUMBER.match(lines[i + 1].text)):
            rest = lines[i + 1].text[number.end():]
            joined = [Line(line.text.replace(" ", "") + number.group(1).replace(" ", ""), 0)]
            lines = lines[:i] + joined + ([Line(rest, 0)] if rest else []) + lines[i + 2:]
            break
    for i, line in enumerate(lines[:HEAD_SPAN]):
        if match := DOC_NO_LEAD.match(line.text):
            rest = line.text[match.end():]
            return lines[:i] + [Line(match.group(1), 0), Line(rest, line.link_chars)] + lines[i + 1:]
    return lines


_TITLE_DATE = re.compile(r"^[（(]?\s*(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                         r"|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*[）)]?$")


def _dated(lines: list[Line], at: int, template: frozenset) -> bool:
    """A date on its own line over the page's metadata (来源, 浏览次数 …) is that metadata's
    date; over the text (a transcript's first line) it is text."""
    if not DATE_ONLY.match(lines[at].text) or at + 1 >= len(lines):
        return False
    after = lines[at + 1].text
    return bool(metadata_line(after) or LABEL_LINE.match(after) or is_furniture(after, template))


def _names_a_byline(lines: list[Line], at: int) -> bool:
    """A name on its own line over a date in figures (新华网 / 2024.02.22): a byline printed in
    cells of their own. (A document's signature printed first writes its date 2024年2月22日.)"""
    return (len(lines[at].text) <= MAX_BYLINE_NAME and header_line(lines[at].text) and at + 1 < len(lines)
            and bool(FIGURES_DATE.match(lines[at + 1].text)))


MAX_BYLINE_NAME = 16  # characters
_CONTENTS = re.compile(r"^目\s*录$")
# a series' or column's tag on a line of its own over the text (【新春走基层】)
_TAG_LINE = re.compile(r"^【[^【】]{2,10}】$")


# --- the tail ----------------------------------------------------------------------------

def _tail_end(lines: list[Line], start: int, template: frozenset) -> int:
    """Index after the text's last line: related links, download blocks (attachment files
    under their 附件 heading: the record lists them), source lines and tools after the text
    go. A 附件 list naming the document's annexes (not files) is the text's own."""
    end = len(lines)
    tools = end  # (the page's tools under the notices: 【打印本页】【关闭窗口】)
    while tools > start and (is_furniture(lines[tools - 1].text, template) or TAIL_HEADING.match(lines[tools - 1].text)):
        tools -= 1
    # the site's notices under their heading (版权与免责声明 1.凡本网站注明…), to the end; the
    # contacts they give for reports (陈律师（法律顾问）0432-62099222) are theirs
    for i in range(max(start, tools - DISCLAIMER_SPAN), tools):
        if lines[i].text.strip("【】[]：: ") in DISCLAIMER_HEADINGS and all(
                any(word in line.text for word in DISCLAIMER_WORDS) or PHONE.search(line.text) for line in lines[i + 1:tools]):
            end = i
            break
    # the site's promotion under its heading among the last lines (精彩视频推荐 / 自动播放 / a video's title)
    end = next((i for i in range(end - 1, max(start, end - PROMOTION_SPAN) - 1, -1)
                if lines[i].text.strip("【】[]：: ") in PROMOTION_HEADINGS), end)
    # a tail heading right under the text's signature (相关阅读：) opens the site's lists, whatever
    # they hold further down (a video's blurb, 一周热点排行); an annex's (附件) opens the annex
    # (the signature sought only on a page printing such a heading: most print none)
    headings = {i for i in range(start + 1, end) if TAIL_HEADING.match(lines[i].text) and not _ANNEX.match(lines[i].text)}
    if headings and (at := signed_at([line.text.strip() for line in lines[start:end]])) is not None and start + at + 1 in headings:
        end = start + at + 1
    while (trimmed := _trimmed(lines, start, end, template)) < end:
        end = trimmed  # a cut may bare what was above it: a 相关解读 block over a 来源： line
    return _before_site_sentences(lines, start, end)


MAX_AFTER_SIGNATURE = 2  # lines of the site's sentences a page prints after a text's signature


def _before_site_sentences(lines: list[Line], start: int, end: int) -> int:
    """`end`, or the line after the text's signature (an office, its date under it) when all
    that follows is a sentence or two of the site's (如果您喜欢“…”，…在您的朋友圈里扩散一下……):
    a document closes with its signature, and what it prints after that is its 版记 (抄送,
    印发, 公开方式), a note or contact in brackets, or an annex, never a loose sentence."""
    at = signed_at([line.text.strip() for line in lines[start:end]])
    if at is None:
        return end
    rest = [line for line in lines[start + at + 1:end] if line.text.strip()]
    if any(line.to_file for line in rest):
        return end  # (the document's files, listed after its signature)
    # links to other pages among them (往期回顾 and its list) are the site's too
    after = [line.text.strip() for n, line in enumerate(rest)
             if not line.is_link and not (n + 1 < len(rest) and rest[n + 1].is_link and _list_heading(line.text))]
    if not after or len(after) > MAX_AFTER_SIGNATURE or not all(
            SENTENCE_MARKS.search(text) and (not text.startswith(("（", "(", "【", "[", "注")) or _SITE_TIP.match(text))
            and not (LABEL_LINE.match(text) or ANNEX_LINE.match(text) or text.startswith(_DOCUMENT_NOTES))
            for text in after):
        return end
    return start + at + 1


# the site's tip to its readers, in brackets (【温馨提示】：…可以加高考QQ群…), not a note of the document's
_SITE_TIP = re.compile(rf"[【\[]\s*(?:{'|'.join(SITE_TIP_TAGS)})\s*[】\]]")
_DOCUMENT_NOTES = ("抄送", "抄报", "主送", "印发", "附件", "附：", *DOCUMENT_NOTE_LABELS)


def _trimmed(lines: list[Line], start: int, end: int, template: frozenset) -> int:
    """`end` less what closes the text there: a list of links, the site's services after the
    text's files, a block under a tail heading, furniture, files and labelled lines."""
    end = _before_services(lines, start, _before_link_list(lines, start, _before_catalogue(lines, start, end)), template)
    # a block of related links or downloads under its heading, to the end
    for i in range(end - 1, start - 1, -1):
        text = _SECTION_NUMBER.sub("", lines[i].text)  # the heading may be the text's last section: 十、附件
        headed = TAIL_HEADING.match(text) or (TAIL_HEADED.match(text) or ANNEX_LINE.match(text)) and lines[i].link_chars
        if headed and (not _ANNEX.match(text) or all(_is_download(line) for line in lines[i:end])
                       or TAIL_HEADING.match(text) and all(map(_is_download, lines[i + 1:end]))
                       or TAIL_HEADING.match(text) and _links_after_signature(lines, start, i, end)):
            end = i
            break
        if not (lines[i].is_link or is_furniture(text, template) or FILE_NAME.search(text) or _feed_item(lines[i])):
            break
    while end > start:
        line = lines[end - 1]
        text = line.text
        if _signed_by_author(lines, start, end):
            break
        if (is_furniture(text, template) or TAIL_HEADING.match(text) or _is_file(line)
                or (LABEL_LINE.match(text) or _CATALOGUE_LINE.match(text) or labels_row(text))
                and not SENTENCE_END.search(text)
                or line.is_link and end - 2 >= start and is_furniture(lines[end - 2].text, template)
                or _promotion(lines, start, end)):
            end -= 1  # (a link under a tool's words is where the tool leads: 上一篇： / 关于…的通知)
            continue
        break
    return end


_ANNEX = re.compile(r"^附\s*件")


def _links_after_signature(lines: list[Line], start: int, at: int, end: int) -> bool:
    """A 附件 heading right under the text's signature over nothing but links, whatever they lead
    to (附件： / <a href="javascript:;">…实施方案</a>): the document's files to download."""
    return (at + 1 < end and all(line.is_link for line in lines[at + 1:end])
            and signed_at([line.text.strip() for line in lines[start:at]]) == at - 1 - start)


# an author's line closing an article: (作者：方敏 北京大学经济学院教授), 作者：上官云 宋宇晟
_AUTHOR_LINE = re.compile(r"[（(]?\s*作者\s*[:：]\s*[^\s:：（()）][^:：]{1,38}[）)]?")


def _promotion(lines: list[Line], start: int, end: int) -> bool:
    """The text's last line a link of words, not a file, under a finished sentence: the site's
    promotion of another page (看明星八卦、查影讯电视节目，上手机新浪网娱乐频道 ent.sina.cn). An
    address printed whole (http://c.gb688.cn/…) is the text's reference to what it cites, an
    e-mail address its contact."""
    line = lines[end - 1]
    return (line.is_link and not line.to_file and not ANNEX_LINE.match(line.text)
            and not _ADDRESS.search(line.text) and not _CONTACT.search(line.text) and _under_sentence(lines, start, end))


_ADDRESS = re.compile(r"[a-z]{3,5}://|www\.", re.I)
_CONTACT = re.compile(r"[\w.-]+@[\w-]+\.[\w.]+")  # (有意者可发简历至：<a href="mailto:…">hr@…</a>: the text's contact)


def _signed_by_author(lines: list[Line], start: int, end: int) -> bool:
    """Whether the text's last line names its author, under a sentence: an article's signature,
    the text's own as an office's 落款 is (at the head, 作者：… is the byline, and the editors'
    credits are the site's wherever they stand)."""
    return _AUTHOR_LINE.fullmatch(lines[end - 1].text.strip()) is not None and _under_sentence(lines, start, end)


def _under_sentence(lines: list[Line], start: int, end: int) -> bool:
    """Whether the text's last line stands under a finished sentence of the text."""
    return end - 2 >= start and SENTENCE_END.search(lines[end - 2].text[-2:]) is not None


def _feed_item(line: Line) -> bool:
    """A line of a feed's item under a tail heading (相关新闻 over headlines, each with its teaser
    cut short by a link on, …【详细】, and its channel and time: 强图打榜 2024-05-23 09:41:17)."""
    return bool(line.link_chars and _READ_ON.search(line.text)) or metadata_line(line.text)


_READ_ON = re.compile(r"(?:[.…。]{1,6})?[【\[]?\s*(?:详细|详情|全文|阅读全文|查看全文|更多)\s*[】\]]?\s*(?:>>|»)?$")


def _before_catalogue(lines: list[Line], start: int, end: int) -> int:
    """`end` less the page's metadata block printed under the text (its CMS puts it there, or
    prints it twice): a run of labelled lines closing the text, a label's value on the line under
    it, labels nobody listed among them (公开类别：, 备注：无), when two of its lines or more are
    labels we know. A 版记's 公开方式 note alone is the document's and stays."""
    at, known, top = end, 0, end
    while at > start:
        text = lines[at - 1].text.strip()
        if SENTENCE_END.search(text) or _signed_by_author(lines, start, at):
            break
        if LABEL_LINE.match(text) or _CATALOGUE_LINE.match(text) or labels_row(text):
            known, top = known + 1, at - 1  # (the block opens with a label we know: 联系电话： over it is the text's)
        elif not (unlisted_label(text) or at - 2 >= start and _empty_label(lines[at - 2].text)
                  and len(text) <= MAX_CELL_VALUE):
            break
        at -= 1
    return top if known >= 2 else end


MAX_CELL_VALUE = 12  # characters: a value on its own line under its label (通知, 主动公开)


def _empty_label(text: str) -> bool:
    """A label and its colon, nothing after (体裁分类：, 主题词：)."""
    text = text.strip()
    return text.endswith((":", "：")) and (bool(LABEL_LINE.match(text) or _CATALOGUE_LINE.match(text))
                                          or unlisted_label(text))


def _before_services(lines: list[Line], start: int, end: int, template: frozenset) -> int:
    """After the files closing a text (its 附件 downloads), the site's services and their notes
    (政策性文件留言咨询 （注：只接收…）, [返回]): when what follows the last file holds a link or a
    tool and no signature, date, sentence or 公开 note of the document's, it goes with them."""
    last_file = next((i for i in range(end - 1, start - 1, -1) if _is_file(lines[i])), None)
    if last_file is None or last_file + 1 == end:
        return end
    after = lines[last_file + 1:end]
    if not any(line.is_link or is_furniture(line.text, template) for line in after):
        return end
    for line in after:
        text = line.text.replace(" ", "")
        if (SENTENCE_END.search(text) or signs(text) or DATE_LINE.match(text) or SIGNED.search(text)
                or "公开" in text or len(text) > MAX_SERVICE_LINE):
            return end
    return last_file + 1


MAX_SERVICE_LINE = 80  # characters


def _before_link_list(lines: list[Line], start: int, end: int) -> int:
    """Where a list of links to other pages closing the container starts, with the short
    heading over it that nobody listed (往期回顾, 更多阅读) or none: the site's, not the
    document's. A 附件 list, files, and a signature over the list stay."""
    run = end
    links = 0
    while run > start:
        line = lines[run - 1]
        if line.is_link and not _is_file(line) and not _ANNEX.match(line.text):
            links += 1
        elif not (FIGURES_DATE.match(line.text) and run - 2 > start and lines[run - 2].is_link
                  or links and run < end and lines[run].is_link and _list_heading(line.text) and run - 3 > start
                  and lines[run - 2].is_link and lines[run - 3].is_link):
            break  # (an item's date printed on its own line under its link is the item's; a heading
        run -= 1  # between groups of links, 证券要闻 / … / 行业动态 / …, is the list's, under two links at least)
    if links < MIN_LINK_LIST or run == start or _ANNEX.match(lines[run - 1].text) and not _is_file(lines[run - 1]):
        return end  # (under a 附件 line, links name the document's annexes)
    if run - 1 > start and _list_heading(lines[run - 1].text):
        run -= 1
    return run


def _list_heading(text: str) -> bool:
    """A short heading over a list of links (往期回顾, 更多阅读：), not a line of the document
    (its signature, its date, a 附件 line, a note in brackets such as （此件主动公开）, a
    labelled line such as 公开方式：主动公开, a section's heading such as 七、其它补充事宜, a
    table's last figure)."""
    bare = text.rstrip(":： ")
    return (len(bare) <= MAX_LIST_HEADING and len(HAN.findall(bare)) >= 2 and not opens_section(bare)
            and not SENTENCE_MARKS.search(bare) and ":" not in bare
            and "：" not in bare and not bare.startswith(("（", "(", "【", "[")) and not _ANNEX.match(bare)
            and not signs(bare) and not DATE_LINE.match(bare.replace(" ", "")))


MAX_LIST_HEADING = 12  # characters


def _is_download(line: Line) -> bool:
    """A link to a file, named by its file or not (under a 附件 heading alone on its line), or a
    link that is a numbered 附件 of its own (<a href="javascript:;">附件1：…准则（征求意见稿）</a>)."""
    return _is_file(line) or line.is_link and (line.to_file or ANNEX_LINE.match(line.text) is not None)


_SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]{1,3}、\s*")


def _is_file(line: Line) -> bool:
    """A link to a file (附件1.docx, ….pdf), or a 附件 heading over nothing but such links."""
    return bool(FILE_NAME.search(line.text)) and line.link_chars > 0


# --- lines ---------------------------------------------------------------------------------

def _clean(line: Line) -> Line:
    # (the markers' patterns only where one of their characters is: a scan for a few characters
    # is several times faster than trying three patterns at every place of every line)
    text = (_MARKERS.sub("", line.text) if _MARKER_HINT.search(line.text) else line.text).strip()
    return Line(text, min(line.link_chars, len(text)), line.to_file, line.heading)  # (_replace is slower)


def _without_server_code(lines: list[Line]) -> list[Line]:
    """Server-template leftovers (JSP/ASP comments and directives) that leaked into the page."""
    if not any("<%" in line.text for line in lines):
        return lines
    text = _BLOCKS.sub("\n", "\n".join(line.text for line in lines))
    return [Line(t.strip(), 0) for t in text.splitlines() if t.strip()]
