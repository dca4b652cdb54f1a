"""The main window: layout and wiring only. The work lives in SessionController (images, results,
corrections -> store), OcrService (the worker thread), LiveController (camera) and the widgets."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QEvent, QSettings, Qt, Slot
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop.core.preferences import Preferences, save_preferences
from desktop.core.store import SessionStore
from desktop.ui import i18n
from desktop.ui.actions import Actions, build_menus, build_toolbar, retranslate_menus
from desktop.ui.correction_ui import CorrectionUi
from desktop.ui.dialogs.settings_dialog import SettingsDialog
from desktop.ui.icons import icon
from desktop.ui.item_models.queue_model import QueueModel
from desktop.ui.live import LiveController
from desktop.ui.records.dock import install_record_panel
from desktop.ui.records.screen import ScreenSource
from desktop.ui.session import SessionController
from desktop.ui.sources import SourcesMixin
from desktop.ui.widgets.banner import Banner, Message
from desktop.ui.widgets.camera_bar import CameraBar
from desktop.ui.widgets.empty_state import EmptyState
from desktop.ui.widgets.image_view import ImageView
from desktop.ui.widgets.queue_panel import QueuePanel
from desktop.ui.widgets.readings_panel import ReadingsPanel
from desktop.ui.widgets.status_bar import StatusBar
from desktop.ui.wizard.model_tools import ModelTools
from desktop.ui.workers.camera import opencv_capture
from desktop.ui.workers.ocr_worker import OcrService

log = logging.getLogger(__name__)
LAYOUT_VERSION = 2  # bump when the layout changes: saved window state is then ignored


class MainWindow(SourcesMixin, QMainWindow):
    """``engine_factory(prefs)`` returns an OCR engine; it is called in the worker thread only."""

    def __init__(self, engine_factory: Callable[[Preferences], object], prefs: Preferences,
                 store: SessionStore, *, capture_factory=opencv_capture, prefs_path=None):
        super().__init__()
        self.prefs, self.store, self._prefs_path = prefs, store, prefs_path
        self._engine_factory = engine_factory
        self.current_id: int | None = None
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.actions = Actions(self)
        self._menus = build_menus(self, self.actions)
        self.addToolBar(build_toolbar(self, self.actions))
        self.addToolBarBreak()
        self.camera_bar = CameraBar(self.actions, self)
        self.camera_bar.set_choice(prefs.camera_source or prefs.camera_index, prefs.camera_width, prefs.camera_height)
        self.addToolBar(self.camera_bar)

        self.ocr = OcrService(partial(engine_factory, replace(prefs)), self)
        self.queue_model = QueueModel(self)
        self.session = SessionController(store, self.ocr, self.queue_model, self)
        self.session.template = prefs.template or None
        self.live = LiveController(self.ocr, capture_factory, prefs.stable_frames, self.session.profiles, self)
        self.live.template = self.session.template

        self.queue_panel = QueuePanel(self.queue_model)
        self.view = ImageView()
        self.view.low_confidence = prefs.low_confidence
        self.readings = ReadingsPanel()
        self.readings.readings_model.low_confidence = prefs.low_confidence
        self.readings.boxes_model.low_confidence = prefs.low_confidence
        self.banner = Banner(hide_after_ms=8000)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.empty_state = EmptyState(self.actions)
        self.image_area = QStackedWidget()  # the empty state until there is an image or a camera
        self.image_area.addWidget(self.empty_state)
        self.image_area.addWidget(self.view)
        self.splitter.addWidget(self.queue_panel)
        self.splitter.addWidget(self.image_area)
        self.splitter.addWidget(self.readings)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 680, 520])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.model_tools = ModelTools(self, store.path)  # "Improve the model…" wizard, "Models…"
        self.corrections = CorrectionUi(self.session, self.readings, self.view, self.actions,
                                        shown_image=lambda: None if self.live.running else self.current_id,
                                        show_image=self.show_image,
                                        say=lambda text: self.statusBar().showMessage(text, 4000), parent=self)
        self._connect()
        screen = ScreenSource(self.readings.readings_model, self.readings.readings_view.selectionModel(),
                              self.store, self._finished_image, self)
        # a valid reading taken into the record is one the technician confirmed: its instrument profile learns it
        screen.readingConfirmed.connect(lambda r: r.valid and self.session.confirm([r]))
        self.record_panel = install_record_panel(  # docked calibration record (records/dock.py)
            self, screen, self._menus, lambda: self.prefs)
        self.model_tools.lab_store = self.record_panel.controller.repository.store  # Models: publish / use the lab's
        self.model_tools.offer_lab_model(self)
        self._update_recent()
        self.retranslate()
        self._restore_geometry()
        self.ocr.start()  # models load in the worker; the window is usable at once

    # -- wiring ---------------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions
        a.open.triggered.connect(self.choose_files)
        a.open_folder.triggered.connect(self.choose_folder)
        a.paste.triggered.connect(self.paste)
        a.reread.triggered.connect(lambda: self.current_id and self.session.reread(self.current_id))
        a.stop_queue.triggered.connect(self.session.cancel_queue)
        a.restore.triggered.connect(self.reopen_last_session)
        a.quit.triggered.connect(self.close)
        a.live.toggled.connect(self.set_live)
        a.freeze.toggled.connect(self.live.set_frozen)
        a.capture.triggered.connect(self.capture)
        a.correct.triggered.connect(self.readings.edit_current_value)
        a.accept_suggestion.triggered.connect(self.readings.accept_suggestion)
        a.prev.triggered.connect(lambda: self.queue_panel.step(-1))
        a.next.triggered.connect(lambda: self.queue_panel.step(1))
        a.zoom_in.triggered.connect(self.view.zoom_in)
        a.zoom_out.triggered.connect(self.view.zoom_out)
        a.fit.triggered.connect(self.view.fit)
        a.actual.triggered.connect(self.view.actual_size)
        a.settings.triggered.connect(self.edit_settings)
        a.language.triggered.connect(self.toggle_language)
        a.improve_model.triggered.connect(self.model_tools.open_wizard)
        a.models.triggered.connect(self.model_tools.open_manager)
        self.ocr.engineReady.connect(self.model_tools.engine_ready)
        self.model_tools.modelActivated.connect(self.reload_engine)
        self.ocr.engineReady.connect(self._on_engine_ready)
        self.ocr.engineFailed.connect(self._on_engine_failed)
        self.ocr.loading.connect(self.status.set_loading_step)
        self.ocr.outcome.connect(self._on_outcome)
        self.session.recordAdded.connect(self._on_record_added)
        self.session.recordUpdated.connect(self._on_record_updated)
        self.session.failed.connect(self.show_error)
        self.session.alreadyOpen.connect(self._on_already_open)
        self.queue_panel.imageChosen.connect(self.show_image)
        self.empty_state.samplesRequested.connect(self.open_samples)
        self.view.boxSelected.connect(self._on_box_selected)
        self.view.boxActivated.connect(self.readings.edit_box)
        self.readings.readingSelected.connect(self._on_reading_selected)
        self.readings.boxRowSelected.connect(lambda i: self.view.select_boxes([i] if i >= 0 else []))
        self.live.frame.connect(self.view.set_frame)
        self.live.result.connect(self._on_live_result)
        self.live.unsettled.connect(self._on_live_result)  # the picture changed: the table drops Stable
        self.live.failed.connect(self._on_camera_failed)
        self.live.status.connect(self.camera_bar.state.setText)
        self.live.runningChanged.connect(self._on_live_running)
        self.live.fps.connect(self.status.set_fps)

    # -- engine and results ---------------------------------------------------------------------
    @Slot(object)
    def _on_engine_ready(self, info: dict) -> None:
        self.status.set_engine(info["device"], info["model"])
        self.statusBar().showMessage(self.tr("Models loaded in %1 s").replace("%1", f"{info['load_ms'] / 1000:.1f}"),
                                     5000)
        if info.get("refused"):
            refused, reason = info["refused"]
            self.show_error(self.tr("The active model %1 was not used: %2. Reading with %3 instead (Models… to roll "
                                    "back or delete it).").replace("%1", refused).replace("%2", reason)
                            .replace("%3", info["model"]))

    @Slot(str)
    def _on_engine_failed(self, message: str) -> None:
        self.status.set_engine_failed()
        self.show_error(self.tr("The OCR models could not be loaded: %1").replace("%1", message))

    @Slot(object)
    def _on_outcome(self, outcome) -> None:
        if outcome.result is not None:
            self.status.set_read_time(outcome.result.elapsed_ms)

    @Slot(int)
    def _on_record_added(self, image_id: int) -> None:
        # a new batch is shown from its first image; images added behind it wait in the queue;
        # a capture in live mode does not stop the camera
        if self.live.running:
            return
        if self.current_id is None or self.session.records[self.current_id].status in ("done", "error"):
            self.show_image(image_id)

    @Slot(int)
    def _on_record_updated(self, image_id: int) -> None:
        if image_id == self.current_id and not self.live.running:
            self.show_image(image_id, keep_view=True)

    @Slot(int)
    def _finished_image(self):
        """The finished image shown (not the live view): what the record panel may take a point from."""
        record = self.session.records.get(self.current_id) if self.current_id is not None else None
        return record if record is not None and record.status == "done" and not self.live.running else None

    def show_image(self, image_id: int, keep_view: bool = False) -> None:
        if self.live.running and not keep_view:
            self.actions.live.setChecked(False)
        record = self.session.records.get(image_id)
        if record is None:
            return
        changed = image_id != self.current_id
        self.current_id = image_id
        if changed:
            self.store.set_viewed(self.session.session_id, image_id)
        self.image_area.setCurrentWidget(self.view)
        self.queue_panel.select_image(image_id)
        image = self.session.image(image_id) if record.status in ("done", "error") or not changed else None
        if changed or not self.view.has_image():
            self.view.set_image(image, record.boxes)
        else:
            self.view.set_boxes(record.boxes)
        self.corrections.show_record(record, editable=record.status == "done")
        if record.status == "error":
            self.show_error(f"{record.name}: {record.error}")
        self.setWindowTitle(f"{record.name} – {self.tr('LCD Reader')}")

    # -- selection sync -------------------------------------------------------------------------
    @Slot(int)
    def _on_box_selected(self, box_index: int) -> None:
        self.readings.select_reading(self.readings.readings_model.row_for_box(box_index))
        self.readings.select_box(box_index)

    @Slot(int)
    def _on_reading_selected(self, row: int) -> None:
        model = self.readings.readings_model
        self.view.select_boxes(list(model.reading(row).boxes or []) if row >= 0 else [])

    # -- live camera ----------------------------------------------------------------------------
    @Slot(bool)
    def set_live(self, on: bool) -> None:
        if on and not self.live.running:
            source, width, height = self.camera_bar.choice()
            self._remember_camera(source, width, height)
            self.current_id = None
            self.view.clear()
            self.image_area.setCurrentWidget(self.view)
            self.readings.readings_model.set_readings([], editable=False, live={}, stable_frames=self.prefs.stable_frames)
            self.readings.boxes_model.set_boxes([], editable=False)
            self.actions.draw_box.setChecked(False)
            self.actions.draw_box.setEnabled(False)
            self.live.start(source, width, height)
        elif not on and self.live.running:
            self.live.stop()

    def _remember_camera(self, source: int | str, width: int, height: int) -> None:
        """The next start offers the same camera (an IP camera's address is not typed again)."""
        chosen = replace(self.prefs, camera_width=width, camera_height=height,
                         camera_source=source if isinstance(source, str) else "",
                         camera_index=source if isinstance(source, int) and 0 <= source <= 16 else self.prefs.camera_index)
        if chosen != self.prefs:
            self.prefs = chosen
            save_preferences(chosen, self._prefs_path)

    @Slot(bool)
    def _on_live_running(self, running: bool) -> None:
        self.actions.live.blockSignals(True)
        self.actions.live.setChecked(running)
        self.actions.live.blockSignals(False)
        self.actions.freeze.setEnabled(running)
        self.actions.capture.setEnabled(running)
        self.actions.freeze.setChecked(False)
        self.camera_bar.set_running(running)
        if not running:
            self.status.set_fps(None)
            self.camera_bar.state.setText("")
            if self.current_id is None:
                self.image_area.setCurrentWidget(self.empty_state)

    @Slot(object, object)
    def _on_live_result(self, outcome, states: dict) -> None:
        if outcome.error:
            self.camera_bar.state.setText(outcome.error)
            return
        self.view.set_boxes(outcome.result.boxes)
        self.readings.readings_model.set_readings(outcome.readings, editable=False, live=states,
                                                  stable_frames=self.prefs.stable_frames)
        stable = sum(1 for _, ok in states.values() if ok)
        self.camera_bar.state.setText(self.tr("Stable: %1 of %2").replace("%1", str(stable))
                                      .replace("%2", str(len(states))))

    @Slot()
    def capture(self) -> int | None:
        if not self.live.running or self.live.last_frame is None:
            return None
        outcome = self.live.last
        readings = self.live.stable_readings()
        image = outcome.image if outcome is not None and outcome.image is not None else self.live.last_frame
        name = time.strftime("camera %H:%M:%S")
        image_id = self.session.add_capture(image, name, outcome if outcome and outcome.image is not None else None,
                                            readings)
        if not readings:
            self.show_info(self.tr("No stable reading yet: hold the camera still. The picture was kept."))
        else:
            self.statusBar().showMessage(self.tr("Captured %n stable reading(s)", "", len(readings)), 4000)
        return image_id

    @Slot(str)
    def _on_camera_failed(self, message: str) -> None:
        self.show_error(message)

    # -- messages -------------------------------------------------------------------------------
    @Slot(str)
    def show_error(self, message: Message) -> None:
        self.banner.show_message("bannerError", message)
        log.warning("shown to the user: %s", self.banner.text())

    def show_info(self, message: Message) -> None:
        self.banner.show_message("bannerInfo", message)

    # -- settings and language ------------------------------------------------------------------
    def edit_settings(self) -> None:
        new = SettingsDialog.edit(self.prefs, self)
        if new is not None:
            self.apply_preferences(new)

    def apply_preferences(self, new: Preferences) -> None:
        old, self.prefs = self.prefs, new
        save_preferences(new, self._prefs_path)
        if (old.device, old.model, old.det_size) != (new.device, new.model, new.det_size):
            self.reload_engine()
        if old.language != new.language:
            i18n.install_language(new.language)
        if old.stable_frames != new.stable_frames:
            self.live.set_stable_frames(new.stable_frames)
        self.session.template = self.live.template = new.template or None
        for target in (self.view, self.readings.readings_model, self.readings.boxes_model):
            target.low_confidence = new.low_confidence
        if old.data_folder != new.data_folder:
            self.show_info(self.tr("The new data folder is used from the next start."))

    @Slot()
    @Slot(str)
    def reload_engine(self, _activated_model: str = "") -> None:
        """Build the engine again from the preferences (a new model was activated, or settings changed)."""
        self.status.set_loading()
        self.ocr.reload(partial(self._engine_factory, replace(self.prefs)))

    def toggle_language(self) -> None:
        lang = "en" if i18n.current_language() == "zh_CN" else "zh_CN"
        self.apply_preferences(replace(self.prefs, language=lang))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.actions.retranslate()
        retranslate_menus(self._menus)
        self.model_tools.retranslate()
        record = self.session.records.get(self.current_id) if self.current_id else None
        self.setWindowTitle(f"{record.name} – {self.tr('LCD Reader')}" if record else self.tr("LCD Reader"))

    # -- close ----------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if not self.model_tools.may_close(self.close):  # a training run: ask, stop it, close when it ended
            event.ignore()
            return
        self.live.shutdown()
        self.ocr.shutdown()
        self.session.close()
        self.record_panel.shutdown()
        settings = QSettings()
        settings.setValue("layout/version", LAYOUT_VERSION)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        if settings.value("layout/version", 0, int) != LAYOUT_VERSION:
            self.resize(1360, 820)
            return
        self.restoreGeometry(settings.value("window/geometry", b""))
        self.restoreState(settings.value("window/state", b""), LAYOUT_VERSION)
        self.splitter.restoreState(settings.value("window/splitter", b""))
