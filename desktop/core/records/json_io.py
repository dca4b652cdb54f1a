"""The JSON record format (documented in docs/records.md): load with errors that name file and field.

Measured values may be given as strings (recommended: ``"100.10"`` keeps its displayed decimals)
or as JSON numbers (``100.1``, whose trailing zeros JSON cannot keep).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.records.calibration_record import (
    TITLES,
    CalibrationRecord,
    Environment,
    Instrument,
    Laboratory,
    MeasurementPoint,
    Revision,
    Signatory,
    StandardUsed,
    is_number_text,
)
from desktop.core.records.texts import FieldTextError, clean_text
from desktop.core.records.verdicts import DECISION_RULES, Tolerance, ToleranceError, check_excel_number

FORMAT_NAME = "lcdreader.records"
FORMAT_VERSION = 2  # 2: tolerance as written (1 %rdg, 2 dgt), as-found values, 17025 certificate fields
READABLE_VERSIONS = (1, 2)


EXCEL_DIGITS = 15  # significant digits a spreadsheet cell keeps


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:30]}... ({len(text)} characters)"


class RecordFormatError(ValueError):
    """The record file is not valid; the message names the file and the field."""


class _Fields:
    """Reads one JSON object, naming the field's path (``records[0].points[2].reading``) in errors."""

    def __init__(self, data: Any, where: str, draft: bool = False, notes: list[str] | None = None):
        if not isinstance(data, dict):
            raise RecordFormatError(f"{where}: expected an object, got {type(data).__name__}")
        self.data, self.where, self.draft = data, where, draft  # a draft may leave required fields blank
        self.notes = notes if notes is not None else []  # what was cleaned, for the user

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        required = required and not self.draft
        if value is None:
            if required:
                raise RecordFormatError(f"{self._at(key)}: missing (required)")
            return ""
        if not isinstance(value, str):
            raise RecordFormatError(f"{self._at(key)}: expected text, got {value!r}")
        try:
            text, note = clean_text(value.strip(), self._at(key))
        except FieldTextError as exc:
            raise RecordFormatError(str(exc)) from None
        if note:
            self.notes.append(note)
        return text

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(key) or default
        if value not in choices:
            raise RecordFormatError(f"{self._at(key)}: expected one of {', '.join(choices)}, got {value!r}")
        return value

    def tolerance(self, key: str) -> str:
        value = self.data.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise RecordFormatError(f"{self._at(key)}: expected a tolerance like \"0.50\" or \"1 %rdg\", got {value!r}")
        try:
            Tolerance.parse(value or "")
        except ToleranceError as exc:
            raise RecordFormatError(f"{self._at(key)}: {exc}") from None
        return (value or "").strip()

    def integer(self, key: str) -> int:
        value = self.data.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RecordFormatError(f"{self._at(key)}: expected a whole number >= 0, got {value!r}")
        return value

    def number(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        required = required and not self.draft
        if value is None or value == "":
            if required:
                raise RecordFormatError(f"{self._at(key)}: missing (required)")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not is_number_text(str(value)):
            raise RecordFormatError(f'{self._at(key)}: expected a number like "100.07", got {_short(value)}')
        try:
            check_excel_number(str(value), self._at(key))
        except ValueError as exc:
            raise RecordFormatError(str(exc)) from None
        return str(value).strip()

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.text(key, required)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise RecordFormatError(f'{self._at(key)}: expected a date like "2025-03-14", got {value!r}') from None

    def objects(self, key: str, required: bool = False) -> list[_Fields]:
        value = self.data.get(key)
        required = required and not self.draft
        if value is None and not required:
            return []
        if not isinstance(value, list) or (required and not value):
            raise RecordFormatError(f"{self._at(key)}: expected a {'non-empty ' if required else ''}list")
        return [_Fields(item, f"{self._at(key)}[{i}]", self.draft, self.notes) for i, item in enumerate(value)]

    def object(self, key: str, required: bool = False) -> _Fields:
        if key not in self.data and not (required and not self.draft):
            return _Fields({}, self._at(key), self.draft, self.notes)
        if key not in self.data:
            raise RecordFormatError(f"{self._at(key)}: missing (required)")
        return _Fields(self.data[key], self._at(key), self.draft, self.notes)

    def crop(self, key: str) -> tuple[int, int, int, int] | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not (isinstance(value, list) and len(value) == 4 and all(isinstance(v, int) and v >= 0 for v in value)):
            raise RecordFormatError(f"{self._at(key)}: expected [x, y, width, height] in pixels, got {value!r}")
        return tuple(value)


def record_from_dict(data: Any, where: str = "record", draft: bool = False,
                     notes: list[str] | None = None) -> CalibrationRecord:
    """``draft``: a record still being filled in (the app saves as the technician types): required
    fields may be blank and the point list empty; a value given must still be well formed.
    ``notes`` receives what was cleaned (control characters removed), naming the field."""
    f = _Fields(data, where, draft, notes)
    instrument = f.object("instrument", required=True)
    environment = f.object("environment")
    lab, signatory = f.object("laboratory"), f.object("signatory")
    return CalibrationRecord(
        number=f.text("number", required=True),
        customer=f.text("customer"),
        instrument=Instrument(
            name=instrument.text("name", required=True),
            model=instrument.text("model"),
            manufacturer=instrument.text("manufacturer"),
            serial=instrument.text("serial"),
            firmware=instrument.text("firmware"),
            category=instrument.text("category"),
        ),
        calibration_date=f.day("calibration_date", required=True) or date.today(),
        standards=[
            StandardUsed(
                name=s.text("name", required=True),
                model=s.text("model"),
                serial=s.text("serial"),
                certificate=s.text("certificate"),
                due_date=s.day("due_date"),
                uncertainty=s.text("uncertainty"),
            )
            for s in f.objects("standards")
        ],
        procedure=f.text("procedure"),
        environment=Environment(
            temperature=environment.number("temperature"),
            humidity=environment.number("humidity"),
            pressure=environment.number("pressure"),
            source=environment.text("source"),
        ),
        location=f.text("location"),
        technician=f.text("technician"),
        checker=f.text("checker"),
        points=[
            MeasurementPoint(
                quantity=p.text("quantity", required=True),
                unit=p.text("unit"),
                standard=p.number("standard", required=True),
                reading=p.number("reading", required=True),
                tolerance=p.tolerance("tolerance"),
                uncertainty=p.number("uncertainty"),
                ocr_text=p.text("ocr_text"),
                photo=p.text("photo"),
                crop=p.crop("crop"),
                full_scale=p.number("full_scale"),
                as_found=p.number("as_found"),
                corrected_by=p.text("corrected_by"),
                corrected_at=p.text("corrected_at"),
                external_provider=p.text("external_provider"),
            )
            for p in f.objects("points", required=True)
        ],
        remarks=f.text("remarks"),
        title=f.choice("title", TITLES, "record"),
        laboratory=Laboratory(name=lab.text("name"), address=lab.text("address"),
                              traceability=lab.text("traceability"), min_tur=lab.number("min_tur") or "4",
                              accreditation=lab.text("accreditation")),
        customer_address=f.text("customer_address"),
        received_date=f.day("received_date"),
        issue_date=f.day("issue_date"),
        item_condition=f.text("item_condition"),
        deviations=f.text("deviations"),
        decision_rule=f.choice("decision_rule", DECISION_RULES, "simple"),
        coverage_factor=f.number("coverage_factor") or "2",
        signatory=Signatory(name=signatory.text("name"), function=signatory.text("function")),
        standards_override=f.text("standards_override"),
        revision=f.integer("revision"),
        revision_reason=f.text("revision_reason"),
        issued_at=f.text("issued_at"),
        issued_by=f.text("issued_by"),
        history=[Revision(revision=h.integer("revision"), issued_at=h.text("issued_at"), reason=h.text("reason"),
                          issued_by=h.text("issued_by")) for h in f.objects("history")],
        tur_reason=f.text("tur_reason"),
        specification=f.text("specification"),
    )


def record_to_dict(record: CalibrationRecord) -> dict:
    data = asdict(record)
    for key in ("calibration_date", "received_date", "issue_date"):
        data[key] = data[key].isoformat() if data[key] else None
    for standard in data["standards"]:
        standard["due_date"] = standard["due_date"].isoformat() if standard["due_date"] else None
    for point in data["points"]:
        point["crop"] = list(point["crop"]) if point["crop"] else None
    return data


def load_records(path: str | os.PathLike, notes: list[str] | None = None) -> list[CalibrationRecord]:
    """``notes`` receives what was cleaned on the way in, naming file and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: Windows editors add a BOM
    except FileNotFoundError:
        raise RecordFormatError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise RecordFormatError(f"{path}: not UTF-8 text") from None
    except IsADirectoryError:
        raise RecordFormatError(f"{path}: is a folder, not a records file") from None
    except OSError as exc:
        raise RecordFormatError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    data = _parse(text, path)
    try:
        if not isinstance(data, dict):
            raise RecordFormatError('expected an object {"format": ..., "records": [...]} at the top level')
        top = _Fields(data, "")
        if data.get("format", FORMAT_NAME) != FORMAT_NAME:
            raise RecordFormatError(f"format: expected {FORMAT_NAME!r}, got {data.get('format')!r}")
        if data.get("version", FORMAT_VERSION) not in READABLE_VERSIONS:
            raise RecordFormatError(f"version: this app reads versions {READABLE_VERSIONS}, got {data.get('version')!r}")
        found: list[str] = []
        records = [record_from_dict(item.data, item.where, notes=found)
                   for item in top.objects("records", required=True)]
    except RecordFormatError as exc:
        raise RecordFormatError(f"{path}: {exc}") from None
    if notes is not None:
        notes.extend(f"{path}: {note}" for note in found)
    numbers = [r.number for r in records]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        raise RecordFormatError(f"{path}: duplicate record number(s): {', '.join(duplicates)}")
    for point in (p for r in records for p in r.points):
        if point.photo and not Path(point.photo).is_absolute():  # relative to the JSON file, not the cwd
            point.photo = str(path.parent / point.photo)
    return records



def _parse(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordFormatError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except ValueError as exc:  # an integer longer than Python converts (4300 digits)
        raise RecordFormatError(f"{path}: a number far too long for a record ({exc})") from None
    except RecursionError:  # the parser recurses once per level: thousands of [ or { exhaust the stack
        raise RecordFormatError(f"{path}: nested thousands of levels deep; not a records file") from None
