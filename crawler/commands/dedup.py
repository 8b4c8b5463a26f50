"""`scrapy dedup`: link near-duplicate reposts to their originals across the archive."""
from __future__ import annotations

import sys

from scrapy.commands import ScrapyCommand

from storage.db import Archive, ArchiveError, archive_url, data_dir
from storage.dedup import link_reposts


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def short_desc(self):
        return "Link near-duplicate reposts to their originals (duplicate_of)"

    def run(self, args, opts):
        try:
            archive = Archive(archive_url(self.settings.get("GOVARCHIVE_DB"), data_dir(self.settings.get("GOVARCHIVE_DATA"))))
        except ArchiveError as exc:
            print(f"error: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        result = link_reposts(archive)
        archive.dispose()
        print(f"{result.documents} documents, {result.linked} linked to an original as reposts")
