"""Guangdong 政府信息公开目录管理平台 (gkmlpt): a Vue page whose records come from a JSON API.

The column page `/…/gkmlpt/index#CATEGORY` (or `/gkmlpt/policy` …) holds no records, only
`window._CONFIG = {SID: '755031', TREE: …}`; the records are served by
`/…/gkmlpt/api/all/CATEGORY?page=N&sid=SID` as `{total, articles: [{url, title,
display_publish_time, identifier (索引号), document_number (文号), publisher, …}]}`. Category 0
is the whole catalogue; a URL fragment names one category.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.listing import ListPage, ListRequest, list_state, pager_guard, script_number
from crawler.listing.records import RecordShape, load_json, read_records

SID = re.compile(r"""\bSID\s*:\s*['"]?(\d+)""")
API_PATH = re.compile(r"^(?P<root>.*/gkmlpt)/api/all/(?P<category>\d+)$")
PAGE_PATH = re.compile(r"^(?P<root>.*/gkmlpt)(?:/[^/]*)?$")

ARTICLE = RecordShape(
    url=("url", "post_url"),
    title=("title",),
    date=("display_publish_time", "publish_time", "created_at", "date"),
    fields={"index_no": ("identifier",), "doc_no": ("document_number",), "publisher": ("publisher",),
            "source": ("source",)},
)


class GkmlptList:
    name = "gkmlpt"

    def detect(self, response) -> bool:
        path = urlsplit(response.url).path
        if API_PATH.match(path):
            return isinstance(load_json(response), dict)
        return "/gkmlpt" in path and PAGE_PATH.match(path) is not None and SID.search(response.text) is not None

    def parse(self, response, allowed) -> ListPage:
        parts = urlsplit(response.url)
        api = API_PATH.match(parts.path)
        page = ListPage(family=self.name)
        if api is None:  # the Vue page: the API's first page of its category
            # Scrapy drops the fragment from response.url; the request keeps it
            fragment = urlsplit(_requested_url(response)).fragment
            category = fragment if fragment.isdigit() else "0"
            sid = SID.search(response.text).group(1)
            root = PAGE_PATH.match(parts.path).group("root")
            page.next_page = urlunsplit((parts.scheme, parts.netloc, f"{root}/api/all/{category}",
                                         urlencode({"page": 1, "sid": sid}), ""))
            page.shell = True
            return page
        answer = load_json(response)
        articles = answer.get("articles") if isinstance(answer, dict) else None
        page.items = read_records(articles, ARTICLE, response.url, allowed)
        with pager_guard(page):
            query = dict(parse_qsl(parts.query))
            number, total = script_number(query.get("page")) or 1, script_number(answer.get("total")) or 0
            page.total_records = total or None
            # pages hold the same number of articles but the last: a full page short of the
            # total means there is another
            size = script_number(list_state(response).get("page_size")) or len(articles or ())
            if articles and size and number * size < total:
                query["page"] = str(number + 1)
                page.next_page = ListRequest(urlunsplit(parts._replace(query=urlencode(query))),
                                             state=(("page_size", size),))
        return page


def _requested_url(response) -> str:
    try:
        return response.request.url
    except AttributeError:
        return response.url
