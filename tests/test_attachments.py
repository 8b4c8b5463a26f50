"""Attachments crawled for real from a loopback site: every format read by its reader, cover
notes given their attachments' text, a shared file stored once, hostile files marked while the
crawl goes on, and `reparse` reading the archived bytes again to the same texts."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select, update

from storage.db import Archive
from storage.models import Attachment, AttachmentFile, Capture, CrawlRun, Document
from tests.attachment_files import (COLUMN, DOCUMENTS, DOCX_LINES, MAX_BYTES, NOTICE_DOC_LINES, OFD_PAGES, PDF_PAGES,
                                    PLAN_WPS_LINES, SHARED_PDF_TEXT, routes)
from tests.conftest import ROOT, FAST, Workspace
from tests.sitekit import FixtureSite, Route

SECRET = "secret-of-this-machine-7f3a"


class Crawl:
    """The crawl's exit code, its log, and the peak memory of its process (os.wait4: this
    process alone, not the test run's other children)."""

    def __init__(self, workspace: Workspace, log_dir) -> None:
        log = log_dir / "crawl.log"
        with open(log, "w") as err:
            # extraction inline: every reading happens in the process whose peak is measured
            proc = subprocess.Popen([sys.executable, "-m", "scrapy", "crawl", "gov", "-a", "site=attachments"],
                                    cwd=ROOT, env=dict(workspace.env, GOVARCHIVE_EXTRACT_WORKERS="0"),
                                    stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = self.returncode = os.waitstatus_to_exitcode(status)
        self.stderr = log.read_text()
        self.peak_mb = usage.ru_maxrss / 1024
        assert self.returncode == 0, self.stderr[-3000:]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("attachments")
    secret = tmp / "secret.txt"
    secret.write_text(SECRET)
    workspace = Workspace(tmp)
    with FixtureSite(routes(str(secret))) as site:
        workspace.write_sites(json.dumps({"sites": [{
            "name": "attachments", "start_urls": [site.base + COLUMN],
            "settings": {**FAST, "GOVARCHIVE_ATTACHMENT_MAX_BYTES": MAX_BYTES}}]}))
        outside_before = sorted(p.relative_to(tmp) for p in tmp.rglob("*") if "data" not in p.relative_to(tmp).parts)
        crawl = Crawl(workspace, tmp_path_factory.mktemp("attachments-log"))
        exported = workspace.export()
        records = {r["url"].removeprefix(site.base + COLUMN): r for r in exported}
        yield workspace, site, records, crawl, outside_before


def by_name(record: dict) -> dict[str, dict]:
    return {a["url"].rsplit("/", 1)[-1]: a for a in record["attachments"]}


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_every_format_read_with_its_pages(crawled):
    _, _, records, _, _ = crawled
    first, second = by_name(records["202406/t20240601_1.html"]), by_name(records["202406/t20240602_2.html"])
    pdf = first["notice.pdf"]
    assert (pdf["media_type"], pdf["status"], pdf["pages"]) == ("application/pdf", "ok", 2)  # served as octet-stream
    assert lines(pdf["text"]) == PDF_PAGES
    assert lines(first["plan.docx"]["text"]) == DOCX_LINES and first["plan.docx"]["pages"] is None
    assert lines(first["budget.xlsx"]["text"]) == ["【预算表】", "科目\t金额（万元）", "一般公共预算收入\t125000",
                                                   "政府性基金收入\t3400.5", "【说明】", "本表为2024年预算草案"]
    assert lines(second["notice.doc"]["text"]) == NOTICE_DOC_LINES
    assert (second["plan.wps"]["media_type"], lines(second["plan.wps"]["text"])) == ("application/msword", PLAN_WPS_LINES)
    assert lines(second["projects.xls"]["text"]) == ["【项目清单】", "项目名称\t建设单位\t总投资",
                                                     "城区污水管网改造\t市住建局\t5600", "职业教育园区\t市教育局\t12000"]
    ofd = second["decision.ofd"]
    assert (ofd["media_type"], ofd["pages"], lines(ofd["text"])) == ("application/ofd", 2, sum(OFD_PAGES, []))
    for attachment in [*first.values(), *second.values()]:
        assert attachment["status"] == "ok" and attachment["error"] is None, attachment["url"]
        assert len(attachment["sha256"]) == 64 and attachment["size"] > 0


def test_zip_members_read_recursively_names_never_written(crawled):
    workspace, _, records, _, outside_before = crawled
    bundle = by_name(records["202406/t20240603_3.html"])["bundle.zip"]
    assert bundle["status"] == "ok"
    assert lines(bundle["text"]) == ["【说明.txt】", "压缩包内的说明文字",  # a GBK name without the UTF-8 flag
                                     "【内层.zip】", "【进度表.pdf】", "压缩包内层的PDF文本",
                                     "【../../escape-govarchive.txt】", "路径穿越的文件名"]
    # nothing extracted anywhere: the `../` member is a label only, the workspace outside data/ is as it was
    outside_after = sorted(p.relative_to(workspace.tmp) for p in workspace.tmp.rglob("*")
                           if "data" not in p.relative_to(workspace.tmp).parts)
    assert outside_after == sorted(outside_before + [workspace.tmp.joinpath("export.jsonl").relative_to(workspace.tmp)])
    assert not list(workspace.tmp.rglob("escape-govarchive.txt"))
    for folder in (workspace.tmp.parent, ROOT, ROOT.parent):  # where `../../` from the data folder or cwd lands
        assert not (folder / "escape-govarchive.txt").exists()


def test_cover_notes_carry_their_attachments_text(crawled):
    _, _, records, _, _ = crawled
    note = records["202406/t20240601_1.html"]
    assert note["body"] == "各有关单位：\n现将2024年重点项目进度表印发给你们，请遵照执行。"  # 附件： trimmed
    assert note["full_text"] == "\n\n".join(
        [note["body"]] + [f"【{a['name']}】\n{a['text']}" for a in note["attachments"]])
    assert "示例市交通运输局关于下达2024年农村公路建设计划的通知" in note["full_text"]
    # a document whose page is the document itself: its annex stays out of its text
    regulation = records["202406/t20240604_4.html"]
    assert len(regulation["body"]) > 300 and regulation["full_text"] == regulation["body"]


def test_a_file_linked_twice_is_stored_once(crawled):
    workspace, _, records, _, _ = crawled
    shared = by_name(records["202406/t20240603_3.html"])["shared.pdf"]
    copy = by_name(records["202406/t20240604_4.html"])["shared-copy.pdf"]
    assert shared["sha256"] == copy["sha256"] and lines(copy["text"]) == [SHARED_PDF_TEXT]
    with Archive(workspace.db_url).session() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentFile)
                              .where(AttachmentFile.sha256 == shared["sha256"])) == 1
        links = session.scalars(select(Attachment).where(Attachment.url.like("%/shared%.pdf"))).all()
        assert len(links) == 2 and links[0].file_id == links[1].file_id
        # one row per distinct file fetched and read, whatever links it
        fetched = [a for r in records.values() for a in r["attachments"] if a["sha256"]]
        assert session.scalar(select(func.count()).select_from(AttachmentFile)) == len({a["sha256"] for a in fetched})


