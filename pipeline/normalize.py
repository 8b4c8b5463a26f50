"""Normalisation of extracted values: whitespace, dates, 发文字号 brackets, 索引号, titles."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from pipeline.vocab import (
    ATTACHMENT_EXTENSIONS,
    DOCUMENT_TYPES,
    HOME_NAMES,
    ISSUER_ENDINGS,
    NOT_ISSUER_ENDINGS,
    NULL_VALUES,
    TITLE_SEPARATORS,
)

FILE_NAME = re.compile(rf"\.(?:{'|'.join(ATTACHMENT_EXTENSIONS)})\s*[)）]?\s*$", re.I)  # a name ending in a file's type

HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character
# a glyph an icon font draws (the Private Use Area): <i class="iconfont">&#xe61d;</i> is a clock, not a character
ICON_GLYPH = re.compile("[\ue000-\uf8ff]")
# what a 文号 looks like: 示政办发〔2024〕5号, 〔2022〕64号, 国务院令第707号, 公告2026年第25号, 民政部公告第482号
# (an office's part in brackets inside the prefix: 农药检（药效）函〔2020〕123号)
DOC_NO = (r"(?:[\u4e00-\u9fa5A-Za-z]|[（(][\u4e00-\u9fa5]{1,6}[）)]){0,16}(?:[〔\[［(（【﹝〈〖]\s*(?:19|20)\d{2}\s*[〕\]］)）】﹞〉〗]\s*第?\s*\d{1,5}\s*号"
          r"|令\s*第\s*\d{1,5}\s*号|公告\s*(?:(?:19|20)\d{2}\s*年\s*)?第\s*\d{1,5}\s*号)")

# what a document's title ends with: its kind (…的通知, …统计报告), a note in brackets after it at most
DOCUMENT_KIND = re.compile(rf"(?:{'|'.join(DOCUMENT_TYPES)})\s*(?:[（(【〔][^（(]*[）)】〕])?$")

_ISSUER_END = re.compile(rf"(?:{'|'.join(ISSUER_ENDINGS)})$")
_NOT_ISSUER_END = re.compile(rf"(?:{'|'.join(NOT_ISSUER_ENDINGS)})$")


def ends_as_office(text: str) -> bool:
    """Whether a line ends as an office's name does (…人民政府, …委员会, 市政府办), not as a
    headline whose last word only looks so (…座谈会, 成功举办, 新格局)."""
    return bool(_ISSUER_END.search(text)) and not _NOT_ISSUER_END.search(text)


def clean_text(value: str | None) -> str | None:
    """Whitespace of every kind (\u3000, &nbsp;, &ensp; …) collapsed to one space, trimmed; the
    empty string and "无"-like values become None. Characters are kept as written: NFKC would
    turn the document's full-width punctuation into ASCII, so it is used only for matching."""
    if value is None:
        return None
    # (str.split knows the spaces \s does, \u3000 and \xa0 among them, and joins them back twice as fast)
    text = " ".join(value.replace("\u200b", "").split()).strip(" :：")
    if not text or text.lower() in NULL_VALUES:
        return None
    return text


_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:(?:\s*T?\s*|-)(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{2})(?:\s*[:分]\s*(?P<S>\d{2}))?)?"
)
_COMPACT_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")


# (a zero typed as the letter O or the figure 0 among the words: 二O一二年, 二0一二年)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0}
_CN_DATE = re.compile(r"([〇零○ＯO0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")


