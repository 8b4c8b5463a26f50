"""What one line of a page is, read alone: a label's line, a 文号, a date, a header's line.

The head and tail of a document's text (pipeline.edges) and the title found by where it stands
(pipeline.position) ask the same questions of a line; their answers live here, once.
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.body import SENTENCE_MARKS, opens_section
from pipeline.dates import DATE_BESIDE_NAME
from pipeline.labels import COLONS, without_tools
from pipeline.normalize import DOC_NO, ENGLISH_DAY, SIGNER_AFTER
from pipeline.vocab import (
    BREADCRUMB_LEADS,
    CREDIT_ROLES,
    DOCUMENT_NOTE_LABELS,
    FIELD_LABELS,
    IGNORED_LABELS,
    LABEL_WORD_ENDINGS,
    TAIL_HEADINGS,
)

# one heading or two joined (相关政策与解读, 政策解读及相关链接)
_TAILS = rf"(?:{'|'.join(TAIL_HEADINGS)})(?:[与和及、](?:{'|'.join(TAIL_HEADINGS)}))?"
TAIL_HEADING = re.compile(rf"^[【\[]?\s*{_TAILS}\s*[】\]]?\s*[:：]?\s*$")
TAIL_HEADED = re.compile(rf"^[【\[]?\s*{_TAILS}\s*[】\]]?\s*[:：]")  # 相关解读：<a>…</a>
# a trail led in (当前位置：首页 > 政务公开 > …)
BREADCRUMB_LINE = re.compile(rf"^\s*\S{{0,6}}(?:{'|'.join(BREADCRUMB_LEADS)})\s*[:：]?.*(?:>|＞|»|›)")
# a line opening with a field's label or an editor's (索引号：…, 【文 号】, 初审：…)
LABELS = [lab for labs in FIELD_LABELS.values() for lab in labs] + list(CREDIT_ROLES)
LABEL_LINE = re.compile(
    r"^[【\[（(]?(?:" + "|".join(r"\s*".join(map(re.escape, lab)) for lab in LABELS) + rf")\s*[】\]]?\s*(?:[{COLONS}]|$"
    r"|(?=(?:19|20)\d{2}\s*[-/.年]\s*\d))"  # (or run into its date: [发布时间2020年1月19日])
)
# (after a space, or run into a date or time before it: 2024-06-05来源：…)
_LABEL_ANYWHERE = re.compile(r"(?:^|\s|(?<=\d))(?:" + "|".join(re.escape(lab) for lab in LABELS if len(lab) > 1) + rf")\s*[{COLONS}]")
# a label nobody listed, before its colon
PHONE = re.compile(r"\d{3,4}-\d{7,8}")  # a telephone number with its area code: 0432-62099222
# a news item's reporters on a line of their own: 本报记者  王乐文  方  敏, 新华社记者：张三,
# 新华网黑龙江频道  记者  伊琳  李清芬 (the paper or channel, the role, then names set apart)
REPORTERS_LINE = re.compile(r"^[\u4e00-\u9fa5·]{0,10}?\s*(?:记者|通讯员|特约撰稿人?)\s*[:：\s]\s*[\u4e00-\u9fa5·\s、，,]{2,30}$")
BARE_LABEL = re.compile(rf"[\u4e00-\u9fa5]{{2,8}}\s*[{COLONS}]")
# A 文号: 穗府办规〔2024〕13号, 国发〔2024〕3号, 广州市人民政府令第179号, 财政部税务总局公告2026年第25号
DOC_NO_LINE = re.compile(rf"^[(（]?{DOC_NO}[)）]?$")  # a 文号 alone on its line, bracketed or not: （国发〔2024〕1号）
SENTENCE_END = re.compile(r"[。；！？]")
# a day in figures, with its time at most (2024-06-05, 2024/6/5 10:30): a page's way, where a
# document writes 2024年6月5日
# (or in English, as an imported theme prints it: February 13, 2023)
FIGURES_DAY = rf"(?:(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?|{ENGLISH_DAY})"
FIGURES_DATE = re.compile(rf"^[\[【(（]?\s*{FIGURES_DAY}\s*[\]】)）]?$")  # alone on its line, bracketed or not
DATE_ONLY = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
MIN_TITLE, MAX_TITLE = 6, 100  # Chinese characters at least, characters at most
# a news headline giving its speaker, then what was said (农机专家李金泽：为农机行业搭建现代化信息平台): the
# words before the colon end as no label does, the words after are a headline's
_SPEAKER_HEADLINE = re.compile(r"^[\u4e00-\u9fa5]{2,8}(?<!%s)\s*[:：]\s*(?P<said>[^:：\s;；]{%d,})$" % (
    ")(?<!".join(LABEL_WORD_ENDINGS), MIN_TITLE + 2))
_LISTED = re.compile(r"[,，、]")
MAX_LISTED_NAME = 4  # characters of a name in a list after a label (参加人员：张三、李四)
MAX_HEADLINE_PARTS = 3  # a headline runs on with two 、 or ， at most; a label's list of categories with more


def speaker_headline(text: str) -> bool:
    """A news headline giving its speaker or place, then what was said or happened
    (呼和浩特：对生育二孩、三孩的…发放…津贴): its words may run on with a 、 or ， or two, where a
    label's list (参加人员：张三、李四、王五; 所属行业：电力、热力、…,金融业,…) is of short names or long."""
    if not (match := _SPEAKER_HEADLINE.match(text)):
        return False
    parts = _LISTED.split(match.group("said"))
    return len(parts) <= MAX_HEADLINE_PARTS and max(map(len, parts)) > MAX_LISTED_NAME


