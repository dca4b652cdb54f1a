"""Issue 31, defect 2: inputs that would print a false pass are refused before export and issue."""
from datetime import date, datetime

import pytest

from desktop.core.records.calibration_record import MeasurementPoint
from desktop.core.records.excel.report import RecordNotReadyError, export_report
from desktop.core.records.revisions import RevisionError, issue
from desktop.core.records.verdicts import ToleranceError, evaluate


def test_a_negative_u_cannot_widen_the_guarded_pass_zone(new_record, tmp_path):
    with pytest.raises(ToleranceError, match="uncertainty: U = -5 is negative"):
        evaluate("105.0", "100.0", "2.0", "-5", rule="guarded")  # error 5.0 against 2.0 printed 合格
    record = new_record(decision_rule="guarded", points=[MeasurementPoint("压力", "kPa", "100.0", "105.0", "2.0", "-5")])
    with pytest.raises(RecordNotReadyError, match="point 1: uncertainty: U = -5 is negative"):
        export_report([record], tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


@pytest.mark.parametrize("k", ["0", "-2", ""])
def test_a_coverage_factor_of_zero_or_less_is_refused(new_record, tmp_path, k):
    record = new_record(coverage_factor=k)
    with pytest.raises(RecordNotReadyError, match="coverage_factor: k = .*must be a number above 0"):
        export_report([record], tmp_path / "r.xlsx")
    with pytest.raises(RevisionError, match="coverage_factor"):
        issue(record, by="李华")


def test_a_negative_full_scale_is_refused(new_record, tmp_path):
    record = new_record(points=[MeasurementPoint("压力", "kPa", "100.0", "105.0", "1 %FS", "0.1", full_scale="-1000")])
    with pytest.raises(RecordNotReadyError, match="point 1: full_scale: -1000 is negative"):
        export_report([record], tmp_path / "r.xlsx")


@pytest.mark.parametrize("change, field", [
    ({"received_date": date(2025, 3, 15)}, "received_date: 2025-03-15 is after the calibration date 2025-03-14"),
    ({"issue_date": date(2025, 3, 13)}, "issue_date: 2025-03-13 is before the calibration date 2025-03-14"),
])
def test_dates_out_of_order_are_refused(new_record, tmp_path, change, field):
    record = new_record(**change)
    with pytest.raises(RecordNotReadyError, match=field):
        export_report([record], tmp_path / "r.xlsx")
    with pytest.raises(RevisionError, match=field.split(":")[0]):  # issued the day before it was calibrated
        issue(record, by="李华", when=datetime(2025, 3, 13, 9) if "issue_date" in field else None)


def _cells(path, sheet):
    from openpyxl import load_workbook

    return [c.value for row in load_workbook(path)[sheet].iter_rows() for c in row if c.value is not None]


def test_an_uncertainty_larger_than_the_tolerance_is_refused_unless_the_technician_states_why(new_record, tmp_path):
    # U = 2.00 against a tolerance of 0.50: a pass under simple acceptance says nothing
    record = new_record(points=[MeasurementPoint("压力", "kPa", "100.00", "100.10", "0.50", "2.00")])
    with pytest.raises(RecordNotReadyError, match=r"tur_reason: point\(s\) 1 have a TUR \(limit / U\) below 1:1"):
        export_report([record], tmp_path / "r.xlsx")
    with pytest.raises(RevisionError, match="below 1:1"):
        issue(record, by="李华")
    record.tur_reason = "客户仅需示值参考"
    cells = _cells(export_report([record], tmp_path / "r.xlsx"), record.number)
    assert "0.2:1" in cells and "客户仅需示值参考" in cells
    assert any("第 1 点的测试不确定度比 TUR" in str(c) and "4:1" in str(c) for c in cells)


def test_each_point_shows_its_tur_and_those_below_the_labs_minimum_are_flagged(new_record, tmp_path):
    record = new_record(points=[MeasurementPoint("压力", "kPa", "100.00", "100.10", "0.50", "0.20"),   # 2.5:1
                                MeasurementPoint("压力", "kPa", "200.00", "200.10", "0.50", "0.10")])  # 5:1
    cells = _cells(export_report([record], tmp_path / "r.xlsx"), record.number)
    assert "2.5:1" in cells and "5.0:1" in cells
    assert any("第 1 点的测试不确定度比 TUR" in str(c) for c in cells)
    record.laboratory.min_tur = "2"
    cells = _cells(export_report([record], tmp_path / "r2.xlsx"), record.number)
    assert not any("测试不确定度比" in str(c) for c in cells)
