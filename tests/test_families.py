"""List-page platform families, detected from the page alone: each fixture column is walked
completely and exactly its documents are archived."""
from __future__ import annotations

import json

from sqlalchemy import select

from crawler.listing import ListRequest
from storage.db import Archive
from storage.models import CrawlRun
from tests.conftest import FAST
from tests.platforms import GkmlptSite, PagerSite, PolicyLibrarySite, TrsDynamicSite, UcapPagedSite
from tests.sitekit import FixtureSite, HanwebSite, ucap_routes


def test_hanweb_column_with_dataproxy_pages(workspace):
    site = HanwebSite(docs=14, per_page=2, group=3)
    with FixtureSite(site.routes(), handlers=site.handlers()) as server:
        column = f"{server.base}/col/col{site.COLUMN}/index.html"
        workspace.minimal(hanweb=[column])
        workspace.crawl("hanweb", fast=True)
        posts = [path for method, path in server.log if method == "POST"]
        archived = sorted(r["url"].removeprefix(server.base) for r in workspace.export())
        assert archived == sorted(site.doc_path(n) for n in range(1, 15))
        # records 1–6 in the page, 7–12 and 13–14 from two dataproxy calls
        assert posts == ["/module/jpage/dataproxy.jsp?startrecord=7&endrecord=12&perpage=2",
                         "/module/jpage/dataproxy.jsp?startrecord=13&endrecord=18&perpage=2"]
        with Archive(workspace.db_url).session() as session:
            run = session.scalars(select(CrawlRun)).one()
        assert run.stats["families"] == {"hanweb": 3} and run.stats["empty_list_pages"] == 0
        first = len(server.log)
        workspace.crawl("hanweb", fast=True)  # unchanged: the column page answers 304
        assert server.paths()[first:] == ["/robots.txt", f"/col/col{site.COLUMN}/index.html"]


def test_ucap_column_from_embedded_json(workspace):
    routes, paths = ucap_routes()
    with FixtureSite(routes) as server:
        workspace.minimal(jiangxi=[f"{server.base}/jxssthjt/col/col42150/index.html"])
        summary = workspace.crawl("jiangxi", fast=True).stdout
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
    assert sorted(records) == sorted(paths)  # the 50 articles, no navigation links
    # its channel tree counts 444 articles; the other 394 are not in the page: said, not hidden
    # its channel tree counts 444 articles; asked for ?uid=380055&pageNum=2, this fixture answers
    # the same 50: the walk stops there and the other 394 are said, not hidden
    assert "394 listed records only behind an unsupported search API" in summary
    first = records["/jxssthjt/col/col42150/content/content_1951206363677671424.html"]
    # the page's own meta says 平潭…; the list's JSON is only a fallback for what a page lacks
    assert first["source"] == "平潭综合实验区党工委管委会"
    with Archive(workspace.db_url).session() as session:
        assert session.scalars(select(CrawlRun)).one().stats["families"] == {"ucap": 2}


def _read(name, url):
    from scrapy.http import HtmlResponse

    from crawler.listing import read_list_page
    from tests.sitekit import CORPUS
    return read_list_page(HtmlResponse(url, body=(CORPUS / name).read_bytes(), encoding="utf-8"), lambda u: True)


def test_trs_dynamic_list_asks_its_search_api_for_the_rest():
    page = _read("fujian-pingtan_trs-trt_list_1.html", "https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/")
    assert page.family == "trs"
    assert len(page.items) == 75  # the five static pages of 15 held in the page
    assert all("/t20" in item.url for item in page.items)
    # recordCount '107': page 6 on is asked of the page's listApi with its own listArgs
    assert page.next_page == ListRequest("https://www.pingtan.gov.cn/fjdzapp/search", "POST", (
        ("channelid", "200210"), ("classsql", "chnlid=1780"), ("sortfield", "-docorderpri,-docreltime"),
        ("page", "6"), ("prepage", "15")))
    assert page.unreached == 0


def test_trs_count_page_pager():
    page = _read("hebei-handan_trs_list_1_jsp-derived.html", "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/")
    assert page.family == "trs"
    assert page.next_page == "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index_1.html"


def _detail(n: int) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>文件{n}</title></head><body><h1>示例文件第{n}号</h1>"
            f"<div class='TRS_Editor'><p>这是第{n}号文件的正文，内容用于测试按配置读取的列表。各单位要认真贯彻落实。</p></div>"
            f"</body></html>").encode("utf-8")


