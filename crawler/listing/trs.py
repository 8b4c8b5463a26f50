"""TRS WCM columns: list items as the generic family finds them, pages as TRS writes them.

TRS pagers are scripts: `createPageHTML(count, current, "index", "html")` (read by the generic
family) or `var countPage = N; var currentPage = M` feeding document.write, with siblings
index_1.html …. Its "动静结合" lists (`pageChnlInfo = {quickMode: "动静结合", maxStaticIndex,
recordCount}`) hold the first pages statically and serve the rest from a site search API;
how many records lie beyond the static pages is reported, not silently dropped.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from crawler.listing import ListPage
from crawler.listing.generic import GenericList

SIGNATURE = re.compile(r"createPageHTML\s*\(|\bvar\s+countPage\s*=|\bpageChnlInfo\s*=")
COUNT_PAGE = re.compile(r"\bvar\s+countPage\s*=\s*['\"]?(\d+)")
CURRENT_PAGE = re.compile(r"\bvar\s+currentPage\s*=\s*['\"]?(\d+)")
RECORD_COUNT = re.compile(r"quickMode\s*:\s*['\"]动静结合['\"][\s\S]{0,400}?recordCount\s*:\s*['\"]?(\d+)")


class TrsList(GenericList):
    name = "trs"

    def detect(self, response) -> bool:
        return SIGNATURE.search(response.text) is not None

    def parse(self, response, allowed) -> ListPage:
        page = super().parse(response, allowed)
        text = response.text
        if page.next_page is None:
            count, current = COUNT_PAGE.search(text), CURRENT_PAGE.search(text)
            if count and current and int(current.group(1)) + 1 < int(count.group(1)):
                last = urlsplit(response.url).path.rsplit("/", 1)[-1]
                ext = last.rsplit(".", 1)[-1] if "." in last else "html"
                page.next_page = urljoin(response.url, f"index_{int(current.group(1)) + 1}.{ext}")
        records = RECORD_COUNT.search(text)
        if records:
            page.unreached = max(0, int(records.group(1)) - len(page.items))
        return page
