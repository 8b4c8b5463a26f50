"""The document's signature (落款): the issuing offices and the date closing its text.

Its date is the document's own statement of its 成文日期. Its lines also decide a container:
a text of one long paragraph is chosen alone while its salutation, 附件 lines and signature sit
in sibling paragraphs, and then the parent holds the document.
"""
from __future__ import annotations

import re

from pipeline.blocks import SKIP_TAGS
from pipeline.body import ANNEX_LINE, FILE_HREF, container_lines, empty_heading, is_furniture, unspaced
from pipeline.lines import FIGURES_DATE, SENTENCE_END, header_line
from pipeline.normalize import FILE_NAME, clean_text, ends_as_office, normalize_date
from pipeline.vocab import SIGNER_TITLES

SIGNER_LINE = re.compile(rf"^(?:{'|'.join(SIGNER_TITLES)})[:：]?\s*\S{{2,4}}$")
DATE_LINE = re.compile(r"^[（(]?\s*(?P<date>[^\s（()）]{6,16}?日)\s*[）)]?\s*(?P<issued>印发|发布)?$")
SIGNATURE_SPAN = 6  # an unsigned date closing the text is among its last lines
MAX_DATE_LINE = 40  # characters, spaces counted: （二〇二四年十二月三十一日）印发 is shorter
MIN_LINK_LIST = 2  # lines: one link closing a text may be its own (详见…)


def signs(text: str) -> bool:
    """A signature's name line: an office (…人民政府), its other name in brackets after it at most
    (党工部（人力资源部）), or an official (市长 温国辉)."""
    return ends_as_office(_ALIAS.sub("", text)) or bool(SIGNER_LINE.match(text))


_ALIAS = re.compile(r"[（(][^（）()]{2,20}[）)]$")


def signature_date(lines: list[str]) -> str | None:
    """The 成文日期 the text states: the date under its first signature (an issuing office on
    the line above), else a date line closing the text, else the date of its 印发 line."""
    for above, text in zip(lines, lines[1:]):
        if day := _signed_day(above, text):
            return day
    issued = None
    for text in reversed(lines[-SIGNATURE_SPAN:]):
        match = DATE_LINE.match(text.replace(" ", "")) or _ISSUED_BY.match(text.replace(" ", ""))
        if match and (day := _day(match.group("date"))):
            if not match.group("issued"):
                return day
            issued = issued or day
    return issued


# the 版记's last line: the office that issued the document, the day, 印发 (河南大学党政办公室 2010年11月24日印发)
_ISSUED_BY = re.compile(r"^[\u4e00-\u9fa5（）()]{2,30}?(?P<date>[\d〇零○ＯO一二三四五六七八九]{4}年[\d一二三四五六七八九十]{1,3}月"
                        r"[\d一二三四五六七八九十]{1,3}日)(?P<issued>印发)$")


def signed_at(lines: list[str]) -> int | None:
    """Where the last signature's date stands among lines: a date under an issuing office."""
    found = None
    for at, (above, text) in enumerate(zip(lines, lines[1:]), start=1):
        if _signed_day(above, text):
            found = at
    return found


def _signed_day(above: str, text: str) -> str | None:
    """The day of a date line under an issuing office: written out (2024年6月5日), or, under
    the office's name, in figures (绍兴一中德育处 / 2016.10.27)."""
    if len(text) > MAX_DATE_LINE:
        return None  # (most lines: no date line is that long, and the patterns need not be asked)
    bare = text.replace(" ", "")
    match = DATE_LINE.match(bare)
    if not (match and not match.group("issued") or FIGURES_DATE.match(bare)):
        return None
    if not (header_line(above) and signs(re.sub(r"\s", "", above))):
        return None
    return _day(match.group("date") if match else bare)


def _day(text: str) -> str | None:
    day = normalize_date(text)
    return day if day and len(day) == 10 else None


CLOSING_LINES = 12  # a salutation, 附件 links, a contact line and a signature of a few offices
_CLOSING_FORMULA = re.compile(r"^特此[\u4e00-\u9fa5]{2}[。.]?$")  # 特此通知。特此公告。
CLOSING_LENGTH = 40  # characters: longer is a sentence of the text, not a line around it


def with_signature(container):
    """A text of one long paragraph can be chosen alone while its salutation, 附件 and
    signature (落款) sit in sibling paragraphs: when every sibling is such a short line,
    linkless or a link to a file, and one of them signs (an office or a date), the parent
    holds the document."""
    parent = container.getparent() if container is not None else None
    if parent is None or parent.tag in ("body", "html"):
        return container  # (the whole page is never the text's element)
    lines = [unspaced(parent.text or "")]
    # past the paragraph, a list of links (the site's, cut from the text's tail), or its items one
    # element each closing the parent (上一篇：… / 下一篇：…), does not keep it narrow; a link
    # with an office and a date under it is another page's item, no signature
    closing = _closing_items(parent)
    after = False
    for el in parent:
        lines.append(unspaced(el.tail or ""))
        after = after or el is container
        if (el is container or not isinstance(el.tag, str) or el.tag in SKIP_TAGS
                or after and (_link_list(el) or el in closing) or is_furniture(clean_text(el.text_content()) or "")):
            continue  # (nor do the page's tools beside it: 微信 微博 QQ空间)
        if after:  # line by line: a section of its own may close the text (a Word export's WordSection2)
            for line in container_lines(el):
                text = unspaced(line.text)
                if not text or is_furniture(line.text) or empty_heading(line.text):
                    continue
                if line.link_chars and not line.to_file and not FILE_NAME.search(text):
                    return container  # a link to another page (one to a file is the text's 附件)
                lines.append(text)
            continue
        text = unspaced(el.text_content())
        hrefs = el.xpath(".//a/@href")
        if text and hrefs and not FILE_NAME.search(text) and not all(FILE_HREF.search(href) for href in hrefs):
            return container  # (a link to a file, named by its file or not, is the text's 附件)
        lines.append(text)
    lines = [text for text in lines if text]
    if not lines or len(lines) > CLOSING_LINES:
        return container
    if any((SENTENCE_END.search(text) or len(text) > CLOSING_LENGTH and not text.endswith(("：", ":")))
           and not ANNEX_LINE.match(text) and not _CLOSING_FORMULA.match(text) for text in lines):
        return container  # a salutation (各有关单位：) may name many addressees, a 附件 line a long title
    signed = any(signs(text) or DATE_LINE.match(text) or SIGNED.search(text) for text in lines)
    return parent if signed else container


def _closing_items(parent) -> set:
    """The elements closing `parent` that are links to other pages one or more each, with empty
    headings (相关附件：) among them."""
    items = set()
    for el in reversed(parent):
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        text = clean_text(el.text_content()) or ""
        if FILE_NAME.search(text) and not items:
            continue  # (the text's 附件 files printed after the list are the text's)
        if not (_link_list(el, least=1) or empty_heading(text)):
            break
        items.add(el)
    return items


def _link_list(el, least: int = MIN_LINK_LIST) -> bool:
    """An element listing links to other pages (two or more, most of its text), not files."""
    text = unspaced(el.text_content())
    links = [a for a in el.xpath(".//a[@href]")
             if not FILE_HREF.search(a.get("href").strip()) and not FILE_NAME.search(a.text_content())]
    return (len(links) >= least and not FILE_NAME.search(text)
            and len(unspaced("".join(a.text_content() for a in links))) * 2 > len(text))


SIGNED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日$")  # an office and its date run together on one line
