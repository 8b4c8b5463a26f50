"""Ucap / 开普云 columns: the column's articles embedded as JSON in the page.

`var listData = { articleList: [{title, pubDate, urls: "{\"pc\":\"/…/content_ID.html\"}",
contentSource, metadata, articleFiles, …}, …] }`, rendered client-side by jpage templates (the
page holds more records than one screen: jpage pages them in the browser). The page embeds
only the newest records of a long column (`articleCount` of its own channel, `channelCode:
['colNNN']`, in its channel tree, says how many there are); further records are asked of the
same page with the jpage parameters in the query, `?uid=UNITID&pageNum=N`, up to
articleCount/perPage pages. A page that answers the same records whatever pageNum says ends
the walk, and what it did not reach is reported as unreached, never silently dropped.
"""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from crawler.links import site_link
from crawler.listing import ListItem, ListPage, ListRequest, list_state, pager_guard, script_number
from pipeline.normalize import clean_text, normalize_date

ARTICLE_LIST = re.compile(r"\barticleList\s*:\s*(?=\[)")
CHANNEL_CODE = re.compile(r"\bchannelCode\s*:\s*\[\s*['\"](col\d+)['\"]")
UNIT_ID = re.compile(r"\bunitid\s*:\s*['\"]?(\d+)")
PER_PAGE = re.compile(r"\bperPage\s*:\s*['\"]?(\d+)")
_DECODER = json.JSONDecoder()


def _articles(text: str) -> list[dict]:
    match = ARTICLE_LIST.search(text)
    if not match:
        return []
    try:
        articles, _ = _DECODER.raw_decode(text, match.end())
    except ValueError:
        return []
    return [a for a in articles if isinstance(a, dict)]


def _url(article: dict) -> str | None:
    urls = article.get("urls")
    if isinstance(urls, str):
        try:
            urls = json.loads(urls)
        except ValueError:
            return urls if urls.startswith(("/", "http")) else None
    pc = urls.get("pc") if isinstance(urls, dict) else None
    return pc if isinstance(pc, str) else None


def _text(value) -> str | None:
    """A JSON value meant as text (pages put numbers, lists or null where a string belongs)."""
    return value if isinstance(value, str) else None


class UcapList:
    name = "ucap"

    def detect(self, response) -> bool:
        return ARTICLE_LIST.search(response.text) is not None

    def parse(self, response, allowed) -> ListPage:
        page = ListPage(family=self.name)
        articles = _articles(response.text)
        for article in articles:
            url = site_link(_url(article), response.url, allowed)
            if url is None:
                continue
            fields = {"published_at": normalize_date(_text(article.get("pubDate"))),
                      "source": clean_text(_text(article.get("contentSource")))}
            page.items.append(ListItem(url=url, title=clean_text(_text(article.get("title"))),
                                       fields={k: v for k, v in fields.items() if v}))
        with pager_guard(page):
            self._paginate(response, page, articles)
        return page

    def _paginate(self, response, page: ListPage, articles: list[dict]) -> None:
        text, parts = response.text, urlsplit(response.url)
        query = dict(parse_qsl(parts.query))
        number = script_number(query.get("pageNum")) or 1
        total, unit = _article_count(text), UNIT_ID.search(text)
        page.total_records = total or None
        per_page = (script_number(m.group(1)) if (m := PER_PAGE.search(text)) else None) or 15
        first = page.items[0].url if page.items else None
        previous = list_state(response).get("first")
        if previous is not None and first == previous:  # pageNum ignored: the same records again
            page.unreached = max(0, total - len(articles))
            return
        if unit and articles and number * per_page < total:
            query.update(uid=unit.group(1), pageNum=str(number + 1))
            page.next_page = ListRequest(parts._replace(query=urlencode(query)).geturl(), state=(("first", first),))
        elif not unit:
            page.unreached = max(0, total - len(articles))


def _article_count(text: str) -> int:
    """How many articles the page's own channel has, as its channel tree says."""
    code = CHANNEL_CODE.search(text)
    if not code:
        return 0
    counts = re.findall(r'"code"\s*:\s*"%s"[^{}]*?"articleCount"\s*:\s*(\d+)' % code.group(1), text)
    return max(map(int, counts), default=0)

