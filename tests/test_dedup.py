"""Reposts link to their original; template notices with their own 文号 never do."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from pipeline import extract
from storage.archive import store_document
from storage.db import Archive
from storage.dedup import BUCKET_CAP, DedupResult, link_reposts, pending
from storage.export import iter_documents
from storage.models import RepostBand
from tests.sitekit import FixtureSite, Route
from tests.test_postgres import throwaway_database

BODY = ("各县（市、区）人民政府，市政府各部门：为进一步优化营商环境，激发市场主体活力，经市政府同意，"
        "现就进一步做好涉企服务工作通知如下。一、建立健全企业诉求快速响应机制，对企业反映的问题实行"
        "首问负责、限时办结。二、持续深化“放管服”改革，全面推行涉企事项网上办理，压减办理时限百分之三十以上。"
        "三、加大惠企政策宣传力度，确保各项政策直达快享、应享尽享。各地各部门要高度重视，认真抓好落实。")


def page(title, body, published, doc_no=None, extra=""):
    meta = f"<tr><td>发文字号：</td><td>{doc_no}</td></tr>" if doc_no else ""
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><table>{meta}"
            f"<tr><td>发布日期：</td><td>{published}</td></tr></table>"
            f'<div class="TRS_Editor"><p>{body}</p>{extra}</div></body></html>')


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request, tmp_path):
    """An empty archive on SQLite, and on PostgreSQL when it is reachable (skipped, saying so,
    when not)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
        yield Archive(url)
        return
    with throwaway_database() as url:
        opened = Archive(url)
        yield opened
        opened.dispose()


def store(archive, site, url, html):
    with archive.session() as session:
        store_document(session, site=site, url=url, record=extract(html, url), capture_id=None)


def exported(archive):
    return {r["url"]: r for r in iter_documents(archive)}


def test_reposts_link_to_the_government_original(archive):
    original = "http://www.example.gov.cn/zwgk/202406/t20240607_1.html"
    aggregator = "http://www.news-portal.com/a/20240606/123.html"
    county = "http://xian.example.gov.cn/xxgk/202406/t20240609_7.html"
    # the aggregator was archived first and even dated earlier: the government page still wins
    store(archive, "news", aggregator, page("关于做好涉企服务工作的通知", BODY, "2024-06-06",
                                            extra="<p>来源：网络整理</p><p>（本文转自市政府网站）</p>"))
    store(archive, "city", original, page("关于做好涉企服务工作的通知", BODY, "2024-06-07"))
    store(archive, "county", county, page("转发：关于做好涉企服务工作的通知", BODY + "请各乡镇遵照执行。", "2024-06-09"))
    store(archive, "city", "http://www.example.gov.cn/zwgk/t2.html", page("另一份文件", BODY[::-1], "2024-06-07"))
    result = link_reposts(archive)
    records = exported(archive)
    assert result.linked == 2
    assert records[aggregator]["duplicate_of"] == original
    assert records[county]["duplicate_of"] == original
    assert records[original]["duplicate_of"] is None
    assert records["http://www.example.gov.cn/zwgk/t2.html"]["duplicate_of"] is None
    unique = [r["url"] for r in iter_documents(archive, unique=True)]
    assert sorted(unique) == sorted([original, "http://www.example.gov.cn/zwgk/t2.html"])
    assert link_reposts(archive).linked == 2  # idempotent


def test_earliest_government_page_is_the_original(archive):
    later, earlier = "http://a.gov.cn/t2.html", "http://b.gov.cn/t1.html"
    store(archive, "a", later, page("通知", BODY, "2024-06-09"))
    store(archive, "b", earlier, page("通知", BODY, "2024-06-01"))
    link_reposts(archive)
    assert exported(archive)[later]["duplicate_of"] == earlier


def test_template_notices_with_their_own_numbers_stay_apart(archive):
    template = ("因{road}道路改造施工需要，根据《中华人民共和国道路交通安全法》第三十九条规定，决定对该路段实施"
                "交通管制。一、管制时间：2024年5月25日至2024年8月31日。二、管制期间，禁止一切车辆通行，"
                "行人请绕行。三、请过往车辆和行人服从交通警察指挥。特此通告。示例市公安局交通警察支队")
    for n, road in enumerate(["朱镕基路", "人民路", "解放路", "建设大道"], start=1):
        url = f"http://www.example.gov.cn/jtgz/t2024052{n}_{n}.html"
        store(archive, "city", url, page(f"交通管制通告（2024年第{n}号）", template.format(road=road),
                                         f"2024-05-2{n}", doc_no=f"示公交管〔2024〕{n}号"))
    assert link_reposts(archive).linked == 0
    assert all(r["duplicate_of"] is None for r in exported(archive).values())


