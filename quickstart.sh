#!/usr/bin/env bash
# Fresh machine → a virtual environment with govarchive installed → the example site crawled
# into the default archive (./data/archive.sqlite3 + ./data/warc/) → ./data/example.jsonl.
# The example site is served from tests/fixtures on 127.0.0.1:8800 while it is crawled.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip   # the system pip 23.2 cannot resolve scrapy + trafilatura
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python -m tests.sitekit example --port 8800 & server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/8800) 2>/dev/null && break; sleep 0.1; done
.venv/bin/scrapy crawl gov -a site=example -L WARNING
.venv/bin/scrapy export -o data/example.jsonl
