"""Label/value pairs of 信息公开 metadata blocks and inline header lines, in every layout.

The page is read as text blocks (pipeline.blocks: one per block-level element; inline tags
such as span, font, b do not split, so `<span>名</span>称` is one label). A label starts a
block (colon and brackets optional: `[发文机构]`, `【发文字号】`) or appears anywhere followed by a
colon; its value is the rest of the text up to the next label, or, if that is empty, the next
block inside the same row (td → td, dt → dd, th → td, div → div), or, in a header row of labels,
the cell under it. That covers tables of two or four columns or of a header row over a row of
values, ul/li with label spans, dl/dt/dd, div rows and
`发布日期：… 信息来源：… 浏览次数：` lines. A value ends where another label starts, known or not
(`文号： 时效：有效` has an empty 文号), at a `|` (`上海市财政局 | 查看更多属性`) and at the page's
tools (`国家能源局 大中小`). A label nobody listed that names an office (信息所属单位, [制发单位]) is
read too, among known labels (field OFFICE): the publisher's last fallback.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.blocks import BLOCK_TAGS, Block, holds, layout_table
from pipeline.normalize import DOC_NO, HAN, ICON_GLYPH, ends_as_office
from pipeline.vocab import (
    COLON_LABELS,
    CREDIT_ROLES,
    FIELD_LABELS,
    FONT_SIZE_TOOL,
    IGNORED_LABELS,
    NUMBER_LABEL_ENDINGS,
    OFFICE_LABEL_ENDINGS,
    OTHER_OFFICE_WORDS,
    PUBLISHING_LABELS,
    TABLE_LABELS,
    TOOL_WORDS,
)

_LABEL_FIELD: dict[str, str | None] = {label: f for f, labels in FIELD_LABELS.items() for label in labels}
_TABLE_ONLY = {label for labels in TABLE_LABELS.values() for label in labels}
_LABEL_FIELD.update({label: f for f, labels in TABLE_LABELS.items() for label in labels})
_LABEL_FIELD.update({label: None for label in IGNORED_LABELS})
_COLON_ONLY = {label for labels in COLON_LABELS.values() for label in labels}
_CREDIT_LABELS = frozenset((*CREDIT_ROLES, "作者"))
_LABEL_FIELD.update({label: f for f, labels in COLON_LABELS.items() for label in labels})
OFFICE = "office"  # the field of an unknown label naming an office: the publisher when no known label names one
NUMBERED = "numbered"  # of an unknown label naming a number (公文编号): the 文号 when its value is one and no known label gives it
_LABEL_FIELD.update({label: OFFICE for label in PUBLISHING_LABELS})  # (read as such a label is)
_SPACED = "|".join(
    r"\s*".join(map(re.escape, label)) for label in sorted(_LABEL_FIELD, key=len, reverse=True)
)
# group 1 = label (possibly with spaces inside); group 2 = colon if any
# a label's colon, and the marks that stand in for one (Word's ∶ U+2236, the vertical forms ︰ ﹕)
COLONS = ":：∶︰﹕"
LABEL_RE = re.compile(rf"({_SPACED})\s*([{COLONS}])?")
_WS = re.compile(r"\s+")
MAX_VALUE = 300


def _starts_row(match: re.Match, text: str) -> bool:
    """Nothing but marks before the label: brackets, bars, bullets (■ 发布机构)."""
    return not _WORDS_BEFORE.search(text, 0, match.start())


_WORDS_BEFORE = re.compile(r"[\w\u4e00-\u9fff]")
# brackets around a label, in every shape a page prints them: 【发布机构】 [发布机构] 〔发布机构〕 「发布机构」
_OPENING, _CLOSING = tuple("【[〔「（(〖［"), tuple("】]〕」）)〗］")
_SEPARATORS = set(" \t\n\u3000\xa0|｜/,，;；【[】]（(）)")


def field_of(label: str) -> str | None:
    """The record's field a label names (发布机构 → publisher), None for one it ignores."""
    return _LABEL_FIELD.get(_WS.sub("", label))


