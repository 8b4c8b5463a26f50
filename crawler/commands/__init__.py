"""Project commands: `crawl` (with site checks up front), `export`, `reparse`, `dedup`, `search`,
`show`, `stats`."""
from __future__ import annotations

import sys

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sqlalchemy import distinct, select

from storage.db import Archive, ArchiveError, archive_url, data_dir
from storage.models import Document
from storage.runs import ExitCode


def fail(command, message: str, code: ExitCode = ExitCode.CONFIG) -> None:
    """What every command does with bad input: one line on stderr naming it, and an exit code."""
    print(f"error: {message}", file=sys.stderr)
    command.exitcode = code


def open_archive(command) -> Archive | None:
    """The archive the settings name, or None after a one-line error (exit code 2)."""
    settings = command.settings
    try:
        return Archive(archive_url(settings.get("GOVARCHIVE_DB"), data_dir(settings.get("GOVARCHIVE_DATA"))))
    except ArchiveError as exc:
        fail(command, str(exc))
        return None


def progress_bar(label: str) -> Progress:
    """A transient progress bar on stderr, drawn only on a terminal (logs and pipes stay clean)."""
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    transient=True, disable=not sys.stderr.isatty())


def unknown_site(archive: Archive, site: str) -> str | None:
    """A site neither in the archive nor in the sites file: a typo, not an empty answer."""
    from crawler.sites import SiteConfigError, load_sites

    with archive.session() as session:
        archived = sorted(session.scalars(select(distinct(Document.site))))
    try:
        configured = sorted(load_sites())
    except SiteConfigError:
        configured = []
    if site in archived or site in configured:
        return None
    return (f"--site {site}: no such site (archived: {', '.join(archived) or 'none'}; "
            f"configured: {', '.join(configured) or 'none'})")


def iso_date(option: str, value: str | None) -> str | None:
    """A YYYY-MM-DD option's value, checked; ValueError with one line naming the option."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{option} {value}: not a date (YYYY-MM-DD)") from None
