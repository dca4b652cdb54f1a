"""Docks the record panel in the main window and links it to the screen being read.

The window gives ``install_record_panel`` what the panel needs and nothing more: itself as the dock's
host, a ``ScreenSource`` (records/screen.py: a signal when a finished result is shown, the reading to
add as a point) and its menus. The links (current reading -> point, monitor screen -> environment,
actions and menus) live here; ``panel.shutdown()`` belongs in the window's ``closeEvent``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu

from desktop.core.labstore.errors import StoreError
from desktop.core.labstore.pending import PendingSaves
from desktop.core.labstore.store import LabStore, configured_url, sqlite_url
from desktop.core.preferences import Preferences
from desktop.core.records.repository import RecordRepository
from desktop.ui.icons import icon
from desktop.ui.records.controller import RecordController
from desktop.ui.records.panel import RecordPanel
from desktop.ui.records.screen import ScreenSource, ShownReading

log = logging.getLogger(__name__)


class RecordLink(QObject):
    """Connects the panel to the screen being read, and adds its actions to the window's menus."""

    def __init__(self, window: QMainWindow, panel: RecordPanel, dock: QDockWidget, screen: ScreenSource,
                 menus: dict[str, QMenu]):
        super().__init__(window)
        self.panel, self.dock, self.screen = panel, dock, screen
        self.add_point = QAction(icon("capture"), "", window)
        self.add_point.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.export = QAction(icon("done"), "", window)
        self.export.setShortcut(QKeySequence("Ctrl+E"))
        self.add_point.triggered.connect(self.add_current_reading)
        self.export.triggered.connect(panel.export)
        panel.addPointRequested.connect(self.add_current_reading)
        screen.readingsShown.connect(panel.controller.fill_environment)
        panel.monitor.toggled.connect(lambda on: panel.controller.fill_environment(screen.current_readings()))
        if "file" in menus:
            menus["file"].insertAction(menus["file"].actions()[-1], self.export)
        if "view" in menus:
            menus["view"].addSeparator()
            menus["view"].addActions([self.add_point, dock.toggleViewAction()])
        window.addAction(self.add_point)
        window.addAction(self.export)
        dock.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.dock and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.dock.setWindowTitle(QCoreApplication.translate("RecordDock", "Calibration record"))
        self.add_point.setText(QCoreApplication.translate("RecordDock", "Add current reading as &point"))
        self.export.setText(QCoreApplication.translate("RecordDock", "&Export record to Excel…"))
        self.dock.toggleViewAction().setText(QCoreApplication.translate("RecordDock", "Calibration &record panel"))

    # -- current reading -> point -----------------------------------------------------------------
    @Slot()
    def add_current_reading(self) -> None:
        shown = self.screen.current_reading()
        if not isinstance(shown, ShownReading):
            self.panel.show_error(shown)
            return
        reason = self.panel.controller.add_point(shown.reading, photo=shown.photo, crop=shown.crop,
                                                 ocr_text=shown.ocr_text, corrected_at=shown.corrected_at)
        if reason:
            self.panel.show_error(reason)
        else:
            self.screen.readingConfirmed.emit(shown.reading)
            self.dock.show()
            self.dock.raise_()


def install_record_panel(window: QMainWindow, screen: ScreenSource, menus: dict[str, QMenu],
                         settings: Callable[[], Preferences]) -> RecordPanel:
    """``settings`` gives the current preferences: the number pattern and the lab-wide certificate items."""
    try:
        store = LabStore.open(configured_url(settings().lab_database, screen.store.path))
    except StoreError as exc:  # the lab server is away at start: work on this PC's store, and say so
        log.warning("lab store not opened: %s", exc)
        store = LabStore.open(sqlite_url(screen.store.path))
        away = QLabel(QCoreApplication.translate(
            "RecordLink", "The lab server cannot be reached: records are kept on this PC until the next start "
            "(then move them with “lcdreader records migrate”)."))
        away.setObjectName("labStoreAway")  # stays: it is true until the next start
        window.statusBar().addPermanentWidget(away)
    pending = PendingSaves(screen.store.path.with_name("pending_saves.sqlite3")) if store.is_server else None
    controller = RecordController(RecordRepository(store, pending), settings, window)
    controller.storeStatus.connect(lambda message: window.statusBar().showMessage(message))
    panel = RecordPanel(controller)
    dock = QDockWidget(window)
    dock.setObjectName("recordDock")
    dock.setWidget(panel)
    dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    panel.link = RecordLink(window, panel, dock, screen, menus)
    controller.open_latest()
    return panel
