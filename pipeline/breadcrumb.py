"""The breadcrumb (当前位置：首页 > 政务公开 > 通知公告): where the page files the document.

A breadcrumb is a short run of links joined by separators, usually after a lead-in such as
`您当前所在的位置：`. It is found by that shape, in elements a CMS names as one (crumb,
position, location …) or in any text block, lead-in first (alone, over a list of the steps);
without a lead-in, a trail starts at the home page (首页, or a first link to the site's root) or
is three links or more.
"""
from __future__ import annotations

import re

from lxml import etree
from urllib.parse import urljoin, urlsplit

from pipeline.blocks import Block, Regions, class_words, is_hidden
from pipeline.normalize import clean_text
from pipeline.vocab import BREADCRUMB_LEADS, BREADCRUMB_NAMES, BREADCRUMB_SEPARATORS, BREADCRUMB_WORDS, CURRENT_PAGE_STEPS, HOME_NAMES

# "您当前所在的位置：", "当前位置:", "| 我的位置:" …: a few words ending in a lead word, then a colon;
# a template printing two (您所在的位置 :当前位置：首页 > …) leads in with both
LEAD = re.compile(rf"^[\s|｜]*(?:[^\s>＞]{{0,8}}?(?:{'|'.join(BREADCRUMB_LEADS)})(?:是|为)?\s*[:：]?\s*)+")  # (…的位置是：)
_SEPARATOR = re.compile(BREADCRUMB_SEPARATORS)
_FROM_HOME = re.compile(rf"^\s*(?:{'|'.join(HOME_NAMES)})(?:{BREADCRUMB_SEPARATORS})\S")
# steps between bars from home to the current page's (a menu's bars never end at 正文)
_BARRED_FROM_HOME = re.compile(rf"^\s*(?:{'|'.join(HOME_NAMES)})\s*[|｜]\s*(?:[^|｜\s]{{1,24}}\s*[|｜]\s*)+"
                               rf"(?:{'|'.join(sorted(CURRENT_PAGE_STEPS, key=len, reverse=True))})(?=\s|$)")
_URL = re.compile(r"[a-z]{3,5}://|www\.", re.I)
# a column's heading, then the lead-in: the trail starts at the lead
_LEAD_AFTER_HEADING = re.compile(rf"^\s*[^\s>＞]{{2,12}}\s+((?:{'|'.join(BREADCRUMB_LEADS)})\s*[:：])")
# page tools run into the last part: "2007年第23号 字号： 默认 大 超大 | 打印"
_BAR = re.compile(r"\s*[|｜]\s*")  # a tool bar's separator, and a trail's only after a lead-in
_LED_IN_JOIN = re.compile(r"\s*[|｜]\s*|\s+[·・—]\s+")  # …and a spaced dot or dash, after a lead-in
_TRAILER = re.compile(r"\s*(?:[|｜]|\s\S{1,4}\s*[:：]).*$")
MAX_LENGTH = 200
MIN_LINKED_STEPS = 3
_ARROW = re.compile(r">|＞|»|›|→")
HOME = re.compile(rf"^(?:{'|'.join(HOME_NAMES)})$")
# (one search a name, of its lower case: a pattern ignoring case has no literal to skip ahead to)
_NAMED = re.compile("|".join(name.lower() for name in (*BREADCRUMB_NAMES, *BREADCRUMB_WORDS)))
_LAYOUT_AFTER = re.compile(r"[_-]?(?:top|bottom|left|right|fixed|absolute|relative|sticky)")
_NAMES_ONLY = re.compile("|".join(BREADCRUMB_NAMES), re.I)
_NAMED_WORD = class_words(BREADCRUMB_WORDS)  # (bread in ul.bread and div.ewb-bread, not in div.breadbanner)


def _names_trail(name: str) -> bool:
    """Whether a class or id names a breadcrumb: holds one of its names, or one of its words as a word."""
    if (match := _NAMED.search(lowered := name.lower())) is None or _LAYOUT_AFTER.match(lowered, match.end()):
        return False  # (…or a layout's place: Taboola's trc_attribution_position_top)
    return (match.group() not in BREADCRUMB_WORDS  # (the two others asked only of a name holding bread)
            or _NAMED_WORD.search(name) is not None or _NAMES_ONLY.search(name) is not None)
