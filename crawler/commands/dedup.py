"""`scrapy dedup`: link near-duplicate reposts to their originals across the archive."""
from __future__ import annotations


from scrapy.commands import ScrapyCommand

from crawler.commands import open_archive
from storage.dedup import link_reposts


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def short_desc(self):
        return "Link near-duplicate reposts to their originals (duplicate_of)"

    def run(self, args, opts):
        archive = open_archive(self)
        if archive is None:
            return
        result = link_reposts(archive)
        archive.dispose()
        print(f"{result.documents} documents, {result.linked} linked to an original as reposts")
