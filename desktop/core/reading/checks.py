"""Is a reading plausible? Issue codes, their messages, and the checks that raise them."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.core.reading.keys import KeyEntry
from desktop.core.reading.numbers import TIME_RE, ParsedNumber
from desktop.core.reading.templates import Field
from desktop.core.reading.units import UnitTable, load_units

if TYPE_CHECKING:  # reading.py imports this module for its messages
    from desktop.core.reading.reading import Reading

# code -> (Chinese, English), the order of the report's labels (records/excel/report_labels.py).
# Any issue makes a reading suspect (valid = False).
ISSUES: dict[str, tuple[str, str]] = {
    "no_digits": ("数值中没有数字。", "The value shows no digits."),
    "two_decimal_points": ("数值含有多个小数点。", "The value has more than one decimal point."),
    "not_a_number": ("数值不是有效数字。", "The value is not a number."),
    "unit_mismatch": ("单位与该项目不符。", "The unit does not fit this key."),
    "unknown_unit": ("无法识别该单位。", "The unit is not recognised."),
    "out_of_range": ("数值超出合理范围。", "The value is outside the plausible range."),
    "decimals_mismatch": ("小数位数与该仪器的显示不符。", "The number of decimals differs from what this instrument shows."),
    "ambiguous_key": ("项目名称有多种可能，请选择正确的项目。", "The key could be more than one name; choose the right one."),
    "no_key": ("未找到该数值对应的项目。", "No key was found for this value."),
    "no_value": ("未找到该项目的数值。", "No value was found for this key."),
    "time_for_number": ("数值是时间或日期，但该项目应为数字。", "The value is a time or date, but this key takes a number."),
    "repeated_key": ("该项目在此屏幕上被读到不止一次，请核对哪个数值正确。", "This key was read more than once on this screen; check which value is right."),
}
# Issues that name what they found: "profile_shape|ddd|d.dd" (see reading/profile.py). {0}, {1}: the arguments.
PARAMETER_ISSUES: dict[str, tuple[str, str]] = {
    "profile_shape": ("读数格式为 {0}，而该仪器显示 {1}。", "{0} where this instrument shows {1}."),
    "profile_sign": ("该仪器从未显示过此符号（{0}）。", "A sign ({0}) this instrument has not shown."),
    "profile_unit": ("单位为 {0}，而该仪器显示 {1}。", "Unit {0} where this instrument shows {1}."),
}
ARG_SEPARATOR = "|"
KEY_ISSUES = ("ambiguous_key", "no_key")
# An edit with a wrong FORM is refused. A well-formed value the checks find implausible (out of range,
# unit or decimals not fitting) is kept but stays flagged: the instrument under test may really show it.
REFUSED_EDIT_ISSUES = ("not_a_number", "two_decimal_points", "no_digits", "unknown_unit")


def issue_message(code: str, lang: str = "en") -> str:
    """Message for an issue code in English ('en') or Chinese ('zh')."""
    name, *args = code.split(ARG_SEPARATOR)
    if name in PARAMETER_ISSUES and args:
        zh, en = PARAMETER_ISSUES[name]
        return (zh if lang.startswith("zh") else en).format(*args, *[""] * 2)
    zh, en = ISSUES.get(code, (f"未知问题：{code}。", f"Unknown problem: {code}."))
    return zh if lang.startswith("zh") else en


def allowed_units(entry: KeyEntry | None, field: Field | None) -> tuple[str, ...] | None:
    if field is not None:
        return field.units
    return entry.units if entry is not None else None


def takes_number(entry: KeyEntry | None, unit: str = "") -> bool:
    """Values of number keys, and of no key, are numbers with units; text and time keys take text,
    except a time shown as a duration ("采样时间 605 min"), which is a number with its unit."""
    return entry is None or entry.kind == "number" or (entry.kind == "time" and is_duration_unit(unit))


def is_duration_unit(unit: str) -> bool:
    return load_units().quantity_of(unit) == "duration"


def text_value(text: str, entry: KeyEntry | None) -> ParsedNumber:
    """The value of a text or time key is its text as shown; a time needs digits."""
    no_digits = entry is not None and entry.kind == "time" and not any(c.isdigit() for c in text)
    return ParsedNumber(text, None, None, ["no_digits"] if no_digits else [])


def value_issues(
    parsed: ParsedNumber,
    unit: str,
    unit_known: bool,
    entry: KeyEntry | None,
    field: Field | None,
    units: UnitTable,
) -> list[str]:
    """THE validity rule, for a value read from a screen and for one a technician typed alike.

    A reading is valid when this and its key issues are empty. ``unit`` is "" for text and time keys.
    """
    issues = list(parsed.issues)
    if not takes_number(entry, unit):
        return issues
    if unit and not unit_known:
        issues.append("unknown_unit")
    fits = allowed_units(entry, field)
    if unit and unit_known and fits is not None and unit not in fits:
        issues.append("unit_mismatch")
    rng, range_unit = _range(entry, field)
    if parsed.number is not None and rng is not None:
        number: float | None = parsed.number
        if unit and range_unit and unit != range_unit:
            number = units.convert(parsed.number, unit, range_unit)
        if number is not None and not rng[0] <= number <= rng[1]:
            issues.append("out_of_range")
    decimals = field.decimals if field is not None else None
    if decimals is not None and parsed.decimals is not None and parsed.decimals != decimals:
        issues.append("decimals_mismatch")
    if entry is not None and parsed.number is None and TIME_RE.fullmatch(parsed.value):
        issues.append("time_for_number")  # a clock's 7:34 under TEMPERATURE is not a temperature
    return issues


def refused_edit_issues(issues: list[str]) -> list[str]:
    """The issues that make an edit refused rather than kept and flagged (see REFUSED_EDIT_ISSUES)."""
    return [code for code in issues if code in REFUSED_EDIT_ISSUES]


def _range(entry: KeyEntry | None, field: Field | None) -> tuple[tuple[float, float] | None, str | None]:
    if field is not None:
        return field.range, field.range_unit
    if entry is not None and entry.range is not None:
        return entry.range, entry.units[0] if entry.units else None
    return None, None


def flag_repeated_keys(readings: list[Reading]) -> list[Reading]:
    """THE repeated-key rule: each reading flagged ``repeated_key`` exactly when its key is read more
    than once on the screen now. Run on extraction and again after the technician deletes a reading or
    a box edit reads the screen again (the misread twin gone, the one left is no longer flagged).

    A key (of the same template field) read twice on one screen means one of the two is a misread,
    e.g. a unit whose box reached into the value's last digit ('30.0' and '1 L/min'). Tagged labels
    name different things: R-RES and Y-RES are two resistances. A value that cannot be the key's at all
    (a clock's time under TEMPERATURE) does not compete with one that can."""
    seen = Counter(_competing_key(r) for r in readings)
    flagged = []
    for reading in readings:
        kept = [code for code in reading.issues if code != "repeated_key"]
        competing = _competing_key(reading)
        issues = kept + ["repeated_key"] if competing is not None and seen[competing] > 1 else kept
        flagged.append(reading if issues == reading.issues else replace(reading, issues=issues))
    return flagged


def _competing_key(reading: Reading) -> tuple[str, str | None, str] | None:
    """What two readings share when they claim the same thing; None for a reading that claims nothing."""
    if not reading.key or "time_for_number" in reading.issues:
        return None
    return reading.key, reading.field, reading.label
