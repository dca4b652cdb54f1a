"""The editable table look shared by the readings, text-box and measurement-point tables."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def editable_table(model, row_height: int = 30) -> QTableView:
    """Whole-row selection, one row at a time, editing by double-click, F2 or just typing."""
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setStretchLastSection(True)
    return view
