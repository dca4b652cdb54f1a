"""The calibration record: what ISO/IEC 17025 7.8 and Chinese certificate practice ask a record to hold.

Measured values are kept as the text the screen displayed (``"100.07"``, ``"30.0"``), not as floats:
the number of displayed decimals is part of the measurement (it is the instrument's resolution) and
the Excel report must show exactly those decimals.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.core.reading.keys import load_keys
from desktop.core.reading.units import load_units
from desktop.core.records import verdicts

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
TITLES = ("record", "certificate")  # 校准原始记录 / 校准证书
decimals_of = verdicts.decimals_of  # displayed decimals of a number as written


def is_number_text(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


@dataclass
class Instrument:
    """The instrument under test; remembered by serial number for the next calibration."""

    name: str
    model: str = ""  # 型号
    manufacturer: str = ""  # 厂家
    serial: str = ""  # 计量器具编号 (serial or asset number)
    firmware: str = ""  # 版本号
    category: str = ""  # 检定校准分类


@dataclass
class StandardUsed:
    """A measurement standard used, traceable through its own certificate."""

    name: str
    model: str = ""
    serial: str = ""
    certificate: str = ""
    due_date: date | None = None
    uncertainty: str = ""  # the standard's uncertainty / accuracy class, as on its certificate


# The keys (ids in resources/keys.yaml) under which an environment monitor shows the ambient conditions,
# best first; their names, aliases and units come from keys.yaml. Each Environment field keeps its unit.
ENVIRONMENT_KEY_IDS = {
    "temperature": ("temperature", "dry_bulb_temperature"),
    "humidity": ("humidity",),
    "pressure": ("atmospheric_pressure", "pressure"),
}
ENVIRONMENT_UNITS = {"temperature": "℃", "humidity": "%RH", "pressure": "kPa"}


@dataclass
class Environment:
    """Ambient conditions, as displayed text in ℃, %RH and kPa.

    ``source`` says where they came from: "typed", or the environment monitor's name and serial.
    Only those two sources are allowed: an instrument under test that shows its own 温度 is not the room.
    """

    temperature: str = ""
    humidity: str = ""
    pressure: str = ""
    source: str = ""


def ambient_conditions(readings: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """THE rule for ambient conditions on a monitor's screen: from ``(label, value, unit)`` readings,
    each Environment field's value in its own unit (1013.2 hPa -> 101.32 kPa; no unit: already in it).
    A label is any name of the field's keys (resources/keys.yaml), the first in their order winning; a
    value that is no number, or in a unit those keys do not allow, is not an ambient condition."""
    readings = [(label.strip().casefold(), value.strip(), unit) for label, value, unit in readings]
    keys, units = load_keys(), load_units()
    found = {}
    for name, ids in ENVIRONMENT_KEY_IDS.items():
        entries = [entry for entry in (keys.get(i) for i in ids) if entry is not None]
        labels = [n.casefold() for entry in entries for n in entry.names]
        allowed = {ENVIRONMENT_UNITS[name], ""} | {u for entry in entries for u in entry.units or ()}
        shown = [(labels.index(label), value, unit) for label, value, unit in readings if label in labels]
        for _, value, unit in sorted(shown, key=lambda r: r[0]):
            converted = _in_unit(value, unit, ENVIRONMENT_UNITS[name], units) if unit in allowed else None
            if converted is not None:
                found[name] = converted
                break
    return found


def _in_unit(value: str, unit: str, to_unit: str, units) -> str | None:
    """``value`` shown in ``unit`` as text in ``to_unit``, keeping its resolution; None if not a number."""
    if not is_number_text(value):
        return None
    if not unit or unit == to_unit:
        return value
    factor = units.convert(1.0, unit, to_unit)
    if factor is None:
        return None
    scaled = Decimal(value) * Decimal(repr(factor)).normalize()  # 1013.2 hPa * 0.1 -> 101.32 kPa
    return format(scaled, "f")


@dataclass
class MeasurementPoint:
    """One calibration point: the standard's value against the instrument's (corrected) reading.

    ``reading`` is the value as left (after any adjustment); ``as_found`` the value before it, when
    the instrument was adjusted (17025 7.8.4.2). ``ocr_text`` is what OCR read, and ``corrected_by`` /
    ``corrected_at`` who changed it to ``reading`` and when (7.5.2: the original observation is kept).
    """

    quantity: str  # 测量项目, e.g. "大气压"
    unit: str  # e.g. "kPa"
    standard: str  # nominal / standard value as written, e.g. "100.00"
    reading: str  # the instrument's reading as displayed and corrected, e.g. "100.07"
    tolerance: str = ""  # maximum permissible error as written: "0.50", "1 %rdg", "±(0.5 %rdg + 2 dgt)"
    uncertainty: str = ""  # expanded uncertainty U, at the record's coverage factor k
    ocr_text: str = ""  # what OCR read before correction, kept for traceability
    photo: str = ""  # the screen photo the reading came from
    crop: tuple[int, int, int, int] | None = None  # x, y, width, height of the reading in the photo
    full_scale: str = ""  # the range's full scale, for a % FS tolerance
    as_found: str = ""  # the reading before adjustment; blank when the instrument was not adjusted
    corrected_by: str = ""
    corrected_at: str = ""  # ISO date and time
    external_provider: str = ""  # who measured this point when not the lab itself (7.8.2.1 p); "" = the lab

    @property
    def found_reading(self) -> str:
        return self.as_found or self.reading

    @property
    def error_decimals(self) -> int:
        return verdicts.error_decimals(self.reading, self.standard)

    @property
    def error(self) -> float:
        """Reading - standard, rounded to the displayed decimals (the Excel formula rounds the same way)."""
        return float(verdicts.point_error(self.reading, self.standard))

    def result(self, rule: str = "simple", as_found: bool = False) -> verdicts.PointResult:
        """Error, limit and verdict under ``rule``, of the value as left (or as found: a point that was not
        adjusted was found as it was left)."""
        reading = self.found_reading if as_found else self.reading
        return verdicts.evaluate(reading, self.standard, self.tolerance, self.uncertainty, self.full_scale, rule)

    @property
    def passed(self) -> bool | None:
        """|error| <= tolerance (simple acceptance); None when no tolerance is given."""
        verdict = self.result().verdict
        return None if verdict is None else verdict == verdicts.PASS


@dataclass
class Laboratory:
    """Lab-wide details (Settings), copied into each record so the record shows what was issued."""

    name: str = ""
    address: str = ""
    traceability: str = ""  # the metrological traceability statement (7.8.4.1)
    accreditation: str = ""  # accreditation body and number, e.g. "CNAS L1234"; printed only when set
    min_tur: str = "4"  # the lab's minimum test uncertainty ratio (limit / U); lower ones are flagged


@dataclass
class Signatory:
    name: str = ""
    function: str = ""  # e.g. 技术负责人 / Technical manager


@dataclass
class Revision:
    """An issued revision that a later one replaced (7.8.8): kept and listed on the certificate."""

    revision: int
    issued_at: str  # ISO date and time
    reason: str = ""  # why the next revision was made
    issued_by: str = ""


@dataclass
class CalibrationRecord:
    number: str  # certificate / record number
    customer: str
    instrument: Instrument
    calibration_date: date
    standards: list[StandardUsed] = field(default_factory=list)
    procedure: str = ""  # 依据的技术文件, e.g. "JJG 680-2007"
    environment: Environment = field(default_factory=Environment)
    location: str = ""
    technician: str = ""
    checker: str = ""
    points: list[MeasurementPoint] = field(default_factory=list)
    remarks: str = ""
    title: str = "record"  # "record" (原始记录) or "certificate" (校准证书)
    laboratory: Laboratory = field(default_factory=Laboratory)
    customer_address: str = ""
    received_date: date | None = None
    issue_date: date | None = None
    item_condition: str = ""  # condition of the item on receipt
    deviations: str = ""  # deviations from the method, additions or exclusions
    decision_rule: str = "simple"  # verdicts.DECISION_RULES
    coverage_factor: str = "2"  # k of every point's expanded uncertainty
    signatory: Signatory = field(default_factory=Signatory)
    standards_override: str = ""  # why a standard past its due date was used anyway (printed)
    revision: int = 0
    revision_reason: str = ""  # why this revision replaces the previous one
    issued_at: str = ""  # ISO date and time this revision was issued; blank: a draft
    issued_by: str = ""
    history: list[Revision] = field(default_factory=list)
    tur_reason: str = ""  # why points with a TUR below 1:1 are reported anyway (printed)
    specification: str = ""  # what conformity is judged against (7.8.6.2 b); "" = the procedure's limits

    @property
    def locked(self) -> bool:
        """An issued record is not edited: a change makes a new revision (see ``revisions.py``)."""
        return bool(self.issued_at)

    @property
    def adjusted(self) -> bool:
        return any(point.as_found for point in self.points)

    def verdict(self, as_found: bool = False) -> str | None:
        """The conclusion under the record's decision rule (its worst point), or None; ``as_found``: of the
        values before adjustment."""
        return verdicts.conclusion(point.result(self.decision_rule, as_found).verdict for point in self.points)

    @property
    def passed(self) -> bool | None:
        """All points accepted under the record's decision rule; None when no point has a tolerance."""
        verdict = self.verdict()
        return None if verdict is None else verdict == verdicts.PASS

    def overdue_standards(self) -> list[StandardUsed]:
        """Standards whose due date is before the calibration date."""
        return [s for s in self.standards if s.due_date and s.due_date < self.calibration_date]


# carried over to the next record: same customer, same bench, same people
KEPT_FOR_NEXT = ("customer", "customer_address", "procedure", "location", "technician", "checker", "standards",
                 "environment", "decision_rule", "coverage_factor")


def kept_for_next(record: CalibrationRecord) -> dict[str, object]:
    """What the next record starts with from this one; the instrument and its points are not kept.
    Copies: editing the next record never changes this one."""
    return {name: copy.deepcopy(getattr(record, name)) for name in KEPT_FOR_NEXT}
