"""One crawl per site at a time, whoever starts it (scheduler, cron, a person, a worker of a fleet).

On one machine, an exclusive flock on data/locks/SITE.lock: the kernel releases it when the
holder exits, killed or not, so a crash never leaves a site locked. The file says who holds it.
When the archive is PostgreSQL, crawls on several machines share it: a site's lock is then a
PostgreSQL advisory lock held by a connection of the crawl, released by the server when that
connection ends (the crawl ends, or its machine dies), and who holds it is the connection's
application_name. `site_lock` picks the kind; everything else uses that.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
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


def site_lock(data_dir: str | os.PathLike, site: str, archive_url: str | None = None) -> "SiteLock | AdvisorySiteLock":
    """The lock of a site: an advisory lock in the archive when it is PostgreSQL (crawls may run
    on other machines), else an flock in the data folder."""
    if archive_url and archive_url.split(":", 1)[0].split("+", 1)[0] in ("postgresql", "postgres"):
        return AdvisorySiteLock(archive_url, site)
    return SiteLock(data_dir, site)


class AdvisorySiteLock:
    """A site's lock as a session-level PostgreSQL advisory lock, on a connection of its own
    kept for the crawl. The key is 64 bits of the site name's SHA-256 (two names sharing one
    are, for practical purposes, impossible); the holder is told in the connection's
    application_name, which pg_stat_activity shows to every machine."""

    PREFIX = "govarchive "
    SHOWN = {"pid": "p", "run_id": "r", "trigger": "t", "host": "h"}  # by importance, short: 63 bytes

    def __init__(self, archive_url: str, site: str) -> None:
        from sqlalchemy.engine import make_url

        url = make_url(archive_url).set(drivername="postgresql")
        self.dsn = url.render_as_string(hide_password=False)
        self.site = site
        self.key = int.from_bytes(hashlib.sha256(site.encode()).digest()[:8], "big", signed=True)
        self._conn = None
        self._holder: dict = {}

    def _connect(self):
        import psycopg

        return psycopg.connect(self.dsn, autocommit=True)

    def acquire(self, **holder) -> "AdvisorySiteLock":
        conn = self._connect()
        try:
            taken = conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()[0]
        except Exception:
            conn.close()
            raise
        if not taken:
            conn.close()
            raise SiteLocked(f"site '{self.site}' is being crawled by {self.describe()}; not starting")
        self._conn = conn
        self.update(pid=os.getpid(), host=socket.gethostname(), **holder)
        return self

    def update(self, **holder) -> None:
        if self._conn is None:
            return
        self._holder.update({k: v for k, v in holder.items() if k in self.SHOWN})
        shown = {short: self._holder[k] for k, short in self.SHOWN.items() if k in self._holder}
        name = self.PREFIX + json.dumps(shown, separators=(",", ":"))
        while len(name.encode()) > 63 and shown:  # PostgreSQL keeps 63 bytes: the least telling go first
            shown.popitem()
            name = self.PREFIX + json.dumps(shown, separators=(",", ":"))
        self._conn.execute("SELECT set_config('application_name', %s, false)", (name,))

    def holder(self) -> dict | None:
        """Who holds the site now (None: nobody), as its connection's application_name says."""
        try:
            with self._connect() as conn:
                row = conn.execute(
                    "SELECT a.application_name, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                    " AND l.classid = %s AND l.objid = %s",
                    ((self.key >> 32) & 0xFFFFFFFF, self.key & 0xFFFFFFFF)).fetchone()
        except Exception:  # noqa: BLE001 (a status line must not fail on an unreachable server)
            return None
        if row is None:
            return None
        name = row[0] or ""
        try:
            found = json.loads(name[len(self.PREFIX):]) if name.startswith(self.PREFIX) else {}
        except ValueError:
            found = {}
        long = {short: k for k, short in self.SHOWN.items()}
        return {long[k]: v for k, v in found.items() if k in long} if isinstance(found, dict) else {}

    def describe(self) -> str:
        h = self.holder() or {}
        run = f"run {h['run_id']}" if h.get("run_id") else "a crawl"
        details = ", ".join(f"{k} {h[k]}" for k in ("pid", "host", "trigger") if h.get(k))
        return f"{run} ({details})" if details else run

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()  # the server releases the session's advisory locks
            finally:
                self._conn = None
