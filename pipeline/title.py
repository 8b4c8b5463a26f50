"""The document's title, from the sources a page gives it in.

In order: a labelled 标题/名称 of the metadata block, `<meta name="ArticleTitle">` (unless the
page prints it as the 副题 under its headline), the page's headlines (h1 …), its `<title>`
without the site and column names, an h2/h3 whose class or id says title, and last any other
element that says so (`div.detil-new-title`, `td.news_tit`). A source that names the site or an office instead
of a document (a banner h1 `国家统计局信息公开`), or an h1 that heads the column (a step of the
breadcrumb: `<h1>通知公告</h1>`), is passed over; of two
sources that say the same title, the one without a column suffix (`…的决议__2007年第23号`) and
the one not cut short (`…细则（2020`) wins; a title cut short wherever it is shown is completed
from a link's title attribute (its attachment's) that says it whole.
"""
from __future__ import annotations

import re

from lxml import etree

from pipeline.blocks import BLOCK_TAGS, SKIP_TAGS, is_hidden, shown_text
from pipeline.breadcrumb import HOME, LEAD
from pipeline.dates import date_alone
from pipeline.labels import before_labels, label_matches
from pipeline.lines import MAX_TITLE
from pipeline.normalize import DOC_NO, DOCUMENT_KIND, FILE_NAME, clean_text, clean_title, ends_as_office, normalize_doc_no
from pipeline.vocab import HEADLINE_VERBS, META_ALIASES, PAGE_KIND_ENDINGS, SITE_NAME_ENDINGS

_SITE_NAME = re.compile(rf"(?:{'|'.join(SITE_NAME_ENDINGS + PAGE_KIND_ENDINGS)})$")
_DOCUMENTISH = re.compile(r"关于|的|《")
_SPOKEN = re.compile(r"\S[:：]\s*\S")  # a speaker, then words: 农机专家李金泽：为农机行业搭建现代化信息平台
_HEADLINE_VERB = re.compile("|".join(HEADLINE_VERBS))
COLUMN_LENGTH = 6  # characters: a headline this short and not worded like a title names a column
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")
_SUFFIX_SEPARATOR = re.compile(r"^[_|｜\-—－\s]+")
_CUT = re.compile(r"(?:\.\.\.|…+)$")
# what a <title> adds to the title the page prints over its text: one separator, then a short
# name (…监察法-纪检, …的通知_示例市人民政府); a 副题 after a long dash is the title's own
_SITE_SUFFIX = re.compile(r"^\s*[_|｜\-－]\s*[^_|｜\-－—]{1,30}$")


def _titled_headings(tree) -> list:
    """Lesser headings that say they are the title (h2.xxgkNbXqTitle): the last resort, after a
    <title> that only names the site. (Found by lxml's walk by tag: an XPath asking each
    element's name costs twice as much.)"""
    return [h for h in tree.iter("h2", "h3") if "title" in f"{h.get('class') or ''} {h.get('id') or ''}".lower()]


_TITLED_BLOCKS = ("//body//*[self::div or self::p or self::span or self::td or self::h4 or self::strong]"
                  "[contains(translate(concat(@class, ' ', @id), 'TITLE', 'title'), 'tit')]")
_TITLED_BLOCKS_PATH = etree.XPath(_TITLED_BLOCKS)


def is_name(text: str, site_name: str | None = None) -> bool:
    """A site's or an office's name, or a template's name for the kind of page (…详细页面),
    rather than a document's title."""
    bare = _TRAILING_NOTE.sub("", text).strip("_|｜-—－ ")  # a banner's 万载县人民政府- too
    return text == site_name or ((ends_as_office(bare) or bool(_SITE_NAME.search(bare)))
                                 and not _DOCUMENTISH.search(bare) and not _HEADLINE_VERB.search(bare)
                                 and not _SPOKEN.search(bare) and not _TAGGED.match(bare))


# a kind of item in brackets before the words (【招聘】…监测中心, [公告]…): a title's tag, never a name's
_TAGGED = re.compile(r"^[【\[〖][^】\]〗]{1,8}[】\]〗]\s*\S")


def _unbalanced(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")") or bool(_CUT.search(text))


def _names_in(suffix: str, meta: dict, columns: tuple[str, ...] = ()) -> bool:
    """Whether a title's suffix is made of the site's or column's name (as its <meta> say, or a
    step of the breadcrumb past home)."""
    names = (*(meta.get(k) for k in ("SiteName", "ColumnName", "lanmu")), *(step for step in columns if not HOME.match(step)))
    rest = suffix
    for name in sorted(filter(None, names), key=len, reverse=True):
        rest = rest.replace(name, "")
    # (a few words more at most, 门户网站: not a title's words that hold a column's name, | 洛阳职业技术学院：…)
    return rest != suffix and len(_NOT_WORDS.sub("", rest)) <= MAX_NAME_REST