def test_hostile_files_are_marked_and_the_crawl_goes_on(crawled):
    workspace, _, records, crawl, _ = crawled
    assert len(records) == len(DOCUMENTS)
    hostile = by_name(records["202406/t20240605_5.html"])
    marks = {name: (a["status"], a["error"]) for name, a in hostile.items()}
    assert marks["scan.pdf"][0] == "no_text_layer" and hostile["scan.pdf"]["pages"] == 3
    assert marks["secret.pdf"] == ("encrypted", "PDF encrypted with a password")
    assert marks["owner-only.pdf"] == ("ok", None)  # an owner password alone does not hide the text
    assert lines(hostile["owner-only.pdf"]["text"]) == ["加密文件内容：仅限内部使用"]
    assert marks["broken.pdf"][0] == "malformed" and "PDF not readable" in marks["broken.pdf"][1]
    assert marks["xxe.docx"] == ("refused", "word/document.xml: XML with a DOCTYPE (entity declarations) refused")
    assert marks["bomb.zip"][0] == "partial"
    assert "huge.bin: over 52428800 bytes uncompressed, not read" in marks["bomb.zip"][1]
    assert "209715200 bytes uncompressed read in all" in marks["bomb.zip"][1]
    assert marks["nested.zip"][0] == "partial" and "nested deeper than 3 levels" in marks["nested.zip"][1]
    assert marks["huge.pdf"] == ("too_large", f"over GOVARCHIVE_ATTACHMENT_MAX_BYTES ({MAX_BYTES} bytes): not downloaded")
    assert hostile["huge.pdf"]["sha256"] is None
    assert marks["missing-page.pdf"][0] == "unsupported" and "HTML page" in marks["missing-page.pdf"][1]
    assert marks["gone.pdf"] == ("gone", "HTTP 404")
    assert SECRET not in json.dumps(records, ensure_ascii=False)
    with Archive(workspace.db_url).session() as session:
        run = session.scalars(select(CrawlRun)).one()
        assert run.status == "finished" and run.stats["errors"] == 0
        assert run.stats["skipped_by_rule"] == {"too-large": 1}
        assert not session.scalars(select(Capture.id).where(Capture.url.like("%huge.pdf"))).all()
    assert "skipped by rule (too-large)" in crawl.stderr


