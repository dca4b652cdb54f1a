"""The OCR engine: detection, optional direction classification and recognition on one image.

Create it in the thread that will use it: Paddle predictors must not be shared between threads.
"""
from __future__ import annotations

import time
from contextlib import contextmanager

import numpy as np

from desktop.core.ocr.crop import crop_text_region
from desktop.core.ocr.device import choose_device
from desktop.core.ocr.model_files import ModelSet, load_dictionary, read_min_width
from desktop.core.ocr.split import split_at_gaps
from desktop.core.ocr.types import OcrResult, TextBox

DEFAULT_DET_SIDE = 960
DROP_SCORE = 0.5  # as stock PaddleOCR: a recognition below this is noise, not text


class OcrEngine:
    def __init__(self, model: str | ModelSet = "default", device: str = "auto",
                 det_limit_side: int = DEFAULT_DET_SIDE, use_cls: bool = False, split_gaps: bool = True):
        from desktop.core.models.registry import resolve_model
        from desktop.core.ocr.classifier import DirectionClassifier
        from desktop.core.ocr.detector import TextDetector
        from desktop.core.ocr.predictor import predictor_infer
        from desktop.core.ocr.recognizer import TextRecognizer

        self.model_set = resolve_model(model) if isinstance(model, str) else model
        self.split_gaps = split_gaps
        self._device = choose_device(device)
        dictionary = load_dictionary(self.model_set.keys_path)
        min_width = read_min_width(self.model_set.rec_dir)  # small files first: fail before loading
        self.detector = TextDetector(predictor_infer(self.model_set.det_dir, self._device), det_limit_side)
        self.recognizer = TextRecognizer(predictor_infer(self.model_set.rec_dir, self._device), dictionary,
                                         min_width=min_width)
        self.classifier = None
        if use_cls and self.model_set.cls_dir is not None:
            self.classifier = DirectionClassifier(predictor_infer(self.model_set.cls_dir, self._device))
        self._warmed_up = False

    @property
    def device(self) -> str:
        return self._device.label

    @property
    def model_name(self) -> str:
        return self.model_set.name

    def read(self, image: np.ndarray) -> OcrResult:
        """Read a BGR uint8 image."""
        self.warm_up()
        timings: dict[str, float] = {}
        with _timed(timings, "det"):
            quads, crops = self._lines(image)
        if self.classifier is not None and crops:
            with _timed(timings, "cls"):
                crops = self.classifier.upright(crops)
        with _timed(timings, "rec"):
            texts = self.recognizer.recognize(crops) if crops else []
        boxes = [
            TextBox(points=tuple((float(x), float(y)) for x, y in quad), text=text, score=score)
            for quad, (text, score) in zip(quads, texts)
            if score >= DROP_SCORE and text.strip()
        ]
        return OcrResult(width=image.shape[1], height=image.shape[0], device=self.device,
                         model=self.model_name, boxes=boxes, timings_ms=timings)

    def warm_up(self) -> None:
        """Run each network once on its largest usual input, before the first image (read() does it
        if nobody did; the app's OCR thread does it while idle after loading). Paddle's memory pool
        then starts at that size and smaller inputs reuse it; grown from small to large it kept a
        block for every size (100 mixed photos peaked at 1241 instead of 1006 MB, benchmarks/memory.py).
        About 0.3 s, kept out of loading so that a model loads in under a second."""
        if self._warmed_up:
            return
        self._warmed_up = True
        self.detector.warm_up()
        self.recognizer.warm_up()

    def _lines(self, image: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Detected text lines and their crops; a line split at a wide gap is cut again per part."""
        quads, crops = [], []
        for quad in self.detector.detect(image):
            crop = crop_text_region(image, quad)
            parts = split_at_gaps(quad, crop) if self.split_gaps else [quad]
            quads += parts
            crops += [crop] if len(parts) == 1 else [crop_text_region(image, part) for part in parts]
        return quads, crops

    def recognize_crops(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Recognition only, for crops already cut (evaluation, training checks)."""
        return self.recognizer.recognize(crops) if crops else []


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = (time.perf_counter() - start) * 1000.0
