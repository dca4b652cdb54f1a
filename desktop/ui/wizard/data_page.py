"""Page 1, Data: the technician's corrections grouped by instrument, imported label files, and how
many synthetic screens to mix in; says whether that is enough."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from desktop.core.label_files import LabelError
from desktop.core.training.presets import ENOUGH, data_level
from desktop.core.training.wizard_data import correction_samples, counts, imported_samples
from desktop.ui.dialogs.model_messages import ModelMessages
from desktop.ui.wizard.state import WizardState
from desktop.ui.wizard.style import set_banner
from desktop.ui.wizard.thumbs import strip

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_STYLE = {"none": "bannerError", "little": "bannerError", "ok": "bannerInfo", "good": "bannerInfo"}


class DataPage(QWizardPage):
    def __init__(self, state: WizardState, parent=None):
        super().__init__(parent)
        self.state = state
        self.intro = QLabel(wordWrap=True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setIconSize(QSize(300, 28))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._update_remove)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_label_files)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected_file)
        self.synthetic = QSpinBox()
        self.synthetic.setRange(0, 2000)
        self.synthetic.setSingleStep(20)
        self.synthetic.setValue(state.job.synthetic_screens)
        self.synthetic.valueChanged.connect(self._on_synthetic)
        self.synthetic_label = QLabel()
        self.synthetic_hint = QLabel(wordWrap=True)
        self.synthetic_hint.setStyleSheet("color: #555;")
        self.advice = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        synth_row = QHBoxLayout()
        synth_row.addWidget(self.synthetic_label)
        synth_row.addWidget(self.synthetic)
        synth_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addLayout(synth_row)
        layout.addWidget(self.synthetic_hint)
        layout.addWidget(self.advice)
        self._loaded = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("What should the model learn from?"))
        self.setSubTitle(self.tr("Your corrections are the best teacher: every value you corrected in the app "
                                 "is a picture of text with the right answer."))
        self.intro.setText(self.tr("Untick a group to leave it out. You can add label files made with "
                                   "PPOCRLabel or PaddleOCR (Label.txt, rec_gt.txt)."))
        self.tree.setHeaderLabels([self.tr("Source"), self.tr("Samples"), self.tr("Examples")])
        self.add_button.setText(self.tr("Add label file…"))
        self.remove_button.setText(self.tr("Remove label file"))
        self.synthetic_label.setText(self.tr("Synthetic screens to mix in:"))
        self.synthetic_hint.setText(self.tr("Generated seven-segment and LCD screens keep the model good at digits, "
                                            "signs and units your own pictures rarely show. 40 is a good start; "
                                            "0 trains on your data only."))
        if self._loaded:
            self._fill()

    def initializePage(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read the corrections from the store and the imported files again."""
        samples = correction_samples(self.state.store_file) if self.state.store_file else []
        for path in self.state.imported:
            try:
                samples += imported_samples(path)
            except LabelError:
                continue
        self.state.samples = samples
        self._loaded = True
        self._fill()

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, list] = defaultdict(list)
        for sample in self.state.samples:
            groups[self.state.group_key(sample)].append(sample)
        for key, samples in groups.items():
            first = samples[0]
            if first.origin == "corrections":
                title = self.tr("Corrections: %1").replace("%1", first.group or self.tr("no instrument template"))
            else:
                title = self.tr("Label file: %1").replace("%1", first.group)
            kind = self.tr("%n picture(s)", "", len(samples)) if first.kind == "det" else \
                self.tr("%n text crop(s)", "", len(samples))
            item = QTreeWidgetItem([title, kind, ""])
            item.setData(0, GROUP_ROLE, key)
            item.setToolTip(0, first.origin)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked if key in self.state.excluded_groups
                               else Qt.CheckState.Checked)
            item.setIcon(2, strip(samples[:8]))
            self.tree.addTopLevelItem(item)
        if not groups:
            empty = QTreeWidgetItem([self.tr("No corrections yet: correct a few misread values in the app first, "
                                             "or add a label file."), "", ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self.tree.blockSignals(False)
        self._update_remove()
        self._update_advice()

    def _update_remove(self, *_args) -> None:
        item = self.tree.currentItem()
        key = item.data(0, GROUP_ROLE) if item else None
        self.remove_button.setEnabled(bool(key) and not key.startswith("corrections|"))

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, GROUP_ROLE)
        if key is None or column != 0:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            self.state.excluded_groups.discard(key)
        else:
            self.state.excluded_groups.add(key)
        self._update_advice()

    def _on_synthetic(self, value: int) -> None:
        self.state.job.synthetic_screens = value
        self._update_advice()

    def add_label_files(self, files: list[str] | None = None) -> None:
        for path in files if files is not None else ModelMessages.open_label_files(self):
            path = str(Path(path).resolve())
            if path in self.state.imported:
                continue
            try:
                samples = imported_samples(path)
            except LabelError as exc:
                ModelMessages.error(self, self.tr("Not a label file"), str(exc))
                continue
            self.state.imported.append(path)
            self.state.samples += samples
        self._fill()

    def remove_selected_file(self) -> None:
        item = self.tree.currentItem()
        key = item.data(0, GROUP_ROLE) if item else None
        if not key or key.startswith("corrections|"):
            return
        origin = key.split("|", 1)[0]
        self.state.imported = [p for p in self.state.imported if p != origin]
        self.state.samples = [s for s in self.state.samples if s.origin != origin]
        self._fill()

    def _update_advice(self) -> None:
        n = counts(self.state.included())
        level = data_level(n["rec"], "rec")
        minimum, good = ENOUGH["rec"]
        if n["det"]:
            found = self.tr("Selected: %1 text crop(s) and %2 picture(s) with text boxes, plus %3 synthetic screens.")
        else:
            found = self.tr("Selected: %1 text crop(s), plus %3 synthetic screens.")
        found = found.replace("%1", str(n["rec"])).replace("%2", str(n["det"])).replace("%3", str(self.synthetic.value()))
        advice = {
            "none": self.tr("No data of your own: the model would learn from synthetic screens only, which "
                            "rarely helps with your instruments."),
            "little": self.tr("That is too little to learn from reliably: correct at least %1 values, "
                              "%2 or more gives clear gains."),
            "ok": self.tr("Enough to start. %2 or more corrected values give clearer gains."),
            "good": self.tr("Plenty of data: a good finetune is likely."),
        }[level].replace("%1", str(minimum)).replace("%2", str(good))
        set_banner(self.advice, LEVEL_STYLE[level])
        self.advice.setText(found + " " + advice)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.state.included()) or self.synthetic.value() > 0
