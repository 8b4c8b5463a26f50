"""One crawl per site at a time, whoever starts it (scheduler, cron, a person).

An exclusive flock on data/locks/SITE.lock: the kernel releases it when the holder exits,
killed or not, so a crash never leaves a site locked. The file says who holds it.
"""
from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SiteLocked(RuntimeError):
    """Another process holds the site; the message names it."""


class SiteLock:
    def __init__(self, data_dir: str | os.PathLike, site: str) -> None:
        self.path = Path(data_dir) / "locks" / f"{site}.lock"
        self.site = site
        self._fd: int | None = None

    def acquire(self, **holder) -> "SiteLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SiteLocked(f"site '{self.site}' is being crawled by {self.describe()}; not starting") from None
        self._fd = fd
        self.update(pid=os.getpid(), **holder)
        return self

    def update(self, **holder) -> None:
        """Record who holds the lock (run id once it exists, trigger, start time)."""
        if self._fd is None:
            return
        current = self.holder() or {}
        current.update(holder)
        data = json.dumps(current).encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)

    def holder(self) -> dict | None:
        try:
            return json.loads(self.path.read_text() or "null")
        except (OSError, ValueError):
            return None

    def describe(self) -> str:
        h = self.holder() or {}
        run = f"run {h['run_id']}" if h.get("run_id") else "a crawl"
        details = ", ".join(f"{k} {h[k]}" for k in ("pid", "trigger", "started") if h.get(k))
        return f"{run} ({details})" if details else run

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


@contextmanager
def archive_task_lock(data_dir: str | os.PathLike, task: str) -> Iterator[None]:
    """Wait for, then hold, the lock of an archive-wide task (one dedup pass at a time: two
    passes reading the same new documents would index them twice). Kept out of the site locks'
    namespace: site names cannot hold a '/'."""
    path = Path(data_dir) / "locks" / "archive" / f"{task}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the flock
