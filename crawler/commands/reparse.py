"""`scrapy reparse [--site NAME] [--workers N]`: extraction again over archived captures,
with no network access, printing how many records changed."""
from __future__ import annotations

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import open_archive, progress_bar
from storage.db import data_dir
from storage.reparse import reparse, reparse_attachments


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "[--site NAME] [--workers N]"

    def short_desc(self):
        return "Re-run extraction over the archived captures (offline)"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--site", help="only this site's documents")
        parser.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")

    def run(self, args, opts):
        if args:
            raise UsageError("unexpected arguments: " + " ".join(args))
        data = data_dir(self.settings.get("GOVARCHIVE_DATA"))
        archive = open_archive(self)
        if archive is None:
            return
        with progress_bar("reparsing") as progress:
            task = progress.add_task("reparse", total=None)
            result = reparse(archive, data, site=opts.site, workers=opts.workers,
                             max_chars=self.settings.getint("GOVARCHIVE_MAX_DOCUMENT_CHARS") or None,
                             on_progress=lambda done, total: progress.update(task, completed=done, total=total))
        files = reparse_attachments(archive, data, site=opts.site, workers=opts.workers,
                                    max_chars=self.settings.getint("GOVARCHIVE_MAX_DOCUMENT_CHARS") or None)
        archive.dispose()
        print(f"reparsed {result.versions} captures: {result.changed} records changed, "
              f"{result.documents_changed} documents updated")
        for name, count in result.fields.most_common():
            print(f"  {name}: {count} records")
        print(f"re-read {files.files} attachment files: {files.changed} readings changed, "
              f"{files.documents} documents' full text updated")
        for problem in files.missing:
            print(f"  not re-read: {problem}")
