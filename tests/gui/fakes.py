"""Fakes for GUI tests: an OCR engine and a camera that need no models and no hardware."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np

from desktop.core.ocr.types import OcrResult, TextBox

VALUE = "100.07"


def quad(x0, y0, x1, y1):
    return ((float(x0), float(y0)), (float(x1), float(y0)), (float(x1), float(y1)), (float(x0), float(y1)))


def screen_boxes(value: str = VALUE, score: float = 0.97) -> list[TextBox]:
    return [TextBox(quad(20, 20, 140, 60), "大气压", 0.99),
            TextBox(quad(160, 20, 300, 60), value, score),
            TextBox(quad(310, 20, 380, 60), "kPa", 0.95)]


class FakeEngine:
    """Returns fixed boxes after a short sleep; records the thread it runs in."""

    device = "cpu"
    model_name = "fake PP-OCRv4"

    def __init__(self, delay: float = 0.02, values: list[str] | None = None, fail_on: str | None = None,
                 warm_up_steps: int = 1, warm_up_step_s: float = 0.0, boxes=None, box_text: str = "23.5"):
        self.delay = delay
        self.values = list(values or [])
        self.fail_on = fail_on
        self.calls = 0
        self.line_reads = 0             # of the calls: re-reads at the lines of an earlier read
        self.threads: set[int] = set()
        self.created_in = threading.get_ident()
        self.warmed_up_in: int | None = None
        self.warm_up_left, self.warm_up_step_s = warm_up_steps, warm_up_step_s
        self.events: list[str] = []  # "warm" per warm-up step, "read" per image, in order
        self.boxes = boxes            # fixed boxes instead of screen_boxes(value)
        self.box_text = box_text      # what the recogniser reads in a drawn box (None: it fails)
        self.crops: list[np.ndarray] = []

    def recognize_crops(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        self.crops += crops
        if self.box_text is None:
            raise RuntimeError("recogniser failed")
        return [(self.box_text, 0.9) for _ in crops]

    def read_region(self, image: np.ndarray, points) -> tuple[str, float]:
        from desktop.core.ocr.crop import crop_text_region

        return self.recognize_crops([crop_text_region(image, points, turn_tall=False)])[0]

    def warm_up(self, pause=lambda: False) -> bool:
        self.warmed_up_in = threading.get_ident()
        while self.warm_up_left:
            if pause():
                return False
            time.sleep(self.warm_up_step_s)
            self.warm_up_left -= 1
            self.events.append("warm")
        return True

    def read_lines(self, image: np.ndarray, quads) -> OcrResult:
        self.line_reads += 1
        return self.read(image)

    def read(self, image: np.ndarray) -> OcrResult:
        self.threads.add(threading.get_ident())
        self.events.append("read")
        self.calls += 1
        time.sleep(self.delay)
        if self.fail_on is not None and int(image[0, 0, 0]) == 255 and int(image[0, 0, 2]) == 0:
            raise RuntimeError("fake engine failure")
        value = self.values[min(self.calls, len(self.values)) - 1] if self.values else VALUE
        return OcrResult(width=image.shape[1], height=image.shape[0], device=self.device, model=self.model_name,
                         boxes=list(self.boxes) if self.boxes else screen_boxes(value), timings_ms={"det": self.delay * 500, "rec": self.delay * 500})


def write_sample(path: Path, poison: bool = False) -> Path:
    """A small LCD-like picture; ``poison`` marks it so FakeEngine(fail_on=...) fails on it."""
    image = np.full((120, 400, 3), (190, 205, 180), np.uint8)
    cv2.putText(image, "100.07 kPa", (160, 55), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (30, 30, 30), 2)
    if poison:
        image[0, 0] = (255, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    ok, buf = cv2.imencode(".png", image)
    path.write_bytes(buf.tobytes())
    return path


class FakeCapture:
    """Mimics cv2.VideoCapture: frames at ``fps``; ``opened=False`` is a missing camera."""

    def __init__(self, index: int = 0, fps: float = 30.0, opened: bool = True, size=(480, 640)):
        self.index, self.fps, self.opened, self.size = index, fps, opened, size
        self.frames = 0
        self.released = False

    def isOpened(self) -> bool:
        return self.opened

    def set(self, prop, value) -> bool:
        return True

    def get(self, prop) -> float:
        return 0.0

    def read(self):
        time.sleep(1.0 / self.fps)
        self.frames += 1
        frame = np.full((*self.size, 3), 200, np.uint8)
        frame[10:20, 10:20] = self.frames % 255
        return True, frame

    def release(self) -> None:
        self.released = True
