"""JSON list records → list items. Each platform keeps a record's URL, title, date and
metadata under its own keys; a RecordShape names them (data), read_records applies one rule."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from crawler.links import site_link
from crawler.listing import ListItem
from pipeline.normalize import clean_text, normalize_date, normalize_doc_no

CHINA = timezone(timedelta(hours=8))  # epoch timestamps in these APIs are Beijing dates
_TAG = re.compile(r"<[^>]+>")  # search APIs mark hits in titles: <em>关于</em>…


@dataclass(frozen=True)
class RecordShape:
    """Keys of one platform's list records, each tried in order."""

    url: tuple[str, ...]
    title: tuple[str, ...]
    date: tuple[str, ...] = ()
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)  # our field → their keys


def load_json(response):
    """The response body as JSON, or None when it is not JSON."""
    try:
        return json.loads(response.text)
    except ValueError:
        return None


def dig(data, *path: str):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def read_records(records, shape: RecordShape, base_url: str, allowed) -> list[ListItem]:
    items = []
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict):
            continue
        href = _first(record, shape.url)
        url = site_link(href, base_url, allowed) if isinstance(href, str) else None
        if url is None:
            continue
        fields = {name: _text(_first(record, keys)) for name, keys in shape.fields.items()}
        fields["published_at"] = _date(_first(record, shape.date))
        if fields.get("doc_no"):
            fields["doc_no"] = normalize_doc_no(fields["doc_no"])
        items.append(ListItem(url=url, title=_text(_first(record, shape.title)),
                              fields={k: v for k, v in fields.items() if v}))
    return items


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        if record.get(key) not in (None, "", 0):
            return record[key]
    return None


def _text(value) -> str | None:
    return clean_text(_TAG.sub("", str(value))) if value is not None else None


def _date(value) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # milliseconds or seconds
        try:
            return datetime.fromtimestamp(seconds, CHINA).date().isoformat()
        except (ValueError, OverflowError, OSError):  # a timestamp no calendar holds: no date
            return None
    return normalize_date(str(value)) if value else None
