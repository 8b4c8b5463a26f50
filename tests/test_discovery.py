"""Discovery on a whole portal of real markup served on 127.0.0.1 (tests.portal): `scrapy discover`
finds exactly its columns of documents and nothing of its navigation; `--write` puts them in the
sites file and keeps everything else in it; the crawl of that site archives each document once;
later crawls re-read the root (unchanged: one 304) and report the columns that appeared or
vanished, in the run record and `status`, until `--write` adopts them."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass

import pytest
from scrapy.http import HtmlResponse
from sqlalchemy import select

from crawler.discovery.links import page_links
from crawler.discovery.scope import Scope
from crawler.sites import load_sites
from storage.db import Archive
from storage.models import CrawlRun
from tests.conftest import ROOT as PROJECT
from tests.portal import MAP, ROOT, TREE_COLUMNS, Portal
from tests.sitekit import CORPUS, FixtureSite
from tests.test_sites_config import _one_line_error

FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")
# a few documents: no extraction processes to start, no repost or template pass (they fetch nothing)
LEAN = ("-s", "GOVARCHIVE_EXTRACT_WORKERS=0", "-s", "GOVARCHIVE_DEDUP_AFTER_CRAWL=False",
        "-s", "GOVARCHIVE_TEMPLATE_AFTER_CRAWL=False")
ROW = re.compile(r"^  (?P<path>\S.*)\n    (?P<url>\S+)  (?P<family>\w+), (?P<documents>\d+) documents on its first page, "
                 r"(?P<claims>claims [^,]+), newest (?P<newest>\S+)$", re.M)
SITES = """\
# the archive's sites; discovery must leave this comment where it is
sites:
  - name: other                 # a site written by hand
    start_urls:
      - http://127.0.0.1:9/xxgk/  # its only column
    schedule: "30 2 * * *"
