"""The one place that computes a point's error, its tolerance limit and its verdict.

Tolerances are written as users write them: ``0.50`` (absolute ±, the point's unit), ``1 %rdg``
(of the reading), ``0.5 %FS`` (of the point's full scale), ``2 dgt`` (digits of the reading's last
displayed decimal), and sums such as ``±(0.5 % rdg + 2 dgt)``.

Decision rules (ISO/IEC 17025 7.8.6):
- ``simple`` (ILAC-G8:09/2019 4.2.1): pass when |error| <= limit, else fail.
- ``guarded``, the four outcomes of ILAC-G8:03/2009 (uncertainty taken into account): pass when
  |error| + U <= limit; conditional pass when |error| <= limit < |error| + U; conditional fail when
  |error| - U <= limit < |error|; fail when |error| - U > limit. A conditional pass is never a pass,
  and the two conditional outcomes are never merged.

Python compares exact decimals: nothing is rounded before the comparison (rounding is for display,
through number formats). ``ExcelFormulas`` writes the same comparison as formulas: the limit is the
plain sum of its terms, and the verdict tests the sign of ``|error| - limit`` (``± U``) rounded to the
point's ``compare_decimals``, the decimals its exact value has, so binary floating point noise (far
below that decimal) is removed and the exact sign remains. Every number must fit in the 15 significant
digits Excel keeps (``check_excel_number``), otherwise a cell would hold another value than Python's.
The report writes both: the formula (so a value corrected in Excel recalculates) and this module's
result as its cached value (so a viewer that does not recalculate still shows it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.core.reading.numbers import decimals_of

DECISION_RULES = ("simple", "guarded")
PASS, FAIL = "pass", "fail"
CONDITIONAL_PASS, CONDITIONAL_FAIL = "conditional_pass", "conditional_fail"
VERDICTS = (FAIL, CONDITIONAL_FAIL, CONDITIONAL_PASS, PASS)  # worst first: a record's conclusion is its worst
EXCEL_DIGITS = 15  # significant digits Excel and LibreOffice keep in a number cell

_TERM = re.compile(r"^(?P<number>\d+(?:\.\d*)?|\.\d+)(?P<kind>.*)$")
_KINDS = {  # suffix as typed (lower case, no spaces) -> term kind
    "": "absolute",
    "%rdg": "reading", "%rd": "reading", "%ofreading": "reading", "%读数": "reading", "%示值": "reading",
    "%fs": "full_scale", "%f.s.": "full_scale", "%offullscale": "full_scale", "%满量程": "full_scale",
    "dgt": "digits", "dgts": "digits", "digit": "digits", "digits": "digits", "d": "digits", "字": "digits",
    "个字": "digits",
}


class ToleranceError(ValueError):
    """A tolerance that cannot be read; the message says what is accepted."""


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None


def significant_digits(value: Decimal) -> int:
    return 0 if not value else len(value.normalize().as_tuple().digits)


def check_excel_number(text: str, field: str) -> None:
    """ValueError naming ``field`` when ``text`` has more significant digits than a workbook cell keeps."""
    digits = significant_digits(_decimal(text)) if text.strip() else 0
    if digits > EXCEL_DIGITS:
        shown = text.strip() if len(text.strip()) <= 40 else f"{text.strip()[:30]}..."
        raise ValueError(f"{field}: {shown} has {digits} significant digits; "
                         f"Excel keeps {EXCEL_DIGITS}: round it to at most {EXCEL_DIGITS}")


def places(value: Decimal) -> int:
    """Decimals of an exact value: ``0.0061725`` -> 7, ``20`` -> 0."""
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@dataclass(frozen=True)
class Tolerance:
    """``absolute + reading % * |reading| + full_scale % * FS + digits * resolution``."""

    absolute: Decimal = Decimal(0)
    reading_percent: Decimal = Decimal(0)
    full_scale_percent: Decimal = Decimal(0)
    digits: Decimal = Decimal(0)

    @classmethod
    def parse(cls, text: str) -> Tolerance | None:
        """None for a blank tolerance (no verdict); ToleranceError for one that cannot be read."""
        compact = re.sub(r"\s+", "", text).lower().replace("％", "%").replace("±", "").replace("+/-", "")
        if compact.startswith("(") and compact.endswith(")"):
            compact = compact[1:-1]
        if not compact:
            return None
        parts: dict[str, Decimal] = {}
        for term in compact.split("+"):
            match = _TERM.match(term)
            kind = _KINDS.get(match.group("kind")) if match else None
            if match is None or kind is None:
                raise ToleranceError(
                    f"tolerance {text.strip()!r}: write it like 0.50, 1 %rdg, 0.5 %FS, 2 dgt "
                    f"or ±(0.5 %rdg + 2 dgt)")
            parts[kind] = parts.get(kind, Decimal(0)) + Decimal(match.group("number"))
        return cls(parts.get("absolute", Decimal(0)), parts.get("reading", Decimal(0)),
                   parts.get("full_scale", Decimal(0)), parts.get("digits", Decimal(0)))

    @property
    def needs_full_scale(self) -> bool:
        return bool(self.full_scale_percent)

    @property
    def is_absolute(self) -> bool:
        return not (self.reading_percent or self.full_scale_percent or self.digits)

    def limit(self, reading: str, full_scale: str = "") -> Decimal:
        """The ± limit, in the point's unit, for this reading (digits count its last displayed decimal)."""
        if self.needs_full_scale and not full_scale.strip():
            raise ToleranceError("a % of full scale tolerance needs the point's full scale")
        fs = _decimal(full_scale) if self.full_scale_percent else Decimal(0)
        if fs < 0:
            raise ToleranceError(f"full_scale: {full_scale.strip()} is negative; give the range's full scale")
        value = (self.absolute + self.reading_percent / 100 * abs(_decimal(reading))
                 + self.full_scale_percent / 100 * fs + self.digits * resolution(reading))
        return value.normalize()  # exact: no rounding before the comparison


