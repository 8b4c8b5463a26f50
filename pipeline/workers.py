"""Worker processes that never outlive the process that started them.

A pool's workers block reading their task queue; if the parent is killed (SIGKILL, OOM), the
queue never reaches EOF and they would wait forever. Each worker watches the parent's pid and
exits when it is gone.
"""
from __future__ import annotations

import os
import threading
import time


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(pid: int, interval: float) -> None:
    while _alive(pid):
        time.sleep(interval)
    os._exit(0)


def exit_with_parent(pid: int, interval: float = 1.0) -> None:
    """Pool initializer: end this worker when process `pid` ends."""
    threading.Thread(target=_watch, args=(pid, interval), daemon=True, name="exit-with-parent").start()
