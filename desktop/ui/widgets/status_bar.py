"""Status bar: device, model, how long the engine took on the last image, frames per second."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QStatusBar


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.device = QLabel()
        self.model = QLabel()
        self.read_time = QLabel()
        self.fps = QLabel()
        for label in (self.device, self.model, self.read_time, self.fps):
            self.addPermanentWidget(label)
        self._device = self._model = None
        self._read_ms = None
        self._fps = None
        self._loading = True
        self.retranslate()

    def set_loading(self) -> None:
        self._loading = True
        self.retranslate()

    def set_engine(self, device: str, model: str) -> None:
        self._loading = False
        self._device, self._model = device, model
        self.retranslate()

    def set_engine_failed(self) -> None:
        self._loading = False
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
        if self._loading:
            self.device.setText(self.tr("Device: loading models…"))
            self.model.setText(self.tr("Model: –"))
        elif self._device is None:
            self.device.setText(self.tr("Device: unavailable"))
            self.model.setText(self.tr("Model: not loaded"))
        else:
            self.device.setText(self.tr("Device: %1").replace("%1", _device_label(self._device)))
            self.model.setText(self.tr("Model: %1").replace("%1", self._model))
        self.set_read_time(self._read_ms)
        self.set_fps(*(self._fps or (None, None)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _device_label(device: str) -> str:
    if device.startswith("gpu"):
        return f"GPU {device.partition(':')[2] or '0'}"
    return "CPU" if device == "cpu" else device