def header_line(text: str) -> bool:
    """A short line without sentence punctuation, not a heading of the text's structure and
    not a note in brackets: a line of a header."""
    return (len(text) <= 80 and not SENTENCE_MARKS.search(text) and not opens_section(text)
            and not text.startswith(("（", "(")))


def is_doc_no(text: str) -> bool:
    """A 文号 and nothing else, its figures full-width or not (示交〔２０２４〕１２号), in brackets or not;
    its signer after it at most (签发人：张三)."""
    return bool(DOC_NO_LINE.match(SIGNER_AFTER.sub("", unicodedata.normalize("NFKC", text)).replace(" ", "")))


def metadata_line(text: str) -> bool:
    """A header line of values, not a sentence: `2025-12-03 来源：市医保局 分享到`,
    `答复类别：A类` (a short value under a label of its own), `中国人民银行网站 2025-05-30`,
    `2024-06-05 10:00 示例县应急局`."""
    text = without_tools(text)  # (… 2024.02.22 小 中 大)
    if len(text) > 120 or SENTENCE_END.search(text):
        return False
    return bool(_LABEL_ANYWHERE.search(text) or (_SHORT_PAIR.match(text) or _NUMBER_PAIR.match(text)) and not opens_section(text)
                or DATE_BESIDE_NAME.match(text))


_SHORT_PAIR = re.compile(rf"^[\u4e00-\u9fa5]{{2,6}}\s*[{COLONS}]\s*[^\s{COLONS}，。]{{1,10}}$")
# an item's number under its own label (标段编码：NJGD2500410-25HWGH, 项目编号：…): one word, however long
_NUMBER_PAIR = re.compile(rf"^[\u4e00-\u9fa5]{{0,6}}(?:编号|编码)\s*[{COLONS}]\s*[^\s{COLONS}，。；;]{{1,40}}$")


# a metadata table's row printed as one line without colons: labels, each with a short value or
# none (文 号 主 题 词, 有效性 有效, 语种 中文 信息格式 html)
_CELL_LABEL = "(?:%s)" % "|".join(r"\s*".join(map(re.escape, lab)) for lab in sorted(
    set(LABELS) | set(IGNORED_LABELS) - set(DOCUMENT_NOTE_LABELS), key=len, reverse=True))
_CELL = re.compile(rf"\s*({_CELL_LABEL})\s*(?:[:：]\s*)?((?<=[\s:：])(?!{_CELL_LABEL})[^\s:：]{{1,12}})?\s*")
MIN_LONE_LABEL = 3  # characters: a label alone with its value (有效性 有效) must be no common word


def labels_row(text: str) -> bool:
    """A row of a metadata table: two labels or more, or one of its own (not 时间, 分类) with a
    value, and nothing else."""
    at, cells = 0, []
    while at < len(text) and (match := _CELL.match(text, at)) and match.end() > at:
        cells.append(match)
        at = match.end()
    if at < len(text) or not cells:
        return False
    return len(cells) >= 2 or bool(cells[0].group(2)) and len(re.sub(r"\s", "", cells[0].group(1))) >= MIN_LONE_LABEL


_UNLISTED = re.compile(rf"^([\u4e00-\u9fa5]{{2,8}})\s*[{COLONS}]\s*[^\s{COLONS}]{{0,12}}$")


def value_line(text: str) -> bool:
    """A line of a value under a label of one word (中标人：示例建筑工程有限公司), listed or not."""
    return bool(_VALUE_LINE.match(text))


_VALUE_LINE = re.compile(rf"^[\u4e00-\u9fa5]{{2,8}}\s*[{COLONS}]\s*\S")


def unlisted_label(text: str) -> bool:
    """A label nobody listed with a short value or none (公开类别：主动公开, 备注：无, 发布形式：)."""
    match = _UNLISTED.match(text)
    return bool(match) and match.group(1).endswith(LABEL_WORD_ENDINGS)
