"""Hanweb jpaas column shells: the list unit asked of the unit API, page by page, with the column
page as Referer; real shell pages detected as jpaas; real detail pages of these sites read."""
from __future__ import annotations

import json
import urllib.request
from urllib.parse import parse_qsl, urlsplit

from scrapy.http import HtmlResponse, Request, TextResponse
from sqlalchemy import select

from crawler.listing import ListRequest, read_list_page
from storage.db import Archive
from storage.models import CrawlRun
from tests.jpaas_site import HERE, REAL, JpaasServer, JpaasSite

FZGGW_COLUMN = "https://fzggw.zj.gov.cn/col/col1229565788/index.html"
FZGGW_UNIT = ("https://fzggw.zj.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?parseType=bulidstatic"
              "&webId=3185&tplSetId=o0YcVHHq5vWtr3uiCp4SY&pageType=column&tagId=%E4%BF%A1%E6%81%AF%E5%88%97%E8%A1%A8"
              "&editType=null&pageId=1229565788")


def _labels(page: str) -> dict:
    for name in (REAL.parent / "eval" / "labels").glob("*.jsonl"):
        for line in name.read_text("utf-8").splitlines():
            label = json.loads(line)
            if label["page"] == page:
                return label
    raise LookupError(page)


def _shell(name: str, url: str):
    return read_list_page(HtmlResponse(url, body=(HERE / name).read_bytes(), encoding="utf-8"), lambda u: True)


def test_real_zhejiang_shell_is_read_as_jpaas():
    page = _shell("zhejiang-fzggw_jpaas_shell.html", FZGGW_COLUMN)
    assert (page.family, page.shell, page.items) == ("jpaas", True, [])
    # the unit's queryData, in its order, as unitbuild.js sends it
    assert page.next_page == ListRequest(FZGGW_UNIT)
    assert dict(page.next_page.state)["column"] == FZGGW_COLUMN


def test_real_unit_answer_gives_the_list_and_its_next_page():
    """The real answer of that unit (page 1 of 388 records, 15 a page): 15 items with their
    dates, and page 2 asked as the site's pager script asks it."""
    body = (HERE / "zhejiang-fzggw_jpaas_unit_1.json").read_bytes()
    request = Request(FZGGW_UNIT, meta={"list_state": (("column", FZGGW_COLUMN), ("others", ()))})
    page = read_list_page(TextResponse(FZGGW_UNIT, body=body, encoding="utf-8", request=request), lambda u: True)
    assert page.family == "jpaas" and not page.shell and len(page.items) == 15
    first, seventh = page.items[0], page.items[6]
    assert first.url == "https://fzggw.zj.gov.cn/col/col1229123351/art/2026/art_937add6719f140bdac86d5b97c525d28.html"
    assert first.title == "省发展改革委关于印发《浙江省固定资产投资项目节能审查和碳排放评价实施办法》的通知"  # the title attribute
    assert first.fields == {"published_at": "2026-06-05"}
    assert seventh.url == "https://fzggw.zj.gov.cn/art/2025/11/4/art_1229123351_2578716.html"  # protocol-relative href
    query = list(parse_qsl(urlsplit(page.next_page.url).query))
    assert query == [("webId", "3185"), ("pageId", "1229565788"), ("parseType", "bulidstatic"), ("pageType", "column"),
                     ("tagId", "信息列表"), ("tplSetId", "o0YcVHHq5vWtr3uiCp4SY"), ("paramJson", '{"pageNo":2,"pageSize":15}')]


def test_a_unit_without_a_list_hands_over_to_the_next_unit():
    """A unit whose answer holds no list (a menu), or that the site refuses, is a step, not an
    empty list: the next unit of the page is asked."""
    others = (FZGGW_UNIT.replace("%E4%BF%A1%E6%81%AF%E5%88%97%E8%A1%A8", "x"),)
    request = Request(FZGGW_UNIT, meta={"list_state": (("column", FZGGW_COLUMN), ("others", others))})
    for answer in ({"success": True, "data": {"html": '<ul class="nav"><li><a href="/col/col1/index.html">首页</a></li></ul>'}},
                   {"success": False, "message": "非法请求", "data": {}}, []):
        body = json.dumps(answer, ensure_ascii=False).encode()
        page = read_list_page(TextResponse(FZGGW_UNIT, body=body, encoding="utf-8", request=request), lambda u: True)
        assert (page.family, page.shell, page.items, page.columns) == ("jpaas", True, [], [])
        assert page.next_page.url == others[0]
    # the last candidate: nothing more to ask, an empty list the spider reports
    request = Request(others[0], meta={"list_state": (("column", FZGGW_COLUMN), ("others", ()))})
    page = read_list_page(TextResponse(others[0], body=body, encoding="utf-8", request=request), lambda u: True)
    assert (page.shell, page.next_page) == (False, None)


