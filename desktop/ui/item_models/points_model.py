"""Table model of a record's measurement points: standard value and tolerance typed by the technician,
error and verdict computed live by the core's rules under the record's decision rule (``decision_rule``,
set by the controller): the table, the panel and the report ask the same ``MeasurementPoint.result``.

A refused edit (not a number, a negative tolerance) returns False and emits ``editRejected`` with the
reason; the panel shows it in place (no message boxes here).
"""
from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.core.records.calibration_record import MeasurementPoint, is_number_text
from desktop.core.records.verdicts import CONDITIONAL_FAIL, CONDITIONAL_PASS, PASS, Tolerance, ToleranceError
from desktop.ui import i18n, reading_adapter, theme

INDEX, QUANTITY, UNIT, STANDARD, READING, TOLERANCE, ERROR, VERDICT, AS_FOUND = range(9)
EDITABLE = {QUANTITY: "quantity", UNIT: "unit", STANDARD: "standard", READING: "reading", TOLERANCE: "tolerance",
            AS_FOUND: "as_found"}
NUMERIC = (STANDARD, READING, AS_FOUND)
AnyIndex = QModelIndex | QPersistentModelIndex


def point_error(point: MeasurementPoint) -> str:
    """The error as displayed (with the point's decimals), or "" while a value is missing."""
    if not (is_number_text(point.standard) and is_number_text(point.reading)):
        return ""
    error = point.error or 0.0  # never -0.00
    return f"{error:{'+' if error else ''}.{point.error_decimals}f}"  # 0.00, not +0.00


def point_verdict(point: MeasurementPoint, rule: str) -> str | None:
    """One of ``verdicts.VERDICTS`` under ``rule``; None while a value is missing or cannot be judged yet."""
    if not point_error(point):
        return None
    try:
        return point.result(rule).verdict
    except ValueError:  # ToleranceError (a % FS tolerance before the full scale is known, no U yet) and the like
        return None


