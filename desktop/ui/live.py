"""Live camera mode: the view refreshes at the camera's rate, OCR runs as fast as it can.

The camera thread keeps only its newest frame; a display timer shows it and hands it to the OCR
worker's live lane (latest-frame-wins). A reading becomes stable only after it agrees over N
consecutive OCR results (``desktop.core.live.stability``); capturing records only stable readings.
When the picture changes (``desktop.core.live.change``), the readings of the old one lose their Stable
mark at once: a new value on the instrument is never captured as the old one. While the picture stays
still, frames are re-read at the text lines found before (``desktop.core.live.reread``): faster reads,
so a new value is stable sooner.
"""
from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.core.live.change import picture_changed, thumbnail
from desktop.core.live.reread import LineReuse
from desktop.core.live.slots import live_slots
from desktop.core.live.stability import StabilityTracker
from desktop.core.reading.profile import InstrumentProfiles, fits_profile
from desktop.ui.workers.camera import CameraThread, Source, describe, opencv_capture
from desktop.ui.workers.jobs import OcrJob, OcrOutcome
from desktop.ui.workers.ocr_worker import OcrService


class LiveController(QObject):
    frame = Signal(object)             # newest camera frame to show (BGR array)
    result = Signal(object, object)    # OcrOutcome, {slot: (count, stable)}, slots from live_slots()
    unsettled = Signal(object, object)  # the picture changed: the last OcrOutcome, {slot: (0, False)}
    runningChanged = Signal(bool)
    status = Signal(str)               # the camera's connection, for the user ("" when all is well)
    failed = Signal(str)
    fps = Signal(float, float)         # camera fps, OCR results per second

    def __init__(self, ocr: OcrService, capture_factory=opencv_capture, stable_frames: int = 3,
                 profiles: InstrumentProfiles | None = None, parent=None):
        super().__init__(parent)
        self.ocr = ocr
        self.profiles = profiles or InstrumentProfiles()
        self.capture_factory = capture_factory
        self.tracker = StabilityTracker(stable_frames)
        self.template: str | None = None
        self.frozen = False
        self.last: OcrOutcome | None = None
        self.last_frame = None
        self._read_from = None             # thumbnail of the frame the last result was read from
        self.lines = LineReuse()
        self._camera: CameraThread | None = None
        self._ending: set[CameraThread] = set()  # stopped, still finishing an open
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

    def start(self, source: Source, width: int, height: int) -> None:
        """``source``: a camera number, an http(s):// or rtsp:// URL, or a video file."""
        if self._camera is not None:
            return
        self.tracker.reset()
        self.last, self.last_frame, self.frozen, self._seq = None, None, False, -1
        self._read_from = None
        self.lines.reset()
        self._camera = CameraThread(source, width, height, self.capture_factory)
        self._camera.failed.connect(self._on_failed)
        self._camera.opened.connect(self._on_opened)
        self._camera.reconnecting.connect(self._on_reconnecting)
        self.status.emit(self.tr("Connecting to %1…").replace("%1", describe(self._camera.source)))
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
        if camera.stop(timeout_ms=500):
            camera.deleteLater()
        else:  # still opening a stream (bounded by its timeout): it ends on its own, the UI does not wait
            self._ending.add(camera)
            camera.finished.connect(lambda: (self._ending.discard(camera), camera.deleteLater()))
        self.ocr.drop_live()
        self.frozen = False
        self.runningChanged.emit(False)

    def shutdown(self) -> None:
        """At exit: stop, and wait for every camera thread (no thread outlives the window)."""
        self.stop()
        for camera in list(self._ending):
            camera.wait()

    def set_frozen(self, frozen: bool) -> None:
        self.frozen = frozen
        if frozen:
            self.ocr.drop_live()

    def stable_readings(self) -> list:
        """Readings of the last live result whose value is the stable one; one that does not fit the
        instrument's profile comes along flagged, so the technician checks it on the capture."""
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
        thumb = thumbnail(frame)
        if self._read_from is not None and picture_changed(self._read_from, thumb):
            self._read_from = None  # once per result: a result of the old picture still on its way resets again
            self.tracker.reset()
            self.unsettled.emit(self.last, {slot: (0, False) for slot in live_slots(self.last.readings)})
        self.ocr.submit(OcrJob("live", image=frame, template=self.template, name="camera",
                               lines=self.lines.lines_for(thumb)))

    @Slot(object)
    def _on_outcome(self, outcome: OcrOutcome) -> None:
        if outcome.job.kind != "live" or self._camera is None or self.frozen:
            return
        now = time.perf_counter()
        self._ocr_stamps = [t for t in self._ocr_stamps if now - t < 2.0] + [now]
        if outcome.error:
            self.tracker.reset()
            self.lines.reset()
            self.result.emit(outcome, {})
            return
        before = set(live_slots(self.last.readings)) if self.last is not None else set()
        readings = self.profiles.check(outcome.readings)
        self.last = outcome = replace(outcome, readings=readings)
        self._read_from = thumbnail(outcome.image)
        slots = live_slots(readings)
        states = self.tracker.update({slot: _value(r) for r, slot in zip(readings, slots)})
        if outcome.job.lines is None:
            self.lines.full_read(self._read_from, tuple(box.points for box in outcome.result.boxes))
        else:  # a reading that came or went, or a value that changed, is for a full read to confirm
            self.lines.reread(values_changed=set(states) != before or any(s.count == 1 for s in states.values()))
        # a value that does not fit the instrument's profile is never Stable, however long it stays
        misfits = {slot for r, slot in zip(readings, slots) if not fits_profile(r)}
        self.result.emit(outcome, {k: (s.count, s.stable and k not in misfits) for k, s in states.items()})

    @Slot(object)
    def _on_opened(self, info: dict) -> None:
        self.status.emit(self.tr("%1: %2 × %3").replace("%1", info["source"]).replace("%2", str(info["width"]))
                         .replace("%3", str(info["height"])))

    @Slot(int)
    def _on_reconnecting(self, attempt: int) -> None:
        self.tracker.reset()  # readings settle again on the pictures that come back
        self.status.emit(self.tr("Picture lost: reconnecting (attempt %1)…").replace("%1", str(attempt)))

    @Slot(str, str)
    def _on_failed(self, code: str, detail: str) -> None:
        self.stop()
        messages = {
            "not_found": self.tr("No camera at %1. Check that it is plugged in (or the address or file is right) "
                                 "and that no other program uses it."),
            "lost": self.tr("The camera %1 stopped sending pictures and did not come back."),
        }
        self.failed.emit(messages.get(code, self.tr("The camera failed: %1")).replace("%1", detail))

    @Slot()
    def _report_fps(self) -> None:
        if self._camera is not None:
            now = time.perf_counter()
            ocr_fps = len([t for t in self._ocr_stamps if now - t < 2.0]) / 2.0
            self.fps.emit(self._camera.fps, ocr_fps)


def _value(reading) -> str:
    return f"{reading.value} {reading.unit or ''}".strip()
