"""The calibration record: what ISO/IEC 17025 7.8 and Chinese certificate practice ask a record to hold.

Measured values are kept as the text the screen displayed (``"100.07"``, ``"30.0"``), not as floats:
the number of displayed decimals is part of the measurement (it is the instrument's resolution) and
the Excel report must show exactly those decimals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Mapping

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def is_number_text(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def decimals_of(text: str) -> int:
    """Displayed decimals of a number as written: ``'100.07'`` -> 2, ``'30'`` -> 0."""
    text = text.strip()
    return len(text.split(".", 1)[1]) if "." in text else 0


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None


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


# Labels that screens and readings use for the ambient conditions, mapped to Environment fields.
_ENVIRONMENT_KEYS = {
    "temperature": ("环境温度", "温度", "干球温度", "temperature", "temp"),
    "humidity": ("相对湿度", "湿度", "humidity", "rh"),
    "pressure": ("大气压", "大气压力", "气压", "pressure", "atmospheric pressure"),
}


@dataclass
class Environment:
    """Ambient conditions, as displayed text in ℃, %RH and kPa."""

    temperature: str = ""
    humidity: str = ""
    pressure: str = ""

    def fill_from_readings(self, readings: Mapping[str, str]) -> None:
        """Fill the fields still blank from screen readings such as ``{'大气压': '100.07'}``."""
        by_label = {label.strip().lower(): value for label, value in readings.items()}
        for name, labels in _ENVIRONMENT_KEYS.items():
            if getattr(self, name):
                continue
            for label in labels:
                if label in by_label and is_number_text(str(by_label[label])):
                    setattr(self, name, str(by_label[label]).strip())
                    break


@dataclass
class MeasurementPoint:
    """One calibration point: the standard's value against the instrument's (corrected) reading."""

    quantity: str  # 测量项目, e.g. "大气压"
    unit: str  # e.g. "kPa"
    standard: str  # nominal / standard value as written, e.g. "100.00"
    reading: str  # the instrument's reading as displayed and corrected, e.g. "100.07"
    tolerance: str = ""  # maximum permissible error (±), same unit
    uncertainty: str = ""  # expanded uncertainty U, k=2
    ocr_text: str = ""  # what OCR read before correction, kept for traceability
    photo: str = ""  # the screen photo the reading came from
    crop: tuple[int, int, int, int] | None = None  # x, y, width, height of the reading in the photo

    @property
    def error_decimals(self) -> int:
        return max(decimals_of(self.reading), decimals_of(self.standard))

    @property
    def error(self) -> float:
        """Reading - standard, rounded to the displayed decimals (the Excel formula rounds the same way)."""
        difference = _decimal(self.reading) - _decimal(self.standard)
        return float(round(difference, self.error_decimals))

    @property
    def passed(self) -> bool | None:
        """|error| <= tolerance; None when no tolerance is given."""
        if not self.tolerance.strip():
            return None
        return abs(Decimal(str(self.error))) <= _decimal(self.tolerance)


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

    @property
    def passed(self) -> bool | None:
        """All points within tolerance; None when no point has a tolerance."""
        verdicts = [point.passed for point in self.points if point.passed is not None]
        return all(verdicts) if verdicts else None
