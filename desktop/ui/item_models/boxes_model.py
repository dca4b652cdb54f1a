"""Table model of the detected text boxes: the technician can correct a box's text."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.ui import theme

INDEX, TEXT, CONFIDENCE = range(3)
AnyIndex = QModelIndex | QPersistentModelIndex


class BoxesModel(QAbstractTableModel):
    corrected = Signal(int, str, str)        # box index, original, corrected
    editRejected = Signal(int, int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._boxes: list = []
        self._corrected: set[int] = set()  # boxes whose text the technician corrected (or drew)
        self.editable = True
        self.low_confidence = 0.8

    def set_boxes(self, boxes: list, editable: bool = True, corrected: set[int] | None = None) -> None:
        self.beginResetModel()
        self._boxes = list(boxes)
        self._corrected = set(corrected or ())
        self.editable = editable
        self.endResetModel()

    def boxes(self) -> list:
        return list(self._boxes)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._boxes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = ["#", self.tr("Text"), self.tr("Confidence")]
            return names[section] if 0 <= section < 3 else None
        return None

    def flags(self, index: AnyIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == TEXT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._boxes):
            return None
        box, col = self._boxes[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == INDEX:
                return index.row() + 1
            if col == TEXT:
                return box.text
            return f"{box.score:.0%}" if role == Qt.ItemDataRole.DisplayRole else box.score
        if role == Qt.ItemDataRole.BackgroundRole and col == TEXT and index.row() in self._corrected:
            return theme.CORRECTED_BG
        if role == Qt.ItemDataRole.BackgroundRole and col in (TEXT, CONFIDENCE) and box.score < self.low_confidence:
            return theme.LOW_CONFIDENCE_BG
        if role == Qt.ItemDataRole.DecorationRole and col == INDEX:
            return theme.confidence_color(box.score, self.low_confidence)
        return None

    def setData(self, index: AnyIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != TEXT or not self.editable:
            return False
        row = index.row()
        if not 0 <= row < len(self._boxes):
            return False
        text = "" if value is None else str(value).strip()
        original = self._boxes[row].text
        if not text:
            self.editRejected.emit(row, TEXT, self.tr("The text cannot be empty"))
            return False
        if text == original:
            return True
        self._boxes[row] = replace(self._boxes[row], text=text, score=1.0)
        self._corrected.add(row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        self.corrected.emit(row, original, text)
        return True
