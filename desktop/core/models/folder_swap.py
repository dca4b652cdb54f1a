"""Crash-safe changes to the folder of model versions: a version appears, is replaced or goes away
in one rename, and whatever a crash (kill -9, power cut) interrupts is rolled back on the next start.

- A new version is built in ``.adding-NAME.TOKEN`` and renamed to ``NAME`` when complete.
- Replacing moves the old one to ``.replaced-NAME.TOKEN`` first, renames the new one in, then deletes it.
- Deleting renames to ``.deleting-NAME.TOKEN``, then deletes that.
Recovery: ``.adding-*`` and ``.deleting-*`` go; a ``.replaced-NAME`` comes back when ``NAME`` is missing
(the swap was cut between its two renames), else goes. Processes share the folder (the app, a training
run, the command line): changes hold an exclusive lock on ``.lock``, and recovery skips a folder that
someone else holds, so it never deletes a registration still in progress. The OS drops a dead
process's lock, so a killed process never leaves the folder locked.
"""
from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.atomic_files import fsync_dir, replace_folder
from desktop.core.file_lock import file_lock

ADDING, REPLACED, DELETING = ".adding-", ".replaced-", ".deleting-"
LOCK_NAME = ".lock"


LOCK_TIMEOUT = 120.0  # seconds; a registration copies a model of some tens of MB


@contextmanager
def folder_lock(root: Path, wait: bool = True, timeout: float = LOCK_TIMEOUT) -> Iterator[bool]:
    """Hold the folder's lock; yields False (and holds nothing) when ``wait`` is off and it is taken.
    Waiting gives up with TimeoutError after ``timeout`` seconds, on every system (a process that
    hangs holding the lock must not hang the app too)."""
    with file_lock(Path(root) / LOCK_NAME, wait, timeout) as locked:
        if wait and not locked:
            raise TimeoutError(f"{root} stayed locked by another process for {timeout:.0f} s "
                               "(a training run or the command line changing the models); try again")
        yield locked


def staging_folder(root: Path, name: str) -> Path:
    return Path(root) / f"{ADDING}{name}.{uuid.uuid4().hex[:8]}"


def move_into_place(staging: Path, target: Path) -> None:
    """Make the complete ``staging`` folder the version ``target`` (replacing one there). Hold the lock."""
    replace_folder(staging, target, aside=target.parent / f"{REPLACED}{target.name}.{uuid.uuid4().hex[:8]}")


def remove_version(target: Path) -> None:
    """Delete a version folder: gone at once for readers, even if the deletion itself is cut short."""
    doomed = target.parent / f"{DELETING}{target.name}.{uuid.uuid4().hex[:8]}"
    os.rename(target, doomed)
    fsync_dir(target.parent)
    shutil.rmtree(doomed)


def _interrupted(root: Path) -> list[Path]:
    """Folders of cut-short changes, and temp files of cut-short atomic writes (atomic_files.py)."""
    return [p for p in root.iterdir() if p.name.startswith((ADDING, REPLACED, DELETING))
            or (p.name.startswith(".") and p.name.endswith(".tmp"))]


def recover(root: Path) -> list[str]:
    """Roll back what interrupted changes left; returns what was done (empty when nothing was needed)."""
    root = Path(root)
    if not root.is_dir() or not _interrupted(root):
        return []
    done = []
    with folder_lock(root, wait=False) as locked:
        if not locked:  # a change in progress in another process: its leftovers are not leftovers
            return []
        for path in sorted(_interrupted(root), key=lambda p: not p.name.startswith(REPLACED)):
            if path.is_file():
                path.unlink()
                continue
            name = path.name.split("-", 1)[1].rsplit(".", 1)[0]
            if path.name.startswith(REPLACED) and not (root / name).exists():
                os.rename(path, root / name)
                done.append(f"restored '{name}' (its replacement was interrupted)")
            else:
                shutil.rmtree(path, ignore_errors=True)
                done.append(f"removed an interrupted change to '{name}'")
        fsync_dir(root)
    return done
