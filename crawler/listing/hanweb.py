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

from crawler.links import site_link
from crawler.listing import ListItem, ListPage, ListRequest, pager_guard, script_number
from pipeline.normalize import clean_text, normalize_date

DATASTORE = re.compile(r"<datastore>.*?</datastore>", re.S)
PROXY_PATH = "/module/jpage/dataproxy.jsp"
# jpage parameters as they appear in column pages: `unitid: '380055'`, `perPage:15`,
# `var totalRecord = 20;` …, in any letter case
PARAM_NAMES = ("unitid", "webid", "columnid", "perPage", "totalRecord", "sourceContentType", "webname", "path",
               "permissiontype", "groupSize")
PARAM = re.compile(r"""\b(%s)\s*[:=]\s*['"]?([^'",;&}\s]*)""" % "|".join(PARAM_NAMES), re.I)
_CANONICAL = {name.lower(): name for name in PARAM_NAMES}
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
        try:
            tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
        except (etree.ParserError, ValueError):  # a record that is no HTML: the others still count
            continue
        for a in tree.iter("a"):
            if url := site_link(a.get("href"), base_url, allowed):
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
        with pager_guard(page, "jpage parameters"):
            page.next_page = self._next(response, store, len(page.items), page)
        return page

    def _next(self, response, store, count: int, page: ListPage) -> ListRequest | None:
        """The next dataproxy window. Counts are read tolerantly; one that cannot be read is a
        warning and the walk goes on while windows bring records (the spider ends a walk whose
        pages bring nothing new, and bounds its length)."""
        path = urlsplit(response.url).path
        stored_total = page.total_records = script_number(store.findtext("totalrecord"))
        if path.endswith("dataproxy.jsp"):  # a data page: shift the window, same form
            query = dict(parse_qsl(urlsplit(response.url).query))
            start = script_number(query.get("startrecord")) or 1
            end = script_number(query.get("endrecord")) or start + count - 1
            if count == 0 or (stored_total is not None and end >= stored_total):
                return None
            size = max(end - start + 1, count, 1)
            query.update(startrecord=str(end + 1), endrecord=str(end + size))
            body = tuple(parse_qsl((response.request.body or b"").decode("utf-8", "replace")))
            return ListRequest(urljoin(response.url, f"{path}?{urlencode(query)}"), "POST", body)
        params = {_CANONICAL[k.lower()]: v for k, v in PARAM.findall(response.text)}
        total = self._count(params, "totalRecord", None, page)
        total = page.total_records = stored_total if total is None else total
        if count == 0 or (total is not None and count >= total):
            return None
        columnid = params.get("columnid") or (re.search(r"/col/col(\d+)/", path) or [None, ""])[1]
        per_page = self._count(params, "perPage", 15, page) or 15
        group = per_page * (self._count(params, "groupSize", 3, page) or 3)
        form = {"col": "1", "appid": "1", "path": "/", "permissiontype": "0", "sourceContentType": "1",
                **{k: v for k, v in params.items() if k in FORM_FIELDS}, "columnid": columnid}
        query = urlencode({"startrecord": count + 1, "endrecord": count + group, "perpage": per_page})
        return ListRequest(urljoin(response.url, f"{PROXY_PATH}?{query}"), "POST",
                           tuple((k, form[k]) for k in FORM_FIELDS if k in form))

    @staticmethod
    def _count(params: dict, name: str, default: int | None, page: ListPage) -> int | None:
        if name not in params:
            return default
        value = script_number(params[name])
        if value is None or value < 0:
            page.warnings.append(f"jpage {name} {params[name]!r} is not a number; using {default or 'the records read'}")
            return default
        return value
