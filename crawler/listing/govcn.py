"""The gov.cn policy library (国务院政策文件库): a search API answering JSON.

`/search-gov/data?t=zhengcelibrary_gw&q=&sort=pubtime&sortType=1&p=N&n=SIZE` answers
`{code, searchVO: {totalCount, listVO: [{title, url, pubtimeStr, puborg, pcode}]}}`, or those
lists grouped by category under `searchVO.catMap`. The library's own page,
`/zcwjk/policyDocumentLibrary?t=…&q=…`, is a shell over the same API, which lives on
sousuo.www.gov.cn while the documents it lists live on www.gov.cn (DOCUMENT_HOSTS).
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.listing import ListPage, pager_guard, script_number
from crawler.listing.records import RecordShape, dig, load_json, read_records

API_PATH = "/search-gov/data"
PAGE_PATH = "/zcwjk/policyDocumentLibrary"
PAGE_SIZE = 20
# API host → hosts of the documents it lists, which a site starting there may visit
DOCUMENT_HOSTS = {"sousuo.www.gov.cn": ("www.gov.cn",), "sousuo.gov.cn": ("www.gov.cn",)}

POLICY = RecordShape(
    url=("url",),
    title=("title",),
    date=("pubtimeStr", "ptime", "pubtime"),
    fields={"doc_no": ("pcode",), "publisher": ("puborg",)},
)


class PolicyLibraryList:
    name = "govcn-library"

    def detect(self, response) -> bool:
        path = urlsplit(response.url).path
        if path.endswith(API_PATH):
            return isinstance(dig(load_json(response), "searchVO"), dict)
        return path.endswith(PAGE_PATH)

    def parse(self, response, allowed) -> ListPage:
        parts = urlsplit(response.url)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        page = ListPage(family=self.name)
        if not parts.path.endswith(API_PATH):  # the library page: the API's first page, newest first
            api = {"t": query.get("t") or "zhengcelibrary", "q": query.get("q", ""), "sort": "pubtime",
                   "sortType": "1", "p": "1", "n": str(PAGE_SIZE)}
            page.next_page = urlunsplit(parts._replace(path=parts.path[: -len(PAGE_PATH)] + API_PATH,
                                                       query=urlencode(api)))
            page.shell = True
            return page
        found = dig(load_json(response), "searchVO")
        categories = found.get("catMap") if isinstance(found, dict) else None
        groups = [found] + [g for g in (categories.values() if isinstance(categories, dict) else ())
                            if isinstance(g, dict)]
        for group in groups:
            page.items += read_records(group.get("listVO"), POLICY, response.url, allowed)
        with pager_guard(page):
            total = max(script_number(g.get("totalCount")) or 0 for g in groups)
            page.total_records = total or None
            number, size = script_number(query.get("p")) or 1, script_number(query.get("n")) or PAGE_SIZE
            if page.items and number * size < total:
                query["p"] = str(number + 1)
                page.next_page = urlunsplit(parts._replace(query=urlencode(query)))
        return page
