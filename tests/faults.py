"""A hostile government site on 127.0.0.1, served by tests.sitekit: every way a site fails an
archive, each at its own paths, with what a crawl of it must end with.

Faults are routes that answer themselves (`serve`): 5xx bursts and permanent 5xx, stalls
(timeouts), truncated bodies, redirect loops and endless redirect chains, off-site and file://
redirects, headers longer than any column. Pages carry file:// and ftp:// links, malformed
hrefs, wrong declared charsets; columns have pagers that never end and Hanweb jpage values no
reader expects. One FaultSite serves several sites (one per kind of fault, each crawled on its
own), so a test module shares one server.
"""
from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import dataclass

from tests.platforms import plain_detail
from tests.sitekit import Route, html

ROBOTS = Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})
# Fast, and failing fast: faults must cost the suite seconds, not minutes.
SETTINGS = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "RETRY_TIMES": 1, "DOWNLOAD_TIMEOUT": 1,
            "REDIRECT_MAX_TIMES": 3, "GOVARCHIVE_EXTRACT_WORKERS": 0}


def closed_port() -> int:
    """A loopback port nothing listens on: every connection to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- faults: routes that answer themselves ------------------------------------------------------

def send(handler, site, status: int, headers: list[tuple[str, str]], body: bytes = b"",
         length: int | None = None) -> None:
    body = body.replace(b"{{PORT}}", str(site.port).encode())
    try:
        handler.send_response(status)
        for name, value in headers:
            handler.send_header(name, value.replace("{{PORT}}", str(site.port)))
        handler.send_header("Content-Length", str(len(body) if length is None else length))
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):  # the crawler gave up first: that is the point
        handler.close_connection = True


class Fault:
    def reset(self) -> None:
        pass


class Burst(Fault):
    """`failures` answers of `status` (a burst of 5xx), then the page."""

    def __init__(self, route: Route, failures: int, status: int = 503) -> None:
        self.route, self.failures, self.status = route, failures, status
        self._lock, self.count = threading.Lock(), 0

    def reset(self) -> None:
        self.count = 0

    def serve(self, handler, site) -> None:
        with self._lock:
            n, self.count = self.count, self.count + 1
        if n < self.failures:
            send(handler, site, self.status, [("Content-Type", "text/html")], b"<html>busy</html>")
        else:
            send(handler, site, self.route.status, list(self.route.headers.items()), self.route.body)


class Broken(Fault):
    """`status` on every request, until healed."""

    def __init__(self, route: Route, status: int = 503) -> None:
        self.route, self.status, self.healed = route, status, False

    def reset(self) -> None:
        self.healed = False

    def serve(self, handler, site) -> None:
        if self.healed:
            send(handler, site, 200, list(self.route.headers.items()), self.route.body)
        else:
            send(handler, site, self.status, [("Content-Type", "text/html")], b"<html>error</html>")


class Stall(Fault):
    """Answers after `seconds`: longer than the crawl's DOWNLOAD_TIMEOUT."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def serve(self, handler, site) -> None:
        time.sleep(self.seconds)
        send(handler, site, 200, [("Content-Type", "text/html")], b"<html>late</html>")


