"""Numbers as LCDs show them: keep the displayed digits, also parse them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Minus signs OCR returns for a segment dash; the CJK "一" only counts before a digit.
_MINUS = str.maketrans({"−": "-", "–": "-", "—": "-", "﹣": "-", "‐": "-"})
_CJK_ONE_AS_MINUS = re.compile(r"一(?=\s?[\d.])")
# Seven-segment look-alikes, replaced only between digits so units (oC, MO) survive.
_DIGIT_LOOKALIKES = {"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"}
_LOOKALIKE_RE = re.compile(r"(?<=[\d.])[OoDIl|SB]+(?=[\d.])")
_DECIMAL_MARK_RE = re.compile(r"(?<=\d)[,·。](?=\d)")

TIME_RE = re.compile(r"\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}(?::\d{1,2}){1,2}(?![\d.])")
NUMBER_RE = re.compile(r"[-+]?\s?(?:\d+(?:\.+\d+)*|\.\d+(?:\.+\d+)*)")
DASHES_RE = re.compile(r"-{2,}(?:\.-+)?|-\.-+")  # "----", "--.-": no reading on the display


def clean_numeric_text(text: str) -> str:
    """Undo the usual OCR slips in numbers; the text is otherwise left as displayed."""
    text = _CJK_ONE_AS_MINUS.sub("-", text.translate(_MINUS))
    text = _DECIMAL_MARK_RE.sub(".", text)
    return _LOOKALIKE_RE.sub(lambda m: "".join(_DIGIT_LOOKALIKES[c] for c in m.group()), text)


@dataclass
class ParsedNumber:
    value: str  # as displayed, normalised: "100.07", "-0000", "00.0"
    number: float | None
    decimals: int | None  # digits after the decimal point
    issues: list[str] = field(default_factory=list)


def decimals_of(text: str) -> int:
    """Displayed decimals of a number as written: ``'100.07'`` -> 2, ``'30'`` -> 0. The one rule for the
    template's decimals check and for a record's rounding (records/verdicts.py)."""
    text = text.strip()
    return len(text.split(".", 1)[1]) if "." in text else 0


def parse_number(text: str) -> ParsedNumber:
    """Parse one value token (already cleaned). Leading zeros stay in ``value``."""
    value = re.sub(r"\s+", "", text).lstrip("+")
    if not any(ch.isdigit() for ch in value):
        return ParsedNumber(value, None, None, ["no_digits"])
    if TIME_RE.fullmatch(value):
        return ParsedNumber(value, None, None)
    if value.count(".") > 1:
        return ParsedNumber(value, None, None, ["two_decimal_points"])
    try:
        number = float(value)
    except ValueError:
        return ParsedNumber(value, None, None, ["not_a_number"])
    return ParsedNumber(value, number or 0.0, decimals_of(value))  # -0000 parses to 0.0, not -0.0
