"""Write a workbook so that nothing half-written is ever left (``atomic_files.replace_atomically``).

A workbook open in Excel or LibreOffice (they keep ``~$name.xlsx`` and ``.~lock.name.xlsx#`` beside it,
and Windows refuses to replace the file) or marked read-only raises ``ReportLockedError`` with a free
alternative name. Exports of this app (the window, the command line) take ``workbook_lock`` for their
whole read, change and replace, so two appends at once both land.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl.workbook import Workbook

from desktop.core.atomic_files import TEMP_SUFFIX, FolderNotWritableError, replace_atomically
from desktop.core.file_lock import file_lock
from desktop.core.records.excel.formula_results import patch_sheets, result_patches
from desktop.core.records.excel.sheet_cells import sheet_patches

LOCK_WAIT_SECONDS = 120  # another export of a large workbook may take this long


class ReportWriteError(OSError):
    """The report could not be written; the message is meant for the user."""

    def __init__(self, message: str, suggestion: Path | None = None):
        super().__init__(message)
        self.suggestion = suggestion


class ReportLockedError(ReportWriteError):
    """The target workbook is open in Excel, read-only, or its folder refuses writing."""


def excel_lock_file(path: Path) -> Path:
    """The owner file Excel creates beside a workbook it has open."""
    return path.with_name("~$" + path.name)


def libreoffice_lock_file(path: Path) -> Path:
    """The lock file LibreOffice creates beside a document it has open."""
    return path.with_name(f".~lock.{path.name}#")


def _open_elsewhere_by(path: Path) -> Path | None:
    """The lock file of the office program that has ``path`` open, if one has."""
    return next((lock for lock in (excel_lock_file(path), libreoffice_lock_file(path)) if lock.exists()), None)


@contextmanager
def workbook_lock(path: str | os.PathLike) -> Iterator[None]:
    """Hold the app's lock on the workbook ``path`` (a file beside it while held), waiting for another export."""
    path = Path(path)
    lock = path.with_name(f".{path.name}.lcdreader-lock")
    try:
        lock.touch()
    except PermissionError:
        raise _no_permission(path) from None
    except OSError as exc:
        raise _write_error(exc, path) from None
    with file_lock(lock, timeout=LOCK_WAIT_SECONDS, remove=True) as locked:
        if not locked:
            raise ReportLockedError(f"another export is still writing {path.name}: try again when it has "
                                    f"finished, or save as {alternative_name(path).name}", alternative_name(path))
        _remove_stale_temps(path)
        yield


def _remove_stale_temps(path: Path) -> None:
    """Temp files of exports to ``path`` that were killed before they could remove them. Only a holder
    of the workbook's lock writes them, and we hold it: none of them is in use."""
    own = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    for entry in path.parent.iterdir():
        if own.fullmatch(entry.name):
            entry.unlink(missing_ok=True)


def alternative_name(path: Path) -> Path:
    """``report.xlsx`` -> ``report (2).xlsx`` (or the next number that is free and not locked)."""
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists() and _open_elsewhere_by(candidate) is None:
            return candidate
        n += 1


def check_writable(path: str | os.PathLike) -> None:
    """Raise ReportLockedError now, before any work, when ``path`` cannot be replaced."""
    path = Path(path)
    lock = _open_elsewhere_by(path)
    if lock is not None:
        program = "Excel" if lock == excel_lock_file(path) else "LibreOffice"
        raise ReportLockedError(
            f"{path.name} is open in {program} ({lock.name} exists): close it or save as "
            f"{alternative_name(path).name}", alternative_name(path))
    # Check the mode bits, not os.access: an administrator may write anyway, but the user marked it read-only.
    if path.exists() and not path.stat().st_mode & stat.S_IWRITE:
        raise ReportLockedError(f"{path.name} is read-only: save as {alternative_name(path).name}",
                                alternative_name(path))
    if not path.parent.is_dir():
        raise ReportWriteError(f"folder does not exist: {path.parent}")


def save_workbook(wb: Workbook, path: str | os.PathLike) -> Path:
    path = Path(path)
    check_writable(path)

    def write_to(temp: Path) -> None:
        wb.save(temp)
        try:
            # the record sheets' rows, and the formulas' values for viewers that do not recalculate
            patch_sheets(temp, result_patches(wb) | sheet_patches(wb))
        finally:
            Path(f"{temp}.part").unlink(missing_ok=True)

    try:
        replace_atomically(path, write_to)
    except FolderNotWritableError:
        raise _no_permission(path) from None
    except PermissionError:
        # Windows refuses to replace a file another program holds open.
        raise ReportLockedError(
            f"{path.name} is open in another program or not writable: close it or save as "
            f"{alternative_name(path).name}", alternative_name(path)) from None
    except OSError as exc:
        raise _write_error(exc, path) from None
    return path


def _no_permission(path: Path) -> ReportLockedError:
    return ReportLockedError(f"cannot write in folder {path.parent} (no permission): choose another folder")


def _write_error(exc: OSError, path: Path) -> ReportWriteError:
    if exc.errno == errno.ENOSPC:
        return ReportWriteError(f"disk full: could not write {path.name}; nothing was changed")
    if exc.errno == errno.EROFS:
        return ReportLockedError(f"the folder {path.parent} is on a read-only disk: choose another folder; "
                                 f"nothing was changed")
    return ReportWriteError(f"could not write {path.name}: {exc.strerror or exc}; nothing was changed")
