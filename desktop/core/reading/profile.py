"""The instrument profile: the number format an instrument always shows, learned from the readings a
technician confirmed or corrected (digit count, decimal position, sign, unit, range).

A reading that does not fit the profile is flagged with the reason ("ddd where this instrument shows
d.dd"), so a dropped decimal point or a lost leading digit is never shown as OK or Stable. Where the
profile leaves one value plausible (``377`` on a meter that shows ``d.dd``), it is offered as the
reading's ``suggestion``; it is never applied on its own. Pure core: no Qt. Profiles are kept per
template and key in one JSON file, written atomically.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop.core.atomic_files import write_text_atomic
from desktop.core.reading.checks import ARG_SEPARATOR
from desktop.core.reading.reading import Reading

log = logging.getLogger(__name__)

FILE_NAME = "instrument_profiles.json"
SHAPE_ISSUE, SIGN_ISSUE, UNIT_ISSUE = "profile_shape", "profile_sign", "profile_unit"
PROFILE_ISSUES = (SHAPE_ISSUE, SIGN_ISSUE, UNIT_ISSUE)
RANGE_MARGIN = 0.25  # a suggestion for a lost digit must lie within the confirmed range, widened by this
_PLAIN_NUMBER = re.compile(r"-?\d*\.?\d+")


def shape_of(value: str) -> str | None:
    """``"-12.50"`` -> ``"dd.dd"`` (the sign is kept apart); None for what is not a plain number."""
    if not _PLAIN_NUMBER.fullmatch(value or ""):
        return None
    return re.sub(r"\d", "d", value.lstrip("-"))


def issue_code(code: str, *args: str) -> str:
    return ARG_SEPARATOR.join((code, *args))


def split_issue(code: str) -> tuple[str, list[str]]:
    name, *args = code.split(ARG_SEPARATOR)
    return name, args


def is_profile_issue(code: str) -> bool:
    return split_issue(code)[0] in PROFILE_ISSUES


def fits_profile(reading: Reading) -> bool:
    return not any(is_profile_issue(code) for code in reading.issues or [])


@dataclass
class ValueProfile:
    """What one key of one instrument has shown, as confirmed by the technician."""
    shapes: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    negative: bool = False  # a negative value was confirmed
    positive: bool = False  # a value >= 0 was confirmed
    low: float | None = None
    high: float | None = None

    def learn(self, reading: Reading) -> None:
        shape = shape_of(reading.value)
        if shape is None or reading.number is None:
            return
        if shape not in self.shapes:
            self.shapes.append(shape)
        if reading.unit and reading.unit not in self.units:
            self.units.append(reading.unit)
        if reading.value.startswith("-"):
            self.negative = True
        else:
            self.positive = True
        self.low = reading.number if self.low is None else min(self.low, reading.number)
        self.high = reading.number if self.high is None else max(self.high, reading.number)

    def issues(self, reading: Reading) -> list[str]:
        shape = shape_of(reading.value)
        if shape is None or not self.shapes:
            return []
        found = []
        if shape not in self.shapes:
            found.append(issue_code(SHAPE_ISSUE, shape, " / ".join(self.shapes)))
        negative = reading.value.startswith("-")
        if (negative and not self.negative) or (not negative and not self.positive):
            found.append(issue_code(SIGN_ISSUE, "-" if negative else "+"))
        if reading.unit and self.units and reading.unit not in self.units:
            found.append(issue_code(UNIT_ISSUE, reading.unit, " / ".join(self.units)))
        return found

    def suggestion(self, reading: Reading) -> str:
        """The one value the profile makes plausible for a misread, or ""."""
        shape = shape_of(reading.value)
        if shape is None:
            return ""
        sign = "-" if reading.value.startswith("-") else ""
        digits = reading.value.lstrip("-").replace(".", "")
        candidates = set()
        for known in self.shapes:
            count = known.count("d")
            if count == len(digits):  # the decimal point lost, doubled or moved
                candidates.add(_placed(digits, known))
            elif count == len(digits) + 1:  # a leading digit lost ("22" for "122")
                candidates.update(_placed(lead + digits, known) for lead in "123456789")
        candidates.discard(reading.value.lstrip("-"))
        if len(candidates) > 1:
            candidates = {c for c in candidates if self._in_range(float(sign + c))}
        return sign + candidates.pop() if len(candidates) == 1 else ""

    def _in_range(self, number: float) -> bool:
        if self.low is None or self.high is None:
            return False
        margin = RANGE_MARGIN * max(abs(self.low), abs(self.high))
        return self.low - margin <= number <= self.high + margin

    def to_json(self) -> dict:
        return {"shapes": self.shapes, "units": self.units, "negative": self.negative, "positive": self.positive,
                "low": self.low, "high": self.high}

    @classmethod
    def from_json(cls, data: dict) -> ValueProfile:
        return cls(shapes=[str(s) for s in data.get("shapes", [])], units=[str(u) for u in data.get("units", [])],
                   negative=bool(data.get("negative")), positive=bool(data.get("positive")),
                   low=_number(data.get("low")), high=_number(data.get("high")))


def _placed(digits: str, shape: str) -> str:
    """``"377"`` in the shape ``"d.dd"`` -> ``"3.77"``."""
    it = iter(digits)
    return "".join(next(it) if ch == "d" else ch for ch in shape)


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def profile_slot(reading: Reading) -> str:
    """Which profile a reading belongs to within its template: its key, or for a keyless value its unit."""
    return reading.key or f"#{reading.unit}"


class InstrumentProfiles:
    """The profiles of every template's keys, kept in ``path`` (None: in memory only)."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.profiles: dict[str, dict[str, ValueProfile]] = {}
        if path is not None and path.exists():
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.profiles = {str(t): {str(k): ValueProfile.from_json(v) for k, v in keys.items()}
                             for t, keys in data.get("templates", {}).items()}
        except (OSError, ValueError, AttributeError, TypeError) as exc:  # damaged: kept aside, learning starts again
            aside = path.with_name(f"{path.stem}.damaged{path.suffix}")
            log.warning("instrument profiles in %s not read (%s); kept as %s", path, exc, aside.name)
            path.replace(aside)
            self.profiles = {}

    def profile(self, reading: Reading, template: str | None = None) -> ValueProfile | None:
        return self.profiles.get(template or reading.template or "", {}).get(profile_slot(reading))

    def learn(self, readings: list[Reading], template: str | None = None) -> None:
        """Readings the technician confirmed or corrected; saved at once."""
        changed = False
        for reading in readings:
            if shape_of(reading.value) is None or reading.number is None:
                continue
            keys = self.profiles.setdefault(template or reading.template or "", {})
            keys.setdefault(profile_slot(reading), ValueProfile()).learn(reading)
            changed = True
        if changed:
            self.save()

    def check(self, readings: list[Reading], template: str | None = None) -> list[Reading]:
        """The readings, each flagged (and given a suggestion) where it does not fit its profile."""
        return [self.check_one(reading, template) for reading in readings]

    def check_one(self, reading: Reading, template: str | None = None) -> Reading:
        kept = [code for code in reading.issues or [] if not is_profile_issue(code)]
        profile = self.profile(reading, template)
        found = profile.issues(reading) if profile is not None else []
        suggestion = profile.suggestion(reading) if profile is not None and found else ""
        return replace(reading, issues=kept + found, suggestion=suggestion)

    def save(self) -> None:
        if self.path is None:
            return
        data = {"version": 1, "templates": {t: {k: p.to_json() for k, p in keys.items()}
                                            for t, keys in self.profiles.items()}}
        write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1))
