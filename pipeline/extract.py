"""extract(html, url): one government page → the archive's document record.

Metadata comes from the most to the least reliable source: standard gov <meta> tags, the
信息公开 label/value block and inline header lines, the breadcrumb, then trafilatura/htmldate.
The body comes from a known CMS content container, else from trafilatura, and is cleaned of
page furniture. The page is parsed once; every step reads the same tree.
"""
from __future__ import annotations

import copy
import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from pipeline.dedup import normalized_body
from pipeline.encoding import decode_html
from pipeline.labels import SKIP_TAGS, labelled_pairs, segments
from pipeline.normalize import (
    clean_text,
    clean_title,
    normalize_date,
    normalize_doc_no,
    normalize_index_no,
)
from pipeline.record import DocumentRecord
from pipeline.vocab import (
    ATTACHMENT_EXTENSIONS,
    BOILERPLATE_BLOCKS,
    BOILERPLATE_LINES,
    BOILERPLATE_MARKERS,
    BREADCRUMB_LEADS,
    BREADCRUMB_SEPARATORS,
    BREADCRUMB_XPATHS,
    CONTENT_CONTAINERS,
    FIELD_LABELS,
    META_FIELDS,
    META_KEPT,
)

_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINES))
_MARKERS = re.compile("|".join(BOILERPLATE_MARKERS))
_BLOCKS = re.compile("|".join(BOILERPLATE_BLOCKS), re.S)
_LEADS = re.compile(rf"^\s*(?:{'|'.join(BREADCRUMB_LEADS)})\s*[:：]?\s*")
_LABEL_LINE = re.compile(
    "^(?:" + "|".join(r"\s*".join(map(re.escape, lab)) for labs in FIELD_LABELS.values() for lab in labs)
    + r")\s*[:：]"
)
_BLOCK_NEWLINE = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 table ul ol dl dt dd section article blockquote pre center".split())


def parse_html(html: bytes | str):
    """The page as an lxml tree, or None when there is no HTML to speak of."""
    text = decode_html(html) if isinstance(html, bytes) else html
    text = _CONTROL.sub("", text)  # lxml refuses to edit text holding control characters
    if not text.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return tree


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def read_meta(tree) -> dict[str, str]:
    kept = {k.lower(): k for k in META_KEPT}
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip()
        content = clean_text(el.get("content"))
        key = kept.get(name.lower())
        if key and content and key not in meta:
            meta[key] = content
    return meta


_FURNITURE_MARK = "data-govarchive-furniture"


def read_breadcrumb(tree) -> tuple[list[str], object]:
    """The breadcrumb's parts and the element holding it."""
    candidates = []
    for xpath in BREADCRUMB_XPATHS:
        candidates.extend(tree.xpath(xpath))
    lead = re.compile("|".join(BREADCRUMB_LEADS))
    for el in tree.iter("div", "p", "span", "td", "ul", "nav"):
        own = (el.text or "").strip()
        if own and lead.match(own) and el not in candidates:
            candidates.append(el)
    for el in candidates:
        text = clean_text(" ".join(el.itertext()))
        if not text:
            continue
        links = [clean_text(a.text_content()) for a in el.iter("a")]
        links = [t for t in links if t]
        if len(links) < 2 and not lead.search(text):
            continue
        if len(text) > 200:
            continue
        parts = [p for p in re.split(BREADCRUMB_SEPARATORS, _LEADS.sub("", text)) if p.strip()]
        if len(parts) < 2 and links:
            parts = links
        if parts:
            return parts, el
    return [], None


_CONTAINER_RANK = {key: rank for rank, key in enumerate(CONTENT_CONTAINERS)}


def find_container(tree):
    """The best-ranked known CMS content container holding some text (one pass over the tree)."""
    best, best_rank = None, len(CONTENT_CONTAINERS)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        keys = [("id", el.get("id"))] if el.get("id") else []
        keys += [("class", c) for c in (el.get("class") or "").split()]
        for key in keys:
            rank = _CONTAINER_RANK.get(key)
            if rank is not None and rank < best_rank and len((el.text_content() or "").strip()) >= 20:
                best, best_rank = el, rank
    return best


def container_text(el) -> str:
    """Text of a content container with one line per paragraph, table row or list item."""
    parts: list[str] = []
    stack: list[tuple[str, object]] = [("enter", el)]
    while stack:
        step, item = stack.pop()
        if step == "text":
            parts.append(item)
            continue
        tag = item.tag.lower() if isinstance(item.tag, str) else None
        if item is not el and item.tail:
            stack.append(("text", item.tail))
        if tag is None or tag in SKIP_TAGS:
            continue
        if tag in _BLOCK_NEWLINE:
            stack.append(("text", "\n"))
            parts.append("\n")
        elif tag in ("td", "th"):
            stack.append(("text", " "))
        for child in reversed(item):
            stack.append(("enter", child))
        if item.text:
            stack.append(("text", item.text))
    return "".join(parts)


