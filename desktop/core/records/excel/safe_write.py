"""Write a workbook so that nothing half-written is ever left (``atomic_files.replace_atomically``).

A workbook open in Excel (Excel keeps a ``~$name.xlsx`` lock file beside it, and Windows refuses to
replace the file) or marked read-only raises ``ReportLockedError`` with a free alternative name.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from openpyxl.workbook import Workbook

from desktop.core.atomic_files import FolderNotWritableError, replace_atomically
from desktop.core.records.excel.formula_results import store_results


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


def alternative_name(path: Path) -> Path:
    """``report.xlsx`` -> ``report (2).xlsx`` (or the next number that is free and not locked)."""
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists() and not excel_lock_file(candidate).exists():
            return candidate
        n += 1


def check_writable(path: str | os.PathLike) -> None:
    """Raise ReportLockedError now, before any work, when ``path`` cannot be replaced."""
    path = Path(path)
    if excel_lock_file(path).exists():
        raise ReportLockedError(
            f"{path.name} is open in Excel ({excel_lock_file(path).name} exists): close it or save as "
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
            store_results(wb, temp)  # the formulas' values, for viewers that do not recalculate
        finally:
            Path(f"{temp}.part").unlink(missing_ok=True)

    try:
        replace_atomically(path, write_to)
    except FolderNotWritableError:
        raise ReportLockedError(
            f"cannot write in folder {path.parent} (no permission): choose another folder") from None
    except PermissionError:
        # Windows refuses to replace a file another program holds open.
        raise ReportLockedError(
            f"{path.name} is open in another program or not writable: close it or save as "
            f"{alternative_name(path).name}", alternative_name(path)) from None
    except OSError as exc:
        raise _write_error(exc, path) from None
    return path


def _write_error(exc: OSError, path: Path) -> ReportWriteError:
    if exc.errno == errno.ENOSPC:
        return ReportWriteError(f"disk full: could not write {path.name}; nothing was changed")
    if exc.errno == errno.EROFS:
        return ReportLockedError(f"the folder {path.parent} is on a read-only disk: choose another folder; "
                                 f"nothing was changed")
    return ReportWriteError(f"could not write {path.name}: {exc.strerror or exc}; nothing was changed")

