"""A configured site served on 127.0.0.1, crawled by the real spider into a real SQLite file,
then exported: the exact set of documents and every field of each."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from storage.captures import WarcStore
from storage.db import Archive
from storage.models import Attachment, Capture, CrawlRun
from tests.conftest import Workspace
from tests.sitekit import FixtureSite, example_routes

COL = "/xxgk/jhzj/"

EXPECTED = {
    # path: fields of the export (body checked separately)
    COL + "202406/t20240607_4123456.html": {
        "title": "示例市交通运输局2024年上半年工作总结和下半年工作计划",
        "index_no": "11350100MB0000000X/2024-00123",
        "publisher": "示例市交通运输局",
        "doc_no": "示交〔2024〕12号",
        "written_at": "2024-06-05",
        "published_at": "2024-06-07T15:56",
        "subject": "交通运输",
        "keywords": "工作总结 工作计划",
        "source": "市交通局",
        "validity": "有效",
        "column": "首页 > 政府信息公开 > 计划总结",
    },
    COL + "202312/t20231214_83264.html": {
        "title": "平潭综合实验区行政审批局2022年工作总结及2023年工作计划",
        "index_no": None, "publisher": None, "doc_no": None, "written_at": None,
        "published_at": "2023-12-14T17:20",
        "subject": None, "keywords": None,
        "source": "平潭综合实验区党工委管委会",
        "validity": None,
        "column": "首页 > 政务公开 > 规划信息 > 工作进展情况",
    },
    COL + "202310/t20231023_80401.html": {
        "title": "平潭综合实验区财政金融局关于2023年调整地方政府专项债券资金用途的公告",
        "index_no": "PZ00108-3000-2023-00092",
        "publisher": "平潭综合实验区财政金融局",
        "doc_no": None,  # the page says 无
        "written_at": "2023-10-23",
        "published_at": "2023-10-23T10:03",
        "subject": None,  # 无
        "keywords": None,
        "source": "平潭综合实验区财政金融局",
        "validity": "有效",
        "column": "首页 > 政务公开 > 政府信息公开 > 平潭综合实验区财政金融局 > 法定主动公开内容 > "
                  "其他文件（党政机关会议定点名单；其他应主动公开的政府信息",
    },
    COL + "201812/t20181229_5353307.html": {
        "title": "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定",
        "index_no": "000014349/2018-00222",
        "publisher": "国务院",
        "doc_no": "国发〔2018〕43号",
        "written_at": "2018-12-21",
        "published_at": "2018-12-29",
        "subject": "卫生、体育\\医药管理",
        "keywords": None, "source": None, "validity": None, "column": None,
    },
    COL + "201611/t20161122_30332664.html": {
        "title": "1-10月德清县固定资产投资结构趋稳趋优",
        "index_no": None, "publisher": None, "doc_no": None, "written_at": None,
        "published_at": "2016-11-22T09:53",
        "subject": None,
        "keywords": None,  # the page shows no 主题词; its <meta name="keywords"> is not one
        "source": "省发改委",
        "validity": None,
        "column": "首页 > 发展改革工作 > 投资管理和项目推进 > 投资运行",
    },
    COL + "201909/t20190918_693227.html": {
        "title": "山西品牌丝路行（南美站）正式启动",
        "index_no": None, "publisher": None, "doc_no": None, "written_at": None,
        "published_at": "2019-09-18T06:23",
        "subject": None,
        "keywords": None,  # site-wide <meta name="keywords">, not the document's 主题词
        "source": "山西日报",
        "validity": None,
        "column": "首页 > 要闻 > 山西要闻",
    },
    COL + "202405/t20240520_7001.html": {
        "title": "示例市朱镕基路交通管制通告（2024年第3号）",
        "index_no": "11350100MB0000001Y/2024-00077",
        "publisher": "示例市公安局交通警察支队",
        "doc_no": "示公交管〔2024〕3号",
        "written_at": "2024-05-18",
        "published_at": "2024-05-20T09:30",
        "subject": "公安、安全、司法",
        "keywords": None,
        "source": "示例市公安局交通警察支队",
        "validity": "有效",
        "column": "首页 > 政府信息公开 > 计划总结",
    },
}


def crawl_example(workspace, site):
    workspace.configure(example=[site.base + COL])
    return workspace, site, workspace.crawl("example")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl shared by the tests that only read its results."""
    with FixtureSite(example_routes()) as site:
        yield crawl_example(Workspace(tmp_path_factory.mktemp("crawl")), site)


