"""Record / certificate numbers from a configurable pattern such as ``LCD-{date:%Y%m%d}-{seq:04d}``.

The pattern is a Python format string with two fields: ``date`` (the calibration date, any strftime
format) and ``seq`` (the running number). The sequence restarts whenever the rest of the number
changes, so a daily pattern numbers each day from 1 and a yearly one each year.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterable
from datetime import date

DEFAULT_PATTERN = "LCD-{date:%Y%m%d}-{seq:04d}"


def format_number(pattern: str, day: date, seq: int) -> str:
    _check_pattern(pattern)
    return pattern.format(date=day, seq=seq)


def next_number(pattern: str, day: date, existing: Iterable[str]) -> str:
    """The number after the highest one in ``existing`` that shares this date's prefix and suffix."""
    return format_number(pattern, day, highest_seq(pattern, day, existing) + 1)


def highest_seq(pattern: str, day: date, existing: Iterable[str]) -> int:
    """The highest running number in ``existing`` for this date (0: none)."""
    matcher = _sequence_matcher(pattern, day)
    return max((int(m.group("seq")) for number in existing if (m := matcher.fullmatch(number))), default=0)


def sequence_key(pattern: str, day: date) -> str:
    """What numbers of one sequence share: the pattern with the date filled in (the lab store counts per key)."""
    _check_pattern(pattern)
    return "".join(literal + ("{seq}" if name == "seq" else format(day, spec or "") if name == "date" else "")
                   for literal, name, spec, _ in string.Formatter().parse(pattern))


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
