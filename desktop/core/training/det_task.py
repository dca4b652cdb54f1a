"""Detection finetuning: a DB-style loss (BCE + Dice) on the probability map against shrunk text
masks; the exported graph has no threshold branch, so the map itself is what we teach."""
from __future__ import annotations

import random

import cv2
import numpy as np
import pyclipper
from rapidocr_paddle.ch_ppocr_det.utils import DetPreProcess

from desktop.core.evaluation.metrics import DetCounts, match_detections, polygon_area
from desktop.core.ocr.detector import TextDetector
from desktop.core.ocr.model_files import IMAGENET_MEAN, IMAGENET_STD
from desktop.core.ocr.predictor import Infer
from desktop.core.training.augment import photometric
from desktop.core.training.samples import DetItem

SHRINK_RATIO = 0.4  # DB's r: the kernel is the text polygon shrunk by A * (1 - r^2) / L


def shrink_polygon(points: np.ndarray) -> np.ndarray | None:
    area, perimeter = polygon_area(points), cv2.arcLength(points.astype(np.float32), True)
    if area < 1 or perimeter < 1:
        return None
    distance = area * (1 - SHRINK_RATIO ** 2) / perimeter
    offset = pyclipper.PyclipperOffset()
    offset.AddPath([tuple(map(int, p)) for p in np.round(points)], pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    shrunk = offset.Execute(-distance)
    return np.array(shrunk[0], np.int32) if shrunk else None


def text_maps(shape: tuple[int, int], polygons: list[np.ndarray], ignored: list[bool]):
    """(target, weight): 1 inside shrunk text kernels; weight 0 over ignored and degenerate regions."""
    target = np.zeros(shape, np.float32)
    weight = np.ones(shape, np.float32)
    for polygon, ignore in zip(polygons, ignored):
        kernel = None if ignore else shrink_polygon(polygon)
        if kernel is None:
            cv2.fillPoly(weight, [np.round(polygon).astype(np.int32)], 0.0)
        else:
            cv2.fillPoly(target, [kernel], 1.0)
    return target, weight


class DetTask:
    stage = "det"
    metric = "hmean"
    input_spec_shape = [None, 3, None, None]

    def __init__(self, train: list[DetItem], val: list[DetItem], batch_size: int = 4, size: int = 480,
                 limit_side_len: int = 960, seed: int = 0,
                 mean: tuple[float, ...] = IMAGENET_MEAN, std: tuple[float, ...] = IMAGENET_STD):
        self.train, self.val = train, val
        self.batch_size, self.size, self.limit_side_len, self.seed = batch_size, size, limit_side_len, seed
        self.mean, self.std = mean, std  # the base detector's input normalisation (model_files.read_det_input)
        self._normalise = DetPreProcess(limit_side_len, "max", list(mean), list(std))

    def _sample(self, item: DetItem, rng: random.Random):
        """A random scale and window of one screen, with its target maps."""
        height, width = item.image.shape[:2]
        scale = min(1.0, self.limit_side_len / max(height, width)) * rng.uniform(0.6, 1.3)
        image = cv2.resize(item.image, (max(int(width * scale), 8), max(int(height * scale), 8)))
        polygons = [np.array(r.points, np.float32) * scale for r in item.regions]
        canvas = np.zeros((self.size, self.size, 3), np.uint8)
        x0 = rng.randint(0, max(image.shape[1] - self.size, 0))
        y0 = rng.randint(0, max(image.shape[0] - self.size, 0))
        window = image[y0 : y0 + self.size, x0 : x0 + self.size]
        canvas[: window.shape[0], : window.shape[1]] = window
        polygons = [p - np.array([x0, y0], np.float32) for p in polygons]
        target, weight = text_maps((self.size, self.size), polygons, [r.ignored for r in item.regions])
        weight[window.shape[0]:, :] = 0  # padding is not a place to learn anything
        weight[:, window.shape[1]:] = 0
        tensor = self._normalise.permute(self._normalise.normalize(photometric(canvas, rng)))
        return tensor.astype(np.float32), target, weight

    def batch(self, step: int):
        rng = random.Random(self.seed * 100_003 + step)
        samples = [self._sample(rng.choice(self.train), rng) for _ in range(self.batch_size)]
        images, targets, weights = (np.stack(parts) for parts in zip(*samples))
        return images, targets[:, None], weights[:, None]

    def loss(self, model, batch):
        import paddle

        images, targets, weights = (paddle.to_tensor(a) for a in batch)
        prob = paddle.clip(model(images), 1e-6, 1 - 1e-6)
        bce = paddle.nn.functional.binary_cross_entropy(prob, targets, weight=weights, reduction="sum")
        bce = bce / (weights.sum() + 1e-6)
        dice = 1 - 2 * (prob * targets * weights).sum() / ((prob * weights).sum() + (targets * weights).sum() + 1e-6)
        return 5 * bce + dice

    def evaluate(self, infer: Infer) -> dict:
        detector = TextDetector(infer, self.limit_side_len, mean=self.mean, std=self.std)
        counts = DetCounts()
        for item in self.val:
            boxes = detector.detect(item.image)
            counts.add(match_detections([r.points for r in item.regions], [r.ignored for r in item.regions], boxes))
        return {"hmean": counts.hmean, "precision": counts.precision, "recall": counts.recall,
                "samples": len(self.val)}
