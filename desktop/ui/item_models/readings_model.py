"""Table model of the readings: key, value, unit, confidence, status.

The display's main value (``reading.primary``) comes first and is highlighted. Edits are validated through the core (via ``reading_adapter``); a refused edit returns False and
emits ``editRejected`` with the reason, which the status cell then shows (no message boxes here).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.core.live.slots import live_slots
from desktop.ui import i18n, reading_adapter, theme

KEY, VALUE, UNIT, CONFIDENCE, STATUS = range(5)
COLUMN_FIELDS = {KEY: "key", VALUE: "value", UNIT: "unit"}
AnyIndex = QModelIndex | QPersistentModelIndex
PRIMARY_BG = theme.QColor("#dcebfb")  # the display's main value


class ReadingsModel(QAbstractTableModel):
    corrected = Signal(int, str, str, str)   # row, field ("key" | "value" | "unit"), original, corrected
    editRejected = Signal(int, int, str)     # row, column, reason

    def __init__(self, parent=None):
        super().__init__(parent)
        self._readings: list = []
        self._rejected: dict[int, str] = {}
        self._live: dict[str, tuple[int, bool]] | None = None  # slot -> (count, stable) in live mode
        self._slots: list[str] = []  # live_slots() of the readings
        self._marks: list[set[str]] = []  # per row: the fields the technician corrected ("boxes": via a box)
        self._stable_frames = 3
        self.editable = True
        self.low_confidence = 0.8

    # -- content --------------------------------------------------------------------------------
    def set_readings(self, readings: list, *, editable: bool = True,
                     live: dict[str, tuple[int, bool]] | None = None, stable_frames: int = 3,
                     marks: list[set[str]] | None = None) -> None:
        self.beginResetModel()
        self._readings = list(readings)  # the core lists the display's main value first
        self._marks = list(marks) if marks is not None else [set() for _ in self._readings]
        self._rejected.clear()
        self._live = live
        self._slots = live_slots(self._readings)
        self._stable_frames = stable_frames
        self.editable = editable
        self.endResetModel()

    def readings(self) -> list:
        return list(self._readings)

    def reading(self, row: int):
        return self._readings[row]

    def primary_row(self) -> int:
        """Row of the display's main value, -1 when no reading is marked."""
        return next((row for row, r in enumerate(self._readings) if r.primary), -1)

    def is_corrected(self, row: int, field: str | None = None) -> bool:
        """Did the technician correct this row (this field, or any)?"""
        marks = self._marks[row] if 0 <= row < len(self._marks) else set()
        return bool(marks) if field is None else field in marks or "boxes" in marks

    def row_for_box(self, box_index: int) -> int:
        for row, reading in enumerate(self._readings):
            if box_index in (reading.boxes or []):
                return row
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._readings:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._readings)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = [self.tr("Key"), self.tr("Value"), self.tr("Unit"), self.tr("Confidence"), self.tr("Status")]
            return names[section] if 0 <= section < len(names) else None
        return None

    def flags(self, index: AnyIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in COLUMN_FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._readings):
            return None
        reading, col, row = self._readings[index.row()], index.column(), index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col in COLUMN_FIELDS:
                value = getattr(reading, COLUMN_FIELDS[col]) or ""
                if col == KEY and i18n.current_language() == "en":  # shown and edited in the interface language
                    value = reading.key_en or value
                if role == Qt.ItemDataRole.DisplayRole and col == KEY and reading.label:
                    value = f"{value} ({reading.label})"  # 电阻 (R-RES): which of the screen's resistances
                if role == Qt.ItemDataRole.DisplayRole and col == UNIT and value and reading.note:
                    value = f"{value} ({reading.note})"  # A (RMS)
                return value
            if col == CONFIDENCE:
                return f"{reading.score:.0%}" if role == Qt.ItemDataRole.DisplayRole else reading.score
            if col == STATUS:
                return self._status_text(row, reading)
        elif role == Qt.ItemDataRole.BackgroundRole:
            if row in self._rejected or (not reading.valid and col in (VALUE, STATUS)):
                return theme.INVALID_BG
            if self._live is not None and self._is_stable(row):
                return theme.STABLE_BG
            if self.is_corrected(row, COLUMN_FIELDS.get(col, "")) or (col == STATUS and self.is_corrected(row)):
                return theme.CORRECTED_BG
            if reading.score < self.low_confidence and col in (VALUE, CONFIDENCE):
                return theme.LOW_CONFIDENCE_BG
            if reading.primary:
                return PRIMARY_BG
        elif role == Qt.ItemDataRole.ForegroundRole:
            if self._live is not None and not self._is_stable(row):
                return theme.QColor("#8a9099")
            if col == STATUS:
                return theme.BAD if (row in self._rejected or not reading.valid) else theme.OK
        elif role == Qt.ItemDataRole.ToolTipRole:
            issues = self.issue_texts(reading)
            if row in self._rejected:
                return self._rejected[row]
            if issues:
                return self._flagged_text(reading).replace("; ", "\n")
            if self.is_corrected(row):
                return self.tr("Corrected by you")
            if reading.score < self.low_confidence:
                return self.tr("Low confidence: please check this value")
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (VALUE, CONFIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.FontRole and (col == VALUE or reading.primary):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            if reading.primary and col == VALUE:
                font.setPointSizeF(font.pointSizeF() * 1.2)
            return font
        return None

    def setData(self, index: AnyIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        col, row = index.column(), index.row()
        if col not in COLUMN_FIELDS or not 0 <= row < len(self._readings):
            return False
        reading, name = self._readings[row], COLUMN_FIELDS[col]
        text = "" if value is None else str(value)
        original = getattr(reading, name) or ""
        if text.strip() in (original, self.data(index, Qt.ItemDataRole.EditRole)):
            return True
        if col == VALUE:
            updated, reason = reading_adapter.edit_value(reading, text, i18n.current_language())
            if updated is None:
                self._rejected[row] = reason
                self._emit_row(row)
                self.editRejected.emit(row, col, reason)
                return False
        elif col == UNIT:
            updated = reading_adapter.edit_unit(reading, text)
        else:
            updated = reading_adapter.edit_key(reading, text)
        self._readings[row] = updated
        self._marks[row] = self._marks[row] | {name}
        self._rejected.pop(row, None)
        self._emit_row(row)
        self.corrected.emit(row, name, original, getattr(updated, name))
        return True

    # -- helpers --------------------------------------------------------------------------------
    def _emit_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _is_stable(self, row: int) -> bool:
        return bool(self._live and self._live.get(self._slots[row], (0, False))[1])

    def issue_texts(self, reading) -> list[str]:
        lang = i18n.current_language()
        return [reading_adapter.issue_message(code, lang) for code in (reading.issues or [])]

    def _flagged_text(self, reading) -> str:
        text = "; ".join(self.issue_texts(reading)) or self.tr("Invalid")
        if getattr(reading, "suggestion", "") and self.editable:  # live: it is accepted on the capture
            text += " " + self.tr("Suggested: %1 (Ctrl+Enter accepts it)").replace("%1", reading.suggestion)
        return text

    def _status_text(self, row: int, reading) -> str:
        if row in self._rejected:
            return self.tr("Refused: %1").replace("%1", self._rejected[row])
        if self._live is not None:
            count, stable = self._live.get(self._slots[row], (0, False))
            if stable:
                return self.tr("Stable")
            if not reading_adapter.fits_profile(reading):  # never stable: say why instead of "Settling"
                return self._flagged_text(reading)
            return self.tr("Settling %1/%2").replace("%1", str(count)).replace("%2", str(self._stable_frames))
        if not reading.valid:
            return self._flagged_text(reading)
        if self.is_corrected(row):
            return "✎ " + self.tr("Corrected")
        if reading.score < self.low_confidence:
            return self.tr("Check")
        return self.tr("OK")
