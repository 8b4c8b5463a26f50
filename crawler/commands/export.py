"""`scrapy export -o FILE [--site NAME] [--since DAY] [--until DAY] [--column TEXT]`: the archived
documents as JSON lines, CSV or Parquet, by the file's ending; `-o SITE.wacz --site NAME`: the
site's captures as a web archive (WACZ)."""
from __future__ import annotations

import os
import sys
from pathlib import PurePath

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import fail, iso_date, open_archive, unknown_site
from storage.db import data_dir
from storage.export import WRITERS, write_jsonl

WACZ = ".wacz"


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return ("-o FILE.{jsonl,csv,parquet} [--site NAME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--column TEXT] "
                "[--unique] [--versions] | -o SITE.wacz --site NAME")

    def short_desc(self):
        return "Write the archived documents as JSON lines, CSV or Parquet, or a site's captures as WACZ"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("-o", "--output", required=True,
                            help="file to write: .jsonl/.jl/.ndjson, .csv, .parquet, .wacz ('-' for JSON lines on stdout)")
        parser.add_argument("--site", help="only this site's documents")
        parser.add_argument("--since", help="only documents published (发布日期) on or after this day")
        parser.add_argument("--until", help="only documents published on or before this day")
        parser.add_argument("--column", help="only documents whose column (breadcrumb) contains this text")
        parser.add_argument("--unique", action="store_true", help="originals only, no reposts")
        parser.add_argument("--versions", action="store_true", help="add `history`: every version's record")


    def run(self, args, opts):
        if args:
            raise UsageError("unexpected arguments: " + " ".join(args))
        suffix = PurePath(opts.output).suffix.lower()
        if opts.output != "-" and suffix not in WRITERS and suffix != WACZ:
            return fail(self, f"-o {opts.output}: name the file .jsonl, .jl, .ndjson (JSON lines), .csv, .parquet, "
                             ".wacz (a site's web archive) or use - for JSON lines on stdout")
        if suffix == WACZ and not opts.site:
            return fail(self, f"-o {opts.output}: a WACZ holds one site's captures; name it with --site NAME")
        if suffix == WACZ and (unused := [o for o in ("since", "until", "column", "unique", "versions")
                                          if getattr(opts, o)]):
            return fail(self, f"-o {opts.output}: a WACZ holds every capture of the site; --{unused[0]} does not apply")
        try:
            filters = {"since": iso_date("--since", opts.since), "until": iso_date("--until", opts.until),
                       "column": opts.column, "unique": opts.unique, "versions": opts.versions}
        except ValueError as exc:
            return fail(self, str(exc))
        archive = open_archive(self)
        if archive is None:
            return
        try:
            if opts.site and (problem := unknown_site(archive, opts.site)):
                return fail(self, problem)
            if suffix == WACZ:
                from storage.wacz import WaczError, write_wacz
                try:
                    result = write_wacz(archive, data_dir(self.settings.get("GOVARCHIVE_DATA")), opts.output, opts.site)
                except WaczError as exc:
                    return fail(self, str(exc))
                print(f"packed {result.captures} captures ({result.pages} documents) of {opts.site} "
                      f"into {opts.output}", file=sys.stderr)
                return
            writer = write_jsonl if opts.output == "-" else WRITERS[suffix]
            count = writer(archive, opts.output, site=opts.site, **filters)
        except ImportError as exc:  # pyarrow, wacz: extras of the package
            return fail(self, f"-o {opts.output}: needs {exc.name}: pip install 'govarchive[export]'")
        except BrokenPipeError:  # `export -o - | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            return
        except OSError as exc:
            return fail(self, f"{opts.output}: {exc.strerror}")
        finally:
            archive.dispose()
        print(f"exported {count} documents to {opts.output}", file=sys.stderr)
