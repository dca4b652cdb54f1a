"""Issue 18's defects, each reproduced: records silently replaced, formula injection, control characters and
over-long text, --photos failures, --append losing content, formulas without results, template route."""
import errno
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.cli import main
from desktop.core.records.excel.report import RecordNotReadyError, export_report
from desktop.core.records.excel.safe_write import ReportWriteError
from desktop.core.records.json_io import record_to_dict
from desktop.core.resources import resource_path

EXAMPLE = resource_path("examples", "records.json")

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "templates_xlsx" / "lab_template.xlsx"


def _records_file(tmp_path, records) -> Path:
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"records": [record_to_dict(r) for r in records]}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def _cell_with(ws, text):
    return next(c for row in ws.iter_rows() for c in row if c.value == text)


@pytest.mark.parametrize("numbers", [
    ["LCD-2025-0314-CUSTOMER-NUMBER-0001-A", "LCD-2025-0314-CUSTOMER-NUMBER-0001-B"],  # differ after 31 chars
    ["JZ/2025/001", "JZ_2025_001", "JZ:2025:001"],
])
def test_records_whose_sheet_names_collide_each_keep_their_own_sheet(tmp_path, new_record, numbers):
    path = export_report([new_record(n, customer=n) for n in numbers], tmp_path / "r.xlsx")
    wb = load_workbook(path)
    assert len(wb.sheetnames) == 1 + len(numbers)
    summary = wb["汇总"]
    for row, number in enumerate(numbers, start=3):
        link = summary.cell(row, 2)
        sheet = link.hyperlink.location.rsplit("!", 1)[0].strip("'")
        assert link.value == number
        assert _cell_with(wb[sheet], "委托单位").offset(0, 2).value == number  # its own record, not the survivor
        assert summary.cell(row, 12).value.startswith(f"='{sheet}'!")


