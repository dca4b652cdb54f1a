"""A lab's own template: named ranges, {{field}} placeholders, a point row that expands."""
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.workbook.defined_name import DefinedName

from desktop.core.records.excel.report import export_report
from desktop.core.records.excel.template_fill import TemplateError

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "templates_xlsx" / "lab_template.xlsx"


def _template(tmp_path, extra=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Form"
    ws["A1"], ws["B1"] = "No.", None
    wb.defined_names["number"] = DefinedName("number", attr_text="Form!$B$1")
    wb.defined_names["instrument_serial"] = DefinedName("instrument_serial", attr_text="Form!$B$2")
    ws["A3"] = "Customer: {{customer}} / {{ instrument.name }}"
    ws["B4"] = "{{environment.pressure}}"
    for column, name in zip("ABCDEF", ["index", "standard", "reading", "error", "tolerance", "verdict"]):
        ws[f"{column}6"] = f"{{{{point.{name}}}}}"
    ws["G6"] = "fixed"
    ws.row_dimensions[6].height = 25
    ws.merge_cells("A8:C8")
    ws["A8"] = "{{conclusion}}"
    ws.row_dimensions[8].height = 40
    ws["A9"] = "{{technician}} {{calibration_date}}"
    wb.defined_names["checker"] = DefinedName("checker", attr_text="Form!$B$10")
    ws["D10"] = "kept"
    if extra:
        extra(ws)
    path = tmp_path / "template.xlsx"
    wb.save(path)
    return path


def test_named_ranges_and_placeholders_are_filled(tmp_path, new_record):
    wb = load_workbook(export_report([new_record()], tmp_path / "out.xlsx", template=_template(tmp_path)))
    assert wb.sheetnames == ["LCD-20250314-0001"]
    ws = wb.active
    assert (ws["B1"].value, ws["B2"].value) == ("LCD-20250314-0001", "A-001")
    assert ws["A3"].value == "Customer: 苏州清源环境检测有限公司 / 烟尘采样器"
    assert (ws["B4"].value, ws["B4"].number_format) == (101.32, "0.00")
    assert ws["B10"].value is None and ws["B11"].value == "陈静"  # the named cell moved down with its row
    assert wb.defined_names["checker"].attr_text == "'LCD-20250314-0001'!B11"
    assert ws["D11"].value == "kept"


def test_the_point_row_expands_with_formulas(tmp_path, new_record):
    wb = load_workbook(export_report([new_record()], tmp_path / "out.xlsx", template=_template(tmp_path)))
    ws = wb.active
    assert [ws.cell(6, c).value for c in range(1, 8)] == [
        1, 100.0, 100.07, "=ROUND(C6-B6,2)", 0.5, '=IF(ROUND(ABS(D6)-E6,2)<=0,"合格","不合格")', "fixed"]
    assert [ws.cell(7, c).value for c in range(1, 3)] == [2, 30.0]
    assert (ws["C7"].number_format, ws["D7"].number_format) == ("0.0", "0.00")
    assert ws.row_dimensions[7].height == 25
    assert "A9:C9" in {str(r) for r in ws.merged_cells.ranges}  # the merge below moved with its row
    assert ws.row_dimensions[9].height == 40
    assert ws["A9"].value == ('=IF(COUNTIF(F6:F7,"不合格")>0,"不合格",IF(COUNTIF(F6:F7,"有条件不合格")>0,"有条件不合格",'
                              'IF(COUNTIF(F6:F7,"有条件合格")>0,"有条件合格",IF(COUNTIF(F6:F7,"合格")>0,"合格",""))))')
    assert ws["A10"].value == "王磊 2025-03-14"
    assert any(str(cf.sqref) == "F6:F7" for cf in ws.conditional_formatting)


def test_a_bilingual_form_names_each_quantity_in_both_languages(tmp_path, new_record):
    def bilingual(ws):
        ws["H6"] = "{{point.quantity_zh}} / {{point.quantity_en}}"

    for lang in ("zh", "en"):
        wb = load_workbook(export_report([new_record()], tmp_path / f"{lang}.xlsx", lang=lang,
                                         template=_template(tmp_path, bilingual)))
        assert (wb.active["H6"].value, wb.active["H7"].value) == ("大气压 / atmospheric pressure", "流量 / flow")


def test_each_record_gets_its_own_copy_of_the_form(tmp_path, new_record):
    records = [new_record("LCD-20250314-0001"), new_record("LCD-20250314-0002", customer="B")]
    wb = load_workbook(export_report(records, tmp_path / "out.xlsx", template=_template(tmp_path)))
    assert wb.sheetnames == ["LCD-20250314-0001", "LCD-20250314-0002"]
    second = wb["LCD-20250314-0002"]
    assert (second["B1"].value, second["A3"].value) == ("LCD-20250314-0002", "Customer: B / 烟尘采样器")


def test_an_unknown_placeholder_names_the_cell(tmp_path, new_record):
    def typo(ws):
        ws["E12"] = "{{instrument.serail}}"

    with pytest.raises(TemplateError, match=r"template\.xlsx: .*E\d+: unknown placeholder \{\{instrument\.serail\}\}"):
        export_report([new_record()], tmp_path / "out.xlsx", template=_template(tmp_path, typo))
    assert not (tmp_path / "out.xlsx").exists()


def test_the_shipped_template_fills_every_marked_cell(tmp_path, example_records):
    wb = load_workbook(export_report(example_records, tmp_path / "out.xlsx", template=SHIPPED))
    for ws in wb:
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert not [t for t in texts if "{{" in t], ws.title
    ws = wb["LCD-20250314-0002"]
    assert (ws["B3"].value, ws["E3"].value, ws["E5"].value) == ("LCD-20250314-0002", datetime(2025, 3, 14), "CEM-625-0087")
    # two standards (one row inserted): six points from row 13; guarded acceptance needs U, which this
    # template has no cell for, so its verdicts are values (still computed by verdicts.py)
    assert [ws[f"H{r}"].value for r in range(13, 19)] == ["合格", "合格", "有条件合格", "合格", "合格", "不合格"]
    first = wb["LCD-20250314-0001"]
    assert first["H13"].value == '=IF(ROUND(ABS(F13)-G13,2)<=0,"合格","不合格")'  # simple acceptance: a formula
