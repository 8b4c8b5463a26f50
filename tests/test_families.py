"""List-page platform families, detected from the page alone: each fixture column is walked
completely and exactly its documents are archived."""
from __future__ import annotations

import json

from sqlalchemy import select

from storage.db import Archive
from storage.models import CrawlRun
from tests.conftest import FAST
from tests.sitekit import FixtureSite, HanwebSite, ucap_routes


def test_hanweb_column_with_dataproxy_pages(workspace):
    site = HanwebSite(docs=14, per_page=2, group=3)
    with FixtureSite(site.routes(), handlers=site.handlers()) as server:
        column = f"{server.base}/col/col{site.COLUMN}/index.html"
        workspace.write_sites(json.dumps({"sites": [
            {"name": "hanweb", "start_urls": [column], "schedule": "0 3 * * *", "settings": FAST}]}))
        workspace.crawl("hanweb")
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
        workspace.crawl("hanweb")  # unchanged: the column page answers 304
        assert server.paths()[first:] == ["/robots.txt", f"/col/col{site.COLUMN}/index.html"]


def test_ucap_column_from_embedded_json(workspace):
    routes, paths = ucap_routes()
    with FixtureSite(routes) as server:
        workspace.write_sites(json.dumps({"sites": [
            {"name": "jiangxi", "start_urls": [f"{server.base}/jxssthjt/col/col42150/index.html"],
             "schedule": "0 3 * * *", "settings": FAST}]}))
        workspace.crawl("jiangxi")
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
    assert sorted(records) == sorted(paths)  # the 50 articles, no navigation links
    first = records["/jxssthjt/col/col42150/content/content_1951206363677671424.html"]
    # the page's own meta says 平潭…; the list's JSON is only a fallback for what a page lacks
    assert first["source"] == "平潭综合实验区党工委管委会"
    with Archive(workspace.db_url).session() as session:
        assert session.scalars(select(CrawlRun)).one().stats["families"] == {"ucap": 1}


def _read(name, url):
    from scrapy.http import HtmlResponse

    from crawler.listing import read_list_page
    from tests.sitekit import CORPUS
    return read_list_page(HtmlResponse(url, body=(CORPUS / name).read_bytes(), encoding="utf-8"), lambda u: True)


def test_trs_dynamic_list_reports_what_only_its_search_api_serves():
    page = _read("fujian-pingtan_trs-trt_list_1.html", "https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/")
    assert page.family == "trs"
    assert len(page.items) == 75  # the five static pages of 15 held in the page
    assert page.unreached == 107 - 75  # recordCount '107': the rest is behind /fjdzapp/search
    assert all("/t20" in item.url for item in page.items)


def test_trs_count_page_pager():
    page = _read("hebei-handan_trs_list_1_jsp-derived.html", "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/")
    assert page.family == "trs"
    assert page.next_page == "http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index_1.html"
