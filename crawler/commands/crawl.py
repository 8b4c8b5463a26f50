"""`scrapy crawl`, checking the sites file and the site name before anything starts, so a
mistake is one line on stderr and a non-zero exit instead of a traceback."""
from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.sites import SiteConfigError, get_site
from storage.db import ArchiveError


class Command(ScrapyCrawl):
    def run(self, args, opts):
        if args and args[0] == "gov":
            try:
                get_site(opts.spargs.get("site"), opts.spargs.get("sites_file"))
                from crawler.resources import Resources

                Resources(self.settings).close()  # opens (and upgrades) the archive up front
            except (SiteConfigError, ArchiveError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                self.exitcode = 2
                return
        super().run(args, opts)
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
