"""The readings panel: readings table and text-boxes table in tabs, and the refusal notice.

A refused edit shows its reason right at the cell (tooltip) and in the notice under the table,
and the cell turns red; nothing modal interrupts the technician.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import theme
from desktop.ui.item_models.boxes_model import BoxesModel
from desktop.ui.item_models.readings_model import ReadingsModel
from desktop.ui.widgets.tables import editable_table


def _table(model) -> QTableView:
    view = editable_table(model)
    view.setWordWrap(False)
    return view


class ReadingsPanel(QWidget):
    readingSelected = Signal(int)    # row, -1 when cleared
    boxRowSelected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.readings_model = ReadingsModel(self)
        self.boxes_model = BoxesModel(self)
        self.readings_view = _table(self.readings_model)
        header = self.readings_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 90, 60, 95)):
            header.resizeSection(column, width)
        self.boxes_view = _table(self.boxes_model)
        self.boxes_view.horizontalHeader().resizeSection(0, 48)
        self.boxes_view.horizontalHeader().resizeSection(1, 220)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.readings_view, "")
        self.tabs.addTab(self.boxes_view, "")
        self.notice = QLabel()
        self.notice.setObjectName("bannerError")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5b6470;")
        # a reading that does not fit its instrument's usual format, and the value that format suggests
        self.suggestion_bar = QWidget()
        self.suggestion_bar.setObjectName("suggestionBar")
        self.suggestion_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.suggestion_bar.setStyleSheet(f"QWidget#suggestionBar {{ {theme.BANNER_STYLES['bannerInfo']} }}")
        self.suggestion_text = QLabel()
        self.suggestion_text.setWordWrap(True)
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_suggestion)
        bar = QHBoxLayout(self.suggestion_bar)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.suggestion_text, 1)
        bar.addWidget(self.accept_button)
        self.suggestion_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.suggestion_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.hint)
        self.readings_model.editRejected.connect(self._on_rejected)
        self.boxes_model.editRejected.connect(self._on_box_rejected)
        self.readings_model.corrected.connect(lambda *a: self.notice.hide())
        self.boxes_model.corrected.connect(lambda *a: self.notice.hide())
        self.readings_view.selectionModel().selectionChanged.connect(self._on_reading_selection)
        for signal in (self.readings_model.modelReset, self.readings_model.dataChanged,
                       self.readings_view.selectionModel().currentChanged):
            signal.connect(self._show_suggestion)
        self.boxes_view.selectionModel().selectionChanged.connect(self._on_box_selection)
        self._syncing = False
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Readings"))
        self.tabs.setTabText(1, self.tr("Text boxes"))
        self.hint.setText(self.tr("Double-click or press F2 to correct a value. Corrections are saved at once "
                                  "and become training data."))
        self.readings_model.retranslate()
        self.boxes_model.retranslate()
        self._show_suggestion()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- selection sync -------------------------------------------------------------------------
    def select_reading(self, row: int) -> None:
        self._select(self.readings_view, row)

    def select_box(self, index: int) -> None:
        self._select(self.boxes_view, index)

    def _select(self, view: QTableView, row: int) -> None:
        self._syncing = True
        if row < 0:
            view.clearSelection()
        else:
            index = view.model().index(row, 0)
            view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                         | QItemSelectionModel.SelectionFlag.Rows)
            view.setCurrentIndex(index)
            view.scrollTo(index)
        self._syncing = False

    def edit_box(self, index: int) -> None:
        self.tabs.setCurrentWidget(self.boxes_view)
        self.select_box(index)
        self.boxes_view.edit(self.boxes_model.index(index, 1))

    def edit_current_value(self) -> None:
        """F2: edit the selected cell when it can be edited (the Key when the Key is selected), else the value."""
        view = self.tabs.currentWidget()
        current = view.currentIndex()
        if not view.model().rowCount():
            return
        row = current.row() if current.isValid() else 0
        editable = current.isValid() and bool(view.model().flags(current) & Qt.ItemFlag.ItemIsEditable)
        target = current if editable else view.model().index(row, 1)
        view.setFocus()
        view.setCurrentIndex(target)
        view.edit(target)

    def _suggested_row(self) -> int:
        """The selected reading if it has a suggestion, else the first that has one; -1 when none (or live)."""
        model = self.readings_model
        if not model.editable:
            return -1
        rows = [r for r in range(model.rowCount()) if getattr(model.reading(r), "suggestion", "")]
        current = self.readings_view.currentIndex().row()
        return current if current in rows else rows[0] if rows else -1

    def _show_suggestion(self, *_) -> None:
        row = self._suggested_row()
        if row < 0:
            self.suggestion_bar.hide()
            return
        reading = self.readings_model.reading(row)
        self.suggestion_text.setText(self.tr("%1 does not look like this instrument's readings: %2")
                                     .replace("%1", reading.value)
                                     .replace("%2", " ".join(self.readings_model.issue_texts(reading))))
        self.accept_button.setText(self.tr("Use %1 (Ctrl+Enter)").replace("%1", reading.suggestion))
        self.suggestion_bar.show()

    def accept_suggestion(self) -> None:
        """The reading takes the value its instrument profile suggests: a correction like any other."""
        row = self._suggested_row()
        if row >= 0:
            self.readings_model.setData(self.readings_model.index(row, 1), self.readings_model.reading(row).suggestion)

    def _on_reading_selection(self, *_):
        if not self._syncing:
            rows = self.readings_view.selectionModel().selectedRows()
            self.readingSelected.emit(rows[0].row() if rows else -1)

    def _on_box_selection(self, *_):
        if not self._syncing:
            rows = self.boxes_view.selectionModel().selectedRows()
            self.boxRowSelected.emit(rows[0].row() if rows else -1)

    # -- refusals -------------------------------------------------------------------------------
    def _on_rejected(self, row: int, column: int, reason: str) -> None:
        self._show_refusal(self.readings_view, row, column, reason)

    def _on_box_rejected(self, row: int, column: int, reason: str) -> None:
        self._show_refusal(self.boxes_view, row, column, reason)

    def _show_refusal(self, view: QTableView, row: int, column: int, reason: str) -> None:
        self.notice.setText(self.tr("Not saved: %1").replace("%1", reason))
        self.notice.show()
        rect = view.visualRect(view.model().index(row, column))
        QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()), reason, view)