def trafilatura_body(tree, url: str, furniture=()) -> str:
    """trafilatura's body of the page without the elements already known as metadata."""
    for el in furniture:
        el.set(_FURNITURE_MARK, "1")
    page = copy.deepcopy(tree)
    for el in furniture:
        el.attrib.pop(_FURNITURE_MARK, None)
    for el in page.xpath(f"//*[@{_FURNITURE_MARK}]"):
        if el.getparent() is not None:
            el.drop_tree()
    return trafilatura.extract(
        page, url=url, include_tables=True, include_comments=False,
        include_links=False, include_images=False, deduplicate=False, favor_recall=True,
    ) or ""


_ATTACHMENT_HREF = re.compile(rf"\.(?:{'|'.join(ATTACHMENT_EXTENSIONS)})(?:$|[?#])", re.I)


def read_attachments(tree, base_url: str) -> list[dict[str, str]]:
    """附件 links (by file extension of the link or of its text), names and absolute URLs."""
    seen: set[str] = set()
    found = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        text = a.text or ""
        if not (_ATTACHMENT_HREF.search(href) or _ATTACHMENT_HREF.search(text.strip())):
            continue
        if href.startswith(("javascript:", "mailto:", "#")) or not href:
            continue
        url = urljoin(base_url, href)
        if url in seen:
            continue
        seen.add(url)
        name = clean_text(a.text_content()) or clean_text(a.get("title"))
        found.append({"name": name or urlsplit(url).path.rsplit("/", 1)[-1], "url": url})
    return found


def clean_body(text: str, title: str | None) -> str | None:
    lines = []
    for raw in _BLOCKS.sub("\n", text).splitlines():
        line = _SPACES.sub(" ", _MARKERS.sub("", raw)).strip()
        if not line or _BOILERPLATE.fullmatch(line) or _LABEL_LINE.match(line) or _LEADS.match(line) and ">" in line:
            continue
        lines.append(line)
    # The title printed again on top of the body (possibly split over lines, possibly without
    # its bracketed number) is not body text.
    if title and lines:
        wanted = {normalized_body(title), normalized_body(_TRAILING_BRACKET.sub("", title))}
        head = ""
        for n, line in enumerate(lines[:6], start=1):
            head += normalized_body(line)
            if head in wanted:
                lines = lines[n:]
                break
            if not any(w.startswith(head) for w in wanted):
                break
    return "\n".join(lines) or None


_SPACES = re.compile(r"\s+")
_TRAILING_BRACKET = re.compile(r"[（(【\[〔][^（(【\[〔]*[）)】\]〕]$")


def _first(*values):
    return next((v for v in values if v), None)


def extract(html: bytes | str, url: str) -> DocumentRecord:
    """The document record of one page. Never raises on bad HTML: missing fields are None."""
    tree = parse_html(html)
    if tree is None:
        return DocumentRecord(url)
    base = tree.xpath("//base/@href")
    base_url = urljoin(url, base[0].strip()) if base else url

    meta = read_meta(tree)
    from_meta = {}
    for name, value in meta.items():
        field = META_FIELDS.get(name.lower())
        if field and field not in from_meta:
            from_meta[field] = value
    container = find_container(tree)
    labelled: dict[str, str] = {}
    furniture: list = []  # elements that hold metadata, not document text
    for field, value, holders in labelled_pairs(segments(tree.body if tree.body is not None else tree,
                                                         skip=[container] if container is not None else [])):
        if field not in labelled:
            labelled[field] = value
            furniture.extend(holders)
    breadcrumb, crumb_el = read_breadcrumb(tree)
    if crumb_el is not None:
        furniture.append(crumb_el)
    attachments = read_attachments(tree, base_url)

    h1 = tree.xpath("//h1")
    page_title = tree.findtext(".//title")
    title = _first(
        clean_text(from_meta.get("title")),
        clean_text(labelled.get("title")),
        clean_text(h1[0].text_content()) if h1 else None,
        clean_title(page_title, (meta.get("SiteName"), meta.get("ColumnName"))),
    )
    if container is not None:
        body = container_text(container)
    else:
        body = trafilatura_body(tree, url, furniture)
    index_no, valid = normalize_index_no(labelled.get("index_no"))
    record = DocumentRecord(
        url=url,
        title=title,
        index_no=index_no,
        index_no_valid=valid,
        publisher=clean_text(labelled.get("publisher")),
        doc_no=normalize_doc_no(labelled.get("doc_no")),
        written_at=normalize_date(labelled.get("written_at")),
        published_at=_first(normalize_date(from_meta.get("published_at")), normalize_date(labelled.get("published_at"))),
        subject=clean_text(labelled.get("subject")),
        keywords=_first(clean_text(labelled.get("keywords")), clean_text(from_meta.get("keywords"))),
        source=_first(clean_text(from_meta.get("source")), clean_text(labelled.get("source"))),
        validity=clean_text(labelled.get("validity")),
        column=" > ".join(breadcrumb) if breadcrumb else clean_text(from_meta.get("column")),
        breadcrumb=breadcrumb,
        body=clean_body(body, title),
        attachments=attachments,
        meta=meta,
    )
    if record.published_at is None:
        record.published_at = _htmldate(tree)
    return record


def _htmldate(tree) -> str | None:
    """Last fallback for the publication date: htmldate's reading of the page."""
    from htmldate import find_date

    try:
        return find_date(copy.deepcopy(tree), extensive_search=False, original_date=True)
    except Exception:  # htmldate is a heuristic; a failure there is simply no date
        return None