INJECTIONS = ['=HYPERLINK("http://evil.example","click")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)", "#N/A"]


def _injected(new_record, instrument_name):
    from desktop.core.records.calibration_record import Instrument, MeasurementPoint

    return new_record(customer=INJECTIONS[0], remarks=INJECTIONS[1], technician=INJECTIONS[2],
                      instrument=Instrument(name=instrument_name, model=INJECTIONS[3], serial=INJECTIONS[4]),
                      points=[MeasurementPoint(INJECTIONS[5], "=1", "100.00", "100.07", "0.50", "0.05",
                                               ocr_text="=2*3")])


@pytest.mark.parametrize("template", [None, SHIPPED])
def test_text_from_users_is_always_written_as_text_never_as_a_formula(tmp_path, new_record, template):
    path = export_report([_injected(new_record, "=cmd|' /C calc'!A1")], tmp_path / "r.xlsx", template=template)
    wb = load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(text in cell.value for text in INJECTIONS + ["=cmd", "=1"]):
                    found[f"{ws.title}!{cell.coordinate}"] = (cell.value, cell.data_type)
    assert found and all(data_type == "s" for _, data_type in found.values()), found
    with zipfile.ZipFile(path) as archive:  # and in the file itself: no formula holds user text
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("cmd|" in part.split("<f>", 1)[-1].split("</f>")[0] for xml in sheets for part in xml.split("<c ")
                   if "<f>" in part)
    assert not any("<f>HYPERLINK" in xml or "<f>1+1" in xml for xml in sheets)


def test_control_characters_are_removed_and_said_so(tmp_path, new_record, capsys):
    records = _records_file(tmp_path, [new_record(remarks="line one\x0bline two\x00 end")])
    out = tmp_path / "r.xlsx"
    assert main(["export", "--records", str(records), "--xlsx", str(out)]) == 0
    err = capsys.readouterr().err
    assert "records[0].remarks: removed 2 character(s) a workbook cannot hold" in err
    ws = load_workbook(out)["LCD-20250314-0001"]
    assert _cell_with(ws, "备注").offset(0, 2).value == "line oneline two end"


@pytest.mark.parametrize("escaped", ["\\ufffe", "\\uffff", "\\ud800", "\\udfff"])
def test_non_characters_and_lone_surrogates_give_a_message_not_a_traceback(tmp_path, new_record, capsys, escaped):
    """Issue 31, defect 6: U+FFFE, U+FFFF and a lone surrogate in JSON ("\\ud800") exited 1 with a traceback."""
    records = _records_file(tmp_path, [new_record(customer="清源MARK环境")])
    records.write_text(records.read_text(encoding="utf-8").replace("MARK", escaped), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert main(["export", "--records", str(records), "--xlsx", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"records[0].customer: removed 1 character(s) a workbook cannot hold ({escaped})" in err
    assert "Traceback" not in err
    ws = load_workbook(out)["LCD-20250314-0001"]
    assert _cell_with(ws, "委托单位").offset(0, 2).value == "清源环境"


def test_a_field_longer_than_a_cell_is_refused_naming_it(tmp_path, new_record, capsys):
    records = _records_file(tmp_path, [new_record(remarks="x" * 1_000_000)])
    out = tmp_path / "r.xlsx"
    assert main(["export", "--records", str(records), "--xlsx", str(out)]) == 2
    assert "records[0].remarks: 1,000,000 characters; a cell holds at most 32,767" in capsys.readouterr().err
    assert not out.exists()


def test_a_record_from_the_app_with_control_characters_is_refused_naming_the_field(tmp_path, new_record):
    with pytest.raises(RecordNotReadyError, match=r"record LCD-20250314-0001: points\[0\].quantity"):
        export_report([new_record(points=[_injected(new_record, "x").points[0].__class__(
            "温\x00度", "℃", "1.0", "1.1", "0.5")])], tmp_path / "r.xlsx")


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that claims width x height pixels: enough to open, far too large to decode."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("photo, crop, message", [
    ("huge", None, "huge.png"),
    ("screen", [500, 500, 10, 10], "lies outside the photo (100 x 60 pixels)"),
])
def test_photo_failures_give_a_clear_message_and_leave_the_old_report(tmp_path, new_record, screen_photo, capsys,
                                                                       photo, crop, message):
    path = screen_photo if photo == "screen" else _png_header_only(tmp_path / "huge.png", 20000, 20000)
    record = new_record(photo=str(path))
    record.points[0].crop = tuple(crop) if crop else None
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old report")
    assert main(["export", "--records", str(_records_file(tmp_path, [record])), "--xlsx", str(out), "--photos",
                 "--replace"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert out.read_bytes() == b"old report"


def test_a_read_only_file_system_gives_a_clear_message(tmp_path, monkeypatch, capsys):
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old report")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    assert main(["export", "--records", str(EXAMPLE), "--xlsx", str(out), "--photos", "--replace"]) == 1
    assert "read-only disk" in capsys.readouterr().err
    assert out.read_bytes() == b"old report"


def _with_sparkline(path: Path) -> Path:
    wb = Workbook()
    wb.active.title = "Trend"
    wb.active.append([1, 2, 3])
    wb.save(path)
    ext = ('<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" '
           'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups '
           'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup><x14:sparklines>'
           '<x14:sparkline><xm:f>Trend!A1:C1</xm:f><xm:sqref>D1</xm:sqref></x14:sparkline></x14:sparklines>'
           '</x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>')
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item.filename) for item in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].decode().replace("</worksheet>", ext).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_append_refuses_a_workbook_whose_sparkline_it_would_drop(tmp_path, new_record):
    path = _with_sparkline(tmp_path / "report.xlsx")
    before = path.read_bytes()
    with pytest.raises(ReportWriteError, match="cannot keep.*extension is not supported"):
        export_report([new_record()], path, append=True)
    assert path.read_bytes() == before


def test_append_in_another_language_is_refused_instead_of_a_second_summary(tmp_path, new_record):
    path = export_report([new_record("A-1")], tmp_path / "r.xlsx", lang="zh")
    before = path.read_bytes()
    with pytest.raises(ReportWriteError, match="summary sheet is '汇总' \\(language zh\\)"):
        export_report([new_record("A-2")], path, append=True, lang="en")
    assert path.read_bytes() == before


def test_every_formula_carries_its_result_for_viewers_that_do_not_recalculate(tmp_path, example_records):
    path = export_report(example_records, tmp_path / "r.xlsx")
    formulas, values = load_workbook(path), load_workbook(path, data_only=True)
    checked = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert values[ws.title][cell.coordinate].value is not None, f"{ws.title}!{cell.coordinate}"
                    checked += 1
    assert checked == 45  # 13 points and 3 as found x (error, verdict), 6 % of reading limits, 4 + 3 conclusions
    ws = values["LCD-20250314-0002"]
    header = _cell_with(ws, "序号").row
    table = [[c.value for c in row][:10] for row in ws.iter_rows(min_row=header + 1, max_row=header + 6)]
    for (index, _, _, standard, reading, error, limit, u, tur, verdict), point in zip(table, example_records[1].points):
        result = point.result(example_records[1].decision_rule)
        assert error == pytest.approx(float(result.error)) and limit == pytest.approx(float(result.limit))
        assert verdict == {"pass": "合格", "fail": "不合格", "conditional_pass": "有条件合格",
                           "conditional_fail": "有条件不合格"}[result.verdict]


def test_template_copies_keep_footer_and_print_titles_which_follow_inserted_rows(tmp_path, new_record):
    from desktop.core.records.calibration_record import StandardUsed

    standards = [StandardUsed(name=f"标准器 {i}", serial=f"S-{i}") for i in range(3)]
    records = [new_record("A-1", standards=standards), new_record("A-2", standards=standards)]
    wb = load_workbook(export_report(records, tmp_path / "r.xlsx", template=SHIPPED))
    form = load_workbook(SHIPPED).worksheets[0]
    title_row = int(form.print_title_rows.split(":")[0].strip("$"))
    for ws in wb.worksheets:
        assert form.oddFooter.center.text == "{{number}}  第 &P 页 共 1 页"
        assert ws.oddFooter.center.text == f"{ws.title}  第 &P 页 共 1 页"
        assert ws.print_title_rows == f"${title_row + 2}:${title_row + 2}"  # two standard rows were inserted
        assert ws.cell(title_row + 2, 1).value == "序号"
        names = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "标准器 " in c.value]
        assert names == ["标准器 0", "标准器 1", "标准器 2"]  # every standard shows, not only the last
        assert ws.page_setup.fitToHeight == 1 and ws.sheet_properties.pageSetUpPr.fitToPage  # one page per record
