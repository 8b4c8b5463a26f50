"""`scrapy check` on a column of each platform's fixture (the portal's TRS and Hanweb columns,
the TRS search-API list, gkmlpt, the gov.cn policy library, the generic reader; the Ucap fixture is
built on a page whose source this work may not use): the family it reads the list with, the
pagination it sees, and the first documents with the fields the crawler would archive — what
extract() reads off the page served, and what only the list says (gkmlpt's 索引号, 文号, 发布机构).
Nothing is written."""
from __future__ import annotations

import re
from contextlib import ExitStack

from pipeline import extract
from tests.platforms import GkmlptSite, PagerSite, PolicyLibrarySite, TrsDynamicSite
from tests.portal import HANWEB_MOUNT, ROOT, Portal
from tests.sitekit import FixtureSite

FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")


def served(server, path: str) -> bytes:
    return server.routes[path].body.replace(b"{{PORT}}", str(server.port).encode())


def blocks(stdout: str) -> dict[str, str]:
    """check's output, one block per column (its URL, unindented, then its lines)."""
    found, url = {}, None
    for line in stdout.splitlines():
        if line and not line.startswith(" "):
            url = line
            found[url] = ""
        elif url:
            found[url] += line + "\n"
    return found


def test_check_each_platform(workspace):
    portal, trs, gkmlpt, policy, pager = Portal(), TrsDynamicSite(), GkmlptSite(), PolicyLibrarySite(), PagerSite()
    with ExitStack() as stack:
        p, t, g, c, n = (stack.enter_context(FixtureSite(routes, handlers=handlers)) for routes, handlers in (
            (portal.routes(), None), (trs.routes(), trs.handlers()), (gkmlpt.routes(), None), (policy.routes(), None),
            (pager.routes(), None)))
        jgze, col284 = portal.columns[ROOT + "zfwj/jgze/"], portal.columns[HANWEB_MOUNT + "col/col284/index.html"]
        expected = {  # column: (family, pagination, documents on the page, its first three documents)
            p.base + ROOT + "zfwj/jgze/": (
                "trs", f"next page {p.base}{ROOT}zfwj/jgze/index_1.html; claims 3 records in 2 pages",
                len(jgze.first_page), [p.base + d.path for d in jgze.first_page]),
            p.base + HANWEB_MOUNT + "col/col284/index.html": (
                "hanweb", "no further page; claims 2 records", 2, [p.base + d.path for d in col284.docs]),
            t.base + trs.COLUMN: (
                "trs", f"next page POST {t.base}{trs.API} (channelid=200210, classsql=chnlid=1780, "
                       f"sortfield=-docorderpri,-docreltime, page={len(trs.static) // 15 + 1}, prepage=15); "
                       f"claims {len(trs.documents)} records",
                len(trs.static), [t.base + path for path in trs.static[:3]]),
            f"{g.base}{gkmlpt.ROOT}/index#{gkmlpt.CATEGORY}": (
                "gkmlpt", f"next page {g.base}{gkmlpt.ROOT}/api/all/{gkmlpt.CATEGORY}?page=2&sid={gkmlpt.SID}; "
                          f"claims {gkmlpt.TOTAL} records", gkmlpt.PER_PAGE,
                [g.base + gkmlpt.doc_path(k) for k in range(gkmlpt.TOTAL, gkmlpt.TOTAL - 3, -1)]),
            c.base + policy.PAGE: (
                "govcn-library", f"next page {c.base}{policy.api_path(2)}; claims {policy.TOTAL} records", policy.SIZE,
                [c.base + policy.doc_path(k) for k in range(policy.TOTAL, policy.TOTAL - 3, -1)]),
            n.base + PagerSite.COLUMNS["numbered"]: (
                "generic", f"2 further pages linked ({n.base}{PagerSite.COLUMNS['numbered']}&page=2, "
                           f"{n.base}{PagerSite.COLUMNS['numbered']}&page=3); claims no total",
                pager.PER_PAGE, [n.base + pager.doc_path("numbered", k) for k in range(3)]),
        }
        proc = workspace.scrapy("check", *expected, *FAST)
        shown = blocks(proc.stdout)
        for column, (family, pagination, count, documents) in expected.items():
            block = shown[column]
            assert f"  family: {family}\n" in block, column
            assert f"  pagination: {pagination}\n" in block, block
            assert f"  documents on this page: {count}\n" in block, column
            listed = re.findall(r"^  \d\. (\S+)$", block, re.M)
            assert listed == documents, column
            first = documents[0]
            server = next(s for s in (p, t, g, c, n) if first.startswith(s.base))
            record = extract(served(server, first.removeprefix(server.base)), first)
            assert f"     title: {record.title}\n" in block, block
        gkmlpt_block = shown[f"{g.base}{gkmlpt.ROOT}/index#{gkmlpt.CATEGORY}"]
        article = gkmlpt.article(gkmlpt.TOTAL)  # what only the list says: the page has none of it
        for name, key in (("index_no", "identifier"), ("doc_no", "document_number"), ("publisher", "publisher")):
            assert f"     {name}: {article[key]}\n" in gkmlpt_block
        assert f"  a shell page: its records come from {g.base}{gkmlpt.ROOT}/api/all/{gkmlpt.CATEGORY}?page=1" \
               f"&sid={gkmlpt.SID}\n" in gkmlpt_block
    assert proc.returncode == 0
    assert not workspace.data.exists()  # nothing written: no archive, no WARC
