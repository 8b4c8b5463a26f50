"""TRS WCM columns: list items as the generic family finds them, pages as TRS writes them.

TRS pagers are scripts: `createPageHTML(count, current, "index", "html")` (read by the generic
family) or `var countPage = N; var currentPage = M` feeding document.write, with siblings
index_1.html …. Its "动静结合" lists (`pageChnlInfo = {quickMode: "动静结合", maxStaticIndex,
classsql: "chnlid=N", recordCount, prepage}`) hold the first pages statically and serve the rest
from the site's search API, `listApi: {url: "/fjdzapp/search"}`, POSTed the page's listArgs
(`channelid: SiteInfo.searchId`, classsql, sortfield) with page and prepage; it answers
`{pageCount, data: [{docpuburl, doctitle, pubdate, fileno, idxid, puborg, …}]}`. Records the
list counts but neither the page nor the API gave are reported, never silently dropped.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from crawler.listing import ListPage, ListRequest, pager_guard, script_number
from crawler.listing.generic import GenericList
from crawler.listing.records import RecordShape, dig, load_json, read_records

SIGNATURE = re.compile(r"createPageHTML\s*\(|\bvar\s+countPage\s*=|\bpageChnlInfo\s*=")
COUNT_PAGE = re.compile(r"\bvar\s+countPage\s*=\s*['\"]?(\d+)")
CURRENT_PAGE = re.compile(r"\bvar\s+currentPage\s*=\s*['\"]?(\d+)")
COUNT_NUM = re.compile(r"\bvar\s+countnum\s*=\s*['\"]?(\d+)")  # records, beside countPage
CHANNEL_INFO = re.compile(r"\bpageChnlInfo\s*=\s*\{(.*?)\}", re.S)
DYNAMIC = re.compile(r"quickMode\s*:\s*['\"]动静结合['\"]")
RECORD_COUNT = re.compile(r"recordCount\s*:\s*['\"]?(\d+)")
PER_PAGE = re.compile(r"\bprepage\s*:\s*['\"]?(\d+)")
# `classsql: "" || "chnlid=1780"`: the last literal is the value the page runs with
CLASS_SQL = re.compile(r"classsql\s*:\s*(?:['\"][^'\"]*['\"]\s*\|\|\s*)*['\"]([^'\"]*)['\"]")
SORT_FIELD = re.compile(r"sortfield\s*:\s*['\"]([^'\"]+)['\"]")
SEARCH_ID = re.compile(r"\bsearchId\s*:\s*['\"]?(\d+)")
LIST_API = re.compile(r"\blistApi\s*:\s*\{\s*url\s*:\s*['\"]([^'\"]+)['\"]")

# what the search API's records hold
SEARCH_RECORD = RecordShape(
    url=("docpuburl", "chnldocurl", "url"),
    title=("doctitle", "title"),
    date=("pubdate", "docreltime"),
    fields={"doc_no": ("fileno",), "index_no": ("idxid",), "publisher": ("puborg",),
            "source": ("docsourcename",)},
)


class TrsList(GenericList):
    name = "trs"

    def detect(self, response) -> bool:
        return SIGNATURE.search(response.text) is not None

    def parse(self, response, allowed) -> ListPage:
        page = super().parse(response, allowed)
        with pager_guard(page):
            self._script_pager(response, page)
        return page

    def _script_pager(self, response, page: ListPage) -> None:
        text = response.text
        count, current = COUNT_PAGE.search(text), CURRENT_PAGE.search(text)
        page.total_pages = script_number(count.group(1)) if count else page.total_pages
        page.total_records = script_number(records.group(1)) if (records := COUNT_NUM.search(text)) else None
        if page.next_page is None:
            if count and current and script_number(current.group(1)) + 1 < script_number(count.group(1)):
                last = urlsplit(response.url).path.rsplit("/", 1)[-1]
                ext = last.rsplit(".", 1)[-1] if "." in last else "html"
                page.next_page = urljoin(response.url, f"index_{script_number(current.group(1)) + 1}.{ext}")
        info = CHANNEL_INFO.search(text)
        if info and DYNAMIC.search(info.group(1)) and (records := RECORD_COUNT.search(info.group(1))):
            total = page.total_records = script_number(records.group(1))
            search = _search_request(response, info.group(1), len(page.items))
            if search is not None and len(page.items) < total:
                page.next_page = search
            else:
                page.unreached = max(0, total - len(page.items))


def _search_request(response, info: str, static_items: int) -> ListRequest | None:
    """The search API request for the first page after the static ones, from the page's own
    listArgs; None when the page does not say enough to make it."""
    text = response.text
    api, channel = LIST_API.search(text), SEARCH_ID.search(text)
    if not api or not channel:
        return None
    per_page = (script_number(m.group(1)) if (m := PER_PAGE.search(info)) else None) or 15
    form = {"channelid": channel.group(1)}
    if (m := CLASS_SQL.search(info)) and m.group(1):
        form["classsql"] = m.group(1)
    if m := SORT_FIELD.search(info):
        form["sortfield"] = m.group(1)
    form.update(page=str(static_items // per_page + 1), prepage=str(per_page))
    return ListRequest(urljoin(response.url, api.group(1)), "POST", tuple(form.items()))


class TrsSearchList:
    """The JSON answer of a TRS search API (`/fjdzapp/search`): one page of a column's records."""

    name = "trs"

    def detect(self, response) -> bool:
        data = dig(load_json(response), "data")
        return (isinstance(data, list) and bool(data) and isinstance(data[0], dict)
                and any(k in data[0] for k in ("docpuburl", "chnldocurl")))

    def parse(self, response, allowed) -> ListPage:
        answer = load_json(response) or {}
        page = ListPage(family=self.name, items=read_records(answer.get("data"), SEARCH_RECORD, response.url, allowed))
        with pager_guard(page):
            form = dict(parse_qsl((response.request.body or b"").decode("utf-8", "replace")))
            number, pages = script_number(form.get("page")) or 1, script_number(answer.get("pageCount")) or 0
            page.total_pages = pages or None
            if page.items and number < pages:
                form["page"] = str(number + 1)
                page.next_page = ListRequest(response.url, "POST", tuple(form.items()))
        return page

