"""Project commands: `crawl` (with site checks up front), `export`, `reparse`, `dedup`."""
from __future__ import annotations

import sys

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
