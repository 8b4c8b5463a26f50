"""Fixture sites for the platforms whose lists come from JSON APIs, served by tests.sitekit.

Each is built from a real page of ../shared/corpus where one exists (the Pingtan 动静结合
column page) and from what public crawlers of these platforms document the APIs to take and
answer (request parameters, JSON keys); every column has several pages and a known set of
documents, and every API answers only to the parameters the page gives it.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from tests.sitekit import CORPUS, Route, html

ROBOTS = Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})


def as_json(data) -> Route:
    return Route(json.dumps(data, ensure_ascii=False).encode("utf-8"),
                 headers={"Content-Type": "application/json;charset=UTF-8"})


def plain_detail(n: int, title: str) -> bytes:
    """A detail page with a title, a date and a body but no metadata table: what the list
    says (文号, 索引号, 发布机构) is all there is to know of its metadata."""
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<div class='TRS_Editor'><p>这是第{n}号文件的正文。为做好相关工作，现将有关事项通知如下，"
            f"请各单位结合实际认真贯彻落实第{n}号文件的各项要求。</p></div></body></html>").encode("utf-8")


class TrsDynamicSite:
    """The real Pingtan 工作进展情况 column (TRS WCM, 动静结合: 75 records in the page, recordCount
    107, 15 a page), its search API /fjdzapp/search serving pages 6–8 of the same list."""

    COLUMN = "/zwgk/ghxx/gzjzqk/"
    API = "/fjdzapp/search"
    FORM = {"channelid": "200210", "classsql": "chnlid=1780", "prepage": "15"}

    def __init__(self) -> None:
        self.page = (CORPUS / "fujian-pingtan_trs-trt_list_1.html").read_text("utf-8")
        hrefs = dict.fromkeys(re.findall(r'href="([^"]*/t20\d{6}_\d+\.htm)"', self.page))
        self.static = [urljoin(self.COLUMN, h) for h in hrefs]
        self.api_only = [f"{self.COLUMN}2019{n % 12 + 1:02d}/t2019{n % 12 + 1:02d}01_{70000 + n}.htm"
                         for n in range(107 - len(self.static))]
        self._body = (CORPUS / "fujian-pingtan_trs-trt_detail_2.html").read_text("utf-8")

    @property
    def documents(self) -> list[str]:
        return self.static + self.api_only

    def doc_no(self, path: str) -> str:
        return f"岚政〔2019〕{self.api_only.index(path) + 1}号"

    def search(self, query: dict, form: dict) -> Route:
        if any(form.get(k) != v for k, v in self.FORM.items()) or not form.get("page", "").isdigit():
            return as_json({"code": 400, "msg": "bad parameters", "data": []})
        size, number = int(form["prepage"]), int(form["page"])
        rows = self.documents[(number - 1) * size: number * size]
        return as_json({"pageCount": -(-len(self.documents) // size), "page": number, "data": [
            {"docpuburl": f"http://127.0.0.1:{{{{PORT}}}}{path}", "doctitle": f"工作进展情况{path[-9:-4]}",
             "pubdate": "2019-06-01 09:00:00", "chnlid": 1780,
             **({"fileno": self.doc_no(path), "idxid": f"PZ00108-3000-2019-{self.api_only.index(path) + 1:05d}",
                 "puborg": "平潭综合实验区管委会"} if path in self.api_only else {})}
            for path in rows]})

    def routes(self) -> dict[str, Route]:
        routes = {"/robots.txt": ROBOTS, self.COLUMN: html(self.page.encode("utf-8"))}
        for n, path in enumerate(self.static):
            routes[path] = html(self._body.replace("。", f"。〔{n}〕").encode("utf-8"))
        for n, path in enumerate(self.api_only):
            routes[path] = html(plain_detail(1000 + n, f"工作进展情况{path[-9:-4]}"))
        return routes

    def handlers(self) -> dict:
        return {self.API: self.search}


class GkmlptSite:
    """A Guangdong gkmlpt catalogue: the Vue page with its SID, one category of 23 articles
    served 10 a page by /gkmlpt/api/all/CATEGORY?page=N&sid=SID."""

    ROOT, SID, CATEGORY, PER_PAGE, TOTAL = "/szfgw/gkmlpt", "755031", "2811", 10, 23
    PUBLISHER = "深圳市发展和改革委员会"

    def doc_path(self, n: int) -> str:
        post = 11000000 + n
        return f"{self.ROOT}/content/11/{post // 1000}/post_{post}.html"

    def article(self, n: int) -> dict:
        return {"id": 11000000 + n, "title": f"关于做好第{n}批项目申报工作的通知",
                "url": f"http://127.0.0.1:{{{{PORT}}}}{self.doc_path(n)}",
                "display_publish_time": 1717689600 + n * 86400,  # 2024-06-07 00:00 Beijing, + n days
                "identifier": f"11440300MB2C92051J/2024-{n:05d}", "document_number": f"深发改〔2024〕{n}号",
                "publisher": self.PUBLISHER}

    def index_page(self) -> bytes:
        return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府信息公开 {self.PUBLISHER}</title></head>"
                f"<body><div id='app'></div><script>window._CONFIG = {{SID: '{self.SID}', "
                f"TREE: [{{id: {self.CATEGORY}, name: '通知公告', parent: 0}}]}};</script>"
                f"<script src='{self.ROOT}/static/js/app.js'></script></body></html>").encode("utf-8")

    def routes(self) -> dict[str, Route]:
        routes = {"/robots.txt": ROBOTS, f"{self.ROOT}/index": html(self.index_page())}
        pages = -(-self.TOTAL // self.PER_PAGE)
        for p in range(1, pages + 2):  # one page past the end answers an empty list, as the API does
            newest = self.TOTAL - (p - 1) * self.PER_PAGE  # newest first, as the platform lists
            numbers = range(newest, max(newest - self.PER_PAGE, 0), -1)
            routes[f"{self.ROOT}/api/all/{self.CATEGORY}?page={p}&sid={self.SID}"] = as_json(
                {"total": self.TOTAL, "articles": [self.article(n) for n in numbers]})
        for n in range(1, self.TOTAL + 1):
            routes[self.doc_path(n)] = html(plain_detail(n, f"关于做好第{n}批项目申报工作的通知"))
        return routes

    @property
    def documents(self) -> list[str]:
        return [self.doc_path(n) for n in range(1, self.TOTAL + 1)]


class PolicyLibrarySite:
    """The gov.cn policy library: its page, and its search API serving 45 policies 20 a page
    (the API answers only the query the page asks, newest first)."""

    PAGE = "/zcwjk/policyDocumentLibrary?q=&t=zhengcelibrary_gw"
    TOTAL, SIZE = 45, 20

    def doc_path(self, n: int) -> str:
        return f"/zhengce/content/2024-{n % 12 + 1:02d}/{n % 28 + 1:02d}/content_{5353000 + n}.htm"

    def policy(self, n: int) -> dict:
        return {"title": f"国务院办公厅关于<em>做好</em>第{n}项工作的通知", "url": f"http://127.0.0.1:{{{{PORT}}}}{self.doc_path(n)}",
                "pubtimeStr": f"2024.{n % 12 + 1:02d}.{n % 28 + 1:02d}", "puborg": "国务院办公厅",
                "pcode": f"国办发〔2024〕{n}号"}

    def api_path(self, p: int) -> str:
        return (f"/search-gov/data?t=zhengcelibrary_gw&q=&sort=pubtime&sortType=1&p={p}&n={self.SIZE}")

    def routes(self) -> dict[str, Route]:
        shell = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>国务院政策文件库</title></head>"
                 "<body><div id='app'></div><script src='/zcwjk/js/app.js'></script></body></html>")
        routes = {"/robots.txt": ROBOTS, self.PAGE: html(shell.encode("utf-8"))}
        for p in range(1, -(-self.TOTAL // self.SIZE) + 1):
            numbers = range(self.TOTAL - (p - 1) * self.SIZE, max(self.TOTAL - p * self.SIZE, 0), -1)
            routes[self.api_path(p)] = as_json({"code": 200, "paramsVO": {"t": "zhengcelibrary_gw", "p": p},
                                                "searchVO": {"totalCount": self.TOTAL,
                                                             "listVO": [self.policy(n) for n in numbers]}})
        for n in range(1, self.TOTAL + 1):
            routes[self.doc_path(n)] = html(plain_detail(n, f"国务院办公厅关于做好第{n}项工作的通知"))
        return routes

    @property
    def documents(self) -> list[str]:
        return [self.doc_path(n) for n in range(1, self.TOTAL + 1)]


class PagerSite:
    """Three columns of 3 pages × 4 documents, one per pager the generic and TRS families read
    with no help: numbered `?catid=12&page=N` links only, `?pageIndex=N` with 下一页, and TRS
    `var countPage = 3; var currentPage = N` written by script (no pager links at all)."""

    COLUMNS = {"numbered": "/xxgk/list.jsp?catid=12", "pageindex": "/news/index.aspx", "countpage": "/zfwj/"}
    PAGES, PER_PAGE = 3, 4

    def doc_path(self, column: str, n: int) -> str:
        return f"/{column}/2024{n % 12 + 1:02d}/t2024{n % 12 + 1:02d}01_{1000 + n}.html"

    def _page_path(self, column: str, p: int) -> str:
        start = self.COLUMNS[column]
        if column == "numbered":
            return f"{start}&page={p + 1}" if p else start
        if column == "pageindex":
            return f"{start}?pageIndex={p + 1}" if p else start
        return f"{start}index_{p}.html" if p else f"{start}index.html"

    def _pager(self, column: str, p: int) -> str:
        if column == "numbered":
            return "".join(f'<a href="{self._page_path(column, q)}">{q + 1}</a>' for q in range(self.PAGES))
        if column == "pageindex":
            return f'<a href="{self._page_path(column, p + 1)}">下一页</a>' if p + 1 < self.PAGES else ""
        return (f"<script>var countPage = {self.PAGES}; var currentPage = {p}; var prevPage = 'index';"
                "document.write('<span>共' + countPage + '页</span>');</script>")

    def _list(self, column: str, p: int) -> bytes:
        items = "".join(f'<li><a href="{self.doc_path(column, n)}" title="文件{n}">文件{n}</a><span>2024-06-01</span></li>'
                        for n in range(p * self.PER_PAGE, (p + 1) * self.PER_PAGE))
        return (f"<html><head><meta charset='utf-8'><title>{column}</title></head><body>"
                f"<div class='nav'><a href='/'>首页</a><a href='/about/'>机构概况</a></div>"
                f"<ul class='list'>{items}</ul><div class='page'>{self._pager(column, p)}</div>"
                f"<div class='footer'><a href='/sitemap/'>网站地图</a></div></body></html>").encode("utf-8")

    def routes(self) -> dict[str, Route]:
        routes = {"/robots.txt": ROBOTS}
        for c, column in enumerate(self.COLUMNS):
            for p in range(self.PAGES):
                routes[self._page_path(column, p)] = html(self._list(column, p))
            for n in range(self.PAGES * self.PER_PAGE):
                routes[self.doc_path(column, n)] = html(plain_detail(100 * c + n, f"{column}文件{n}"))
        routes["/zfwj/"] = routes["/zfwj/index.html"]
        return routes

    @property
    def documents(self) -> list[str]:
        return [self.doc_path(c, n) for c in self.COLUMNS for n in range(self.PAGES * self.PER_PAGE)]


class UcapPagedSite:
    """The real Jiangxi 开普云 column page, its channel tree saying 80 articles: the page embeds
    the newest 50, and `?uid=380055&pageNum=N` answers the same page embedding the 50 records
    from the N-th page of 15 on (jpage's perPage), so later pages overlap earlier ones."""

    COLUMN = "/jxssthjt/col/col42150/index.html"
    TOTAL, PER_PAGE, EMBEDDED = 80, 15, 50

    def __init__(self) -> None:
        page = (CORPUS / "jiangxi-sthjt_ucap_list_1.html").read_text("utf-8")
        self.page = re.sub(r'("code":"col42150"[^{}]*?"articleCount":)\d+', rf"\g<1>{self.TOTAL}", page)
        start = self.page.index("articleList:") + len("articleList:")
        while self.page[start] != "[":
            start += 1
        real, length = json.JSONDecoder().raw_decode(self.page[start:])
        self._span = (start, start + length)
        older = [{"title": f"生态环境执法案例第{n}号", "pubDate": f"2024-{n % 12 + 1:02d}-01 10:00", "type": 0,
                  "urls": json.dumps({"pc": f"/jxssthjt/col/col42150/content/content_{1800000000000000000 + n}.html"}),
                  "contentSource": "江西省生态环境厅"} for n in range(self.TOTAL - len(real))]
        self.articles = real + older
        self._body = (CORPUS / "fujian-pingtan_trs-trt_detail_2.html").read_text("utf-8")

    def path(self, article: dict) -> str:
        return json.loads(article["urls"])["pc"]

    def _page(self, number: int) -> bytes:
        window = self.articles[(number - 1) * self.PER_PAGE:][: self.EMBEDDED]
        return (self.page[: self._span[0]] + json.dumps(window, ensure_ascii=False) + self.page[self._span[1]:]).encode()

    def routes(self) -> dict[str, Route]:
        routes = {"/robots.txt": ROBOTS, self.COLUMN: html(self._page(1))}
        for number in range(2, -(-self.TOTAL // self.PER_PAGE) + 2):
            routes[f"{self.COLUMN}?uid=380055&pageNum={number}"] = html(self._page(number))
        for n, article in enumerate(self.articles):
            routes[self.path(article)] = html(self._body.replace("。", f"。〔{n}〕").encode("utf-8"))
        return routes

    @property
    def documents(self) -> list[str]:
        return [self.path(a) for a in self.articles]