def test_memory_stays_bounded(crawled):
    """The crawl, reading every file itself (the zip bomb's 240 MB, the nested archives), stays
    under 500 MB in all: the bounds, not the files, decide what reading costs."""
    _, _, _, crawl, _ = crawled
    assert crawl.peak_mb < 500, f"the crawl peaked at {crawl.peak_mb:.0f} MB"


def test_a_recrawl_costs_a_304_per_file(crawled):
    """An unchanged document asks for none of its files again; an edited one asks for its
    files conditionally, and an archived file answers 304: not downloaded again, nothing read
    changes."""
    workspace, site, records, _, _ = crawled  # the site still serves: the fixture holds it
    edited = COLUMN + "202406/t20240601_1.html"
    site.routes[edited] = Route(site.routes[edited].body.replace("请遵照执行。".encode(), "请遵照执行，按时报送。".encode()),
                                headers=site.routes[edited].headers)
    before = len(site.log)
    proc = workspace.crawl("attachments", "-a", "full=1")
    asked = [path.rsplit("/", 1)[-1] for _, path in site.log[before:] if "/files/" in path]
    assert sorted(asked) == ["budget.xlsx", "notice.pdf", "plan.docx"]  # the edited document's files only
    assert "'govarchive/attachments_unchanged': 3," in proc.stderr
    again = {r["url"].rsplit(COLUMN, 1)[-1]: r for r in workspace.export()}
    assert {p: r["attachments"] for p, r in again.items()} == {p: r["attachments"] for p, r in records.items()}
    assert again["202406/t20240601_1.html"]["full_text"].startswith("各有关单位：\n现将2024年重点项目进度表印发给你们，请遵照执行，按时报送。")


def test_reparse_reads_the_archived_files_again(crawled):
    workspace, _, _, _, _ = crawled
    records = {r["url"].rsplit(COLUMN, 1)[-1]: r for r in workspace.export()}
    assert sum(bool(a["text"]) for r in records.values() for a in r["attachments"]) == 11
    archive = Archive(workspace.db_url)
    with archive.session() as session:  # as an older reader, or none, would have left them
        files = session.scalar(select(func.count()).select_from(AttachmentFile))
        session.execute(update(AttachmentFile).values(text=None, status="ok", error=None, pages=None))
        session.execute(update(Document).values(full_text=None))
    archive.dispose()
    proc = workspace.scrapy("reparse", "--workers", "2")
    assert f"re-read {files} attachment files: {files} readings changed" in proc.stdout
    again = {r["url"].rsplit(COLUMN, 1)[-1]: r for r in workspace.export()}
    for path, record in records.items():
        assert again[path]["attachments"] == record["attachments"], path
        assert again[path]["full_text"] == record["full_text"], path