# the attributes naming an element: its class and id, and what it says to a screen reader
# (aria-label, and the wzades / des of the accessibility scripts gov sites load)
_NAMING = etree.XPath("//@class|//@id|//@aria-label|//@wzades|//@des")
_SPOKEN = frozenset({"aria-label", "wzades", "des"})


_MARKS = " \t\n\u3000\xa0·・•●○■□▪◆◇▶►"  # a bullet or an icon's character printed before a trail or a step
_STEP_EDGES = _MARKS + ">＞》»›→/-－—"  # …and a separator a link's words carry at their edge (<a>》专题栏目</a>)


def parts_of(text: str) -> list[str]:
    if not LEAD.match(text) and (inside := _LEAD_AFTER_HEADING.match(text)):
        text = text[inside.start(1):]  # the column's heading printed before the lead-in: 通知公告 当前位置：首页 > …
    bare = LEAD.sub("", text)
    cuts = list(_SEPARATOR.finditer(bare))
    slashes = {cut.group().strip() for cut in cuts} == {"/"}
    if not slashes:  # a trail joins its steps one way: a slash beside another separator is a name's (招标公告/资审公告),
        cuts = [cut for cut in cuts if cut.group().strip() != "/"]
    elif len({cut.group() != "/" for cut in cuts}) > 1:  # and so is one unspaced among spaced ones (首页 / 招标公告/资审公告)
        cuts = [cut for cut in cuts if cut.group() != "/"]
    steps = [bare[start:end] for start, end in zip([0, *(cut.end() for cut in cuts)], [*(cut.start() for cut in cuts), len(bare)])]
    if len(steps) == 1 and (barred := _BARRED_FROM_HOME.match(bare)):
        steps = _BAR.split(barred.group().strip())  # 网站首页 | 博士后 | 通知公告 | 正文 (the column's heading after it)
    elif ((len(steps) == 1 or slashes) and len(bare) < len(text.strip()) and (bars := _LED_IN_JOIN.split(bare))
          and len(bars) >= max(2, len(steps))):
        steps = bars  # led in (当前位置：) with bars only between its steps: 首页｜新华社记者看东北｜人物专访 (a slash is a name's)
    parts = [clean_text(p.strip(_MARKS)) for p in steps]
    parts = [p for p in parts if p]
    if parts:
        parts[-1] = clean_text(_TRAILER.sub("", parts[-1])) or ""
        if parts[-1] and (first := parts[-1].split()[0]) in CURRENT_PAGE_STEPS:
            parts[-1] = first  # the trail ends at the page: the column's heading printed after it (正文 政策法规) is none
    return [p for p in parts if p]


def _crumb(text: str, link_chars: int, named: bool, owner=None) -> list[str] | None:
    """A trail's parts read from a text: led in, or links joined by separators; `named`, in an
    element a CMS names a trail; `owner`, the element printing the text, whose first link may go
    to the site's home page."""
    if len(text) > MAX_LENGTH:
        return None
    lead = LEAD.match(text)
    led = lead and lead.group().strip()
    if not (named or led or _SEPARATOR.search(text) or _BARRED_FROM_HOME.match(text)):
        return None  # (most blocks of a page: neither led in nor separated)
    if _URL.search(text):
        return None  # (a link printing its address, 主页网址：http://www…/, is split by its slashes, and no trail)
    parts = parts_of(text)
    if not parts:
        return None
    if led:
        # a lead-in ends in its colon, or leads to steps (所在的位置 首页 > …); a line of the text
        # naming a place (一、挂牌出让地块位置及规划指标概况：) leads to nothing
        return parts if len(parts) >= 2 or lead.group().rstrip().endswith((":", "：")) else None
    # without a lead-in: links joined by separators, starting at the home page when not named
    home_linked = bool(HOME.match(parts[0])) and link_chars >= len(parts[0])
    # (or, no step a link, the trail a heading prints: 首页 - 新闻动态, its steps columns' names)
    home_printed = bool(HOME.match(parts[0])) and len(parts) >= 2 and all(len(part) <= MAX_COLUMN_NAME for part in parts)
    if not named and link_chars * 3 < len(re.sub(r"\s", "", text)) and not (home_linked or home_printed):
        return None  # the current page's name may be plain text, the way there is links
    if len(parts) < 2 or not (_SEPARATOR.search(text) or _BARRED_FROM_HOME.match(text)):
        return parts if named else None
    # three steps or more, every one a link (政务公开 > 政策法规 > 委局文件): a trail wherever it starts
    linked_trail = (len(parts) >= MIN_LINKED_STEPS and link_chars >= sum(map(len, parts)) - 2
                    and bool(_ARROW.search(text)))  # not a link printing a file's path (upload/file/….pdf)
    return parts if (named or HOME.match(parts[0]) or linked_trail
                     or owner is not None and _starts_at_home(owner) and not _separated_inside_links(text, owner)) else None


