"""Serve the archive read-only on the web.

    python -m web [--host 127.0.0.1] [--port 8000] [--archive URL] [--data DIR] [--sites FILE]

The archive, data folder and sites file are found as every other command finds them
(GOVARCHIVE_DB, GOVARCHIVE_DATA, GOVARCHIVE_SITES, else in the project folder); a bad one is one
line on stderr and exit code 2. Served by uvicorn; Ctrl-C stops it.
"""
from __future__ import annotations

import argparse
import sys

from storage.db import ArchiveError, archive_url, data_dir
from storage.runs import ExitCode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m web", description="Serve the archive read-only on the web.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--archive", help="SQLAlchemy URL of the archive (default: GOVARCHIVE_DB, else the data folder's)")
    parser.add_argument("--data", help="data folder holding warc/ and logs/ (default: GOVARCHIVE_DATA, else ./data)")
    parser.add_argument("--sites", help="sites file (default: GOVARCHIVE_SITES, else sites.yaml)")
    args = parser.parse_args(argv)

    import uvicorn

    from web.app import Config, create_app

    data = data_dir(args.data)
    try:
        app = create_app(Config(archive_url(args.archive, data), data, args.sites))
    except ArchiveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return ExitCode.CONFIG
    print(f"serving the archive read-only at http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
