"""A Hanweb jpaas column served on 127.0.0.1 the way the real sites serve it (tests.sitekit).

Built around real pages (tests/fixtures/jpaas/SOURCES.md): the 浙江省发展和改革委员会 行政规范性文件
column page, its unit API's real answer for page 1, and real detail pages of the platform. The
column page gets two more units beside its real list unit: 栏目导航 (a menu) before it in the
page, and 热点信息 (dated links of other columns, in the left menu); only 信息列表 is the list.

The unit API (GET /api-gateway/jpaas-publish-server/front/page/build/unit) answers as the
public crawlers of these sites document it: the queryData parameters of a unit on the page,
further pages with paramJson={"pageNo":N,"pageSize":15} (and the pager's queryData, without
editType), `{"success": true, "data": {"html": …}}`; a request without a Referer from the site,
or for a tag the page does not have, gets HTTP 200 with `"success": false`. The API sends no
validators (ETag, Last-Modified): only the column page is a static file.
"""
from __future__ import annotations

import json
import time
from urllib.parse import parse_qsl, urlencode, urlsplit

from tests.platforms import plain_detail
from tests.sitekit import FIXTURES, FixtureSite, Route, html

HERE = FIXTURES / "jpaas"
REAL = FIXTURES / "real"
ROBOTS = Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})
QUERY = {"parseType": "bulidstatic", "webId": "3185", "tplSetId": "o0YcVHHq5vWtr3uiCp4SY", "pageType": "column",
         "editType": "null", "pageId": "1229565788"}


def _unit_script(unit_id: str, tag: str) -> str:
    """A unit as the real page writes its 信息列表 unit, under another tag."""
    query = "{'parseType':'bulidstatic','webId':'3185','tplSetId':'o0YcVHHq5vWtr3uiCp4SY','pageType':'column'," \
            f"'tagId':'{tag}','editType':'null','pageId':'1229565788'}}"
    return (f'<script>\nvar authorizedReadUnitId = "{unit_id}";\n</script><script id="{unit_id}" '
            'src="/cms_files/default/script/AuthorizedRead/unitbuild.js?v=4.5.12.1-ZJSJYH-U45" webId="3185" '
            'parseType="bulidstatic" url="/api-gateway/jpaas-publish-server/front/page/build/unit" '
            f'queryData="{query}"></script>')