def _json_list_site(docs: list[int], index_no) -> dict:
    """A column served by a JSON list API (5 records a page) that alone says each document's
    文号 and 索引号; index_no(n) is what it says of document n."""
    from tests.sitekit import Route, html

    routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})}
    for page in range(1, 5):
        chunk = docs[(page - 1) * 5: page * 5]
        body = {"code": 0, "data": {"total": len(docs), "list": [
            {"title": f"文件{n}", "link": f"/gkmlpt/content/1/{n}/post_{n}.html", "date": f"2024-06-{n:02d} 10:00",
             "wh": f"示发〔2024〕{n}号", "syh": index_no(n)} for n in chunk]}}
        routes[f"/gkmlpt/api/list?page={page}&size=5"] = Route(json.dumps(body, ensure_ascii=False).encode(),
                                                               headers={"Content-Type": "application/json"})
    for n in docs:
        routes[f"/gkmlpt/content/1/{n}/post_{n}.html"] = html(_detail(n))
    return routes


def _configure_json_list(workspace, server) -> None:
    workspace.write_sites(json.dumps({"sites": [{
        "name": "api", "start_urls": [f"{server.base}/gkmlpt/index"], "schedule": "0 3 * * *", "settings": FAST,
        "list": {"json_url": f"{server.base}/gkmlpt/api/list?page={{page}}&size=5", "json_items": "data.list",
                 "json_url_field": "link", "json_date_field": "date",
                 "json_fields": {"doc_no": "wh", "index_no": "syh"}}}]}))


def test_json_list_endpoint_from_the_sites_file(workspace):
    docs = list(range(1, 13))
    with FixtureSite(_json_list_site(docs, lambda n: f"11350100MB0000000X/2024-{n:05d}")) as server:
        _configure_json_list(workspace, server)
        workspace.crawl("api")
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
    assert sorted(records) == sorted(f"/gkmlpt/content/1/{n}/post_{n}.html" for n in docs)
    seven = records["/gkmlpt/content/1/7/post_7.html"]
    # the page says nothing of these: the JSON list does
    assert (seven["doc_no"], seven["index_no"], seven["published_at"]) == (
        "示发〔2024〕7号", "11350100MB0000000X/2024-00007", "2024-06-07T10:00")


def test_a_list_correcting_a_known_document_is_a_new_version(workspace):
    """The list fixes document 7's 索引号 while its page stays the same (the server answers
    304): the correction is archived as a new version, the other documents stay unchanged."""
    docs = list(range(1, 13))
    first = lambda n: f"11350100MB0000000X/2024-{n:05d}"  # noqa: E731
    with FixtureSite(_json_list_site(docs, first)) as server:
        _configure_json_list(workspace, server)
        workspace.crawl("api")
        server.routes.update(_json_list_site(docs, lambda n: first(n) if n != 7 else "11350100MB0000000X/2024-00077"))
        workspace.crawl("api", "-a", "full=1")
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
        requests_for_7 = [p for m, p in server.log if p == "/gkmlpt/content/1/7/post_7.html"]
    seven = records["/gkmlpt/content/1/7/post_7.html"]
    assert (seven["index_no"], seven["versions"]) == ("11350100MB0000000X/2024-00077", 2)
    assert len(requests_for_7) == 2  # the page was not fetched again in full: a 304, read from the archive
    assert [r["versions"] for p, r in sorted(records.items()) if "/7/" not in p] == [1] * 11
    with Archive(workspace.db_url).session() as session:
        last = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
    assert (last.stats["changed"], last.stats["unchanged"]) == (1, 11)