MAX_NAME_REST = 6  # characters of a suffix besides the names it holds
_NOT_WORDS = re.compile(r"[\W_]+")


SUBTITLE_DASH = re.compile(r"^\s*[—–－-]{1,2}\s*")  # a 副题 is led by a dash: ——我国…综述


def _printed_as_subtitle(tree, title: str) -> bool:
    """Whether the page prints `title` as a 副题: a heading led by a dash (——我国…综述)."""
    return any(SUBTITLE_DASH.match(text) and SUBTITLE_DASH.sub("", text) == title
               for text in map(clean_text, map(shown_text, _H2_H3_H4(tree))) if text)


def _lead(el) -> str:
    """An element's first line: its text up to its first block child, or that child's first
    line when nothing comes before it (a title over a list of its source and date)."""
    words, block = _words_before(el, BLOCK_TAGS)
    return _lead(block) if block is not None and not words.strip() else words


_NO_STOPS: frozenset = frozenset()  # (an element's words whole, a date set after them left out)


def _words_before(el, stops: frozenset) -> tuple[str, object]:
    """An element's text up to its first child whose tag is in `stops`, and that child; a child
    printing a date alone after the words is left out (the page's date, set in the headline)."""
    out = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str) or child.tag in SKIP_TAGS or is_hidden(child):
            out.append(child.tail or "")  # (a hidden child shows nothing: an ng-hide copy of a link's words)
            continue
        if child.tag in stops:
            return "".join(out), child
        shown = shown_text(child)
        if date_alone(shown) and "".join(out).strip():  # (…副主编<br><small>2012年8月27日</small>)
            out.append(child.tail or "")
            continue
        out += [shown, child.tail or ""]
    return "".join(out), None


# an h1 inside a link heads a banner leading elsewhere (XPaths compiled once: one given as a string
# is compiled anew on every call)
_HEADLINES = etree.XPath("//h1[not(ancestor::a)]")
_TITLE_METAS = frozenset({"articletitle", *(name for name, meant in META_ALIASES.items() if meant == "ArticleTitle")})
_H2_H3_H4 = etree.XPath("//h2|//h3|//h4")
_H2_H3 = etree.XPath("//h2|//h3")
_LINK_TITLES = etree.XPath("//a/@title")


def named_titles(tree) -> frozenset[str]:
    """The document's title as the page's head names it (its ArticleTitle meta, its <title>
    without the site's name), where that is a title and not a site's or office's name."""
    named = [m.get("content") for m in tree.iter("meta") if (m.get("name") or "").lower() in _TITLE_METAS]
    titles = {clean_title(text) for text in (*named, tree.findtext(".//title"))}
    return frozenset(t for t in titles if t and len(t) >= 8 and not is_name(t))


def headline(tree):
    """The element printing the document's title over its text, if one says so: the first h1
    that names no site or office and is no link, else an h2 (or an h3 whose class or id says
    title) worded as a document's title is (关于…的通知) and not a link."""
    for h in _HEADLINES(tree):
        text = clean_text(shown_text(h))
        if text and not is_name(text) and not any(map(is_hidden, (h, *h.iterancestors()))):
            return h  # (a hidden one is a print copy's, after the text)
    return next((h for h in tree.iter("h2", "h3") if (h.tag == "h2" or "title" in f"{h.get('class')} {h.get('id')}".lower())
                 and _worded_as_title(h)), None)


def _worded_as_title(heading) -> bool:
    """A heading worded as a document's title (…关于…的公告), not a site's name, not a link."""
    if heading.find(".//a") is not None:
        return False  # (asked first: a side list's headings are links, and reading words costs more)
    text = clean_text(shown_text(heading))
    return (bool(text) and len(text) >= 8 and not is_name(text)
            and bool(_DOCUMENTISH.search(text) or DOCUMENT_KIND.search(text)))


def column_like(headline: str) -> bool:
    """A headline as short as a column's name and not worded as a document's title; or two such
    names a column joins (招标公告/资审公告)."""
    if len(headline) <= COLUMN_LENGTH:
        return not _DOCUMENTISH.search(headline)
    names = headline.split("/")
    return 1 < len(names) <= 3 and all(name and column_like(name) for name in names)


def _worded_headings(tree) -> list[str]:
    """h2/h3 headings worded as a document's title (…关于…的公告), not links: the last
    candidates of a page without an h1 whose <title> names only the site."""
    return [_heading_text(h) for h in _H2_H3(tree) if _worded_as_title(h)][:2]


def _heading_text(heading) -> str:
    return headline_text(_own_words(heading))


_INNER_BLOCKS = frozenset("p div table ul ol dl section article h1 h2 h3 h4 h5 h6".split())


