"""A stats collector that also writes the final stats as JSON to $BENCH_STATS."""
import json
import os

from scrapy.statscollectors import MemoryStatsCollector


class FileStatsCollector(MemoryStatsCollector):
    def _persist_stats(self, stats, *args):
        super()._persist_stats(stats, *args)
        path = os.environ.get("BENCH_STATS")
        if path:
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(stats, fh, default=str)
