"""Page 2, Check: the train / validation split and every sample with its label; untick a sample whose
label is wrong (or that is not a screen at all) to drop it."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.core.training.wizard_data import photos_per_instrument, split_samples
from desktop.ui.wizard.state import WizardState
from desktop.ui.wizard.thumbs import fixed_pixmap

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB = QSize(150, 48)


class SampleGrid(QListWidget):
    """Thumbnails with their label under them; the check box keeps or drops a sample."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 44, THUMB.height() + 46))
        self.setSpacing(4)
        self._samples: dict[str, object] = {}
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.itemDoubleClicked.connect(self.toggle)

    def fill(self, samples, dropped: set[str]) -> None:
        self.blockSignals(True)
        self.clear()
        self._samples = {sample.key: sample for sample in samples}
        for sample in samples:
            item = QListWidgetItem(sample.text)
            item.setData(KEY_ROLE, sample.key)
            item.setToolTip(f"{sample.text}\n{sample.group or sample.origin}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if sample.key in dropped else Qt.CheckState.Checked)
            self._style(item)
            self.addItem(item)
        self.blockSignals(False)

    def toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _style(self, item: QListWidgetItem) -> None:
        dropped = item.checkState() != Qt.CheckState.Checked
        sample = self._samples.get(item.data(KEY_ROLE))
        if sample is not None:
            item.setIcon(fixed_pixmap(sample, THUMB, dropped))
        item.setForeground(QColor("#9aa0a6") if dropped else QColor("#1b1f24"))
        font = item.font()
        font.setStrikeOut(dropped)
        item.setFont(font)


class CheckPage(QWizardPage):
    def __init__(self, state: WizardState, parent=None):
        super().__init__(parent)
        self.state = state
        self.summary = QLabel(wordWrap=True)
        self.train_title = QLabel(objectName="panelTitle")
        self.val_title = QLabel(objectName="panelTitle")
        self.train_grid = SampleGrid()
        self.val_grid = SampleGrid()
        for grid in (self.train_grid, self.val_grid):
            grid.itemChanged.connect(self._on_item_changed)
        self.drop_button = QPushButton()
        self.drop_button.clicked.connect(self.drop_selected)
        self.keep_all_button = QPushButton()
        self.keep_all_button.clicked.connect(self.keep_all)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, grid in ((self.train_title, self.train_grid), (self.val_title, self.val_grid)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(title)
            box_layout.addWidget(grid)
            splitter.addWidget(box)
        splitter.setSizes([300, 160])
        buttons = QHBoxLayout()
        buttons.addWidget(self.drop_button)
        buttons.addWidget(self.keep_all_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._split: tuple[list, list] = ([], [])
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the samples"))
        self.setSubTitle(self.tr("A wrong label teaches the wrong answer. Untick (or double-click) a sample whose "
                                 "text does not match the picture."))
        self.drop_button.setText(self.tr("Drop selected"))
        self.keep_all_button.setText(self.tr("Keep all"))
        self._update_titles()

    def initializePage(self) -> None:
        included = self.state.included()
        self._split = split_samples(included, self.state.job.val_fraction)
        self.train_grid.fill(self._split[0], self.state.dropped)
        self.val_grid.fill(self._split[1], self.state.dropped)
        self._update_titles()

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self.state.dropped.discard(key)
        else:
            self.state.dropped.add(key)
        self.state.remember_dropped()
        grid = item.listWidget()
        grid.blockSignals(True)
        grid._style(item)
        grid.blockSignals(False)
        self._update_titles()

    def drop_selected(self) -> None:
        for grid in (self.train_grid, self.val_grid):
            for item in grid.selectedItems():
                item.setCheckState(Qt.CheckState.Unchecked)

    def keep_all(self) -> None:
        for grid in (self.train_grid, self.val_grid):
            for row in range(grid.count()):
                grid.item(row).setCheckState(Qt.CheckState.Checked)

    def _update_titles(self) -> None:
        train, val = (self.state.kept(part) for part in self._split)
        self.state.train, self.state.val = train, val
        dropped = sum(len(part) for part in self._split) - len(train) - len(val)
        self.train_title.setText(self.tr("Training: %1 sample(s)").replace("%1", str(len(train))))
        self.val_title.setText(self.tr("Validation: %1 sample(s), never trained on: they measure the result")
                               .replace("%1", str(len(val))))
        synthetic = self.state.job.synthetic_screens
        text = self.tr("%1 kept, %2 dropped.").replace("%1", str(len(train) + len(val))).replace("%2", str(dropped))
        if synthetic:
            text += " " + self.tr("%1 synthetic screens are added to training, and a fifth as many to validation.") \
                .replace("%1", str(synthetic))
        per_instrument = photos_per_instrument(val)
        if per_instrument:
            no_instrument = self.tr("no instrument")
            shown = ", ".join(f"{name or no_instrument} {count}" for name, count in per_instrument.items())
            text += " " + self.tr("The verdict rests on each instrument's latest photos: %1.").replace("%1", shown)
        if not val and (train or not synthetic):
            text += " " + self.tr("None of your samples is in validation: the result is measured on synthetic "
                                  "screens only.")
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.state.train or self.state.val) or self.state.job.synthetic_screens > 0
