"""An exclusive lock on a small file that every process of the app honours (the app, the command line,
a training run). The OS drops a dead process's lock, so a killed process never leaves it taken.

A lock file in a user's folder (beside a workbook) is removed when released (``remove``). On POSIX it is
unlinked while still held, and whoever then gets the lock checks that the name still leads to the file
it locked, else starts again: two processes never hold two different files. On Windows a file that
another process holds open cannot be deleted, so removing it afterwards is tried and may leave it.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POLL_SECONDS = 0.05


@contextmanager
def file_lock(lock_path: Path, wait: bool = True, timeout: float | None = None,
              remove: bool = False) -> Iterator[bool]:
    """Hold ``lock_path``'s lock; yields False (and holds nothing) when it stays taken: at once when
    ``wait`` is off, after ``timeout`` seconds when one is given, never otherwise."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        with open(lock_path, "a+b") as handle:
            locked = _try_lock(handle)
            while not locked and wait and (deadline is None or time.monotonic() < deadline):
                time.sleep(POLL_SECONDS)
                locked = _try_lock(handle)
            if locked and remove and not _still_named(handle, lock_path):
                _unlock(handle)  # removed by its last holder while we waited: lock the new one
                continue
            try:
                yield locked
            finally:
                if locked:
                    if remove and sys.platform != "win32":
                        Path(lock_path).unlink(missing_ok=True)
                    _unlock(handle)
        if locked and remove and sys.platform == "win32":
            try:
                os.unlink(lock_path)
            except OSError:  # another process has it open, waiting for it: it stays for them
                pass
        return


def _still_named(handle, lock_path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(lock_path))
    except FileNotFoundError:
        return False


def _try_lock(handle) -> bool:
    if sys.platform == "win32":
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
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_UN)
