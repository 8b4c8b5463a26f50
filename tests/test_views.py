"""The archive seen from the command line after a real crawl of the example site on 127.0.0.1:
`scrapy show URL`, `scrapy stats`, and the site handed out as a WACZ — validated by `wacz
validate` and replayed by pywb on loopback."""
from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from storage.captures import WarcStore
from storage.db import Archive
from storage.overview import document_details, lookup, site_overview
from tests.conftest import Workspace
from tests.sitekit import FixtureSite, example_routes
from tests.test_end_to_end import COL, EXPECTED, crawl_example

NOTICE = COL + "202405/t20240520_7001.html"  # 示例市朱镕基路交通管制通告（2024年第3号）


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    with FixtureSite(example_routes()) as site:
        workspace, site, _ = crawl_example(Workspace(tmp_path_factory.mktemp("views")), site)
        yield workspace, site.base


def test_show_every_field_readable(crawled):
    workspace, base = crawled
    out = workspace.scrapy("show", base + NOTICE).stdout
    fields = EXPECTED[NOTICE]
    for label, name in (("index_no (索引号)", "index_no"), ("publisher (发文机关)", "publisher"),
                        ("doc_no (发文字号)", "doc_no"), ("written_at (成文日期)", "written_at"),
                        ("published_at (发布日期)", "published_at"), ("subject (主题分类)", "subject"),
                        ("validity (有效性)", "validity"), ("column (栏目)", "column")):
        assert f"  {label:<24}{fields[name]}\n" in out, label
    assert out.startswith("document ") and fields["title"] in out.splitlines()[0]
    assert "  status                  live\n" in out and "versions (1):" in out and ".warc.gz @ " in out
    assert "text (" in out and "交通管制" in out.split("text (")[1]
    missing = workspace.scrapy("show", base + "/nowhere.html", check=False)
    assert missing.returncode == 2 and missing.stderr == f"error: {base}/nowhere.html: no archived document has this URL (or id)\n"


def test_show_details_point_at_the_capture(crawled):
    workspace, base = crawled
    archive = Archive(workspace.db_url)
    with archive.session() as session:
        record = document_details(session, lookup(session, base + NOTICE))
        assert lookup(session, str(record["id"])).url == record["url"]
    archive.dispose()
    capture = record["history"][0]["capture"]
    stored = WarcStore(workspace.data / "warc").read(capture["warc_file"], capture["offset"])
    assert stored.url == base + NOTICE and stored.status == capture["status"] == 200
    assert record["reposts"] == [] and record["duplicate_of"] is None


def test_stats_per_site(crawled):
    workspace, _ = crawled
    archive = Archive(workspace.db_url)
    with archive.session() as session:
        [example] = site_overview(session, ["example"])
    archive.dispose()
    assert (example.site, example.documents, example.live, example.gone) == ("example", len(EXPECTED), len(EXPECTED), 0)
    assert example.last_run["status"] == "finished" and example.last_run["new"] == len(EXPECTED)
    lines = workspace.scrapy("stats").stdout.splitlines()
    assert lines[0].split() == ["site", "documents", "live", "gone", "reposts", "last", "run"]
    row = lines[2]
    assert row.split()[:5] == ["example", str(len(EXPECTED)), str(len(EXPECTED)), "0", "0"]
    assert "finished " in row and f"{len(EXPECTED)} new, 0 changed, 0 gone, 0 errors" in row


@pytest.fixture(scope="module")
def wacz_file(crawled):
    pytest.importorskip("wacz", reason="the wacz package (the export extra) is not installed")
    workspace, _ = crawled
    out = workspace.tmp / "example.wacz"
    proc = workspace.scrapy("export", "-o", str(out), "--site", "example")
    assert proc.stderr.startswith("packed ") and f"({len(EXPECTED)} documents) of example" in proc.stderr
    return out


def test_wacz_is_valid(wacz_file, crawled):
    from wacz.main import main as wacz_main  # `wacz validate -f FILE`, in this process

    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        code = wacz_main(["validate", "-f", str(wacz_file)])
    assert code == 0 and "the passed WACZ is valid" in said.getvalue(), said.getvalue()
    with zipfile.ZipFile(wacz_file) as z:
        names = z.namelist()
        pages = [json.loads(line) for line in z.read("pages/pages.jsonl").decode().splitlines()]
        warcs = [n for n in names if n.startswith("archive/")]
        index = gzip.decompress(z.read("indexes/index.cdx.gz")).decode()
    assert "datapackage.json" in names and len(warcs) == 1
    _, base = crawled
    assert sorted(p["url"] for p in pages[1:]) == sorted(base + path for path in EXPECTED)
    assert "t20240520_7001.html" in index


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_wacz_replays_in_pywb(wacz_file, crawled, tmp_path):
    """pywb, as an archivist would run it: a collection made from the WACZ, served on loopback;
    a document's capture comes back as archived."""
    pytest.importorskip("pywb", reason="pywb (a test dependency) is not installed")
    workspace, base = crawled
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    subprocess.run([bin_dir / "wb-manager", "init", "govarchive"], cwd=tmp_path, env=env, check=True,
                   capture_output=True, timeout=120)
    subprocess.run([bin_dir / "wb-manager", "add", "--unpack-wacz", "govarchive", str(wacz_file)], cwd=tmp_path, env=env, check=True,
                   capture_output=True, timeout=120)
    port = free_port()
    server = subprocess.Popen([bin_dir / "wayback", "--bind", "127.0.0.1", "--port", str(port)], cwd=tmp_path, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/govarchive/2030id_/{base + NOTICE}"  # id_: the capture as archived
        body, deadline = None, time.monotonic() + 60
        while body is None:
            try:
                with urllib.request.urlopen(url, timeout=10) as answer:
                    body = answer.read()
            except (ConnectionError, urllib.error.URLError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)  # pywb still starting
    finally:
        server.terminate()
        server.wait(timeout=30)
    archive = Archive(workspace.db_url)
    with archive.session() as session:
        capture = document_details(session, lookup(session, base + NOTICE))["history"][0]["capture"]
    archive.dispose()
    assert body == WarcStore(workspace.data / "warc").read(capture["warc_file"], capture["offset"]).body
    assert "交通管制".encode("gb2312") in body  # the page as served: GB2312, not rewritten
