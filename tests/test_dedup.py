"""Reposts link to their original; template notices with their own 文号 never do."""
from __future__ import annotations

from pipeline import extract
from storage.archive import store_document
from storage.db import Archive
from storage.dedup import link_reposts
from storage.export import iter_documents

BODY = ("各县（市、区）人民政府，市政府各部门：为进一步优化营商环境，激发市场主体活力，经市政府同意，"
        "现就进一步做好涉企服务工作通知如下。一、建立健全企业诉求快速响应机制，对企业反映的问题实行"
        "首问负责、限时办结。二、持续深化“放管服”改革，全面推行涉企事项网上办理，压减办理时限百分之三十以上。"
        "三、加大惠企政策宣传力度，确保各项政策直达快享、应享尽享。各地各部门要高度重视，认真抓好落实。")


def page(title, body, published, doc_no=None, extra=""):
    meta = f"<tr><td>发文字号：</td><td>{doc_no}</td></tr>" if doc_no else ""
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><table>{meta}"
            f"<tr><td>发布日期：</td><td>{published}</td></tr></table>"
            f'<div class="TRS_Editor"><p>{body}</p>{extra}</div></body></html>')


def store(archive, site, url, html):
    with archive.session() as session:
        store_document(session, site=site, url=url, record=extract(html, url), capture_id=None)


def exported(archive):
    return {r["url"]: r for r in iter_documents(archive)}


def test_reposts_link_to_the_government_original(tmp_path):
    archive = Archive(f"sqlite:///{tmp_path / 'a.sqlite3'}")
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


def test_earliest_government_page_is_the_original(tmp_path):
    archive = Archive(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    later, earlier = "http://a.gov.cn/t2.html", "http://b.gov.cn/t1.html"
    store(archive, "a", later, page("通知", BODY, "2024-06-09"))
    store(archive, "b", earlier, page("通知", BODY, "2024-06-01"))
    link_reposts(archive)
    assert exported(archive)[later]["duplicate_of"] == earlier


def test_template_notices_with_their_own_numbers_stay_apart(tmp_path):
    archive = Archive(f"sqlite:///{tmp_path / 'a.sqlite3'}")
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
