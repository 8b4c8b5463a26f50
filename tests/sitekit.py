"""Fixture sites served over real HTTP on 127.0.0.1, for tests, benchmarks and the quickstart.

    python -m tests.sitekit example --port 8800     # serve the example site until Ctrl-C

A site is a table of routes: path → body, status, headers. Bodies may contain `{{PORT}}`,
replaced by the port the server got. Every request is logged, so tests can count them.
"""
from __future__ import annotations

import argparse
import re
import hashlib
import threading
import time
from urllib.parse import parse_qsl
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).with_name("fixtures")
CORPUS = FIXTURES / "corpus"
EXAMPLE = FIXTURES / "example"


@dataclass
class Route:
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # a crawl opens connections in bursts; the default backlog of 5 drops SYNs, and a dropped
    # SYN costs a second (TCP's first retransmission): a connect timeout under a short DOWNLOAD_TIMEOUT
    request_queue_size = 128


class FixtureSite:
    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1", port: int = 0,
                 delay: float = 0.0, etag: bool = True, handlers: dict | None = None) -> None:
        self.routes = routes
        self.handlers = handlers or {}  # path → fn(query: dict, form: dict) -> Route, for POSTs
        self.etag = etag  # serve ETags and answer If-None-Match with 304
        self.delay = delay  # seconds per response, to make crawls slow enough to interrupt
        self.log: list[tuple[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                site.log.append(("GET", self.path))
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(b"<html><body>404 Not Found</body></html>", 404)
                if callable(getattr(route, "serve", None)):  # a fault (tests.faults) answers itself
                    route.serve(self, site)
                    return
                body = route.body.replace(b"{{PORT}}", str(site.port).encode())
                if site.delay:
                    time.sleep(site.delay)
                # like a static file server: an ETag per content, 304 when it still matches
                etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
                if site.etag and route.status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if site.etag and route.status == 200:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(parse_qsl(self.rfile.read(length).decode("utf-8")))
                site.log.append(("POST", self.path))
                path, _, query = self.path.partition("?")
                handler = site.handlers.get(path)
                route = handler(dict(parse_qsl(query)), form) if handler else Route(b"not found", 404)
                body = route.body.replace(b"{{PORT}}", str(site.port).encode())
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = _Server((host, port), Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FixtureSite":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def paths(self) -> list[str]:
        return [path for _, path in self.log]


def html(body: bytes, charset: str | None = "utf-8") -> Route:
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return Route(body, headers={"Content-Type": content_type})


def wrap_fragment(fragment: str, title: str) -> str:
    """gov.cn fragments were stored without their page; serve them inside a minimal one."""
    return f"<html><head><title>{title}</title></head><body>{fragment}</body></html>"


def example_routes() -> dict[str, Route]:
    """The example site: one 计划总结 column over three list pages, built around real pages.

    Encodings on purpose: list page 2 is GBK with no charset anywhere, list page 3 declares
    gb2312 only in <meta>, the gov.cn page is GBK declared in the HTTP header, the dl/dt/dd page
    is GBK declared nowhere, the table page is GB2312-declared but holds GBK-only characters.
    """
    corpus = lambda name: (CORPUS / name).read_bytes()  # noqa: E731
    example = lambda name: (EXAMPLE / name).read_bytes()  # noqa: E731
    gbk = lambda data: data.decode("utf-8").encode("gbk")  # noqa: E731
    govcn = wrap_fragment((CORPUS / "govcn_zhengce2018_detail-fragment_1.html").read_text("utf-8"),
                          "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定_政府信息公开专栏")
    col = "/xxgk/jhzj/"
    list_1 = html(example("list_1.html"))
    return {
        "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}),
        col: list_1,
        col + "index.html": list_1,
        col + "index_1.html": html(gbk(example("list_2.html")), charset=None),
        col + "index_2.html": html(gbk(example("list_3.html")), charset=None),
        col + "202406/t20240607_4123456.html": html(gbk(example("detail_dl.html")), charset=None),
        col + "202406/P020240607001.pdf": Route(example("attachment.pdf"), headers={"Content-Type": "application/pdf"}),
        col + "202406/P020240607002.docx": Route(example("attachment.docx"), headers={
            "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
        col + "202312/t20231214_83264.html": html(corpus("fujian-pingtan_trs-trt_detail_2.html")),
        col + "202310/t20231023_80401.html": html(corpus("fujian-pingtan_trs-trt_detail_1.html")),
        col + "201812/t20181229_5353307.html": html(govcn.encode("gbk"), charset="GBK"),
        col + "201611/t20161122_30332664.html": html(corpus("zhejiang-fgw_hanweb_detail_1.html")),
        col + "201909/t20190918_693227.html": html(corpus("shanxi_trs_detail_1.html"), charset=None),
        col + "202405/t20240520_7001.html": html(gbk(example("detail_table.html")), charset=None),
        "/xxgk/zcwj/202406/t20240607_4123457.html": html(example("repost.html")),
        "/xwzx/202406/t20240601_1001.html": html(example("sidebar_doc.html")),
        "/xwzx/202406/t20240602_1002.html": html(example("sidebar_doc.html")),
        "/private/t20240101_9.html": html(example("sidebar_doc.html")),
    }


# --- a site of many columns, for incremental crawls and benchmarks -------------------------

DETAIL_PAGES = (
    "fujian-pingtan_trs-trt_detail_1.html",
    "fujian-pingtan_trs-trt_detail_2.html",
    "shanxi_trs_detail_1.html",
    "zhejiang-fgw_hanweb_detail_1.html",
    "hebei-handan_trs_detail_1_jsp-derived.html",
    "nfra_angular-rendered_detail_2.html",
)
INDEX_NUMBERS = ("PZ00108-3000-2023-00092", "000014348/2020-35147")


class ColumnSite:
    """`columns` columns, each a newest-first list of documents over pages of `per_page`.
    Documents are real pages made distinct (every sentence, title and 索引号 carries the
    document's id). publish(), edit() and remove() change the site as a government would."""

    def __init__(self, columns: int = 5, docs_per_column: int = 200, per_page: int = 20) -> None:
        self.columns, self.per_page = columns, per_page
        self.docs = {c: [f"c{c}d{i}" for i in range(docs_per_column)] for c in range(columns)}
        self.edits: dict[str, str] = {}
        self.removed: set[str] = set()
        self._bodies = [(CORPUS / name).read_text("utf-8") for name in DETAIL_PAGES]
        self._published = docs_per_column

    def doc_path(self, doc: str) -> str:
        c, n = doc[1:].split("d")
        month = int(n) % 12 + 1
        return f"/col{c}/2024{month:02d}/t2024{month:02d}01_{c}{int(n):05d}.html"

    def column_url(self, base: str, c: int) -> str:
        return f"{base}/col{c}/"

    def publish(self, column: int, count: int) -> list[str]:
        new = [f"c{column}d{self._published + i}" for i in range(count)]
        self._published += count
        self.docs[column] = new[::-1] + self.docs[column]
        return new

    def edit(self, doc: str, text: str) -> None:
        self.edits[doc] = text

    def remove(self, doc: str) -> None:
        self.removed.add(doc)

    def page(self, doc: str) -> bytes:
        n = int(doc.split("d")[1]) + 1000 * int(doc[1:].split("d")[0])
        page = self._bodies[n % len(self._bodies)].replace("。", f"。〔{doc}〕").replace("；", f"；〔{doc}〕")
        for index_no in INDEX_NUMBERS:
            page = page.replace(index_no, f"{index_no}-{doc}")
        if doc in self.edits:  # every sentence, so the body changes whatever the layout
            page = page.replace(f"。〔{doc}〕", f"。〔{doc}〕{self.edits[doc]}")
        return page.encode("utf-8")

    def routes(self) -> dict[str, Route]:
        routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})}
        for c, docs in self.docs.items():
            pages = [docs[i: i + self.per_page] for i in range(0, len(docs), self.per_page)]
            for p, chunk in enumerate(pages):
                items = "".join(f'<li><a href="{self.doc_path(d)}">文件 {d}</a><span>2024-01-01</span></li>' for d in chunk)
                nxt = f'<a href="index_{p + 1}.html">下一页</a>' if p + 1 < len(pages) else ""
                listing = (f"<html><head><meta charset='utf-8'><title>栏目{c}</title></head><body>"
                           f"<ul class='list'>{items}</ul><div class='page'>{nxt}</div></body></html>")
                routes[f"/col{c}/" + ("index.html" if p == 0 else f"index_{p}.html")] = html(listing.encode())
            routes[f"/col{c}/"] = routes[f"/col{c}/index.html"]
            for d in docs:
                if d not in self.removed:
                    routes[self.doc_path(d)] = html(self.page(d))
        return routes


class HanwebSite:
    """A Hanweb JCMS column: the first group of records in the page's XML datastore, the rest
    from POST /module/jpage/dataproxy.jsp, which answers only to the column's own form."""

    COLUMN, UNIT, WEB = "1229000001", "5000001", "3000"

    def __init__(self, docs: int = 14, per_page: int = 2, group: int = 3) -> None:
        self.docs, self.per_page, self.group = docs, per_page, group
        self._body = (CORPUS / "zhejiang-fgw_hanweb_detail_1.html").read_text("utf-8")

    def doc_path(self, n: int) -> str:
        return f"/art/2024/6/{n % 28 + 1}/art_{self.COLUMN}_{30000000 + n}.html"

    def _record(self, n: int) -> str:
        return (f'<record><![CDATA[<li><a href="{self.doc_path(n)}" title="通知{n}" target="_blank">通知{n}</a>'
                f'<span class="bt-data-time">2024-06-{n % 28 + 1:02d}</span></li>]]></record>')

    def _datastore(self, first: int, last: int) -> str:
        records = "".join(self._record(n) for n in range(first, min(last, self.docs) + 1))
        return (f"<datastore><nextgroup><![CDATA[<a href=\"{'/module/jpage/dataproxy.jsp'}?page=1&webid={self.WEB}"
                f"&path=/&columnid={self.COLUMN}&unitid={self.UNIT}&permissiontype=0\"></a>]]></nextgroup>"
                f"<recordset>{records}</recordset><totalrecord>{self.docs}</totalrecord>"
                f"<totalpage>{-(-self.docs // self.per_page)}</totalpage></datastore>")

    def column_page(self) -> bytes:
        first = self.per_page * self.group
        return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告 浙江省示例厅</title>
<meta name="SiteName" content="浙江省示例厅"><meta name="ColumnName" content="通知公告"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/col/col1229000002/index.html">政策文件</a></div>
<div id="{self.UNIT}"><script type="text/xml">{self._datastore(1, first)}</script>
<script language="javascript" src="/module/jslib/jquery/jpage/jquery.jpage.js"></script>
<script>$(document).ready(function(){{ $('#{self.UNIT}').jpage({{ dataStore: dataStore, perPage: {self.per_page},
 totalRecord: {self.docs}, groupSize: {self.group}, proxyUrl: '/module/jpage/dataproxy.jsp',
 ajaxParam: {{ unitid: '{self.UNIT}', webid: '{self.WEB}', path: '/', webname: '浙江省示例厅', permissiontype: 0 }} }}); }});</script>
</div><div class="footer">Produced By 大汉网络 大汉版通发布系统</div></body></html>""".encode("utf-8")

    def dataproxy(self, query: dict, form: dict) -> Route:
        if form.get("columnid") != self.COLUMN or form.get("unitid") != self.UNIT:
            return Route(b"<datastore><recordset></recordset><totalrecord>0</totalrecord></datastore>",
                         headers={"Content-Type": "text/xml; charset=utf-8"})
        body = '<?xml version="1.0" encoding="utf-8"?>' + self._datastore(int(query["startrecord"]), int(query["endrecord"]))
        return Route(body.encode("utf-8"), headers={"Content-Type": "text/xml; charset=utf-8"})

    def routes(self) -> dict[str, Route]:
        routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
                  f"/col/col{self.COLUMN}/index.html": html(self.column_page())}
        for n in range(1, self.docs + 1):
            routes[self.doc_path(n)] = html(self._body.replace("。", f"。〔{n}〕").encode("utf-8"))
        return routes

    def handlers(self) -> dict:
        return {"/module/jpage/dataproxy.jsp": self.dataproxy}


def ucap_routes() -> tuple[dict[str, Route], list[str]]:
    """The real Jiangxi 开普云 list page at its own path, with a page behind each of its 50
    articles (a real detail page made distinct); returns the routes and the article paths."""
    listing = (CORPUS / "jiangxi-sthjt_ucap_list_1.html").read_text("utf-8")
    body = (CORPUS / "fujian-pingtan_trs-trt_detail_2.html").read_text("utf-8")
    paths = re.findall(r'\\"pc\\":\\"(/jxssthjt/col/col42150/content/content_\d+\.html)', listing)
    routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
              "/jxssthjt/col/col42150/index.html": html(listing.encode("utf-8"))}
    for n, path in enumerate(paths):
        routes[path] = html(body.replace("。", f"。〔{n}〕").encode("utf-8"))
    return routes, paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", choices=["example"])
    parser.add_argument("--port", type=int, default=8800)
    args = parser.parse_args()
    with FixtureSite(example_routes(), port=args.port) as site:
        print(f"serving the {args.site} site at {site.base}/xxgk/jhzj/ (Ctrl-C to stop)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
