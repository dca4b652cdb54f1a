"""Issue 31, defect 1: the verdict does not depend on the program that shows it.

Python compares exact decimals, with no rounding before the comparison; the formulas compute the same
comparison (checked after a real LibreOffice recalculation in test_report_libreoffice.py and
test_verdict_property.py); numbers a cell cannot hold exactly are refused, naming the field.
"""
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.core.records.calibration_record import MeasurementPoint
from desktop.core.records.excel.report import RecordNotReadyError, export_report
from desktop.core.records.json_io import RecordFormatError, record_from_dict, record_to_dict
from desktop.core.records.verdicts import CONDITIONAL_FAIL, FAIL, PASS, VERDICTS, ExcelFormulas, Tolerance, evaluate


def test_the_issues_example_fails_on_the_exact_limit_under_the_simple_rule():
    result = evaluate("1.234500", "1.228327", "0.5 %rdg")
    assert result.limit == Decimal("0.0061725")  # not 0.006172 (half to even) nor 0.006173 (half away)
    assert result.error == Decimal("0.006173")
    assert result.verdict == FAIL


@pytest.mark.parametrize("u, verdict", [("0", FAIL), ("0.000001", CONDITIONAL_FAIL),
                                                 ("0.0000005", CONDITIONAL_FAIL)])
def test_the_issues_example_under_the_guarded_rule(u, verdict):
    assert evaluate("1.234500", "1.228327", "0.5 %rdg", u, rule="guarded").verdict == verdict


def test_a_point_exactly_on_the_unrounded_limit_passes():
    assert evaluate("1.234500", "1.2283275", "0.5 %rdg").verdict == PASS  # error 0.0061725 = limit

def test_no_round_inside_the_limit_formula():
    formula = ExcelFormulas({v: v for v in VERDICTS})
    limit = formula.limit(Tolerance.parse("0.5 %rdg"), "E28", None, Decimal("0.000001"))
    assert limit == "=0.005*ABS(E28)"


@pytest.mark.parametrize("field", ["reading", "standard", "uncertainty"])
def test_a_number_with_more_digits_than_excel_keeps_is_refused_naming_the_field(new_record, field):
    values = {"reading": "100.07", "standard": "100.00", "uncertainty": "0.05", field: "1.0000000000000001"}
    record = new_record(points=[MeasurementPoint("大气压", "kPa", values["standard"], values["reading"], "0.50",
                                                 values["uncertainty"])])
    with pytest.raises(RecordNotReadyError, match=f"point 1: {field}: 1.0000000000000001 has 17 significant"):
        export_report([record], "/nonexistent/never-written.xlsx")
    data = record_to_dict(record)
    with pytest.raises(RecordFormatError, match=rf"points\[0\]\.{field}: .*17 significant digits"):
        record_from_dict(data)


def test_the_report_shows_the_exact_verdict_and_the_limit_unrounded(tmp_path, new_record):
    record = new_record(points=[MeasurementPoint("电压", "V", "1.228327", "1.234500", "0.5 %rdg", "0.000001")])
    path = export_report([record], tmp_path / "r.xlsx")
    ws = load_workbook(path)[record.number]
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert "=0.005*ABS(E28)" in formulas or any(f.startswith("=0.005*ABS(") for f in formulas)
    assert not any("ROUND(0.005" in f for f in formulas)
    cached = load_workbook(path, data_only=True)[record.number]
    assert "不合格" in [c.value for row in cached.iter_rows() for c in row]
