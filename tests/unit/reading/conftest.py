import random

import pytest

from desktop.core.ocr.types import TextBox


def make_box(x: float, y: float, w: float, h: float, text: str, score: float = 0.9) -> TextBox:
    return TextBox(((x, y), (x + w, y), (x + w, y + h), (x, y + h)), text, score)


@pytest.fixture
def box():
    """box(x, y, w, h, text, score=0.9) -> TextBox"""
    return make_box


@pytest.fixture
def shuffled():
    """shuffled(boxes, seed) -> a shuffled copy, so tests never rely on OCR order."""

    def shuffle(boxes, seed=0):
        boxes = list(boxes)
        random.Random(seed).shuffle(boxes)
        return boxes

    return shuffle