def _own_words(heading) -> str:
    """A heading's text up to a block it holds (a heading left unclosed holds the page after it:
    `<h2>…感染者</br><h2><small>( 2022-04-26)</small></h2>…`); a <br> or a span stays inside."""
    return _words_before(heading, _INNER_BLOCKS)[0]


# a date in figures after the words, in brackets or run into them (…感染者 ( 2022-04-26),
# …快速办理！<span>2023-12-14</span>): a document's title writes its dates in words
_DATE_AFTER = re.compile(r"(?<=\S)\s*[（(\[【]?\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[）)\]】]?$")


def without_date_after(text: str) -> str:
    return _DATE_AFTER.sub("", text)


def headline_text(text: str) -> str:
    """A headline's words up to the labelled values printed in it (`关于…的通知 (发布日期：…)`)
    and without a date in figures after them (`…感染者 ( 2022-04-26)`), nor the 文号 printed
    after its kind (`…的通知<br>示应急〔2024〕12号`): the page's or the header's, not the title's."""
    text = _headline_words(text)
    return match.group(1).strip() if (match := _KIND_THEN_DOC_NO.match(text)) else text


def _headline_words(text: str) -> str:
    return without_date_after(before_labels(clean_text(text) or ""))


# a title's kind (…的通知), then a bare 文号 run into it: the header's next line, not the title
_KIND_THEN_DOC_NO = re.compile(rf"^(.*?{DOCUMENT_KIND.pattern.removesuffix('$')})\s*(?:{DOC_NO})$")


def doc_no_in_headline(tree) -> str | None:
    """The 文号 a headline prints after its title's kind (`…的通知<br>示应急〔2024〕12号`, or in
    the same line), which `headline_text` leaves out of the title."""
    for heading in _HEADLINES(tree)[:3]:
        text = _headline_words(shown_text(heading))
        if match := _KIND_THEN_DOC_NO.match(text):
            return normalize_doc_no(text[match.end(1):].strip())
    return None


_LINE_STOPS = BLOCK_TAGS - {"br"}


def _titled_blocks(tree) -> list[str]:
    """Texts of other elements whose class or id says title, long enough for a document's
    and neither mostly links (a side list's items, a breadcrumb), labelled values (发布时间：…
    信息来源：…) nor sentences, and shown: the last resort of a page whose
    h1 heads a column and whose <title> names only the site."""
    found = []
    for el in _TITLED_BLOCKS_PATH(tree):
        if any(map(is_hidden, (el, *el.iterancestors()))):
            continue  # a share widget's copy of the title (display:none), cut by its <br>
        text = clean_text(_lead(el))
        # a title broken by <br> (a narrow bar): its lines read whole, unless a later one is a byline's
        whole = clean_text(_words_before(el, _LINE_STOPS)[0])
        if (whole and text and whole != text and whole.startswith(text) and not label_matches(whole)
                and not _DATE_AFTER.search(whole) and len(whole) <= MAX_TITLE):
            text = whole
        linked = sum(len(words) for words in map(clean_text, (a.text_content() for a in el.iter("a")))
                     if words and text and words in text)
        if text and len(text) >= 8 and linked * 2 < len(text) and not label_matches(text) and "。" not in text:
            found.append(text)
    return found[:3]


