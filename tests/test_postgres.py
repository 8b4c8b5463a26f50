"""The same archive code on PostgreSQL: crawl, recrawl, versions, gone, reparse, export.

Needs a PostgreSQL server: GOVARCHIVE_TEST_PG (an SQLAlchemy URL of a database where the
user may CREATE DATABASE), default postgresql+psycopg://postgres@127.0.0.1:5432/test. When it
is not reachable these tests are skipped, and the skip says so.
"""
from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import FAST
from tests.sitekit import ColumnSite, FixtureSite, example_routes
from tests.test_end_to_end import COL, EXPECTED

PG_URL = os.environ.get("GOVARCHIVE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextmanager
def throwaway_database() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped afterwards; skips the test, saying
    why, when PostgreSQL is not reachable."""
    try:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as conn:
            name = f"govarchive_test_{uuid.uuid4().hex[:12]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server, no driver, no permission: say which, and skip
        pytest.skip(f"PostgreSQL not reachable at {PG_URL} ({str(exc).splitlines()[0]}): PostgreSQL tests skipped")
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_workspace(workspace):
    with throwaway_database() as url:
        workspace.db_url = url
        yield workspace


def test_example_site_on_postgres(pg_workspace):
    ws = pg_workspace
    with FixtureSite(example_routes()) as site:
        ws.configure(example=[site.base + COL])
        ws.crawl("example")
        records = {r["url"].removeprefix(site.base): r for r in ws.export()}
        assert sorted(records) == sorted(EXPECTED)
        for path, fields in EXPECTED.items():
            assert {k: records[path][k] for k in fields} == fields, path
        proc = ws.crawl("example")
        assert "documents 0 new / 0 changed" in proc.stdout
    assert ws.scrapy("reparse").stdout.strip().splitlines() == [
        "reparsed 8 captures: 0 records changed, 0 documents updated",
        "re-read 2 attachment files: 0 readings changed, 0 documents' full text updated"]


def test_versions_and_gone_on_postgres(pg_workspace):
    ws = pg_workspace
    site = ColumnSite(2, 6, 3)
    with FixtureSite(site.routes()) as server:
        ws.write_sites(json.dumps({"sites": [{"name": "cols", "schedule": "0 3 * * *", "settings": FAST,
                                              "start_urls": [f"{server.base}/col{c}/" for c in range(2)]}]}))
        ws.crawl("cols")
        site.edit("c0d2", "（已更正）")
        site.remove("c1d5")
        server.routes = site.routes()
        proc = ws.crawl("cols", "-a", "full=1")
        assert "1 changed" in proc.stdout and "1 gone" in proc.stdout
        records = {r["url"].removeprefix(server.base): r for r in ws.export()}
    assert records[site.doc_path("c0d2")]["versions"] == 2
    assert records[site.doc_path("c1d5")]["status"] == "gone"
