"""Nothing half-written: locked, read-only, read-only folder, disk full."""
import errno
import os
import stat
import tempfile

import pytest
from openpyxl import Workbook, load_workbook

from desktop.core.records.excel.report import export_report
from desktop.core.records.excel.safe_write import (
    ReportLockedError,
    ReportWriteError,
    alternative_name,
    save_workbook,
)


def _workbook(text="new"):
    wb = Workbook()
    wb.active["A1"] = text
    return wb


def _old_report(tmp_path):
    path = tmp_path / "report.xlsx"
    _workbook("old").save(path)
    return path


def _left_in(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_workbook_open_in_excel_is_refused_with_another_name(tmp_path, new_record):
    path = _old_report(tmp_path)
    (tmp_path / "~$report.xlsx").write_bytes(b"owner")  # what Excel leaves beside an open workbook
    with pytest.raises(ReportLockedError, match=r"open in Excel.*report \(2\)\.xlsx") as caught:
        export_report([new_record()], path)
    assert caught.value.suggestion == tmp_path / "report (2).xlsx"
    assert load_workbook(path).active["A1"].value == "old"
    assert _left_in(tmp_path) == ["report.xlsx", "~$report.xlsx"]


def test_a_read_only_workbook_is_refused(tmp_path):
    path = _old_report(tmp_path)
    path.chmod(stat.S_IREAD)  # the mode bit is checked, so this holds even for root
    try:
        with pytest.raises(ReportLockedError, match="read-only"):
            save_workbook(_workbook(), path)
    finally:
        path.chmod(stat.S_IREAD | stat.S_IWRITE)
    assert load_workbook(path).active["A1"].value == "old"


def test_a_file_windows_will_not_replace_gives_a_locked_error(tmp_path, monkeypatch):
    path = _old_report(tmp_path)

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ReportLockedError, match=r"open in another program.*report \(2\)\.xlsx"):
        save_workbook(_workbook(), path)
    assert _left_in(tmp_path) == ["report.xlsx"]  # the temp file is gone
    assert load_workbook(path).active["A1"].value == "old"


def test_a_read_only_folder_gives_a_clear_error(tmp_path, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # chmod does not stop root, so simulate the refusal
    with pytest.raises(ReportLockedError, match="cannot write in folder"):
        save_workbook(_workbook(), tmp_path / "report.xlsx")
    assert _left_in(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_really_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ReportLockedError, match="cannot write in folder .*locked"):
            save_workbook(_workbook(), folder / "report.xlsx")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_disk_full_leaves_the_old_report_and_no_temp_file(tmp_path, monkeypatch):
    path = _old_report(tmp_path)

    def full(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    with pytest.raises(ReportWriteError, match="disk full"):
        save_workbook(_workbook(), path)
    assert _left_in(tmp_path) == ["report.xlsx"]
    monkeypatch.undo()
    assert load_workbook(path).active["A1"].value == "old"


def test_an_error_while_building_leaves_nothing(tmp_path, monkeypatch):
    def broken(self, filename):
        raise RuntimeError("bug")

    monkeypatch.setattr(Workbook, "save", broken)
    with pytest.raises(RuntimeError, match="^bug$"):
        save_workbook(_workbook(), tmp_path / "report.xlsx")
    assert _left_in(tmp_path) == []


def test_the_written_file_gets_normal_permissions(tmp_path):
    path = save_workbook(_workbook(), tmp_path / "report.xlsx")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_alternative_names_skip_taken_and_locked_ones(tmp_path):
    (tmp_path / "report (2).xlsx").touch()
    (tmp_path / "~$report (3).xlsx").touch()
    assert alternative_name(tmp_path / "report.xlsx") == tmp_path / "report (4).xlsx"


def test_a_workbook_open_in_libreoffice_is_refused_with_another_name(tmp_path, new_record):
    path = _old_report(tmp_path)
    (tmp_path / ".~lock.report.xlsx#").write_text("user,host,/home/user;07.12.2026 10:00;", encoding="utf-8")
    with pytest.raises(ReportLockedError, match="open in LibreOffice") as caught:
        export_report([new_record()], path)
    assert caught.value.suggestion == tmp_path / "report (2).xlsx"
    assert load_workbook(path).active["A1"].value == "old"
    (tmp_path / ".~lock.report (2).xlsx#").touch()
    assert alternative_name(path) == tmp_path / "report (3).xlsx"


def test_an_export_waits_for_another_holding_the_workbook_then_says_so(tmp_path, new_record, monkeypatch):
    from desktop.core.records.excel import safe_write

    path = _old_report(tmp_path)
    monkeypatch.setattr(safe_write, "LOCK_WAIT_SECONDS", 0.3)
    with safe_write.workbook_lock(path):  # another export (flock locks per open file: this one counts)
        with pytest.raises(ReportLockedError, match="another export is still writing report.xlsx"):
            export_report([new_record()], path, append=True)
    assert load_workbook(path).active["A1"].value == "old"
    export_report([new_record()], path, append=True)  # the lock is free again


def test_temp_files_of_a_killed_export_are_removed_by_the_next_one(tmp_path, new_record):
    path = _old_report(tmp_path)
    (tmp_path / ".report.xlsx.k1ll3d_x.tmp").write_bytes(b"half a workbook")  # SIGKILL mid-save
    (tmp_path / ".report.x.xlsx.k1ll3d_x.tmp").write_bytes(b"another workbook's export")
    export_report([new_record()], path, append=True)
    assert _left_in(tmp_path) == [".report.x.xlsx.k1ll3d_x.tmp", "report.xlsx"]
