"""Hanweb JCMS (大汉) columns: records in an XML datastore, further pages from dataproxy.jsp.

A column page `/col/colNNN/index.html` carries its first records as
`<script type="text/xml"><datastore><recordset><record><![CDATA[<li>…</li>]]></record>…`
and the jpage parameters (unitid, webid, perPage, totalRecord …) in its scripts; the rest
come from POST /module/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=P, answering the
same XML. The XML is parsed without entity expansion, DTDs or network access.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import lxml.html
from lxml import etree

from crawler.listing import ListItem, ListPage, ListRequest
from pipeline.normalize import clean_text, normalize_date
from pipeline.urls import strip_tracking

DATASTORE = re.compile(r"<datastore>.*?</datastore>", re.S)
PROXY_PATH = "/module/jpage/dataproxy.jsp"
# jpage parameters as they appear in column pages: `unitid: '380055'`, `perPage:15`, …
PARAM = re.compile(r"""\b(unitid|webid|columnid|perPage|totalRecord|sourceContentType|webname|path|permissiontype|groupSize)\s*[:=]\s*['"]?([^'",}\s]+)""")
FORM_FIELDS = ("col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid", "webname", "permissiontype")
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)


def _datastore(text: str):
    match = DATASTORE.search(text)
    if not match:
        return None
    try:
        return etree.fromstring(match.group(0).encode("utf-8"), parser=_SAFE_XML)
    except etree.XMLSyntaxError:
        return None


def _records(store, base_url: str, allowed) -> list[ListItem]:
    items = []
    for record in store.iter("record"):
        fragment = (record.text or "").strip()
        if not fragment:
            continue
        tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for a in tree.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("javascript:", "#")):
                continue
            url = strip_tracking(urljoin(base_url, href))
            if allowed(url):
                title = clean_text(a.get("title")) or clean_text(a.text_content())
                date = normalize_date(tree.text_content())
                items.append(ListItem(url=url, title=title, fields={"published_at": date} if date else {}))
                break
    return items


class HanwebList:
    name = "hanweb"

    def detect(self, response) -> bool:
        return "<datastore>" in response.text and "<recordset>" in response.text

    def parse(self, response, allowed) -> ListPage:
        store = _datastore(response.text)
        page = ListPage(family=self.name)
        if store is None:
            return page
        page.items = _records(store, response.url, allowed)
        page.next_page = self._next(response, store, len(page.items))
        return page

    def _next(self, response, store, count: int) -> ListRequest | None:
        path = urlsplit(response.url).path
        if path.endswith("dataproxy.jsp"):  # a data page: shift the window, same form
            query = dict(parse_qsl(urlsplit(response.url).query))
            start, end = int(query.get("startrecord", 1)), int(query.get("endrecord", 0))
            total = int(store.findtext("totalrecord") or 0)
            if count == 0 or end >= total:
                return None
            size = end - start + 1
            query.update(startrecord=str(end + 1), endrecord=str(end + size))
            body = tuple(parse_qsl((response.request.body or b"").decode("utf-8")))
            return ListRequest(urljoin(response.url, f"{path}?{urlencode(query)}"), "POST", body)
        params = dict(PARAM.findall(response.text))
        total = int(params.get("totalRecord") or store.findtext("totalrecord") or 0)
        if not total or count >= total:
            return None
        columnid = params.get("columnid") or (re.search(r"/col/col(\d+)/", path) or [None, ""])[1]
        per_page = int(params.get("perPage", 15))
        group = per_page * int(params.get("groupSize", 3))
        form = {"col": "1", "appid": "1", "path": "/", "permissiontype": "0", "sourceContentType": "1",
                **{k: v for k, v in params.items() if k in FORM_FIELDS}, "columnid": columnid}
        query = urlencode({"startrecord": count + 1, "endrecord": count + group, "perpage": per_page})
        return ListRequest(urljoin(response.url, f"{PROXY_PATH}?{query}"), "POST",
                           tuple((k, form[k]) for k in FORM_FIELDS if k in form))
