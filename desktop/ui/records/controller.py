"""The record being filled in: fields, points and saving, with no widgets.

Every change is saved in the session store (``RecordRepository``) a moment after the technician types
it (and at once on ``flush``), so a crash or a restart loses nothing; the next start reopens the
record saved last. Values are validated here; a refusal comes back as a reason, never a dialog.
"""
from __future__ import annotations

import dataclasses
import logging
import sqlite3
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.core.records.model import (CalibrationRecord, Environment, Instrument, MeasurementPoint, StandardUsed,
                                        environment_values, is_number_text)
from desktop.core.records.numbering import DEFAULT_PATTERN
from desktop.core.records.repository import RecordRepository
from desktop.ui.models.points_model import PointsModel

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 300

RECORD_FIELDS = ("number", "customer", "procedure", "location", "technician", "checker", "remarks")
INSTRUMENT_FIELDS = tuple(f"instrument.{f.name}" for f in dataclasses.fields(Instrument))
STANDARD_FIELDS = ("standard.name", "standard.model", "standard.serial", "standard.certificate",
                   "standard.due_date", "standard.uncertainty")
ENVIRONMENT_FIELDS = tuple(f"environment.{f.name}" for f in dataclasses.fields(Environment) if f.name != "source")
TYPED = "typed"  # Environment.source when the technician typed the ambient conditions
# units an ambient reading may carry to be copied into the record (which holds ℃, %RH and kPa)
ENVIRONMENT_UNITS = {"temperature": ("℃", ""), "humidity": ("%RH", "%", ""), "pressure": ("kPa", "")}
# carried over to the next record: same customer, same bench, same people
KEPT_FOR_NEXT = ("customer", "procedure", "location", "technician", "checker", "standards", "environment")