def test_shingles_ignore_whitespace_and_width():
    from pipeline.neardup import shingles
    assert shingles(BODY) == shingles(" \n".join(BODY[i:i + 7] for i in range(0, len(BODY), 7)))
    assert shingles("ＡＢＣ" + BODY) == shingles("ABC" + BODY)
    assert shingles("太短了") == set()


def column(items: list[tuple[str, str, str]]) -> bytes:
    """A list page of (path, title, date) items."""
    lis = "".join(f'<li><a href="{path}">{title}</a><span>{date}</span></li>' for path, title, date in items)
    return (f"<html><head><meta charset='utf-8'><title>信息公开</title></head><body>"
            f"<ul class='list'>{lis}</ul></body></html>").encode()


def test_each_crawl_links_the_reposts_it_archives(workspace):
    other = BODY.replace("营商环境", "生态环境").replace("涉企服务", "河湖治理")[::-1]
    city = {
        "/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
        "/xxgk/index.html": Route(column([("202406/t20240607_1.html", "关于做好涉企服务工作的通知", "2024-06-07")])),
        "/xxgk/202406/t20240607_1.html": Route(page("关于做好涉企服务工作的通知", BODY, "2024-06-07").encode()),
    }
    portal = {
        "/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
        "/news/index.html": Route(column([("a/123.html", "市政府发布涉企服务新举措", "2024-06-09"),
                                          ("a/124.html", "河湖治理工作推进会召开", "2024-06-10")])),
        "/news/a/123.html": Route(page("市政府发布涉企服务新举措", BODY, "2024-06-09",
                                       extra="<p>免责声明：本文转自网络，仅供参考。</p>").encode()),
        "/news/a/124.html": Route(page("河湖治理工作推进会召开", other, "2024-06-10").encode()),
    }
    with FixtureSite(city) as c, FixtureSite(portal) as p:
        workspace.configure(city=[c.base + "/xxgk/index.html"], portal=[p.base + "/news/index.html"])
        # the portal is archived first; the city's original, crawled later, still becomes the original
        assert "near copies" not in workspace.crawl("portal").stdout
        summary = workspace.crawl("city").stdout
        assert "1 near copies of other documents (linked as reposts)" in summary
        records = {r["url"]: r for r in workspace.export()}
    original, repost = c.base + "/xxgk/202406/t20240607_1.html", p.base + "/news/a/123.html"
    assert records[repost]["duplicate_of"] == original
    assert records[original]["duplicate_of"] is None
    assert records[p.base + "/news/a/124.html"]["duplicate_of"] is None
    # nothing left for the batch command: the crawls indexed everything
    assert workspace.scrapy("dedup").stdout.strip() == (
        "0 documents indexed (new or changed text); 1 documents in the archive link to an original as reposts")


def test_edited_text_is_indexed_again_and_its_link_decided_again(archive):
    store(archive, "city", "http://www.example.gov.cn/t1.html", page("通知", BODY, "2024-06-07"))
    repost = "http://news.example.com/a/1.html"
    store(archive, "news", repost, page("通知", BODY + "来源：网络。", "2024-06-08"))
    assert link_reposts(archive) == DedupResult(indexed=2, matched=1, linked=1)
    assert link_reposts(archive) == DedupResult(indexed=0, matched=0, linked=1)
    # the portal replaced the repost by an article of its own: a new version, no longer a copy
    store(archive, "news", repost, page("通知", BODY[::-1], "2024-06-08"))
    assert link_reposts(archive) == DedupResult(indexed=1, matched=0, linked=0)
    assert exported(archive)[repost]["duplicate_of"] is None


