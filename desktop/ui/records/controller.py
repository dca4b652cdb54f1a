"""The record being filled in: fields, points and saving, with no widgets.

Every change is saved in the session store (``RecordRepository``) a moment after the technician types
it (and at once on ``flush``), so a crash or a restart loses nothing; the next start reopens the
record saved last. Values are validated here; a refusal comes back as a reason, never a dialog.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.core.labstore.errors import EditConflict, KeptLocally, RecordLockedError, StoreError, StoreUnavailable
from desktop.core.labstore.people import People
from desktop.core.preferences import Preferences
from desktop.core.records.calibration_record import (
    CalibrationRecord,
    Instrument,
    Laboratory,
    MeasurementPoint,
    Signatory,
    ambient_conditions,
    is_number_text,
    kept_for_next,
)
from desktop.core.records.fields import FieldRefused, field_value, set_field
from desktop.core.records.numbering import DEFAULT_PATTERN
from desktop.core.records.repository import RecordRepository
from desktop.core.records.revisions import NotReadyToIssue, RevisionError, issue, revise
from desktop.ui.item_models.points_model import PointsModel

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 300
RETRY_MS = 5000  # how often saves kept on this PC are offered to the lab server again
REFRESH_MS = 2000  # on a lab server: how often the record shown is compared with the store's

INSTRUMENT_FIELDS = tuple(f"instrument.{f.name}" for f in dataclasses.fields(Instrument))


class RecordController(QObject):
    loaded = Signal()          # another record is shown: the form re-reads every field
    fieldsFilled = Signal(list)  # keys the app filled in (environment, completed instrument)
    saved = Signal(str)        # record number
    failed = Signal(str)       # a message for the user
    storeStatus = Signal(str)  # the lab server is away (work kept on this PC) or back: for the status bar

    def __init__(self, repository: RecordRepository, settings: Callable[[], Preferences] = Preferences, parent=None):
        """``settings``: the current preferences (number pattern, lab-wide certificate items)."""
        super().__init__(parent)
        self.repository, self.settings = repository, settings
        self.points_model = PointsModel(self)
        self.points_model.pointsChanged.connect(self._on_points_changed)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=self.flush)
        self._retry = QTimer(self, interval=RETRY_MS, timeout=self._send_pending)
        self._refresh = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        if repository.store.is_server:  # another PC may change or issue the record shown
            self._refresh.start()
        self._dirty = False
        self.record = self._blank(date.today(), reserve=False)  # a placeholder until open_latest
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

    def refresh(self) -> None:
        """Show the record as stored when another PC saved it since (edits being typed here are kept)."""
        number = self._stored_number
        if self._dirty or not number:
            return
        try:
            if self.repository.stored_version(number) == self.repository.read_version(number):
                return
            stored = self.repository.get_record(number)
        except StoreError:
            return  # the status bar already says when the server is away
        if stored is not None:
            self._show(stored, stored=stored.number)

    def history(self) -> list:
        """The record's changes, oldest first ([] for a record not saved yet, or the store away)."""
        try:
            return self.repository.history(self._stored_number) if self._stored_number else []
        except StoreError as exc:
            log.warning("history not read: %s", exc)
            return []

    def new_record(self) -> None:
        """Save this record and start the next: the instrument and points are cleared, the rest kept."""
        self.flush()
        record = dataclasses.replace(self._blank(date.today()), **kept_for_next(self.record))
        self._show(record, stored=None)
        self._dirty = True
        self.flush()

    def _blank(self, day: date, reserve: bool = True) -> CalibrationRecord:
        """A new record with the lab-wide items of Settings (the record keeps its own copy of them).
        ``reserve``: take the next number from the lab-wide counter (it is never given out again)."""
        prefs = self.settings()
        number = self.repository.next_record_number(day, prefs.record_number or DEFAULT_PATTERN) if reserve else ""
        return CalibrationRecord(
            number=number, customer="",
            instrument=Instrument(name=""), calibration_date=day, title=prefs.certificate_title,
            laboratory=Laboratory(prefs.lab_name, prefs.lab_address, prefs.lab_traceability,
                                  accreditation=prefs.lab_accreditation, min_tur=prefs.lab_min_tur),
            signatory=Signatory(prefs.lab_signatory, prefs.lab_signatory_function))

    def _show(self, record: CalibrationRecord, stored: str | None) -> None:
        self._timer.stop()
        self._dirty = False
        self.record, self._stored_number = record, stored
        self.points_model.set_points(record.points)
        self.points_model.editor = record.technician
        self.points_model.set_decision_rule(record.decision_rule)
        self.loaded.emit()

    # -- fields ---------------------------------------------------------------------------------
    def value(self, key: str) -> str:
        return field_value(self.record, key)

    def set_value(self, key: str, text: str) -> str:
        """Change a field; returns "" when accepted, else the reason it was refused."""
        text = text.strip()
        if text == self.value(key):
            return ""
        if self.record.locked:
            return self._locked_reason()
        if key == "number":
            return self._renumber(text)
        try:
            set_field(self.record, key, text)
        except FieldRefused as refused:
            return {"number": self.tr("“%1” is not a number: type digits only, the unit is fixed."),
                    "date": self.tr("“%1” is not a date: type it like 2025-09-20."),
                    "choice": self.tr("“%1” is not one of the choices.")}[refused.kind].replace("%1", text)
        if key == "technician":
            self.points_model.editor = text
        if key == "decision_rule":
            self.points_model.set_decision_rule(text)
        self._changed()
        return ""

    def set_date(self, day: date) -> None:
        if day != self.record.calibration_date and not self.record.locked:
            self.record.calibration_date = day
            self._changed()

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
        if self.record.locked:
            self.failed.emit(self._locked_reason())
            return
        self.record.instrument = dataclasses.replace(instrument)
        self._changed()
        self.fieldsFilled.emit(list(INSTRUMENT_FIELDS))

    def suggest_instruments(self, text: str, by: str) -> list[Instrument]:
        if not text.strip():
            return []
        try:
            return self.repository.suggest_instruments(text.strip(), by=by)
        except StoreError as exc:
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
        if not self.monitor or self.record.locked:
            return []
        found = ambient_conditions([(label, reading.value, reading.unit) for reading in readings
                                    for label in (reading.key, reading.key_en) if label])
        filled = []
        for name, value in found.items():
            if getattr(self.record.environment, name) != value:
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
        if self.record.locked:
            return self._locked_reason()
        if not is_number_text(value):
            return self.tr("“%1” is not a number, so it cannot be a measurement point.").replace("%1", value)
        quantity = reading.key or reading.key_en or self.tr("Reading")
        tolerance = next((p.tolerance for p in reversed(self.points_model.points())
                          if p.quantity == quantity and p.unit == reading.unit), "")
        self.points_model.add_point(MeasurementPoint(quantity=quantity, unit=reading.unit or "", standard="",
                                                     reading=value, tolerance=tolerance,
                                                     ocr_text=ocr_text or value, photo=photo or "", crop=crop,
                                                     corrected_by=self.record.technician if corrected_at else "",
                                                     corrected_at=corrected_at))
        return ""

    # -- issue and revise (17025 7.5.2, 7.8.8) ---------------------------------------------------
    def issue(self) -> str:
        """Lock the record as it is; returns "" or why it cannot be issued."""
        problems = self.export_problems()
        if problems:
            return " ".join(problems)
        try:
            issuer, refused = People(self.repository.store).issue_problems(self.record)
            if refused:
                return " ".join(f"{problem}." for problem in refused)
            issued = issue(self.record, issuer)
        except NotReadyToIssue as exc:
            separator = self.tr(", ", "between the missing items")  # Chinese lists with 、
            return self.tr("fill in %1 first.").replace(
                "%1", separator.join(self._issue_item(key) for key in exc.missing))
        except (RevisionError, StoreError) as exc:
            return str(exc)
        return self._replace(issued)

    def _issue_item(self, key: str) -> str:
        """The name of an item ``revisions.missing_for_issue`` found blank, in the UI language."""
        return {"number": self.tr("the certificate number"), "checker": self.tr("the checker"),
                "laboratory.name": self.tr("the laboratory's name (Settings)"),
                "laboratory.traceability": self.tr("the traceability statement (Settings)"),
                "signatory.name": self.tr("the authorised signatory"),
                "standards": self.tr("a measurement standard"),
                "standard.certificate": self.tr("the standard's certificate number"),
                "standard.due_date": self.tr("the standard's due date"),
                "standard.uncertainty": self.tr("the standard's uncertainty")}[key]

    def new_revision(self, reason: str) -> str:
        """Start the next revision of the issued record, with the reason; the issued one stays in the store."""
        try:
            draft = revise(self.record, reason)
        except RevisionError as exc:
            return str(exc)
        return self._replace(draft)

    def _replace(self, record: CalibrationRecord) -> str:
        self.flush()
        previous = self.record
        self.record, self._dirty = record, True
        if not self.flush():
            self.record = previous
            return self.tr("The record could not be saved.")
        self._show(self.record, stored=self.record.number)
        return ""

    def _locked_reason(self) -> str:
        return self.tr("Revision %1 was issued and is locked: make a new revision (with its reason) to change "
                       "it.").replace("%1", str(self.record.revision))

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
        overdue = self.record.overdue_standards()
        if overdue and not self.record.standards_override:
            problems.append(self.tr("The standard %1 was past its due date: use another, or state why in "
                                    "“Overdue standard used because”.").replace("%1", overdue[0].name))
        return problems

    # -- saving ---------------------------------------------------------------------------------
    @Slot()
    def _on_points_changed(self) -> None:
        if self.record.locked:  # an issued revision's points stay as issued
            self.points_model.set_points(self.record.points)
            self.failed.emit(self._locked_reason())
            return
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
                self.repository.rename_record(self._stored_number, self.record)  # one transaction
            else:
                self.repository.save_record(self.record)
        except RecordLockedError as exc:  # e.g. issued on another PC meanwhile: show it as it is now
            self.failed.emit(str(exc))
            stored = self.repository.get_record(self.record.number)
            if stored is not None and stored.locked:
                self._show(stored, stored=stored.number)
            return False
        except KeptLocally:  # safe on this PC; sent to the server when it is back
            self.storeStatus.emit(self.tr("The lab server cannot be reached: your work is kept on this PC and "
                                          "saved to the server when it is back."))
            self._retry.start()
            self._stored_number, self._dirty = self.record.number, False
            return True
        except EditConflict as exc:  # someone else saved first: show theirs; ours is kept as a draft
            self.failed.emit(self.tr("%1 was changed by %2 at %3 after you opened it. Your edits were kept as a "
                                     "draft; the record now shows their version.")
                             .replace("%1", exc.number).replace("%2", exc.changed_by).replace("%3", _local_time(exc.changed_at)))
            stored = self.repository.get_record(exc.number)
            if stored is not None:
                self._show(stored, stored=stored.number)
            return False
        except StoreError as exc:
            log.exception("record %s not saved", self.record.number)
            self.failed.emit(self.tr("The record could not be saved: %1").replace("%1", str(exc)))
            return False
        self._stored_number, self._dirty = self.record.number, False
        self.saved.emit(self.record.number)
        return True

    @Slot()
    def _send_pending(self) -> None:
        try:
            refused = self.repository.send_pending()
        except StoreUnavailable:
            return  # still away: try again later
        except StoreError as exc:
            log.warning("saves kept on this PC not sent: %s", exc)
            return
        self._retry.stop()
        self.storeStatus.emit(self.tr("The lab server is back: the work kept on this PC is saved."))
        for problem in refused:
            self.failed.emit(str(problem))


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso
