"""Record / certificate numbers from a configurable pattern such as ``LCD-{date:%Y%m%d}-{seq:04d}``.

The pattern is a Python format string with two fields: ``date`` (the calibration date, any strftime
format) and ``seq`` (the running number). The sequence restarts whenever the rest of the number
changes, so a daily pattern numbers each day from 1 and a yearly one each year.
"""
from __future__ import annotations

import re
import string
from datetime import date
from typing import Iterable

DEFAULT_PATTERN = "LCD-{date:%Y%m%d}-{seq:04d}"


def format_number(pattern: str, day: date, seq: int) -> str:
    _check_pattern(pattern)
    return pattern.format(date=day, seq=seq)


def next_number(pattern: str, day: date, existing: Iterable[str]) -> str:
    """The number after the highest one in ``existing`` that shares this date's prefix and suffix."""
    matcher = _sequence_matcher(pattern, day)
    used = [int(m.group("seq")) for number in existing if (m := matcher.fullmatch(number))]
    return format_number(pattern, day, max(used, default=0) + 1)


def _check_pattern(pattern: str) -> None:
    fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    unknown = sorted(set(fields) - {"date", "seq"})
    if unknown:
        raise ValueError(f"numbering pattern {pattern!r}: unknown field(s) {', '.join(unknown)}; use date and seq")
    if fields.count("seq") != 1:
        raise ValueError(f"numbering pattern {pattern!r} must contain {{seq}} exactly once")


def _sequence_matcher(pattern: str, day: date) -> re.Pattern[str]:
    _check_pattern(pattern)
    parts = []
    for literal, name, spec, conversion in string.Formatter().parse(pattern):
        parts.append(re.escape(literal))
        if name == "seq":
            parts.append(r"(?P<seq>\d+)")
        elif name == "date":
            parts.append(re.escape(format(day, spec or "")))
    return re.compile("".join(parts))