def test_the_fixture_refuses_what_the_real_sites_refuse():
    site = JpaasSite()
    with JpaasServer(site) as server:
        column = server.base + site.COLUMN

        def ask(path: str, referer: str | None) -> dict:
            headers = {"Referer": referer} if referer else {}
            with urllib.request.urlopen(urllib.request.Request(server.base + path, headers=headers)) as answer:
                assert answer.status == 200  # refusals too: only "success" says
                return json.loads(answer.read())

        assert ask(site.unit_url(1), column)["success"] is True
        assert ask(site.unit_url(1), None)["success"] is False
        assert ask(site.unit_url(1), "http://elsewhere.example/")["success"] is False
        assert ask(site.unit_url(1).replace("bulidstatic", "buildstatic"), column)["success"] is False


def test_jpaas_column_walks_its_list_unit_to_the_end(workspace):
    site = JpaasSite()
    with JpaasServer(site) as server:
        column = server.base + site.COLUMN
        workspace.minimal(zj=[column])
        summary = workspace.crawl("zj", fast=True).stdout
        records = {r["url"].removeprefix(server.base): r for r in workspace.export()}
        api = list(site.api_log)
        first = len(server.log)
        again = workspace.crawl("zj", fast=True).stdout
        fetched = server.paths()[first:]
    assert sorted(records) == sorted(site.documents)  # 38 over 3 pages, nothing of the menu or the 热点 unit
    # only the list unit was asked, page by page to its end, each time with the column page as Referer
    assert [path for path, _ in api] == [site.unit_url(1), site.unit_url(2), site.unit_url(3)]
    assert all(referer == column for _, referer in api)
    assert "jpaas 4" in summary and "layout changed" not in summary
    # unchanged: the column page answers 304, the list's first page says every record is known
    assert fetched == ["/robots.txt", site.COLUMN, site.unit_url(1)]
    assert "1 list pages not modified (304)" in again and "documents 0 new" in again
    with Archive(workspace.db_url).session() as session:
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
    assert [r.stats["families"] for r in runs] == [{"jpaas": 4}, {"jpaas": 1}]
    assert [r.stats["empty_list_pages"] for r in runs] == [0, 0]

    # the real detail pages read as in the labelled set
    zj = records[site.documents[0]]
    label = _labels("real/fzggw.zj.gov.cn/zhejiang-fzggw_hanweb_detail_1.html")
    assert {k: zj[k] for k in label["fields"]} == label["fields"]
    assert zj["body"].startswith(label["body_start"])
    ningbo = records[site.ningbo_path]
    label = _labels("real/jrb.ningbo.gov.cn/ningbo_hanweb_jpaas_58899622.html")
    assert (ningbo["title"], ningbo["source"], ningbo["published_at"][:10]) == (
        label["fields"]["title"], label["fields"]["source"], label["fields"]["published_at"])
    assert ningbo["body"].startswith(label["body_start"]) and ningbo["body"].endswith(label["body_end"])
    # pages without metadata: the list's date and 文号 fill them
    path = site.later[5][0]
    assert (records[path]["doc_no"], records[path]["published_at"]) == (site.doc_no(path), site.published(path))


def test_units_are_asked_with_the_column_page_as_referer_whatever_scrapy_sends(workspace):
    """Scrapy's own Referer turned off: the family still names the column page, which sites
    that refuse a unit request without it insist on."""
    site = JpaasSite()
    with JpaasServer(site) as server:
        workspace.minimal(zj=[server.base + site.COLUMN])
        workspace.crawl("zj", "-s", "REFERER_ENABLED=False", fast=True)
        records = workspace.export()
    assert sorted(r["url"].removeprefix(server.base) for r in records) == sorted(site.documents)
    assert {referer for _, referer in site.api_log} == {server.base + site.COLUMN}


def test_a_page_listing_its_records_itself_is_not_a_shell():
    """A column page printing its own list, with a jpaas unit only for its breadcrumb, is read
    by the generic family; the same page whose list is a unit is a shell."""
    unit = ('<script url="/api-gateway/jpaas-publish-server/front/page/build/unit" queryData="{\'parseType\':'
            '\'bulidstatic\',\'webId\':\'1\',\'pageType\':\'column\',\'tagId\':\'{tag}\',\'pageId\':\'2\'}"></script>')
    rows = "".join(f'<li><a href="/art/2024/6/{d}/art_1_{d}.html">通知{d}</a><span>2024-06-{d:02d}</span></li>'
                   for d in range(1, 6))
    own = f"<html><body>{unit.replace('{tag}', '当前位置')}<ul class='list'>{rows}</ul></body></html>"
    page = read_list_page(HtmlResponse("https://a.gov.cn/col/col2/index.html", body=own.encode(), encoding="utf-8"),
                          lambda u: True)
    assert (page.family, len(page.items)) == ("generic", 5)
    shell = f"<html><body>{unit.replace('{tag}', '当前位置')}{unit.replace('{tag}', '信息列表')}</body></html>"
    page = read_list_page(HtmlResponse("https://a.gov.cn/col/col2/index.html", body=shell.encode(), encoding="utf-8"),
                          lambda u: True)
    assert (page.family, page.shell) == ("jpaas", True)
    assert "%E4%BF%A1%E6%81%AF%E5%88%97%E8%A1%A8" in page.next_page.url  # 信息列表 asked first, though second in the page
