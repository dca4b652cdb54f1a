"""Docks the record panel in the main window and links it to the current image and reading.

All the main window needs is ``install_record_panel(window)`` in ``__init__`` and
``panel.shutdown()`` in ``closeEvent``; the links (current reading -> point, screen readings ->
environment, actions and menus) live here.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from desktop.core.records.numbering import DEFAULT_PATTERN
from desktop.core.records.repository import RecordRepository
from desktop.ui.icons import icon
from desktop.ui.records.controller import RecordController
from desktop.ui.records.panel import RecordPanel

log = logging.getLogger(__name__)


def reading_crop(boxes: list, indices) -> tuple[int, int, int, int] | None:
    """x, y, width, height around the reading's boxes, in image pixels."""
    points = [p for i in (indices or []) if 0 <= i < len(boxes) for p in boxes[i].points]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x, y = max(0, int(min(xs))), max(0, int(min(ys)))
    return x, y, max(1, int(round(max(xs))) - x), max(1, int(round(max(ys))) - y)


class RecordLink(QObject):
    """Connects the panel to the window's current image, its readings and the store."""

    def __init__(self, window, panel: RecordPanel, dock: QDockWidget):
        super().__init__(window)
        self.window, self.panel, self.dock = window, panel, dock
        self.add_point = QAction(icon("capture"), "", window)
        self.add_point.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.export = QAction(icon("done"), "", window)
        self.export.setShortcut(QKeySequence("Ctrl+E"))
        self.add_point.triggered.connect(self.add_current_reading)
        self.export.triggered.connect(panel.export)
        panel.addPointRequested.connect(self.add_current_reading)
        window.readings.readings_model.modelReset.connect(self._on_readings_shown)
        panel.monitor.toggled.connect(self._on_readings_shown)
        menus = getattr(window, "_menus", {})
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

    # -- current image -> record ----------------------------------------------------------------
    def _current(self):
        window = self.window
        if window.current_id is None or window.live.running:
            return None
        record = window.session.records.get(window.current_id)
        return record if record is not None and record.status == "done" else None

    @Slot()
    def _on_readings_shown(self) -> None:
        """A result is shown: when it is the environment monitor's screen, its 温度 / 湿度 / 大气压 are the ambient
        conditions (the controller ignores every other screen)."""
        if self._current() is not None and self.window.readings.readings_model.editable:
            self.panel.controller.fill_environment(self.window.readings.readings_model.readings())

    @Slot()
    def add_current_reading(self) -> None:
        record = self._current()
        model = self.window.readings.readings_model
        if record is None or not model.rowCount():
            self.panel.show_error(QCoreApplication.translate("RecordDock", "Open or capture a picture of the screen first, then select its reading."))
            return
        rows = self.window.readings.readings_view.selectionModel().selectedRows()
        if not rows and model.rowCount() > 1:
            self.panel.show_error(QCoreApplication.translate("RecordDock", "Select a reading in the Readings table first."))
            return
        reading = model.reading(rows[0].row() if rows else 0)
        reason = self.panel.controller.add_point(reading, photo=self._photo(record),
                                                 crop=reading_crop(record.boxes, reading.boxes),
                                                 ocr_text=self._ocr_text(record.image_id, reading))
        if reason:
            self.panel.show_error(reason)
        else:
            self.dock.show()
            self.dock.raise_()

    def _photo(self, record) -> str:
        """The screen photo's path; a pasted or captured picture is written beside the store first."""
        if record.path and Path(record.path).exists():
            return record.path
        data = self.window.store.image_data(record.image_id)
        if not data:
            return ""
        folder = Path(self.window.store.path).parent / "record_photos"
        path = folder / f"image_{record.image_id}.png"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_bytes(data)
        except OSError as exc:
            log.warning("photo of image %s not kept: %s", record.image_id, exc)
            return ""
        return str(path)

    def _ocr_text(self, image_id: int, reading) -> str:
        """What OCR read before the technician corrected it (traceability), else the value itself."""
        field = f"{reading.key}:value"
        for correction in self.window.store.corrections(image_id, with_crops=False):
            if correction.kind == "reading" and correction.field == field:
                return correction.original
        return reading.value


def install_record_panel(window) -> RecordPanel:
    controller = RecordController(RecordRepository(window.store.conn),
                                  getattr(window.prefs, "record_number", DEFAULT_PATTERN), window)
    panel = RecordPanel(controller)
    dock = QDockWidget(window)
    dock.setObjectName("recordDock")
    dock.setWidget(panel)
    dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    panel.link = RecordLink(window, panel, dock)
    controller.open_latest()
    return panel
