"""extract(html, url): one government page → the archive's document record.

The page is parsed once and read as text blocks (pipeline.blocks). Each field comes from the
most to the least reliable source: the page's visible, labelled 信息公开 block (outside the
document's text, or at its head), the document's own header and signature (文号 line, date of
the 落款), standard gov <meta> tags, the breadcrumb, and at last htmldate. The body is the
text of the element holding the document's prose (pipeline.container), read line by line
(pipeline.body) and trimmed at both edges (pipeline.edges), with the site's learned template
when one is given.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import lxml.html
from lxml import etree

from pipeline.blocks import SKIP_TAGS, Block, blocks, holds, partition, shown_text
from pipeline.body import FILE_HREF, Line, container_lines, is_prose, opens_section, unspaced
from pipeline.container import before_trail, document_header, file_holder, find_container, hidden_copies, table_kind, text_copy
from pipeline.breadcrumb import read_breadcrumb, trail_before
from pipeline.dates import date_line, publication_date
from pipeline.edges import doc_no_in_title, document_text, header_doc_no
from pipeline.encoding import decode_html
from pipeline.labels import COLONS, NUMBERED, OFFICE, field_of, label_matches, labelled_pairs, set_labels_apart
from pipeline.lines import SENTENCE_END
from pipeline.normalize import HAN, clean_text, normalize_date, normalize_doc_no, normalize_index_no
from pipeline.position import title_over_text
from pipeline.signature import DATE_LINE, with_signature
from pipeline.record import DocumentRecord
from pipeline.stylesheet import hide_styled
from pipeline.title import column_like, doc_no_in_headline, is_name, named_titles, read_title
from pipeline.urls import absolute_url
from pipeline.vocab import ATTACHMENT_EXTENSIONS, META_ALIASES, META_FIELDS, META_KEPT


def parse_html(html: bytes | str):
    """The page as an lxml tree, or None when there is no HTML to speak of."""
    text = decode_html(html) if isinstance(html, bytes) else html
    # (on the encoded bytes: a C loop, where a regex over the str took a twentieth of the page's time;
    # no byte of a multi-byte UTF-8 character is a control character or ASCII)
    data = text.encode("utf-8").translate(None, _CONTROL)  # lxml refuses to edit text holding control characters
    # libxml2 drops whatever follows a stray </html> or </body>; browsers show it (and some
    # templates print the document after one)
    data = _CLOSING.sub(b"", data)
    data = _BLOCK_IN_HEADING.sub(rb"\1<span\4>\5</span>\6", data)
    if not data.strip():
        return None
    try:
        return lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


_IDS, _BASE = etree.XPath("//@id"), etree.XPath("//base/@href")  # (compiled once)
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CLOSING = re.compile(rb"</(?:body|html)\s*>", re.I)
# a paragraph inside a heading (<h1><p>关于…的通知</p></h1>, as editors paste titles): libxml2 closes
# the heading at the <p>, leaving it empty; browsers keep the words in it. Read as a span.
_BLOCK_IN_HEADING = re.compile(
    rb"(<h([1-6])\b[^>]*>\s*)<(p|div)\b([^>]*)>((?:(?!</?(?:h[1-6]|p|div)\b).){0,300}?)</\3\s*>(\s*</h\2\s*>)", re.I | re.S)
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True)
# lxml.html's own lookup picks each element's class in Python, on every access; one class for
# all, chosen in C, keeps its methods (text_content …) at a fraction of the cost
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))


_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")  # a CMS's rich-text title field copied into a meta tag


def read_meta(tree) -> dict[str, str]:
    kept = {k.lower(): k for k in META_KEPT}
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip()
        content = clean_text(_MARKUP.sub("", el.get("content") or ""))
        key = kept.get(name.lower()) or META_ALIASES.get(name.lower())
        if key and content and key not in meta:
            meta[key] = content
    return meta


# Founder (方正翔宇) CMS pages, papers' and sites' alike, carry their record in a comment after the
# text: <!--enpproperty <articleid>…</articleid><date>2024-05-13 13:48:13:671</date>…-->
# (read from the page's bytes or text: the parser drops comments; ASCII alike in UTF-8 and GBK)
_FOUNDER_DATE = re.compile(r"enpproperty.{0,300}?<date>\s*(\d{4}-\d{1,2}-\d{1,2})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?")
_FOUNDER_DATE_BYTES = re.compile(_FOUNDER_DATE.pattern.encode())


def founder_date(html: bytes | str) -> str | None:
    """The publication date a Founder page's enpproperty comment gives, with its time unless that
    is midnight (a paper's issue date: no time)."""
    match = (_FOUNDER_DATE_BYTES if isinstance(html, bytes) else _FOUNDER_DATE).search(html)
    if not match:
        return None
    day, time = (part.decode() if isinstance(part, bytes) else part for part in match.groups(default=""))
    if time.endswith(":00") and time.count(":") == 2:
        time = time[:-3]  # (no second given: 14:43:00 is the page's 14:43)
    return day if not time or time in ("00:00", "0:00") else f"{day} {time}"


# (the pattern opens with its literal, which re finds fast in a page's kilobytes of script; a
# \b before it costs ten times as much: the word's start is asked of each match instead)
_SCRIPT_VALUE = re.compile(r"""var\s+(\w+)\s*=\s*(['"])([^'"\n]{1,60})\2""")


def _script_values(script: str) -> dict[str, str]:
    """The strings a script assigns to its variables (var laiyuan = "示例日报"), by name."""
    return {match.group(1): match.group(3) for match in _SCRIPT_VALUE.finditer(script)
            if not match.start() or not (script[match.start() - 1].isalnum() or script[match.start() - 1] == "_")}


_WRITE = re.compile(r"""document\.write(?:ln)?\(\s*(?:(['"])([^'"\n]{1,60})\1|(\w+))\s*\)""")


def _written(script: str, values: dict[str, str]) -> str | None:
    """What an inline script writes in place: a variable it set (`var laiyuan = "中国人民银行"`)
    before the fallback literal it writes when the variable is empty."""
    writes = _WRITE.findall(script)
    return (next((values[name] for _, _, name in writes if name and values.get(name, "").strip()), None)
            or next((literal for _, literal, _ in writes if literal.strip()), None))


def _writes_heading(script) -> bool:
    """Whether a script writes a heading's words, the heading holding nothing else
    (`<h1><script>… document.write('…的通知')</script></h1>`; a plain block printed as a
    heading, `<div class="title"><script>…</script></div>`, alike)."""
    heading = script.getparent()
    if heading.tag not in _HEADING_HOLDERS or (heading.text or "").strip():
        return False
    for child in heading:  # (child by child: the parent may be the whole page, read in words only when it must)
        if (child.tail or "").strip() or (isinstance(child.tag, str) and child.tag not in SKIP_TAGS
                                          and child.text_content().strip() and shown_text(child).strip()):
            return False
    return True


_HEADING_HOLDERS = frozenset(("h1", "h2", "h3", "div", "p", "td", "span", "strong"))


def _text_before(el) -> str:
    before = el.getprevious()
    return (before.tail if before is not None else el.getparent().text) or ""


def _after_label(script) -> bool:
    """Whether a script writes in a label's place: after `来源：` in the same element, or
    alone in the cell after a label's cell (`<td>发布机构：</td><td><script>…</script></td>`)."""
    before = _text_before(script).strip()
    if before:
        return before.endswith(tuple(COLONS))
    cell = script.getparent()
    label = cell.getprevious() if script.getprevious() is None else None
    text = re.sub(r"\s+", "", label.text_content()) if label is not None else ""
    return bool(text) and (text.endswith(tuple(COLONS)) or any(m.end() == len(text) for m in label_matches(text)))


_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_CHINA = timezone(timedelta(hours=8))


def _fill_hidden_timestamps(tree) -> None:
    """A cell holding only a hidden input with a Unix time (`<td><input type="hidden"
    value="1645150682000"/><span></span></td>` after 发文日期), which the page's script shows as
    a date: that date, in China's time zone, where the script would show it."""
    for el in tree.iter("input"):
        value, parent = (el.get("value") or "").strip(), el.getparent()
        if ((el.get("type") or "").lower() != "hidden" or not _EPOCH.match(value) or parent is None
                or parent.text_content().strip()):
            continue
        moment = datetime.fromtimestamp(int(value[:10]), _CHINA)
        if 1990 <= moment.year <= 2100:
            el.tail = moment.date().isoformat() + (el.tail or "")


def _fill_form_values(tree) -> None:
    """A value shown in a read-only form field after its label (`<td>发布机构</td><td><input
    readonly value="示例局"></td>`): its text, where the field shows it. Fields a reader types
    into (a search box's 请输入关键字) are not the page's text."""
    for el in tree.iter("input"):
        value = (el.get("value") or "").strip()
        if (value and (el.get("type") or "text").lower() == "text"
                and (el.get("readonly") is not None or el.get("disabled") is not None)):
            el.tail = value + (el.tail or "")


def fill_scripted_values(tree) -> None:
    """Values a page's script writes after their label: `<span id="file_status">文件状态：</span>`
    and `var file_status = '失效'; $('#file_status').parent().append(file_status)`, or
    `来源：<script>var laiyuan = "…"; … document.write(laiyuan)</script>`, and a heading's words a
    script writes: put where the script would put them (its markup dropped), so they read like
    any other."""
    _fill_hidden_timestamps(tree)
    _fill_form_values(tree)
    values = {}
    for script in tree.iter("script"):
        own = _script_values(script.text or "")
        for name, value in own.items():
            values.setdefault(name, value)
        if ("document.write" in (script.text or "") and script.getparent() is not None
                and (_after_label(script) or _writes_heading(script)) and (written := _written(script.text, values | own))):
            script.tail = _MARKUP.sub("", written) + (script.tail or "")
    if not values:
        return
    for name in _IDS(tree):  # (the ids alone: a walk over every element cost more)
        el = name.getparent()
        if name in values and (el.text or "").strip().endswith(tuple(COLONS)) and not (el.tail or "").strip():
            el.tail = values[name] + (el.tail or "")


def read_labels(page: list[Block], container) -> tuple[dict[str, str], list]:
    """Labelled values and the elements holding them. Outside the document's container every
    label counts; inside it only a metadata block at its head, before the first prose or the
    first section of the text (a `时间：` line further down, the `名称：` of a procurement
    notice's 一、二、… items, is the document's text, not its metadata), and one after its last
    prose that names two fields or more (信息公开属性 printed under the text), or the text's source
    (（来源：示例日报）)."""
    tail: list[Block] = []
    holders: list = []
    prose_owners: set = set()
    if container is None:
        outside, head = page, []
    else:
        inside, outside = partition(page, container)
        if (copy := text_copy(container, inside, outside)) is not None:
            outside = partition(outside, copy)[1]
            holders.append(copy)  # (passed over like a metadata block when the title is sought above the text)
        paired = {el for _, _, elements in labelled_pairs(inside) for el in elements}
        # a label's or a value's element, unless it holds other lines too, broken by <br> (一、… 名称：…):
        # then only its lines holding a label are the pair's
        lines_of = Counter(b.owner for b in inside)
        unpaired = [(i, is_prose(b)) for i, b in enumerate(inside)
                    if b.owner not in paired or lines_of[b.owner] > 1 and not label_matches(b.text)]
        text = [i for i, prose in unpaired if prose or opens_section(inside[i].text.strip())]
        if text and any(b.owner in paired for b in inside[text[0] + 1:]):
            # the title worded as a sentence (喜报：…获一等奖！), whole or broken over lines, opens no
            # text: the metadata under it is the head's
            titles = {unspaced(title) for title in named_titles(page[0].owner.getroottree())}
            text = [i for i in text if not any(unspaced(inside[i].text) in title for title in titles)]
        head = inside[:text[0]] if text else inside
        prose_owners = {inside[i].owner for i, prose in unpaired if prose}
        last_prose = max((i for i, prose in unpaired if prose), default=None)
        tail = inside[last_prose + 1:] if last_prose is not None else []
    values: dict[str, str] = {}
    for part in (outside, head, tail):
        pairs = list(labelled_pairs(part))
        # under the text a 名称： is a contact's or an item's (名称：示例公司), no title
        fields = {field for field, _, _ in pairs} - ({"title"} if part is tail else set())
        metadata_block = len(fields) >= 2
        if part is tail and not metadata_block:
            # a lone 时间： line under the text is the text's; a 来源： line there names its source,
            # a 发布时间： line (a bar of the page's tools, its date) the page's publication; the
            # 主题词： of the document's 版记 its keywords, and stays its text
            kept = [pair for pair in pairs if pair[0] == "keywords"]
            pairs = [pair for pair in pairs if pair[0] == "source" or pair[0] == "published_at" and _page_dated(pair[2][0])]
            holders.extend(el for _, _, elements in pairs for el in elements)
            pairs += kept
        # inside the text, a lone labelled row (行政处罚决定书文号 of a table that is the
        # document) is read, but stays text; a block of metadata does not
        if part is outside or metadata_block:
            holders.extend(el for _, _, elements in pairs for el in elements)
        for field, value, _ in pairs:
            values.setdefault(field, value)
    # a value run into the text's own element (lines broken by <br>: the element prints the text's
    # prose too), or into its last sentence (…圆满成功。（来源：县委办）), holds the text: it stays
    return values, [el for el in holders if container is None
                    or not holds(el, container) and el not in prose_owners
                    and not (holds(container, el) and _after_sentence(el))]


def _after_sentence(el) -> bool:
    """Whether an element's words before its first label end a sentence, or are the signature's
    date (天津创业股份有限公司董事会 / 2005年8月25日（来源：上海证券报）)."""
    text = el.text_content()
    first = next(iter(label_matches(text)), None)
    return first is not None and bool(SENTENCE_END.search(text, 0, first.start())
                                      or DATE_LINE.match("".join(text[:first.start()].split()).rstrip("（(【[")))


MIN_PAGE_DATE_LABEL = 3  # characters: 发布时间, 发布于; a bare 时间：/日期： may be an event's


def _page_dated(el) -> bool:
    """Whether an element holds a publication date under a label only a page prints (发布时间：,
    发布日期：), not the 时间： of an event the text describes."""
    return any(field_of(match.group(1)) == "published_at" and len("".join(match.group(1).split())) >= MIN_PAGE_DATE_LABEL
               for match in label_matches(el.text_content()))


def read_attachments(tree, base_url: str, players: bool = False) -> list[dict[str, str]]:
    """附件 links (by file extension of the link or of its text), names and absolute URLs. A
    link whose href is script takes the file its onclick opens (`download('/u/a.pdf')`); of
    two links to one file (an icon, then its name), the named one names it."""
    found: dict[str, dict[str, str]] = {}
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith("javascript:"):
            opened = _ONCLICK_FILE.search(a.get("onclick") or "")
            href = opened.group(1) if opened else href
        # (a download script's link names its file in the words it shows, <a href="download.jsp?…"><span>格式.doc</span></a>,
        # or in its title, <a href="DownFile.aspx?fid=12" title="示例表.docx">)
        if not (FILE_HREF.search(href) or FILE_HREF.search((a.text_content() if len(a) else a.text or "").strip())
                or FILE_HREF.search((a.get("title") or "").strip())):
            continue
        url = absolute_url(href, base_url)
        if url is None:
            continue
        name = clean_text(a.text_content()) or clean_text(a.get("title"))
        file_name = urlsplit(url).path.rsplit("/", 1)[-1]
        if url not in found:
            found[url] = {"name": name or file_name, "url": url}
        elif name and found[url]["name"] == file_name:
            found[url]["name"] = name
    # a document shown in the page rather than linked: <embed src="….pdf">, <object data="….pdf">, a viewer
    # framed with its file (<iframe src="/pdfjs/web/viewer.html?file=/u/a.pdf">), and where the page has one
    # (`players`), WebPlus's PDF player (<div class="wp_pdf_player" pdfsrc="….pdf">)
    shown = [(el, el.get("data" if el.tag == "object" else "src")) for el in tree.iter("iframe", "embed", "object")]
    shown += [(source.getparent(), source) for source in _PLAYERS(tree)] if players else []
    for el, source in shown:
        if (href := _embedded_file(source or "")) is None:
            continue
        if (url := absolute_url(href, base_url)) is not None and url not in found:
            found[url] = {"name": clean_text(el.get("title")) or urlsplit(url).path.rsplit("/", 1)[-1], "url": url}
    return list(found.values())


_PLAYERS = etree.XPath("//*/@pdfsrc")


def _names_a_file(html: bytes | str) -> bool:
    """Whether a page's source names a file anywhere (….pdf", 示例.docx<, ?file=….ofd&): most pages
    name none, and their links need not be asked one by one (0.1 ms a page)."""
    return (_FILE_NAMED if isinstance(html, str) else _FILE_NAMED_BYTES).search(html) is not None


_FILE_NAMED = re.compile(rf"\.(?:{'|'.join(ATTACHMENT_EXTENSIONS)})(?![a-z0-9])", re.I)
_FILE_NAMED_BYTES = re.compile(_FILE_NAMED.pattern.encode(), re.I)


def _has_player(html: bytes | str) -> bool:
    """Whether a page holds WebPlus's PDF player (asked of its source: an attribute search of every
    element cost 0.13 ms a page)."""
    return ("pdfsrc" if isinstance(html, str) else b"pdfsrc") in html


def _embedded_file(src: str) -> str | None:
    """The file an embedding element shows: its own source, or the file its viewer is given."""
    src = src.strip()
    try:
        parts = urlsplit(src)
    except ValueError:  # a malformed source shows nothing
        return None
    if FILE_HREF.search(parts.path):
        return src
    viewed = parse_qs(parts.query).get("file") if "file=" in parts.query else None
    return viewed[0] if viewed and FILE_HREF.search(viewed[0]) else None


_ONCLICK_FILE = re.compile(rf"""['"]([^'"\s]+\.(?:{'|'.join(ATTACHMENT_EXTENSIONS)}))['"]""", re.I)


def _first(*values):
    return next((v for v in values if v), None)


def _dated(value: str | None) -> str | None:
    """A labelled value when it is a date: 发布于：北京市 (the account's place) gives none."""
    return value if normalize_date(value) else None


def _named(value: str | None) -> str | None:
    """A source's value when it names someone: a source is an office or a paper, written in
    Chinese; a CMS's own code for its feed (`SZfaguiku`), or the login that entered the item
    (来源: admin), tells a reader nothing."""
    value = clean_text(value)
    return value if value and HAN.search(value) else None


def body_lines(container, furniture: list) -> list[Line]:
    """The container's lines without the metadata found in it. A page with no prose and no
    table of data (a cover page whose document is only its 附件) has no body: a generic
    extractor would hand back its navigation."""
    return container_lines(container, skip=furniture) if container is not None else []


def extract(html: bytes | str, url: str, template: frozenset = frozenset()) -> DocumentRecord:
    """The document record of one page. Never raises on bad HTML: missing fields are None.
    `template`: lines the page's site prints on every page (pipeline.template)."""
    tree = parse_html(html)
    if tree is None:
        return DocumentRecord(url)
    base = _BASE(tree)
    base_url = (absolute_url(base[0], url) if base else None) or url
    meta = read_meta(tree)
    if "PubDate" not in meta and (day := founder_date(html)):
        meta["PubDate"] = day
    from_meta = {}
    for name, value in meta.items():
        field = META_FIELDS.get(name.lower())
        if field and field not in from_meta:
            from_meta[field] = value

    fill_scripted_values(tree)
    hide_styled(tree)
    set_labels_apart(tree)
    page = blocks(tree.body if tree.body is not None else tree)
    apart: list = []  # boxes inside the container that are not the text
    container = with_signature(find_container(page, apart))
    labelled, furniture = read_labels(page, container)
    breadcrumb, crumb_el = read_breadcrumb(tree, page, meta.get("ColumnName"))
    if not breadcrumb and "ColumnName" not in meta and (header := document_header(page)) is not None:
        breadcrumb, crumb_el = trail_before(page, header[0], url)
    if crumb_el is not None:
        furniture.append(crumb_el)
    if container is not None:
        furniture.extend(hidden_copies(container, page))
        furniture.extend(apart)
        furniture.extend(before_trail(container, crumb_el, page))
    over = container if container is not None else file_holder(page)
    title = read_title(tree, meta, labelled, tuple(breadcrumb), title_over_text(page, over, tuple(breadcrumb), furniture))
    text = document_text(body_lines(container, furniture), title, template, table=table_kind(container),
                         columns=tuple(breadcrumb))

    if title is None or is_name(title, meta.get("SiteName")) or column_like(title):
        # the page's headlines name the site or the column; the document's header names it
        title = text.heading or title
    index_no, valid = normalize_index_no(labelled.get("index_no"))
    # a day: the hour some CMSs print with it (成文日期：2024-06-05 10:30) is the form's, not the document's
    labelled_written = (normalize_date(labelled.get("written_at")) or "")[:10]
    written_at = labelled_written or text.signed_at
    return DocumentRecord(
        url=url,
        title=title,
        index_no=index_no,
        index_no_valid=valid,
        publisher=clean_text(labelled.get("publisher") or labelled.get(OFFICE)),
        doc_no=normalize_doc_no(labelled.get("doc_no") or labelled.get(NUMBERED)) or text.doc_no or header_doc_no(page, title, container)
        or doc_no_in_title(title) or doc_no_in_headline(tree),
        written_at=written_at,
        published_at=publication_date(_dated(labelled.get("published_at")) or date_line(page, title, container) or text.dated,
                                      from_meta.get("published_at"),
                                      written_at, lambda: _htmldate(tree), frozenset({written_at or ""} - {""})),
        subject=clean_text(labelled.get("subject")),
        keywords=clean_text(labelled.get("keywords")),
        source=_first(_named(labelled.get("source")), _named(from_meta.get("source"))),
        validity=clean_text(labelled.get("validity")),
        column=" > ".join(breadcrumb) if breadcrumb else None,
        breadcrumb=breadcrumb,
        body=text.body,
        attachments=read_attachments(tree, base_url, _has_player(html)) if _names_a_file(html) else [],
        meta=meta,
        edges=text.edges,
    )


def _htmldate(tree) -> str | None:
    """Last fallback for the publication date: htmldate's reading of the page."""
    from htmldate import find_date

    try:
        return find_date(copy.deepcopy(tree), extensive_search=False, original_date=True)
    except Exception:  # htmldate is a heuristic; a failure there is simply no date
        return None
