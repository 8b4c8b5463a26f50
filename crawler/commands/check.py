"""`scrapy check URL [URL …] [--name NAME] [--documents N]`: what the crawler would archive from a
column, before it is scheduled: the list page's platform family, the pagination it sees, and for
its first documents each extracted field and the first lines of the body. Nothing is written."""
from __future__ import annotations

import sys
from urllib.parse import urlsplit

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.commands import fail
from crawler.commands.discover import claims
from crawler.listing import ListPage, ListRequest
from crawler.sites import Site, SiteConfigError, load_sites
from crawler.discovery.check import CheckSpider, ColumnCheck
from pipeline.record import DocumentRecord
from storage.runs import ExitCode

BODY_LINES, LINE_CHARS, PAGES_SHOWN = 3, 100, 3


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self):
        return "URL [URL …] [--name NAME] [--documents N]"

    def short_desc(self):
        return "Show what the crawler would archive from a column (nothing is written)"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--name", help="the configured site the column belongs to: its hosts, settings and list: reading")
        parser.add_argument("--documents", type=int, default=3, help="documents to read from the list (default 3)")

    def process_options(self, args, opts):
        self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")  # what is printed is the output
        super().process_options(args, opts)

    def run(self, args, opts):
        if not args:
            raise UsageError("give the URL of a column (a list page)")
        for url in args:
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                return fail(self, f"{url}: not an http(s) URL")
        try:
            site = load_sites()[opts.name] if opts.name else Site(name="check", start_urls=args)
        except KeyError:
            site = None
        except SiteConfigError as exc:
            return fail(self, str(exc))
        if site is None:
            return fail(self, f"--name {opts.name}: no such site in the sites file")
        crawler = self.crawler_process.create_crawler(CheckSpider)
        self.crawler_process.crawl(crawler, site=site, urls=args, documents=max(0, opts.documents))
        self.crawler_process.start()
        for check in crawler.spider.checks.values():
            show(check)
            if check.error or not check.documents:
                self.exitcode = ExitCode.FAILED


def show(check: ColumnCheck, out=None) -> None:
    out = out or sys.stdout
    print(check.url, file=out)
    if check.error:
        print(f"  error: {check.error}", file=out)
        return
    page, listed = check.page, check.listed
    print(f"  family: {page.family}", file=out)
    if page.shell:
        print(f"  a shell page: its records come from {_request(page.next_page)}", file=out)
    print(f"  pagination: {pagination(listed)}", file=out)
    for warning in listed.warnings:
        print(f"  warning: {warning}", file=out)
    print(f"  documents on this page: {len(listed.items)}", file=out)
    if not listed.items:
        print("  no documents: the crawler would archive nothing from this page", file=out)
    for number, document in enumerate(check.documents, start=1):
        print(f"  {number}. {document.item.url}", file=out)
        if document.error:
            print(f"     error: {document.error}", file=out)
        elif document.record is not None:
            for line in fields(document.record):
                print(f"     {line}", file=out)


def pagination(page: ListPage) -> str:
    said = []
    if page.next_page is not None:
        said.append(f"next page {_request(page.next_page)}")
    elif page.next_pages:
        shown = ", ".join(page.next_pages[:PAGES_SHOWN]) + (", …" if len(page.next_pages) > PAGES_SHOWN else "")
        said.append(f"{len(page.next_pages)} further pages linked ({shown})")
    else:
        said.append("no further page")
    said.append(claims(page.total_records, page.total_pages))
    if page.unreached:
        said.append(f"{page.unreached} records only behind a search API not supported")
    return "; ".join(said)


def _request(spec: str | ListRequest) -> str:
    if isinstance(spec, str):
        return spec
    form = ", ".join(f"{k}={v}" for k, v in spec.formdata)
    return (spec.url if spec.method == "GET" else f"{spec.method} {spec.url}") + (f" ({form})" if form else "")


def fields(record: DocumentRecord) -> list[str]:
    lines = [f"{name}: {value}" for name in DocumentRecord.METADATA if (value := getattr(record, name))]
    if record.attachments:
        lines.append(f"attachments: {', '.join(a.get('name') or a['url'] for a in record.attachments)}")
    body = [line.strip() for line in (record.body or "").splitlines() if line.strip()]
    for index, line in enumerate(body[:BODY_LINES]):
        shown = line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 1] + "…"
        lines.append(f"{'body:' if index == 0 else '     '} {shown}")
    if not body:
        lines.append("body: (none)")
    return lines