class PointsModel(QAbstractTableModel):
    pointsChanged = Signal()              # any edit, add or remove: the record must be saved
    editRejected = Signal(int, int, str)  # row, column, reason

    def __init__(self, parent=None):
        super().__init__(parent)
        self._points: list[MeasurementPoint] = []
        self._rejected: dict[tuple[int, int], str] = {}
        self.editor = ""  # who corrects readings here (the record's technician), kept with the correction
        self.decision_rule = "simple"  # the record's; set_decision_rule when it changes

    # -- content --------------------------------------------------------------------------------
    def set_points(self, points: list[MeasurementPoint]) -> None:
        self.beginResetModel()
        self._points = [dataclasses.replace(p) for p in points]
        self._rejected.clear()
        self.endResetModel()

    def points(self) -> list[MeasurementPoint]:
        return [dataclasses.replace(p) for p in self._points]

    def add_point(self, point: MeasurementPoint) -> int:
        row = len(self._points)
        self.beginInsertRows(QModelIndex(), row, row)
        self._points.append(point)
        self.endInsertRows()
        self.pointsChanged.emit()
        return row

    def remove_point(self, row: int) -> None:
        if not 0 <= row < len(self._points):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._points[row]
        self._rejected = {(r - (r > row), c): why for (r, c), why in self._rejected.items() if r != row}
        self.endRemoveRows()
        if self._points:  # the index column renumbers
            self.dataChanged.emit(self.index(row if row < len(self._points) else 0, INDEX),
                                  self.index(len(self._points) - 1, INDEX))
        self.pointsChanged.emit()

    def set_decision_rule(self, rule: str) -> None:
        if rule != self.decision_rule:
            self.decision_rule = rule
            if self._points:
                self.dataChanged.emit(self.index(0, VERDICT), self.index(len(self._points) - 1, VERDICT))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._points:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._points)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            names = ["#", self.tr("Quantity"), self.tr("Unit"), self.tr("Standard"), self.tr("Reading"),
                     self.tr("Tolerance ±"), self.tr("Error"), self.tr("Result"), self.tr("As found")]
            return names[section] if 0 <= section < len(names) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {STANDARD: self.tr("The standard's value (type it)"),
                    READING: self.tr("The instrument's reading, as read and corrected"),
                    TOLERANCE: self.tr("Maximum permissible error: 0.50, 1 %rdg, 0.5 %FS, 2 dgt or "
                                       "±(0.5 %rdg + 2 dgt); empty: no verdict"),
                    AS_FOUND: self.tr("The reading before adjustment, when the instrument was adjusted"),
                    ERROR: self.tr("Reading − standard, rounded to the displayed decimals")}
            return tips.get(section)
        return None

    def flags(self, index: AnyIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._points):
            return None
        point, row, col = self._points[index.row()], index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == INDEX:
                return str(row + 1)
            if col == QUANTITY and role == Qt.ItemDataRole.DisplayRole:  # in the interface language
                return reading_adapter.key_name(point.quantity, i18n.current_language())
            if col in EDITABLE:
                return getattr(point, EDITABLE[col])
            if col == ERROR:
                return point_error(point)
            if col == VERDICT:
                return self._verdict_text(point)
        elif role == Qt.ItemDataRole.BackgroundRole:
            if (row, col) in self._rejected:
                return theme.INVALID_BG
            if col == STANDARD and not point.standard:
                return theme.LOW_CONFIDENCE_BG  # still to be typed
        elif role == Qt.ItemDataRole.ForegroundRole and col == VERDICT:
            verdict = point_verdict(point, self.decision_rule)
            return {None: None, PASS: theme.OK, CONDITIONAL_PASS: theme.WARN}.get(verdict, theme.BAD)
        elif role == Qt.ItemDataRole.FontRole and col in (READING, VERDICT):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.ToolTipRole:
            if (row, col) in self._rejected:
                return self._rejected[(row, col)]
            if col == READING and point.ocr_text and point.ocr_text != point.reading:
                return self.tr("OCR read %1").replace("%1", point.ocr_text)
            if col == STANDARD and not point.standard:
                return self.tr("Type the standard's value")
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (*NUMERIC, ERROR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._points):
            return False
        text = ("" if value is None else str(value)).strip().replace("．", ".").replace("＋", "+").replace("－", "-")
        reason = self._refusal(col, text)
        if reason:
            self._rejected[(row, col)] = reason
            self._emit_row(row)
            self.editRejected.emit(row, col, reason)
            return False
        self._rejected.pop((row, col), None)
        if text != getattr(self._points[row], EDITABLE[col]):
            changes = {EDITABLE[col]: text}
            if col == READING:  # the value as read stays in ocr_text; who changed it and when is kept
                changes.update(corrected_by=self.editor, corrected_at=datetime.now().isoformat(timespec="seconds"))
            self._points[row] = dataclasses.replace(self._points[row], **changes)
            self.pointsChanged.emit()
        self._emit_row(row)
        return True

    # -- helpers --------------------------------------------------------------------------------
    def _refusal(self, col: int, text: str) -> str:
        if col in (QUANTITY, READING) and not text:
            return self.tr("This cannot be empty.")
        if col in NUMERIC and text and not is_number_text(text):
            return self.tr("“%1” is not a number: type digits with at most one decimal point, "
                           "e.g. 100.00").replace("%1", text)
        if col == TOLERANCE and text.startswith("-"):
            return self.tr("The tolerance is a ± limit: type it without a sign.")
        if col == TOLERANCE:
            try:
                Tolerance.parse(text)
            except ToleranceError:
                return self.tr("“%1”: write a tolerance like 0.50, 1 %rdg, 0.5 %FS, 2 dgt or "
                               "±(0.5 %rdg + 2 dgt).").replace("%1", text)
        return ""

    def _verdict_text(self, point: MeasurementPoint) -> str:
        verdict = point_verdict(point, self.decision_rule)
        if verdict is None:
            return ""
        return {PASS: self.tr("Pass"), CONDITIONAL_PASS: self.tr("Conditional pass"),
                CONDITIONAL_FAIL: self.tr("Conditional fail")}.get(verdict, self.tr("Fail"))

    def _emit_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
