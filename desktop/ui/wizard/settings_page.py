"""Page 3, Settings: what to train, quick or thorough (the real numbers under "Advanced"), the device,
the new model's name and how long it will take on this PC."""
from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.models.new_names import name_problem, new_model_name
from desktop.core.training.payload import StageSettings
from desktop.core.training.presets import estimate_seconds, preset
from desktop.core.training.wizard_data import counts, screen_count
from desktop.ui.wizard.state import WizardState
from desktop.ui.wizard.style import duration

TASKS = {"rec": ["rec"], "det": ["det"], "both": ["det", "rec"]}


class StageFields:
    """Steps, batch, learning rate and frozen backbone of one stage."""

    def __init__(self, on_change):
        self.steps = QSpinBox(minimum=1, maximum=100000, singleStep=10)
        self.batch = QSpinBox(minimum=1, maximum=256)
        # its lowest value shows "automatic": the rate for the model training starts from
        self.lr = QDoubleSpinBox(decimals=6, minimum=0.0, maximum=0.1, singleStep=0.00001)
        self.freeze = QCheckBox()
        for widget in (self.steps, self.batch, self.lr):
            widget.valueChanged.connect(on_change)
        self.freeze.toggled.connect(on_change)

    def set(self, s: StageSettings) -> None:
        self.steps.setValue(s.steps)
        self.batch.setValue(s.batch_size)
        self.lr.setValue(self.lr.minimum() if s.learning_rate is None else s.learning_rate)
        self.freeze.setChecked(s.freeze_backbone)

    def get(self) -> StageSettings:
        rate = None if self.lr.value() == self.lr.minimum() else self.lr.value()
        return StageSettings(self.steps.value(), self.batch.value(), rate, self.freeze.isChecked())


