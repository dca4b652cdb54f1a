"""Text detection: DB (PP-OCR det) probability map -> quadrilateral boxes in image pixels.

Resizing and post-processing are rapidocr_paddle's ports of PaddleOCR's own (DetResizeForTest,
DBPostProcess), configured like stock PaddleOCR so our boxes match its boxes.

The resized image is then padded to one of a few canvases (two long sides, three aspect ratios, either
way up) and the probability map cut back to it: a fixed set of input shapes, which OcrEngine.warm_up()
runs once, because Paddle with oneDNN keeps state for every input shape it has seen.
"""
from __future__ import annotations

import math

import cv2
import numpy as np
from rapidocr_paddle.ch_ppocr_det.utils import DBPostProcess, DetPreProcess

from desktop.core.models.model_files import DetInput
from desktop.core.models.predictor import Infer
from desktop.core.ocr.crop import order_points, reading_order

MIN_SIDE = 8  # below this the network's 32-pixel grid has nothing to see
GRID = 32  # the network's stride: input sides are multiples of it
# Short side of a canvas as a fraction of its long side: 16:9 and 4:3 photos, and square.
CANVAS_ASPECTS = (9 / 16, 3 / 4, 1.0)
# A smaller canvas for the display's second look at a shrunk region (second_look.py). Not one of 512x384
# for a 508x381 photo: its edge padding changes what PP-OCRv6's detector sees everywhere (it pools over
# the whole input), and on 20 synthetic photos per look the LED panels, HMI tables and thin LCDs each
# lost a photo on it (the clock LCDs gained one).
SMALL_CANVASES = (320,)


def _up_to_grid(side: float) -> int:
    return int(math.ceil(side / GRID) * GRID)


def canvas_sides(limit_side_len: int) -> dict[int, tuple[int, ...]]:
    """Canvas long side -> its short sides, for a detector whose resize gives at most ``limit_side_len``
    (rounded to the grid, as DetPreProcess rounds): full size, two thirds, and SMALL_CANVASES below it."""
    largest = int(round(limit_side_len / GRID) * GRID)
    longs = {_up_to_grid(largest * 2 / 3), largest} | {side for side in SMALL_CANVASES if side < largest}
    return {long: tuple(_up_to_grid(long * aspect) for aspect in CANVAS_ASPECTS) for long in sorted(longs)}


def canvas_for(height: int, width: int, sides: dict[int, tuple[int, ...]]) -> tuple[int, int]:
    """The smallest canvas (height, width) that holds a resized image of this size the same way up."""
    long_side = next(long for long in sides if long >= max(height, width))
    short_side = next(short for short in sides[long_side] if short >= min(height, width))
    return (short_side, long_side) if width >= height else (long_side, short_side)


class TextDetector:
    def __init__(self, infer: Infer, limit_side_len: int = 960, run: DetInput = DetInput(),
                 enlarge_small: bool = False, thresh: float = 0.3):
        self._infer = infer
        self.thresh = thresh  # a map pixel above it is text (DB's binarisation)
        # A small photo enlarged until its long side reaches the limit: tiny text (a table's 19x8 px
        # values in a 508x381 photo) is then big enough for DB's stride-4 map.
        self._enlarge_to = limit_side_len if enlarge_small else 0
        self.limit_side_len = limit_side_len
        # "max": each side is scaled down to the limit, then rounded to the network's 32-pixel grid
        self._resize = DetPreProcess(limit_side_len, "max").resize
        self._canvas_sides = canvas_sides(limit_side_len)
        # the model's own way (model_files.read_det_input): PP-OCRv4's unless its folder says otherwise
        std = np.array(run.std)
        self._scale = 1.0 / (255.0 * std)
        self._offset = -np.array(run.mean) / std
        self._postprocess = DBPostProcess(thresh=thresh, box_thresh=run.box_thresh, unclip_ratio=run.unclip_ratio,
                                          score_mode="fast", use_dilation=run.use_dilation)

    def probability_map(self, image: np.ndarray) -> np.ndarray | None:
        if min(image.shape[:2]) < MIN_SIDE:
            return None
        if max(image.shape[:2]) < self._enlarge_to:
            scale = self._enlarge_to / max(image.shape[:2])
            image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        resized = self._resize(image)
        if resized is None:
            return None
        height, width = resized.shape[:2]
        canvas_height, canvas_width = canvas_for(height, width, self._canvas_sides)
        # The edge pixels repeated: on 450 held-out screens this read as many values as no padding
        # (40.9 against 40.6 %), where padding with the mean colour lost a point (39.5 %).
        canvas = cv2.copyMakeBorder(resized, 0, canvas_height - height, 0, canvas_width - width,
                                    cv2.BORDER_REPLICATE)
        return self._infer(self._normalise(canvas)[np.newaxis])[..., :height, :width]

    def scale_for(self, height: int, width: int) -> float:
        """How much a photo of this size is scaled for detection (before rounding to the grid)."""
        long_side = max(height, width)
        if long_side < self._enlarge_to:
            return self._enlarge_to / long_side
        return min(1.0, self.limit_side_len / long_side)

    def input_shapes(self) -> list[tuple[int, int, int, int]]:
        """Every input probability_map() can give the network, the largest first."""
        shapes = {(1, 3, *canvas) for long, shorts in self._canvas_sides.items() for short in shorts
                  for canvas in ((short, long), (long, short))}
        return sorted(shapes, key=lambda shape: (shape[2] * shape[3], shape[3]), reverse=True)

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
        return self.boxes(self.probability_map(image), image.shape[:2])

    def boxes(self, prob: np.ndarray | None, image_shape: tuple[int, int]) -> list[np.ndarray]:
        """The boxes of ``probability_map()``'s map, in the image's pixels, in reading order."""
        if prob is None:
            return []
        raw_boxes, _scores = self._postprocess(prob, image_shape)
        boxes = [order_points(b) for b in raw_boxes]
        boxes = [b for b in boxes if _side_lengths(b).min() > 3]
        return [boxes[i] for i in reading_order(boxes)]


def _side_lengths(box: np.ndarray) -> np.ndarray:
    return np.array([np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[0] - box[3])])
