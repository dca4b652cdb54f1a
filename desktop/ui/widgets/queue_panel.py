"""The session's images, with a status per image; selecting one shows it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from desktop.ui.item_models.queue_model import QueueModel


class QueuePanel(QWidget):
    imageChosen = Signal(int)   # image id

    def __init__(self, model: QueueModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.view = QListView()
        self.view.setModel(model)
        self.view.setIconSize(QSize(20, 20))
        self.view.setSpacing(2)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        for signal in (model.rowsInserted, model.dataChanged, model.modelReset):
            signal.connect(self._update_title)
        self._syncing = False
        self._update_title()

    def select_image(self, image_id: int) -> None:
        row = self.model.row_of(image_id)
        if row >= 0:
            self._syncing = True
            self.view.setCurrentIndex(self.model.index(row))
            self._syncing = False

    def step(self, delta: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = self.view.currentIndex().row()
            self.view.setCurrentIndex(self.model.index(max(0, min(rows - 1, row + delta))))

    def _on_current(self, current, _previous) -> None:
        if current.isValid() and not self._syncing:
            self.imageChosen.emit(self.model.record(current.row()).image_id)

    def _update_title(self, *_) -> None:
        counts = self.model.counts()
        total = sum(counts.values())
        done = counts.get("done", 0) + counts.get("error", 0)
        self.title.setText(self.tr("Images %1/%2").replace("%1", str(done)).replace("%2", str(total)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_title()
            self.model.retranslate()
        super().changeEvent(event)
