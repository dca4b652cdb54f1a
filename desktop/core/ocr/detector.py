"""Text detection: DB (PP-OCR det) probability map -> quadrilateral boxes in image pixels.

Resizing and post-processing are rapidocr_paddle's ports of PaddleOCR's own (DetResizeForTest,
DBPostProcess), configured like stock PaddleOCR so our boxes match its boxes.
"""
from __future__ import annotations

import cv2
import numpy as np
from rapidocr_paddle.ch_ppocr_det.utils import DBPostProcess, DetPreProcess

from desktop.core.ocr.crop import order_points, reading_order
from desktop.core.ocr.predictor import Infer

# PP-OCR det was trained on ImageNet-normalised BGR input (PaddleOCR's det NormalizeImage).
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]
MIN_SIDE = 8  # below this the network's 32-pixel grid has nothing to see


class TextDetector:
    def __init__(self, infer: Infer, limit_side_len: int = 960, limit_type: str = "max",
                 thresh: float = 0.3, box_thresh: float = 0.6, unclip_ratio: float = 1.5):
        self._infer = infer
        self._resize = DetPreProcess(limit_side_len, limit_type).resize
        # "max": each side is scaled down to the limit, then rounded to the network's 32-pixel grid
        self._largest_side = int(round(limit_side_len / 32) * 32) if limit_type == "max" else None
        std = np.array(IMAGENET_STD)
        self._scale = 1.0 / (255.0 * std)
        self._offset = -np.array(IMAGENET_MEAN) / std
        self._postprocess = DBPostProcess(thresh=thresh, box_thresh=box_thresh, unclip_ratio=unclip_ratio,
                                          score_mode="fast", use_dilation=False)

    def probability_map(self, image: np.ndarray) -> np.ndarray | None:
        if min(image.shape[:2]) < MIN_SIDE:
            return None
        resized = self._resize(image)
        return None if resized is None else self._infer(self._normalise(resized)[np.newaxis])

    def warm_up(self) -> None:
        """Run the network once on the largest input it can be given (see OcrEngine.read)."""
        if self._largest_side:
            self._infer(np.zeros((1, 3, self._largest_side, self._largest_side), np.float32))

    def _normalise(self, image: np.ndarray) -> np.ndarray:
        """HWC uint8 -> CHW float32 (pixel / 255 - mean) / std, one plane at a time: 0.5 ms for a
        640x480 photo where rapidocr's float64 HWC version takes 6-9 ms."""
        planes = np.empty((3, *image.shape[:2]), np.float32)
        for plane, channel, scale, offset in zip(planes, cv2.split(image), self._scale, self._offset):
            plane[:] = channel
            plane *= scale
            plane += offset
        return planes

    def detect(self, image: np.ndarray) -> list[np.ndarray]:
        """Boxes (4x2 float32, clockwise from top-left) in reading order."""
        prob = self.probability_map(image)
        if prob is None:
            return []
        raw_boxes, _scores = self._postprocess(prob, image.shape[:2])
        boxes = [order_points(b) for b in raw_boxes]
        boxes = [b for b in boxes if _side_lengths(b).min() > 3]
        return [boxes[i] for i in reading_order(boxes)]


def _side_lengths(box: np.ndarray) -> np.ndarray:
    return np.array([np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[0] - box[3])])
