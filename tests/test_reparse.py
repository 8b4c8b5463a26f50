"""`scrapy reparse` brings extraction fixes to archived documents from the WARC captures alone."""
from __future__ import annotations

from sqlalchemy import func, select

from storage.db import Archive
from storage.models import Document, DocumentVersion
from tests.sitekit import FixtureSite, example_routes
from tests.test_end_to_end import EXPECTED, crawl_example


def test_reparse_restores_records_offline(workspace):
    with FixtureSite(example_routes()) as site:
        crawl_example(workspace, site)
        base = site.base
    # the server is gone: re-parsing must not need the network
    archive = Archive(workspace.db_url)
    with archive.session() as session:  # what an older, buggy extractor would have stored
        for doc in session.scalars(select(Document)):
            doc.title, doc.doc_no = "坏标题", None
            for version in doc.versions:
                version.record = {**version.record, "title": "坏标题"}
                version.record_hash = "stale"
        versions_before = session.scalar(select(func.count(DocumentVersion.id)))
    proc = workspace.scrapy("reparse")
    # field by field: every stored title was wrong; the documents' doc_no lives on the
    # documents table only, so versions' records show no doc_no change
    assert proc.stdout.strip().splitlines() == ["reparsed 8 captures: 8 records changed, 7 documents updated",
                                                "  title: 8 records",
                                                # the example's two stand-in files, read as before
                                                "re-read 2 attachment files: 0 readings changed, "
                                                "0 documents' full text updated"]
    records = {r["url"].removeprefix(base): r for r in workspace.export()}
    for path, fields in EXPECTED.items():
        assert {k: records[path][k] for k in fields} == fields, path
    with archive.session() as session:
        assert session.scalar(select(func.count(DocumentVersion.id))) == versions_before  # no new versions
    again = workspace.scrapy("reparse", "--workers", "1", "--site", "example")
    assert again.stdout.strip().splitlines()[0] == "reparsed 8 captures: 0 records changed, 0 documents updated"
