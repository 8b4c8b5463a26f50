"""`scrapy show URL|ID [--json]`: one archived document, every field, readable."""
from __future__ import annotations

import json
import textwrap

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import fail, open_archive
from storage.overview import document_details, lookup

# the record's fields as a Chinese reader knows them
LABELS = {"title": "标题", "index_no": "索引号", "publisher": "发文机关", "doc_no": "发文字号", "written_at": "成文日期",
          "published_at": "发布日期", "subject": "主题分类", "keywords": "主题词", "source": "信息来源",
          "validity": "有效性", "column": "栏目"}
WIDTH = 100


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "URL|ID [--json]"

    def short_desc(self):
        return "Show one archived document: every field, its URLs, versions, attachments, reposts and text"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--json", action="store_true", help="the record as JSON")

    def run(self, args, opts):
        if len(args) != 1:
            raise UsageError("give one URL (any URL the document was seen at) or document id")
        archive = open_archive(self)
        if archive is None:
            return
        try:
            with archive.session() as session:
                doc = lookup(session, args[0])
                record = document_details(session, doc) if doc else None
        finally:
            archive.dispose()
        if record is None:
            fail(self, f"{args[0]}: no archived document has this URL (or id)")
            return
        print(json.dumps(record, ensure_ascii=False, indent=1) if opts.json else readable(record))


def readable(r: dict) -> str:
    lines = [f"document {r['id']}: {r['title'] or '(no title)'}", ""]

    def row(label: str, value) -> None:
        lines.append(f"  {label:<24}{'—' if value in (None, '', []) else value}")

    row("site", r["site"])
    row("url", r["url"])
    for other in r["urls"][1:]:
        row("", other)
    for name, chinese in LABELS.items():
        row(f"{name} ({chinese})", r[name])
    row("status", r["status"] + (f" since {r['gone_at']}" if r["gone_at"] else ""))
    row("first seen / last seen", f"{r['first_seen']} / {r['last_seen']}")
    row("content hash", r["content_hash"])
    row("repost of", r["duplicate_of"])
    row("reposted as", ", ".join(r["reposts"]) if r["reposts"] else None)
    lines += ["", f"  versions ({len(r['history'])}):"]
    for n, v in enumerate(r["history"], start=1):
        capture = v["capture"]
        where = f"{capture['warc_file']} @ {capture['offset']} (HTTP {capture['status']})" if capture else "no capture"
        lines.append(f"    {n}. {v['fetched_at']}  {v['url']}  {where}")
    lines += ["", f"  attachments ({len(r['attachments'])}):"]
    for a in r["attachments"]:
        kept = f"archived, {a['size']} bytes" if a["capture"] else "not archived"
        lines.append(f"    {a['name']}  {a['url']}  ({kept})")
    body = r["body"] or ""
    lines += ["", f"  text ({len(body)} characters):"]
    for paragraph in body.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, WIDTH // 2, initial_indent="    ", subsequent_indent="    ") or [""]
    return "\n".join(lines)
