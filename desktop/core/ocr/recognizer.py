"""Text recognition: PP-OCR rec (CTC) on crops batched by width.

Each crop gets its own width (its aspect ratio snapped up to a rung of a short width ladder, never below
the model's minimum width) and is batched only with crops of that width: the network's cost grows with
the padded width, and a crop then reads the same whatever else is on the screen. The CTC decoder is
rapidocr_paddle's port of PaddleOCR's CTCLabelDecode.

Input shapes come from a fixed set, which OcrEngine.warm_up() runs once: Paddle with oneDNN keeps
state for every input shape it has seen and grows its memory pool for an input larger than any before,
so open-ended shapes made RSS climb over the first hundred photos and stalled a read for 0.1-1.4 s
whenever a new one came (a batch of 8 at 640 px added 280 MB). Hence the ladder, and at most
``batch_size x 320`` pixels of width in one batch (the stock width times the batch size).
"""
from __future__ import annotations

import math

import cv2
import numpy as np
from rapidocr_paddle.ch_ppocr_rec.utils import CTCLabelDecode

from desktop.core.models.model_files import REC_MIN_WIDTH
from desktop.core.models.predictor import Infer

REC_HEIGHT = 48
# Multiples of 160 where most screen lines fall, coarser beyond; a crop wider than the last rung
# (over 53 times as wide as high) is squeezed into it.
WIDTH_LADDER = (160, 320, 480, 640, 960, 1280, 1920, 2560)


def resize_normalise(crop: np.ndarray, width: int, height: int = REC_HEIGHT) -> np.ndarray:
    """One crop as a normalised CHW float32 tensor of the given height, left-aligned, zero-padded to width."""
    h, w = crop.shape[:2]
    resized_w = min(width, int(math.ceil(height * w / max(h, 1))))
    resized = cv2.resize(crop, (max(resized_w, 1), height)).astype(np.float32)
    resized = (resized.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
    out = np.zeros((3, height, width), dtype=np.float32)
    out[:, :, : resized.shape[2]] = resized
    return out


def input_widths(min_width: int = REC_MIN_WIDTH) -> tuple[int, ...]:
    """Every width a batch can have: the model's minimum, then the ladder's wider rungs."""
    return (min_width, *(width for width in WIDTH_LADDER if width > min_width))


def batch_width(crops: list[np.ndarray], min_width: int = REC_MIN_WIDTH) -> int:
    needed = REC_HEIGHT * max(c.shape[1] / max(c.shape[0], 1) for c in crops)
    widths = input_widths(min_width)
    return next((width for width in widths if width >= needed), widths[-1])


def width_groups(crops: list[np.ndarray], min_width: int = REC_MIN_WIDTH) -> dict[int, list[int]]:
    """Indices of the crops grouped by the width each gets alone, narrowest first."""
    groups: dict[int, list[int]] = {}
    for index, crop in enumerate(crops):
        groups.setdefault(batch_width([crop], min_width), []).append(index)
    return dict(sorted(groups.items()))


def make_batch(crops: list[np.ndarray], min_width: int = REC_MIN_WIDTH) -> np.ndarray:
    width = batch_width(crops, min_width)
    return np.stack([resize_normalise(c, width) for c in crops])


class TextRecognizer:
    def __init__(self, infer: Infer, dictionary: list[str], batch_size: int = 8,
                 min_width: int = REC_MIN_WIDTH):
        self._infer = infer
        self._decode = CTCLabelDecode(character=list(dictionary))
        self.batch_size = batch_size
        self.min_width = min_width
        self._batch_pixels = batch_size * REC_MIN_WIDTH

    @property
    def classes(self) -> list[str]:
        """CTC classes: blank, the dictionary, space."""
        return self._decode.character

    def check_classes(self) -> None:
        """Run the network once on a blank crop: it must score exactly ``classes``. A model whose
        model.yaml names the wrong family (another character list) would misread or fail on every read."""
        from desktop.core.models.errors import ModelError

        scored = self._infer(np.zeros((1, 3, REC_HEIGHT, self.min_width), np.float32)).shape[-1]
        if scored != len(self.classes):
            raise ModelError(f"the recogniser scores {scored} characters but its character list has "
                             f"{len(self.classes)}: its model.yaml names the wrong family")

    def largest_batch(self, width: int) -> int:
        return max(1, min(self.batch_size, self._batch_pixels // width))

    def input_shapes(self) -> list[tuple[int, int, int, int]]:
        """Every input recognize() can give the network, the largest first."""
        shapes = [(count, 3, REC_HEIGHT, width) for width in input_widths(self.min_width)
                  for count in range(1, self.largest_batch(width) + 1)]
        return sorted(shapes, key=lambda shape: (shape[0] * shape[3], shape[3]), reverse=True)

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        for width, members in width_groups(crops, self.min_width).items():
            largest = self.largest_batch(width)
            for start in range(0, len(members), largest):
                chunk = members[start : start + largest]
                probs = self._infer(np.stack([resize_normalise(crops[i], width) for i in chunk]))
                for index, (text, score) in zip(chunk, self._decode(probs)):
                    results[index] = (text, float(score))
        return results
