"""The read-only web app (`python -m web`) over an archive really crawled from a loopback site:
pages over plain HTTP, the archive left unchanged, captures that cannot run or fetch anything,
and a real headless Chromium clicking through sites, a run, a document, its capture, search.

The archive: the example site, with a second column holding a hostile document (scripts, remote
images, stylesheets, a frame and a link, each of which would call the loopback site back),
crawled by `scheduler.py run` (a run with its log file); the hostile document edited on the site
and crawled again with `-a url=` (a second version); a portal's copy of one notice (a repost).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import fields
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from pipeline.record import DocumentRecord
from storage.db import Archive, ArchiveError
from storage.models import CrawlRun, Document
from tests.conftest import ROOT, Workspace
from tests.sitekit import FixtureSite, Route, example_routes, html
from tests.test_end_to_end import COL, EXPECTED

NOTICES = "/xxgk/tzgg/"  # a second column of the example site, holding the hostile page
HOSTILE = "/xxgk/tzgg/202406/t20240610_5001.html"
BEACONS = ("/beacon-",)  # every path the hostile page would call back starts so
SITE = "http://127.0.0.1:{{PORT}}"  # the site serving it (sitekit fills in the port)
PHRASE = "夜间施工噪声管理"  # in the hostile document's text only
SCRIPT_MARK = "script-ran"
NOTICE = "202405/t20240520_7001.html"  # the example's 交通管制 notice
REPOST = "/news/a/123.html"  # a portal's copy of it


def hostile_page(edition: str) -> bytes:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例市关于{PHRASE}的通知</title>
<link rel="stylesheet" href="{SITE}/beacon-css.css"><link rel="stylesheet" href="/beacon-css.css">
<script>document.documentElement.setAttribute("data-{SCRIPT_MARK}", "yes");
new Image().src = "{SITE}/beacon-script-img.png"; fetch("{SITE}/beacon-script-fetch");</script>
<script src="{SITE}/beacon-script.js"></script>
</head><body>
<div class="xxgk"><table><tr><td>索引号：</td><td>11350100MB0000009Z/2024-00999</td>
<td>发布日期：</td><td>2024-06-10</td></tr><tr><td>发文机关：</td><td>示例市生态环境局</td></tr></table></div>
<h1>示例市关于{PHRASE}的通知</h1>
<div class="article-content">
<p>为加强{PHRASE}，保障市民休息，现就有关事项通知如下。</p>
<p>一、夜间二十二时至次日六时，禁止在居民区周边进行产生噪声的建筑施工作业。</p>
<p>二、因抢修、抢险作业确需夜间施工的，施工单位应当提前公告附近居民。</p>
<p>{edition}</p>
<img src="{SITE}/beacon-img.png" alt=""><img src="/beacon-img.png" alt="">
<iframe src="{SITE}/beacon-frame.html"></iframe>
<p><a id="away" href="{SITE}/beacon-link.html">原文链接</a></p>
<p>示例市生态环境局</p><p>2024年6月10日</p>
</div></body></html>""".encode("utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebServer:
    """`python -m web` in its own process on a free loopback port."""

    def __init__(self, archive: str, data: Path, sites: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "web", "--port", str(self.port), "--archive", archive, "--data", str(data),
             "--sites", str(sites)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"python -m web exited {self.process.returncode}: {self.process.stderr.read()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise AssertionError("python -m web did not listen within 30 s")

    def get(self, path: str) -> tuple[int, dict, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class InlineWorkspace(Workspace):
    """Crawls that extract in their own process: a pool of workers costs more than it saves on
    a dozen pages."""

    @property
    def env(self) -> dict[str, str]:
        return dict(super().env, GOVARCHIVE_EXTRACT_WORKERS="0")


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    """The example site and the hostile document, crawled into one SQLite archive; the site
    keeps serving (its request log shows whether anything called back)."""
    routes = example_routes()
    routes[HOSTILE] = html(hostile_page("第一版。"))
    notice = routes[COL + NOTICE].body  # reposted on a portal, with its disclaimer
    routes[REPOST] = Route(notice.replace(b"</body>", "<p>免责声明：本文转自网络，仅供参考。</p></body>".encode("gbk")),
                           headers={"Content-Type": "text/html"})
    routes[NOTICES] = html(f"<html><head><meta charset='utf-8'><title>通知公告</title></head><body><ul class='list'>"
                           f"<li><a href='{HOSTILE}'>示例市关于{PHRASE}的通知</a><span>2024-06-10</span></li>"
                           "</ul></body></html>".encode("utf-8"))
    workspace = InlineWorkspace(tmp_path_factory.mktemp("web"))
    with FixtureSite(routes) as site:
        workspace.configure(example=[site.base + COL, site.base + NOTICES], portal=[site.base + "/news/"])
        run = subprocess.run([sys.executable, "scheduler.py", "run", "example"], cwd=ROOT, env=workspace.env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr[-2000:]
        routes[HOSTILE] = html(hostile_page("三、本通知自发布之日起施行。"))  # the site edits it
        workspace.crawl("example", "-a", f"url={site.base}{HOSTILE}")
        workspace.crawl("portal", "-a", f"url={site.base}{REPOST}")
        yield workspace, site


@pytest.fixture(scope="module")
def web(archived):
    workspace, _ = archived
    server = WebServer(workspace.db_url, workspace.data, workspace.sites_file)
    yield server
    server.stop()


def doc_id(workspace, path_end: str) -> int:
    archive = Archive(workspace.db_url, read_only=True)
    with archive.session() as session:
        found = session.scalar(select(Document.id).where(Document.url.endswith(path_end)))
    archive.dispose()
    assert found is not None, path_end
    return found


def beacon_calls(site) -> list[str]:
    return [path for path in site.paths() if path.startswith(BEACONS)]


# --- over plain HTTP ---------------------------------------------------------------------------

def test_never_writes_to_the_archive(archived, web):
    workspace, _ = archived
    database = Path(urlsplit(workspace.db_url.replace("sqlite:///", "file:///")).path)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    hostile = doc_id(workspace, HOSTILE)
    for path in ("/sites", "/runs", "/runs/1", "/documents", "/documents?reposts=reposted", f"/documents/{hostile}",
                 "/captures/1", "/captures/1/raw", "/search?q=" + quote(PHRASE)):
        assert web.get(path)[0] == 200, path
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    # and a write through the app's way of opening the archive is refused by SQLite itself
    archive = Archive(workspace.db_url, read_only=True)
    with pytest.raises(DBAPIError, match="readonly|read-only|query_only"):
        with archive.session() as session:
            session.execute(insert(CrawlRun).values(site="x", trigger="manual", status="running", stats={}))
    archive.dispose()
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_sites_page(archived, web):
    status, headers, page = web.get("/sites")
    assert status == 200 and "script-src" not in headers["content-security-policy"]
    assert "<code>0 3 * * *</code> (Asia/Shanghai)" in page
    assert 'class="next-run">20' in page  # a next fire time
    assert '<td class="family"><a href="/captures/' in page and ">trs</a>" in page  # the column's family
    assert page.count('class="run-link"') == 3  # the example's two runs, the portal's one
    assert ">generic</a>" in page  # the second column's
    assert '<section class="site" id="site-portal">' in page


def test_run_page_shows_counts_and_its_log(archived, web):
    status, _, page = web.get("/runs/1")
    assert status == 200
    assert 'id="run-status">finished<' in page
    assert "Crawl summary for example: 17 pages fetched" in page and "documents 8 new / 0 changed" in page
    assert '<pre class="log" id="run-log">' in page and "Spider opened" in page  # the log file's text
    status, _, page = web.get("/runs/2")  # a crawl started by hand keeps no log of its own
    assert status == 200 and 'id="run-log-missing"' in page


def test_document_filters(archived, web):
    workspace, site = archived
    total = lambda page: int(page.split('id="documents-total">')[1].split(" ")[0])  # noqa: E731
    everything = total(web.get("/documents")[2])
    assert everything == len(EXPECTED) + 2  # the example's documents, the hostile one, the portal's copy
    page = web.get("/documents?" + "publisher=" + quote("示例市交通运输局"))[2]
    assert total(page) == 1 and EXPECTED[COL + "202406/t20240607_4123456.html"]["title"] in page
    page = web.get("/documents?since=2024-05-20&until=2024-06-07")[2]
    titles = {EXPECTED[COL + p]["title"] for p in ("202406/t20240607_4123456.html", "202405/t20240520_7001.html")}
    assert all(t in page for t in titles)
    assert total(page) == 3  # and the portal's copy of the notice
    page = web.get("/documents?reposts=only")[2]
    assert total(page) == 1 and f'href="/documents/{doc_id(workspace, NOTICE)}">repost</a>' in page
    page = web.get("/documents?reposts=reposted")[2]
    assert total(page) == 1 and EXPECTED[COL + NOTICE]["title"] in page
    assert total(web.get("/documents?reposts=none")[2]) == everything - 1
    assert total(web.get("/documents?status=gone")[2]) == 0
    assert total(web.get("/documents?site=example&status=live")[2]) == everything - 1
    column = EXPECTED[COL + NOTICE]["column"]  # 计划总结: two of the example's and the copy
    assert total(web.get("/documents?column=" + quote(column))[2]) == 3
    assert total(web.get("/documents?site=portal&column=" + quote(column))[2]) == 1
    status, _, page = web.get("/documents?since=2024-13-01")
    assert status == 400 and "since: not a date (YYYY-MM-DD): &#39;2024-13-01&#39;" in page


def test_document_page_every_field_versions_urls_attachments(archived, web):
    workspace, _ = archived
    status, _, page = web.get(f"/documents/{doc_id(workspace, '202406/t20240607_4123456.html')}")
    assert status == 200
    for f in fields(DocumentRecord):
        if f.name not in ("body", "attachments"):
            assert f'class="field-{f.name}"' in page, f.name
    for value in EXPECTED[COL + "202406/t20240607_4123456.html"].values():
        assert str(value).replace(">", "&gt;") in page
    assert "P020240607001.pdf" in page and "archived copy" in page  # attachments
    status, _, page = web.get(f"/documents/{doc_id(workspace, HOSTILE)}")
    assert page.count('class="version"') == 2
    assert '<span class="add">+三、本通知自发布之日起施行。</span>' in page
    assert '<span class="del">-第一版。</span>' in page
    assert web.get("/documents/99999")[0] == 404
    notice, copy = doc_id(workspace, NOTICE), doc_id(workspace, REPOST)
    assert f'<a href="/documents/{copy}">' in web.get(f"/documents/{notice}")[2].split('id="reposts"')[1]
    assert f'<a href="/documents/{notice}">' in web.get(f"/documents/{copy}")[2].split('id="original"')[1]


def test_capture_served_inert(archived, web):
    workspace, _ = archived
    archive = Archive(workspace.db_url, read_only=True)
    with archive.session() as session:
        capture_id = session.scalar(text("SELECT id FROM captures WHERE url LIKE :u ORDER BY id"), {"u": f"%{HOSTILE}"})
    archive.dispose()
    status, headers, body = web.get(f"/captures/{capture_id}/raw")
    assert status == 200 and "<script>" in body  # its scripts as archived: inert, not removed
    policy = [p.strip() for p in headers["content-security-policy"].split(";")]
    assert "sandbox" in policy and "default-src 'none'" in policy and "allow-scripts" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    status, _, page = web.get(f"/captures/{capture_id}")
    assert '<iframe id="capture-frame"' in page and 'sandbox=""' in page
    archive = Archive(workspace.db_url, read_only=True)
    with archive.session() as session:
        pdf = session.scalar(text("SELECT id FROM captures WHERE url LIKE '%.pdf'"))
    archive.dispose()
    request = urllib.request.urlopen(f"{web.base}/captures/{pdf}/raw", timeout=30)
    assert request.headers["content-disposition"] == 'attachment; filename="P020240607001.pdf"'
    assert request.headers["content-type"] == "application/octet-stream" and request.read().startswith(b"%PDF")
    assert '<iframe' not in web.get(f"/captures/{pdf}")[2]  # a file is offered, not framed


def test_search_page(archived, web):
    pytest.importorskip("storage.search", reason="this version has no full-text search (storage.search)")
    workspace, _ = archived
    notice, copy = doc_id(workspace, NOTICE), doc_id(workspace, REPOST)
    page = web.get("/search?q=" + quote("示公交管〔2024〕3号"))[2]  # an exact 文号: its documents first
    first = page.split('class="hit-link"')[0]
    assert f'href="/documents/{notice}"' in first or f'href="/documents/{copy}"' in first
    page = web.get("/search?site=portal&q=" + quote("交通管制"))[2]
    assert f'href="/documents/{copy}"' in page and f'href="/documents/{notice}"' not in page
    page = web.get("/search?until=2024-06-09&q=" + quote(PHRASE))[2]  # it was published on the 10th
    assert "nothing found" in page
    assert web.get("/search?since=yesterday&q=x")[0] == 400


def test_bad_archive_is_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "web", "--archive", f"sqlite:///{tmp_path / 'none.sqlite3'}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "no archive at" in proc.stderr


def test_an_older_schema_is_not_upgraded_by_a_reader(tmp_path):
    from alembic import command

    from storage.db import alembic_config

    database = tmp_path / "an archive" / "archive.sqlite3"  # a space in the path, too
    database.parent.mkdir()
    url = f"sqlite:///{database}"
    command.upgrade(alembic_config(url), "0006")
    before = database.read_bytes()
    with pytest.raises(ArchiveError, match="has schema 0006, this version reads .*: a crawl or `scrapy export` upgrades it"):
        Archive(url, read_only=True)
    assert database.read_bytes() == before
    Archive(url).dispose()  # a writer upgrades it; then it reads
    Archive(url, read_only=True).dispose()


def test_read_only_on_postgres(tmp_path):
    """The same pages over PostgreSQL, where every transaction of the app is READ ONLY."""
    from pipeline import extract
    from storage.archive import store_document
    from tests.test_postgres import throwaway_database

    with throwaway_database() as url:
        writer = Archive(url)
        page = (Path(__file__).parent / "fixtures" / "example" / "detail_table.html").read_text("utf-8")
        record = extract(page, "http://www.example.gov.cn/t1.html")
        with writer.session() as session:
            stored = store_document(session, site="pg", url=record.url, record=record, capture_id=None)
            outside = CrawlRun(site="pg", trigger="manual", status="finished", stats={}, log_path=str(Path(__file__)))
            session.add(outside)
        writer.dispose()
        reader = Archive(url, read_only=True)
        with pytest.raises(DBAPIError, match="read-only transaction"):
            with reader.session() as session:
                session.execute(insert(CrawlRun).values(site="x", trigger="manual", status="running", stats={}))
        reader.dispose()
        (tmp_path / "sites.yaml").write_text(json.dumps({"sites": [{"name": "pg", "start_urls": ["http://www.example.gov.cn/"]}]}))
        server = WebServer(url, tmp_path / "data", tmp_path / "sites.yaml")
        try:
            assert "示例市朱镕基路交通管制通告" in server.get("/documents?site=pg")[2]
            assert "示公交管〔2024〕3号" in server.get(f"/documents/{stored.document_id}")[2]
            assert server.get("/sites")[0] == 200
            assert "is outside the data folder" in server.get(f"/runs/{outside.id}")[2]  # no file but its logs
        finally:
            server.stop()


# --- in a real browser --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser(archived):
    """Headless Chromium through chromedriver (Debian's chromium and chromium-driver), logging
    every network request it makes."""
    chromium, driver_path = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install -y chromium "
                    "chromium-driver; .ci/run does it): browser tests skipped")
    try:
        from selenium import webdriver
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]'): browser tests skipped")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--no-proxy-server"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    try:
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    except Exception as exc:  # noqa: BLE001 (a browser that cannot start here: say why)
        pytest.skip(f"headless Chromium could not start ({str(exc).splitlines()[0]}): browser tests skipped")
    driver.set_page_load_timeout(30)
    shots = archived[0].tmp / "screenshots"
    shots.mkdir(exist_ok=True)
    driver.shots = shots
    yield driver
    driver.quit()


APP_PATHS = ("/sites", "/runs", "/documents", "/captures/", "/search", "/style.css")


def network(driver) -> tuple[list[str], set[str]]:
    """Every URL the browser asked for since the last call, and those it did not send because
    a policy blocked them (Chrome's performance log: requestWillBeSent, loadingFailed)."""
    asked, urls, blocked = [], {}, set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            asked.append(params["request"]["url"])
            urls[params["requestId"]] = params["request"]["url"]
        elif message["method"] == "Network.loadingFailed" and params.get("blockedReason"):
            blocked.add(urls.get(params["requestId"], ""))
    return asked, blocked


def only_the_app_was_asked(driver, web) -> list[str]:
    """What the page asked for: the app's own pages, and nothing else that was not blocked."""
    asked, blocked = network(driver)
    for url in asked:
        own = url.startswith(web.base) and urlsplit(url).path.startswith(APP_PATHS)
        local = url.startswith("data:")  # the browser's own broken-image icon: nothing leaves it
        assert own or local or url in blocked, f"the browser requested {url[:200]}"
    return asked


def test_browser_sites_run_document_capture(archived, web, browser):
    from selenium.webdriver.common.by import By

    workspace, site = archived
    driver = browser
    driver.get(web.base + "/sites")
    section = driver.find_element(By.ID, "site-example")
    assert "0 3 * * *" in section.text and "trs" in section.find_element(By.CLASS_NAME, "family").text
    driver.save_screenshot(str(driver.shots / "1-sites.png"))

    runs = section.find_elements(By.CLASS_NAME, "run-link")
    next(link for link in runs if link.text == "1").click()  # the scheduler's run, with its log
    assert driver.find_element(By.ID, "run-status").text == "finished"
    assert "Crawl summary for example" in driver.find_element(By.ID, "run-log").text
    assert "new" in driver.find_element(By.ID, "run-counts").text
    driver.save_screenshot(str(driver.shots / "2-run.png"))

    driver.find_element(By.LINK_TEXT, "the site's documents").click()
    title = EXPECTED[COL + "202405/t20240520_7001.html"]["title"]
    driver.find_element(By.LINK_TEXT, title).click()
    assert driver.find_element(By.ID, "document-title").text == title
    metadata = driver.find_element(By.ID, "metadata").text
    assert "示公交管〔2024〕3号" in metadata and "11350100MB0000001Y/2024-00077" in metadata
    driver.save_screenshot(str(driver.shots / "3-document.png"))

    network(driver)  # from here on, every request the browser makes is looked at
    before = len(beacon_calls(site))
    driver.find_element(By.CLASS_NAME, "capture-link").click()
    frame = driver.find_element(By.ID, "capture-frame")
    driver.switch_to.frame(frame)
    assert "朱镕基路" in driver.find_element(By.TAG_NAME, "body").text  # the archived page, rendered
    driver.switch_to.default_content()
    driver.save_screenshot(str(driver.shots / "4-capture.png"))
    assert any(url.endswith("/raw") for url in only_the_app_was_asked(driver, web))
    assert len(beacon_calls(site)) == before


def test_browser_hostile_capture_runs_nothing_loads_nothing(archived, web, browser):
    from selenium.webdriver.common.by import By

    workspace, site = archived
    driver = browser
    driver.get(f"{web.base}/documents/{doc_id(workspace, HOSTILE)}")
    network(driver)
    before = len(beacon_calls(site))
    driver.find_elements(By.CLASS_NAME, "capture-link")[0].click()
    driver.switch_to.frame(driver.find_element(By.ID, "capture-frame"))
    assert PHRASE in driver.find_element(By.TAG_NAME, "body").text
    assert driver.find_element(By.TAG_NAME, "html").get_attribute(f"data-{SCRIPT_MARK}") is None
    driver.find_element(By.ID, "away").click()  # a link in the archived page leads nowhere
    assert PHRASE in driver.find_element(By.TAG_NAME, "body").text and len(driver.window_handles) == 1
    driver.switch_to.default_content()
    raw = driver.find_element(By.ID, "raw-link").get_attribute("href")
    driver.save_screenshot(str(driver.shots / "5-hostile-capture.png"))
    driver.get(raw)  # opened alone, not framed: the response's own CSP sandboxes it
    assert PHRASE in driver.find_element(By.TAG_NAME, "body").text
    assert driver.find_element(By.TAG_NAME, "html").get_attribute(f"data-{SCRIPT_MARK}") is None
    asked = only_the_app_was_asked(driver, web)
    assert any("beacon" in url for url in asked)  # the page did ask (and was refused)
    assert beacon_calls(site)[before:] == []  # nothing reached the site it came from


def test_browser_search_finds_the_document(archived, web, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    pytest.importorskip("storage.search", reason="this version has no full-text search (storage.search)")
    driver = browser
    driver.get(web.base + "/sites")
    box = driver.find_element(By.ID, "search-q")
    box.send_keys(PHRASE)
    driver.find_element(By.ID, "search-go").click()
    # the click submits a form: wait for the results page rather than read the old one under load
    hits = WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CLASS_NAME, "hit-link"))
    assert PHRASE in hits[0].text
    assert PHRASE.startswith(hits[0].find_elements(By.TAG_NAME, "mark")[0].text)  # the query's words marked
    driver.save_screenshot(str(driver.shots / "6-search.png"))
    hits[0].click()
    title = WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "document-title"))
    assert PHRASE in title[0].text
