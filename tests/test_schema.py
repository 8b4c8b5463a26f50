"""The alembic migrations are the schema: they build exactly the models' tables, and an archive
made by the first schema upgrades in place, keeping its records."""
from __future__ import annotations

import subprocess
import sys

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from storage.db import Archive, alembic_config
from storage.dedup import link_reposts
from storage.export import iter_documents
from storage.models import Base, made_on
from storage.search import search_tables
from tests.conftest import ROOT
from tests.test_postgres import throwaway_database

BODY = "为进一步优化营商环境，激发市场主体活力，经市政府同意，现就进一步做好涉企服务工作通知如下。" * 3


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'archive.sqlite3'}"
        return
    with throwaway_database() as url:
        yield url


def test_migrations_build_exactly_the_models(database_url):
    archive = Archive(database_url)
    with archive.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": search_tables,
                                                               "include_object": made_on(connection.dialect.name)})
        differences = compare_metadata(context, Base.metadata)
    archive.dispose()
    assert differences == []


def test_first_schema_upgrades_in_place(database_url):
    engine = create_engine(database_url)
    cfg = alembic_config(database_url)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")
        for n, (url, body) in enumerate([("http://www.example.gov.cn/t1.html", BODY),
                                         ("http://news.example.com/a/1.html", BODY + "转自网络。")], start=1):
            connection.execute(text(
                "INSERT INTO documents (id, site, url, title, body, content_hash, status, first_seen, last_seen) "
                "VALUES (:id, 'old', :url, '通知', :body, :hash, 'live', '2024-06-07 00:00:00', '2024-06-07 00:00:00')"),
                {"id": n, "url": url, "body": body, "hash": f"{n:064d}"})
    engine.dispose()
    archive = Archive(database_url)  # upgrades to the newest schema on opening
    with archive.engine.connect() as connection:
        head = ScriptDirectory.from_config(cfg).get_current_head()
        assert MigrationContext.configure(connection).get_current_revision() == head != "0001"
    assert link_reposts(archive).linked == 1  # the new tables work on the old records
    records = {r["url"]: r for r in iter_documents(archive)}
    assert records["http://news.example.com/a/1.html"]["duplicate_of"] == "http://www.example.gov.cn/t1.html"
    archive.dispose()


def test_processes_opening_a_new_archive_at_once_all_get_it(database_url):
    """The scheduler starts several crawls together; each opens (and so upgrades) the archive.
    Without a lock around the upgrade, all but one died with 'table … already exists'."""
    code = f"from storage.db import Archive; Archive({database_url!r}).dispose()"
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for _ in range(6)]
    errors = [p.communicate()[1].strip().splitlines()[-1:] for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, errors
