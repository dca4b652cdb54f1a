"""Page 4, Training: writes the job, runs `lcdreader train` as a separate process and shows its
progress, ETA, loss and validation curve and log. Stop keeps the best checkpoint; the app stays usable."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.core.models.new_names import name_problem, new_model_name
from desktop.core.paths import data_dir
from desktop.core.training.accepted import write_accepted_source
from desktop.core.training.run_state import RunState
from desktop.core.training.wizard_data import write_screen_source, write_sources
from desktop.ui.widgets.training_chart import TrainingChart
from desktop.ui.wizard.state import WizardState
from desktop.ui.wizard.style import duration, set_banner
from desktop.ui.wizard.train_process import TrainProcess

log = logging.getLogger(__name__)


class TrainingPage(QWizardPage):
    runningChanged = Signal(bool)

    def __init__(self, state: WizardState, parent=None):
        super().__init__(parent)
        self.state = state
        self.setCommitPage(True)  # a finished run cannot be re-done by going back
        self.process = TrainProcess(self)
        self.process.event.connect(self.on_event)
        self.process.logLine.connect(self._append_log)
        self.process.finished.connect(self._on_finished)
        self.run: RunState | None = None
        self.work: Path | None = None
        self.status = QLabel(wordWrap=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.chart = TrainingChart()
        self.log_view = QPlainTextEdit(readOnly=True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.start)
        self.retry_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.retry_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.log_view)
        splitter.setSizes([260, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._status = ("idle", {})
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Training"))
        self.setSubTitle(self.tr("Training runs in the background: you can keep reading screens in the main "
                                 "window. Stop ends it after the current step and keeps the best model so far."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("See the result >"))
        self.stop_button.setText(self.tr("Stop (keep the best so far)"))
        self.retry_button.setText(self.tr("Try again"))
        self.chart.labels = {"loss": self.tr("loss"), "metric": self.tr("validation score"),
                             "step": self.tr("step"), "waiting": self.tr("Preparing the data and scoring the current "
                                                                         "model…")}
        self._show_status()

    # -- running ----------------------------------------------------------------------------------
    def initializePage(self) -> None:
        if self.run is None:
            self.start()

    def running(self) -> bool:
        return self.process.running()

    @Slot()
    def start(self) -> None:
        job = self.state.job
        if name_problem(job.name) is not None:
            job.name = new_model_name()
        self.work = data_dir() / "jobs" / job.name
        self.work.mkdir(parents=True, exist_ok=True)
        try:
            job.train, job.val = write_sources(self.state.train, self.state.val, self.work / "data")
            screens = write_screen_source(self.state.store_file, self.state.val, self.work / "data")
            accepted = write_accepted_source(self.state.store_file, self.work / "data")
            job.val += [source for source in (screens, accepted) if source]
        except OSError as exc:
            self._fail(self.tr("The training data could not be written: %1").replace("%1", str(exc)))
            return
        job.work_dir = str(self.work / "run")
        job.cancel_file = str(self.work / "cancel")
        job.activate = "if_not_worse"
        payload = self.work / "job.json"
        payload.write_text(job.to_json(), encoding="utf-8")
        self.state.result = None
        self.run = RunState(list(job.tasks), {t: getattr(job, t).steps for t in job.tasks})
        self.chart.set_data({}, {}, self.run.steps)
        self.log_view.clear()
        self.progress.setValue(0)
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.retry_button.hide()
        self._append_log(f"job: {payload}")
        self._status = ("starting", {})
        self._show_status()
        self.process.start(payload, Path(job.cancel_file))
        self.runningChanged.emit(True)
        self.completeChanged.emit()

    @Slot()
    def stop(self) -> None:
        if self.process.running():
            self.process.stop()
            self.stop_button.setEnabled(False)
            self._status = ("stopping", {})
            self._show_status()

    @Slot(object)
    def on_event(self, event: dict) -> None:
        if self.run is None:
            return
        self.run.feed(event)
        kind = event.get("event")
        if kind == "progress":
            self._status = ("step", event)
            step = int(event["step"])
            if step == 1 or step % 10 == 0 or step == event.get("steps"):
                self._append_log(f"{event['stage']} step {step}/{event['steps']} loss {event['loss']:.4f}")
        elif kind == "metric":
            self._append_log(f"{event['stage']} {event.get('name')} {event.get('when')}: {event['value']:.4f}")
        elif kind == "log":
            self._append_log(str(event.get("message", "")))
        elif kind == "error":
            self._append_log("ERROR: " + str(event.get("message", "")))
        elif kind == "done":
            self.state.result = event
        self.chart.set_data(self.run.losses, self.run.metrics, self.run.steps)
        self.progress.setValue(round(self.run.fraction * 1000))
        self._show_status()

    @Slot(int, bool)
    def _on_finished(self, code: int, crashed: bool) -> None:
        self.stop_button.hide()
        self.runningChanged.emit(False)
        if self.state.result is not None:
            cancelled = self.state.result.get("cancelled")
            self._status = ("cancelled" if cancelled else "done", {})
            self.progress.setValue(1000)
        elif self.process.stopping:
            self._fail(self.tr("Stopped before any step was trained: nothing was saved."))
        else:
            message = (self.run.error if self.run else None) or \
                self.tr("The training process ended unexpectedly (exit code %1). See the log.").replace("%1", str(code))
            self._fail(message)
        self._show_status()
        self.completeChanged.emit()

    def _fail(self, message: str) -> None:
        self._status = ("failed", {"message": message})
        self.stop_button.hide()
        self.retry_button.show()
        self._show_status()

    def _show_status(self) -> None:
        kind, info = self._status
        stage_name = {"rec": self.tr("Recognition"), "det": self.tr("Detection")}
        text = {
            "idle": "",
            "starting": self.tr("Starting: loading the data and scoring the current model (about a minute)…"),
            "stopping": self.tr("Stopping after the current step; the best model so far is kept…"),
            "done": self.tr("Finished. Click Next to see the result."),
        }.get(kind)
        if kind == "cancelled":  # the runner keeps the best model only when a step improved on the current one
            kept = (self.state.result or {}).get("model")
            text = (self.tr("Stopped. The best model so far was kept as %1, listed in Tools > Models: click "
                            "See the result.").replace("%1", kept) if kept else
                    self.tr("Stopped before any step improved on the current model: nothing was kept."))
        if kind == "step":
            text = self.tr("%1: step %2 of %3 · loss %4").replace("%1", stage_name.get(info["stage"], info["stage"])) \
                .replace("%2", str(info["step"])).replace("%3", str(info["steps"])) \
                .replace("%4", f"{info['loss']:.3f}")
        if kind == "failed":
            text = self.tr("Training failed: %1").replace("%1", info["message"])
        set_banner(self.status, "bannerError" if kind == "failed" else "")
        self.status.setText(text or "")
        left = self.run.remaining_seconds() if self.run and kind == "step" else None
        self.progress.setFormat("%p%" + ("  ·  " + self.tr("about %1 left").replace("%1", duration(left))
                                         if left else ""))

    def _append_log(self, line: str) -> None:
        self.log_view.appendPlainText(line)
        if self.work is not None:
            try:
                with open(self.work / "train.log", "a", encoding="utf-8") as f:
                    f.write(line + "\n")
            except OSError:
                pass

    def isComplete(self) -> bool:
        return self.state.result is not None and not self.process.running()
