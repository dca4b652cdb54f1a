"""Split the text of one OCR box into key words, numbers and units.

``"大气压100.07kPa"`` -> word ``大气压``, number ``100.07``, unit ``kPa``;
``"湿度45.2 温度23.5℃"`` -> four or five tokens. Geometry comes later (layout.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.reading.numbers import DASHES_RE, NUMBER_RE, TIME_RE, clean_numeric_text
from desktop.core.reading.units import UnitTable, normalize_text

WORD = "word"  # a possible key: a CJK run, or Latin letters that are no unit ("Temp", "Err")
NUMBER = "number"  # digits, a time, or a dash run ("--.-") where a value should be
UNIT = "unit"

_SEPARATORS = set(" \t:=;|,、，：")
# Punctuation OCR drops inside a Chinese word ("大.气压") is removed before splitting.
_CJK_INNER_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff])[.·,'`\"_-]+(?=[\u4e00-\u9fff])")


@dataclass
class TextToken:
    kind: str
    text: str  # normalised text of the token
    start: int  # offsets in the normalised box text
    end: int
    unit: str = ""  # canonical unit, for UNIT tokens


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def normalize_box_text(text: str) -> str:
    text = normalize_text(text)
    text = _CJK_INNER_PUNCT.sub("", text)
    return clean_numeric_text(text)


def split_text(text: str, units: UnitTable) -> list[TextToken]:
    """Tokens of one box's normalised text (see ``normalize_box_text``)."""
    whole = units.canonical(text)
    if whole and text.strip():  # a box holding only "M2" or "%RH" is a unit, not junk + number
        start = len(text) - len(text.lstrip())
        return [TextToken(UNIT, text.strip(), start, start + len(text.strip()), whole)]
    tokens: list[TextToken] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SEPARATORS:
            i += 1
            continue
        if tokens and tokens[-1].kind == NUMBER:
            found = units.match_prefix(text, i)
            if found:
                tokens.append(TextToken(UNIT, text[i : found[1]], i, found[1], found[0]))
                i = found[1]
                continue
        match = _match_value(text, i)
        if match:
            tokens.append(TextToken(NUMBER, match.group().replace(" ", ""), i, match.end()))
            i = match.end()
            continue
        if is_cjk(ch):
            end = i
            while end < n and is_cjk(text[end]):
                end += 1
            tokens.append(TextToken(WORD, text[i:end], i, end))
        else:
            end = i
            while end < n and not (is_cjk(text[end]) or text[end].isdigit() or text[end] in _SEPARATORS):
                end += 1
            end = max(end, i + 1)
            token = _classify_run(text[i:end], i, end, units)
            if token is not None:
                tokens.append(token)
        i = end
    return tokens


def _match_value(text: str, i: int) -> re.Match | None:
    for pattern in (TIME_RE, DASHES_RE, NUMBER_RE):
        match = pattern.match(text, i)
        if match:
            return match
    return None


def _classify_run(run: str, start: int, end: int, units: UnitTable) -> TextToken | None:
    unit = units.canonical(run)
    if unit:
        return TextToken(UNIT, run, start, end, unit)
    if not any(ch.isalnum() for ch in run):
        return None  # stray punctuation
    return TextToken(WORD, run, start, end)
