"""Hanweb jpaas (大汉 政务云: MIIT, MOHURD, SAMR, MOFCOM, the Zhejiang cluster …) column shells.

A column page of these sites holds no records. Each part of it ("unit") is a script element

    <script src="/cms_files/default/script/AuthorizedRead/unitbuild.js" url="/api-gateway/
        jpaas-publish-server/front/page/build/unit" queryData="{'parseType':'bulidstatic',
        'webId':'3185','tplSetId':'…','pageType':'column','tagId':'信息列表','editType':'null',
        'pageId':'1229565788'}"></script>

whose HTML unitbuild.js asks of `url` with the queryData as query parameters (single quotes
made double, `bulidstatic` as the sites spell it) and puts in place of the script. The answer
is `{"success": true, "data": {"html": "…"}}`; for the unit holding the column's list, the
fragment has the items and a pager element `class="pagination" rows="15" count="388"
pageNo="1" queryData="{…}"`, and further pages are the pager's queryData with
`paramJson={"pageNo":N,"pageSize":ROWS}`. A refused request (a wrong tag, no Referer from the
site) answers HTTP 200 with `"success": false`.

A page has several units (navigation, breadcrumbs, side lists); the one asked first is the one
whose name and place say list (tagId 信息列表, 当前栏目list, 分页列表 …, outside navigation and
sidebars); when its answer holds no list, the next candidate is asked. Items are read by the
generic family; a 文号 the list prints beside an item goes with it.
"""
from __future__ import annotations

import json
import logging
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from scrapy.http import HtmlResponse

from crawler.listing import ListPage, ListRequest, list_state
from crawler.listing.generic import GenericList
from crawler.listing.patterns import ITEM_TAGS
from crawler.listing.records import dig, load_json
from pipeline.blocks import in_chrome
from pipeline.lines import DOC_NO_LINE
from pipeline.normalize import clean_text, normalize_doc_no
from pipeline.urls import strip_tracking

log = logging.getLogger(__name__)

UNIT_PATH = "/front/page/build/unit"
UNIT_SCRIPTS = "//script[@querydata][contains(@url, 'page/build/unit')]"
PAGER = "//*[contains(concat(' ', normalize-space(@class), ' '), ' pagination ')][@count]"
# what a unit's name (tagId) says of it
LIST_NAME = re.compile(r"列表|list|分页|信息|文件|内容|公开|公告|通知|动态|新闻", re.I)
PAGED_NAME = re.compile(r"列表|list|分页", re.I)
OTHER_NAME = re.compile(r"导航|菜单|位置|头部|底部|页头|页脚|顶部|链接|轮播|焦点|图片|搜索|二维码|版权|热点|推荐|排行|"
                        r"nav|menu|header|footer|banner|search", re.I)


def query_data(text: str | None) -> dict[str, str]:
    """A queryData attribute as unitbuild.js reads it (single quotes made double, then JSON),
    or by its 'key':'value' pairs when that fails; {} when it says nothing."""
    if not text:
        return {}
    try:
        data = json.loads(text.replace("'", '"'))
    except ValueError:
        data = dict(re.findall(r"""['"]([^'"]+)['"]\s*:\s*['"]([^'"]*)['"]""", text))
    if not isinstance(data, dict):
        return {}
    return {str(k).strip(): str(v).strip() for k, v in data.items() if v is not None}


def _number(value) -> int | None:
    match = re.search(r"\d+", str(value or ""))
    return int(match.group(0)) if match else None


def _unit_url(base: str, url: str, params: dict[str, str]) -> str:
    parts = urlsplit(urljoin(base, url))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


def _rank(script) -> int:
    """How much a unit looks like the column's list: by its name, and by where its HTML goes
    (a unit inside navigation or a sidebar is not the list)."""
    name = query_data(script.attrib.get("querydata")).get("tagId", "")
    score = 0
    if LIST_NAME.search(name):
        score += 1
    if PAGED_NAME.search(name):
        score += 1
    if OTHER_NAME.search(name):
        score -= 2
    if in_chrome(script.root):
        score -= 2
    return score


