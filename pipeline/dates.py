"""Which of a page's dates is its publication date.

Sources by reliability: the page's visible, labelled 发布日期, else a bare date line printed
between the headline and the text (`2023-12-01 14:43` beside 来源：…); its `<meta name="PubDate">`
(on many sites the time the page was generated or re-published, years after the document);
htmldate's reading of the page. A meta date that agrees with the visible day only adds the time
of day; one long after the document was written is suspect and gives way.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from pipeline.blocks import after_headline
from pipeline.labels import before_labels, field_of, label_matches, without_tools
from pipeline.normalize import ENGLISH_DAY, ICON_GLYPH, clean_text, normalize_date

SUSPECT_AFTER_DAYS = 3 * 365  # a publication this long after the writing is a re-publication
SUSPECT_BEFORE_DAYS = 30  # one this long before the 成文日期 is some other date of the page


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def plausible(published: str | None, written: str | None) -> bool:
    if published is None:
        return False
    return written is None or not _too_early(published, written) and (_day(published) - _day(written)).days <= SUSPECT_AFTER_DAYS


def _too_early(published: str | None, written: str | None) -> bool:
    """A publication long before the document was signed: some other date of the page."""
    return bool(published and written) and (_day(written) - _day(published)).days > SUSPECT_BEFORE_DAYS


def publication_date(visible: str | None, meta: str | None, written_at: str | None,
                     guess: Callable[[], str | None], labelled_days: frozenset = frozenset()) -> str | None:
    """The visible date, else the meta tag's, else a guess (htmldate's), each when plausible. A
    guess landing on a day the page gives as another date (`labelled_days`: its 成文日期, labelled
    发文日期：… or its signature's) read that date: the page shows no publication date."""
    shown, tagged = normalize_date(visible), normalize_date(meta)
    if shown:
        if tagged and tagged[:10] == shown[:10] and len(tagged) > len(shown):
            return tagged  # the same day, with the time the page did not print
        return shown
    if plausible(tagged, written_at):
        return tagged
    guessed = normalize_date(guess())
    if guessed and guessed[:10] in labelled_days:
        guessed = None
    if plausible(guessed, written_at):
        return guessed
    # (one long after the writing is a re-publication, still the page's; one long before the document
    # was signed is some other date of the page, the template's 页面生成时间: no publication)
    return next((day for day in (tagged, guessed) if day and not _too_early(day, written_at)), None)


_DAY = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"  # 2023-12-01, 2024年6月7日
_TIME = r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
# a line that is a date and nothing else (a weekday at most): 2023-12-01 14:43, 2024年6月7日
_BARE_DATE = re.compile(rf"^{_DAY}(?:(?:\s+|(?<=日))\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?(?:\s*星期[一二三四五六日天])?$")


def _beside_name(day: str, longest: int = 20) -> re.Pattern:
    # (a name may hold figures, 39健康网, 21世纪经济报道: not a year's four; a dot may set it
    # apart: 2024-05-09 22:30·新华社)
    return re.compile(rf"^(?:[^\d（(\[【]|\d(?!\d{{3}})){{2,{longest}}}\s*(?P<after>{day}{_TIME})$"
                      rf"|^(?P<before>{day}{_TIME})(?:\s+|\s*[·・|｜]\s*)(?:[^\d，。:：]|\d(?!\d{{3}})){{2,{longest}}}$")


# a date beside a short name and nothing else: `中国人民银行网站 2025-05-30`, `2024-06-05 10:00 示例县应急局`.
# In figures, or in words with a time (新浪科技 beside 2014年01月16日 04:04: a signature is never
# timed): `示例县人民政府 2024年6月5日` may be a signature printed under the title, the text's own.
# A medium's name (…网站, …网, …报) is never a signature: beside it a date in words is a byline's too.
_MEDIUM = r"[^\d（(\[【，。]{1,20}?(?:网站|网|报|电视台|广播电台|客户端|公众号)"
_BESIDE_NAME = _beside_name(rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|{_DAY}(?=\s*\d{{1,2}}[:：]\d{{2}}))")
DATE_BESIDE_NAME = re.compile(rf"{_BESIDE_NAME.pattern}|^{_MEDIUM}\s*{_DAY}{_TIME}$")
# where only a byline can be (after the headline, read for the publication date), written either
# way, its name with the site's address at most (国务院新闻办公室网站　www.scio.gov.cn　2019/04/12)
_BYLINE = _beside_name(_DAY, longest=40)


# a date in brackets, its time with it: [2024-06-05 10:00], （2024-06-05）, 【2024年6月5日】
_BRACKETED = re.compile(rf"[\[【(]\s*({_DAY}{_TIME})\s*[\]】)]")


def _as_read(text: str) -> str:
    """A line as a reader reads its date: figures normal (２０２４ is 2024), an icon font's glyph
    before it gone (<i class="iconfont">&#xe61d;</i>2019-09-25 10:57:01: a clock, not a character),
    brackets around the date dropped."""
    return unbracketed(ICON_GLYPH.sub("", unicodedata.normalize("NFKC", text)))


def unbracketed(text: str) -> str:
    """A line with the brackets around its date dropped: a bracketed date reads as a bare one."""
    return _BRACKETED.sub(r"\1", text) if "[" in text or "【" in text or "(" in text else text


def date_alone(text: str) -> bool:
    """Whether a text is a date and nothing else (its time and weekday at most)."""
    return _alone(_as_read(text).strip())


def _alone(text: str) -> bool:
    return bool(_BARE_DATE.match(text) or _ENGLISH_LINE.match(text))


def printed_date(text: str) -> str | None:
    """The date a byline prints: alone, or beside its source's name."""
    if _alone(text):
        return text
    match = _BYLINE.match(text)
    return (match.group("after") or match.group("before")) if match else None


def dated_line(text: str) -> bool:
    """Whether a line is a header's date line: the date alone (its time and weekday at most),
    before the line's labelled items (2024-06-05 作者：张三), or in figures beside a name. Not a
    date in words beside a name (示例县统计局 2024年2月22日): that may be a signature printed under
    the title, the text's own."""
    text = _dateline(without_tools(_as_read(text)))
    first = text.partition("|")[0].strip()  # (NFKC made ｜ a |; 2024-06-05 | 阅读 123: the date first, the page's items after a bar)
    return bool(_alone(text) or _BESIDE_NAME.match(text) or first != text and _alone(first))


_ENGLISH_LINE = re.compile(rf"^{ENGLISH_DAY}{_TIME}$")


def date_line(page: list, title: str | None, container) -> str | None:
    """The date printed on a line just after the headline, before the text (when there is
    one), as news-style pages show it without a label: alone, beside the name of its source
    (`2024-06-05 10:00 示例县应急局`), ahead of the line's labelled items
    (`2026年07月29日 18:00 来源：中国网信网`), or as a calendar's leaf (21 / 2024年02月). Only
    there: a date alone in the page's top bar is today's."""
    return header_date([clean_text(block.text) or "" for block in after_headline(page, title, container)])


def header_date(lines: list[str]) -> str | None:
    """The first date a document's header prints on lines of its own: a byline's (with the page
    tools it runs into after it), or a calendar's leaf over two lines."""
    # (figures full-width or not: ２０２４年６月５日 is the same day)
    lines = [without_tools(_as_read(line)) for line in lines]
    texts = list(map(_dateline, lines))
    for i, text in enumerate(texts):
        if day := (printed_date(text) or printed_date(_after_source(lines[i]))
                   or (i + 1 < len(texts) and calendar_leaf(text, texts[i + 1]))):
            return day
    return None


def _dateline(line: str) -> str:
    """A header line (its figures normal, its tools off) as a date line reads: before its labels,
    after the site's address ahead of the date, without a bar closing it (2024/06/05 15:30 |
    编辑：…; http://ent.QQ.com 2009年11月09日11:30 腾讯音乐)."""
    return _SITE_ADDRESS.sub("", before_labels(line)).rstrip(" |｜")


_SITE_ADDRESS = re.compile(r"^(?:https?://)?(?:[\w-]+\.)+[a-z]{2,6}/?\s+(?=\d)", re.I)


def _after_source(line: str) -> str:
    """A line's first labelled value when it names a source: `来源：示例县人民政府 2024年6月5日` →
    the name and its date, a byline's shape (up to the next label: …08:10 作者：编辑组)."""
    matches = label_matches(line)
    if not matches or matches[0].start() != 0 or field_of(matches[0].group(1)) != "source":
        return ""
    return line[matches[0].end():matches[1].start() if len(matches) > 1 else len(line)].strip(" ：:\u3000")


_DAY_ALONE = re.compile(r"^(?:0?[1-9]|[12]\d|3[01])\s*日?$")
_MONTH_ALONE = re.compile(r"^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*月?$")


def calendar_leaf(first: str, second: str) -> str | None:
    """A date printed as a calendar's leaf: its day in one block, its year and month in the next
    (21 / 2024年02月), either way round."""
    for day, month in ((first, second), (second, first)):
        if _DAY_ALONE.match(day) and (match := _MONTH_ALONE.match(month)):
            return f"{match.group(1)}-{int(match.group(2)):02d}-{int(day.rstrip('日 ')):02d}"
    return None