def _cn_number(text: str) -> int:
    """一 … 三十一, as a month or day is written."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _arabic_date(match: re.Match) -> str:
    year = "".join(str(_CN_DIGITS[c]) for c in match.group(1))
    return f"{year}年{_cn_number(match.group(2))}月{_cn_number(match.group(3))}日"


# a day written in English, as an imported theme prints it (February 13, 2023; 13 Feb 2023)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_WORD = "(?:" + "|".join(sorted({*MONTHS, *(m[:3] for m in MONTHS), "sept"}, key=len, reverse=True)) + r")(?![a-z])\.?"
_ENGLISH_DATE = re.compile(rf"(?i:(?<![a-z])(?P<m>{_MONTH_WORD})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y>(?:19|20)\d{{2}})"
                           rf"|(?<!\d)(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH_WORD})\s*(?P<y2>(?:19|20)\d{{2}}))")
ENGLISH_DAY = re.sub(r"\(\?P<\w+>", "(?:", _ENGLISH_DATE.pattern)  # (unnamed, to sit in other patterns)


def _english_date(text: str) -> date | None:
    match = _ENGLISH_DATE.search(text)
    if not match:
        return None
    word = (match.group("m") or match.group("m2")).lower().rstrip(".")
    month = next((i for i, name in enumerate(MONTHS, 1) if name.startswith(word) or word == "sept" and i == 9), None)
    try:
        return date(int(match.group("y") or match.group("y2")), month, int(match.group("d") or match.group("d2"))) if month else None
    except ValueError:
        return None


# the days an empty or twice-formatted date prints as (the Unix epoch, a database's zero date)
PLACEHOLDER_DAYS = frozenset({date(1970, 1, 1), date(1900, 1, 1)})


def normalize_date(value: str | None) -> str | None:
    """The first date in value as ISO 8601; a time of day is kept when the value has one.
    Dates in Chinese numerals (二〇二四年六月五日, as signatures write them) are read too."""
    if not value:
        return None
    text = _CN_DATE.sub(_arabic_date, unicodedata.normalize("NFKC", value))
    match = _DATE.search(text) or _COMPACT_DATE.search(text)
    if not match:
        day = _english_date(text)
        return day.isoformat() if day and day not in PLACEHOLDER_DAYS else None
    parts = match.groupdict()
    try:
        day = date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
        if day in PLACEHOLDER_DAYS:
            return None  # a template's empty date formatted (编辑日期：1970-01-01): no day at all
        if parts.get("H") is None:
            return day.isoformat()
        moment = datetime(day.year, day.month, day.day, int(parts["H"]), int(parts["M"]),
                          int(parts.get("S") or 0))
    except ValueError:
        return None
    return moment.isoformat(timespec="seconds" if parts.get("S") else "minutes")


_YEAR_BRACKETS = re.compile(r"[\[(（【〔［﹝{<《〈〖]\s*((?:19|20)\d{2})\s*[\])）】〕］﹞}>》〉〗]")


_WRAPPED = re.compile(r"^[（(](.*)[）)]$")
_FULL_WIDTH_FIGURES = str.maketrans("０１２３４５６７８９", "0123456789")


# the signer a 上行文 prints beside its 文号 on one line (示政发〔2024〕12号　　签发人：张三)
SIGNER_AFTER = re.compile(r"[\s\u3000]*签\s*发\s*人\s*[:：]\s*\S{1,12}$")


def normalize_doc_no(value: str | None) -> str | None:
    """发文字号 with the year in 〔〕, spaces removed, its figures ASCII (an editor may type them
    full-width: 示交〔２０２４〕１２号, searched for as 示交〔2024〕12号): 国发[2024] 3号 → 国发〔2024〕3号;
    without the brackets a page wraps it in ((川发改价格〔2025〕480号)) or a bracket left over."""
    text = clean_text(value)
    if text is None:
        return None
    text = SIGNER_AFTER.sub("", text)
    if not _EMPTY_DOC_NO.sub("", text):
        return None  # the template's frame with nothing filled in: 〔〕 号
    text = _YEAR_BRACKETS.sub(r"〔\1〕", text.replace(" ", "").translate(_FULL_WIDTH_FIGURES))
    text = _WRAPPED.sub(r"\1", text)
    if text.endswith((")", "）")) and text.count("(") + text.count("（") < text.count(")") + text.count("）"):
        text = text[:-1]
    return text.lstrip("(（") if not re.search(r"[)）]", text) else text


_EMPTY_DOC_NO = re.compile(r"[\s〔〕\[\]【】（）()号第]+")


# 索引号 shapes seen on disclosure sites: organisation code / year - serial, with variants.
INDEX_NO_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"[0-9A-Z]{8,18}(?:-[0-9A-Z]+)?/\d{4}-\d{3,}",     # 000014349/2018-00222, 11330000002482183B/2024-123
        r"[0-9A-Z]{8,18}/\d{4}-\d{2}-\d{3,}",              # 000014348/2020-01-00001
        r"[0-9A-Z]{5,18}-\d{4}-\d{4}-\d{3,}",              # PZ00108-3000-2023-00092
        r"[0-9A-Z]{8,18}-\d{2,4}-\d{4}-\d{3,}",            # 11330000MB1234567X-01-2024-0001
        r"[0-9A-Z]{5,18}[-/]\d{4}[-/]\d{3,}",              # 002482183/2024/00012, XM00104-2024-00001
        r"[A-Z0-9]{2,}-?[A-Z0-9]+-\d{4}-\d{3,}",            # 3590000001-A-2024-001 style
    )
)


def normalize_index_no(value: str | None) -> tuple[str | None, bool | None]:
    """索引号 as written (trimmed); and whether it has a known shape (None when absent)."""
    text = clean_text(value)
    if text is None:
        return None, None
    text = text.replace(" ", "")
    return text, any(p.fullmatch(text) for p in INDEX_NO_PATTERNS)


_TITLE_WORDS = re.compile(r"[《》〔〕]|关于|的")  # a part of a title, not a column's name (通知公告)
_SUFFIX_HINT = re.compile(r"(人民政府|管委会|专栏|政府|门户网站|网站|网|委员会|局|厅|办公室|办公厅|中国政府网)$")


def _names_site(part: str) -> bool:
    """A part of a <title> naming the site or its office (示例县人民政府, 交通运输部), or only its
    place (示例市), not a title."""
    return bool(_SUFFIX_HINT.search(part) or _PLACE.fullmatch(part) or _ENGLISH_NAME.fullmatch(part)) or (
        len(part) <= MAX_OFFICE_NAME and ends_as_office(part) and not _TITLE_WORDS.search(part))


# a site's name in English words (… - School of Information Science and Technology): a title's
# part in a Chinese <title> is not
_ENGLISH_NAME = re.compile(r"\s*[A-Z][A-Za-z&'’.,()]*(?:\s+[A-Za-z&'’.,()]+){1,12}\s*")
_PLACE = re.compile(r"\s*[\u4e00-\u9fa5]{1,10}(?:省|市|县|区|州|盟|旗|镇|乡|街道)\s*")


MAX_OFFICE_NAME = 25  # characters


# a site's name set off by a space only (示例县人民政府 关于…的通知, …的通知 示例县人民政府), or a
# site's and a column's (江苏省发展和改革委员会 通知公告 江苏省成品油价格调整公告): a column is short,
# not worded as a title, and not another office (财政部 税务总局关于… are two issuers)
_NAME_CHARS = r"[^\s_|｜—－\-]"  # (a name runs to no separator: …加速度”_通知公告_示例市人民政府 is no one name)
_SITE = rf"{_NAME_CHARS}{{2,20}}(?:人民政府|门户网站|政府网|网站)"
_OFFICE_SITE = rf"{_NAME_CHARS}{{2,20}}(?:人民政府|门户网站|政府网|网站|委员会|局|厅|办公室|办公厅)"
_COLUMN = r"[^\s关的《]{2,8}(?<![局委厅部办会室署院])"
_SPACED_SITE = re.compile(rf"^{_OFFICE_SITE}\s+{_COLUMN}\s+(?=\S{{6}})|^{_SITE}\s+(?=\S{{6}})|(?<=\S{{6}})\s+{_SITE}$")


MAX_COLUMNS = 2  # column names a <title> carries between the title and the site


def _column_part(part: str) -> bool:
    """A part of a <title> that names a column: short, and unlike a document title."""
    return len(part) <= 10 and not _TITLE_WORDS.search(part)


def _search_words(part: str) -> bool:
    """A part of a <title> listing words for search engines (…的通知 - 中国农药信息网_生物农药,有机农药,农药价格):
    three short words or more between commas, none worded as a title."""
    words = _COMMAS.split(part.strip())
    return len(words) >= MIN_SEARCH_WORDS and all(0 < len(w) <= 10 for w in words) and not _TITLE_WORDS.search(part)


_COMMAS = re.compile(r"\s*[,，]\s*")
MIN_SEARCH_WORDS = 3


def _column_before_site(tokens: list[str]) -> bool:
    """Whether the last part is a column's name after the site's (… - 示例县人民政府 - 政务公开)."""
    last = tokens[-1]
    return (len(last) <= 10 and not _TITLE_WORDS.search(last)
            and any(_names_site(t) for t in tokens[2:-1:2]))


def _bracketed_site(name: str) -> bool:
    """A site's name in the brackets opening a <title> (【示例市人民政府】, 【示例职业技术学院 - 通知公告】):
    not a column's short name (【人社】)."""
    return bool(_SUFFIX_HINT.search(name) or _PLACE.fullmatch(name)) or len(name) >= 4 and _names_site(name)