class JpaasList:
    name = "jpaas"

    def detect(self, response) -> bool:
        if urlsplit(response.url).path.endswith(UNIT_PATH):
            return load_json(response) is not None  # any JSON there is the unit API's, to read or report
        if "page/build/unit" not in response.text:
            return False
        ranks = [_rank(script) for script in response.xpath(UNIT_SCRIPTS)]
        if not ranks:
            return False
        # a page whose units are all side parts (a breadcrumb, a menu) and that lists records
        # itself is not a shell: its own list is read as any other
        return max(ranks) >= 1 or not GenericList().parse(response, lambda url: True).items

    def parse(self, response, allowed) -> ListPage:
        if urlsplit(response.url).path.endswith(UNIT_PATH):
            return self._unit_page(response, allowed)
        return self._shell(response)

    # --- the column page -------------------------------------------------------------------

    def _shell(self, response) -> ListPage:
        """The units of the page, likeliest list first: the first is asked, the others are
        kept in case its answer holds no list."""
        scripts = sorted(response.xpath(UNIT_SCRIPTS), key=_rank, reverse=True)  # stable: page order
        requests = []
        for script in scripts:
            params = query_data(script.attrib.get("querydata"))
            if params:
                url = _unit_url(response.url, script.attrib["url"], params)
                if url not in requests:
                    requests.append(url)
        page = ListPage(family=self.name, shell=True)
        if requests:
            page.next_page = ListRequest(requests[0], state=(("column", response.url), ("others", tuple(requests[1:]))),
                                         headers=(("Referer", response.url),))
        return page

    # --- a unit's answer -------------------------------------------------------------------

    def _unit_page(self, response, allowed) -> ListPage:
        state = list_state(response)
        column = state.get("column") or _referer(response) or response.url
        page = ListPage(family=self.name)
        answer = load_json(response)
        answer = answer if isinstance(answer, dict) else {}
        html = dig(answer, "data", "html")
        if answer.get("success") is False or not isinstance(html, str):
            log.warning("jpaas unit %s refused: %s", response.url,
                        answer.get("message") or answer.get("msg") or "no html in the answer")
            return self._next_unit(page, state, column)
        fragment = HtmlResponse(url=column, body=html.encode("utf-8"), encoding="utf-8")
        read = GenericList().parse(fragment, allowed)
        page.items, page.columns = read.items, read.columns
        _doc_numbers(fragment, page)
        pager = fragment.xpath(PAGER)
        if not page.items and not page.columns and not pager:  # not the list: the next unit, if any
            return self._next_unit(page, state, column)
        if pager and page.items:
            self._paginate(response, page, pager[0], state, column)
        return page

    def _next_unit(self, page: ListPage, state: dict, column: str) -> ListPage:
        others = tuple(state.get("others") or ())
        if others:
            page.shell = True
            page.next_page = ListRequest(others[0], state=(("column", column), ("others", others[1:])),
                                         headers=(("Referer", column),))
        return page

    def _paginate(self, response, page: ListPage, pager, state: dict, column: str) -> None:
        asked = dict(parse_qsl(urlsplit(response.url).query, keep_blank_values=True))
        count, rows = _number(pager.attrib.get("count")), _number(pager.attrib.get("rows"))
        page.total_records = count or None
        number = _number(pager.attrib.get("pageno")) or _number(_page_asked(asked)) or 1
        first = page.items[0].url
        if state.get("first") == first:  # paramJson ignored: the same records again
            page.unreached = max(0, (count or 0) - (number - 1) * (rows or 0))
            return
        if not count or not rows or number * rows >= count:
            return
        params = query_data(pager.attrib.get("querydata"))
        if not params:
            params = {k: v for k, v in asked.items() if k != "paramJson"}
        params["paramJson"] = json.dumps({"pageNo": number + 1, "pageSize": rows}, separators=(",", ":"))
        url = _unit_url(response.url, pager.attrib.get("uniturl") or urlsplit(response.url).path, params)
        page.next_page = ListRequest(url, state=(("column", column), ("first", first)),
                                     headers=(("Referer", column),))  # some sites refuse any other


def _page_asked(query: dict) -> str | None:
    try:
        return str(json.loads(query.get("paramJson") or "{}").get("pageNo"))
    except (ValueError, AttributeError):
        return None


def _referer(response) -> str | None:
    try:
        value = response.request.headers.get("Referer")
    except AttributeError:
        return None
    return value.decode("latin-1") if value else None


def _doc_numbers(fragment, page: ListPage) -> None:
    """The 文号 a list row prints in a cell of its own (not inside the title link)."""
    wanted = {item.url: item for item in page.items if "doc_no" not in item.fields}
    if not wanted:
        return
    for a in fragment.selector.root.iter("a"):
        href = (a.get("href") or "").strip()
        item = wanted.get(strip_tracking(urljoin(fragment.url, href))) if href else None
        row = _row(a)
        if item is None or row is None:
            continue
        for element in row.iter():
            if not isinstance(element.tag, str) or element is a or a in element.iterancestors() or element in a.iterancestors():
                continue
            text = clean_text(element.text_content()) or ""
            if text and DOC_NO_LINE.match(text.replace(" ", "")):
                item.fields["doc_no"] = normalize_doc_no(text)
                break


def _row(a):
    for node in a.iterancestors():
        if node.tag in ITEM_TAGS:
            return node
        if node.tag in ("ul", "table", "tbody", "ol", "dl", "body"):
            return None
    return None