class Truncated(Fault):
    """Promises a body (Content-Length), sends half of it, closes the connection."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def serve(self, handler, site) -> None:
        send(handler, site, 200, [("Content-Type", "text/html; charset=utf-8")], self.body[: len(self.body) // 2],
             length=len(self.body))
        handler.close_connection = True


class Redirect(Fault):
    def __init__(self, location: str, status: int = 302) -> None:
        self.location, self.status = location, status

    def serve(self, handler, site) -> None:
        send(handler, site, self.status, [("Location", self.location), ("Content-Type", "text/html")])


class Exact(Fault):
    """A page with exactly these headers (no ETag added by the server)."""

    def __init__(self, body: bytes, headers: list[tuple[str, str]]) -> None:
        self.body, self.headers = body, headers

    def serve(self, handler, site) -> None:
        send(handler, site, 200, self.headers, self.body)


class PatternRoutes(dict):
    """Routes, then path patterns answered by a function of the match (pagers that never end)."""

    def __init__(self) -> None:
        super().__init__()
        self.patterns: list[tuple[re.Pattern[str], object]] = []

    def get(self, path, default=None):
        if path in self:
            return self[path]
        for pattern, make in self.patterns:
            if m := pattern.fullmatch(path):
                return make(m)
        return default


# --- pages ------------------------------------------------------------------------------------

def listing(items: list[tuple[str, str]], pager: str = "", extra: str = "", head: str = "") -> bytes:
    lis = "".join(f'<li><a href="{href}">{text}</a><span>2024-06-01</span></li>' for href, text in items)
    return (f"<html><head><meta charset='utf-8'>{head}<title>栏目</title></head><body>"
            f"<ul class='list'>{lis}</ul><div class='pages'>{pager}</div>{extra}</body></html>").encode()


def detail(n: int, title: str, extra: str = "") -> str:
    return plain_detail(n, title).decode("utf-8").replace("</h1>", f"</h1>{extra}")


def doc(column: str, n: int) -> str:
    return f"/{column}/202406/t20240601_{n}.html"


class HanwebColumn:
    """A Hanweb JCMS column whose jpage parameters are written as `script` says (any spelling a
    site uses), `docs` records, `per_page` × `group` of them in the page, the rest from
    dataproxy.jsp; `repeat`: dataproxy answers the same window whatever it is asked."""

    def __init__(self, number: int, docs: int, script: str, per_page: int = 2, group: int = 2,
                 store_total: bool = True, repeat: bool = False, records: list[str] | None = None) -> None:
        self.number, self.docs, self.per_page, self.group = number, docs, per_page, group
        self.script, self.store_total, self.repeat = script, store_total, repeat
        self.extra_records = records or []

    @property
    def path(self) -> str:
        return f"/col/col{self.number}/index.html"

    def doc_path(self, n: int) -> str:
        return f"/art/2024/6/{n % 28 + 1}/art_{self.number}_{n}.html"

    def record(self, n: int) -> str:
        return (f'<record><![CDATA[<li><a href="{self.doc_path(n)}" title="通知{self.number}-{n}">通知{n}</a>'
                f'<span>2024-06-{n % 28 + 1:02d}</span></li>]]></record>')

    def datastore(self, first: int, last: int, extra: list[str] = ()) -> str:
        records = "".join(self.record(n) for n in range(first, min(last, self.docs) + 1)) + "".join(extra)
        total = f"<totalrecord>{self.docs}</totalrecord>" if self.store_total else ""
        return f"<datastore><recordset>{records}</recordset>{total}</datastore>"

    def page(self) -> bytes:
        first = self.per_page * self.group
        script = self.script.format(docs=self.docs, per_page=self.per_page, group=self.group)
        return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>栏目{self.number}</title></head><body>"
                f"<div id='5000001'><script type='text/xml'>{self.datastore(1, first, self.extra_records)}</script>"
                f"<script>{script} var unitid = '5000001'; var webid = '3000';</script></div></body></html>").encode()

    def window(self, start: int, end: int) -> bytes:
        if self.repeat:
            start, end = self.per_page * self.group + 1, 2 * self.per_page * self.group
        return ('<?xml version="1.0" encoding="utf-8"?>' + self.datastore(start, end)).encode()

    @property
    def documents(self) -> list[str]:
        last = 2 * self.per_page * self.group if self.repeat else self.docs
        return [self.doc_path(n) for n in range(1, min(last, self.docs) + 1)]


@dataclass
class Expected:
    documents: list[str]                 # paths archived
    errors: dict[str, str]               # path → start of the error's reason
    skipped: dict[str, int]              # rule → count


class FaultSite:
    """Several small sites on one server, one per kind of fault."""

    def __init__(self) -> None:
        self.routes = PatternRoutes()
        self.faults: list[Fault] = []
        self.hanweb: dict[str, HanwebColumn] = {}
        self.routes["/robots.txt"] = ROBOTS
        self._flaky()
        self._hostile()
        self._pagers()
        self._hanweb()
        self._long()
        self._column()

    def fault(self, fault: Fault) -> Fault:
        self.faults.append(fault)
        return fault

    def reset(self) -> None:
        for fault in self.faults:
            fault.reset()
        self.routes.pop(doc("column", 4), None)
        self.routes["/column/"] = html(listing([(doc("column", n), f"文件{n}") for n in (1, 2, 3)]))

    def handlers(self) -> dict:
        return {"/module/jpage/dataproxy.jsp": self.dataproxy}

    def sites(self, base: str, down_port: int) -> list[dict]:
        def site(name, *paths, **settings):
            return {"name": name, "start_urls": [base + p for p in paths], "settings": {**SETTINGS, **settings}}

        return [
            site("flaky", "/flaky/", RETRY_TIMES=2),
            site("hostile", "/hostile/"),
            site("pagers", "/endless/", "/deep/", "/trs40k/", "/col/col990/index.html", GOVARCHIVE_MAX_LIST_PAGES=5),
            site("hanweb", *[c.path for c in self.hanweb.values() if c.number != 990]),
            {**site("long", "/long/api?page=1"), "list": {
                "json_url": base + "/long/api?page={page}", "json_items": "data", "json_url_field": "url",
                "json_fields": {"doc_no": "wh", "index_no": "syh"}}},
            site("column", "/column/"),
            {**site("down", "/xxgk/"), "start_urls": [f"http://127.0.0.1:{down_port}/xxgk/"]},
        ]

    # --- flaky: 5xx bursts (retried, archived), permanent 5xx on a document and on list page 2 ---
    def _flaky(self) -> None:
        r = self.routes
        self.flaky_broken = [self.fault(Broken(html(plain_detail(3, "文件3")))),
                             self.fault(Broken(html(listing([(doc("flaky", 4), "文件4"), (doc("flaky", 5), "文件5")]))))]
        r["/flaky/"] = html(listing([(doc("flaky", n), f"文件{n}") for n in (1, 2, 3)],
                                    pager='<a href="index_1.html">下一页</a>'))
        r["/flaky/index_1.html"] = self.flaky_broken[1]
        r[doc("flaky", 1)] = html(plain_detail(1, "文件1"))
        r[doc("flaky", 2)] = self.fault(Burst(html(plain_detail(2, "文件2")), failures=2))
        r[doc("flaky", 3)] = self.flaky_broken[0]
        for n in (4, 5):
            r[doc("flaky", n)] = html(plain_detail(n, f"文件{n}"))

    def heal(self) -> None:
        for fault in self.flaky_broken:
            fault.healed = True

    # --- hostile: one list page whose items fail every other way --------------------------------
    REJECTED_TITLE = "数据库拒收的文件"
    REJECT_TRIGGER = {  # a real failure of the archive's database while it stores one document
        "sqlite": [f"CREATE TRIGGER reject_document BEFORE INSERT ON documents WHEN NEW.title = '{REJECTED_TITLE}' "
                   "BEGIN SELECT RAISE(ABORT, 'rejected by the test database'); END"],
        "postgresql": [
            "CREATE FUNCTION reject_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NEW.title = '{REJECTED_TITLE}' THEN RAISE EXCEPTION 'rejected by the test database'; END IF; "
            "RETURN NEW; END $$",
            "CREATE TRIGGER reject_document BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION reject_document()"],
    }

    HOSTILE_LONG = "/hostile/" + "x" * 2100 + "/t20240601_11.html"

    def _hostile(self) -> None:
        r, d = self.routes, lambda n: doc("hostile", n)  # noqa: E731
        attachments = ('<p>附件：<a href="/hostile/202406/P1.pdf">附件一.pdf</a> '
                       '<a href="file://127.0.0.1/etc/hostname">附件二.pdf</a> '
                       '<a href="ftp://127.0.0.1/pub/a.pdf">附件三.pdf</a></p>')
        items = [(d(n), f"文件{n}") for n in (*range(1, 11), 13)] + [
            (self.HOSTILE_LONG, "长链接"), ("http://[bad/t20240601_12.html", "坏链接"),
            ("file://127.0.0.1/etc/passwd", "本地文件")]
        r["/hostile/"] = html(listing(items, head='<base href="http://[bad">', extra=(
            '<div class="footer"><a href="http://[bad">坏</a><a href="http://127.0.0.1:99999/">端口</a>'
            '<a href="ftp://127.0.0.1/">ftp</a></div>')))
        r[d(1)] = html(detail(1, "有附件的文件", attachments).encode())
        r["/hostile/202406/P1.pdf"] = Route(b"%PDF-1.4 fault suite\n", headers={"Content-Type": "application/pdf"})
        r[d(2)] = self.fault(Stall(3))
        r[d(3)] = self.fault(Truncated(plain_detail(3, "被截断的文件") * 4))
        r[d(4)] = self.fault(Redirect("/hostile/loop-b.html"))
        r["/hostile/loop-b.html"] = self.fault(Redirect(d(4)))
        r[d(5)] = self.fault(Redirect("/hostile/hop-1.html"))
        self.routes.patterns.append((re.compile(r"/hostile/hop-(\d+)\.html"),
                                     lambda m: Redirect(f"/hostile/hop-{int(m.group(1)) + 1}.html")))
        r[d(6)] = self.fault(Redirect("http://localhost:{{PORT}}/hostile/moved.html"))
        r[d(7)] = self.fault(Redirect("file:///etc/hostname"))
        # d(8) is not served: a broken link (404)
        gbk, utf8 = "统一社会信用代码管理办法的通知", "关于做好防汛抗旱工作的通知"
        r[d(9)] = Route(detail(9, gbk).encode("gbk"), headers={"Content-Type": "text/html; charset=utf-8"})
        r[d(10)] = Route(detail(10, utf8).replace("charset='utf-8'", "charset='gbk'").encode("utf-8"),
                         headers={"Content-Type": "text/html; charset=gbk"})
        self.charset_titles = {d(9): gbk, d(10): utf8}
        # a document the archive's database refuses (a trigger: see REJECT_TRIGGER)
        r[d(13)] = html(plain_detail(13, self.REJECTED_TITLE))
        self.hostile = Expected(
            documents=[d(1), d(9), d(10)],
            errors={d(2): "DownloadTimeoutError", d(3): "ResponseDataLossError", d(4): "redirect loop",
                    d(5): "max redirections reached", d(13): "not stored: "},
            # scheme: the file:// redirect; the file:// and ftp:// 附件 links are no attachments
            # of the record (extraction keeps http(s) links only), so never requests
            skipped={"off-site": 1, "scheme": 1, "url-length": 1},
        )

    # --- pagers that never end ----------------------------------------------------------------
    def _pagers(self) -> None:
        r, p = self.routes, self.routes.patterns
        same = [(doc("endless", n), f"文件{n}") for n in (1, 2, 3)]
        r["/endless/"] = html(listing(same, pager='<a href="index_1.html">下一页</a>'))
        p.append((re.compile(r"/endless/index_(\d+)\.html"), lambda m: html(listing(
            same, pager=f'<a href="index_{int(m.group(1)) + 1}.html">下一页</a>' if int(m.group(1)) < 5000 else ""))))

        def deep(n: int) -> Route:
            return html(listing([(doc("deep", n), f"文件{n}")], pager=f'<a href="index_{n + 1}.html">下一页</a>'))
        r["/deep/"] = deep(0)
        p.append((re.compile(r"/deep/index_(\d+)\.html"), lambda m: deep(int(m.group(1)))))

        trs = [(doc("trs40k", n), f"文件{n}") for n in (1, 2, 3)]
        for n, path in ((0, "/trs40k/"), (1, "/trs40k/index_1.html")):
            r[path] = html(listing(trs, extra=f'<script>createPageHTML(40000, {n}, "index", "html");</script>'))
        for column, count in (("endless", 3), ("trs40k", 3)):
            for n in range(1, count + 1):
                r[doc(column, n)] = html(plain_detail(n, f"{column}文件{n}"))
        p.append((re.compile(r"/deep/202406/t20240601_(\d+)\.html"),
                  lambda m: html(plain_detail(int(m.group(1)), f"deep文件{m.group(1)}"))))
        self.add_hanweb(HanwebColumn(990, 99999999, "totalRecord: 99999999, perPage: {per_page}, groupSize: {group},",
                                     repeat=True))
        self.pagers = Expected(
            documents=[doc("endless", n) for n in (1, 2, 3)] + [doc("deep", n) for n in range(5)]
            + [doc("trs40k", n) for n in (1, 2, 3)] + self.hanweb["990"].documents,
            errors={}, skipped={})

    # --- Hanweb columns with hostile jpage values ------------------------------------------------
    def add_hanweb(self, column: HanwebColumn) -> None:
        self.hanweb[str(column.number)] = column
        self.routes[column.path] = html(column.page())
        for path in column.documents:
            self.routes[path] = html(plain_detail(int(path.rsplit("_", 1)[1][:-5]) + 100 * column.number,
                                                  f"通知{column.number}-{path.rsplit('_', 1)[1][:-5]}"))

    def _hanweb(self) -> None:
        self.add_hanweb(HanwebColumn(991, 8, "var perPage = {per_page}; var groupSize = {group}; var totalRecord = {docs};"))
        self.add_hanweb(HanwebColumn(992, 8, "totalRecord: 'abc', perPage: {per_page}, groupSize: {group},",
                                     store_total=False))
        self.add_hanweb(HanwebColumn(993, 8, "perpage: {per_page}, groupsize: {group}, totalrecord: {docs},"))
        hostile = [
            '<record><![CDATA[<li><a href="file://127.0.0.1/etc/hostname">本地</a></li>]]></record>',
            '<record><![CDATA[<li><a href="http://[bad/art_1.html">坏</a></li>]]></record>',
            '<record><![CDATA[<li><a href="/art/2024/6/9/art_994_9.html">&xxe;&lt;!ENTITY</a></li>]]></record>',
            "<record>&xxe;</record>",
        ]
        column = HanwebColumn(994, 4, "perPage: {per_page}, groupSize: {group}, totalRecord: {docs},", records=hostile)
        self.add_hanweb(column)
        self.routes[column.path] = html(column.page().replace(
            b"<script type='text/xml'>",
            b"<script type='text/xml'><!DOCTYPE datastore [<!ENTITY xxe SYSTEM 'file:///etc/hostname'>]>"))
        self.routes["/art/2024/6/9/art_994_9.html"] = html(plain_detail(9994, "通知994-9"))
        self.hanweb_documents = sorted(p for n in ("991", "992", "993", "994") for p in self.hanweb[n].documents) \
            + ["/art/2024/6/9/art_994_9.html"]

    def dataproxy(self, query: dict, form: dict) -> Route:
        column = self.hanweb.get(form.get("columnid", ""))
        body = column.window(int(query["startrecord"]), int(query["endrecord"])) if column else b"<datastore/>"
        return Route(body, headers={"Content-Type": "text/xml; charset=utf-8"})

    # --- values longer than any column ------------------------------------------------------------
    LONG_URL = "/long/2024/" + "u" * 2030 + "/t20240602_2.html"
    VALIDITY = "有效" + "（本文件自印发之日起施行，有效期至另行通知之日止）" * 3
    DOC_NO = "示发〔2024〕" + "第" * 300 + "号"
    INDEX_NO = "11350100MB0000000X/2024-" + "0" * 250
    ETAG = '"' + "e" * 400 + '"'
    CONTENT_TYPE = "text/html; charset=utf-8; profile=" + "p" * 250

    def _long(self) -> None:
        import json

        r, one = self.routes, "/long/2024/t20240601_1.html"
        records = [{"url": one, "title": "长字段文件一", "wh": self.DOC_NO, "syh": self.INDEX_NO},
                   {"url": self.LONG_URL, "title": "长链接文件二", "wh": "示发〔2024〕\u00002号"}]
        r["/long/api?page=1"] = Route(json.dumps({"data": records}, ensure_ascii=False).encode(),
                                      headers={"Content-Type": "application/json"})
        r["/long/api?page=2"] = Route(b'{"data": []}', headers={"Content-Type": "application/json"})
        page = detail(1, "长字段文件一", f"<table><tr><td>有效性：</td><td>{self.VALIDITY}</td></tr></table>")
        r[one] = self.fault(Exact(page.encode(), [("Content-Type", self.CONTENT_TYPE), ("ETag", self.ETAG)]))
        r[self.LONG_URL] = html(plain_detail(2, "长链接文件二"))
        self.long_documents = [one, self.LONG_URL]

    # --- a column given as `-a url=` ----------------------------------------------------------------
    def _column(self) -> None:
        for n in (1, 2, 3):
            self.routes[doc("column", n)] = html(plain_detail(n, f"栏目文件{n}"))
        self.reset()

    def publish(self) -> None:
        """A fourth document on /column/, newest first."""
        self.routes[doc("column", 4)] = html(plain_detail(4, "栏目文件4"))
        self.routes["/column/"] = html(listing([(doc("column", n), f"文件{n}") for n in (4, 1, 2, 3)]))