def test_an_interrupted_pass_resumes_with_the_same_result(tmp_path):
    def fill(archive):
        for n in range(6):
            text = "".join(random.Random(n).sample(BODY, len(BODY)))  # six unrelated texts
            store(archive, "city", f"http://www.example.gov.cn/t{n}.html", page(f"通知{n}", text, "2024-06-07"))
            store(archive, "news", f"http://news.example.com/{n}.html", page(f"通知{n}", text + "转自网络。", "2024-06-08"))

    whole = Archive(f"sqlite:///{tmp_path / 'whole.sqlite3'}")
    fill(whole)
    expected = link_reposts(whole)
    assert expected.linked == 6
    broken = Archive(f"sqlite:///{tmp_path / 'broken.sqlite3'}")
    fill(broken)

    def crash(_done):
        raise KeyboardInterrupt  # the pass dies after its first chunk was committed

    with pytest.raises(KeyboardInterrupt):
        link_reposts(broken, chunk=5, progress=crash)
    assert pending(broken) == 7
    assert link_reposts(broken, chunk=5).linked == expected.linked
    links = lambda archive: {url: r["duplicate_of"] for url, r in exported(archive).items()}  # noqa: E731
    assert links(broken) == links(whole)


def test_a_text_reposted_everywhere_links_every_copy(archive):
    """More copies than a band key takes (BUCKET_CAP): every copy still finds the group."""
    copies = BUCKET_CAP * 2
    for n in range(copies):
        header = "" if n % 2 else f"（转载自第{n}号网站）"
        store(archive, f"portal{n}", f"http://portal{n}.example.com/a/1.html", page("通知", header + BODY, f"2024-06-{n % 20 + 10}"))
    original = "http://www.example.gov.cn/zwgk/t1.html"
    store(archive, "city", original, page("通知", BODY, "2024-06-30"))  # the latest, yet the government's
    assert link_reposts(archive).linked == copies
    assert all(r["duplicate_of"] == original for url, r in exported(archive).items() if url != original)
    with archive.session() as session:
        largest = session.scalar(select(func.count()).select_from(RepostBand).group_by(RepostBand.band_key).order_by(func.count().desc()).limit(1))
    assert largest == BUCKET_CAP


def test_a_series_on_one_site_is_not_a_repost_of_itself(archive):
    """Notices of one site sharing a template but not a title, with no 文号 to tell them
    apart: distinct documents. The same text on another site is still a repost."""
    template = ("因{road}道路改造施工需要，决定对该路段实施交通管制。管制期间禁止一切车辆通行，行人请绕行。"
                "请过往车辆和行人服从交通警察指挥。特此通告。示例市公安局交通警察支队")
    for n, road in enumerate(["朱镕基路", "人民路", "解放路"], start=1):
        store(archive, "city", f"http://www.example.gov.cn/jtgz/t{n}.html",
              page(f"{road}交通管制通告", template.format(road=road), f"2024-05-2{n}"))
    store(archive, "news", "http://news.example.com/a/9.html",
          page("人民路交通管制通告", template.format(road="人民路") + "来源：市交警支队。", "2024-05-23"))
    assert link_reposts(archive).linked == 1
    links = {url: r["duplicate_of"] for url, r in exported(archive).items()}
    assert links["http://news.example.com/a/9.html"] == "http://www.example.gov.cn/jtgz/t2.html"
    assert [links[f"http://www.example.gov.cn/jtgz/t{n}.html"] for n in (1, 2, 3)] == [None, None, None]


def test_copies_joining_one_by_one_link_as_a_rebuild_does(tmp_path):
    """A pass after each crawl adds copies to a group one at a time (most join an original that
    stays, some are earlier and become it): the links end as a pass over everything makes them."""
    archive = Archive(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
    days = random.Random(7).sample(range(1, 29), 24)
    for n, day in enumerate(days):
        store(archive, f"portal{n}", f"http://portal{n}.example.com/a/1.html",
              page("通知", f"（第{n}号网站转载）" + BODY, f"2024-02-{day:02d}"))
        link_reposts(archive)
    links = lambda: {url: r["duplicate_of"] for url, r in exported(archive).items()}  # noqa: E731
    joined = links()
    earliest = f"http://portal{days.index(min(days))}.example.com/a/1.html"
    assert joined[earliest] is None and all(joined[url] == earliest for url in joined if url != earliest)
    assert link_reposts(archive, rebuild=True).linked == len(days) - 1
    assert links() == joined
