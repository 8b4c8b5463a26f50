"""`scrapy export -o FILE.jsonl [--site NAME]`: one JSON object per archived document."""
from __future__ import annotations

import os
import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from crawler.commands import open_archive, unknown_site
from storage.export import write_jsonl
from storage.runs import ExitCode

SUFFIXES = (".jsonl", ".jl", ".ndjson")  # what is written is JSON lines, whatever the name says


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

    def fail(self, message: str) -> None:
        print(f"error: {message}", file=sys.stderr)
        self.exitcode = ExitCode.CONFIG

    def run(self, args, opts):
        if args:
            raise UsageError("unexpected arguments: " + " ".join(args))
        if opts.output != "-" and not opts.output.lower().endswith(SUFFIXES):
            return self.fail(f"-o {opts.output}: export writes JSON lines; name the file {', '.join(SUFFIXES)} "
                             "or use - for stdout")
        archive = open_archive(self)
        if archive is None:
            return
        try:
            if opts.site and (problem := unknown_site(archive, opts.site)):
                return self.fail(problem)
            count = write_jsonl(archive, opts.output, site=opts.site, unique=opts.unique, versions=opts.versions)
        except BrokenPipeError:  # `export -o - | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            return
        except OSError as exc:
            return self.fail(f"{opts.output}: {exc.strerror}")
        finally:
            archive.dispose()
        print(f"exported {count} documents to {opts.output}", file=sys.stderr)

