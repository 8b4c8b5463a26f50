"""Site templates: the furniture a site prints around the text of every page is learned from
its pages in the archive and trimmed from the edges of their bodies, from the first crawl on,
and `scrapy reparse` applies it to old captures."""
from __future__ import annotations

import json

from sqlalchemy import select

from pipeline import extract
from pipeline.template import learn
from storage.db import Archive
from storage.models import CrawlRun, Document, SiteTemplate
from tests.conftest import FAST
from tests.sitekit import FixtureSite, Route, html

SLOGAN = "欢迎关注示例市人民政府官方微信“示例发布”"  # no rule knows it; every page of the site has it
HOTLINE = "政务服务便民热线 12345"
SALUTATION = "各县（区）人民政府，市直各单位："  # on every page too, but the documents' own text
TOPICS = ["道路运输安全", "农村客运线路", "城乡公交一体化", "交通固定资产投资", "港口岸线管理", "公路养护工程",
          "水路运输服务", "出租汽车管理"]


def _page(n: int) -> bytes:
    topic = TOPICS[n]
    return f"""<html><head><meta charset="utf-8"><title>关于做好{topic}工作的通知_示例市交通运输局</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a></div>
<h1>关于做好{topic}工作的通知</h1>
<div class="article"><p>{HOTLINE}</p><p>{SALUTATION}</p>
<p>为进一步做好{topic}工作，现将有关事项通知如下，请结合实际认真贯彻落实。</p>
<p>一、提高认识，加强领导。各地要把{topic}摆在突出位置，明确责任分工，确保各项措施落到实处。</p>
<p>示例市交通运输局</p><p>2024年6月{n + 1}日</p><p>{SLOGAN}</p></div>
<div class="footer">主办：示例市交通运输局</div></body></html>""".encode("utf-8")


def _site() -> dict[str, Route]:
    items = "".join(f'<li><a href="/xxgk/t202406{n + 1:02d}_{n}.html">通知{n}</a><span>2024-06-{n + 1:02d}</span></li>'
                    for n in range(len(TOPICS)))
    routes = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
              "/xxgk/": html(f"<html><body><ul class='list'>{items}</ul></body></html>".encode("utf-8"))}
    for n in range(len(TOPICS)):
        routes[f"/xxgk/t202406{n + 1:02d}_{n}.html"] = html(_page(n))
    return routes


def test_learned_lines_are_the_sites_furniture_not_its_documents_text():
    counts = {SLOGAN: 8, HOTLINE: 7, SALUTATION: 8, "示例市交通运输局": 8, "2024年6月1日": 1, "特此通知。": 8}
    assert learn(counts, 8) == {SLOGAN, HOTLINE}
    assert learn(counts, 4) == frozenset()  # too few pages to tell


def test_a_template_trims_only_the_edges():
    page = _page(0)
    plain, trimmed = extract(page, "http://x.gov.cn/a.html"), extract(page, "http://x.gov.cn/a.html", frozenset({SLOGAN, HOTLINE}))
    assert plain.body.startswith(HOTLINE) and plain.body.endswith(SLOGAN)
    assert trimmed.body.startswith(SALUTATION) and trimmed.body.endswith("2024年6月1日")
    assert plain.edges == trimmed.edges  # what the site's template is learned from does not depend on it


def test_first_crawl_learns_and_trims_and_reparse_reproduces(workspace):
    with FixtureSite(_site()) as server:
        workspace.write_sites(json.dumps({"sites": [{"name": "jt", "start_urls": [f"{server.base}/xxgk/"],
                                                     "settings": FAST}]}))
        workspace.crawl("jt")
    bodies = [r["body"] for r in workspace.export()]
    assert len(bodies) == len(TOPICS)
    assert all(b.startswith(SALUTATION) and b.endswith("日") for b in bodies)
    assert not any(SLOGAN in b or HOTLINE in b for b in bodies)
    archive = Archive(workspace.db_url)
    with archive.session() as session:
        run = session.scalars(select(CrawlRun)).one()
        assert run.stats["template_trimmed"] == len(TOPICS)
        assert session.get(SiteTemplate, "jt").pages == len(TOPICS)
        # an archive whose bodies were read before templates existed
        for doc in session.scalars(select(Document)):
            doc.body = f"{HOTLINE}\n{doc.body}\n{SLOGAN}"
            for version in doc.versions:
                version.record = {**version.record, "body": doc.body}
                version.record_hash = "stale"
    proc = workspace.scrapy("reparse")
    assert f"  body: {len(TOPICS)} records" in proc.stdout.splitlines()
    assert [r["body"] for r in workspace.export()] == bodies
