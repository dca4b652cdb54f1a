"""The record's details: record, instrument, standard and environment, and certificate fields, in four columns.

Each field writes through ``RecordController.set_value`` as the technician types; a refused value
turns the field red with the reason as its tooltip and in ``refused``. The instrument's serial and
name complete from earlier records (``InstrumentCompleter``).
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from desktop.core.records.calibration_record import Instrument
from desktop.ui.records.controller import RecordController

INSTRUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 2
GROUPS = {
    "record": ("number", "date", "customer", "location", "procedure", "technician", "checker", "remarks"),
    "instrument": ("instrument.name", "instrument.model", "instrument.manufacturer", "instrument.serial",
                   "instrument.firmware", "instrument.category"),
    "standard": ("standard.name", "standard.serial", "standard.certificate", "standard.due_date",
                 "standard.uncertainty", "environment.temperature", "environment.humidity", "environment.pressure"),
    "certificate": ("title", "customer_address", "received_date", "issue_date", "item_condition", "deviations",
                    "decision_rule", "coverage_factor", "signatory.name", "signatory.function",
                    "standards_override", "tur_reason", "specification"),
}
CHOICE_FIELDS = ("title", "decision_rule")
TABS = ("record", "certificate")


class InstrumentCompleter(QCompleter):
    """Suggestions from ``RecordController.suggest_instruments`` as the technician types."""

    chosen = Signal(object)  # Instrument

    def __init__(self, edit: QLineEdit, controller: RecordController, by: str):
        self.suggestions = QStandardItemModel()
        super().__init__(self.suggestions, edit)
        self.controller, self.by = controller, by
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompletionRole(COMPLETION_ROLE)
        self.setWidget(edit)
        edit.textEdited.connect(self.update_for)
        self.activated[QModelIndex].connect(self._on_activated)

    def update_for(self, text: str) -> None:
        self.suggestions.clear()
        for instrument in self.controller.suggest_instruments(text, self.by):
            parts = [instrument.serial, instrument.name, instrument.model, instrument.manufacturer]
            item = QStandardItem("  ·  ".join(p for p in parts if p))
            item.setData(instrument, INSTRUMENT_ROLE)
            item.setData(getattr(instrument, self.by), COMPLETION_ROLE)
            self.suggestions.appendRow(item)
        if self.suggestions.rowCount():
            self.complete()
        else:
            self.popup().hide()

    def _on_activated(self, index: QModelIndex) -> None:
        instrument = index.data(INSTRUMENT_ROLE)
        if isinstance(instrument, Instrument):
            self.chosen.emit(instrument)


class RecordForm(QWidget):
    refused = Signal(str, str)  # key, reason ("" when a field became valid again)

    def __init__(self, controller: RecordController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.edits: dict[str, QLineEdit] = {}
        self.choices: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.date = QDateEdit(calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.tabs = QTabWidget()  # the record as measured | the certificate items (issued later, less often)
        pages = {name: QWidget() for name in TABS}
        for page in pages.values():
            QHBoxLayout(page).setContentsMargins(4, 4, 4, 4)
            self.tabs.addTab(page, "")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        for name, keys in GROUPS.items():
            box = QGroupBox()
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setContentsMargins(8, 6, 8, 6)
            form.setVerticalSpacing(4)
            for key in keys:
                self.labels[key] = QLabel()
                widget = self.date if key == "date" else self._choice(key) if key in CHOICE_FIELDS else self._edit(key)
                form.addRow(self.labels[key], widget)
            self.groups[name] = box
            pages["certificate" if name == "certificate" else "record"].layout().addWidget(box, 1)
        self.completers = {by: InstrumentCompleter(self.edits[f"instrument.{by}"], controller, by)
                           for by in ("serial", "name")}
        for completer in self.completers.values():
            completer.chosen.connect(controller.apply_instrument)
        self.date.dateChanged.connect(lambda d: controller.set_date(d.toPython()))
        controller.loaded.connect(self.refresh)
        controller.fieldsFilled.connect(self.refresh)
        self.retranslate()

    def _edit(self, key: str) -> QLineEdit:
        edit = QLineEdit()
        self.edits[key] = edit
        if key == "number":  # renaming the record: when the technician is done, not per keystroke
            edit.editingFinished.connect(lambda: self._commit(key, edit.text()))
        else:
            edit.textEdited.connect(lambda text, k=key: self._commit(k, text))
        return edit

    def _choice(self, key: str) -> QComboBox:
        combo = QComboBox()
        self.choices[key] = combo
        combo.activated.connect(lambda _, k=key: self._commit_choice(k))
        return combo

    def _commit_choice(self, key: str) -> None:
        reason = self.controller.set_value(key, self.choices[key].currentData())
        if reason:
            self.refresh([key])
        self.refused.emit(key, reason)

    def _commit(self, key: str, text: str) -> None:
        reason = self.controller.set_value(key, text)
        edit = self.edits[key]
        edit.setStyleSheet("background: #fbdedb;" if reason else "")
        edit.setToolTip(reason)
        if reason and key == "number":
            edit.setText(self.controller.value(key))  # keep the number that is in use
        self.refused.emit(key, reason)

    def refresh(self, keys: list | None = None) -> None:
        locked = self.controller.record.locked  # an issued revision is shown, not edited
        for key in keys or list(self.edits) + list(self.choices):
            if key in self.choices:
                combo = self.choices[key]
                combo.setCurrentIndex(max(0, combo.findData(self.controller.value(key))))
                combo.setEnabled(not locked)
                continue
            edit = self.edits[key]
            if edit.text() != self.controller.value(key):
                edit.setText(self.controller.value(key))
            edit.setStyleSheet("")
            edit.setToolTip("")
            edit.setReadOnly(locked)
        self.date.setReadOnly(locked)
        if not keys:
            self.date.blockSignals(True)
            self.date.setDate(QDate(self.controller.record.calibration_date))
            self.date.blockSignals(False)

    def retranslate(self) -> None:
        titles = {"record": self.tr("Record"), "instrument": self.tr("Instrument under test"),
                  "standard": self.tr("Standard and environment"), "certificate": self.tr("Certificate details")}
        for name, box in self.groups.items():
            box.setTitle(titles[name])
        self.tabs.setTabText(0, self.tr("Record"))
        self.tabs.setTabText(1, self.tr("Certificate details"))
        texts = {
            "number": self.tr("Record no."), "date": self.tr("Date"), "customer": self.tr("Customer"),
            "location": self.tr("Location"), "procedure": self.tr("Procedure"), "remarks": self.tr("Remarks"),
            "standard.due_date": self.tr("Due date"), "standard.uncertainty": self.tr("Uncertainty"),
            "title": self.tr("Title"), "customer_address": self.tr("Customer address"),
            "received_date": self.tr("Received"), "issue_date": self.tr("Issued"),
            "item_condition": self.tr("Condition on receipt"), "deviations": self.tr("Deviations"),
            "decision_rule": self.tr("Decision rule"), "coverage_factor": self.tr("Coverage factor k"),
            "signatory.name": self.tr("Signatory"), "signatory.function": self.tr("Function"),
            "standards_override": self.tr("Overdue standard used because"),
            "tur_reason": self.tr("TUR below 1:1 reported because"),
            "specification": self.tr("Specification judged against"),
            "technician": self.tr("Technician"), "checker": self.tr("Checker"),
            "instrument.name": self.tr("Name"), "instrument.model": self.tr("Model"),
            "instrument.manufacturer": self.tr("Manufacturer"), "instrument.serial": self.tr("Serial no."),
            "instrument.firmware": self.tr("Version"), "instrument.category": self.tr("Category"),
            "standard.name": self.tr("Standard"), "standard.serial": self.tr("Standard no."),
            "standard.certificate": self.tr("Certificate"), "environment.temperature": self.tr("Temperature ℃"),
            "environment.humidity": self.tr("Humidity %RH"), "environment.pressure": self.tr("Pressure kPa"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.edits["instrument.serial"].setPlaceholderText(self.tr("Type to find an earlier instrument"))
        self.edits["instrument.name"].setPlaceholderText(self.tr("Required"))
        for key in ("standard.due_date", "received_date", "issue_date"):
            self.edits[key].setPlaceholderText("2025-09-20")
        choices = {"title": [("record", self.tr("Calibration record")), ("certificate", self.tr("Calibration certificate"))],
                   "decision_rule": [("simple", self.tr("Simple acceptance")),
                                     ("guarded", self.tr("With uncertainty (ILAC-G8:2009, 4 outcomes)"))]}
        for key, items in choices.items():
            combo = self.choices[key]
            combo.clear()
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(self.controller.value(key))))
        for key in ("environment.temperature", "environment.humidity", "environment.pressure"):
            self.edits[key].setPlaceholderText(self.tr("Type, or from the environment monitor"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