@lru_cache(maxsize=8192)
def label_matches(text: str) -> tuple[re.Match, ...]:
    """The labels a text prints (cached: a page's lines are asked again by several readers)."""
    found = []
    for match in LABEL_RE.finditer(text):
        label = _WS.sub("", match.group(1))
        # Inside running text a short label must stand apart: "… 来源：市交通局" is a label,
        # "管制时间：5月25日" is a sentence, "浏览字号：" another label; but after a value that
        # is not words (日期:2024-06-05来源:县应急局, 2024年06月05日 10:30来源：…), or a date in
        # words (2019年11月27日作者：), a colon marks it.
        if label in _COLON_ONLY and not match.group(2):
            continue
        before = text[match.start() - 1] if match.start() else " "
        # (a value of its own shape after it, 文号 沪发改价管〔2026〕19号, 日期 2024-06-05, marks a label
        # standing apart, below)
        shaped = (shape := _VALUE_SHAPES.get(_LABEL_FIELD.get(label))) is not None and shape.match(text, match.end())
        # …and after another label's value, printed in an element of its own with nothing between
        # (<span>来源:县应急局</span><span>时间:2024-06-05</span>), a colon and a value of its shape do
        # (…or a credit's label, its colon after the source's name: 来源：证券时报网作者：李在山)
        run_in = found and match.group(2) and (shaped or label in _CREDIT_LABELS)
        after_value = match.group(2) and (not HAN.match(before) or _DAY_IN_WORDS_END.search(text, 0, match.start()))
        if len(label) <= 2 and before not in _SEPARATORS and not after_value and not run_in:
            continue
        # Short labels (文号, 来源, 时间) are common words: without a colon they count only
        # as a whole cell of their own, the value in the next cell.
        whole_cell = match.end() == len(text.rstrip())
        # brackets around a label mark it as a colon does: 【文 号】 晋医保发〔2021〕14号
        bracketed = text[match.start() - 1:match.start()] in _OPENING and text[match.end():match.end() + 1] in _CLOSING
        # so does spacing a label out to a column's width (文　　号): running text never does
        padded = label != match.group(1)
        apart = before in _SEPARATORS or before in COLONS  # (after a label's colon: that label is empty)
        # and, in a line of labelled values already, a long label standing apart (发布时间 2018年01月23日
        # 信息来源工商总局办公厅)
        listed = found and apart and len(label) >= MIN_LISTED_LABEL
        if (match.group(2) or bracketed or shaped and apart or listed
                or _starts_row(match, text) and (len(label) > 2 or whole_cell or padded)):
            found.append(match)
    return tuple(found)


_DAY_IN_WORDS_END = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")

MIN_LISTED_LABEL = 4  # characters of a label read without a colon after others on its line


# What a field's value looks like, where its shape alone tells it: a 文号, a date
_DATE_SHAPE = re.compile(r"\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}")
_VALUE_SHAPES: dict = {
    "doc_no": re.compile(rf"\s*{DOC_NO}"),
    "written_at": _DATE_SHAPE,
    "published_at": _DATE_SHAPE,
}


# group 1 the label (as LABEL_RE's), 2 a closing bracket, 3 a colon
_OFFICE_LABEL = re.compile(
    rf"^[【\[]?\s*([\u4e00-\u9fa5]{{0,6}}(?:{'|'.join(OFFICE_LABEL_ENDINGS + NUMBER_LABEL_ENDINGS)}))\s*([】\]])?\s*([{COLONS}])?")
_DOC_NO_SHAPE = re.compile(rf"^\s*{DOC_NO}\s*$")
_OFFICE_SHAPE = re.compile(rf"^[^。；，！？{COLONS}]{{2,40}}$")
NEAR_LABELS = 3  # levels up an unknown office label shares an element with a known label


def _office_label(text: str) -> list[re.Match]:
    """An unknown label naming an office or a number, a cell of its own, in brackets or before a
    colon (信息所属单位, [制发单位], 公文编号); group 1 is the label, as LABEL_RE's."""
    match = _OFFICE_LABEL.match(text)
    if (match is None or any(word in match.group(1) for word in OTHER_OFFICE_WORDS)
            or not (match.group(2) or match.group(3) or match.end() == len(text.rstrip()))):
        return []
    return [match]


def before_labels(text: str) -> str:
    """What a line says before its first label (`2026年07月29日 18:00 来源：中国网信网` → the date,
    `关于…的通知 (发布日期：… 文号：…)` → the title)."""
    matches = label_matches(text)
    return text[: matches[0].start()].rstrip(" \t\n\u3000\xa0(（【[") if matches else text


def _same_row(label_el, value_el) -> bool:
    """Whether a value block sits beside its label: under the label's parent (td → td,
    dt → dd), or, when the label is wrapped alone in its cell (<td><p>索引号</p></td>), under
    the cell's parent."""
    if value_el is label_el:
        return False
    parent = label_el.getparent()
    if parent is None:
        return False
    if any(a is parent for a in value_el.iterancestors()):
        return True
    wrapped = _WS.sub("", parent.text_content()) == _WS.sub("", label_el.text_content())
    row = parent.getparent()
    return wrapped and row is not None and any(a is row for a in value_el.iterancestors())


_EDGE = " \t\n\u3000\xa0|｜" + COLONS
_CLOSERS = "".join(_CLOSING)  # of a bracketed label: "[发文机构] 北京市…"
_UNKNOWN_LABEL = re.compile(rf"(?:^|\s|[【\[])[\u4e00-\u9fa5]{{2,6}}\s*[{COLONS}]")
# page tools a value runs into, apart from it by a space or its own closing mark: "国家能源局
# 大中小", "… 打印 关闭", "《中国教育报》收藏"
# (a tool in brackets too: …广州市医疗保障局 【关闭窗口】; with its count: … 我要评论(0))
_TOOLS_AFTER = re.compile(r"(?:(?:\s+|(?<=[》」』）)”\"】\]]))(?:%s|[【\[]?\s*(?:%s)(?:\s*[(（]\s*\d*\s*[)）])?\s*[】\]]?))+\s*$" % (FONT_SIZE_TOOL, "|".join(
    map(re.escape, sorted(TOOL_WORDS, key=len, reverse=True)))), re.I)


def without_tools(text: str) -> str:
    """A line without the page tools it runs into at its end (… 2024.02.22 小 中 大, … 分享)."""
    return _TOOLS_AFTER.sub("", text)


def _value(text: str) -> str:
    """The value after a label: up to a `|` or another (unknown) label, without the closing
    bracket or colon of its own label."""
    text = _WS.sub(" ", text).lstrip(_EDGE + _CLOSERS)  # one space a run: _TOOLS_AFTER backtracks on long runs
    text = _LEADERS.sub("", text)  # dots leading from a label to its value (发布机构……示例局)
    text = re.split(r"[|｜]", text, maxsplit=1)[0]
    if cut := _UNKNOWN_LABEL.search(text):
        text = text[: cut.start()]
    text = _TOOLS_AFTER.sub("", text).strip(_EDGE)
    text = ICON_GLYPH.sub("", text).rstrip("【[" + _EDGE)  # the bracket opening the next label: …采购网【打印】
    if text[:1] in "[【" and text[-1:] in "]】":
        text = text[1:-1].strip(_EDGE)  # the value alone in brackets: 来源：[ 人民网 ]
    if text[-1:] in _CLOSERS and not any(opening in text for opening in "[【(（"):
        text = text[:-1].rstrip(_EDGE)  # the bracket closing the pair: 【来源：县应急局】【发布时间：…】
    # "*" of a form's required field, "Aa" of a font-size tool: no value
    return text if _WORD.search(text) and not _GLYPH.fullmatch(text) else ""


