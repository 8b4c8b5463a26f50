"""`scrapy stats [--json]`: per site, documents (live / gone), reposts, the last run and the
warnings `scheduler.py status` shows."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import open_archive
from crawler.sites import SiteConfigError, load_sites
from storage.overview import site_overview


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self):
        return "[--json]"

    def short_desc(self):
        return "Per site: documents, live / gone, reposts, last run, warnings"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--json", action="store_true", help="one JSON object per site")

    def run(self, args, opts):
        if args:
            raise UsageError("unexpected arguments: " + " ".join(args))
        try:
            configured = list(load_sites())
        except SiteConfigError as exc:  # the archive can still be counted; say why the list is short
            print(f"warning: {exc}", file=sys.stderr)
            configured = []
        archive = open_archive(self)
        if archive is None:
            return
        try:
            with archive.session() as session:
                sites = site_overview(session, configured)
        finally:
            archive.dispose()
        if opts.json:
            for site in sites:
                print(json.dumps(asdict(site), ensure_ascii=False))
            return
        header = f"{'site':<24}{'documents':>10}{'live':>8}{'gone':>7}{'reposts':>9}  last run"
        print(header)
        print("-" * len(header))
        for s in sites:
            name = s.site + ("" if s.configured else " *")
            print(f"{name:<24}{s.documents:>10}{s.live:>8}{s.gone:>7}{s.reposts:>9}  {last_run(s.last_run)}")
            for warning in s.warnings:
                print(f"{'':<24}  ! {warning}")
        if any(not s.configured for s in sites):
            print("* archived, not in the sites file")


def last_run(run: dict | None) -> str:
    if run is None:
        return "never crawled"
    when = (run["ended_at"] or run["started_at"])[:19].replace("T", " ")
    return (f"{run['status']} {when} UTC ({run['trigger']}): {run['new']} new, {run['changed']} changed, "
            f"{run['gone']} gone, {run['errors']} errors")
