import ast
from pathlib import Path

import pytest

from desktop.core.reading import (
    ISSUES,
    edit_reading,
    edit_value,
    extract_readings,
    issue_message,
    load_template,
    validate_value,
)


@pytest.fixture
def pressure(box):
    (r,) = extract_readings([box(10, 10, 60, 20, "大气压"), box(80, 10, 80, 20, "10007kPa")], load_template("smoke-dust-sampler"))
    assert r.issues == ["out_of_range", "decimals_mismatch"]
    return r


def test_edit_fixes_and_rechecks_against_the_readings_template(pressure):
    fixed = edit_reading(pressure, "100.07")
    assert (fixed.value, fixed.number, fixed.unit, fixed.valid, fixed.issues) == ("100.07", 100.07, "", True, [])
    assert fixed.field == "atmospheric_pressure" and fixed.boxes == pressure.boxes
    assert pressure.value == "10007"  # the original is not changed


def test_edit_with_unit_in_the_text_or_separately(pressure):
    assert edit_reading(pressure, " 100.07KPa ").unit == "kPa"
    assert edit_reading(pressure, "1000.7", unit="hPa").issues == ["decimals_mismatch"]  # in range once converted
    assert edit_reading(pressure, "100.07", unit="℃").issues == ["unit_mismatch"]
    assert edit_reading(pressure, "100.07", unit="bogus").issues == ["unknown_unit"]


@pytest.mark.parametrize(
    "text, issues",
    [("", ["no_digits"]), ("abc", ["not_a_number"]), ("100..07", ["two_decimal_points"]),
     ("100.07 5", ["not_a_number"]), ("120.00", ["out_of_range"]), ("100.1", ["decimals_mismatch"])],
)
def test_validate_value_refuses_bad_edits(pressure, text, issues):
    assert validate_value(pressure, text) == issues


def test_validate_value_by_key_uses_the_dictionary():
    assert validate_value("湿度", "45.2", "%RH") == []
    assert validate_value("湿度", "145", "%") == ["out_of_range"]
    assert validate_value("温度", "23.5", "kPa") == ["unit_mismatch"]
    assert validate_value("型号", "ZR-3260") == []  # text keys take any text
    assert validate_value("时间", "--:--") == ["no_digits"]
    assert validate_value("", "12.5") == []  # a missing key is not the value's fault


def test_edit_can_settle_an_ambiguous_key(box):
    (r,) = extract_readings([box(10, 10, 60, 20, "球温度"), box(80, 10, 50, 20, "23.5℃")])
    settled = edit_reading(r, r.value, r.unit, key="干球温度")
    assert (settled.key, settled.key_en, settled.field, settled.valid, settled.candidates) == (
        "干球温度", "dry-bulb temperature", "dry_bulb_temperature", True, [])
    still = edit_reading(r, "23.6")
    assert still.issues == ["ambiguous_key"] and still.candidates == r.candidates


def test_issue_messages_in_both_languages():
    for code in ISSUES:
        assert issue_message(code, "en") and issue_message(code, "zh")
        assert issue_message(code, "en") != issue_message(code, "zh")
    assert issue_message("out_of_range") == "The value is outside the plausible range."
    assert issue_message("out_of_range", "zh_CN") == "数值超出合理范围。"
    assert "whatever" in issue_message("whatever")


def test_the_bilingual_tables_keep_one_order_zh_then_en():
    """The issue messages and the report's labels are both (zh, en), the report's LANGUAGES order."""
    from desktop.core.records.excel.report_labels import _TEXTS, LANGUAGES

    def chinese(text):
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    assert LANGUAGES == ("zh", "en")
    for table in (ISSUES, _TEXTS):
        # marks such as "DRAFT / 草稿" and "TUR" read the same in both languages; any other pair puts Chinese first
        pairs = [(zh, en) for zh, en in table.values() if zh != en]
        assert all(chinese(zh) or not chinese(en) for zh, en in pairs)
        assert sum(chinese(zh) and not chinese(en) for zh, en in pairs) > 0.9 * len(pairs)


def test_every_issue_code_used_has_a_message(box):
    codes = {"no_digits", "two_decimal_points", "unit_mismatch", "out_of_range", "ambiguous_key",
             "no_key", "no_value", "unknown_unit", "decimals_mismatch", "not_a_number"}
    assert codes <= set(ISSUES)


def test_reading_package_imports_no_qt_or_paddle():
    package = Path(__file__).resolve().parents[3] / "desktop" / "core" / "reading"
    for path in [*package.glob("*.py"), package.parent / "resources.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(("PySide6", "paddle", "desktop.ui", "cv2")), (path.name, name)


@pytest.mark.parametrize("text, refused", [("abc", ["not_a_number"]), ("100..07", ["two_decimal_points"]),
                                           ("12 bogus", ["unknown_unit"]), ("120.00", []), ("100.1", [])])
def test_the_core_decides_which_edits_are_refused(pressure, text, refused):
    # Wrong form: refused. Well formed but implausible: kept, and flagged.
    edited, refusal = edit_value(pressure, text)
    assert refusal == refused
    assert edited.valid is (not edited.issues)


def test_an_edit_without_unit_keeps_the_unit_shown(pressure):
    edited, refused = edit_value(pressure, "100.07")
    assert (edited.value, edited.unit, edited.valid, refused) == ("100.07", "kPa", True, [])


def test_a_duration_keeps_its_unit_when_edited(box):
    (r,) = extract_readings([box(10, 10, 80, 20, "采样时间"), box(100, 10, 60, 20, "605min")])
    assert (r.key, r.value, r.unit) == ("时间", "605", "min")
    edited, refused = edit_value(r, "610")
    assert (edited.value, edited.unit, edited.valid, refused) == ("610", "min", True, [])
    clock, _ = edit_value(r, "00:10:10")
    assert (clock.value, clock.unit, clock.valid) == ("00:10:10", "", True)


def test_a_time_typed_for_a_number_key_is_flagged():
    assert validate_value("温度", "7:34") == ["time_for_number"]