def by_path(records, base):
    return {r["url"].removeprefix(base): r for r in records}


def test_exact_set_of_documents_archived(crawled):
    workspace, site, _ = crawled
    records = by_path(workspace.export(), site.base)
    # list items only: not the sidebar, nav or footer links, not robots-disallowed or
    # off-site ones, not the 404, and the repost in another column is the same document
    assert sorted(records) == sorted(EXPECTED)


def test_every_export_field(crawled):
    workspace, site, _ = crawled
    records = by_path(workspace.export(), site.base)
    for path, fields in EXPECTED.items():
        record = records[path]
        for name, value in fields.items():
            assert record[name] == value, f"{path}: {name}"
        assert record["site"] == "example"
        assert record["status"] == "live"
        assert record["versions"] == 1
        assert record["duplicate_of"] is None
        assert len(record["content_hash"]) == 64
        assert record["first_seen"].endswith("+00:00") and record["last_seen"] >= record["first_seen"]


def test_bodies_are_the_document_text_only(crawled):
    workspace, site, _ = crawled
    records = by_path(workspace.export(), site.base)
    dl = records[COL + "202406/t20240607_4123456.html"]["body"]
    assert dl.startswith("今年以来，市交通运输局坚持稳中求进工作总基调")  # repeated title removed
    assert "下半年，我局将聚焦“交通强市”目标" in dl
    for furniture in ("打印本页", "关闭窗口", "分享到", "字体", "浏览次数", "索引号", "当前位置"):
        assert furniture not in dl
    table = records[COL + "202405/t20240520_7001.html"]["body"]
    assert table.startswith("因朱镕基路（堃华街至镕城大道段）")  # GBK-only characters decoded
    assert "##paid" not in table
    govcn = records[COL + "201812/t20181229_5353307.html"]["body"]
    # the 文号 line over the text is the document's header (read as its doc_no), not its text
    assert govcn.startswith("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    assert govcn.endswith("（此件公开发布）")
    pingtan = records[COL + "202312/t20231214_83264.html"]["body"]
    assert pingtan.startswith("2022年是党的二十大召开之年")
    assert len(pingtan) > 5000


def test_one_document_seen_at_two_urls(crawled):
    workspace, site, _ = crawled
    record = by_path(workspace.export(), site.base)[COL + "202406/t20240607_4123456.html"]
    assert record["urls"] == [
        site.base + COL + "202406/t20240607_4123456.html",
        site.base + "/xxgk/zcwj/202406/t20240607_4123457.html",
    ]


def test_attachments_listed_and_fetched(crawled):
    workspace, site, _ = crawled
    records = by_path(workspace.export(), site.base)
    links = lambda path: [{k: a[k] for k in ("name", "url")} for a in records[path]["attachments"]]  # noqa: E731
    assert links(COL + "202406/t20240607_4123456.html") == [
        {"name": "1.示例市交通重点项目进度表.pdf", "url": site.base + COL + "202406/P020240607001.pdf"},
        {"name": "2.下半年重点工作任务分解表", "url": site.base + COL + "202406/P020240607002.docx"},
    ]
    # the example's files are stand-ins (a PDF header, a ZIP header): fetched, read, marked unreadable
    assert [(a["status"], a["media_type"]) for a in records[COL + "202406/t20240607_4123456.html"]["attachments"]] == [
        ("malformed", "application/pdf"), ("malformed", "application/zip")]
    # an attachment on another host is listed, never fetched
    assert links(COL + "202310/t20231023_80401.html") == [{
        "name": "附件-平潭综合实验区2023年新增专项债券用途调整明细表.pdf",
        "url": "https://www.pingtan.gov.cn/attachFiles/myfile/DATE_20231030/402802528b7fd19d018b7fd19dbf0001.pdf",
    }]
    assert records[COL + "202310/t20231023_80401.html"]["attachments"][0]["status"] == "not_fetched"
    archive = Archive(workspace.db_url)
    store = WarcStore(workspace.data / "warc")
    with archive.session() as session:
        pdf = session.scalar(select(Attachment).where(Attachment.url.like("%P020240607001.pdf")))
        capture = session.get(Capture, pdf.capture_id)
        assert store.read(capture.warc_file, capture.offset).body.startswith(b"%PDF-1.4")
        assert pdf.size == len(store.read(capture.warc_file, capture.offset).body)


def test_polite_and_on_site_only(crawled):
    workspace, site, _ = crawled
    paths = site.paths()
    assert paths[0] == "/robots.txt"
    assert "/private/t20240101_9.html" not in paths
    assert not any(p.startswith("/xwzx/") for p in paths)  # sidebar and nav links
    assert len(paths) == len(set(paths)), "no page fetched twice"
    with Archive(workspace.db_url).session() as session:
        urls = session.scalars(select(Capture.url)).all()
    assert urls and all(u.startswith(site.base) for u in urls)


def test_every_response_is_in_a_replayable_warc(crawled):
    workspace, site, _ = crawled
    store = WarcStore(workspace.data / "warc")
    with Archive(workspace.db_url).session() as session:
        captures = session.scalars(select(Capture)).all()
    assert len(captures) == len(site.paths())
    for capture in captures:
        stored = store.read(capture.warc_file, capture.offset)
        assert stored.url == capture.url and stored.status == capture.status
    gbk_page = next(c for c in captures if c.url.endswith("t20240520_7001.html"))
    raw = store.read(gbk_page.warc_file, gbk_page.offset).body
    assert "朱镕基路".encode("gbk") in raw  # kept as served, not re-encoded
    index = subprocess.run([sys.executable, "-m", "warcio.cli", "index", str(workspace.data / "warc" / gbk_page.warc_file)],
                           capture_output=True, text=True, check=True)
    assert index.stdout.count('"warc-type": "response"') == len(captures)


def test_summary_and_run_record(crawled):
    workspace, _, proc = crawled
    summary = [line for line in proc.stdout.splitlines() if line.startswith("Crawl summary")]
    assert summary == [
        "Crawl summary for example: 15 pages fetched (3 list pages; families: generic 2, trs 1), documents "
        "7 new / 0 changed / 0 unchanged / 1 more URLs of known ones / 0 gone, 2 attachments, 0 errors, "
        # the robots-disallowed list item, and the attachment on www.pingtan.gov.cn
        "2 skipped by rule (off-site 1, robots 1), 1 broken links (404 on a listed page)"
    ]
    with Archive(workspace.db_url).session() as session:
        run = session.scalars(select(CrawlRun)).one()
        assert (run.site, run.status, run.trigger) == ("example", "finished", "manual")
        assert run.ended_at >= run.started_at
        assert run.stats["new"] == 7 and run.stats["errors"] == 0 and run.stats["broken_links"] == 1 and run.stats["families"] == {"trs": 1, "generic": 2}
        assert run.stats["skipped_by_rule"] == {"off-site": 1, "robots": 1} and run.stats["error_samples"] == []


def test_recrawl_adds_nothing(workspace, example_site):
    workspace, site, _ = crawl_example(workspace, example_site)
    before = workspace.export()
    first = len(site.log)
    proc = workspace.crawl("example")
    assert "documents 0 new / 0 changed / 0 unchanged / 0 more URLs of known ones" in proc.stdout
    # the first list page answers 304 Not Modified: nothing else is fetched
    assert "1 list pages not modified (304)" in proc.stdout
    assert site.paths()[first:] == ["/robots.txt", COL]
    after = workspace.export()
    assert [(r["url"], r["content_hash"], r["versions"], r["urls"]) for r in after] == \
           [(r["url"], r["content_hash"], r["versions"], r["urls"]) for r in before]


def test_export_filters_by_site(crawled):
    workspace, _, _ = crawled
    assert len(workspace.export("--site", "example")) == 7
    # a site neither archived nor configured is a typo, not an empty export
    proc = workspace.scrapy("export", "-o", str(workspace.tmp / "other.jsonl"), "--site", "other", check=False)
    assert (proc.returncode, proc.stderr.strip()) == (
        2, "error: --site other: no such site (archived: example; configured: example)")
    assert not (workspace.tmp / "other.jsonl").exists()
