"""`scrapy crawl`, checking the sites file, the site name and the archive before Scrapy
starts, so a mistake is one line on stderr and a non-zero exit instead of a traceback."""
from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl

from datetime import datetime, timezone

from crawler.crawl_options import CrawlOptionError, CrawlOptions
from crawler.resources import Resources, lock_site
from crawler.sites import SiteConfigError, get_site
from storage.db import ArchiveError
from storage.locks import SiteLocked

EXIT_CONFIG = 2
EXIT_LOCKED = 3


class Command(ScrapyCrawl):
    def process_options(self, args, opts):
        super().process_options(args, opts)
        if args and args[0] == "gov":
            try:
                site = get_site(opts.spargs.get("site"), opts.spargs.get("sites_file"))
                options = CrawlOptions.from_args(opts.spargs)
                Resources(self.settings).close()  # opens (and upgrades) the archive up front
                lock_site(self.settings, site.name, trigger=options.trigger,
                          started=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            except SiteLocked as exc:
                print(f"error: {exc}", file=sys.stderr)
                raise SystemExit(EXIT_LOCKED) from None
            except (SiteConfigError, CrawlOptionError, ArchiveError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                raise SystemExit(EXIT_CONFIG) from None

    def run(self, args, opts):
        super().run(args, opts)
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
