"""The labelled real pages printed again in ways no site of ours printed them (stresses).

Each stress is a function Case → Case that changes the page, never its labels (except where the
change moves a labelled edge, and then it says so): the extractor must read the same record.
They are placed by the labels (the elements holding the text's first and last characters), not
by anything the extractor finds. `python -m tests.eval --stress` scores every real page under each.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import re
from urllib.parse import urlsplit

import lxml.html

from pipeline.breadcrumb import LEAD
from pipeline.extract import parse_html
from pipeline.vocab import BREADCRUMB_NAMES, BREADCRUMB_SEPARATORS, BREADCRUMB_WORDS, CONTENT_CONTAINERS, CURRENT_PAGE_STEPS
from tests.extraction_cases import Case, squeeze


# class and id values, and in them the names extraction knows: CMS content containers (whole
# words, vocab.CONTENT_CONTAINERS) and breadcrumbs (any part of a name, vocab.BREADCRUMB_NAMES)
_NAMING = re.compile(rb"""((?:id|class)\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
_CMS_NAMES = re.compile(rb"\b(%s)\b" % b"|".join(
    re.escape(name.encode()) for name in sorted({name for _, name in CONTENT_CONTAINERS}, key=len, reverse=True)), re.I)
_CRUMB_NAMES = re.compile(b"|".join([*(re.escape(name.encode()) for name in BREADCRUMB_NAMES),
                                     *(rb"(?<![a-z])%s(?![a-z])" % re.escape(word.encode()) for word in BREADCRUMB_WORDS)]), re.I)


def unknown_cms(case: Case) -> Case:
    """The page as a CMS nobody listed would print it: the class and id names extraction knows
    renamed (`TRS_Editor` → `cms0`, `breadcrumb` → `zz`) and no ArticleTitle meta tag, so the
    text, the trail and the title are found by what they are, not by name."""
    names: dict[bytes, bytes] = {}

    def rename(value: bytes) -> bytes:
        value = _CMS_NAMES.sub(lambda m: names.setdefault(m.group(1).lower(), b"cms%d" % len(names)), value)
        return _CRUMB_NAMES.sub(b"zz", value)

    html = _NAMING.sub(lambda m: m.group(1) + m.group(2) + rename(m.group(3)) + m.group(2), case.html)
    return dataclasses.replace(case, html=_ARTICLE_TITLE.sub(b"", html))


# a CMS nobody listed rarely writes the gov meta tag that gives the title (labels never come from it)
_ARTICLE_TITLE = re.compile(rb"""<meta\s[^>]*name\s*=\s*["']?ArticleTitle[^>]*>""", re.I)


# labels followed by a colon, full-width or not, in the page's bytes (UTF-8 or GBK alike: the
# labels are matched in the page's own encoding)
_LABEL_WORDS = ("索引号", "发布机构", "发文机关", "发文字号", "文号", "成文日期", "发布日期", "主题分类", "信息来源", "有效性")


def without_colons(case: Case, mark: str = "", words: tuple[str, ...] = _LABEL_WORDS) -> Case:
    """The page with its labels printed without colons (索引号 1133…, 文号 示发〔2024〕3号), or with
    `mark` in their place."""
    html = case.html
    for encoding in ("utf-8", "gb18030"):
        for word in words:
            for colon in ("：", ":"):
                html = html.replace((word + colon).encode(encoding), (word + mark).encode(encoding))
    return dataclasses.replace(case, html=html)


def ratio_colons(case: Case) -> Case:
    """The page with its labels' colons printed as Word's ∶ (U+2236: 发布机构∶…)."""
    return without_colons(case, "∶", _LABEL_WORDS + ("发布时间", "来源"))  # (a mark keeps a short label apart)


def cells_as_blocks(case: Case) -> Case:
    """The page with its table cells printed as divs (a CSS grid instead of a table)."""
    return dataclasses.replace(case, html=_CELL.sub(lambda m: b"<" + m.group(1) + b"div", case.html))


_CELL = re.compile(rb"<(/?)(?:td|th)\b", re.I)


def site_titled(case: Case) -> Case:
    """The page as an older CMS prints it: a <title> naming only the site and no ArticleTitle
    meta, so the title is found in the page's own headlines and by where it stands."""
    html = _ARTICLE_TITLE.sub(b"", case.html)
    try:
        html.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "gb18030"
    return dataclasses.replace(case, html=_TITLE.sub("<title>示例市人民政府网站</title>".encode(encoding), html, count=1))


_TITLE = re.compile(rb"<title[^>]*>.*?</title>", re.I | re.S)


def plain_headline(case: Case) -> Case:
    """The page as `site_titled` gives it, its headings (h1–h3) printed as plain divs with no
    class or id: the title is found only by where it stands and what it reads as."""
    tree = parse_html(site_titled(case).html)
    if tree is None:
        return case
    for heading in tree.xpath("//h1|//h2|//h3"):
        heading.tag = "div"
        for name in ("class", "id"):
            heading.attrib.pop(name, None)
    return _reprinted(case, tree)
# how CMSs join a title with their column's and site's names in the <title>
TITLE_FORMATS = ("{site}-{title}", "{site} | {title}", "{title}_{column}_{site}", "【{site}】{title}",
                 "{title} - {site}", "{column} - {title} - {site}", "{site} > {column} > {title}", "{title}_{site}")


def titled_as_cms(case: Case) -> Case:
    """The page as `plain_headline` gives it, its <title> joining the title with a column's and a
    site's names as a CMS does (one format of TITLE_FORMATS, chosen by the page's name): the
    title is read off the <title>, whatever its separators and spaces."""
    title = case.fields.get("title")
    if not title:
        return case
    pick = int(hashlib.sha256(case.name.encode()).hexdigest(), 16) % len(TITLE_FORMATS)
    shown = TITLE_FORMATS[pick].format(title=title, column="通知公告", site="示例市人民政府")
    plain = plain_headline(case)
    return dataclasses.replace(plain, html=_TITLE.sub(f"<title>{shown}</title>".encode(), plain.html, count=1))


SHARE = "<div><a href='#'>微信</a> <a href='#'>微博</a> <a href='#'>QQ空间</a></div>"
RELATED = ("<div>往期回顾</div><ul><li><a href='/a/1.html'>示例市召开安全生产工作会议</a></li>"
           "<li><a href='/a/2.html'>示例市开展防汛应急演练活动</a></li><li><a href='/a/3.html'>示例市发布夏季用电安全提示</a></li></ul>")


def furniture_around(case: Case) -> Case:
    """The page with a share bar printed right before the element holding the text's first
    characters and a list of links to other pages, under a heading nobody listed (往期回顾),
    right after the one holding its last (as labelled): tools and lists no vocabulary names."""
    if (edges := _edge_holders(case)) is None:
        return case
    tree, first, last = edges
    for el in reversed(lxml.html.fragments_fromstring(RELATED)):
        last.addnext(el)
    first.addprevious(lxml.html.fragment_fromstring(SHARE))
    return _reprinted(case, tree)


def _reprinted(case: Case, tree) -> Case:
    """The case with its page printed again from its changed tree, in UTF-8."""
    return dataclasses.replace(case, html=b"<meta charset='utf-8'>" + lxml.html.tostring(tree, encoding="utf-8"))


def _edge_holders(case: Case) -> tuple | None:
    """The page's tree and its deepest elements holding the text's first characters and its last
    (as labelled), or None when the page or either edge is missing."""
    tree = parse_html(case.html)
    if tree is None or not case.body_start or not case.body_end:
        return None
    first, last = _holder(tree, squeeze(case.body_start)[:8], opening=True), _holder(tree, squeeze(case.body_end)[-8:])
    return None if first is None or last is None else (tree, first, last)


def _holder(tree, words: str, opening: bool = False):
    """The deepest element whose text holds `words`, at their last occurrence in the page; with
    `opening`, the first deepest element whose text opens with them, if any (a text's opening
    words may come again further in it, or in its title before it)."""
    holders = [el for el in tree.iter() if isinstance(el.tag, str) and words in squeeze(el.text_content())]
    deepest = [el for el in holders if not any(child in holders for child in el)]
    opened = [el for el in deepest if squeeze(el.text_content()).startswith(words)] if opening else []
    found = (opened or deepest or [None])[0 if opened else -1]
    return found if found is not None and found.getparent() is not None else None


def _text_element(case: Case) -> tuple | None:
    """The page's tree and the innermost element holding the whole text (as labelled), when it
    is a region of the page, not <body>."""
    if (edges := _edge_holders(case)) is None:
        return None
    tree, first, last = edges
    element = next((el for el in (first, *first.iterancestors()) if el is last or last in el.iterdescendants()), None)
    return None if element is None or element.tag in ("body", "html") else (tree, element)


WELCOME = ("<div><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省东南部，山清水秀，人杰地灵，历史悠久，文化灿烂。"
           "近年来，我们坚持以人民为中心的发展思想，大力推进经济社会高质量发展，城市面貌日新月异，人民生活不断改善。我们真诚欢迎各界朋友来"
           "示例市投资兴业、观光旅游，共享发展机遇，共创美好未来。让我们携手并进，为建设更加美好的示例市而努力奋斗！</p></div>")


def prose_box(case: Case, first: bool = False) -> Case:
    """The page with a box of prose (a 领导致辞 of 160 characters) in no named region, last in its
    <body> (or first): a page whose own text is short or only an attachment has nothing to
    outweigh it."""
    tree = parse_html(case.html)
    if tree is None or tree.body is None:
        return case
    tree.body.insert(0 if first else len(tree.body), lxml.html.fragment_fromstring(WELCOME))
    return _reprinted(case, tree)


def _printing(tree, title: str, tags: tuple[str, ...] = ()):
    """The first element (of `tags`, when given) whose whole text is the labelled title."""
    return next((el for el in tree.iter(*tags) if isinstance(el.tag, str) and el.tag not in ("title", "meta", "script")
                 and squeeze(el.text_content()) == squeeze(title)), None)


def side_box(case: Case, after: bool = False) -> Case:
    """The page with the box of prose as a side column first in the element holding both the text
    and its headline (the element printing the labelled title), as a template printing an office's
    简介 in a left column beside the text's does: no links tell it from the text. `after`: last in
    that element, a right column's."""
    title = case.fields.get("title")
    if not title or (found := _text_element(case)) is None:
        return case
    tree, text = found
    headline = _printing(tree, title)
    both = next((el for el in text.iterancestors() if headline is not None and headline in el.iterdescendants()), None)
    if both is None or both.tag in ("body", "html"):
        return case
    # (in a table layout the template prints the box as a row of its own, or a cell: a block
    # straight inside a table is no place a browser keeps it)
    box = {"table": f"<tr><td>{WELCOME}</td></tr>", "tbody": f"<tr><td>{WELCOME}</td></tr>", "tr": f"<td>{WELCOME}</td>"}
    both.insert(len(both) if after else 0, lxml.html.fragment_fromstring(box.get(both.tag, WELCOME)))
    return _reprinted(case, tree)


def side_box_after(case: Case) -> Case:
    return side_box(case, after=True)


def prose_box_first(case: Case) -> Case:
    return prose_box(case, first=True)


_BLOCK_LABELS = ("索引号", "发文机关", "发布机构", "文号", "发文字号", "成文日期")
MAX_BLOCK = 600  # characters: more is a region holding the metadata, not the block itself


def _metadata_block(tree):
    """The page's metadata block: the last, innermost element naming three of its labels."""
    blocks = [el for el in tree.iter() if isinstance(el.tag, str) and len(text := squeeze(el.text_content())) < MAX_BLOCK
              and sum(label in text for label in _BLOCK_LABELS) >= 3]
    return blocks[-1] if blocks else None


def metadata_under(case: Case) -> Case:
    """The page with its metadata block (the last, innermost element naming three of its labels)
    moved right after the element holding the text's last characters (as labelled), as a CMS
    printing its catalogue under the text does."""
    tree = parse_html(case.html)
    if tree is None or not case.body_end:
        return case
    last, block = _holder(tree, squeeze(case.body_end)[-8:]), _metadata_block(tree)
    if last is None or block is None or block.getparent() is None or block is last or block in last.iterancestors():
        return case
    block.getparent().remove(block)
    last.addnext(block)
    return _reprinted(case, tree)


def two_sections(case: Case) -> Case:
    """The page with the children of the element holding its whole text (as labelled) split into
    two sections, as a Word export prints one (WordSection1, WordSection2): often the second
    holds only the text's closing lines."""
    if (whole := _text_element(case)) is None:
        return case
    tree, whole = whole
    children = [child for child in whole if isinstance(child.tag, str)]
    if whole.tag in ("table", "tbody", "tr", "p") or len(children) < 4:
        return case
    for number, part in enumerate((children[:len(children) // 2], children[len(children) // 2:]), start=1):
        section = lxml.html.fragment_fromstring(f"<div class='WordSection{number}'></div>")
        part[0].addprevious(section)
        section.extend(part)
    return _reprinted(case, tree)


def all_at_once(case: Case) -> Case:
    """The page with the CMS unknown, its <title> naming the site, furniture around its text,
    its labels without colons and its cells as divs."""
    return cells_as_blocks(without_colons(furniture_around(site_titled(unknown_cms(case)))))


def phone_copy(case: Case, styled: bool = True) -> Case:
    """The page with its text's element printed twice, the second copy for phones: a box the
    page's <style> hides, shown by an @media rule for narrow screens that the other box's rule
    hides; not `styled`, both boxes shown to us (the rules are in a stylesheet we never read)."""
    if (whole := _text_element(case)) is None:
        return case
    tree, element = whole
    twin = copy.deepcopy(element)
    desktop, phone = (lxml.html.fragment_fromstring(f"<div class='{name}'></div>") for name in ("pc-only", "m-only"))
    element.addprevious(desktop)
    desktop.append(element)
    desktop.addnext(phone)
    phone.append(twin)
    style = lxml.html.fragment_fromstring(
        "<style>.m-only{display:none}@media (max-width:768px){.pc-only{display:none}.m-only{display:block}}</style>")
    if styled:
        (tree.find(".//head") if tree.find(".//head") is not None else tree).append(style)
    return _reprinted(case, tree)


def phone_copy_unstyled(case: Case) -> Case:
    return phone_copy(case, styled=False)


def column_heading(case: Case) -> Case:
    """The page with its column's name (the labelled trail's last step, else 通知公告) as a
    heading first in the region holding the text's element, as a CMS heads its column's box."""
    if (whole := _text_element(case)) is None:
        return case
    tree, element = whole
    region = element.getparent()
    if region is None or region.tag in ("body", "html", "tr", "tbody", "table"):
        region = element
    # (the column's name: a trail's last step naming the page, 正文, is none)
    steps = [step.strip() for step in (case.fields["column"] or "").split(">")]
    column = next((step for step in reversed(steps) if step and step not in CURRENT_PAGE_STEPS), "通知公告")
    heading = lxml.html.fragment_fromstring("<h2 class='lmmc'></h2>")
    heading.text, heading.tail, region.text = column, region.text, None  # (first: before any words the region opens with)
    region.insert(0, heading)
    return _reprinted(case, tree)


def title_broken(case: Case) -> Case:
    """The page with the first element printing its whole title (a headline, a labelled value)
    broken by a <br> at its middle, as a narrow title bar prints a long title."""
    tree = parse_html(case.html)
    title = squeeze(case.fields.get("title") or "")
    if tree is None or tree.body is None or not title:
        return case
    for el in tree.body.iter():
        text = (el.text or "").strip() if isinstance(el.tag, str) else ""
        if len(el) == 0 and len(text) > 12 and squeeze(text) == title:
            el.text, tail = text[:len(text) // 2], text[len(text) // 2:]
            el.append(lxml.html.Element("br"))
            el[-1].tail = tail
            return _reprinted(case, tree)
    return case


_CITED = re.compile(r"《[^《》]{2,60}》")


def citations_linked(case: Case) -> Case:
    """The page with every 《…》 its text names linked (<a href>《…》</a>), as reading sites do."""
    if (whole := _text_element(case)) is None:
        return case
    tree, element = whole
    for n, el in enumerate(list(element.iter())):
        if not isinstance(el.tag, str) or el.tag in ("a", "script", "style"):
            continue
        if el.text and _CITED.search(el.text):
            parts, names = _CITED.split(el.text), _CITED.findall(el.text)
            el.text = parts[0]
            for i, (name, after) in enumerate(zip(names, parts[1:])):
                el.insert(i, _link(f"/zcwj/{n}-{i}.html", name, after))
        if el is not element and el.tail and _CITED.search(el.tail):
            parts, names = _CITED.split(el.tail), _CITED.findall(el.tail)
            el.tail, at = parts[0], el
            for i, (name, after) in enumerate(zip(names, parts[1:])):
                at.addnext(link := _link(f"/zcwj/{n}-t{i}.html", name, after))
                at = link
    return _reprinted(case, tree)


def _link(href: str, text: str, tail: str):
    link = lxml.html.Element("a", href=href)
    link.text, link.tail = text, tail
    return link


def table_layout(case: Case) -> Case:
    """The page laid out as old sites are: each region of <body>, and the text's element, in a
    layout table of one cell."""
    if (whole := _text_element(case)) is None or whole[1].tag in ("table", "tbody", "tr", "td", "th"):
        return case
    tree, element = whole
    for region in [*(child for child in tree.body if isinstance(child.tag, str) and child.tag not in ("script", "style")), element]:
        table = lxml.html.fragment_fromstring("<table width='980' border='0'><tbody><tr><td valign='top'></td></tr></tbody></table>")
        region.addprevious(table)
        table.find(".//td").append(region)
    return _reprinted(case, tree)


def dated_headline(case: Case) -> Case:
    """The page with its publication date printed inside its headline, after the title
    (<h1>…<span class="date">2024-06-05</span></h1>)."""
    tree = parse_html(case.html)
    title, day = squeeze(case.fields.get("title") or ""), (case.fields.get("published_at") or "")[:10]
    if tree is None or not title or not day:
        return case
    for heading in tree.xpath("//h1|//h2|//h3"):
        if squeeze(heading.text_content()) == title:
            heading.append(lxml.html.fragment_fromstring(f"<span class='date'>{day}</span>"))
            return _reprinted(case, tree)
    return case


ABSTRACT = ("为进一步规范示例市道路运输市场秩序，保障道路运输安全，保护道路运输有关各方当事人的合法权益，促进道路运输业的健康发展，"
            "根据《中华人民共和国道路运输条例》等有关法律法规，结合本市实际，市交通运输局制定了本办法，现予以公布，自发布之日起施行。")


def abstract_row(case: Case) -> Case:
    """The page's metadata block with a 内容概述 of prose added (a row of its table, or a line),
    as catalogues print the text's abstract: longer than many a short text."""
    tree = parse_html(case.html)
    if tree is None or (block := _metadata_block(tree)) is None:
        return case
    if rows := block.findall(".//tr"):
        rows[-1].addnext(lxml.html.fragment_fromstring(f"<tr><td>内容概述：</td><td colspan='3'>{ABSTRACT}</td></tr>"))
    else:
        block.append(lxml.html.fragment_fromstring(f"<div>内容概述：{ABSTRACT}</div>"))
    return _reprinted(case, tree)


def headline_paragraph(case: Case) -> Case:
    """The page with its headline's words (the first h1-h3 printing the labelled title) pasted
    as a paragraph inside it, <h1><p>…</p></h1>, as editors paste a title: a browser keeps the
    words in the heading, libxml2 closes the heading at the <p>."""
    title = case.fields.get("title")
    tree = parse_html(case.html) if title else None
    heading = _printing(tree, title, ("h1", "h2", "h3")) if tree is not None else None
    if heading is None:
        return case
    for child in list(heading):
        heading.remove(child)
    heading.text = None
    heading.append(marker := lxml.html.Element("span", {"data-stress": "paragraph"}))
    marker.text = title
    page = lxml.html.tostring(tree, encoding="unicode")
    opened = page.index('<span data-stress="paragraph">')
    closed = page.index("</span>", opened)
    page = page[:opened] + "<p>" + page[opened + len('<span data-stress="paragraph">'):closed] + "</p>" + page[closed + 7:]
    return dataclasses.replace(case, html=b"<meta charset='utf-8'>" + page.encode())


# page tools as sites print them on a value's line: words, links, in brackets or not
TOOLS = ("<span class='sc'>收藏</span>", "<a href='javascript:window.print()'>打印</a>",
         "<span>字号：<a>大</a> <a>中</a> <a>小</a></span>", "<a href='#'>分享到：</a>",
         "<span>【<a href='#'>关闭窗口</a>】</span>", "<span> | <a href='#'>查看更多</a></span>")


def tools_after_values(case: Case) -> Case:
    """The page with a tool (收藏, 打印, 字号 大中小, 【关闭窗口】, | 查看更多…) printed right after the
    element showing its 信息来源 and its publisher, outside the text: values run into the tools
    of the line they end, as many a page's metadata line does."""
    if (found := _text_element(case)) is None:
        return case
    tree, text = found
    inside = set(text.iter())
    pick, added = int(hashlib.sha256(case.name.encode()).hexdigest(), 16), 0
    for value in filter(None, (case.fields.get("source"), case.fields.get("publisher"))):
        el = _holder(tree, squeeze(value))
        if el is None or el in inside or el.tag in ("title", "script") or len(squeeze(el.text_content())) > len(squeeze(value)) + 12:
            continue  # a value in the text (the 落款's office), or inside a longer line
        tool = lxml.html.fragment_fromstring(TOOLS[(pick + added) % len(TOOLS)])
        el.addnext(tool)
        tool.tail, el.tail = el.tail, " "
        added += 1
    return _reprinted(case, tree) if added else case


CREDITS = ("（责任编辑：张三）", "（通讯员：李四）", "（审核：王五）", "（记者：赵六）", "（来源：示例日报）")


def credit_run_in(case: Case) -> Case:
    """The page with a web editor's credit in brackets run into the text's last sentence
    (…整改意见。（通讯员：李四）), as a CMS's editor types it under a news item; on a page that
    shows no 来源 at all, the credit may name the source (（来源：示例日报）), which the record then says."""
    if not (case.body_end or "").endswith(("。", "！", "？")) or (edges := _edge_holders(case)) is None:
        return case
    tree, _, last = edges
    if not squeeze(last.text_content()).endswith(squeeze(case.body_end)[-8:]):
        return case  # (the text's last words are not the end of their element: nowhere to run into)
    # (a page printing a 来源 of its own, even one naming no one, keeps it: the credit names none)
    credits = CREDITS if not case.fields.get("source") and "来源" not in tree.text_content() else CREDITS[:-1]
    credit = credits[int(hashlib.sha256(case.name.encode()).hexdigest(), 16) % len(credits)]
    if len(last):
        last[-1].tail = (last[-1].tail or "").rstrip() + credit
    else:
        last.text = (last.text or "").rstrip() + credit
    fields = {**case.fields, "source": "示例日报"} if credit == CREDITS[-1] else case.fields
    return dataclasses.replace(_reprinted(case, tree), fields=fields)


_TRAIL_SEPARATOR = re.compile(BREADCRUMB_SEPARATORS)  # what separates a trail's steps, as extraction reads them


def trail_drawn(case: Case) -> Case:
    """The page's breadcrumb (the element whose links are its labelled steps) with its separators
    drawn by CSS: each link followed by an icon (<i class="icon-arrow"></i>), no > in the text."""
    tree, steps = parse_html(case.html), (case.fields.get("column") or "").split(" > ")
    if tree is None or tree.body is None or len(steps) < 2:
        return case
    for el in tree.body.iter():
        links = [squeeze(a.text_content()) for a in el.iter("a")] if isinstance(el.tag, str) else []
        if len(links) >= 2 and all(squeeze(step) in links for step in steps[:-1]) and len(squeeze(el.text_content())) < 200:
            for node in el.iter():
                if isinstance(node.tag, str):
                    node.tail = _TRAIL_SEPARATOR.sub(" ", node.tail) if node.tail else node.tail
                    node.text = _TRAIL_SEPARATOR.sub(" ", node.text) if node.text and node.tag != "a" else node.text
            for link in list(el.iter("a")):
                icon = lxml.html.Element("i", {"class": "icon-arrow"})
                icon.tail, link.tail = link.tail, None
                link.addnext(icon)
            return _reprinted(case, tree)
    return case



# the page's own lines printed right under the text (its tools, its editor's notes, its counters,
# its links to other pages) and right over it, one kind each a page, chosen by the page's name
UNDER_TEXT = (
    "<p>[返回]</p>", "<div><a href='#top'>【返回顶部】</a></div>",
    "<div><a href='?p=1'>[1]</a><a href='?p=2'>[2]</a><a href='?p=3'>[3]</a></div>",
    "<div>共3页 <a href='?p=1'>上一页</a> <a href='?p=1'>1</a> <a href='?p=2'>2</a> <a href='?p=2'>下一页</a></div>",
    "<p>（本文有删减）</p>", "<p>责任编辑：李四</p>", "<p style='text-align:right'>（编辑：张三）</p>", "<div>【责任编辑：王五】</div>",
    "<p>初审：张三　复审：李四　终审：王五</p>", "<div>作者：张三　编辑：李四</div>",
    "<div>相关链接：</div><ul><li><a href='/a/1.html'>示例市召开全市安全生产工作会议</a></li>"
    "<li><a href='/a/2.html'>示例市部署开展城镇燃气安全专项整治</a></li></ul>",
    "<div>上一篇：<a href='/a/1.html'>示例市召开全市安全生产工作会议</a></div>"
    "<div>下一篇：<a href='/a/2.html'>示例市部署开展城镇燃气安全专项整治</a></div>",
    "<div>分享到：<a href='#'></a><a href='#'></a><a href='#'></a></div>",
    "<div><a href='javascript:print()'>【打印本页】</a> <a href='javascript:close()'>【关闭窗口】</a></div>",
    "<div>[ <a href='javascript:print()'>打印</a> ] [ <a href='javascript:close()'>关闭</a> ]</div>",
    "<div>浏览次数：1234</div>", "<div>阅读量：5678</div>", "<div><a href='/jc'>【我要纠错】</a></div>",
    "<p>本文链接：http://www.example.gov.cn/a/t20240101_1.html</p>",
    "<div>政策解读：<a href='/jd/1.html'>一图读懂示例市安全生产工作方案</a></div>",
    "<div><a href='#'>收藏</a> | <a href='#'>打印</a> | <a href='#'>关闭</a></div>",
    "<div>【字体：<a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a>】</div>", "<p>—— END ——</p>",
    "<p>（转载请注明出处）</p>", "<div><img src='/qr.png'/><p>扫描二维码分享到微信</p></div>",
    "<div>视力保护色：<a href='#'></a><a href='#'></a></div>",
)
OVER_TEXT = (
    "<div>字号：<a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a></div>", "<div>语音播报</div>",
    "<div>阅读次数：123</div>", "<div><a href='javascript:print()'>【打印】</a><a href='#'>【关闭】</a></div>",
    "<div>分享到：<a href='#'>微信</a><a href='#'>微博</a></div>", "<div>视力保护色：<a href='#'></a></div>",
    "<div>点击：<span>88</span></div>",
)
_BLOCK_TAGS = frozenset("p div table ul ol dl h1 h2 h3 h4 h5 h6 section article center blockquote".split())


def _block_of(el):
    """The block-level element `el` is printed in, outside any table's rows (a line printed
    beside a table's cell is printed under or over the table)."""
    while el.getparent() is not None and (el.tag not in _BLOCK_TAGS or any(a.tag == "table" for a in el.iterancestors())):
        if el.getparent().tag in ("body", "html"):
            break
        el = el.getparent()
    return el


def lines_around(case: Case) -> Case:
    """The page with one kind of the page's own lines printed right under the text (its tools,
    an editor's note, a counter, links to its neighbours or to its 解读, a pager, a closing
    mark) and one right over it (字号 大中小, 语音播报, a counter), the kinds chosen by the
    page's name: lines of the site's, not the text's."""
    if (edges := _edge_holders(case)) is None:
        return case
    tree, first, last = edges
    first, last = _block_of(first), _block_of(last)
    if first.tag in ("body", "html") or last.tag in ("body", "html"):
        return case
    pick = int(hashlib.sha256(case.name.encode()).hexdigest(), 16)
    for el in reversed(lxml.html.fragments_fromstring(UNDER_TEXT[pick % len(UNDER_TEXT)])):
        last.addnext(el)
    for el in lxml.html.fragments_fromstring(OVER_TEXT[pick % len(OVER_TEXT)]):
        first.addprevious(el)
    return _reprinted(case, tree)


# a trail as sites print it: a lead-in, then its steps as links joined by a separator or drawn by
# icons, the current page often plain text
def _steps(steps: list[str], plain_last: bool) -> list[str]:
    return [f"<span>{step}</span>" if plain_last and n == len(steps) - 1 else f"<a href='/lm{n}/'>{step}</a>"
            for n, step in enumerate(steps)]


TRAIL_FORMATS = (
    lambda steps: "当前位置：" + " &gt; ".join(_steps(steps, False)),
    lambda steps: "您现在的位置：" + " » ".join(_steps(steps, True)),
    lambda steps: "所在位置：" + "<img src='/images/arrow.gif'/>".join(_steps(steps, True)),
    lambda steps: "<span>当前位置：</span><ul>" + "".join(f"<li>{step}</li>" for step in _steps(steps, False)) + "</ul>",
    lambda steps: "<i class='icon-home'></i>您的位置：" + "<i class='icon-arrow'></i>".join(_steps(steps, False)),
    lambda steps: "当前位置：" + " / ".join(_steps(steps, True)),
    # the column's heading first, then the lead-in (博达 VSB's position bar)
    lambda steps: f"<h2>{steps[-1]}</h2><span>当前位置：</span>" + "<span>－&gt;</span>".join(_steps(steps, False)),
    lambda steps: "当前路径：" + " → ".join(_steps(steps, True)),
    lambda steps: "您所在的位置：" + " &gt;&gt; ".join(_steps(steps, False)),
)


def _trail_holder(tree, steps: list[str]):
    """The innermost element printing the labelled trail's steps in order, with the lead-in
    before them when its parent prints one."""
    found = None
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "title", "script", "style"):
            continue
        text, at = _shown(el), 0
        for step in map(squeeze, steps):
            at = text.find(step, at) + len(step) if text.find(step, at) >= 0 else -1
            if at < 0:
                break
        if at >= 0 and len(text) <= len(squeeze("".join(steps))) + 40:
            found = el
    parent = found.getparent() if found is not None else None
    if (parent is not None and parent.tag != "body" and LEAD.match(text := _shown(parent))
            and len(text) <= len(squeeze("".join(steps))) + 40):
        found = parent
    return found


def _shown(el) -> str:
    return squeeze("".join(el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")))


# the names extraction knows a trail by, and words naming one it does not (nav, path, wz …)
_TRAIL_WORDS = BREADCRUMB_NAMES + ("nav", "path", "wz", "bread", "current")


def _emptied_trail(case: Case) -> tuple | None:
    """The page's tree, the element printing its labelled trail (emptied) and the trail's steps;
    None when the page has no labelled trail or it cannot be placed."""
    column = case.fields.get("column")
    tree = parse_html(case.html) if column else None
    holder = _trail_holder(tree, steps := column.split(" > ")) if tree is not None else None
    if holder is None:
        return None
    for child in list(holder):
        holder.remove(child)
    holder.text = None
    return tree, holder, steps


def trail_bare(case: Case, nested: bool = False) -> Case:
    """The page with its breadcrumb printed as bare links: no lead-in, no separator, no class or id
    naming it or its ancestors, each step's link to a folder no deeper than the last
    (/col/col1001/index.html, as Hanweb's): only its place at home and its end at the page's
    column (a ColumnName meta) say it is a trail. `nested`: each link a folder deeper than the
    last, down to the page's own (/xxgk/, /xxgk/tzgg/), and no meta naming the column."""
    if (emptied := _emptied_trail(case)) is None:
        return case
    tree, holder, steps = emptied
    for el in (holder, *holder.iterancestors()):
        for name in ("class", "id"):
            if el is holder or any(word in (el.get(name) or "").lower() for word in _TRAIL_WORDS):
                el.attrib.pop(name, None)
    hrefs = ["/"] + [f"/col/col{1000 + n}/index.html" for n in range(1, len(steps))]
    if nested:
        for meta in tree.xpath("//meta[@name]"):
            if meta.get("name").lower() in _COLUMN_METAS:
                meta.getparent().remove(meta)
        folders = [part for part in urlsplit(case.url).path.split("/") if part][:-1]
        folders += [f"c{n}" for n in range(len(steps))]  # (a page nearer the root than its trail is long)
        hrefs = ["/"] + ["/" + "/".join(folders[:n]) + "/" for n in range(1, len(steps))]
    holder.append(lxml.html.fragment_fromstring(
        "<span>" + "".join(f"<a href='{href}'>{step}</a>" for href, step in zip(hrefs, steps)) + "</span>"))
    return _reprinted(case, tree)


_COLUMN_METAS = ("columnname", "lanmu", "columntype", "columndescription", "columnkeywords")


def trail_bare_nested(case: Case) -> Case:
    return trail_bare(case, nested=True)


def trail_reprinted(case: Case) -> Case:
    """The page with its breadcrumb printed again (the element holding the labelled steps, its
    lead-in with it) in one of TRAIL_FORMATS, chosen by the page's name: a lead-in, the steps
    as links joined by >, », / or drawn by icons or a list, the current page plain or linked."""
    if (emptied := _emptied_trail(case)) is None:
        return case
    tree, holder, steps = emptied
    pick = int(hashlib.sha256(case.name.encode()).hexdigest(), 16) % len(TRAIL_FORMATS)
    holder.append(lxml.html.fragment_fromstring(f"<span>{TRAIL_FORMATS[pick](steps)}</span>"))
    return _reprinted(case, tree)


STRESSES = {"no label colons": without_colons, "cells as divs": cells_as_blocks, "title names site": site_titled,
            "headline a plain block": plain_headline,
            "furniture around text": furniture_around, "metadata under text": metadata_under, "prose box": prose_box,
            "prose box first": prose_box_first,
            "a side column's prose before the headline": side_box, "a side column's prose after the text": side_box_after, "text in two sections": two_sections, "all but the box": all_at_once,
            "a copy for phones": phone_copy, "a copy for phones, sheet unseen": phone_copy_unstyled,
            "the column's heading over the text": column_heading, "title broken by <br>": title_broken, "citations linked": citations_linked,
            "old table layout": table_layout, "colons as ∶": ratio_colons, "date in the headline": dated_headline,
            "an abstract in the metadata": abstract_row, "trail drawn by CSS": trail_drawn,
            "the page's lines around the text": lines_around, "a CMS's <title>, plain headings": titled_as_cms,
            "the trail reprinted": trail_reprinted, "the trail bare links": trail_bare,
            "the trail bare links, nested": trail_bare_nested,
            "a tool after each value": tools_after_values, "the headline's words a paragraph": headline_paragraph,
            "a credit run into the last sentence": credit_run_in}