_WORD = re.compile(r"[\w\u4e00-\u9fa5]")
_LEADERS = re.compile(r"^[.．·…]{2,}\s*")
# fields that name something: a bare date in the next cell (文章来源：<empty> | 2018-10-19 16:00) is not one
NAMED_FIELDS = frozenset({"source", "publisher", "subject", "keywords", "title"})
_ONLY_DATE = re.compile(r"^[\d\s:：/.\-年月日时分秒]+$")
_DATE_AFTER = re.compile(r"(?:\s+|(?<=[^\d\s]))(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_GLYPH = re.compile(r"[A-Za-z+\-]{1,3}")


def _own_element_value(line, label: str, value: str) -> str:
    """A name printed in its label's own inline element ends with it: <span>来源：中国新闻网</span>
    <span>王帆</span> (the author beside it, unlabelled) gives 中国新闻网."""
    for inner in line.iterdescendants():
        if not isinstance(inner.tag, str):
            continue
        own = _WS.sub(" ", inner.text_content()).strip()
        if (match := LABEL_RE.match(own)) and _WS.sub("", match.group(1)) == label and match.end() < len(own):
            inside = _value(own[match.end():])
            return inside if inside and value.startswith(inside) else value
    return value


def labelled_pairs(segs: list[Block]) -> Iterator[tuple[str, str, tuple]]:
    """(field, raw value, elements holding label and value) for every recognised label, in
    document order; a TABLE_LABELS label only in a table holding other labels; an unknown
    label naming an office (OFFICE) or a number (NUMBERED) only near known labels, its value an
    office's name or a 文号."""
    pairs = list(_pairs(segs))
    known = [holders[0] for field, _, holders, label in pairs if label not in _TABLE_ONLY and field not in (OFFICE, NUMBERED)]
    tables = {_table(el) for el in known} - {None}
    for field, value, holders, label in pairs:
        if field == OFFICE:
            if _OFFICE_SHAPE.match(value) and ends_as_office(value) and _near(holders[0], known):
                yield field, value, holders
        elif field == NUMBERED:
            if _DOC_NO_SHAPE.match(value) and _near(holders[0], known):
                yield field, value, holders
        elif label not in _TABLE_ONLY or _table(holders[0]) in tables:
            yield field, value, holders


def first_labelled(segs: list[Block]) -> tuple | None:
    """The elements holding the first value a known label gives (read no further than that)."""
    return next((holders for field, _, holders, label in _pairs(segs)
                 if field not in (OFFICE, NUMBERED) and label not in _TABLE_ONLY), None)


def _near(el, others: list) -> bool:
    """Whether an element is one of others (a line of labels: 发布时间：… 发布：…) or shares an
    ancestor NEAR_LABELS levels up or less with one."""
    around = [a for a in list(el.iterancestors())[:NEAR_LABELS] if a.tag not in ("body", "html")]
    return any(other is el or any(holds(a, other) for a in around) for other in others)


def _table(el):
    """The table (or dl) of data holding a label: not a page's layout table around it (one cell a
    row: an old site's regions, its footer's 主办单位 among them)."""
    return next((t for t in el.iterancestors("table", "dl") if t.tag == "dl" or not layout_table(t)), None)


def _lines_after(segs: list[Block], start: int, value_el) -> Iterator[str]:
    """The further lines of a value cell: broken by <br> (five co-issuing offices, one a line)
    or by a block inside it (`<dd>…旅游强国建设<div>“十五五”规划》的通知</div></dd>`), up to a
    line holding a label."""
    for text, el, *_ in segs[start:]:
        if not holds(value_el, el) or label_matches(text):
            return
        yield _value(text)


def _broken_value(value: str, el, after: list[Block], joint: str) -> str:
    """A value beside its label that its own element breaks over lines (`名称：<span>…关于清理规范外
    <br>商投资企业授权登记工作的通知</span>`): whole, its lines joined by `joint`. The lines after
    it in `el` that are not inside that element (`来源：示例局<br>各单位：…`) are not its."""
    start = _WS.sub("", value)
    for inline in el.iterdescendants():
        if not isinstance(inline.tag, str) or inline.tag in BLOCK_TAGS or inline.find("br") is None:
            continue
        whole = _WS.sub("", inline.text_content())
        whole = whole[whole.find(start):] if start in whole else ""  # (the label may be inside it too)
        if len(whole) <= len(start):
            continue
        lines, spelled = [value], start
        for text, owner, *_ in after:
            if owner is not el or not whole.startswith(spelled + _WS.sub("", text)):
                break
            lines.append(_value(text))
            spelled += _WS.sub("", text)
        return joint.join(lines)
    return value


def _cell_below(el):
    """The value under a label in a header row of labels (<tr><th>索引号</th><th>发布机构</th>…
    </tr><tr><td>…</td><td>…</td>…</tr>): the cell in the same column of the next row."""
    cell = el if el.tag in ("td", "th") else el.getparent()
    if cell is None or cell.tag not in ("td", "th"):
        return None
    row, below = cell.getparent(), cell.getparent().getnext()
    if row is None or below is None or below.tag != "tr":
        return None
    cells, under = row.xpath("./td|./th"), below.xpath("./td|./th")
    if len(cells) < 2 or len(cells) != len(under) or not all(whole_label(c.text_content()) for c in cells):
        return None
    value_cell = under[cells.index(cell)]
    return None if whole_label(value_cell.text_content()) else value_cell


_LABEL_HOLDERS = ("span", "b", "strong", "em", "label", "font", "i")
MAX_LABEL_ELEMENT = 12  # characters of an inline element printing a label alone (【文 号】：)


def set_labels_apart(tree) -> None:
    """A label printed in an inline element of its own, run into the values around it with no
    space (`<span>索引号</span><span>…-00123</span><span>发布机构</span>…`, a template with its
    whitespace removed): a space on either side, as any other page prints it, so the line reads
    label by label."""
    for el in tree.iter(_LABEL_HOLDERS):
        text = el.text  # (its own words only, no element inside: asked of every inline element of the page)
        if not text or len(text) > MAX_LABEL_ELEMENT or len(el) or el.tail or el.getnext() is None:
            continue
        if text.strip() and whole_label(text):
            el.tail = " "
            before = el.getprevious()
            if before is not None and not (before.tail or "").endswith((" ", "\n", "\t")):
                before.tail = (before.tail or "") + " "


def whole_label(text: str) -> bool:
    """Whether a cell's text is a label and nothing else (发布机构, 【文 号】：)."""
    text = _WS.sub("", text).strip(COLONS)
    return any(m.start() == 0 and m.end() >= len(text) for m in label_matches(text))


def _tags_apart(el, value: str) -> str:
    """Keywords printed as tags, links side by side with nothing between them
    (<a>美联储</a><a>特朗普</a>): one word a tag, set apart."""
    tags = [words for a in el.iter("a") if (words := " ".join(a.text_content().split()))]
    return " ".join(tags) if len(tags) >= 2 and "".join(tags) == "".join(value.split()) else value


def _pairs(segs: list[Block]) -> Iterator[tuple[str, str, tuple, str]]:
    for i, (text, el, link_chars, *_) in enumerate(segs):
        matches = label_matches(text) or _office_label(text)
        if matches and link_chars * 2 > len(text):
            # a link's words run into a label's (<a>2014自媒体关键词：胡扯、软文、自捧</a>): another
            # page's headline, no label
            matches = tuple(m for m in matches if not (m.start() and HAN.match(text[m.start() - 1])))
        for j, match in enumerate(matches):
            label = _WS.sub("", match.group(1))
            field = _LABEL_FIELD[label] if label in _LABEL_FIELD else NUMBERED if label.endswith(NUMBER_LABEL_ENDINGS) else OFFICE
            end = matches[j + 1].start() if j + 1 < len(matches) else len(text)
            value = _value(text[match.end(): end])
            holders: tuple = (el,)
            if not value and j + 1 == len(matches) and i + 1 < len(segs):
                nxt_text, nxt_el = segs[i + 1][:2]
                # beside the label, or on the line under it in an element of the two (<strong>发布机构：</strong><br>示例局)
                under = nxt_el is el and whole_label(text) and _WS.sub("", el.text_content()) == _WS.sub("", text + nxt_text)
                # (…but a line ending in a colon is no value, nor a sentence: the text's salutation or
                # first paragraph under an empty 来源：)
                if ((_same_row(el, nxt_el) or under) and not any(_starts_row(m, nxt_text) for m in label_matches(nxt_text))
                        and not nxt_text.rstrip().endswith(tuple(COLONS)) and "。" not in nxt_text):
                    value, holders = _value(nxt_text), (el, nxt_el)
                    value = " ".join((value, *([] if under else _lines_after(segs, i + 2, nxt_el))))
                elif (below := _cell_below(el)) is not None:
                    value, holders = _value(below.text_content()), (el, below)
            elif value and j + 1 == len(matches) and i + 1 < len(segs) and segs[i + 1][1] is el:
                value = _broken_value(value, el, segs[i + 1:], " " if field != "title" else "")
            if field == "keywords" and value:
                value = _tags_apart(holders[-1], value)
            if field in NAMED_FIELDS:
                value = _DATE_AFTER.sub("", value)  # a name, then the byline's date: 稿源：示例日报 2024-06-05
                if " " in value and len(holders) == 1:
                    value = _own_element_value(el, label, value)
            if field and value and len(value) <= MAX_VALUE and not (field in NAMED_FIELDS and _ONLY_DATE.match(value)):
                yield field, value, holders, label
