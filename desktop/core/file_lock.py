"""An exclusive lock on a small file that every process of the app honours (the app, the command line,
a training run). The OS drops a dead process's lock, so a killed process never leaves it taken; the
lock file itself stays, since deleting it would let two processes lock two different files.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_SECONDS = 0.05


@contextmanager
def file_lock(lock_path: Path, wait: bool = True, timeout: float | None = None) -> Iterator[bool]:
    """Hold ``lock_path``'s lock; yields False (and holds nothing) when it stays taken: at once when
    ``wait`` is off, after ``timeout`` seconds when one is given, never otherwise."""
    with open(lock_path, "a+b") as handle:
        deadline = None if timeout is None else time.monotonic() + timeout
        locked = _try_lock(handle)
        while not locked and wait and (deadline is None or time.monotonic() < deadline):
            time.sleep(POLL_SECONDS)
            locked = _try_lock(handle)
        try:
            yield locked
        finally:
            if locked:
                _unlock(handle)


def _try_lock(handle) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _unlock(handle) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_UN)
