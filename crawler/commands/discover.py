"""`scrapy discover [URL] [--name NAME] [--write]`: the columns of documents under a site's
政府信息公开 root, found by a polite, bounded walk (crawler.discovery), printed one by one:
path, URL, platform family, documents on its first page, what the list claims, newest date.
With --write the site (NAME, else the root's host) is added to the sites file or updated:
`root` and `start_urls` = the columns found. Nothing is written to the archive."""
from __future__ import annotations

import sys
import time
from urllib.parse import urlsplit

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler import settings as project
from crawler.commands import fail, progress_bar
from crawler.discovery.sitesfile import site_name_for, write_site
from crawler.discovery.walk import ColumnWalk
from crawler.sites import SiteConfigError, load_sites, sites_path
from crawler.discovery.spider import DiscoverSpider
from storage.runs import ExitCode

BOUNDS = {  # option: (setting, what it bounds)
    "depth": ("GOVARCHIVE_DISCOVER_MAX_DEPTH", "links from the root"),
    "max_pages": ("GOVARCHIVE_DISCOVER_MAX_PAGES", "pages requested"),
    "time_limit": ("GOVARCHIVE_DISCOVER_TIME_LIMIT", "seconds"),
}


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self):
        return "[URL] [--name NAME] [--write] [--domain HOST …] [--depth N] [--max-pages N] [--time-limit S]"

    def short_desc(self):
        return "Find the columns of documents under a site's disclosure root (--write: into the sites file)"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--name", help="the site in the sites file: its root, hosts and settings apply; "
                                           "with --write, the site written (default: the root's host)")
        parser.add_argument("--write", action="store_true",
                            help="add or update the site in the sites file: root and start_urls = the columns found")
        parser.add_argument("--domain", action="append", default=[], metavar="HOST",
                            help="another host of the site to walk (repeatable)")
        for option, (setting, what) in BOUNDS.items():
            parser.add_argument(f"--{option.replace('_', '-')}", type=int, dest=option,
                                help=f"at most this many {what} (default {getattr(project, setting)})")

    def process_options(self, args, opts):
        self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")  # the columns are the output; -L INFO logs the walk
        super().process_options(args, opts)
        self.bad_option = None
        for option, (setting, _) in BOUNDS.items():
            value = getattr(opts, option)
            if value is not None and value < 1:
                self.bad_option = f"--{option.replace('_', '-')} {value}: must be at least 1"
            elif value is not None:
                self.settings.set(setting, value, priority="cmdline")


    def run(self, args, opts):
        if len(args) > 1:
            raise UsageError("one root URL at most")
        if self.bad_option:
            return fail(self, self.bad_option)
        try:
            root, site = self.target(args[0] if args else None, opts)
        except SiteConfigError as exc:
            return fail(self, str(exc))
        hosts = [*opts.domain, *(site.domains if site else [])]
        crawler = self.crawler_process.create_crawler(DiscoverSpider)
        started = time.monotonic()
        with progress_bar("walking") as progress:
            task = progress.add_task("walk", total=None)
            self.crawler_process.crawl(crawler, root=root, hosts=hosts, site=site,
                                       on_page=lambda walk: progress.update(task, completed=walk.pages_read))
            self.crawler_process.start()
        walk = crawler.spider.walk
        report(walk, time.monotonic() - started, stopped=crawler.stats.get_value("finish_reason"))
        if not walk.columns:
            why = walk.unread.get(root) or walk.skipped.get(root)
            return fail(self, f"{root}: no column of documents found{f' (the root: {why})' if why else ''}",
                             ExitCode.FAILED)
        if opts.write:
            self.write(opts.name or (site.name if site else site_name_for(root)), root, walk)

    def target(self, url: str | None, opts):
        """The root to walk and the configured site it belongs to (None for a new one)."""
        if url is not None and (urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname):
            raise SiteConfigError(f"{url}: not an http(s) URL")
        site = None
        if opts.name or opts.write:
            try:
                site = load_sites().get(opts.name) if opts.name else None
            except SiteConfigError:
                if not (opts.write and not sites_path().exists()):
                    raise
        if url is None:
            if site is None or site.root is None:
                what = f"site {opts.name!r} has no root in {sites_path()}" if site else "no root URL given"
                raise SiteConfigError(f"{what}: scrapy discover URL")
            url = site.root
        return url, site

    def write(self, name: str, root: str, walk: ColumnWalk) -> None:
        columns = [c.url for c in sorted(walk.columns.values(), key=lambda c: c.url)]
        try:
            written = write_site(sites_path(), name, root, columns)
        except SiteConfigError as exc:
            return fail(self, str(exc))
        if written.added_site:
            print(f"wrote site {name} to {sites_path()}: root and {len(columns)} start_urls")
        else:
            print(f"updated site {name} in {sites_path()}: {len(written.new)} start_urls added, "
                  f"{len(written.removed)} removed")
        for url in written.removed:
            print(f"  removed {url}")


def claims(records: int | None, pages: int | None) -> str:
    """What a list says it holds, as discover and check print it."""
    said = " in ".join(p for p in (f"{records} records" if records is not None else None,
                                   f"{pages} page{'s' if pages != 1 else ''}" if pages else None) if p)
    return f"claims {said}" if said else "claims no total"


def report(walk: ColumnWalk, seconds: float, stopped: str | None = None, out=None) -> None:
    out = out or sys.stdout
    columns = sorted(walk.columns.values(), key=lambda c: c.url)
    print(f"{len(columns)} columns under {walk.root} ({walk.pages_read} pages read in {seconds:.0f} s)", file=out)
    for column in columns:
        print(f"  {column.path}", file=out)
        print(f"    {column.url}  {column.family}, {column.documents} documents on its first page, "
              f"{claims(column.total_records, column.total_pages)}, "
              f"newest {column.newest or '-'}", file=out)
    notes = []
    if stopped == "closespider_timeout":
        notes.append("the walk stopped at its time limit (--time-limit): columns it did not reach are missing")
    if walk.beyond_budget:
        notes.append(f"{len(walk.beyond_budget)} linked pages not requested: over --max-pages")
    if walk.beyond_depth:
        notes.append(f"{len(walk.beyond_depth)} linked pages not requested: deeper than --depth")
    for rule in sorted(set(walk.skipped.values())):
        skipped = [u for u, r in walk.skipped.items() if r == rule]
        notes.append(f"{len(skipped)} pages skipped by rule ({rule}), first {skipped[0]}")
    if walk.unread:
        first = next(iter(walk.unread.items()))
        notes.append(f"{len(walk.unread)} pages could not be read, first {first[0]}: {first[1]}")
    for note in notes:
        print(f"note: {note}", file=out)
