"""A bad data folder, archive, option or output is one line on stderr and a non-zero exit, from
every command (`scrapy crawl`, `scrapy export`, `scheduler.py status` and `run`), never a
traceback; and `export` writes what it says, where it says."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline import extract
from storage.archive import store_document
from storage.db import Archive
from tests.conftest import ROOT
from tests.platforms import plain_detail
from tests.test_sites_config import _one_line_error


def commands(workspace, env):
    scrapy = [sys.executable, "-m", "scrapy"]
    for args in (scrapy + ["crawl", "gov", "-a", "site=alpha"], scrapy + ["export", "-o", str(workspace.tmp / "o.jsonl")],
                 [sys.executable, "scheduler.py", "status"], [sys.executable, "scheduler.py", "run", "alpha"]):
        yield " ".join(args[1:4]), subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("case", ["data-not-a-folder", "data-cannot-be-made", "not-a-database"])
def test_bad_data_folder_or_archive(workspace, case):
    workspace.configure(alpha=["http://127.0.0.1:9/"])
    env = dict(workspace.env)
    del env["GOVARCHIVE_DB"]  # the archive where it is by default: in the data folder
    if case == "data-not-a-folder":
        (workspace.tmp / "file").write_text("not a folder")
        env["GOVARCHIVE_DATA"] = str(workspace.tmp / "file" / "data")
        expected = f"error: GOVARCHIVE_DATA: cannot create {workspace.tmp}/file/data: Not a directory"
    elif case == "data-cannot-be-made":
        env["GOVARCHIVE_DATA"] = "/proc/govarchive-test/data"  # not even root makes folders in /proc
        expected = "error: GOVARCHIVE_DATA: cannot create /proc/govarchive-test/data: No such file or directory"
    else:
        (workspace.tmp / "notdb.sqlite3").write_bytes(b"these bytes are no SQLite database" * 40)
        env["GOVARCHIVE_DB"] = f"sqlite:///{workspace.tmp}/notdb.sqlite3"
        expected = (f"error: GOVARCHIVE_DB: cannot open archive 'sqlite:///{workspace.tmp}/notdb.sqlite3': "
                    "file is not a database")
    for command, proc in commands(workspace, env):
        assert (command, _one_line_error(proc)) == (command, expected)
        assert proc.returncode == 2, command


def test_misspelt_option(workspace):
    workspace.configure(alpha=["http://127.0.0.1:9/"])
    proc = workspace.crawl("alpha", "-a", "colum=http://127.0.0.1:9/x/", check=False)
    assert proc.returncode == 2
    assert _one_line_error(proc) == ("error: -a colum=http://127.0.0.1:9/x/: unknown option (did you mean column? "
                                     "options: site, sites_file, full, column, url, since, trigger)")


def test_bad_site_setting_value_before_the_crawl_starts(workspace):
    workspace.write_sites("sites:\n  - name: alpha\n    start_urls: [http://127.0.0.1:9/]\n"
                          "    settings: {DOWNLOAD_DELAY: fast}\n")
    assert _one_line_error(workspace.crawl("alpha", check=False)) == (
        f"error: {workspace.sites_file}: site 'alpha': field 'settings.DOWNLOAD_DELAY': 'fast' is not a number")


def test_export_refuses_a_name_it_would_not_honour(workspace):
    workspace.configure(alpha=["http://127.0.0.1:9/"])
    proc = workspace.scrapy("export", "-o", str(workspace.tmp / "out.xlsx"), check=False)
    assert (proc.returncode, _one_line_error(proc)) == (2, f"error: -o {workspace.tmp}/out.xlsx: name the file .jsonl, "
                                                           ".jl, .ndjson (JSON lines), .csv, .parquet, .wacz (a site's "
                                                           "web archive) or use - for JSON lines on stdout")
    assert not (workspace.tmp / "out.xlsx").exists()


def test_export_to_a_pipe_closed_early(workspace):
    """`export -o - | head -1`: the reader stops; the export ends quietly."""
    workspace.configure(alpha=["http://127.0.0.1:9/"])
    archive = Archive(workspace.db_url)
    for n in range(300):  # far more than a pipe holds
        url = f"http://127.0.0.1:9/t20240601_{n}.html"
        with archive.session() as session:
            store_document(session, site="alpha", url=url, record=extract(plain_detail(n, f"文件{n}") * 20, url),
                           capture_id=None)
    archive.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "scrapy", "export", "-o", "-"], cwd=ROOT, env=workspace.env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=60)
    assert first.startswith(b'{"url": "http://127.0.0.1:9/t20240601_0.html"')
    assert (proc.returncode, stderr.decode()) == (0, "")
