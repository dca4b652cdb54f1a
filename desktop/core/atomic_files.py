"""Writes that a crash (kill -9, power cut) leaves either undone or complete, never half-done.

A file is written beside its target, flushed to the disk (fsync), then renamed over the target:
a rename within one folder is atomic. The folder is synced too, so the rename itself survives
a power cut (POSIX; Windows has no folder fsync and its rename is already durable).
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def _file_mode() -> int:
    umask = os.umask(0)  # the only way to read it; done once, at import, before threads start
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_atomic(path: Path, write: Callable[[BinaryIO], None], mode: int = FILE_MODE) -> None:
    """Write ``path`` through ``write(stream)``: a temp file beside it, fsync, rename. ``mode``: 0o600 for
    a file that holds a secret (it is never readable by others, not even while written)."""
    path = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temp_name, mode)  # mkstemp makes 0600: by default as readable as any file the user writes
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


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
