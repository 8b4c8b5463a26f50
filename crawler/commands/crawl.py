"""`scrapy crawl`, checking the sites file, the site name and the archive before Scrapy
starts, so a mistake is one line on stderr and a non-zero exit instead of a traceback."""
from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.resources import Resources
from crawler.sites import SiteConfigError, get_site
from storage.db import ArchiveError


class Command(ScrapyCrawl):
    def process_options(self, args, opts):
        super().process_options(args, opts)
        if args and args[0] == "gov":
            try:
                get_site(opts.spargs.get("site"), opts.spargs.get("sites_file"))
                Resources(self.settings).close()  # opens (and upgrades) the archive up front
            except (SiteConfigError, ArchiveError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                raise SystemExit(2) from None

    def run(self, args, opts):
        super().run(args, opts)
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