"""


@dataclass(frozen=True)
class Row:
    path: str
    family: str
    documents: int
    claims: str
    newest: str


def discovered(stdout: str) -> dict[str, Row]:
    return {m["url"]: Row(m["path"], m["family"], int(m["documents"]), m["claims"], m["newest"])
            for m in ROW.finditer(stdout)}


@pytest.fixture
def portal():
    model = Portal()
    with FixtureSite(model.routes()) as server:
        yield model, server


def test_discover_write_crawl_and_keep_the_columns_current(portal, workspace):
    model, server = portal
    workspace.write_sites(SITES)
    proc = workspace.scrapy("discover", server.base + ROOT, "--name", "portal", "--write", *FAST)

    # exactly the portal's columns of documents, each as its first page says
    found = discovered(proc.stdout)
    assert set(found) == model.column_urls(server.base)
    for url, column in model.columns.items():
        row = found[server.base + url]
        assert (row.family, row.documents, row.claims, row.newest) == (
            column.family, len(column.first_page), column.claims, max(d.date for d in column.first_page)), url
        assert row.path.endswith(column.names[-1]) and all(name in row.path for name in column.names), row.path
    requested = {path.split("?")[0] for _, path in server.log}
    assert "/robots.txt" in requested
    assert not requested & set(model.off_limits)  # navigation, 政民互动, services, robots.txt, outside the root
    assert not requested & model.documents  # documents are not walked
    assert f"note: 1 pages skipped by rule (robots), first {server.base}{ROOT}zfwj/sfxm/" in proc.stdout
    assert not workspace.data.exists()  # nothing written: no archive, no WARC

    # --write: the site and its columns, the rest of the file as it was
    assert f"wrote site portal to {workspace.sites_file}: root and {len(model.columns)} start_urls" in proc.stdout
    assert workspace.sites_file.read_text(encoding="utf-8").startswith(SITES)
    site = load_sites(workspace.sites_file)["portal"]
    assert (site.root, set(site.start_urls)) == (server.base + ROOT, model.column_urls(server.base))

    # the crawl of what was written: every document of the portal, each fetched once
    first = len(server.log)
    workspace.crawl("portal", *LEAN, fast=True)
    fetched = Counter(path for method, path in server.log[first:] if method == "GET" and path in model.documents)
    assert fetched == Counter(model.documents)
    assert {r["url"].removeprefix(server.base) for r in workspace.export()} == model.documents
    assert last_run(workspace)["columns_appeared"] == last_run(workspace)["columns_vanished"] == []

    # the site changes: a column leaves the tree (its page stays), a department's map gains a channel
    changed = Portal(tree=[c for c in TREE_COLUMNS if c[0] != "zfwj/yjgl/"],
                     channels={**MAP, "ptzhsyqgaj": MAP["ptzhsyqgaj"] + ("财政预算、决算报告",)})
    server.routes = {**model.routes(), **changed.routes()}
    gone = model.column_urls(server.base) - changed.column_urls(server.base)
    new = changed.column_urls(server.base) - model.column_urls(server.base)
    assert len(gone) == len(new) == 1
    workspace.crawl("portal", *LEAN, fast=True)
    stats = last_run(workspace)
    assert (stats["root"], stats["columns_appeared"], stats["columns_vanished"]) == ("changed", sorted(new), sorted(gone))

    # unchanged since: the root costs one 304, and the report stands, in the run and in `status`
    first = len(server.log)
    workspace.crawl("portal", *LEAN, fast=True)
    stats = last_run(workspace)
    assert (stats["root"], stats["columns_appeared"], stats["columns_vanished"]) == ("unchanged", sorted(new), sorted(gone))
    assert [path for _, path in server.log[first:] if path.split("?")[0] in model.passages] == [ROOT]
    status = subprocess.run([sys.executable, "scheduler.py", "status"], cwd=PROJECT, env=workspace.env,
                            capture_output=True, text=True, timeout=60).stdout
    assert f"warning: 1 columns appeared under the site's root, not in its start_urls: {min(new)}" in status
    assert f"warning: 1 columns of its start_urls no longer under the site's root: {min(gone)}" in status

    # --write adopts them; the next crawl reads the new column and warns no more
    out = workspace.scrapy("discover", "--name", "portal", "--write", *FAST).stdout
    assert f"updated site portal in {workspace.sites_file}: 1 start_urls added, 1 removed" in out
    assert workspace.sites_file.read_text(encoding="utf-8").startswith(SITES)
    assert set(load_sites(workspace.sites_file)["portal"].start_urls) == changed.column_urls(server.base)
    workspace.crawl("portal", *LEAN, fast=True)
    stats = last_run(workspace)
    assert (stats["columns_appeared"], stats["columns_vanished"], stats["warnings"]) == ([], [], [])
    assert {r["url"].removeprefix(server.base) for r in workspace.export()} == model.documents | changed.documents


def last_run(workspace) -> dict:
    with Archive(workspace.db_url).session() as session:
        return session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first().stats


def test_links_of_real_pages():
    """The scope rules on the real pages themselves: the Handan column tree and department
    directory are followed, its site navigation (dhlm), footer and off-host links are not; the
    real Pingtan map gives every department's channels but those of interaction and service."""
    guide = (CORPUS / "hebei-handan_trs_guide_1_jsp-derived.html").read_bytes()
    links = {link.url: link.names for link in page_links(
        HtmlResponse("http://hdzfxxgk.hd.gov.cn/zfxxgkzn/", body=guide, encoding="utf-8"),
        Scope("http://hdzfxxgk.hd.gov.cn/"))}
    assert links["http://hdzfxxgk.hd.gov.cn/zfwj/jgze/"] == ("机构职责",)
    assert links["http://hdzfxxgk.hd.gov.cn/fdgknr/"] == ("法定主动公开内容",)  # written 法定主动<br>公开内容
    assert links["http://hdzfxxgk.hd.gov.cn/gszbm/auto23693/?id=1780%2F2138"] == ("市发展改革委",)
    directory = HtmlResponse("http://hdzfxxgk.hd.gov.cn/", body=guide, encoding="utf-8").xpath(
        '//div[@class="scroll_con"]//a/@href').getall()
    assert {u for u in links if "/gszbm/" in u} == {u.replace("/2138", "%2F2138") for u in directory}
    assert not [u for u in links if "/zfxxgkzn/" in u or "/zmhd/" in u or "/xxgk/" in u]  # navigation, footer
    assert all(u.startswith("http://hdzfxxgk.hd.gov.cn/") for u in links)

    detail = (CORPUS / "fujian-pingtan_trs-trt_detail_1.html").read_bytes()
    page = HtmlResponse("https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqczj/fdzdgknr/10qtwjdzjg/"
                        "202310/t20231023_80401.htm", body=detail, encoding="utf-8")
    mapped = {link.url: link.names for link in page_links(page, Scope("https://www.pingtan.gov.cn/zwgk/zfxxgk/"))}
    channels = re.findall(r'url:"([^"]+)",chnlname:"([^"]+)"', detail.decode("utf-8"))
    departments = re.findall(r'"(https://[^"]+)":\{orgname:', detail.decode("utf-8"))
    # every department and channel but those of interaction (意见征集, 投诉) and service (办事, 服务)
    assert {name for url, name in channels if url not in mapped} == {"意见征集", "环境投诉举报", "办事指南", "公共服务"}
    assert set(mapped) == set(departments) | {url for url, name in channels if url in mapped}
    assert mapped["https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqgaj/fdzdgknr/gzdt/"] == (
        "平潭综合实验区公安局", "工作动态")


