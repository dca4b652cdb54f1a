"""Page 5, Result: before / after scores (each instrument under its total), examples that changed, and
the choice between the new model and the current one. The scores and the rule are verdict.py's, as the
run's: a drop on a deciding score keeps the current model, and using the new one anyway asks first. Beside
whole photos, the stages' own scores are for information: their drops show in amber and do not decide."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from desktop.core.models import registry
from desktop.core.models.errors import ModelError
from desktop.core.training.verdict import ScoreRow, drops, score_rows, scored_sections
from desktop.ui.dialogs.model_messages import ModelMessages
from desktop.ui.theme import BAD, OK, WARN
from desktop.ui.wizard.state import WizardState
from desktop.ui.wizard.style import fit_height, set_banner

log = logging.getLogger(__name__)


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
        layout.addWidget(self.scores, 2)
        layout.addWidget(self.data_note)
        layout.addWidget(self.examples_title)
        layout.addWidget(self.examples, 1)
        layout.addSpacing(8)
        layout.addWidget(self.use_button)
        layout.addWidget(self.keep_button)
        layout.addStretch(0)  # room left once both tables show every row
        self.applied = False
        self.dropped: list[ScoreRow] = []
        self.regressions: list[dict] = []  # accepted photos the new model reads otherwise
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
    def score_name(self, row: ScoreRow) -> str:
        if row.section == "readings":
            right = self.tr("confirmed readings read right")
            if row.group:
                return self.tr("Whole screens, %1: %2").replace("%1", row.group).replace("%2", right)
            if row.key == "strict":
                return self.tr("Whole screens: every reading right")
            return self.tr("Whole screens: %1").replace("%1", right)
        names = {"accuracy": self.tr("Text read exactly"), "norm_edit_dis": self.tr("Characters right"),
                 "general_text_accuracy": self.tr("Printed labels and units read exactly (not forgotten)"),
                 "hmean": self.tr("Text found (h-mean)"), "precision": self.tr("Found boxes that are text (precision)"),
                 "recall": self.tr("Text boxes found (recall)")}
        stage_name = {"rec": self.tr("Recognition"), "det": self.tr("Detection")}.get(row.section, row.section)
        if row.group:
            per_group = {"accuracy": self.tr("%1: text read exactly"), "hmean": self.tr("%1: text found (h-mean)")}
            return f"{stage_name}: " + per_group.get(row.metric, f"%1: {row.metric}").replace("%1", row.group)
        return f"{stage_name}: {names.get(row.key, row.key)}"

    def initializePage(self) -> None:
        result = self.state.result or {}
        sections = scored_sections(result)
        rows = score_rows(sections)
        self.scores.setRowCount(0)
        for row in rows:
            index = self.scores.rowCount()
            self.scores.insertRow(index)
            cells = [self.score_name(row), f"{row.before:.1%}", f"{row.after:.1%}",
                     f"{row.change:+.1%}".replace("%", " pt") if row.shown_change else "="]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3 and row.shown_change:
                    item.setForeground(OK if row.change > 0 else BAD if row.decides else WARN)
                if row.one_reading:
                    item.setToolTip(self.tr("One reading lower on this instrument's photos while the total is "
                                            "no lower: one photo's worth, not evidence that it reads worse."))
                elif not row.decides:
                    item.setToolTip(self.tr("For information: the whole photos decide whether the new model "
                                            "reads better."))
                if row.key == sections[row.section].get("metric"):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.scores.setItem(index, col, item)
        fit_height(self.scores, min_rows=4)  # the window may be too small for every instrument: it scrolls
        self._fill_examples(result)
        data = result.get("data", {})
        self.data_note.setText(self.tr("Trained on %1 text crops and %2 pictures; validated on %3 text crops and "
                                       "%4 pictures (yours and synthetic).")
                               .replace("%1", str(data.get("rec_train", 0))).replace("%2", str(data.get("det_train", 0)))
                               .replace("%3", str(data.get("rec_val", 0))).replace("%4", str(data.get("det_val", 0)))
                               + " " + (self.tr("Whole-screen readings were checked on %1 of your corrected screens.")
                                        .replace("%1", str(data["screens"])) if data.get("screens") else
                                        self.tr("No corrected screen of yours was set aside for validation, so "
                                                "whole-screen readings were not checked."))
                               + "".join(" " + self.budget_note(stage, info)
                                         for stage, info in result.get("stages", {}).items()
                                         if info.get("out_of_time") and "steps_planned" in info))
        model, activated = result.get("model"), bool(result.get("activated"))
        self.dropped = drops(rows)
        lower = "; ".join(self.score_name(row) for row in self.dropped)
        regressions = self.regressions = result.get("regressions") or []
        if model is None:
            text, style = self.tr("No step improved on the current model, so nothing was saved. The current model "
                                  "stays in use. More (or cleaner) corrections usually help."), "bannerError"
        elif self.dropped:
            text = (self.tr("The new model “%1” is in use, but it scored lower on: %2. Keep the current one unless "
                            "you know better.") if activated else
                    self.tr("The new model “%1” scored lower on: %2. The current model stays in use. You can still "
                            "use the new one if you know better.")).replace("%1", model).replace("%2", lower)
            style = "bannerError"
        elif activated and any(row.dropped for row in rows):
            text, style = self.tr("The new model “%1” reads your whole screens at least as well as the current one "
                                  "and is now in use. Scores in amber are lower but do not decide: point at one to "
                                  "see why. You can switch back here or later in Tools > Models.")\
                .replace("%1", model), "bannerInfo"
        elif activated:
            text, style = self.tr("The new model “%1” scores at least as well as the current one on every score "
                                  "shown and is now in use. You can switch back here or later in Tools > Models.")\
                .replace("%1", model), "bannerInfo"
        elif regressions and not activated:
            text, style = self.tr("The new model “%1” reads %2 photo(s) that you accepted as read differently: they "
                                  "are listed below. The current model stays in use. Use the new one only if its "
                                  "readings are the right ones.").replace("%1", model)\
                .replace("%2", str(len(regressions))), "bannerError"
        elif result.get("gained") is False:
            text, style = self.tr("The new model “%1” reads your validation photos no better than the current one, "
                                  "so the current model stays in use. You can still use the new one here or later "
                                  "in Tools > Models.").replace("%1", model), "bannerInfo"
        else:
            text, style = self.tr("The new model “%1” was saved but not put in use. You can use it here or later "
                                  "in Tools > Models.").replace("%1", model), "bannerInfo"
        if result.get("cancelled"):
            text = self.tr("Training was stopped early.") + " " + text
        set_banner(self.verdict, style)
        self.verdict.setText(text)
        for button in (self.use_button, self.keep_button):
            button.setVisible(model is not None)
        # a model that dropped anywhere is never the preselected choice, even when the run put it in use
        (self.use_button if model is not None and activated and not self.dropped else self.keep_button).setChecked(True)

    def budget_note(self, stage: str, info: dict) -> str:
        """A stage that ended at its time budget: what it gave up."""
        name = {"rec": self.tr("Recognition"), "det": self.tr("Detection")}.get(stage, stage)
        return (self.tr("%1 stopped at its time budget (%2 min) after step %3 of %4, and kept step %5: the "
                        "other steps were not run.")
                .replace("%1", name).replace("%2", f"{info.get('minutes') or 0:g}")
                .replace("%3", str(info["steps_done"])).replace("%4", str(info["steps_planned"]))
                .replace("%5", str(info["best_step"])))

    def _fill_examples(self, result: dict) -> None:
        """The accepted photos the new model reads otherwise, every one (each named by its image), then
        some validation readings that changed."""
        self.examples.setRowCount(0)
        accepted = [{**ex, "before": ex["expected"]} for ex in result.get("regressions") or []]
        changed = [ex for info in scored_sections(result).values() for ex in info.get("changed_examples", [])[:12]]
        for ex in accepted + changed:
            row = self.examples.rowCount()
            self.examples.insertRow(row)
            for col, key in enumerate(("expected", "before", "after")):
                item = QTableWidgetItem(str(ex.get(key, "")))
                if col:
                    right = ex.get(key) == ex.get("expected")
                    item.setForeground(OK if right else BAD)
                    item.setText(("✓ " if right else "✗ ") + item.text())
                elif "image" in ex:
                    item.setText(f"{Path(ex['image']).name}: {item.text()}")
                self.examples.setItem(row, col, item)
        fit_height(self.examples, 5, min_rows=2)  # scrolls for more: the scores above come first
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
                if self.dropped and not ModelMessages.ask(
                        self, self.tr("Use a model that scored lower?"),
                        self.tr("“%1” scored lower than the current model on: %2. Use it anyway?")
                        .replace("%1", model).replace("%2", "; ".join(self.score_name(r) for r in self.dropped)),
                        self.tr("Use it anyway"), self.tr("Keep the current one")):
                    return False
                if self.regressions and not ModelMessages.ask(
                        self, self.tr("Use a model that reads accepted photos otherwise?"),
                        self.tr("“%1” reads %2 photo(s) that you accepted as read differently (listed on this "
                                "page). Use it anyway?").replace("%1", model).replace("%2", str(len(self.regressions))),
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
