"""`lcdreader read` on awkward input and output: a clear line and the right exit code, never a traceback."""
import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop.cli import main
from desktop.commands import read
from desktop.core.ocr.types import OcrResult

ROOT = Path(__file__).resolve().parents[3]


class FixedEngine:
    """Reads one box from any image (the engine has its own tests; here only the command is checked)."""

    model_name = "fixed"

    def warm_up(self):
        pass

    def read(self, image):
        return OcrResult(width=image.shape[1], height=image.shape[0], device="cpu", model="fixed", boxes=[])


@pytest.fixture
def photos(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "create_engine", lambda args: FixedEngine())
    folder = tmp_path / "photos"
    folder.mkdir()
    for name in ("a.png", "b.png"):
        cv2.imwrite(str(folder / name), np.zeros((20, 30, 3), np.uint8))
    return folder


def test_out_naming_an_input_image_is_refused_and_the_image_kept(photos, capsys):
    before = (photos / "a.png").read_bytes()
    assert main(["read", str(photos / "a.png"), str(photos / "b.png"), "--out", str(photos / "a.png")]) == 2
    assert "is one of the images to read" in capsys.readouterr().err
    assert (photos / "a.png").read_bytes() == before


def test_a_file_name_that_is_not_utf8_is_written_and_reads_back(photos, tmp_path):
    gbk = os.fsdecode("压力表.png".encode("gbk"))  # as Linux lists a name written on a Chinese Windows
    (photos / "a.png").rename(photos / gbk)
    out = tmp_path / "out.jsonl"
    assert main(["read", str(photos), "--out", str(out)]) == 0
    names = [json.loads(line)["image"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert os.fsencode(Path(names[1]).name) == "压力表.png".encode("gbk")


def test_a_full_disk_stops_with_a_line_not_a_traceback(photos, tmp_path, monkeypatch, capsys):
    def full(record):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(read, "json_line", full)
    assert main(["read", str(photos), "--out", str(tmp_path / "out.jsonl")]) == 2
    assert "No space left on device; stopped after 0 of 2 images" in capsys.readouterr().err


def test_an_unreadable_subfolder_gets_a_line_and_exit_1(photos, monkeypatch, capsys):
    (photos / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":  # tests run as root, which chmod cannot stop
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["read", str(photos)]) == 1
    assert f"cannot read folder {photos / 'locked'}: Permission denied" in capsys.readouterr().err


def test_a_reader_that_goes_away_ends_the_command_quietly(photos):
    script = ("import sys; from desktop.commands import read; from tests.unit.reading.test_read_cli_faults import "
              "FixedEngine; read.create_engine = lambda args: FixedEngine(); from desktop.cli import main; "
              f"sys.exit(main(['read'] + [{str(photos)!r}] * 3000))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(f"{sys.executable} -c \"{script}\" | head -c1; exit ${{PIPESTATUS[0]}}", shell=True,
                          executable="/bin/bash", env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr
    assert proc.returncode == 141
