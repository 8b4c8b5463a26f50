"""Lists read as the sites file says (`list:`), for sites no platform family recognises:
CSS selectors for items and the next page, or a JSON list endpoint."""
from __future__ import annotations

import re

from crawler.links import site_link
from crawler.listing import ListItem, ListPage, script_number
from crawler.listing.records import RecordShape, load_json, read_records
from pipeline.normalize import clean_text


def _dig(data, path: str):
    for key in path.split(".") if path else []:
        if isinstance(data, dict):
            data = data.get(key)
        elif isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
        else:
            return None
    return data


class ConfiguredList:
    name = "configured"

    def __init__(self, override) -> None:
        self.o = override
        self._json_page = (re.compile(re.escape(override.json_url).replace(re.escape("{page}"), r"(\d+)"))
                           if override.json_url else None)

    def detect(self, response) -> bool:
        if self._json_page and self._json_page.fullmatch(response.url):
            return True
        return bool(self.o.items) and bool(response.css(self.o.items))

    def parse(self, response, allowed) -> ListPage:
        if self._json_page and (m := self._json_page.fullmatch(response.url)):
            return self._parse_json(response, allowed, script_number(m.group(1)) or 1)
        page = ListPage(family=self.name)
        seen: set[str] = set()
        for a in response.css(self.o.items):
            url = site_link(a.attrib.get("href"), response.url, allowed)
            if url and url not in seen:
                seen.add(url)
                title = clean_text(a.attrib.get("title")) or clean_text(" ".join(a.css("::text").getall()))
                page.items.append(ListItem(url=url, title=title))
        if self.o.next and (href := response.css(self.o.next).attrib.get("href")):
            page.next_page = site_link(href, response.url, allowed)
        return page

    def _parse_json(self, response, allowed, number: int) -> ListPage:
        o = self.o
        shape = RecordShape(url=(o.json_url_field,), title=(o.json_title_field,),
                            date=(o.json_date_field,) if o.json_date_field else (),
                            fields={name: (key,) for name, key in o.json_fields.items()})
        page = ListPage(family=self.name, items=read_records(_dig(load_json(response), o.json_items),
                                                             shape, response.url, allowed))
        if page.items:
            page.next_page = o.json_url.replace("{page}", str(number + 1))
        return page
