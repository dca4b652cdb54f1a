"""One atomic write (atomic_files.py) for every file the app saves: the former copies (preferences,
Excel report, the wizard's dropped samples, the helper itself; the record JSON writer was used by tests
only and is gone) now agree on fsync, on the file mode and on leaving nothing half-written."""
import os
import stat
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.core import atomic_files
from desktop.core.atomic_files import FILE_MODE, replace_atomically, replace_folder, write_text_atomic
from desktop.core.preferences import Preferences, save_preferences
from desktop.core.records.excel.safe_write import save_workbook
from desktop.core.training.dropped_samples import DROPPED_FILE, save_dropped


def _workbook(path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "new"
    save_workbook(wb, path)


WRITERS = {
    "helper": ("data.txt", lambda path: write_text_atomic(path, "new")),
    "preferences": ("preferences.yaml", lambda path: save_preferences(Preferences(), path)),
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


def _folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "weights").write_text(text, encoding="utf-8")
    return path


def test_replace_folder_puts_a_new_folder_in_place_and_flushes_it(tmp_path, monkeypatch):
    flushed = []
    monkeypatch.setattr(atomic_files, "fsync_tree", flushed.append)
    replace_folder(_folder(tmp_path / "model.partial", "new"), tmp_path / "model")
    assert flushed == [tmp_path / "model.partial"]
    assert (tmp_path / "model" / "weights").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_replace_folder_swaps_with_two_renames_and_a_crash_between_leaves_the_old_one_aside(tmp_path, monkeypatch):
    _folder(tmp_path / "model", "old")
    replace_folder(_folder(tmp_path / "staging", "new"), tmp_path / "model")
    assert (tmp_path / "model" / "weights").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]  # the old one deleted
    real_rename = os.rename

    def killed_after_the_first(src, dst):
        real_rename(src, dst)
        monkeypatch.setattr(atomic_files.os, "rename", _killed)

    def _killed(src, dst):
        raise KeyboardInterrupt  # as kill -9 between the two renames

    monkeypatch.setattr(atomic_files.os, "rename", killed_after_the_first)
    with pytest.raises(KeyboardInterrupt, match="^$"):
        replace_folder(_folder(tmp_path / "staging", "newer"), tmp_path / "model", aside=tmp_path / "aside")
    assert (tmp_path / "aside" / "weights").read_text(encoding="utf-8") == "new"  # complete, to restore


def test_every_folder_built_beside_goes_through_replace_folder():
    """The five former copies (model versions, PP-OCRv6 cache, trainable cache, checkpoints, legacy
    export) now call replace_folder; only it renames into place (folder_swap renames to delete/restore)."""
    renames = {}
    root = Path(__file__).resolve().parents[2]
    for path in (root / "desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        count = text.count(".rename(") + text.count("os.replace(")
        if count:
            renames[path.relative_to(root).as_posix()] = count
    assert renames == {"desktop/core/atomic_files.py": 3, "desktop/core/models/folder_swap.py": 2}
    for module in ("models/folder_swap.py", "models/ppocrv6/prepare.py", "models/convert.py",
                   "training/checkpoints.py", "models/legacy_export.py"):
        assert "replace_folder(" in (root / "desktop" / "core" / module).read_text(encoding="utf-8"), module