def resolution(reading: str) -> Decimal:
    """One digit of the displayed reading: ``'20.3'`` -> 0.1."""
    return Decimal(1).scaleb(-decimals_of(reading))


def error_decimals(reading: str, standard: str) -> int:
    return max(decimals_of(reading), decimals_of(standard))


def point_error(reading: str, standard: str) -> Decimal:
    """Reading - standard, exact (it has the displayed decimals; the Excel formula rounds its float to them)."""
    return _decimal(reading) - _decimal(standard)


def decide(error: Decimal, limit: Decimal | None, uncertainty: str, rule: str) -> str | None:
    """One of ``VERDICTS``; None without a limit. ``uncertainty`` is the expanded U."""
    if limit is None:
        return None
    if rule == "simple":
        return PASS if abs(error) <= limit else FAIL
    if rule != "guarded":
        raise ValueError(f"decision rule {rule!r}: choose one of {', '.join(DECISION_RULES)}")
    if not uncertainty.strip():
        raise ToleranceError("guarded acceptance needs the point's expanded uncertainty U")
    u = _decimal(uncertainty)
    if abs(error) + u <= limit:
        return PASS
    if abs(error) - u > limit:
        return FAIL
    return CONDITIONAL_PASS if abs(error) <= limit else CONDITIONAL_FAIL


@dataclass(frozen=True)
class PointResult:
    error: Decimal
    decimals: int
    limit: Decimal | None
    verdict: str | None  # one of VERDICTS, or None (no tolerance)
    compare_decimals: int = 0  # decimals of |error| - limit (± U), exact: the verdict formula rounds to them
    resolution_decimals: int = 0  # decimals the instrument displays
    tur: Decimal | None = None  # test uncertainty ratio: limit / U (None without both)

    @property
    def display_decimals(self) -> int:
        """Decimals that error and limit are shown with: the reading's resolution plus one digit, or more
        when the error itself has more (a standard with more decimals); the limit is rounded for display only."""
        return max(self.resolution_decimals + 1, self.decimals)