class JpaasSite:
    COLUMN = "/col/col1229565788/index.html"
    API = "/api-gateway/jpaas-publish-server/front/page/build/unit"
    LIST, MENU, HOT = "信息列表", "栏目导航", "热点信息"
    ROWS = 15

    def __init__(self) -> None:
        shell = (HERE / "zhejiang-fzggw_jpaas_shell.html").read_text("utf-8")
        shell = shell.replace("    <!--导航-->\n", "    <!--导航-->\n" + _unit_script("6a1c03d5e8b94f2c9d7e4b1a2f3c5d6e", self.MENU) + "\n", 1)
        shell = shell.replace('<div class="bt-column-menu bt-left">',
                              '<div class="bt-column-menu bt-left">' + _unit_script("9b2e14f6a7c84d3e8f1a2b3c4d5e6f70", self.HOT), 1)
        assert shell.count("page/build/unit") == 3
        self.shell = shell
        answer = json.loads((HERE / "zhejiang-fzggw_jpaas_unit_1.json").read_text("utf-8"))
        real = answer["data"]["html"].replace("//fzggw.zj.gov.cn/", "//127.0.0.1:{{PORT}}/")
        self._envelope = answer
        self._head, rest = real.split('<div class="page-content">', 1)
        self._rows_1, self._tail = rest.split("\n     \n    </div>", 1)
        self._tail = "\n     \n    </div>" + self._tail
        self.page_1 = [_href(row) for row in self._rows_1.split("<li ")[1:]]
        self.fzggw = (REAL / "fzggw.zj.gov.cn" / "zhejiang-fzggw_hanweb_detail_1.html").read_text("utf-8")
        self.ningbo = (REAL / "jrb.ningbo.gov.cn" / "ningbo_hanweb_jpaas_58899622.html").read_bytes()
        self.ningbo_path = "/art/2024/9/2/art_1229023496_58899622.html"
        # pages 2 and 3: the Ningbo page, then pages of no metadata whose 文号 only the list says
        self.later = [(self.ningbo_path, "央行：2024年二季度金融机构贷款投向统计报告", "2024-09-02", None)] + [
            (f"/art/2024/{8 - n // 4}/{28 - n}/art_1229123351_{2500000 + n}.html", f"关于做好第{n}批项目管理工作的通知",
             f"2024-{8 - n // 4:02d}-{28 - n:02d}", f"浙发改投资〔2024〕{n}号") for n in range(1, 23)]
        self.api_log: list[tuple[str, str | None]] = []

    # --- what the site holds ----------------------------------------------------------------

    @property
    def documents(self) -> list[str]:
        return [urlsplit(p).path for p in self.page_1] + [path for path, *_ in self.later]

    @property
    def count(self) -> int:
        return len(self.documents)

    def doc_no(self, path: str) -> str | None:
        return next(no for p, _, _, no in self.later if p == path)

    def published(self, path: str) -> str:
        return next(date for p, _, date, _ in self.later if p == path)

    def unit_url(self, page: int) -> str:
        """The request for page N of the list, as the browser makes it: page 1 with the unit's
        queryData (unitbuild.js), later pages with the pager's and paramJson (page.js)."""
        if page == 1:
            return self.API + "?" + urlencode({"parseType": "bulidstatic", "webId": "3185", "tplSetId": "o0YcVHHq5vWtr3uiCp4SY",
                                               "pageType": "column", "tagId": self.LIST, "editType": "null",
                                               "pageId": "1229565788"})
        return self.API + "?" + urlencode(
            {"webId": "3185", "pageId": "1229565788", "parseType": "bulidstatic", "pageType": "column",
             "tagId": self.LIST, "tplSetId": "o0YcVHHq5vWtr3uiCp4SY",
             "paramJson": json.dumps({"pageNo": page, "pageSize": self.ROWS}, separators=(",", ":"))})

    # --- the unit API -----------------------------------------------------------------------

    def _rows(self, entries) -> str:
        rows = []
        for path, title, date, doc_no in entries:
            number = f'<span class="bt-wh">{doc_no}</span>' if doc_no else ""
            rows.append(f'\n\n      <li class="clearfix"><a class="bt-left" title="{title}" href="{path}" target="_blank">'
                        f'{title[:30]}</a>{number}<span class="bt-right">{date}</span></li>\n')
        return "".join(rows)

    def _list_html(self, page: int) -> str:
        pages = [None, self._rows_1] + [self._rows(self.later[i: i + self.ROWS]) for i in range(0, len(self.later), self.ROWS)]
        rows = pages[page] if page < len(pages) else ""
        tail = self._tail.replace('count="388"', f'count="{self.count}"').replace('pageNo="1"', f'pageNo="{page}"')
        return self._head + '<div class="page-content">' + rows + tail

    def _menu_html(self) -> str:
        links = "".join(f'<li><a href="/col/col{c}/index.html" title="{t}">{t}</a></li>'
                        for c, t in (("1599526", "动态资讯"), ("1599527", "机构职能"), ("1599528", "政策文件")))
        return f'<div id="{self.MENU}"><ul class="menu-list">{links}</ul></div>'

    def _hot_html(self) -> str:
        links = "".join(f'<li><a href="/art/2026/6/{d}/art_1599545_{9000 + d}.html" title="发改要闻{d}">发改要闻{d}</a>'
                        f'<span>2026-06-{d:02d}</span></li>' for d in (1, 2, 3))
        return f'<div id="{self.HOT}"><ul class="hot-list">{links}</ul></div>'

    def answer(self, query: dict, referer: str | None, base: str) -> Route:
        def refuse(message: str) -> Route:
            return _json({"roles": None, "permissions": None, "success": False, "message": message, "code": "400",
                          "data": {}, "traceId": None, "messageType": 2})

        if not referer or not referer.startswith(base + "/"):
            return refuse("非法请求")
        if any(query.get(k) != v for k, v in QUERY.items() if k != "editType"):
            return refuse("参数错误")
        tag = query.get("tagId")
        if tag == self.MENU:
            fragment = self._menu_html()
        elif tag == self.HOT:
            fragment = self._hot_html()
        elif tag == self.LIST:
            try:
                paging = json.loads(query.get("paramJson") or '{"pageNo":1,"pageSize":15}')
                page, size = int(paging["pageNo"]), int(paging["pageSize"])
            except (ValueError, KeyError, TypeError):
                return refuse("参数错误")
            if size != self.ROWS:  # the unit's template pages by 15; another size is not this unit
                return refuse("参数错误")
            fragment = self._list_html(page)
        else:
            return refuse("未找到单元")
        return _json({**self._envelope, "data": {"html": fragment}, "traceId": f"{time.monotonic_ns():x}"})

    def routes(self) -> dict[str, Route]:
        routes = {"/robots.txt": ROBOTS, self.COLUMN: html(self.shell.encode("utf-8"))}
        index_no, doc_no = "11330000002482031M/2026-1010578183", "浙发改能源〔2026〕116号"
        for n, url in enumerate(self.page_1):
            page = self.fzggw if n == 0 else (self.fzggw.replace(index_no, f"{index_no[:-3]}{n:03d}")
                                               .replace(doc_no, f"浙发改能源〔2026〕{200 + n}号")
                                               .replace("。", f"。〔{n}〕"))
            routes[urlsplit(url).path] = html(page.encode("utf-8"))
        routes[self.ningbo_path] = html(self.ningbo)
        for n, (path, title, _, _) in enumerate(self.later[1:], start=1):
            routes[path] = html(plain_detail(n, title))
        return routes


def _href(row: str) -> str:
    return row.split(' href="', 1)[1].split('"', 1)[0]


def _json(data) -> Route:
    return Route(json.dumps(data, ensure_ascii=False).encode("utf-8"),
                 headers={"Content-Type": "application/json;charset=UTF-8"})


class JpaasServer(FixtureSite):
    """FixtureSite with the unit API answered per request (query and Referer), logged."""

    def __init__(self, site: JpaasSite) -> None:
        super().__init__(site.routes())
        self.site = site
        server, plain = self, self.server.RequestHandlerClass

        class Handler(plain):
            def do_GET(self) -> None:  # noqa: N802
                path, _, query = self.path.partition("?")
                if path != site.API:
                    return super().do_GET()
                server.log.append(("GET", self.path))
                referer = self.headers.get("Referer")
                site.api_log.append((self.path, referer))
                route = site.answer(dict(parse_qsl(query)), referer, server.base)
                body = route.body.replace(b"{{PORT}}", str(server.port).encode())
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server.RequestHandlerClass = Handler
