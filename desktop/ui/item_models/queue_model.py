"""List model of the session's images with a status per image."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.icons import icon
from desktop.ui.item_models.image_record import ImageRecord

AnyIndex = QModelIndex | QPersistentModelIndex
RecordRole = Qt.ItemDataRole.UserRole + 1


class QueueModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list[ImageRecord] = []

    def clear(self) -> None:
        self.beginResetModel()
        self._records = []
        self.endResetModel()

    def append(self, record: ImageRecord) -> None:
        row = len(self._records)
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.append(record)
        self.endInsertRows()

    def records(self) -> list[ImageRecord]:
        return list(self._records)

    def record(self, row: int) -> ImageRecord:
        return self._records[row]

    def row_of(self, image_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.image_id == image_id:
                return row
        return -1

    def changed(self, image_id: int) -> None:
        row = self.row_of(image_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))

    def retranslate(self) -> None:
        if self._records:
            self.dataChanged.emit(self.index(0), self.index(len(self._records) - 1))

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self._records:
            counts[record.status] = counts.get(record.status, 0) + 1
        return counts

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: AnyIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{record.name}\n{self._status_label(record)}"
        if role == Qt.ItemDataRole.DecorationRole:
            name = "corrected" if record.status == "done" and record.corrections else record.status
            return icon(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.error or record.path or record.name
        if role == RecordRole:
            return record
        return None

    def _status_label(self, record: ImageRecord) -> str:
        if record.status == "done":
            label = self.tr("%n reading(s)", "", len(record.readings))
            if record.corrections:
                label += " · " + self.tr("%n correction(s)", "", record.corrections)
            flagged = sum(1 for r in record.readings if not r.valid)
            if flagged:
                label += " · " + self.tr("%n to check", "", flagged)
            return label
        return {"queued": self.tr("Waiting"), "reading": self.tr("Reading…"),
                "error": self.tr("Error")}.get(record.status, record.status)
