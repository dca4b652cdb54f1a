"""Split a detected line at wide gaps: DB often boxes two neighbouring values (or a key and its value)
as one line, and the recogniser then reads '03.780822' for '03.78' and '0822'.

The gap is measured on the crop itself: columns with no ink for longer than ``GAP_HEIGHTS`` times the
line height. Digit spacing on segment displays stays well under one digit height, so values stay whole.
"""
from __future__ import annotations

import cv2
import numpy as np

GAP_HEIGHTS = 0.9   # a gap at least this many line heights wide separates two texts
MIN_PART_HEIGHTS = 0.6  # parts narrower than this are noise, not text


def ink_columns(crop: np.ndarray) -> np.ndarray:
    """Boolean per column: does it hold text ink? Polarity from the border (dark-on-light or not)."""
    grey = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    _threshold, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    border = np.concatenate([binary[0], binary[-1], binary[:, 0], binary[:, -1]])
    ink = binary == 0 if border.mean() > 127 else binary == 255
    # A column is ink when more than 8% of its pixels are: isolated noise does not bridge gaps.
    return ink.mean(axis=0) > 0.08


def split_spans(columns: np.ndarray, height: int) -> list[tuple[int, int]]:
    """Column ranges [start, end) of the texts in a line, split at gaps wider than the rule."""
    filled = np.flatnonzero(columns)
    if filled.size == 0:
        return [(0, len(columns))]
    spans, start, previous = [], filled[0], filled[0]
    for col in filled[1:]:
        if col - previous - 1 >= GAP_HEIGHTS * height:
            spans.append((start, previous + 1))
            start = col
        previous = col
    spans.append((start, previous + 1))
    spans = [s for s in spans if s[1] - s[0] >= MIN_PART_HEIGHTS * height] or [(0, len(columns))]
    return spans if len(spans) > 1 else [(0, len(columns))]


def split_quad(quad: np.ndarray, crop_width: int, spans: list[tuple[int, int]], margin: float) -> list[np.ndarray]:
    """Sub-quadrilaterals of ``quad`` (4x2, clockwise from top-left) for column spans of its crop."""
    top_left, top_right, bottom_right, bottom_left = quad.astype(np.float32)
    parts = []
    for start, end in spans:
        a = max(start - margin, 0) / crop_width
        b = min(end + margin, crop_width) / crop_width
        parts.append(np.array([top_left + (top_right - top_left) * a, top_left + (top_right - top_left) * b,
                               bottom_left + (bottom_right - bottom_left) * b,
                               bottom_left + (bottom_right - bottom_left) * a], np.float32))
    return parts


def split_at_gaps(quad: np.ndarray, crop: np.ndarray) -> list[np.ndarray]:
    """One quad per text in the line (usually just the original one)."""
    height, width = crop.shape[:2]
    if width < 2 * height:  # too short to hold two texts and a gap
        return [quad]
    spans = split_spans(ink_columns(crop), height)
    if len(spans) == 1:
        return [quad]
    return split_quad(quad, width, spans, margin=0.25 * height)
