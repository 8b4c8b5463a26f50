"""Project commands: `crawl` (with site checks up front), `export`."""
