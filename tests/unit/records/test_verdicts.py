"""verdicts.py: tolerances as users write them, simple and guarded (ILAC-G8) decision rules, as found / as left."""
from decimal import Decimal

import pytest

from desktop.core.records.calibration_record import MeasurementPoint
from desktop.core.records.verdicts import (
    CONDITIONAL_FAIL,
    CONDITIONAL_PASS,
    FAIL,
    PASS,
    VERDICTS,
    ExcelFormulas,
    Tolerance,
    ToleranceError,
    conclusion,
    evaluate,
)


@pytest.mark.parametrize("text, reading, full_scale, limit", [
    ("0.50", "100.07", "", "0.5"),
    ("±0.5", "100.07", "", "0.5"),
    ("1 %rdg", "20.3", "", "0.203"),
    ("1 % rdg", "-20.3", "", "0.203"),
    ("0.5 %FS", "20.3", "100", "0.5"),
    ("2 dgt", "20.3", "", "0.2"),
    ("±(0.5 % rdg + 2 dgt)", "20.3", "", "0.3015"),
    ("±(0.5％读数+3个字)", "1.234", "", "0.00917"),
    ("0.2 + 1 %FS", "5.0", "10", "0.3"),
])
def test_tolerances_as_users_write_them(text, reading, full_scale, limit):
    assert Tolerance.parse(text).limit(reading, full_scale) == Decimal(limit)


@pytest.mark.parametrize("text", ["2 %", "abc", "=1+1", "0.5 %rdg + x"])
def test_a_tolerance_that_cannot_be_read_says_how_to_write_one(text):
    with pytest.raises(ToleranceError, match="write it like"):
        Tolerance.parse(text)


def test_full_scale_tolerance_needs_the_full_scale():
    with pytest.raises(ToleranceError, match="full scale"):
        Tolerance.parse("1 %FS").limit("20.3")


def test_blank_tolerance_means_no_verdict():
    assert Tolerance.parse("  ") is None
    assert evaluate("100.07", "100.00", "").verdict is None


def test_guarded_acceptance_example_from_the_issue():
    # error 0.40 with U 0.12 against a 0.50 tolerance: pass under simple acceptance, a conditional pass when
    # the uncertainty is taken into account (ILAC-G8:2009): never a plain pass
    assert evaluate("10.40", "10.00", "0.50", "0.12", rule="simple").verdict == PASS
    assert evaluate("10.40", "10.00", "0.50", "0.12", rule="guarded").verdict == CONDITIONAL_PASS


@pytest.mark.parametrize("reading, verdict", [
    ("10.38", PASS),         # 0.38 + 0.12 = 0.50 <= 0.50 (the edge passes)
    ("10.39", CONDITIONAL_PASS),  # 0.39 <= 0.50 < 0.51
    ("10.50", CONDITIONAL_PASS),  # on the limit: within it, but U reaches beyond
    ("10.51", CONDITIONAL_FAIL),  # beyond the limit, but U reaches back inside
    ("10.62", CONDITIONAL_FAIL),  # 0.62 - 0.12 = 0.50, not > 0.50
    ("10.63", FAIL),
    ("9.37", FAIL),          # negative errors count by their size
])
def test_guarded_acceptance_zones(reading, verdict):
    assert evaluate(reading, "10.00", "0.50", "0.12", rule="guarded").verdict == verdict


def test_guarded_acceptance_needs_u():
    with pytest.raises(ToleranceError, match="uncertainty"):
        evaluate("10.40", "10.00", "0.50", "", rule="guarded")


def test_as_found_and_as_left_are_judged_separately():
    point = MeasurementPoint("温度", "℃", "25.00", "25.1", "0.50", "0.12", as_found="25.9")
    assert (point.result().verdict, point.result(as_found=True).verdict) == (PASS, FAIL)
    assert point.result(as_found=True).error == Decimal("0.90")


def test_the_conclusion_is_the_worst_point():
    assert conclusion([PASS, CONDITIONAL_PASS, None]) == CONDITIONAL_PASS
    assert conclusion([PASS, CONDITIONAL_FAIL, CONDITIONAL_PASS]) == CONDITIONAL_FAIL
    assert conclusion([PASS, FAIL, CONDITIONAL_FAIL]) == FAIL
    assert conclusion([None, None]) is None


def test_excel_formulas_follow_the_same_rule():
    formulas = ExcelFormulas({v: v.replace("_", " ").capitalize() for v in VERDICTS})
    tolerance = Tolerance.parse("±(0.5 %rdg + 2 dgt)")
    assert formulas.limit(tolerance, "E7", None, Decimal("0.1")) == "=0.005*ABS(E7)+0.2"
    assert formulas.verdict("F7", "G7", "H7", "simple", 4) == '=IF(ROUND(ABS(F7)-G7,4)<=0,"Pass","Fail")'
    assert formulas.verdict("F7", "G7", "H7", "guarded", 4) == (
        '=IF(ROUND(ABS(F7)+H7-G7,4)<=0,"Pass",IF(ROUND(ABS(F7)-H7-G7,4)>0,"Fail",'
        'IF(ROUND(ABS(F7)-G7,4)<=0,"Conditional pass","Conditional fail")))')
