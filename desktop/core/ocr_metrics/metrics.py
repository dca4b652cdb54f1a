"""Evaluation metrics as PaddleOCR computes them.

det: precision / recall / hmean at IoU 0.5 with the ICDAR 2015 one-to-one rule; detections that
mostly cover an ignored ("###") region are not counted.
rec: exact-match accuracy with spaces removed, and 1 - normalised edit distance.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from desktop.core.reading.keys import edit_distance  # one Levenshtein for key matching and OCR metrics

IOU_THRESHOLD = 0.5
IGNORE_OVERLAP = 0.5


def polygon_area(points) -> float:
    return float(abs(cv2.contourArea(np.asarray(points, dtype=np.float32))))


def intersection_area(a, b) -> float:
    pa, pb = (cv2.convexHull(np.asarray(p, dtype=np.float32)) for p in (a, b))
    area, _ = cv2.intersectConvexConvex(pa, pb)
    return float(max(area, 0.0))


def iou(a, b) -> float:
    inter = intersection_area(a, b)
    union = polygon_area(a) + polygon_area(b) - inter
    return inter / union if union > 0 else 0.0


@dataclass
class DetCounts:
    matched: int = 0
    gt_cared: int = 0
    det_cared: int = 0

    def add(self, other: DetCounts) -> None:
        self.matched += other.matched
        self.gt_cared += other.gt_cared
        self.det_cared += other.det_cared

    @property
    def precision(self) -> float:
        return self.matched / self.det_cared if self.det_cared else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gt_cared if self.gt_cared else 0.0

    @property
    def hmean(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_detections(gt_polys: list, gt_ignored: list[bool], det_polys: list) -> DetCounts:
    """Counts for one image (ICDAR 2015: each GT and each detection matched at most once)."""
    det_ignored = [
        any(ign and polygon_area(d) > 0 and intersection_area(g, d) / polygon_area(d) > IGNORE_OVERLAP
            for g, ign in zip(gt_polys, gt_ignored))
        for d in det_polys
    ]
    gt_used = [False] * len(gt_polys)
    det_used = [False] * len(det_polys)
    matched = 0
    for gi, g in enumerate(gt_polys):
        if gt_ignored[gi]:
            continue
        for di, d in enumerate(det_polys):
            if gt_used[gi] or det_used[di] or det_ignored[di]:
                continue
            if iou(g, d) > IOU_THRESHOLD:
                gt_used[gi] = det_used[di] = True
                matched += 1
    return DetCounts(matched=matched, gt_cared=gt_ignored.count(False), det_cared=det_ignored.count(False))


@dataclass
class RecScore:
    correct: int = 0
    total: int = 0
    norm_edit_sum: float = 0.0
    mistakes: list[tuple[str, str]] = field(default_factory=list)

    def add(self, predicted: str, expected: str) -> None:
        predicted, expected = predicted.replace(" ", ""), expected.replace(" ", "")
        self.total += 1
        self.correct += predicted == expected
        self.norm_edit_sum += edit_distance(predicted, expected) / max(len(predicted), len(expected), 1)
        if predicted != expected:
            self.mistakes.append((expected, predicted))

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def norm_edit(self) -> float:
        """1 - normalised edit distance (1.0 = perfect)."""
        return 1.0 - self.norm_edit_sum / self.total if self.total else 0.0
