"""One atomic write (atomic_files.py) for every file the app saves: the five former copies (preferences,
record JSON, Excel report, the wizard's dropped samples, the helper itself) now agree on fsync, on the
file mode and on leaving nothing half-written."""
import os
import stat
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.core import atomic_files
from desktop.core.atomic_files import FILE_MODE, replace_atomically, write_text_atomic
from desktop.core.preferences import Preferences, save_preferences
from desktop.core.records.excel.safe_write import save_workbook
from desktop.core.records.json_io import save_records
from desktop.ui.wizard.state import DROPPED_FILE, save_dropped


def _workbook(path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "new"
    save_workbook(wb, path)


WRITERS = {
    "helper": ("data.txt", lambda path: write_text_atomic(path, "new")),
    "preferences": ("preferences.yaml", lambda path: save_preferences(Preferences(), path)),
    "record json": ("records.json", lambda path: save_records(path, [])),
    "excel report": ("report.xlsx", _workbook),
    "wizard dropped samples": (DROPPED_FILE, lambda path: save_dropped(path.parent / "session.db", {"a"})),
}


@pytest.fixture(params=sorted(WRITERS))
def writer(request, tmp_path):
    name, write = WRITERS[request.param]
    return tmp_path / name, write


def test_every_writer_fsyncs_the_new_file_and_gives_it_the_users_mode(writer, monkeypatch):
    path, write = writer
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    write(path)
    assert synced, "no fsync: a power cut could leave an empty file"
    assert stat.S_IMODE(path.stat().st_mode) == FILE_MODE  # not mkstemp's 0600
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temp file left


def test_every_writer_keeps_the_mode_of_the_file_it_replaces(writer):
    path, write = writer
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_every_writer_leaves_the_old_file_when_the_rename_fails(writer, monkeypatch):
    path, write = writer
    path.write_text("old", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic_files.os, "replace", refuse)
    try:
        write(path)
    except OSError:
        pass  # the wizard's list only logs it: the run goes on
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_folder_that_refuses_new_files_is_told_apart(tmp_path, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic_files.tempfile, "mkstemp", refuse)
    with pytest.raises(atomic_files.FolderNotWritableError, match="cannot create a file in"):
        replace_atomically(tmp_path / "x.txt", lambda temp: temp.write_text("x"))
