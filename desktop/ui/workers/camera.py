"""Camera capture with OpenCV on its own thread.

The thread reads frames as fast as the camera gives them and keeps only the newest one; the UI
picks it up on its own display timer (latest-frame-wins), so neither video nor OCR waits on the
other. The capture factory is injectable: tests pass a fake camera.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

import numpy as np
from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)


def opencv_capture(index: int):
    import cv2

    return cv2.VideoCapture(index)


class CameraThread(QThread):
    opened = Signal(object)     # {"index", "width", "height", "fps"}
    failed = Signal(str)        # a message for the user

    MAX_FAILED_READS = 30

    def __init__(self, index: int, width: int, height: int,
                 capture_factory: Callable[[int], object] = opencv_capture, parent=None):
        super().__init__(parent)
        self.setObjectName("camera")
        self.index, self.width, self.height = index, width, height
        self._factory = capture_factory
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._seq = 0
        self.fps = 0.0

    def latest(self) -> tuple[int, np.ndarray | None]:
        """(sequence number, newest frame); the same number means no new frame since."""
        with self._lock:
            return self._seq, self._frame

    def stop(self, timeout_ms: int = 3000) -> None:
        self.requestInterruption()
        self.wait(timeout_ms)

    def run(self) -> None:
        cap = None
        try:
            cap = self._factory(self.index)
            if cap is None or not cap.isOpened():
                self.failed.emit(f"No camera found at index {self.index}. "
                                 "Check that it is plugged in and not used by another program.")
                return
            self._configure(cap)
            failures, stamps = 0, []
            while not self.isInterruptionRequested():
                ok, frame = cap.read()
                if not ok or frame is None:
                    failures += 1
                    if failures >= self.MAX_FAILED_READS:
                        self.failed.emit(f"Camera {self.index} stopped sending pictures.")
                        return
                    self.msleep(10)
                    continue
                failures = 0
                now = time.perf_counter()
                stamps = [t for t in stamps if now - t < 1.0] + [now]
                with self._lock:
                    self._frame = frame
                    self._seq += 1
                    self.fps = float(len(stamps))
        except Exception as exc:  # a driver error must not take the app down
            log.exception("camera %s failed", self.index)
            self.failed.emit(f"Camera {self.index} failed: {exc}")
        finally:
            if cap is not None:
                try:
                    cap.release()
                except Exception:
                    log.exception("camera release failed")

    def _configure(self, cap) -> None:
        try:
            import cv2

            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            width = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)) or self.width
            height = int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)) or self.height
            fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        except Exception:
            width, height, fps = self.width, self.height, 0.0
        self.opened.emit({"index": self.index, "width": width, "height": height, "fps": fps})
