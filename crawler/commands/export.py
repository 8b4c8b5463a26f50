"""`scrapy export -o FILE.jsonl [--site NAME]`: one JSON object per archived document."""
from __future__ import annotations

import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import open_archive
from storage.export import write_jsonl


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "-o FILE.jsonl [--site NAME] [--unique] [--versions]"

    def short_desc(self):
        return "Write the archived documents as JSON lines"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("-o", "--output", required=True, help="file to write ('-' for stdout)")
        parser.add_argument("--site", help="only this site's documents")
        parser.add_argument("--unique", action="store_true", help="originals only, no reposts")
        parser.add_argument("--versions", action="store_true", help="add `history`: every version's record")

    def run(self, args, opts):
        if args:
            raise UsageError("unexpected arguments: " + " ".join(args))
        archive = open_archive(self)
        if archive is None:
            return
        try:
            count = write_jsonl(archive, opts.output, site=opts.site, unique=opts.unique, versions=opts.versions)
        except OSError as exc:
            print(f"error: {opts.output}: {exc.strerror}", file=sys.stderr)
            self.exitcode = 2
            return
        finally:
            archive.dispose()
        print(f"exported {count} documents to {opts.output}", file=sys.stderr)
