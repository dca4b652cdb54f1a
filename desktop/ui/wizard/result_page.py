"""Page 5, Result: before / after scores, examples that changed, and the choice between the new model
and the current one. The registry has already refused a worse model; using it anyway asks first."""
from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHeaderView, QLabel, QRadioButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWizardPage)

from desktop.core.models import registry
from desktop.core.ocr.types import ModelError
from desktop.core.training.events import GROUP_ACCURACY
from desktop.ui.dialogs.model_messages import ModelMessages
from desktop.ui.theme import BAD, OK
from desktop.ui.wizard.state import WizardState
from desktop.ui.wizard.style import fit_height, set_banner

log = logging.getLogger(__name__)
SHOWN_SCORES = {"readings": ("accuracy",), "rec": ("accuracy", "norm_edit_dis", "general_text_accuracy"),
                "det": ("hmean", "precision", "recall")}


def scored_sections(result: dict) -> list[tuple[str, dict]]:
    """Whole-screen readings first (what the technician cares about), then each trained stage."""
    readings = result.get("readings")
    return [*([("readings", readings)] if readings else []), *result.get("stages", {}).items()]


def _table(columns: int, fit_first: bool) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    if fit_first:
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return table


class ResultPage(QWizardPage):
    modelActivated = Signal(str)  # the engine must reload

    def __init__(self, state: WizardState, parent=None):
        super().__init__(parent)
        self.state = state
        self.verdict = QLabel(wordWrap=True)
        self.scores = _table(4, True)
        self.examples_title = QLabel(objectName="panelTitle")
        self.examples = _table(3, False)
        self.choice = QButtonGroup(self)
        self.use_button, self.keep_button = QRadioButton(), QRadioButton()
        for button in (self.use_button, self.keep_button):
            self.choice.addButton(button)
        self.data_note = QLabel(wordWrap=True)
        self.data_note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.scores)
        layout.addWidget(self.data_note)
        layout.addWidget(self.examples_title)
        layout.addWidget(self.examples)
        layout.addSpacing(8)
        layout.addWidget(self.use_button)
        layout.addWidget(self.keep_button)
        layout.addStretch(1)
        self.applied = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Result"))
        self.setSubTitle(self.tr("Scores on the validation samples, which training never saw."))
        self.scores.setHorizontalHeaderLabels([self.tr("Score"), self.tr("Current model"), self.tr("New model"),
                                               self.tr("Change")])
        self.examples.setHorizontalHeaderLabels([self.tr("Correct text"), self.tr("Current model read"),
                                                 self.tr("New model reads")])
        self.examples_title.setText(self.tr("Readings that changed"))
        self.use_button.setText(self.tr("Use this model"))
        self.keep_button.setText(self.tr("Keep the current one"))
        if self.state.result is not None:
            self.initializePage()

    # -- showing ----------------------------------------------------------------------------------
    def score_name(self, stage: str, key: str) -> str:
        if stage == "readings":
            right = self.tr("confirmed readings read right")
            if key.startswith(GROUP_ACCURACY):
                return self.tr("Whole screens, %1: %2").replace("%1", key[len(GROUP_ACCURACY):]).replace("%2", right)
            return self.tr("Whole screens: %1").replace("%1", right)
        names = {"accuracy": self.tr("Text read exactly"), "norm_edit_dis": self.tr("Characters right"),
                 "general_text_accuracy": self.tr("Printed labels and units read exactly (not forgotten)"),
                 "hmean": self.tr("Text found (h-mean)"), "precision": self.tr("Found boxes that are text (precision)"),
                 "recall": self.tr("Text boxes found (recall)")}
        stage_name = {"rec": self.tr("Recognition"), "det": self.tr("Detection")}.get(stage, stage)
        if key.startswith(GROUP_ACCURACY):
            return f"{stage_name}: " + self.tr("%1: text read exactly").replace("%1", key[len(GROUP_ACCURACY):])
        return f"{stage_name}: {names.get(key, key)}"

    def initializePage(self) -> None:
        result = self.state.result or {}
        self.scores.setRowCount(0)
        for stage, info in scored_sections(result):
            before, after = info.get("before", {}), info.get("after", {})
            per_instrument = sorted(k for k in before if k.startswith(GROUP_ACCURACY))
            for key in (*SHOWN_SCORES.get(stage, tuple(before)), *per_instrument):
                if key not in before or key not in after:
                    continue
                change = after[key] - before[key]
                row = self.scores.rowCount()
                self.scores.insertRow(row)
                cells = [self.score_name(stage, key), f"{before[key]:.1%}", f"{after[key]:.1%}",
                         f"{change:+.1%}".replace("%", " pt") if abs(change) >= 0.0005 else "="]
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if col == 3 and abs(change) >= 0.0005:
                        item.setForeground(OK if change > 0 else BAD)
                    if key == info.get("metric"):
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    self.scores.setItem(row, col, item)
        fit_height(self.scores)
        self._fill_examples(result)
        data = result.get("data", {})
        self.data_note.setText(self.tr("Trained on %1 text crops and %2 pictures; validated on %3 text crops and "
                                       "%4 pictures (yours and synthetic).")
                               .replace("%1", str(data.get("rec_train", 0))).replace("%2", str(data.get("det_train", 0)))
                               .replace("%3", str(data.get("rec_val", 0))).replace("%4", str(data.get("det_val", 0)))
                               + " " + (self.tr("Whole-screen readings were checked on %1 of your corrected screens.")
                                        .replace("%1", str(data["screens"])) if data.get("screens") else
                                        self.tr("No corrected screen of yours was set aside for validation, so "
                                                "whole-screen readings were not checked.")))
        model, activated = result.get("model"), bool(result.get("activated"))
        worse = model is not None and not activated
        if model is None:
            text, style = self.tr("No step improved on the current model, so nothing was saved. The current model "
                                  "stays in use. More (or cleaner) corrections usually help."), "bannerError"
        elif activated:
            text, style = self.tr("The new model “%1” scores at least as well as the current one and is now in use. "
                                  "You can switch back here or later in Tools > Models.").replace("%1", model), "bannerInfo"
        else:
            text, style = self.tr("The new model “%1” scored lower than the current one, so the current model stays "
                                  "in use. You can still use the new one if you know better.").replace("%1", model), \
                "bannerError"
        if result.get("cancelled"):
            text = self.tr("Training was stopped early.") + " " + text
        set_banner(self.verdict, style)
        self.verdict.setText(text)
        for button in (self.use_button, self.keep_button):
            button.setVisible(model is not None)
        (self.keep_button if worse or model is None else self.use_button).setChecked(True)

    def _fill_examples(self, result: dict) -> None:
        self.examples.setRowCount(0)
        for _stage, info in scored_sections(result):
            for ex in info.get("changed_examples", [])[:12]:
                row = self.examples.rowCount()
                self.examples.insertRow(row)
                for col, key in enumerate(("expected", "before", "after")):
                    item = QTableWidgetItem(str(ex.get(key, "")))
                    if col:
                        right = ex.get(key) == ex.get("expected")
                        item.setForeground(OK if right else BAD)
                        item.setText(("✓ " if right else "✗ ") + item.text())
                    self.examples.setItem(row, col, item)
        fit_height(self.examples, 5)  # scrolls for more: the scores above come first
        self.examples_title.setVisible(self.examples.rowCount() > 0)
        self.examples.setVisible(self.examples.rowCount() > 0)

    # -- the choice -------------------------------------------------------------------------------
    def validatePage(self) -> bool:
        return self.apply_choice()

    def apply_choice(self, use: bool | None = None) -> bool:
        """Make the registry match the choice; False when the user took it back."""
        if self.applied:
            return True
        result = self.state.result or {}
        model, activated = result.get("model"), bool(result.get("activated"))
        use = self.use_button.isChecked() if use is None else use
        try:
            if model and use and not activated:
                if not ModelMessages.ask(self, self.tr("Use a model that scored lower?"),
                                         self.tr("“%1” read the validation samples worse than the current model. "
                                                 "Use it anyway?").replace("%1", model),
                                         self.tr("Use it anyway"), self.tr("Keep the current one")):
                    return False
                registry.activate(model)
                self.modelActivated.emit(model)
            elif model and use and activated:
                self.modelActivated.emit(model)
            elif model and not use and activated and registry.active_model_name() == model:
                self.modelActivated.emit(registry.roll_back())
        except ModelError as exc:
            ModelMessages.error(self, self.tr("Model"), str(exc))
            return False
        self.applied = True
        return True
