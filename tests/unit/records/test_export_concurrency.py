"""Appends from several processes at once onto one workbook: every record is kept."""
import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from desktop.core.resources import resource_path

EXAMPLE = resource_path("examples", "records.json")
ROOT = Path(__file__).resolve().parents[3]


def one_record_files(folder: Path, count: int) -> list[Path]:
    """``count`` records files, each holding one record with its own number."""
    template = json.loads(Path(EXAMPLE).read_text(encoding="utf-8"))
    files = []
    for i in range(count):
        record = dict(template["records"][0], number=f"LCD-20250314-{i + 100:04d}")
        path = folder / f"r{i}.json"
        path.write_text(json.dumps(dict(template, records=[record]), ensure_ascii=False), encoding="utf-8")
        files.append(path)
    return files


def append_at_once(records: list[Path], workbook: Path) -> list[subprocess.CompletedProcess]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "desktop.cli", "export", "--append", "--records", str(r),
                               "--xlsx", str(workbook)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for r in records]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=300), *p.communicate()) for p in procs]


def test_concurrent_appends_keep_every_record(tmp_path):
    workbook = tmp_path / "lab.xlsx"
    records = one_record_files(tmp_path, 4)
    results = append_at_once(records, workbook)
    assert [r.returncode for r in results] == [0] * 4, [r.stderr for r in results]
    sheets = load_workbook(workbook).sheetnames
    assert sorted(s for s in sheets if s.startswith("LCD-")) == [f"LCD-20250314-{i + 100:04d}" for i in range(4)]
    assert not list(tmp_path.glob(".*lcdreader-lock"))  # the lock goes with the last export
