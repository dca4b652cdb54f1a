"""The History tab of a record: every change, oldest first, as the store keeps it (17025 7.5.2).

Read-only: the history is append-only, in the store and here.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.core.records.repository import HistoryEntry


class HistoryView(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 6, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Old value"),
                                        self.tr("New value"), self.tr("Why")])

    def show_entries(self, entries: list[HistoryEntry]) -> None:
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            when = datetime.fromisoformat(entry.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            for column, text in enumerate((when, entry.who, entry.what, entry.old_value, entry.new_value, entry.why)):
                self.setItem(row, column, QTableWidgetItem(text))
        self.scrollToBottom()
