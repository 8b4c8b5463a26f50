"""`scrapy crawl`, checking the sites file, the site name, the options, the archive and the data
folder before Scrapy starts, so a mistake is one line on stderr and a non-zero exit instead of
a traceback; and exiting non-zero when the run ends failed."""
from __future__ import annotations

import sys
from datetime import datetime, timezone

from scrapy.commands.crawl import Command as ScrapyCrawl

from crawler.crawl_options import CrawlOptionError, CrawlOptions
from crawler.resources import Resources, lock_site
from crawler.sites import SiteConfigError, get_site
from storage.db import ArchiveError
from storage.locks import SiteLocked
from storage.runs import ExitCode, RunStatus


class Command(ScrapyCrawl):
    crawler = None

    def process_options(self, args, opts):
        super().process_options(args, opts)
        if args and args[0] == "gov":
            try:
                site = get_site(opts.spargs.get("site"), opts.spargs.get("sites_file"))
                options = CrawlOptions.from_args(opts.spargs)
                Resources(self.settings).close()  # opens (and upgrades) the archive, makes the data folder
                lock_site(self.settings, site.name, trigger=options.trigger,
                          started=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            except SiteLocked as exc:
                print(f"error: {exc}", file=sys.stderr)
                raise SystemExit(ExitCode.LOCKED) from None
            except (SiteConfigError, CrawlOptionError, ArchiveError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                raise SystemExit(ExitCode.CONFIG) from None

    def _create_crawler(self, spidercls):
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args, opts):
        super().run(args, opts)
        if self.crawler_process.bootstrap_failed:
            self.exitcode = ExitCode.ERROR
        elif self.crawler is not None and self.crawler.stats.get_value("govarchive/run_status") == RunStatus.FAILED:
            self.exitcode = ExitCode.FAILED
