"""Writes that a crash (kill -9, power cut) leaves either undone or complete, never half-done.

A file is written beside its target, flushed to the disk (fsync), then renamed over the target:
a rename within one folder is atomic. The folder is synced too, so the rename itself survives
a power cut (POSIX; Windows has no folder fsync and its rename is already durable).
A folder (a model, a cache, a checkpoint) is built beside its target the same way and swapped in
with two renames (``replace_folder``).
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def _file_mode() -> int:
    umask = os.umask(0)  # the only way to read it; done once, at import, before threads start
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


TEMP_SUFFIX = ".tmp"  # beside the target: ".NAME.XXXXXXXX.tmp"


class FolderNotWritableError(PermissionError):
    """No file can be made beside the target (as opposed to the target itself being held or locked)."""


def file_mode_for(path: Path) -> int:
    """THE mode policy: a replaced file keeps its mode; a new one is as readable as any file the user
    writes (mkstemp alone would make it 0600)."""
    return stat.S_IMODE(path.stat().st_mode) if path.exists() else FILE_MODE


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def replace_atomically(path: Path, write_to: Callable[[Path], None], mode: int | None = None) -> None:
    """Write ``path`` through ``write_to(temp_path)``: a temp file beside it, fsync, rename over ``path``.

    For writers that want a file name (openpyxl); ``write_atomic`` gives a stream. Raises
    ``FolderNotWritableError`` when no temp file can be made in the folder; nothing is left behind.
    ``mode`` overrides ``file_mode_for``: 0o600 for a file that holds a secret (mkstemp's 0600 holds
    while it is written, so it is never readable by others).
    """
    path = Path(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except PermissionError as exc:
        raise FolderNotWritableError(exc.errno, f"cannot create a file in {path.parent}") from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        write_to(temp)
        with open(temp, "rb+") as stream:  # Windows fsyncs only writable handles
            os.fsync(stream.fileno())
        os.chmod(temp, file_mode_for(path) if mode is None else mode)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_atomic(path: Path, write: Callable[[BinaryIO], object], mode: int | None = None) -> None:
    """Write ``path`` through ``write(stream)``: a temp file beside it, fsync, rename."""

    def write_to(temp: Path) -> None:
        with open(temp, "wb") as stream:
            write(stream)

    replace_atomically(path, write_to, mode)


def write_text_atomic(path: Path, text: str) -> None:
    write_atomic(path, lambda stream: stream.write(text.encode("utf-8")))


def write_text_atomic_private(path: Path, text: str) -> None:
    """A file only its owner may read (a password file), written atomically."""
    write_atomic(path, lambda stream: stream.write(text.encode("utf-8")), mode=0o600)


def fsync_tree(folder: Path) -> None:
    """Flush every file and folder under ``folder`` (after copying a tree, before renaming it into place)."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb+") as stream:  # Windows fsyncs only writable handles
                os.fsync(stream.fileno())
        fsync_dir(Path(root))


def replace_folder(staging: Path, target: Path, aside: Path | None = None) -> None:
    """THE "build beside, then rename into place" for folders: the complete ``staging`` becomes ``target``.

    Its files are flushed first. An old ``target`` is renamed to ``aside`` (default: a fresh
    ``NAME.old-TOKEN`` beside it), the new one renamed in, and the old one deleted: a crash leaves the
    old folder or the new one, never a mix. Cut between the two renames, ``target`` is missing and the
    old folder waits at ``aside`` (model versions restore it, see models/folder_swap.recover; caches
    are simply built again). Callers that share the folder across processes hold its lock.
    """
    staging, target = Path(staging), Path(target)
    fsync_tree(staging)
    old = None
    if target.exists():
        old = Path(aside) if aside is not None else target.with_name(f"{target.name}.old-{uuid.uuid4().hex[:8]}")
        os.rename(target, old)
    os.rename(staging, target)
    fsync_dir(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