def read_title(tree, meta: dict, labelled: dict, columns: tuple[str, ...] = (), over_text: str | None = None) -> str | None:
    """`columns`: the breadcrumb's steps; a headline that says one of them heads the column.
    `over_text`: the line printed over the text (pipeline.position.title_over_text)."""
    names = (meta.get("SiteName"), meta.get("ColumnName"), meta.get("lanmu"))
    over = clean_text(over_text)
    article_title, page_title = clean_title(meta.get("ArticleTitle"), names), clean_title(tree.findtext(".//title"), names, columns)
    headlines = [headline_text(_words_before(h, _NO_STOPS)[0]) for h in _HEADLINES(tree)[:3]]
    # not the column (a step of the breadcrumb), nor the breadcrumb itself (<h1>您当前所在的位置：…)
    # (a trail may end at the document itself: its title is no column's name)
    headlines = [h for h in headlines if h and not _names_column(h, columns) and h not in names and not LEAD.match(h)]
    if any(t and len(t) > COLUMN_LENGTH + 2 and not is_name(t, meta.get("SiteName")) for t in (article_title, page_title)):
        # a column's name over the text (<h1>通知公告</h1>) when the page's title says more
        headlines = [h for h in headlines if not column_like(h)]
    # an ArticleTitle as short as a column's name and not worded as a title (通知公告) is a
    # template's slip: the page's own lines come first
    named_column = article_title if article_title and column_like(article_title) else None
    candidates = [clean_text(labelled.get("title")), None if named_column else article_title, *headlines, page_title]
    titled_headings = [_heading_text(h) for h in _titled_headings(tree)[:2]]
    candidates += titled_headings
    candidates += [*_worded_headings(tree), over, named_column]
    candidates = [c for c in candidates if c and not _names_column(c, columns)]  # a <title> of column_site names the column
    chosen = next((c for c in candidates if not is_name(c, meta.get("SiteName"))), None)
    if chosen is not None and chosen in headlines + [page_title] + titled_headings and column_like(chosen):
        # <h1>通知公告</h1>, <h2 class="list_title">重要新闻</h2> or a <title> naming the column and
        # site: the title is in a block saying so, or the line printed over the text
        titled = [t for t in (*_titled_blocks(tree), *_worded_headings(tree)) if not is_name(t) and not column_like(t)]
        chosen = next((t for t in titled if _DOCUMENTISH.search(t)),
                      over if over and not column_like(over) and not is_name(over) else next(iter(titled), chosen))
    if chosen is None:
        chosen = next((c for c in _titled_blocks(tree) if not is_name(c, meta.get("SiteName"))), None)
        if chosen is None:
            return candidates[0] if candidates else None
    headline = next((h for h in headlines if h and not is_name(h)), None)
    if headline and chosen not in headlines and _printed_as_subtitle(tree, chosen):
        chosen = headline  # ArticleTitle holds the 副题 (——…综述) printed under the headline
    if (over and chosen != over and chosen in (*headlines, page_title) and over not in chosen and chosen not in over
            and not is_name(over) and not column_like(over) and _DOCUMENTISH.search(over) and not _DOCUMENTISH.search(chosen)):
        # an h1 or a <title> in words no vocabulary lists (a banner's 智慧水务服务平台) unlike a title, and
        # a line over the text worded as one: where the two differ on the real pages, the line
        # over the text is right (h1: 10 of 10; <title>: 32 of 38)
        chosen = over
    if (over and chosen == page_title and over != chosen and over.endswith(chosen)
            and (lead := _COLUMN_PREFIX.match(over[:-len(chosen)])) and lead.group(1) not in columns and not is_name(lead.group(1))):
        # the <title>'s first words cut as a column's (惠荫园--程公祠…公告): the line over the text
        # prints them, and no step of the trail names them
        chosen = over
    printed = {*headlines, over}  # what the page shows over its text
    for other in candidates:
        if other == chosen:
            continue
        rest = chosen[len(other):] if chosen.startswith(other) else ""
        lead = chosen[:-len(other)] if chosen.endswith(other) else ""
        if rest and _SUFFIX_SEPARATOR.match(rest) and not _unbalanced(other) and (
                _names_in(rest, meta, columns) or chosen == page_title and other in printed and adds_name(chosen, other)):
            chosen = other  # the same title with the column's or the site's name run into it (…安全 德育之窗)
        elif lead and other in printed and (match := _COLUMN_PREFIX.match(lead)) and (
                column_like(match.group(1)) or match.group(1) in columns):
            chosen = other  # the same title after the column's name (通知公告 - 关于…的通知)
        elif _unbalanced(chosen) and other.startswith(_CUT.sub("", chosen)) and len(other) > len(chosen):
            chosen = other  # the same title, cut short
    if _unbalanced(chosen):
        # cut short everywhere it is read from: a block saying title, or a link's title (its
        # attachment's, named by its file) may say it whole
        stem = _CUT.sub("", chosen)
        wholes = [*_titled_blocks(tree), *map(clean_text, _LINK_TITLES(tree))]
        chosen = next((whole for whole in (FILE_NAME.sub("", w) for w in wholes if w)
                       if whole.startswith(stem) and len(whole) > len(stem) and not _unbalanced(whole)), chosen)
    return chosen


def adds_name(longer: str, title: str) -> bool:
    """Whether `longer` is `title` with a short name after it, set apart by a separator or a
    space (…检查消防安全 德育之窗, …的通知_示例市人民政府): a <title>'s column or site."""
    rest = longer[len(title):] if longer.startswith(title) else ""
    return bool(rest and _SUFFIX_SEPARATOR.match(rest) and (_SITE_SUFFIX.match(rest) or column_like(rest.strip())))


def _names_column(text: str, columns: tuple[str, ...]) -> bool:
    """Whether a line is a step of the breadcrumb naming a column, not the document the trail
    ends at (首页 > 政务公开 > 关于…的通知)."""
    return text in columns and (column_like(text) or text != columns[-1])


_COLUMN_PREFIX = re.compile(r"^\s*([^_|｜\-—－]{2,12}?)\s*[_|｜\-—－]+\s*$")  # 通知公告 - , 工作动态_