class RecordController(QObject):
    loaded = Signal()          # another record is shown: the form re-reads every field
    fieldsFilled = Signal(list)  # keys the app filled in (environment, completed instrument)
    saved = Signal(str)        # record number
    failed = Signal(str)       # a message for the user

    def __init__(self, repository: RecordRepository, pattern: str = DEFAULT_PATTERN, parent=None):
        super().__init__(parent)
        self.repository, self.pattern = repository, pattern or DEFAULT_PATTERN
        self.points_model = PointsModel(self)
        self.points_model.pointsChanged.connect(self._on_points_changed)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=self.flush)
        self._dirty = False
        self.record = self._blank(date.today())
        self._stored_number: str | None = None  # the number the record is saved under
        self.monitor = ""  # the environment monitor's name while its screen is shown; "" = none chosen

    # -- loading --------------------------------------------------------------------------------
    def open_latest(self) -> None:
        """The record worked on last (restart, crash), or a new one when there is none."""
        number = self.repository.latest_number()
        record = self.repository.get_record(number) if number else None
        if record is None:
            self._show(self._blank(date.today()), stored=None)
        else:
            self._show(record, stored=record.number)

    def new_record(self) -> None:
        """Save this record and start the next: the instrument and points are cleared, the rest kept."""
        self.flush()
        kept = {name: dataclasses.replace(getattr(self.record, name)) if name == "environment"
                else list(getattr(self.record, name)) if name == "standards" else getattr(self.record, name)
                for name in KEPT_FOR_NEXT}
        record = dataclasses.replace(self._blank(date.today()), **kept)
        self._show(record, stored=None)
        self._dirty = True
        self.flush()

    def _blank(self, day: date) -> CalibrationRecord:
        return CalibrationRecord(number=self.repository.next_record_number(day, self.pattern), customer="",
                                 instrument=Instrument(name=""), calibration_date=day)

    def _show(self, record: CalibrationRecord, stored: str | None) -> None:
        self._timer.stop()
        self._dirty = False
        self.record, self._stored_number = record, stored
        self.points_model.set_points(record.points)
        self.points_model.editor = record.technician
        self.loaded.emit()

    # -- fields ---------------------------------------------------------------------------------
    def value(self, key: str) -> str:
        if key in RECORD_FIELDS:
            return getattr(self.record, key)
        group, _, name = key.partition(".")
        if group == "instrument":
            return getattr(self.record.instrument, name)
        if group == "environment":
            return getattr(self.record.environment, name)
        if group == "standard":
            value = getattr(self.record.standards[0], name) if self.record.standards else ""
            return value.isoformat() if isinstance(value, date) else (value or "")
        raise KeyError(key)

    def set_value(self, key: str, text: str) -> str:
        """Change a field; returns "" when accepted, else the reason it was refused."""
        text = text.strip()
        if text == self.value(key):
            return ""
        if key == "number":
            return self._renumber(text)
        group, _, name = key.partition(".")
        if group == "environment" and text and not is_number_text(text):
            return self.tr("“%1” is not a number: type digits only, the unit is fixed.").replace("%1", text)
        if key == "standard.due_date":
            try:
                text = date.fromisoformat(text) if text else None
            except ValueError:
                return self.tr("“%1” is not a date: type it like 2025-09-20.").replace("%1", text)
        if key in RECORD_FIELDS:
            setattr(self.record, key, text)
            self.points_model.editor = self.record.technician
        elif group == "instrument":
            setattr(self.record.instrument, name, text)
        elif group == "environment":
            setattr(self.record.environment, name, text)
            self.record.environment.source = TYPED
        elif group == "standard":
            self._set_standard(name, text)
        self._changed()
        return ""

    def set_date(self, day: date) -> None:
        if day != self.record.calibration_date:
            self.record.calibration_date = day
            self._changed()

    def _set_standard(self, name: str, text) -> None:
        standard = self.record.standards[0] if self.record.standards else StandardUsed(name="")
        setattr(standard, name, text)
        empty = not any(getattr(standard, f.name) for f in dataclasses.fields(StandardUsed))
        self.record.standards[:1] = [] if empty else [standard]

    def _renumber(self, number: str) -> str:
        if not number:
            return self.tr("The record number cannot be empty.")
        if number != self._stored_number and self.repository.get_record(number) is not None:
            return self.tr("%1 is already the number of another record.").replace("%1", number)
        self.record.number = number
        self._changed(now=True)
        return ""

    def apply_instrument(self, instrument: Instrument) -> None:
        """Completion chose an earlier instrument: take all its details."""
        self.record.instrument = dataclasses.replace(instrument)
        self._changed()
        self.fieldsFilled.emit(list(INSTRUMENT_FIELDS))

    def suggest_instruments(self, text: str, by: str) -> list[Instrument]:
        if not text.strip():
            return []
        try:
            return self.repository.suggest_instruments(text.strip(), by=by)
        except sqlite3.Error as exc:
            log.warning("instrument suggestions failed: %s", exc)
            return []

    # -- from the screen ------------------------------------------------------------------------
    def set_monitor(self, name: str) -> None:
        """The screen now shown is the environment monitor called ``name`` ("" : it is not)."""
        self.monitor = name.strip()

    def fill_environment(self, readings: list) -> list[str]:
        """Ambient conditions from the environment monitor's screen, the latest reading winning.

        Only a screen the technician marked as the environment monitor fills them: a pressure gauge's
        own 温度 is the gauge's, not the room's. Returns the keys filled.
        """
        if not self.monitor:
            return []
        values = {}
        for reading in readings:
            for label in (reading.key, getattr(reading, "key_en", "")):
                if label:
                    values.setdefault(label, (reading.value, reading.unit))
        found = environment_values({label: value for label, (value, _) in values.items()})
        filled = []
        for name, value in found.items():
            units = {unit for v, unit in values.values() if v.strip() == value}
            if units & set(ENVIRONMENT_UNITS[name]) and getattr(self.record.environment, name) != value:
                setattr(self.record.environment, name, value)
                filled.append(f"environment.{name}")
        if found:
            self.record.environment.source = self.monitor
        if filled:
            self._changed()
            self.fieldsFilled.emit(filled)
        return filled

    def add_point(self, reading, photo: str = "", crop=None, ocr_text: str = "", corrected_at: str = "") -> str:
        """A reading of the screen as a new point; returns "" or the reason it cannot be one.

        ``ocr_text`` is what OCR read; when the technician corrected it (``corrected_at``), the point keeps
        both, and the record's technician as the one who corrected it (17025 7.5.2)."""
        value = (reading.value or "").strip()
        if not is_number_text(value):
            return self.tr("“%1” is not a number, so it cannot be a measurement point.").replace("%1", value)
        quantity = reading.key or getattr(reading, "key_en", "") or self.tr("Reading")
        tolerance = next((p.tolerance for p in reversed(self.points_model.points())
                          if p.quantity == quantity and p.unit == reading.unit), "")
        self.points_model.add_point(MeasurementPoint(quantity=quantity, unit=reading.unit or "", standard="",
                                                     reading=value, tolerance=tolerance,
                                                     ocr_text=ocr_text or value, photo=photo or "", crop=crop,
                                                     corrected_by=self.record.technician if corrected_at else "",
                                                     corrected_at=corrected_at))
        return ""

    # -- export checks --------------------------------------------------------------------------
    def export_problems(self) -> list[str]:
        problems = []
        if not self.record.instrument.name:
            problems.append(self.tr("Enter the instrument's name."))
        if not self.record.points:
            problems.append(self.tr("Add at least one measurement point."))
        missing = [str(i + 1) for i, p in enumerate(self.record.points) if not p.standard]
        if missing:
            problems.append(self.tr("Type the standard value of point(s) %1.").replace("%1", ", ".join(missing)))
        return problems

    # -- saving ---------------------------------------------------------------------------------
    @Slot()
    def _on_points_changed(self) -> None:
        self.record.points = self.points_model.points()
        self._changed()

    def _changed(self, now: bool = False) -> None:
        self._dirty = True
        if now:
            self.flush()
        else:
            self._timer.start()

    @Slot()
    def flush(self) -> bool:
        """Save now if anything changed; False when the store refused."""
        self._timer.stop()
        if not self._dirty:
            return True
        try:
            if self._stored_number and self._stored_number != self.record.number:
                self.repository.delete_record(self._stored_number)
            self.repository.save_record(self.record)
        except sqlite3.Error as exc:
            log.exception("record %s not saved", self.record.number)
            self.failed.emit(self.tr("The record could not be saved: %1").replace("%1", str(exc)))
            return False
        self._stored_number, self._dirty = self.record.number, False
        self.saved.emit(self.record.number)
        return True
