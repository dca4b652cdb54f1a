"""Whether the camera's picture changed since the frame the shown readings were read from.

A new value on the instrument (or the camera moved) makes the readings on the screen stale at once,
long before OCR has read the new picture several times; live mode then drops their Stable mark.
Frames are compared as small grey thumbnails: averaging many pixels into one removes sensor and JPEG
noise, while a segment that lights up or goes dark moves a few thumbnail pixels by a large step.
"""
from __future__ import annotations

import cv2
import numpy as np

THUMB_WIDTH = 256
LEVEL = 32            # a grey-level step (of 255) no noise makes after averaging
CHANGED_SHARE = 5e-4  # of the thumbnail's pixels: about one segment of a digit a sixth of the frame high


def thumbnail(frame: np.ndarray) -> np.ndarray:
    """A small grey copy of a BGR (or grey) frame, to compare with another one."""
    grey = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    height, width = grey.shape
    scale = min(1.0, THUMB_WIDTH / width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA)


def picture_changed(before: np.ndarray, after: np.ndarray) -> bool:
    """True when two thumbnails show a different picture (a changed digit, a moved camera)."""
    if before.shape != after.shape:
        return True
    moved = np.count_nonzero(cv2.absdiff(before, after) > LEVEL)
    return bool(moved > CHANGED_SHARE * before.size)