def test_reposts_are_told_by_the_attachment_not_the_cover_note(tmp_path):
    """Cover notes saying only 详见附件 are reposts of each other only when their attachments
    are: repost detection reads full_text."""
    import hashlib

    from pipeline.attachments import AttachmentText
    from pipeline.record import DocumentRecord
    from storage.archive import store_document
    from storage.attachments import store_file
    from storage.dedup import link_reposts

    plan = "示例市2024年度重点工作任务分解方案：一、推进营商环境优化，压缩企业开办时间；二、完善政务服务事项清单。" * 4
    budget = "示例市2024年财政预算执行情况报告：一般公共预算收入完成年度预算的百分之五十二，政府性基金收入平稳增长。" * 4
    documents = [("city", "http://www.example.gov.cn/a.html", plan), ("news", "http://news.example.com/b.html", budget),
                 ("portal", "http://portal.example.com/c.html", plan)]
    archive = Archive(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
    for site, url, text in documents:
        file_url = url.replace(".html", ".pdf")
        record = DocumentRecord(url, title="关于印发工作要点的通知", body="详见附件。",
                                attachments=[{"name": "附件.pdf", "url": file_url}])
        with archive.session() as session:
            store_document(session, site=site, url=url, record=record, capture_id=None)
            store_file(session, url=file_url, sha256=hashlib.sha256(text.encode()).hexdigest(), size=len(text),
                       capture_id=None, reading=AttachmentText(text, 1, media_type="application/pdf"))
    link_reposts(archive)
    with archive.session() as session:
        docs = {d.url: d for d in session.scalars(select(Document))}
        assert docs["http://news.example.com/b.html"].duplicate_of_id is None  # same note, another document
        assert docs["http://portal.example.com/c.html"].duplicate_of_id == docs["http://www.example.gov.cn/a.html"].id
        assert docs["http://portal.example.com/c.html"].full_text == f"详见附件。\n\n【附件.pdf】\n{plan}"
    archive.dispose()


def test_the_docx_parser_itself_resolves_no_entities(tmp_path):
    """Beneath the DOCTYPE refusal, python-docx's own parser would not read the file either."""
    import io

    import docx

    from tests.attachment_files import xxe_docx

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(xxe_docx(str(secret)))).paragraphs)
    assert "外部实体测试" in text and SECRET not in text


def test_every_bound_of_a_reading_is_said():
    """Members per archive, cells per workbook, characters per file, seconds per reading: past
    each, what was read is kept (a reading stopped by its time keeps nothing) and the bound is named."""
    from pipeline.attachments import Limits, read_attachment
    from tests.attachment_files import pdf, xlsx_bytes, zip_bytes

    archive = zip_bytes([(f"{n}.txt", f"第{n}份说明".encode()) for n in range(5)])
    few = read_attachment(archive, "a.zip", Limits(zip_members=2))
    assert (few.status, few.error) == ("partial", "5 members, only the first 2 read")
    assert lines(few.text) == ["【0.txt】", "第0份说明", "【1.txt】", "第1份说明"]
    sheet = read_attachment(xlsx_bytes(), "b.xlsx", Limits(sheet_cells=3))
    assert (sheet.status, sheet.error, lines(sheet.text)) == ("partial", "stopped after 3 cells",
                                                              ["【预算表】", "科目\t金额（万元）"])
    cut = read_attachment("政府信息公开工作年度报告".encode(), "c.txt", Limits(max_chars=6))
    assert (cut.status, cut.error, cut.text) == ("partial", "text cut at 6 characters", "政府信息公开")
    slow = read_attachment(pdf([f"第{n}页" for n in range(40)]), "d.pdf", Limits(seconds=0.001))
    assert (slow.status, slow.error, slow.media_type) == ("timed_out", "reading took over 0.001 s: stopped",
                                                          "application/pdf")