def _separated_inside_links(text: str, owner) -> bool:
    """Whether a text's only separators are inside its links' words (首页交易信息<a>招标公告/资审公告</a>:
    links side by side, their separators drawn, one of them naming two columns)."""
    for link in owner.iter("a"):
        if words := link.text_content().strip():
            text = text.replace(words, " ")
    return not _SEPARATOR.search(text)


_HOME_PATH = re.compile(r"^/?(?:index\.[a-z]+)?$")


def _starts_at_home(el) -> bool:
    """Whether the first link of an element goes to the site's home page (`/`, `/index.html`):
    a trail that names its first step after the site (中国科普网 > 时政新闻) starts there too."""
    first = next(el.iter("a"), None)
    try:
        href = urlsplit((first.get("href") or "").strip()) if first is not None else None
    except ValueError:  # a malformed link (http://[::1, a full-width colon in the host) goes nowhere
        return False
    return bool(href) and not href.query and bool(_HOME_PATH.match(href.path)) and bool(href.netloc or href.path)


def _visible_text(el) -> str:
    return clean_text(" ".join(_SHOWN_TEXTS(el))) or ""


_SHOWN_TEXTS = etree.XPath(".//text()[not(ancestor::script) and not(ancestor::style)]")
_LISTS = etree.XPath("//ol|//ul")
_ITEMS = etree.XPath("./li")
_HIDDEN_LOCATION = etree.XPath('//*[@id="hiddenLocation"]//span[@id]')


def _element_crumb(el) -> list[str] | None:
    text = _visible_text(el)
    links = [t for a in el.iter("a") if (t := clean_text(a.text_content()))]
    parts = _crumb(text, sum(map(len, links)), named=True)
    items = [t for li in el.iter("li") if (t := clean_text(LEAD.sub("", li.text_content())))]
    # (separators drawn: none printed, or one only inside a link's words, <a>招标公告/资审公告</a>)
    named_pair = len(links) >= 2 and any(_SEPARATOR.search(words.strip(_STEP_EDGES)) for words in links)
    drawn = parts and (len(parts) == 1 and not _SEPARATOR.search(text) or named_pair and _separated_inside_links(text, el))
    after = _after_links(text, links) if drawn and links else []
    if drawn and max(len(links) + len(after), len(items)) >= 2:
        # separators drawn by CSS: the list's items are the parts (a step, the last often, may be
        # plain text: <li><a>首页</a></li><li class="active">经济运行</li>), else the links and
        # the current page's name after them (<a>首页</a><i></i><a>金融动态</a><i></i>新闻资讯)
        parts = items if len(items) >= len(links) + len(after) else links + after
        parts = [p for p in parts if not LEAD.fullmatch(p)]
    if parts and len(parts) >= 2 and HOME.match(parts[-1]) and not HOME.match(parts[0]):
        parts.reverse()  # floated right (li.fr), the steps print in reverse: a trail never ends at home
    return parts


def _steps_as_blocks(home) -> tuple[list[str] | None, object]:
    """A trail whose steps and separators are blocks of their own (<h2>首页</h2><h3>&gt;</h3><h2>政务
    公开</h2>…), from the element of its home step: the nearest ancestor whose short text reads as
    steps joined by separators, home first."""
    for el in list(home.iterancestors())[:2]:
        text = _visible_text(el)
        if len(text) > MAX_LENGTH:
            break
        parts = parts_of(text)
        if len(parts) >= 2 and HOME.match(parts[0]) and _SEPARATOR.search(text):
            # (a menu's items are blocks of their own too: <nav><ul><li>主页</li> / <li>科研团队</li> …)
            return (None, None) if Regions().navigation(el) else (parts, el)
    return None, None


MAX_STEP = 60  # characters of the current page's name after a trail's links (a long office's, a title)


