"""The "Improve the model" wizard: Data -> Check -> Settings -> Training -> Result.

Non-modal: the main window stays usable while the training process runs. Closing the wizard (or
the app) during a run asks, then stops the process cleanly (after its current step) before closing.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QWizard

from desktop.core.training.dropped_samples import load_dropped
from desktop.ui.dialogs.model_messages import ModelMessages
from desktop.ui.icons import icon
from desktop.ui.wizard.check_page import CheckPage
from desktop.ui.wizard.data_page import DataPage
from desktop.ui.wizard.result_page import ResultPage
from desktop.ui.wizard.settings_page import SettingsPage
from desktop.ui.wizard.state import WizardState
from desktop.ui.wizard.training_page import TrainingPage

log = logging.getLogger(__name__)


class FinetuneWizard(QWizard):
    modelActivated = Signal(str)
    closedAfterStop = Signal()

    def __init__(self, store_file: Path | None, parent=None, gpu: bool | None = None):
        super().__init__(parent)
        self.setObjectName("finetuneWizard")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(980, 720)
        self.state = WizardState(store_file, gpu=gpu, dropped=load_dropped(store_file))
        self.data_page = DataPage(self.state)
        self.check_page = CheckPage(self.state)
        self.settings_page = SettingsPage(self.state)
        self.training_page = TrainingPage(self.state)
        self.result_page = ResultPage(self.state)
        for page in (self.data_page, self.check_page, self.settings_page, self.training_page, self.result_page):
            self.addPage(page)
        self.result_page.modelActivated.connect(self.modelActivated)
        self.training_page.process.finished.connect(self._on_process_finished)
        self._close_when_stopped = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Improve the model"))
        for page in (self.data_page, self.check_page, self.settings_page, self.training_page, self.result_page):
            page.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- closing ----------------------------------------------------------------------------------
    def running(self) -> bool:
        return self.training_page.running()

    def ask_stop(self) -> bool:
        return ModelMessages.ask(self, self.tr("Stop the training?"),
                                 self.tr("The model is still training. Stop it now? If a step has already "
                                         "improved on the current model, the best one so far is kept and listed "
                                         "in Tools > Models; otherwise nothing is kept."),
                                 self.tr("Stop training"), self.tr("Keep training"))

    def request_close(self) -> bool:
        """True when the wizard may close now; during a run asks, stops, and closes when it has ended."""
        if not self.running():
            return True
        if self._close_when_stopped or self.ask_stop():
            self._close_when_stopped = True
            self.training_page.stop()
        return False

    def stop_and_wait(self, timeout_ms: int = 120000) -> bool:
        """For the app's exit: stop the run and block until the process has ended."""
        return self.training_page.process.stop_and_wait(timeout_ms)

    @Slot(int, bool)
    def _on_process_finished(self, _code: int, _crashed: bool) -> None:
        if self._close_when_stopped:
            self._close_when_stopped = False
            self.closedAfterStop.emit()
            self.reject()

    def reject(self) -> None:
        if not self.request_close():
            return
        if self.currentPage() is self.result_page and self.state.result:
            # closing on the result page keeps what the registry decided (the engine follows it)
            self.result_page.apply_choice(use=bool(self.state.result.get("activated")))
        super().reject()  # QDialog.closeEvent (the title bar's X) comes here too
