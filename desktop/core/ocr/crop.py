"""Geometry shared by inference and training: ordering box corners and cutting text crops.

Training crops MUST come from ``crop_text_region`` too: a crop cut differently in training and in
use teaches the recogniser the wrong thing.
"""
from __future__ import annotations

import cv2
import numpy as np


def order_points(points) -> np.ndarray:
    """Four corners as float32 in clockwise order from the top-left one."""
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    by_x = pts[np.argsort(pts[:, 0], kind="stable")]
    left, right = by_x[:2], by_x[2:]
    top_left, bottom_left = left[np.argsort(left[:, 1], kind="stable")]
    top_right, bottom_right = right[np.argsort(right[:, 1], kind="stable")]
    return np.array([top_left, top_right, bottom_right, bottom_left], dtype=np.float32)


def crop_text_region(image: np.ndarray, points, turn_tall: bool = True) -> np.ndarray:
    """Perspective-crop a quadrilateral text region; tall crops are turned to read left to right
    (``turn_tall``; a region a technician drew round upright text is not).

    Same rule as PaddleOCR's ``get_rotate_crop_image``.
    """
    pts = order_points(points)
    width = int(max(np.linalg.norm(pts[0] - pts[1]), np.linalg.norm(pts[2] - pts[3])))
    height = int(max(np.linalg.norm(pts[0] - pts[3]), np.linalg.norm(pts[1] - pts[2])))
    width, height = max(width, 1), max(height, 1)
    target = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    matrix = cv2.getPerspectiveTransform(pts, target)
    crop = cv2.warpPerspective(image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE,
                               flags=cv2.INTER_CUBIC)
    if turn_tall and height / width >= 1.5:
        crop = np.rot90(crop)
    return np.ascontiguousarray(crop)


def reading_order(boxes: list[np.ndarray], line_tolerance: float = 10.0) -> list[int]:
    """Indices of boxes sorted top-to-bottom, then left-to-right within a line (PaddleOCR's rule)."""
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i][0][1], boxes[i][0][0]))
    # One bubble pass with a tolerance: boxes whose tops differ by less than a few pixels share a line.
    for end in range(len(order) - 1):
        for j in range(end, -1, -1):
            a, b = boxes[order[j]], boxes[order[j + 1]]
            if abs(b[0][1] - a[0][1]) < line_tolerance and b[0][0] < a[0][0]:
                order[j], order[j + 1] = order[j + 1], order[j]
            else:
                break
    return order