def _after_links(text: str, links: list[str]) -> list[str]:
    """The plain text after a trail's last link (the current page's name), if any: not the page
    tools a bar or a label starts (字号： 默认 大 超大 | 打印)."""
    end = 0
    for words in links:  # (in turn: the last link's words may come again in the name after it, 要闻 / 山西要闻)
        if (at := text.find(words, end)) < 0:
            return []
        end = at + len(words)
    if not links or links[-1] in CURRENT_PAGE_STEPS:
        return []  # (the trail ends at the page: what follows, 通知公告, is the column's heading)
    after = clean_text(text[end:].lstrip(_MARKS + "—–-"))  # (its separator a mark or a dash: 新闻动态 · 正文)
    if after and (first := after.split()[0]) in CURRENT_PAGE_STEPS:
        after = first  # the trail ends at the page: the column's heading printed after it (正文 通知公告) is none
    return [after] if after and len(after) <= MAX_STEP and not _TOOLS.search(after) else []


_TOOLS = re.compile(r"[|｜:：]")


def _linked_steps(block: Block, column: str | None = None) -> list[str] | None:
    """A trail whose separators the page draws (icons, CSS) and that no name or lead-in marks:
    links side by side, each going one level deeper than the one before (../../../, ../../, ../),
    the current page's name after them at most. Two links only when the first goes home or an
    arrow is printed between them. Links whose folders say nothing (Hanweb's /col/col123/index.html)
    are a trail when they start at home and end at the page's `column` (its ColumnName meta), or at
    a step naming the page by its kind after it (… > 全省统计公报 > 正文)."""
    anchors = list(block.owner.iter("a"))
    if not 2 <= len(anchors) <= MAX_LINKED_STEPS:
        return None  # (a menu's many links: not asked one by one)
    links = [(a, words) for a in anchors if (words := clean_text(a.text_content()))]
    if len(links) < 2 or (steps := _only_links(block, [words for _, words in links])) is None:
        return None
    column_step = steps[-2] if len(steps) > 2 and steps[-1] in CURRENT_PAGE_STEPS else steps[-1]
    if column and column_step == column and (HOME.match(steps[0]) or _starts_at_home(block.owner)):
        return steps
    folders = [_folder(a.get("href")) for a, _ in links]
    if None in folders:
        return None
    ends = {folder.rstrip("/").rsplit("/", 1)[-1] for folder in folders[1:]}
    if len(folders) > 2 and len(ends) == 1:  # each column's index in a folder of one name (…/swdt/list/, …/swdt/sjdt/list/)
        folders = folders[:1] + [folder.rstrip("/").rsplit("/", 1)[0] + "/" for folder in folders[1:]]
    if any(not (deeper.startswith(folder) and deeper != folder) for folder, deeper in zip(folders, folders[1:])):
        return None
    if len(links) == 2 and not (HOME.match(steps[0]) or _starts_at_home(block.owner) or _ARROW.search(block.text)):
        return None  # (two links a folder apart, an arrow printed between them: 评论 <a> &gt; 海外观察</a>)
    return [step.strip(_STEP_EDGES) or step for step in steps]  # (the arrow a link's words carry at their edge)


_DEEP = "http://site.invalid/1/2/3/4/5/6/7/8/9/page.html"  # resolves ../../ however deep a trail goes


def _folder(href: str | None) -> str | None:
    try:
        parts = urlsplit(urljoin(_DEEP, (href or "").strip()))
    except ValueError:
        return None
    return parts.netloc + parts.path.rsplit("/", 1)[0] + "/" if parts.scheme in ("http", "https") else None


def _widest(el) -> tuple[list[str] | None, object]:
    """A breadcrumb's parts are often in sibling elements (one per step): the element or the
    nearest ancestor whose reading has the most parts, while it stays a breadcrumb's length."""
    best, holder = _element_crumb(el), el
    if best and len(best) >= 2:  # a whole trail already: wider would read the page around it
        return best, holder
    for parent in list(el.iterancestors())[:2]:
        if len(_visible_text(parent)) > MAX_LENGTH:
            break
        parts = _element_crumb(parent)
        if parts and len(parts) > len(best or []):
            best, holder = parts, parent
    return best, holder


