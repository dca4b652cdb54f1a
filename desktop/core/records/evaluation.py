"""The one place that computes a point's error, its tolerance limit and its verdict.

Tolerances are written as users write them: ``0.50`` (absolute ±, the point's unit), ``1 %rdg``
(of the reading), ``0.5 %FS`` (of the point's full scale), ``2 dgt`` (digits of the reading's last
displayed decimal), and sums such as ``±(0.5 % rdg + 2 dgt)``.

Decision rules (ISO/IEC 17025 7.8.6, ILAC-G8:2019):
- ``simple``: pass when |error| <= limit, else fail.
- ``guarded``: pass only when |error| + U <= limit, fail only when |error| - U > limit, else conditional.

Python computes with exact decimals; ``ExcelFormulas`` writes the same rule as formulas, rounding sums
to ``LIMIT_DECIMALS`` so binary floating point cannot flip a verdict on the edge. The report writes
both: the formula (so a value corrected in Excel recalculates) and this module's result as its cached
value (so a viewer that does not recalculate still shows it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.core.reading.numbers import decimals_of

DECISION_RULES = ("simple", "guarded")
PASS, FAIL, CONDITIONAL = "pass", "fail", "conditional"
LIMIT_DECIMALS = 6

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


@dataclass(frozen=True)
class Tolerance:
    """``absolute + reading % * |reading| + full_scale % * FS + digits * resolution``."""

    absolute: Decimal = Decimal(0)
    reading_percent: Decimal = Decimal(0)
    full_scale_percent: Decimal = Decimal(0)
    digits: Decimal = Decimal(0)

    @classmethod
    def parse(cls, text: str) -> "Tolerance | None":
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
        value = (self.absolute + self.reading_percent / 100 * abs(_decimal(reading))
                 + self.full_scale_percent / 100 * fs + self.digits * resolution(reading))
        return round(value, LIMIT_DECIMALS).normalize()


def resolution(reading: str) -> Decimal:
    """One digit of the displayed reading: ``'20.3'`` -> 0.1."""
    return Decimal(1).scaleb(-decimals_of(reading))


def error_decimals(reading: str, standard: str) -> int:
    return max(decimals_of(reading), decimals_of(standard))


def point_error(reading: str, standard: str) -> Decimal:
    """Reading - standard, rounded to the displayed decimals (the Excel formula rounds the same way)."""
    return round(_decimal(reading) - _decimal(standard), error_decimals(reading, standard))


def decide(error: Decimal, limit: Decimal | None, uncertainty: str, rule: str) -> str | None:
    """PASS, FAIL or CONDITIONAL; None without a limit. ``uncertainty`` is the expanded U."""
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
    return CONDITIONAL


@dataclass(frozen=True)
class PointResult:
    error: Decimal
    decimals: int
    limit: Decimal | None
    verdict: str | None  # PASS, FAIL, CONDITIONAL or None (no tolerance)


def evaluate(reading: str, standard: str, tolerance: str, uncertainty: str = "", full_scale: str = "",
             rule: str = "simple") -> PointResult:
    parsed = Tolerance.parse(tolerance)
    limit = parsed.limit(reading, full_scale) if parsed else None
    error = point_error(reading, standard)
    return PointResult(error, error_decimals(reading, standard), limit, decide(error, limit, uncertainty, rule))


def conclusion(verdicts) -> str | None:
    """A record's conclusion: fail if any point fails, else conditional if any is, else pass if any passes."""
    found = set(verdicts)
    for verdict in (FAIL, CONDITIONAL, PASS):
        if verdict in found:
            return verdict
    return None


class ExcelFormulas:
    """The same rules as Excel formulas over one row's cells; ``words`` maps PASS/FAIL/CONDITIONAL to labels."""

    def __init__(self, words: dict[str, str]):
        self.words = words

    def error(self, reading: str, standard: str, decimals: int) -> str:
        return f"=ROUND({reading}-{standard},{decimals})"

    def limit(self, tolerance: Tolerance, reading: str, full_scale: str | None, resolution_value: Decimal) -> str:
        terms = []
        if tolerance.absolute:
            terms.append(_plain(tolerance.absolute))
        if tolerance.reading_percent:
            terms.append(f"{_plain(tolerance.reading_percent / 100)}*ABS({reading})")
        if tolerance.full_scale_percent:
            terms.append(f"{_plain(tolerance.full_scale_percent / 100)}*{full_scale}")
        if tolerance.digits:
            terms.append(_plain(tolerance.digits * resolution_value))
        return f"=ROUND({'+'.join(terms) or '0'},{LIMIT_DECIMALS})"

    def verdict(self, error: str, limit: str, uncertainty: str, rule: str) -> str:
        passed, failed = f'"{self.words[PASS]}"', f'"{self.words[FAIL]}"'
        if rule == "simple":
            return f"=IF(ABS({error})<={limit},{passed},{failed})"
        n = LIMIT_DECIMALS
        return (f"=IF(ROUND(ABS({error})+{uncertainty},{n})<={limit},{passed},"
                f"IF(ROUND(ABS({error})-{uncertainty},{n})>{limit},{failed},\"{self.words[CONDITIONAL]}\"))")

    def conclusion(self, verdict_cells: str) -> str:
        fail, conditional, passed = (f'"{self.words[v]}"' for v in (FAIL, CONDITIONAL, PASS))
        return (f"=IF(COUNTIF({verdict_cells},{fail})>0,{fail},IF(COUNTIF({verdict_cells},{conditional})>0,"
                f"{conditional},IF(COUNTIF({verdict_cells},{passed})>0,{passed},\"\")))")


def _plain(value: Decimal) -> str:
    """A Decimal as Excel reads it: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