_SPACED_NAME = re.compile(r"(?<=[^\sA-Za-z]{6})\s+([^\s_|｜—－\-]{2,25}|[A-Z][A-Za-z&'’.,()]*(?:\s+[A-Za-z&'’.,()]+){1,12})$")
_BRACKETED_LEAD = re.compile(r"^[【\[]\s*([^【】\[\]]{2,25}?)\s*[】\]]\s*(?=\S.{5})")
_TRAIL = re.compile(r"\s+>\s+|\s*(?:＞|»|›|>>)\s*")  # (a bare > may close a <…> inside 《…》)


def clean_title(title: str | None, names: tuple[str, ...] = (), columns: tuple[str, ...] = ()) -> str | None:
    """A page title without the column/site suffixes a CMS appends (…_计划规划_某某人民政府), or the
    site name it puts first. `names`: the site's and column's names; `columns`: the breadcrumb's
    steps, naming a part only unless it is worded as a title (…决议__2007年第23号国务院公报)."""
    text = clean_text(title)
    if text is None:
        return None
    known = {clean_text(n) for n in names if n} - {None}
    named_steps = {step for step in columns if step and step not in HOME_NAMES}

    def names_column(part: str) -> bool:
        return any(k in part for k in known) or not _TITLE_WORDS.search(part) and any(step in part for step in named_steps)

    if (lead := _BRACKETED_LEAD.match(text)) and _bracketed_site(re.split(TITLE_SEPARATORS, lead.group(1))[0].strip()):
        text = text[lead.end():]  # the site's name first, in brackets: 【示例市人民政府】关于… (a column's, 【人社】, stays)
    steps = _TRAIL.split(text)
    if len(steps) >= 2 and (steps[0] in HOME_NAMES or steps[0] in known or _names_site(steps[0])):
        text = steps[-1]  # a <title> printed as the page's trail: 首页 > 通知公告 > 关于…的通知
    # (a site's name set off by a space first: the part before it may hold a 副题 after its dash,
    # …问答课堂——如何进行… 示例市人民政府门户网站)
    text = _SPACED_SITE.sub("", text)
    tokens = re.split(f"((?:{TITLE_SEPARATORS})+)", text)  # part, separator, part, …
    while len(tokens) > 2 and tokens[-1].strip() in HOME_NAMES:
        del tokens[-2:]  # (首页 names no page: …的通知 - 首页)
    while len(tokens) > 2 and tokens[0].strip() in HOME_NAMES:
        del tokens[:2]
    stripped = 0
    while len(tokens) > 2 and (names_column(tokens[-1]) or _names_site(tokens[-1])
                               or _column_before_site(tokens) or _search_words(tokens[-1])):
        del tokens[-2:]
        stripped += 1
    # Behind a site name come the column names (…的函_规划计划信息_政务公开_…建设信息网): short, and
    # unlike a document title; behind an underscore a column needs no site after it (…的通知_价格管理):
    # CMSs join title and column so, a title never ends in one.
    for _ in range(MAX_COLUMNS):
        if (len(tokens) > 2 and _column_part(tokens[-1]) and (stripped or "_" in tokens[-2])
                and len("".join(tokens[:-2])) >= 8):
            del tokens[-2:]
    # Some CMSs put the site's name first (凯里市人民政府- 凯里市…实施方案), or the column's before
    # the title when the site's closes it (通知公告 - 关于…的通知 - 示例市人民政府).
    if len(tokens) > 2 and "".join(tokens[2:]).strip() and (
            (site_first := tokens[0] in known or _names_site(tokens[0]) and not _TITLE_WORDS.search(tokens[0]))
            or stripped and len(tokens) == 3 and _column_part(tokens[0].strip()) and len(tokens[2].strip()) >= 8):
        del tokens[:2]
        if site_first and len(tokens) > 2 and _column_part(tokens[0].strip()) and len("".join(tokens[2:]).strip()) >= 8:
            del tokens[:2]  # and the column's after it: 示例市人民政府 - 政务公开 - 关于…的通知
    title = _SPACED_SITE.sub("", "".join(tokens)).rstrip("_|｜-—－ ")
    # a site's or office's name after the title, set off by a space only (…的通知 示例大学新闻网)
    if (spaced := _SPACED_NAME.search(title)) and (_names_site(spaced.group(1)) or _ENGLISH_NAME.fullmatch(spaced.group(1))) \
            and not _TITLE_WORDS.search(spaced.group(1)):
        title = title[:spaced.start()]
    if title.startswith("【") and title.endswith("】") and title.count("【") == 1:
        title = title[1:-1]  # the whole title in brackets: 【关于…的复函(发改办体改〔2026〕275号)】
    return clean_text(title)