def read_breadcrumb(tree, blocks: list[Block], column: str | None = None) -> tuple[list[str], object]:
    """The breadcrumb's parts and the element holding it ([] and None when there is none);
    `column`, the page's ColumnName meta, where it has one."""
    # (the names asked one by one as libxml2 hands them over, with no element built for the rest);
    # an attribute saying what the element is to a screen reader names it too (wzades="当前位置")
    named = list(dict.fromkeys(name.getparent() for name in _NAMING(tree)
                               if _names_trail(name) or name.attrname in _SPOKEN and LEAD.fullmatch(name.strip())))
    if len(named) > 1:  # one printing its lead-in first: a menu's current item is named so too (li.dhdqwz, 导航当前位置)
        named.sort(key=lambda el: not LEAD.match(_visible_text(el)))
    found: tuple[list[str], object] | None = None
    one_step: tuple[list[str], object] | None = None  # a named element of one step: a trail, or a footer's address (location_info)
    for el in named:
        if is_hidden(el) or not _visible_text(el) or any(map(is_hidden, el.iterancestors())):
            continue  # a CMS's hidden data (Hanweb's #hiddenLocation, a hidden copy) is read below, not as
            # a trail; an empty one is filled by script, its parent is the page
        if el.tag == "li" and not LEAD.match(_visible_text(el)) and Regions().navigation(el):
            continue  # a menu's current item (<div class="nav"><ul><li class="dhdqwz">…), the menu no trail
        parts, holder = _widest(el)
        if parts and any(len(step) > MAX_COLUMN_NAME or "关于" in step for step in parts[:-1]):
            continue  # a list of documents' titles, each led by an arrow (相关文章 > 关于… > 关于…): no trail
        if parts and (len(parts) >= 2 or LEAD.match(_visible_text(el))):
            found = (parts, holder)
            break
        one_step = one_step or ((parts, holder) if parts else None)
    if found is None:
        for block in blocks:
            if len(block.text) > MAX_LENGTH or not block.link_chars and not (LEAD.match(block.text) or _FROM_HOME.match(block.text)):
                continue  # a trail is short, and made of links, led in, or printed from home
            if LEAD.fullmatch(block.text.strip()):  # the lead-in alone, the steps in a list after it
                wider, holder = _widest(block.owner)
                if wider and len(wider) >= 2:
                    found = (wider, holder)
                    break
            parts = (_crumb(block.text, block.link_chars, named=False, owner=block.owner)
                     or block.link_chars and _linked_steps(block, column))
            if not parts and block.link_chars and HOME.match(block.text.strip()):
                parts, holder = _steps_as_blocks(block.owner)
                if parts:
                    found = found or (parts, holder)
                    continue
            if parts and (lead := LEAD.match(block.text)) and lead.group().strip():
                wider, holder = _widest(block.owner)
                found = (wider, holder) if wider and len(wider) > len(parts) else (parts, block.owner)
                break
            if parts and found is None:
                # (a trail whose home step an image's block cut off, 首页&gt; <a><img></a>时政频道 > …: read whole)
                wider, holder = _widest(block.owner) if not HOME.match(parts[0]) else (None, None)
                found = (wider, holder) if wider and len(wider) > len(parts) else (parts, block.owner)
    if found is None:
        found = _listed_trail(tree) or one_step
    if found is None or len(found[0]) < 2:  # a trail written by script from the CMS's hidden data
        if parts := hanweb_location(tree):
            return parts, None
    if found is None:
        return [], None
    parts = _linked_whole(*found)
    # (a trail naming only the page, > 正文, its channel's name left empty by the template: no column)
    return ([] if all(part in CURRENT_PAGE_STEPS for part in parts) else parts), found[1]


def _linked_whole(parts: list[str], holder) -> list[str]:
    """The steps, a link's words whole where they hold a separator (<a>招标公告/资审公告</a> is one
    step, the column's name, not two)."""
    if holder is None or len(parts) < 2:
        return parts
    for link in holder.iter("a"):
        words = clean_text(link.text_content()) or ""
        if len(split := parts_of(words)) < 2:
            continue
        for i in range(len(parts) - len(split) + 1):
            if parts[i:i + len(split)] == split:
                parts = parts[:i] + [words] + parts[i + len(split):]
                break
    return parts


def trail_before(blocks: list[Block], end: int, url: str) -> tuple[list[str], object]:
    """A trail printed as bare links (no lead-in, no separator, no name saying so; Hanweb's
    /col/col123/index.html say nothing either), found when nothing else is and no ColumnName meta
    names the page's column: the last block of links before the document's header (blocks[end])
    when it is a short run of them from home (首页, or a link to the site's root), the current
    page's name after them at most. A menu starting at home has the page's banners and columns of
    links between it and the header, or leads to the page's column (its folder in `url`) by a link
    before its last. A run that ends at the page's own step (… 工会工作 正文: no menu does) is the
    trail across a side menu printed between it and the header, a few blocks of links back."""
    linked = [block for block in reversed(blocks[:end]) if block.link_chars and not block.hidden]
    for at, block in enumerate(linked[:MAX_MENU_BLOCKS]):
        steps = _bare_links(block, url) if len(block.text) <= MAX_LENGTH else None
        if steps and (at == 0 or steps[-1] in CURRENT_PAGE_STEPS):
            return steps, block.owner
    return [], None


