"""Shared test helpers: the fixture site on 127.0.0.1, an isolated archive, the CLI."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitekit import FixtureSite, example_routes

ROOT = Path(__file__).resolve().parent.parent
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}


@pytest.fixture
def example_site():
    with FixtureSite(example_routes()) as site:
        yield site


class Workspace:
    """A sites file, an SQLite archive and a data folder of one test, and the CLI on them."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.data = tmp / "data"
        self.sites_file = tmp / "sites.yaml"
        self.db_url = f"sqlite:///{tmp / 'data' / 'archive.sqlite3'}"

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(GOVARCHIVE_SITES=str(self.sites_file), GOVARCHIVE_DB=self.db_url,
                   GOVARCHIVE_DATA=str(self.data))
        return env

    def write_sites(self, text: str) -> None:
        self.sites_file.write_text(text, encoding="utf-8")

    def configure(self, **sites: list[str]) -> None:
        entries = [
            {"name": name, "start_urls": urls, "schedule": "0 3 * * *", "settings": FAST}
            for name, urls in sites.items()
        ]
        self.write_sites(json.dumps({"sites": entries}, ensure_ascii=False))

    def minimal(self, **sites: list[str]) -> None:
        """A sites file giving each site its name and start URLs, nothing more."""
        self.write_sites(json.dumps({"sites": [{"name": n, "start_urls": u} for n, u in sites.items()]}))

    def scrapy(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        proc = subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=timeout)
        if check and proc.returncode != 0:
            raise AssertionError(f"scrapy {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
        return proc

    def crawl(self, site: str, *extra: str, check: bool = True, fast: bool = False) -> subprocess.CompletedProcess:
        """fast: without the politeness delays (for sites files that do not set them)."""
        speed = [a for k, v in FAST.items() for a in ("-s", f"{k}={v}")] if fast else []
        return self.scrapy("crawl", "gov", "-a", f"site={site}", *extra, *speed, check=check)

    def export(self, *extra: str) -> list[dict]:
        out = self.tmp / "export.jsonl"
        self.scrapy("export", "-o", str(out), *extra)
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    return Workspace(tmp_path)
