"""A clock on the display: its time is a time, never a temperature or any other measured value.

Clock / thermo-hygrometer LCDs show the time in digits as tall as the measured value. When the detector
misses the value, the time sat under TEMPERATURE and was read as the temperature (`温度 = 1204`). A
clock's time is `h:mm` or `h:mm:ss`, or 3-4 digits beside AM / PM (OCR often drops a blinking colon).
"""
from __future__ import annotations

import re

from desktop.core.reading.layout import Token
from desktop.core.reading.numbers import TIME_RE
from desktop.core.reading.pairing import KeyItem, Pair
from desktop.core.reading.tokens import NUMBER, WORD

AM_PM = {"AM", "PM", "A.M.", "P.M.", "上午", "下午"}
NEAR = 1.0  # AM / PM at most this many digit heights beside the digits
_CLOCK_RE = re.compile(r"\d{1,2}(?::\d{2}){1,2}")
_COLON_LOST_RE = re.compile(r"(\d{1,2})(\d{2})")


def clock_text(token: Token, beside_am_pm: bool) -> str | None:
    """The time a number token shows ("12:04"), or None when it is no clock's time."""
    if _CLOCK_RE.fullmatch(token.text) and TIME_RE.fullmatch(token.text):
        hours, minutes = (int(part) for part in token.text.split(":")[:2])
        return token.text if hours <= 23 and minutes <= 59 else None
    lost = _COLON_LOST_RE.fullmatch(token.text) if beside_am_pm else None
    if lost and 1 <= int(lost[1]) <= 12 and int(lost[2]) <= 59:
        return f"{int(lost[1])}:{lost[2]}" if len(lost[1]) == 1 else f"{lost[1]}:{lost[2]}"
    return None


def _gap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, b0 - a1, a0 - b1)


def _beside(word: Token, digits: Token) -> bool:
    reach = NEAR * digits.height
    return _gap(word.x0, word.x1, digits.x0, digits.x1) <= reach and _gap(word.y0, word.y1, digits.y0, digits.y1) <= reach


def free_clock_times(pairs: list[Pair], lines: list[list[Token | KeyItem]]) -> list[Pair]:
    """Mark the pairs whose value is a clock's time. One paired with a measured key (a number key) is
    split: the key is left alone (its value was missed) and the time stands on its own."""
    am_pm = [t for line in lines for t in line
             if isinstance(t, Token) and t.kind == WORD and t.text.upper() in AM_PM]
    freed: list[Pair] = []
    for pair in pairs:
        value = pair.value
        if value is None or value.kind != NUMBER or pair.unit is not None:
            freed.append(pair)
            continue
        shown = clock_text(value, any(_beside(word, value) for word in am_pm))
        if shown is None or (pair.key is not None and pair.key.takes_text):
            freed.append(pair)
            continue
        if pair.key is not None:
            pair.key.paired = False
        freed.append(Pair(value=value, clock=shown))
    return freed
