"""The archive on the web, read-only: `python -m web` (see web/__main__.py)."""
