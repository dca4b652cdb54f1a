"""The main window's door to the finetune wizard and the model manager: opens them, tells the window
when the active model changed (so its engine reloads), and stops a training run before the app exits."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from desktop.core.labstore.errors import StoreError
from desktop.core.labstore.lab_models import active_lab_model
from desktop.core.labstore.store import LabStore
from desktop.core.models import registry
from desktop.ui.dialogs.model_manager import ModelManagerDialog
from desktop.ui.wizard.finetune_wizard import FinetuneWizard


class ModelTools(QObject):
    """Needs only a parent window for its dialogs and the session store's file; the main window wires
    its actions to ``open_wizard`` / ``open_manager``, its engine to ``engine_ready``, and reloads the
    engine on ``modelActivated``."""

    modelActivated = Signal(str)

    def __init__(self, window: QWidget, store_file: Path | None):
        super().__init__(window)
        self.window = window
        self.store_file = store_file
        self.wizard: FinetuneWizard | None = None
        self.manager: ModelManagerDialog | None = None
        self.lab_store: LabStore | None = None  # set by the window once the record panel opened it
        self.lab_offer: QPushButton | None = None
        self._offered = ""  # the lab's model the status-bar button offers
        self.gpu: bool | None = None
        self._close_pending = False

    @Slot(object)
    def engine_ready(self, info: dict) -> None:
        self.gpu = str(info.get("device", "")).lower().startswith("gpu")

    @Slot()
    def open_wizard(self) -> FinetuneWizard:
        if self.wizard is None or not self.wizard.isVisible():
            if self.wizard is not None:
                self.wizard.deleteLater()
            self.wizard = FinetuneWizard(self.store_file, self.window, gpu=self.gpu)
            self.wizard.modelActivated.connect(self.modelActivated)
        self.wizard.show()
        self.wizard.raise_()
        self.wizard.activateWindow()
        return self.wizard

    @Slot()
    def open_manager(self) -> ModelManagerDialog:
        if self.manager is None:
            self.manager = ModelManagerDialog(self.window, self.lab_store)
            self.manager.modelActivated.connect(self.modelActivated)
        self.manager.refresh()
        self.manager.open()  # window-modal, does not block the event loop
        return self.manager

    def offer_lab_model(self, window: QMainWindow) -> None:
        """At start: the lab's model differs from this PC's? A status-bar button offers it (opens Models)."""
        try:
            lab = active_lab_model(self.lab_store) if self.lab_store is not None else None
        except StoreError:
            return  # the lab server is away: the window says so already
        if lab is None or lab == registry.active_model_name():
            return
        self._offered = lab
        self.lab_offer = QPushButton()
        self.retranslate()
        self.lab_offer.setObjectName("labModelOffer")
        self.lab_offer.setFlat(True)
        self.lab_offer.clicked.connect(self.open_manager)
        self.modelActivated.connect(lambda name: name == lab and self.lab_offer.hide())  # offered until taken
        window.statusBar().addPermanentWidget(self.lab_offer)

    def retranslate(self) -> None:
        if self.lab_offer is not None:
            self.lab_offer.setText(self.tr("The lab uses the model “%1”: use it…").replace("%1", self._offered))

    def may_close(self, close_again: Callable[[], object]) -> bool:
        """The app may exit now? During a training run asks; when the user agrees, the run is stopped
        and ``close_again`` is called once it has ended."""
        wizard = self.wizard
        if wizard is None or not wizard.isVisible():
            return True
        if not wizard.running():
            wizard.close()
            return not wizard.isVisible()
        if wizard.request_close():
            return True
        if wizard.running() and wizard.training_page.process.stopping and not self._close_pending:
            self._close_pending = True
            wizard.closedAfterStop.connect(close_again)
        return False

    def shutdown(self) -> None:
        """Last resort at exit: no training process outlives the app."""
        if self.wizard is not None and self.wizard.running():
            self.wizard.stop_and_wait()