def test_css_selectors_from_the_sites_file(workspace):
    from tests.sitekit import Route, html

    listing = """<html><head><meta charset='utf-8'></head><body>
<ul class="hot"><li><a href="/news/t20240601_1.html">热点一</a><span>2024-06-01</span></li>
<li><a href="/news/t20240602_2.html">热点二</a><span>2024-06-02</span></li>
<li><a href="/news/t20240603_3.html">热点三</a><span>2024-06-03</span></li></ul>
<div class="zfxxgk_zdgkc"><a href="/doc/a1.html">文件一</a><a href="/doc/a2.html">文件二</a></div>
<a class="next-btn" href="/list2.html">›</a></body></html>"""
    page2 = """<html><body><div class="zfxxgk_zdgkc"><a href="/doc/a3.html">文件三</a></div></body></html>"""
    routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
              "/list1.html": html(listing.encode()), "/list2.html": html(page2.encode())}
    for n in (1, 2, 3):
        routes[f"/doc/a{n}.html"] = html(_detail(n))
    for n in (1, 2, 3):
        routes[f"/news/t2024060{n}_{n}.html"] = html(_detail(10 + n))
    with FixtureSite(routes) as server:
        workspace.write_sites(json.dumps({"sites": [{
            "name": "css", "start_urls": [f"{server.base}/list1.html"], "schedule": "0 3 * * *", "settings": FAST,
            "list": {"items": ".zfxxgk_zdgkc a", "next": "a.next-btn"}}]}))
        workspace.crawl("css")
        archived = sorted(r["url"].removeprefix(server.base) for r in workspace.export())
    assert archived == ["/doc/a1.html", "/doc/a2.html", "/doc/a3.html"]  # not the dated 热点 list


def test_a_column_of_columns_is_walked_not_archived(workspace):
    from tests.sitekit import Route, html

    def listing(items: str) -> bytes:
        return (f"<html><head><meta charset='utf-8'></head><body>"
                f"<div class='nav'><a href='/xwzx/'>新闻中心</a><a href='/xxgk/'>信息公开</a></div>"
                f"<ul class='list'>{items}</ul></body></html>").encode()

    routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
              # the 信息公开目录: sub-columns only, no dates, no documents
              "/xxgk/": html(listing("<li><a href='/xxgk/jhzj/'>计划总结</a></li><li><a href='/xxgk/zcwj/index.html'>政策文件</a></li>"
                                     "<li><a href='/xwzx/'>新闻中心</a></li>")),
              "/xxgk/jhzj/": html(listing("<li><a href='/xxgk/jhzj/202406/t20240601_1.html'>计划一</a><span>2024-06-01</span></li>")),
              "/xxgk/zcwj/index.html": html(listing("<li><a href='/xxgk/zcwj/202406/t20240602_2.html'>文件二</a><span>2024-06-02</span></li>")),
              "/xwzx/": html(listing("<li><a href='/xwzx/202406/t20240603_3.html'>新闻三</a><span>2024-06-03</span></li>")),
              "/xxgk/jhzj/202406/t20240601_1.html": html(_detail(1)),
              "/xxgk/zcwj/202406/t20240602_2.html": html(_detail(2)),
              "/xwzx/202406/t20240603_3.html": html(_detail(3))}
    with FixtureSite(routes) as server:
        workspace.write_sites(json.dumps({"sites": [{
            "name": "tree", "start_urls": [f"{server.base}/xxgk/"], "schedule": "0 3 * * *", "settings": FAST}]}))
        workspace.crawl("tree")
        archived = sorted(r["url"].removeprefix(server.base) for r in workspace.export())
        assert "/xwzx/" not in server.paths()  # outside the column: not walked
        with Archive(workspace.db_url).session() as session:
            assert session.scalars(select(CrawlRun)).one().stats["empty_list_pages"] == 0
    assert archived == ["/xxgk/jhzj/202406/t20240601_1.html", "/xxgk/zcwj/202406/t20240602_2.html"]


def test_trs_dynamic_list_walks_its_search_api(workspace):
    site = TrsDynamicSite()
    with FixtureSite(site.routes(), handlers=site.handlers()) as server:
        workspace.minimal(pingtan=[server.base + site.COLUMN])
        summary = workspace.crawl("pingtan", fast=True).stdout
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
        posts = [path for method, path in server.log if method == "POST"]
    assert sorted(records) == sorted(site.documents)  # all 107: 75 in the page, 32 from the API
    assert posts == [site.API] * 3  # pages 6, 7 and 8
    assert "trs 4" in summary and "search API" not in summary
    # what only the API's JSON says about a document fills what its page lacks
    path = site.api_only[0]
    assert (records[path]["doc_no"], records[path]["index_no"], records[path]["publisher"]) == (
        site.doc_no(path), "PZ00108-3000-2019-00001", "平潭综合实验区管委会")