@pytest.mark.parametrize("args, expected", [
    (["discover", "--name", "other"], "error: site 'other' has no root in {sites}: scrapy discover URL"),
    (["check", "127.0.0.1/col/"], "error: 127.0.0.1/col/: not an http(s) URL"),
])
def test_bad_input_is_one_line(workspace, args, expected):
    workspace.write_sites(SITES)
    proc = workspace.scrapy(*args, check=False)
    assert (proc.returncode, _one_line_error(proc)) == (2, expected.format(sites=workspace.sites_file))
    assert workspace.sites_file.read_text(encoding="utf-8") == SITES


def test_write_updates_a_site_in_place(tmp_path):
    """A hand-written site, updated: its other fields and the comments of the start URLs that
    stay are kept, a URL no longer found goes, a new one is appended, the rest of the file is
    untouched; a file the crawler could not read is left as it was."""
    from crawler.discovery.sitesfile import write_site
    from crawler.sites import SiteConfigError

    path = tmp_path / "sites.yaml"
    path.write_text(SITES + """\
  - name: portal
    start_urls:
      - http://127.0.0.1:9/zwgk/a/   # checked by hand
      - http://127.0.0.1:9/zwgk/gone/
    time_limit: 600               # a small site
""", encoding="utf-8")
    written = write_site(path, "portal", "http://127.0.0.1:9/zwgk/", ["http://127.0.0.1:9/zwgk/a/index.html",
                                                                         "http://127.0.0.1:9/zwgk/b/"])
    assert (written.new, written.removed) == (["http://127.0.0.1:9/zwgk/b/"], ["http://127.0.0.1:9/zwgk/gone/"])
    assert path.read_text(encoding="utf-8") == SITES + """\
  - name: portal
    root: http://127.0.0.1:9/zwgk/
    start_urls:
      - http://127.0.0.1:9/zwgk/a/   # checked by hand
      - http://127.0.0.1:9/zwgk/b/
    time_limit: 600               # a small site
"""
    broken = SITES.replace('"30 2 * * *"', '"30 2 * *"')
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(SiteConfigError, match=r"site 'other': field 'schedule'.*; nothing written"):
        write_site(path, "portal", "http://127.0.0.1:9/zwgk/", ["http://127.0.0.1:9/zwgk/b/"])
    assert path.read_text(encoding="utf-8") == broken


def test_scope_of_a_root():
    trs = Scope("http://127.0.0.1:9/zwgk/zfxxgk/index.html")
    assert trs.allows("http://127.0.0.1:9/zwgk/zfxxgk/bm/gzdt/")
    assert trs.rule_against("http://127.0.0.1:9/xwzx/") == "outside the root"
    assert trs.rule_against("http://127.0.0.1:9/zwgk/zfxxgk/hdjl/") == "not a column section"
    assert trs.rule_against("http://other.gov.cn/zwgk/zfxxgk/") == "off-site"
    hanweb = Scope("http://127.0.0.1:9/col/col1229106425/index.html", hosts=["fgw.example.gov.cn"])
    assert hanweb.allows("http://127.0.0.1:9/col/col1229106426/index.html")  # Hanweb columns carry no hierarchy
    assert hanweb.allows("http://fgw.example.gov.cn/col/col5/index.html")  # another host of the site: all of it
