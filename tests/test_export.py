"""`scrapy export` for analysts: JSON lines, CSV or Parquet by the file's ending, filtered by
发布日期, site and column; Parquet with typed columns."""
from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from pipeline.record import DocumentRecord
from storage.archive import mark_gone, store_document
from storage.db import Archive
from storage.export import write_csv, write_jsonl, write_parquet

pa = pytest.importorskip("pyarrow", reason="pyarrow (the export extra) is not installed")
import pyarrow.parquet as pq  # noqa: E402

DOCS = [  # site, path, title, published_at, column, doc_no
    ("zj-jt", "a/1.html", "关于春运期间交通管制的通告", "2024-01-10T09:30", "首页 > 政务公开 > 通知公告", "浙交〔2024〕12号"),
    ("zj-jt", "a/2.html", "2024年交通运输工作要点", "2024-03-01", "首页 > 政务公开 > 计划总结", None),
    ("zj-jt", "a/3.html", "2023年工作总结", "2023-12-28", "首页 > 政务公开 > 计划总结", None),
    ("zj-jt", "a/4.html", "无日期的旧文件", None, "首页 > 政务公开 > 其他", None),
    ("hz-gov", "b/1.html", "关于道路交通管制的通告", "2024-06-01", "首页 > 通知公告", "杭公交〔2024〕5号"),
]


@pytest.fixture
def archive(workspace):
    workspace.configure(**{"zj-jt": ["http://jtyst.zj.gov.cn/"], "hz-gov": ["http://www.hangzhou.gov.cn/"]})
    archive = Archive(workspace.db_url)
    with archive.session() as session:
        for site, path, title, day, column, doc_no in DOCS:
            url = f"http://{site}.example.gov.cn/{path}"
            store_document(session, site=site, url=url, capture_id=None,
                           record=DocumentRecord(url, title=title, published_at=day, written_at=day and day[:10],
                                                 column=column, doc_no=doc_no, body=f"{title}。全文，含“引号”, 逗号。",
                                                 attachments=[{"name": "附件1.pdf", "url": f"{url}.pdf"}]))
        mark_gone(session, "http://zj-jt.example.gov.cn/a/3.html")
    yield archive
    archive.dispose()


def titles(records) -> list[str]:
    return [r["title"] for r in records]


def test_filters_by_day_site_and_column(archive, tmp_path):
    out = tmp_path / "x.jsonl"
    write_jsonl(archive, str(out), site="zj-jt", since="2024-01-01", until="2024-01-10")
    assert titles(map(json.loads, out.read_text("utf-8").splitlines())) == ["关于春运期间交通管制的通告"]  # a time of day on the last day counts
    write_jsonl(archive, str(out), since="2024-01-11")
    assert titles(map(json.loads, out.read_text("utf-8").splitlines())) == ["2024年交通运输工作要点", "关于道路交通管制的通告"]
    write_jsonl(archive, str(out), column="计划总结")
    assert titles(map(json.loads, out.read_text("utf-8").splitlines())) == ["2024年交通运输工作要点", "2023年工作总结"]


def test_csv_opens_in_a_spreadsheet(archive, tmp_path):
    out = tmp_path / "x.csv"
    assert write_csv(archive, str(out), site="zj-jt") == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    assert [r["title"] for r in rows] == ["关于春运期间交通管制的通告", "2024年交通运输工作要点", "2023年工作总结", "无日期的旧文件"]
    first = rows[0]
    assert first["body"] == "关于春运期间交通管制的通告。全文，含“引号”, 逗号。" and first["doc_no"] == "浙交〔2024〕12号"
    assert [{k: a[k] for k in ("name", "url", "status")} for a in json.loads(first["attachments"])] == [
        {"name": "附件1.pdf", "url": "http://zj-jt.example.gov.cn/a/1.html.pdf", "status": "not_fetched"}]
    assert rows[2]["status"] == "gone" and rows[3]["published_at"] == ""


def test_parquet_has_typed_columns(archive, tmp_path):
    out = tmp_path / "x.parquet"
    assert write_parquet(archive, str(out), versions=True) == 5
    table = pq.read_table(out)
    assert table.schema.field("published_at").type == pa.date32()
    assert table.schema.field("written_at").type == pa.date32()
    assert table.schema.field("first_seen").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("versions").type == pa.int32()
    assert table.schema.field("urls").type == pa.list_(pa.string())
    rows = table.to_pylist()
    assert rows[0]["published_at"] == dt.date(2024, 1, 10) and rows[3]["published_at"] is None
    assert [{k: a[k] for k in ("name", "url", "status")} for a in rows[0]["attachments"]] == [
        {"name": "附件1.pdf", "url": "http://zj-jt.example.gov.cn/a/1.html.pdf", "status": "not_fetched"}]
    assert table.schema.field("attachments").type.value_type.field("pages").type == pa.int32()
    assert rows[2]["gone_at"].tzinfo is not None and json.loads(rows[0]["history"])[0]["record"]["title"] == rows[0]["title"]
    # an empty selection is an empty table with the same columns, not a missing file
    assert write_parquet(archive, str(out), site="hz-gov", since="2030-01-01", versions=True) == 0
    empty = pq.read_table(out)
    assert empty.num_rows == 0 and empty.schema.names == table.schema.names


def test_export_command_by_extension(archive, workspace):
    out = workspace.tmp / "zj.parquet"
    proc = workspace.scrapy("export", "-o", str(out), "--site", "zj-jt", "--since", "2024-01-01", "--column", "计划总结")
    assert proc.stderr.strip() == f"exported 1 documents to {out}"
    assert pq.read_table(out).column("title").to_pylist() == ["2024年交通运输工作要点"]
    proc = workspace.scrapy("export", "-o", str(workspace.tmp / "x.csv"), "--site", "zj-jtt", check=False)
    assert proc.returncode == 2 and proc.stderr.strip() == (
        "error: --site zj-jtt: no such site (archived: hz-gov, zj-jt; configured: hz-gov, zj-jt)")
    assert not (workspace.tmp / "x.csv").exists()
