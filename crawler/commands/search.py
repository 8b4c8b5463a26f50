"""`scrapy search QUERY [--site NAME] [--since DATE] [--until DATE] [--json] [--rebuild]`: the
archive's documents matching every word of the query, best first (storage.search)."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import fail, iso_date, open_archive, progress_bar, unknown_site
from storage.db import data_dir
from storage.locks import archive_task_lock
from storage.search import rebuild, search


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "QUERY [--site NAME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json] [--rebuild]"

    def short_desc(self):
        return "Full-text search of the archive (title, text, 发文机关, 文号, 索引号)"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--site", help="only this site's documents")
        parser.add_argument("--since", help="published (发布日期) on or after this day")
        parser.add_argument("--until", help="published on or before this day")
        parser.add_argument("--limit", type=int, default=10, help="hits to show (default 10)")
        parser.add_argument("--offset", type=int, default=0, help="hits to skip (the next page)")
        parser.add_argument("--json", action="store_true", help="one JSON object per hit")
        parser.add_argument("--rebuild", action="store_true", help="index the whole archive again first")


    def run(self, args, opts):
        query = " ".join(args).strip()
        if not query and not opts.rebuild:
            raise UsageError("give a query (or --rebuild)")
        try:
            since, until = iso_date("--since", opts.since), iso_date("--until", opts.until)
        except ValueError as exc:
            return fail(self, str(exc))
        archive = open_archive(self)
        if archive is None:
            return
        try:
            if opts.site and (problem := unknown_site(archive, opts.site)):
                return fail(self, problem)
            if opts.rebuild:
                with archive_task_lock(data_dir(self.settings.get("GOVARCHIVE_DATA")), "search"), \
                        progress_bar("indexing") as progress:
                    task = progress.add_task("search", total=None)
                    indexed = rebuild(archive, progress=lambda n: progress.advance(task, n))
                print(f"search index rebuilt: {indexed} documents", file=sys.stderr)
            if not query:
                return
            with archive.session() as session:
                hits = search(session, query, site=opts.site, since=since, until=until,
                              limit=opts.limit, offset=opts.offset)
        finally:
            archive.dispose()
        if opts.json:
            for hit in hits:
                print(json.dumps(asdict(hit), ensure_ascii=False))
            return
        if not hits:
            print(f"no document matches {query!r}", file=sys.stderr)
        for n, hit in enumerate(hits, start=opts.offset + 1):
            print(f"{n}. {hit.title or '(no title)'}")
            print(f"   {hit.site} · {hit.published_at or 'no date'} · {hit.url}")
            print(f"   {hit.snippet}")
