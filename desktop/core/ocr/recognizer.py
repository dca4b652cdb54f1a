"""Text recognition: PP-OCR rec (CTC) on crops batched by width.

Each crop gets its own width (its aspect ratio snapped up to a width step, never below the model's
minimum width) and is batched only with crops of that width: the network's cost grows with the padded
width, and a crop then reads the same whatever else is on the screen. The CTC decoder is
rapidocr_paddle's port of PaddleOCR's CTCLabelDecode.
"""
from __future__ import annotations

import math

import cv2
import numpy as np
from rapidocr_paddle.ch_ppocr_rec.utils import CTCLabelDecode
from desktop.core.ocr.model_files import REC_MIN_WIDTH
from desktop.core.ocr.predictor import Infer


REC_HEIGHT = 48
# Batch widths snap to a few sizes: Paddle pays a one-off 0.1-0.9 s and keeps memory for every new
# input shape on the CPU, so a width per crop would make the first minutes of a session slow and large.
WIDTH_STEP = 160


def resize_normalise(crop: np.ndarray, width: int, height: int = REC_HEIGHT) -> np.ndarray:
    """One crop as a normalised CHW float32 tensor of the given height, left-aligned, zero-padded to width."""
    h, w = crop.shape[:2]
    resized_w = min(width, int(math.ceil(height * w / max(h, 1))))
    resized = cv2.resize(crop, (max(resized_w, 1), height)).astype(np.float32)
    resized = (resized.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
    out = np.zeros((3, height, width), dtype=np.float32)
    out[:, :, : resized.shape[2]] = resized
    return out


def batch_width(crops: list[np.ndarray], min_width: int = REC_MIN_WIDTH) -> int:
    ratio = max([min_width / REC_HEIGHT] + [c.shape[1] / max(c.shape[0], 1) for c in crops])
    return int(math.ceil(REC_HEIGHT * ratio / WIDTH_STEP) * WIDTH_STEP)


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

    @property
    def classes(self) -> list[str]:
        """CTC classes: blank, the dictionary, space."""
        return self._decode.character

    def warm_up(self) -> None:
        """Run the network once on a full batch at PP-OCRv4's width, which most screen lines fit
        (see OcrEngine.warm_up): narrower batches then reuse its memory."""
        self._infer(np.zeros((self.batch_size, 3, REC_HEIGHT, max(self.min_width, REC_MIN_WIDTH)), np.float32))

    def recognize(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        for width, members in width_groups(crops, self.min_width).items():
            for start in range(0, len(members), self.batch_size):
                chunk = members[start : start + self.batch_size]
                probs = self._infer(np.stack([resize_normalise(crops[i], width) for i in chunk]))
                for index, (text, score) in zip(chunk, self._decode(probs)):
                    results[index] = (text, float(score))
        return results
