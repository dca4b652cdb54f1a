"""Camera capture with OpenCV on its own thread.

The source is what labs point at the instrument: a USB camera (its number), an IP camera or a phone
app (an ``http://`` / ``https://`` / ``rtsp://`` URL, MJPEG or H.264), or a video file (played in a
loop). The thread reads frames as fast as they come and keeps only the newest one; the UI picks it up
on its own display timer (latest-frame-wins), so neither video nor OCR waits on the other. A stream
that stops is opened again, with the attempts reported, all in this thread: the UI never waits on the
network. The capture factory is injectable: tests pass a fake camera.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)
Source = int | str
STREAM_SCHEMES = ("http", "https", "rtsp", "rtsps", "rtmp", "udp", "tcp")


def parse_source(text: Source) -> Source:
    """A camera number ("0", 0) as an int; a URL or a file path as it was typed."""
    if isinstance(text, int):
        return text
    text = text.strip()
    return int(text) if text.isdigit() else text


def is_stream(source: Source) -> bool:
    return isinstance(source, str) and urlsplit(source).scheme.lower() in STREAM_SCHEMES


def is_file(source: Source) -> bool:
    return isinstance(source, str) and not is_stream(source)


def describe(source: Source) -> str:
    """The source for a message: no password of a URL, only the name of a file."""
    if isinstance(source, int):
        return str(source)
    if is_stream(source):
        parts = urlsplit(source)
        host = parts.hostname or ""
        return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path}"
    return Path(source).name


def opencv_capture(source: Source):
    import cv2

    if isinstance(source, int):
        return cv2.VideoCapture(source)
    if is_stream(source):  # bounded waits: a dead IP camera must not hold the thread for minutes
        return cv2.VideoCapture(source, cv2.CAP_FFMPEG, [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, 5000,
                                                         cv2.CAP_PROP_READ_TIMEOUT_MSEC, 5000])
    return cv2.VideoCapture(source)


class CameraThread(QThread):
    opened = Signal(object)     # {"source", "width", "height", "fps"}: (re)connected
    reconnecting = Signal(int)  # attempt number: the stream stopped, opening it again
    failed = Signal(str, str)   # code ("not_found" | "lost" | "error"), detail

    MAX_FAILED_READS = 30       # in a row, before the stream counts as lost
    RECONNECT_ATTEMPTS = 10
    RECONNECT_DELAY_MS = 1000

    def __init__(self, source: Source, width: int, height: int,
                 capture_factory: Callable[[Source], object] = opencv_capture, parent=None):
        super().__init__(parent)
        self.setObjectName("camera")
        self.source, self.width, self.height = parse_source(source), width, height
        self._factory = capture_factory
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._seq = 0
        self.fps = 0.0
        self._pacer: FramePacer | None = None  # a video file: frames at its own rate

    def latest(self) -> tuple[int, np.ndarray | None]:
        """(sequence number, newest frame); the same number means no new frame since."""
        with self._lock:
            return self._seq, self._frame

    def stop(self, timeout_ms: int = 3000) -> bool:
        self.requestInterruption()
        return self.wait(timeout_ms)

    def run(self) -> None:
        cap = None
        try:
            cap = self._open()
            if cap is None:
                self.failed.emit("not_found", describe(self.source))
                return
            while not self.isInterruptionRequested():
                if self._read_until_lost(cap):
                    return  # stopped by the user
                self._release(cap)
                cap = self._reconnect()
                if cap is None:
                    if not self.isInterruptionRequested():
                        self.failed.emit("lost", describe(self.source))
                    return
        except Exception as exc:  # a driver error must not take the app down
            log.exception("camera %s failed", describe(self.source))
            self.failed.emit("error", str(exc))
        finally:
            self._release(cap)

    def _read_until_lost(self, cap) -> bool:
        """Read frames; True when stopped by the user, False when the stream was lost."""
        failures, stamps = 0, []
        while not self.isInterruptionRequested():
            ok, frame = cap.read()
            if not ok or frame is None:
                failures += 1
                if failures == 1 and is_file(self.source):
                    self._rewind(cap)  # a video file plays in a loop
                elif failures >= self.MAX_FAILED_READS:
                    return False
                self.msleep(10)
                continue
            failures = 0
            if self._pacer is not None:
                self._pacer.wait(self.isInterruptionRequested)
            now = time.perf_counter()
            stamps = [t for t in stamps if now - t < 1.0] + [now]
            with self._lock:
                self._frame = frame
                self._seq += 1
                self.fps = float(len(stamps))
        return True

    def _reconnect(self):
        for attempt in range(1, self.RECONNECT_ATTEMPTS + 1):
            self.reconnecting.emit(attempt)
            log.warning("camera %s lost: reconnecting (attempt %d)", describe(self.source), attempt)
            for _ in range(self.RECONNECT_DELAY_MS // 50):
                if self.isInterruptionRequested():
                    return None
                self.msleep(50)
            cap = self._open()
            if cap is not None:
                return cap
        return None

    def _open(self):
        cap = self._factory(self.source)
        if cap is None or not cap.isOpened():
            self._release(cap)
            return None
        self._configure(cap)
        return cap

    def _configure(self, cap) -> None:
        try:
            import cv2

            if isinstance(self.source, int):  # a stream or a file has its own size
                cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
                cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            width = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)) or self.width
            height = int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)) or self.height
            fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        except Exception:  # noqa: BLE001  (a driver that cannot tell its size: the size asked for)
            width, height, fps = self.width, self.height, 0.0
        if is_file(self.source):
            self._pacer = FramePacer(fps if 1.0 <= fps <= 240.0 else FramePacer.UNKNOWN_FPS)
        self.opened.emit({"source": describe(self.source), "width": width, "height": height, "fps": fps})

    @staticmethod
    def _rewind(cap) -> None:
        try:
            import cv2

            cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
        except Exception:
            log.exception("video file could not be rewound")

    @staticmethod
    def _release(cap) -> None:
        if cap is not None:
            try:
                cap.release()
            except Exception:
                log.exception("camera release failed")


class FramePacer:
    """Hands out a video file's frames at its frame rate: frame n is due ``n / fps`` after the first.
    A reader that falls behind (a slow decoder) starts the clock again instead of racing to catch up."""

    UNKNOWN_FPS = 25.0  # a file that does not tell its rate

    def __init__(self, fps: float, clock=time.perf_counter, sleep=time.sleep):
        self.fps, self._clock, self._sleep = fps, clock, sleep
        self._start: float | None = None
        self._frames = 0

    def wait(self, stop=lambda: False) -> None:
        """Return when the next frame is due (at once for the first one)."""
        now = self._clock()
        if self._start is None or now - self._due() > 1.0 / self.fps:
            self._start, self._frames = now, 0
        while not stop():
            left = self._due() - self._clock()
            if left <= 0:
                break
            self._sleep(min(left, 0.05))  # stays responsive to stop()
        self._frames += 1

    def _due(self) -> float:
        return self._start + self._frames / self.fps