def test_gkmlpt_catalogue_from_its_json_api(workspace):
    site = GkmlptSite()
    with FixtureSite(site.routes()) as server:
        workspace.minimal(shenzhen=[f"{server.base}{site.ROOT}/index#{site.CATEGORY}"])
        summary = workspace.crawl("shenzhen", fast=True).stdout
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
        api_pages = [p for p in server.paths() if "/api/all/" in p]
    assert sorted(records) == sorted(site.documents)
    assert api_pages == [f"{site.ROOT}/api/all/{site.CATEGORY}?page={p}&sid={site.SID}" for p in (1, 2, 3)]
    assert "gkmlpt 4" in summary and "layout changed" not in summary
    # 索引号, 文号, 发布机构 and the date come from the API: the detail pages do not carry them
    first = records[site.doc_path(1)]
    assert (first["index_no"], first["doc_no"], first["publisher"], first["published_at"]) == (
        "11440300MB2C92051J/2024-00001", "深发改〔2024〕1号", site.PUBLISHER, "2024-06-08")


def test_gkmlpt_recrawl_asks_the_api_behind_an_unchanged_page(workspace):
    site = GkmlptSite()
    with FixtureSite(site.routes()) as server:
        workspace.minimal(shenzhen=[f"{server.base}{site.ROOT}/index#{site.CATEGORY}"])
        workspace.crawl("shenzhen", fast=True)
        site.TOTAL = 24  # one more article: the Vue page is unchanged (304), its API is not
        server.routes = site.routes()
        first = len(server.log)
        summary = workspace.crawl("shenzhen", fast=True).stdout
        fetched = server.paths()[first:]
        records = {r["url"].removeprefix(server.base) for r in workspace.export()}
    assert "documents 1 new" in summary
    assert records == set(site.documents)
    api = f"{site.ROOT}/api/all/{site.CATEGORY}?page=1&sid={site.SID}"
    # robots, the page (304), the API's first page (the new article is on it), the article
    assert fetched == ["/robots.txt", f"{site.ROOT}/index", api, site.doc_path(24)]


def test_govcn_policy_library_from_its_search_api(workspace):
    site = PolicyLibrarySite()
    with FixtureSite(site.routes()) as server:
        workspace.minimal(govcn=[server.base + site.PAGE])
        summary = workspace.crawl("govcn", fast=True).stdout
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
        api_pages = [p for p in server.paths() if p.startswith("/search-gov/")]
    assert sorted(records) == sorted(site.documents)
    assert api_pages == [site.api_path(p) for p in (1, 2, 3)]
    assert "govcn-library 4" in summary and "layout changed" not in summary
    doc = records[site.doc_path(45)]
    assert (doc["doc_no"], doc["publisher"], doc["published_at"]) == ("国办发〔2024〕45号", "国务院办公厅", "2024-10-18")


def test_policy_library_documents_live_on_www_gov_cn():
    from crawler.sites import Site
    site = Site(name="govcn", start_urls=["https://sousuo.www.gov.cn/zcwjk/policyDocumentLibrary?q=&t=zhengcelibrary"])
    assert site.domains == ["sousuo.www.gov.cn", "www.gov.cn"]


def test_query_and_script_pagers_walk_every_page(workspace):
    site = PagerSite()
    with FixtureSite(site.routes()) as server:
        workspace.minimal(pagers=[server.base + path for path in site.COLUMNS.values()])
        summary = workspace.crawl("pagers", fast=True).stdout
        archived = sorted(r["url"].removeprefix(server.base) for r in workspace.export())
    assert archived == sorted(site.documents)  # 36: every page of every column, no navigation
    assert "9 list pages; families: generic 6, trs 3" in summary


def test_ucap_column_pages_by_page_number(workspace):
    site = UcapPagedSite()
    with FixtureSite(site.routes()) as server:
        workspace.minimal(jiangxi=[server.base + site.COLUMN])
        summary = workspace.crawl("jiangxi", fast=True).stdout
        archived = sorted(r["url"].removeprefix(server.base) for r in workspace.export())
        pages = [p for p in server.paths() if "pageNum" in p]
    assert archived == sorted(site.documents)  # 80: 50 in the page, 30 more from pageNum pages
    # pages overlap (50 records from the N-th page of 15 on): page 4 brings none the walk has not
    # read, so the walk ends there instead of asking pages 5 and 6 for the same records again
    assert pages == [f"{site.COLUMN}?uid=380055&pageNum={n}" for n in range(2, 5)]
    assert "search API" not in summary
    assert "1 list walks ended on a page repeating records already read" in summary
