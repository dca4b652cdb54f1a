"""`lcdreader export`: exit codes and one clear line on errors."""
import json

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
