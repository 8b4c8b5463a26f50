"""`scrapy dedup [--rebuild]`: link near-duplicate reposts to their originals across the
archive. Every crawl already does this for what it archived; run it by hand after a reparse, or
with --rebuild to index the whole archive afresh."""
from __future__ import annotations

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import open_archive, progress_bar
from storage.db import data_dir
from storage.dedup import link_reposts, pending
from storage.locks import archive_task_lock


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "[--rebuild]"

    def short_desc(self):
        return "Link near-duplicate reposts to their originals (duplicate_of)"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--rebuild", action="store_true",
                            help="forget the repost index and every link, and index the whole archive again")

    def run(self, args, opts):
        if args:
            raise UsageError("unexpected arguments: " + " ".join(args))
        archive = open_archive(self)
        if archive is None:
            return
        with archive_task_lock(data_dir(self.settings.get("GOVARCHIVE_DATA")), "dedup"), \
                progress_bar("indexing") as progress:
            task = progress.add_task("dedup", total=None if opts.rebuild else pending(archive))
            result = link_reposts(archive, rebuild=opts.rebuild, progress=lambda n: progress.advance(task, n))
        archive.dispose()
        print(f"{result.indexed} documents indexed (new or changed text); "
              f"{result.linked} documents in the archive link to an original as reposts")