MAX_MENU_BLOCKS = 12  # blocks of links (a side menu's items) between a bare trail ending at 正文 and the header


def _only_links(block: Block, links: list[str]) -> list[str] | None:
    """A block's steps when it is its links and nothing before them (a lead-in aside), the current
    page's name after them at most; else None."""
    text = clean_text(LEAD.sub("", block.text)) or ""
    if not "".join(text.split()).startswith("".join("".join(words.split()) for words in links)):
        return None
    return links + _after_links(text, links)


def _bare_links(block: Block, url: str) -> list[str] | None:
    anchors = [(a, words) for a in block.owner.iter("a") if (words := clean_text(a.text_content()))]
    if not 2 <= len(anchors) <= MAX_STEPS or (steps := _only_links(block, [words for _, words in anchors])) is None:
        return None
    if any(len(step) > MAX_COLUMN_NAME for step in steps[:-1]) or not (HOME.match(steps[0]) or _starts_at_home(block.owner)):
        return None
    holding = [_holds_page(a.get("href"), url) for a, _ in anchors[1:]]
    return None if any(holding[:-1]) and not holding[-1] else steps


def _holds_page(href: str | None, url: str) -> bool:
    """Whether a link leads to a folder the page at `url` is filed under (/zwgk/ for
    /zwgk/tzgg/202406/t20240605_1.html)."""
    try:
        folder, page = urlsplit(urljoin(url, (href or "").strip())), urlsplit(url)
    except ValueError:
        return False
    path = folder.path.rsplit("/", 1)[0] + "/"
    return folder.netloc == page.netloc and path != "/" and page.path.startswith(path)


MAX_STEPS = 6  # a list of more items is a menu
MAX_COLUMN_NAME = 24  # characters of a step before the last: a column's name (the last may be the document's title)
MAX_LINKED_STEPS = 9  # links each a folder deeper: catalogues nest that deep (首页 > 政务公开 > … > 统计公报)


def _listed_trail(tree) -> tuple[list[str], object] | None:
    """A trail in a list of its steps, one item each, from 首页, with no name saying so: an <ol>
    (Bootstrap's breadcrumb), or a list whose further items start with a separator
    (`<li>首页</li><li>&gt; 要闻</li>`). A menu is a longer list, its items bare."""
    for el in _LISTS(tree):
        items = [clean_text(li.text_content()) or "" for li in _ITEMS(el)]
        if not (2 <= len(items) <= MAX_STEPS and HOME.match(items[0]) and el.find(".//a") is not None) or is_hidden(el):
            continue
        if el.tag == "ol" or all(_SEPARATOR.match(item) for item in items[1:]) or _nested_items(el):
            parts = _element_crumb(el)
            if parts and len(parts) >= 2:
                return parts, el
    return None


def _nested_items(list_el) -> bool:
    """Whether a list's items link each a folder deeper than the one before, the last plain text
    (the current page: <li><a href=/n29/>首页</a></li><li><a href=/n29/n31/>政府信息公开</a></li>
    <li>近期信息公开</li>): a trail's; a menu's links are siblings, all in one folder."""
    items = _ITEMS(list_el)
    links = [li.find(".//a") for li in items[:-1]]
    if len(items) < 3 or None in links or items[-1].find(".//a") is not None:
        return False
    folders = [_folder(a.get("href")) for a in links]
    return None not in folders and all(deeper.startswith(folder) and deeper != folder
                                       for folder, deeper in zip(folders, folders[1:]))


def hanweb_location(tree) -> list[str]:
    """Hanweb JCMS pages carry their column path as hidden spans (`#hiddenLocation`:
    `col6_name` … `col1_name`, the column last) and write the breadcrumb from them by script."""
    names = {}
    for span in _HIDDEN_LOCATION(tree):
        match = _COLUMN_SPAN.fullmatch(span.get("id") or "")
        if match and (name := clean_text(span.text_content())):
            names[int(match.group(1))] = name
    return ["首页"] + [names[k] for k in sorted(names, reverse=True)] if names else []


_COLUMN_SPAN = re.compile(r"col(\d+)_name")
