"""List-page platform families, detected from the page alone: each fixture column is walked
completely and exactly its documents are archived."""
from __future__ import annotations

import json

from sqlalchemy import select

from storage.db import Archive
from storage.models import CrawlRun
from tests.conftest import FAST
from tests.sitekit import FixtureSite, HanwebSite


def test_hanweb_column_with_dataproxy_pages(workspace):
    site = HanwebSite(docs=14, per_page=2, group=3)
    with FixtureSite(site.routes(), handlers=site.handlers()) as server:
        column = f"{server.base}/col/col{site.COLUMN}/index.html"
        workspace.write_sites(json.dumps({"sites": [
            {"name": "hanweb", "start_urls": [column], "schedule": "0 3 * * *", "settings": FAST}]}))
        workspace.crawl("hanweb")
        posts = [path for method, path in server.log if method == "POST"]
        archived = sorted(r["url"].removeprefix(server.base) for r in workspace.export())
        assert archived == sorted(site.doc_path(n) for n in range(1, 15))
        # records 1–6 in the page, 7–12 and 13–14 from two dataproxy calls
        assert posts == ["/module/jpage/dataproxy.jsp?startrecord=7&endrecord=12&perpage=2",
                         "/module/jpage/dataproxy.jsp?startrecord=13&endrecord=18&perpage=2"]
        with Archive(workspace.db_url).session() as session:
            run = session.scalars(select(CrawlRun)).one()
        assert run.stats["families"] == {"hanweb": 3} and run.stats["empty_list_pages"] == 0
        first = len(server.log)
        workspace.crawl("hanweb")  # unchanged: the column page answers 304
        assert server.paths()[first:] == ["/robots.txt", f"/col/col{site.COLUMN}/index.html"]
