"""Settings (YAML preferences): device, detection size, stable frames, language, data folder, template."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.preferences import DET_SIZES, Preferences
from desktop.ui import reading_adapter
from desktop.ui.dialogs.lab_settings import LabSettingsBox
from desktop.ui.dialogs.messages import Messages


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        self._prefs = prefs
        self.device = QComboBox()
        for value, label in (("auto", self.tr("Automatic (GPU if present)")), ("cpu", self.tr("CPU")),
                             ("gpu", self.tr("GPU"))):
            self.device.addItem(label, value)
        self.det_size = QComboBox()
        for size in DET_SIZES:
            self.det_size.addItem(self.tr("%1 px").replace("%1", str(size)), size)
        self.stable_frames = QSpinBox()
        self.stable_frames.setRange(1, 30)
        self.stable_frames.setSuffix(" " + self.tr("frames"))
        self.low_confidence = QDoubleSpinBox()
        self.low_confidence.setRange(0.0, 1.0)
        self.low_confidence.setSingleStep(0.05)
        self.language = QComboBox()
        for value, label in (("auto", self.tr("System")), ("en", "English"), ("zh_CN", "简体中文")):
            self.language.addItem(label, value)
        self.template = QComboBox()
        self.template.addItem(self.tr("Automatic"), "")
        for name in reading_adapter.list_templates():
            self.template.addItem(name, name)
        self.data_folder = QLineEdit()
        self.data_folder.setPlaceholderText(self.tr("Default user data folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.data_folder, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Device:"), self.device)
        form.addRow(self.tr("Detection size:"), self.det_size)
        form.addRow(self.tr("Stable after:"), self.stable_frames)
        form.addRow(self.tr("Low confidence below:"), self.low_confidence)
        form.addRow(self.tr("Instrument template:"), self.template)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Data folder:"), folder_row)
        self.lab = LabSettingsBox(prefs)  # lab-wide certificate items (lab_settings.py)
        form.addRow(self.lab)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._load(prefs)

    def _load(self, prefs: Preferences) -> None:
        _select(self.device, prefs.device)
        _select(self.det_size, prefs.det_size)
        _select(self.language, prefs.language)
        _select(self.template, prefs.template)
        self.stable_frames.setValue(prefs.stable_frames)
        self.low_confidence.setValue(prefs.low_confidence)
        self.data_folder.setText(prefs.data_folder)

    def preferences(self) -> Preferences:
        return replace(self._prefs, device=self.device.currentData(), det_size=self.det_size.currentData(),
                       stable_frames=self.stable_frames.value(), language=self.language.currentData(),
                       template=self.template.currentData() or "", low_confidence=self.low_confidence.value(),
                       data_folder=self.data_folder.text().strip(), **self.lab.values())

    def _browse(self) -> None:
        folder = Messages.choose_folder(self, self.data_folder.text())
        if folder:
            self.data_folder.setText(folder)

    @classmethod
    def edit(cls, prefs: Preferences, parent=None) -> Preferences | None:
        """Show the dialog; the new preferences, or None when cancelled (tests replace this)."""
        dialog = cls(prefs, parent)
        return dialog.preferences() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _select(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index < 0 and combo.count():
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
