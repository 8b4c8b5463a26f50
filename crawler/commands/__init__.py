"""Project commands: `crawl` (with site checks up front), `export`, `reparse`, `dedup`."""
from __future__ import annotations

import sys

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from storage.db import Archive, ArchiveError, archive_url, data_dir


def open_archive(command) -> Archive | None:
    """The archive the settings name, or None after a one-line error (exit code 2)."""
    settings = command.settings
    try:
        return Archive(archive_url(settings.get("GOVARCHIVE_DB"), data_dir(settings.get("GOVARCHIVE_DATA"))))
    except ArchiveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        command.exitcode = 2
        return None


def progress_bar(label: str) -> Progress:
    """A transient progress bar on stderr, drawn only on a terminal (logs and pipes stay clean)."""
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    transient=True, disable=not sys.stderr.isatty())
