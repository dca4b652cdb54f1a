"""Optional text direction classifier: turns crops that are upside down (a photo taken from above)."""
from __future__ import annotations

import cv2
import numpy as np

from desktop.core.models.predictor import Infer
from desktop.core.ocr.recognizer import resize_normalise

CLS_HEIGHT, CLS_WIDTH = 48, 192
ROTATED_LABEL = 1  # the classifier's classes are ["0", "180"]


class DirectionClassifier:
    def __init__(self, infer: Infer, threshold: float = 0.9, batch_size: int = 8):
        self._infer = infer
        self.threshold = threshold
        self.batch_size = batch_size

    def input_shapes(self) -> list[tuple[int, int, int, int]]:
        """Every input upright() can give the network, the largest first."""
        return [(count, 3, CLS_HEIGHT, CLS_WIDTH) for count in range(self.batch_size, 0, -1)]

    def upright(self, crops: list[np.ndarray]) -> list[np.ndarray]:
        out = list(crops)
        for start in range(0, len(crops), self.batch_size):
            chunk = crops[start : start + self.batch_size]
            probs = self._infer(np.stack([resize_normalise(c, CLS_WIDTH, CLS_HEIGHT) for c in chunk]))
            for offset, row in enumerate(probs):
                if int(row.argmax()) == ROTATED_LABEL and float(row.max()) > self.threshold:
                    out[start + offset] = cv2.rotate(chunk[offset], cv2.ROTATE_180)
        return out
