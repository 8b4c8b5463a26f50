"""What the crawl benchmarks share: a throwaway sites file and archive, and scrapy run on them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Loopback benchmarks measure our code, not politeness delays.
LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
            "-s", "LOG_LEVEL=WARNING"]


class BenchArchive:
    """A site named `bench` with these start URLs, and an SQLite archive, under `tmp`."""

    def __init__(self, tmp: Path, start_urls: list[str], **site) -> None:
        self.tmp = Path(tmp)
        self.data = self.tmp / "data"
        self.db_url = f"sqlite:///{self.data / 'archive.sqlite3'}"
        (self.tmp / "sites.yaml").write_text(json.dumps({"sites": [
            {"name": "bench", "start_urls": start_urls, "schedule": "0 3 * * *", **site}]}))
        self.env = dict(os.environ, GOVARCHIVE_SITES=str(self.tmp / "sites.yaml"),
                        GOVARCHIVE_DATA=str(self.data), GOVARCHIVE_DB=self.db_url)

    def scrapy(self, *args: str, **env: str) -> None:
        subprocess.run([sys.executable, "-m", "scrapy", *args, *LOOPBACK], cwd=ROOT, env=dict(self.env, **env),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def crawl(self, **env: str) -> None:
        self.scrapy("crawl", "gov", "-a", "site=bench", **env)