def evaluate(reading: str, standard: str, tolerance: str, uncertainty: str = "", full_scale: str = "",
             rule: str = "simple") -> PointResult:
    for field, text in (("reading", reading), ("standard", standard), ("uncertainty", uncertainty),
                        ("full_scale", full_scale)):
        check_excel_number(text, field)
    parsed = Tolerance.parse(tolerance)
    limit = parsed.limit(reading, full_scale) if parsed else None
    error = point_error(reading, standard)
    u = _decimal(uncertainty) if uncertainty.strip() else Decimal(0)
    if u < 0:  # a negative U would widen the guarded rule's pass zone beyond the tolerance
        raise ToleranceError(f"uncertainty: U = {uncertainty.strip()} is negative; U is a size, 0 or more")
    compare = max(places(error), places(u), places(limit) if limit is not None else 0)
    if limit is not None and (abs(error) + u + limit).adjusted() + 1 + compare > EXCEL_DIGITS - 1:
        raise ValueError(f"reading {reading.strip()} and tolerance {tolerance.strip()} need more than "
                         f"{EXCEL_DIGITS - 1} digits to compare exactly in Excel: fewer decimals, please")
    tur = limit / u if limit is not None and u > 0 else None
    return PointResult(error, error_decimals(reading, standard), limit, decide(error, limit, uncertainty, rule),
                       compare, decimals_of(reading), tur)


def conclusion(verdicts) -> str | None:
    """A record's conclusion: its worst point (fail, conditional fail, conditional pass, pass)."""
    found = set(verdicts)
    for verdict in VERDICTS:
        if verdict in found:
            return verdict
    return None


class ExcelFormulas:
    """The same rules as Excel formulas over one row's cells; ``words`` maps each of ``VERDICTS`` to its label."""

    def __init__(self, words: dict[str, str]):
        self.words = words

    def error(self, reading: str, standard: str, decimals: int) -> str:
        return f"=ROUND({reading}-{standard},{decimals})"

    def limit(self, tolerance: Tolerance, reading: str, full_scale: str | None, resolution_value: Decimal) -> str:
        """The plain sum of the terms, not rounded: the number format rounds it for display only."""
        terms = []
        if tolerance.absolute:
            terms.append(_plain(tolerance.absolute))
        if tolerance.reading_percent:
            terms.append(f"{_plain(tolerance.reading_percent / 100)}*ABS({reading})")
        if tolerance.full_scale_percent:
            terms.append(f"{_plain(tolerance.full_scale_percent / 100)}*{full_scale}")
        if tolerance.digits:
            terms.append(_plain(tolerance.digits * resolution_value))
        return f"={'+'.join(terms) or '0'}"

    def verdict(self, error: str, limit: str, uncertainty: str, rule: str, decimals: int) -> str:
        """``decimals``: the point's ``compare_decimals``. ROUND(x, decimals) of a difference whose exact
        value has those decimals gives that exact value back, so its sign is the exact comparison's."""
        passed, failed = f'"{self.words[PASS]}"', f'"{self.words[FAIL]}"'
        if rule == "simple":
            return f"=IF(ROUND(ABS({error})-{limit},{decimals})<=0,{passed},{failed})"
        conditional_pass, conditional_fail = (f'"{self.words[v]}"' for v in (CONDITIONAL_PASS, CONDITIONAL_FAIL))
        return (f"=IF(ROUND(ABS({error})+{uncertainty}-{limit},{decimals})<=0,{passed},"
                f"IF(ROUND(ABS({error})-{uncertainty}-{limit},{decimals})>0,{failed},"
                f"IF(ROUND(ABS({error})-{limit},{decimals})<=0,{conditional_pass},{conditional_fail})))")

    def conclusion(self, verdict_cells: str) -> str:
        """The worst verdict among ``verdict_cells`` (``conclusion``), "" when none has one."""
        formula = '""'
        for verdict in reversed(VERDICTS):
            word = f'"{self.words[verdict]}"'
            formula = f"IF(COUNTIF({verdict_cells},{word})>0,{word},{formula})"
        return "=" + formula


def _plain(value: Decimal) -> str:
    """A Decimal as Excel reads it: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
