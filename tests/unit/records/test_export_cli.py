"""`lcdreader export`: exit codes and one clear line on errors."""
import json

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.core.resources import resource_path

EXAMPLE = resource_path("examples", "records.json")


def test_export_writes_the_report(tmp_path, capsys):
    out = tmp_path / "report.xlsx"
    assert main(["export", "--records", str(EXAMPLE), "--xlsx", str(out), "--photos", "--lang", "en"]) == 0
    assert "wrote 3 record(s)" in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "LCD-20250314-0001", "LCD-20250314-0002", "LCD-20250314-0003"]
    assert len(wb["LCD-20250314-0001"]._images) == 4


def test_bad_records_exit_2_naming_the_field(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"records": [{"number": "X"}]}), encoding="utf-8")
    assert main(["export", "--records", str(bad), "--xlsx", str(tmp_path / "r.xlsx")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "bad.json: records[0].instrument: missing" in error
    assert not (tmp_path / "r.xlsx").exists()


def test_a_locked_report_exits_1_with_another_name(tmp_path, capsys):
    out = tmp_path / "report.xlsx"
    (tmp_path / "~$report.xlsx").touch()
    assert main(["export", "--records", str(EXAMPLE), "--xlsx", str(out)]) == 1
    assert 'try --xlsx "' + str(tmp_path / "report (2).xlsx") + '"' in capsys.readouterr().err


def test_append_and_template_together_exit_2(tmp_path, capsys):
    args = ["export", "--records", str(EXAMPLE), "--xlsx", str(tmp_path / "r.xlsx"), "--append", "--template", "t.xlsx"]
    assert main(args) == 2
    assert "cannot be combined" in capsys.readouterr().err


def test_a_template_that_is_not_a_workbook_exits_2(tmp_path, capsys):
    template = tmp_path / "t.xlsx"
    template.write_text("not a zip")
    assert main(["export", "--records", str(EXAMPLE), "--xlsx", str(tmp_path / "r.xlsx"), "--template", str(template)]) == 2
    assert "not a readable .xlsx" in capsys.readouterr().err


def _example_with(tmp_path, old: str, new: str):
    """The example records with one value replaced, beside copies of its photos."""
    import shutil

    shutil.copytree(EXAMPLE.parent / "photos", tmp_path / "photos")
    path = tmp_path / "records.json"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_xlsx_naming_the_records_file_is_refused_and_the_records_kept(tmp_path, capsys):
    records = _example_with(tmp_path, "LCD", "LCD")
    before = records.read_bytes()
    assert main(["export", "--records", str(records), "--xlsx", str(records)]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert records.read_bytes() == before


def test_a_macro_workbook_is_refused_and_kept(tmp_path, capsys):
    import zipfile

    xlsm = tmp_path / "lab.xlsm"
    with zipfile.ZipFile(xlsm, "w") as archive:
        archive.writestr("xl/vbaProject.bin", b"macros")
    before = xlsm.read_bytes()
    assert main(["export", "--records", str(EXAMPLE), "--xlsx", str(xlsm), "--append"]) == 2
    assert "macros would be lost" in capsys.readouterr().err
    assert xlsm.read_bytes() == before


def test_append_to_an_old_xls_is_refused(tmp_path, capsys):
    xls = tmp_path / "lab.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(508))
    assert main(["export", "--records", str(EXAMPLE), "--xlsx", str(xls), "--append"]) == 2
    assert "old Excel format (.xls)" in capsys.readouterr().err


@pytest.mark.parametrize("text, message", [
    ("[" * 100_000 + "]" * 100_000, "nested thousands of levels deep"),
    ('{"records": [' + "9" * 5000 + "]}", "a number far too long"),
])
def test_absurd_json_exits_2_with_one_line(tmp_path, capsys, text, message):
    records = tmp_path / "r.json"
    records.write_text(text, encoding="utf-8")
    assert main(["export", "--records", str(records), "--xlsx", str(tmp_path / "r.xlsx")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and message in error


def test_a_reading_with_more_digits_than_excel_keeps_exits_2(tmp_path, capsys):
    records = _example_with(tmp_path, '"reading": "101.39"', '"reading": "101.' + "3" * 27 + '"')
    assert main(["export", "--records", str(records), "--xlsx", str(tmp_path / "r.xlsx")]) == 2
    error = capsys.readouterr().err
    assert "records[0].points[0].reading" in error and "Excel keeps 15" in error


def test_records_naming_a_folder_exits_2(tmp_path, capsys):
    assert main(["export", "--records", str(tmp_path), "--xlsx", str(tmp_path / "r.xlsx")]) == 2
    assert "is a folder, not a records file" in capsys.readouterr().err
