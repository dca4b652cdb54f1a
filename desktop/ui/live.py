"""Live camera mode: the view refreshes at the camera's rate, OCR runs as fast as it can.

The camera thread keeps only its newest frame; a display timer shows it and hands it to the OCR
worker's live lane (latest-frame-wins). A reading becomes stable only after it agrees over N
consecutive OCR results (``desktop.core.live.stability``); capturing records only stable readings.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.core.live.stability import StabilityTracker
from desktop.ui.live_slots import live_slots
from desktop.ui.workers.camera import CameraThread, opencv_capture
from desktop.ui.workers.jobs import OcrJob, OcrOutcome
from desktop.ui.workers.ocr_worker import OcrService


class LiveController(QObject):
    frame = Signal(object)             # newest camera frame to show (BGR array)
    result = Signal(object, object)    # OcrOutcome, {slot: (count, stable)}, slots from live_slots()
    runningChanged = Signal(bool)
    failed = Signal(str)
    fps = Signal(float, float)         # camera fps, OCR results per second

    def __init__(self, ocr: OcrService, capture_factory=opencv_capture, stable_frames: int = 3, parent=None):
        super().__init__(parent)
        self.ocr = ocr
        self.capture_factory = capture_factory
        self.tracker = StabilityTracker(stable_frames)
        self.template: str | None = None
        self.frozen = False
        self.last: OcrOutcome | None = None
        self.last_frame = None
        self._camera: CameraThread | None = None
        self._seq = -1
        self._ocr_stamps: list[float] = []
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._tick)
        self._fps_timer = QTimer(self)
        self._fps_timer.setInterval(1000)
        self._fps_timer.timeout.connect(self._report_fps)
        ocr.outcome.connect(self._on_outcome)

    @property
    def running(self) -> bool:
        return self._camera is not None

    def set_stable_frames(self, frames: int) -> None:
        self.tracker = StabilityTracker(frames)

    def start(self, index: int, width: int, height: int) -> None:
        if self._camera is not None:
            return
        self.tracker.reset()
        self.last, self.last_frame, self.frozen, self._seq = None, None, False, -1
        self._camera = CameraThread(index, width, height, self.capture_factory)
        self._camera.failed.connect(self._on_failed)
        self._camera.start()
        self._timer.start()
        self._fps_timer.start()
        self.runningChanged.emit(True)

    def stop(self) -> None:
        if self._camera is None:
            return
        camera, self._camera = self._camera, None
        self._timer.stop()
        self._fps_timer.stop()
        camera.stop()
        camera.deleteLater()
        self.ocr.drop_live()
        self.frozen = False
        self.runningChanged.emit(False)

    def set_frozen(self, frozen: bool) -> None:
        self.frozen = frozen
        if frozen:
            self.ocr.drop_live()

    def stable_readings(self) -> list:
        """Readings of the last live result whose value is the stable one."""
        if self.last is None:
            return []
        stable = self.tracker.stable_values()
        readings = self.last.readings
        return [r for r, slot in zip(readings, live_slots(readings)) if stable.get(slot) == _value(r)]

    @Slot()
    def _tick(self) -> None:
        if self._camera is None or self.frozen:
            return
        seq, frame = self._camera.latest()
        if frame is None or seq == self._seq:
            return
        self._seq = seq
        self.last_frame = frame
        self.frame.emit(frame)
        self.ocr.submit(OcrJob("live", image=frame, template=self.template, name="camera"))

    @Slot(object)
    def _on_outcome(self, outcome: OcrOutcome) -> None:
        if outcome.job.kind != "live" or self._camera is None or self.frozen:
            return
        now = time.perf_counter()
        self._ocr_stamps = [t for t in self._ocr_stamps if now - t < 2.0] + [now]
        if outcome.error:
            self.tracker.reset()
            self.result.emit(outcome, {})
            return
        self.last = outcome
        readings = outcome.readings
        states = self.tracker.update({slot: _value(r) for r, slot in zip(readings, live_slots(readings))})
        self.result.emit(outcome, {k: (s.count, s.stable) for k, s in states.items()})

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.stop()
        self.failed.emit(message)

    @Slot()
    def _report_fps(self) -> None:
        if self._camera is not None:
            now = time.perf_counter()
            ocr_fps = len([t for t in self._ocr_stamps if now - t < 2.0]) / 2.0
            self.fps.emit(self._camera.fps, ocr_fps)


def _value(reading) -> str:
    return f"{reading.value} {reading.unit or ''}".strip()
