"""The OCR engine: detection, optional direction classification and recognition on one image.

Create it in the thread that will use it: Paddle predictors must not be shared between threads.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager

import numpy as np

from desktop.core.models.model_files import ModelChoice, ModelSet, load_dictionary, read_det_input, read_min_width
from desktop.core.ocr.crop import crop_text_region, reading_order
from desktop.core.ocr.device import choose_device
from desktop.core.ocr.line_split import split_at_gaps
from desktop.core.ocr.second_look import look_again
from desktop.core.ocr.types import OcrResult, TextBox

DEFAULT_DET_SIDE = 960
DEFAULT_DET_ENLARGE = False  # photos smaller than the detection size are read as they are
DEFAULT_SECOND_LOOK = True  # detect again on the display's region, shrunk (second_look.py)
DET_SIDE_RANGE = (320, 4096)  # as the settings dialog allows: below, screens shrink to nothing readable
DROP_SCORE = 0.5  # as stock PaddleOCR: a recognition below this is noise, not text


class OcrEngine:
    """Reads with the model set it is given. By name (the registry's checks and fallback): ``open_engine``
    in core/ocr/open_engine.py, which passes ``fall_back``: the model to read with instead when this one's
    intact files still do not load."""

    def __init__(self, model: ModelSet | ModelChoice, device: str = "auto",
                 det_limit_side: int = DEFAULT_DET_SIDE, use_cls: bool = False, split_gaps: bool = True,
                 det_enlarge_small: bool = DEFAULT_DET_ENLARGE, second_look: bool = DEFAULT_SECOND_LOOK,
                 enlarged_look: bool = False, fall_back: Callable[[str, str], ModelChoice] | None = None):
        self.choice = model if isinstance(model, ModelChoice) else ModelChoice(model)
        self.split_gaps = split_gaps
        self.second_look = second_look
        self.enlarged_look = enlarged_look  # the second look also enlarged for small values: off, see second_look.py
        self._device = choose_device(device)
        try:
            self._load(det_limit_side, use_cls, det_enlarge_small)
        except Exception as exc:  # Paddle's own kinds too: intact files that still do not load
            if fall_back is None:
                raise
            # the active model loads no better than damaged weights: the one before it reads instead
            self.choice = fall_back(self.choice.model_set.name, f"it does not load: {str(exc).strip()[:200]}")
            self._load(det_limit_side, use_cls, det_enlarge_small)

    def _load(self, det_limit_side: int, use_cls: bool, det_enlarge_small: bool) -> None:
        from desktop.core.models.predictor import predictor_infer
        from desktop.core.ocr.classifier import DirectionClassifier
        from desktop.core.ocr.detector import TextDetector
        from desktop.core.ocr.recognizer import TextRecognizer

        self.model_set = self.choice.model_set
        dictionary = load_dictionary(self.model_set.keys_path)
        min_width = read_min_width(self.model_set.rec_dir)  # small files first: fail before loading
        det_input = read_det_input(self.model_set.det_dir)
        det_infer = predictor_infer(self.model_set.det_dir, self._device)
        rec_infer = predictor_infer(self.model_set.rec_dir, self._device)
        self.detector = TextDetector(det_infer, det_limit_side, det_input, enlarge_small=det_enlarge_small)
        self.recognizer = TextRecognizer(rec_infer, dictionary, min_width=min_width)
        self.recognizer.check_classes()
        # detection first: its largest input is the largest of all (see warm_up)
        self._warm_up_left = [(det_infer, shape) for shape in self.detector.input_shapes()]
        self._warm_up_left += [(rec_infer, shape) for shape in self.recognizer.input_shapes()]
        self.classifier = None
        if use_cls and self.model_set.cls_dir is not None:
            cls_infer = predictor_infer(self.model_set.cls_dir, self._device)
            self.classifier = DirectionClassifier(cls_infer)
            self._warm_up_left += [(cls_infer, shape) for shape in self.classifier.input_shapes()]

    @property
    def device(self) -> str:
        return self._device.label

    @property
    def model_name(self) -> str:
        return self.model_set.name

    def read(self, image: np.ndarray) -> OcrResult:
        """Read a BGR uint8 image."""
        timings: dict[str, float] = {}
        with _timed(timings, "det"):
            found = self.detector.detect(image)
        quads, texts, _ = self._read_lines(image, found, timings)
        if self.second_look:
            quads, texts = self._look_again(image, quads, texts, timings)
        return self._result(image, quads, texts, timings)

    def read_lines(self, image: np.ndarray, quads) -> OcrResult:
        """Read again at the text lines a ``read`` found in the same picture (it has not moved since):
        recognition only, in a third of the time or less. Live mode re-reads a still screen so."""
        quads = [np.asarray(quad, np.float32) for quad in quads]
        timings: dict[str, float] = {}
        texts = self._recognize([crop_text_region(image, quad) for quad in quads], timings)
        return self._result(image, quads, texts, timings)

    def _result(self, image: np.ndarray, quads, texts: list[tuple[str, float]],
                timings: dict[str, float]) -> OcrResult:
        boxes = [
            TextBox(points=tuple((float(x), float(y)) for x, y in quad), text=text, score=score)
            for quad, (text, score) in zip(quads, texts)
            if _kept(text, score)
        ]
        return OcrResult(width=image.shape[1], height=image.shape[0], device=self.device,
                         model=self.model_name, boxes=boxes, timings_ms=timings)

    def _read_lines(self, image: np.ndarray, found: list[np.ndarray], timings: dict[str, float]):
        """The detected lines (split at wide gaps), what each reads, and the index of its box in ``found``."""
        with _timed(timings, "det"):
            quads, crops, owners = self._lines(image, found)
        return quads, self._recognize(crops, timings), owners

    def _recognize(self, crops: list[np.ndarray], timings: dict[str, float]) -> list[tuple[str, float]]:
        if self.classifier is not None and crops:
            with _timed(timings, "cls"):
                crops = self.classifier.upright(crops)
        with _timed(timings, "rec"):
            return self.recognizer.recognize(crops) if crops else []

    def _look_again(self, image: np.ndarray, quads: list[np.ndarray], texts: list[tuple[str, float]],
                    timings: dict[str, float]) -> tuple[list[np.ndarray], list[tuple[str, float]]]:
        """The display's second look (second_look.py) merged with the first pass's lines, in reading order."""
        with _timed(timings, "look"):
            look = look_again(self.detector.detect, image, quads, [text for text, _ in texts],
                              self.detector.scale_for(*image.shape[:2]), self.detector.limit_side_len,
                              enlarge=self.enlarged_look)
        first = len(quads)
        new_quads, new_texts, owners = self._read_lines(image, look.boxes[first:], timings)
        readable = {first + owner for (text, score), owner in zip(new_texts, owners) if _kept(text, score)}
        chosen = set(look.settle(readable))
        lines = [(quads[i], texts[i]) for i in range(first) if i in chosen]
        parts = Counter(owners)
        lines += [(quads[look.redraws[first + owner]] if parts[owner] == 1 and first + owner in look.redraws else q, t)
                  for q, t, owner in zip(new_quads, new_texts, owners) if first + owner in chosen]
        order = reading_order([quad for quad, _ in lines])
        return [lines[i][0] for i in order], [lines[i][1] for i in order]

    def read_region(self, image: np.ndarray, points) -> tuple[str, float]:
        """Text in a region the technician drew round something the detector missed: (text, score).

        The region's lines are detected in its own crop, where small text gets the detector's full
        resolution, and read in reading order, joined by spaces. Read whole as one line, a loosely drawn
        region gave the recogniser mostly background ("2" or "" for "24.2"); a tall one was turned on its
        side. The whole region is read as one line only when no line is found in it."""
        crop = crop_text_region(image, points, turn_tall=False)
        _quads, crops, _owners = self._lines(crop, self.detector.detect(crop))
        read = [(text.strip(), score) for text, score in (self.recognizer.recognize(crops) if crops else [])]
        read = [(text, score) for text, score in read if text and score >= DROP_SCORE]
        if not read:
            return self.recognizer.recognize([crop])[0]
        return " ".join(text for text, _ in read), float(np.mean([score for _, score in read]))

    def warm_up(self, pause: Callable[[], bool] = lambda: False) -> bool:
        """Run each network once on every input shape it can be given, the largest first; True when
        all have run. ``pause`` is asked between two shapes (each 0.05-0.4 s): when it says so, this
        returns False and the next call goes on from there.

        Paddle with oneDNN keeps state for each input shape it sees and grows its memory pool for an
        input larger than any before; started at the largest, the pool serves all smaller inputs.
        Warmed up, 100 photos from one phone keep RSS level from the second on (benchmarks/memory.py);
        with shapes met as they came, RSS grew by 100-240 MB and every new shape stalled a read.
        About 4.5 s on two cores, so whoever reads one image skips it: the app warms up while idle,
        `lcdreader read` when given more than one image."""
        while self._warm_up_left:
            if pause():
                return False
            infer, shape = self._warm_up_left.pop(0)
            infer(np.zeros(shape, np.float32))
        return True

    def _lines(self, image: np.ndarray, found: list[np.ndarray]):
        """Detected text lines, their crops and the box each came from; a line split at a wide gap is cut
        again per part."""
        quads, crops, owners = [], [], []
        for index, quad in enumerate(found):
            crop = crop_text_region(image, quad)
            parts = split_at_gaps(quad, crop) if self.split_gaps else [quad]
            quads += parts
            crops += [crop] if len(parts) == 1 else [crop_text_region(image, part) for part in parts]
            owners += [index] * len(parts)
        return quads, crops, owners

    def recognize_crops(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """Recognition only, for crops already cut (evaluation, training checks)."""
        return self.recognizer.recognize(crops) if crops else []


def _kept(text: str, score: float) -> bool:
    return score >= DROP_SCORE and bool(text.strip())


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    start = time.perf_counter()
    try:
        yield
    finally:  # a stage run twice (the second look's lines) adds up
        timings[stage] = timings.get(stage, 0.0) + (time.perf_counter() - start) * 1000.0
