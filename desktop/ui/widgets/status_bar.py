"""Status bar: device, model, how long the engine took on the last image, frames per second."""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.device = QLabel()
        self.model = QLabel()
        self.read_time = QLabel()
        self.fps = QLabel()
        self.load_progress = QProgressBar()  # while the models load: how far, by the step's usual time
        self.load_progress.setRange(0, 100)
        self.load_progress.setMaximumWidth(120)
        self.load_progress.setTextVisible(False)
        self.addPermanentWidget(self.load_progress)
        for label in (self.device, self.model, self.read_time, self.fps):
            self.addPermanentWidget(label)
        self._device = self._model = None
        self._read_ms = None
        self._fps = None
        self._loading = True
        self._step: tuple[str, float, float] | None = None  # stage, started, usual seconds
        self._tick = QTimer(self, interval=500, timeout=self.retranslate)
        self.retranslate()

    def set_loading(self) -> None:
        self._loading = True
        self.retranslate()

    def set_loading_step(self, stage: str, seconds: float) -> None:
        """What loading does now ("load", "convert_ppocrv6": load_progress) and how long it usually takes."""
        self._loading = True
        self._step = (stage, time.monotonic(), seconds)
        self._tick.start()
        self.retranslate()

    def set_engine(self, device: str, model: str) -> None:
        self._loading, self._step = False, None
        self._tick.stop()
        self._device, self._model = device, model
        self.retranslate()

    def set_engine_failed(self) -> None:
        self._loading, self._step = False, None
        self._tick.stop()
        self._device = self._model = None
        self.retranslate()

    def set_read_time(self, ms: float | None) -> None:
        """The engine's own time on the last image (detection + recognition), not the wait in the queue."""
        self._read_ms = ms
        self.read_time.setText(self.tr("Read in %1 ms").replace("%1", "–" if ms is None else f"{ms:.0f}"))

    def set_fps(self, camera: float | None, ocr: float | None = None) -> None:
        self._fps = (camera, ocr)
        if camera is None:
            self.fps.setText(self.tr("FPS: –"))
        else:
            self.fps.setText(self.tr("FPS: camera %1, OCR %2").replace("%1", f"{camera:.0f}")
                             .replace("%2", f"{ocr or 0:.1f}"))

    def retranslate(self) -> None:
        self.load_progress.setVisible(self._loading and self._step is not None)
        if self._loading:
            self.device.setText(self._loading_text())
            self.model.setText(self.tr("Model: –"))
        elif self._device is None:
            self.device.setText(self.tr("Device: unavailable"))
            self.model.setText(self.tr("Model: not loaded"))
        else:
            self.device.setText(self.tr("Device: %1").replace("%1", _device_label(self._device)))
            self.model.setText(self.tr("Model: %1").replace("%1", self._model))
        self.set_read_time(self._read_ms)
        self.set_fps(*(self._fps or (None, None)))

    def _loading_text(self) -> str:
        if self._step is None:
            return self.tr("Device: loading models…")
        stage, started, seconds = self._step
        elapsed = time.monotonic() - started
        self.load_progress.setValue(min(95, int(100 * elapsed / seconds)) if seconds else 0)
        doing = (self.tr("converting PP-OCRv6 for this computer (only the first time)") if stage == "convert_ppocrv6"
                 else self.tr("loading models"))
        left = seconds - elapsed
        when = self.tr("about %1 s left").replace("%1", f"{left:.0f}") if left >= 1 else self.tr("almost done")
        return self.tr("Device: %1… %2").replace("%1", doing).replace("%2", when)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _device_label(device: str) -> str:
    if device.startswith("gpu"):
        return f"GPU {device.partition(':')[2] or '0'}"
    return "CPU" if device == "cpu" else device