class SettingsPage(QWizardPage):
    def __init__(self, state: WizardState, parent=None):
        super().__init__(parent)
        self.state = state
        self.setCommitPage(True)
        self.what_box, self.speed_box = QGroupBox(), QGroupBox()
        self.what = QButtonGroup(self)
        self.what_buttons = {key: QRadioButton() for key in TASKS}
        what_layout = QVBoxLayout(self.what_box)
        for key, button in self.what_buttons.items():
            self.what.addButton(button)
            what_layout.addWidget(button)
            button.toggled.connect(self._update)
        self.det_note = QLabel(wordWrap=True)
        self.det_note.setStyleSheet("color: #555;")
        what_layout.addWidget(self.det_note)
        self.speed = QButtonGroup(self)
        self.quick, self.thorough = QRadioButton(), QRadioButton()
        speed_layout = QVBoxLayout(self.speed_box)
        for button in (self.quick, self.thorough):
            self.speed.addButton(button)
            speed_layout.addWidget(button)
            button.toggled.connect(self._apply_preset)
        self.advanced_toggle = QToolButton(checkable=True)
        self.advanced_toggle.setStyleSheet("QToolButton { border: none; color: #1f5f99; }")
        self.advanced_toggle.toggled.connect(self._show_advanced)
        speed_layout.addWidget(self.advanced_toggle)
        self.advanced = QWidget()
        self.fields = {stage: StageFields(self._update) for stage in ("rec", "det")}
        grid = QGridLayout(self.advanced)
        grid.setContentsMargins(18, 0, 0, 0)
        self.grid_labels = [QLabel() for _ in range(6)]
        for col, label in enumerate(self.grid_labels[:5]):
            grid.addWidget(label, 0, col)
        for row, stage in enumerate(("rec", "det"), start=1):
            f = self.fields[stage]
            grid.addWidget(QLabel(stage), row, 0)
            for col, widget in enumerate((f.steps, f.batch, f.lr, f.freeze), start=1):
                grid.addWidget(widget, row, col)
        grid.addWidget(self.grid_labels[5], 3, 0, 1, 5)
        self.grid_labels[5].setWordWrap(True)
        self.grid_labels[5].setStyleSheet("color: #555;")
        self.advanced.hide()
        speed_layout.addWidget(self.advanced)
        self.device = QComboBox()
        self.device.currentIndexChanged.connect(self._update)
        self.name = QLineEdit()
        self.name.textChanged.connect(self._update)
        self.name_problem = QLabel()
        self.name_problem.setStyleSheet("color: #c0392b;")
        self.device_label, self.name_label = QLabel(), QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.device_label, self.device)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.name_problem)
        self.form.addRow(self.name_label, name_row)
        self.estimate = QLabel(wordWrap=True, objectName="bannerInfo")
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_box)
        layout.addWidget(self.speed_box)
        layout.addLayout(self.form)
        layout.addWidget(self.estimate)
        layout.addStretch(1)
        self.what_buttons["rec"].setChecked(True)
        self.quick.setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("How to train"))
        self.setSubTitle(self.tr("The defaults suit most labs: start with a quick run and see the result."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Start training"))
        self.what_box.setTitle(self.tr("What to improve"))
        self.what_buttons["rec"].setText(self.tr("Reading the text (recognition): fixes misread digits, signs "
                                                 "and units. Recommended."))
        self.what_buttons["det"].setText(self.tr("Finding the text (detection): fixes values that are missed "
                                                 "or cut off."))
        self.what_buttons["both"].setText(self.tr("Both (takes longest)"))
        self.det_note.setText(self.tr("Detection learns from pictures with text boxes (imported Label.txt files) "
                                      "and synthetic screens, not from corrected values."))
        self.speed_box.setTitle(self.tr("How long"))
        self.quick.setText(self.tr("Quick: a short run that fixes the most frequent misreadings"))
        self.thorough.setText(self.tr("Thorough: about three times longer, learns more from more data"))
        self.advanced_toggle.setText(self.tr("Hide the numbers") if self.advanced_toggle.isChecked()
                                      else self.tr("Advanced: show the numbers"))
        for label, text in zip(self.grid_labels, (self.tr("Stage"), self.tr("Steps"), self.tr("Batch size"),
                                                  self.tr("Learning rate"), self.tr("Freeze the backbone"),
                                                  self.tr("rec = recognition, det = detection. An automatic learning "
                                                          "rate is the one measured for the model training starts "
                                                          "from. A frozen backbone trains only the last layers: "
                                                          "safer with little data."))):
            label.setText(text)
        for fields in self.fields.values():
            fields.lr.setSpecialValueText(self.tr("automatic"))
        current = self.device.currentData()
        self.device.blockSignals(True)
        self.device.clear()
        self.device.addItem(self.tr("Automatic (GPU if present)"), "auto")
        self.device.addItem(self.tr("CPU"), "cpu")
        self.device.addItem(self.tr("GPU (NVIDIA, CUDA)"), "gpu")
        self.device.setCurrentIndex(max(0, self.device.findData(current or "auto")))
        self.device.blockSignals(False)
        self.device_label.setText(self.tr("Train on:"))
        self.name_label.setText(self.tr("Name of the new model:"))
        self._update()

    def initializePage(self) -> None:
        if not self.name.text():
            self.name.setText(new_model_name())
        n = counts(self.state.train + self.state.val)
        det_possible = n["det"] > 0 or self.state.job.synthetic_screens > 0
        for key in ("det", "both"):
            self.what_buttons[key].setEnabled(det_possible)
        if not det_possible and not self.what_buttons["rec"].isChecked():
            self.what_buttons["rec"].setChecked(True)
        self._update()

    def _apply_preset(self) -> None:
        name = "thorough" if self.thorough.isChecked() else "quick"
        for stage, fields in self.fields.items():
            fields.set(preset(name, stage))
        self._update()

    def _show_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.retranslate()

    def tasks(self) -> list[str]:
        for key, button in self.what_buttons.items():
            if button.isChecked():
                return TASKS[key]
        return ["rec"]

    def _update(self, *_args) -> None:
        if not hasattr(self, "estimate"):
            return
        job = self.state.job
        job.tasks = self.tasks()
        job.rec, job.det = self.fields["rec"].get(), self.fields["det"].get()
        job.device = self.device.currentData() or "auto"
        job.name = self.name.text().strip()
        problem = name_problem(job.name) if job.name else "invalid"
        self.name_problem.setText({None: "", "invalid": self.tr("letters, digits, - _ . only"),
                                   "taken": self.tr("a model with this name exists")}[problem])
        gpu = job.device == "gpu" or (job.device == "auto" and self.state.gpu)
        val = {**counts(self.state.val), "screens": screen_count(self.state.val)}
        seconds = None if gpu else estimate_seconds(job, val)
        if seconds is None:
            text = self.tr("On a GPU this is much faster than on the CPU (not measured on this PC).")
        else:
            text = self.tr("Estimated time on this PC: about %1 (CPU, %2 cores). You can keep using the app "
                           "while it trains.").replace("%1", duration(seconds)) \
                .replace("%2", str(os.cpu_count() or 1))
        self.estimate.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return name_problem(self.name.text().strip()) is None
