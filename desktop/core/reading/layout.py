"""Box geometry: group boxes into lines, put tokens in reading order.

Pairing works on these lines, never on the order the OCR engine returned boxes in.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.ocr.types import TextBox
from desktop.core.reading.tokens import TextToken, is_cjk, normalize_box_text, split_text
from desktop.core.reading.units import UnitTable

LINE_OVERLAP = 0.5  # share of the smaller height two boxes must overlap to be one line
MAX_TILT = math.radians(30)  # a photo tilted more than this is not straightened (the boxes disagree)


@dataclass
class Token:
    """A TextToken placed on the image (x estimated from its characters' share of the box)."""

    kind: str
    text: str
    unit: str
    box: int  # index into the input boxes
    start: int
    end: int
    x0: float
    x1: float
    y0: float
    y1: float
    line: int = 0
    image_center: tuple[float, float] = (0.0, 0.0)  # where it sits in the photo (x0..y1 are straightened)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def group_lines(boxes: Sequence[TextBox]) -> list[list[int]]:
    """Box indices per line, lines top to bottom, boxes left to right."""
    lines: list[dict] = []
    # Tallest boxes first: big digits set the line, and a small unit at their top right joins it
    # instead of starting a line of its own above the key beside them.
    for i in sorted(range(len(boxes)), key=lambda i: (-boxes[i].height, boxes[i].center[1])):
        box = boxes[i]
        best, best_ratio = None, LINE_OVERLAP
        for line in lines:
            overlap = min(box.y_max, line["y1"]) - max(box.y_min, line["y0"])
            smaller = max(min(box.height, line["y1"] - line["y0"]), 1e-6)
            if overlap / smaller >= best_ratio:
                best, best_ratio = line, overlap / smaller
        if best is None:
            lines.append({"y0": box.y_min, "y1": box.y_max, "boxes": [i]})
        else:
            best["boxes"].append(i)
            best["y0"], best["y1"] = min(best["y0"], box.y_min), max(best["y1"], box.y_max)
    lines.sort(key=lambda line: (line["y0"] + line["y1"]) / 2)
    return [sorted(line["boxes"], key=lambda i: (boxes[i].x_min, boxes[i].y_min)) for line in lines]


def _char_width(ch: str) -> float:
    return 2.0 if is_cjk(ch) else 1.0  # CJK glyphs are about twice as wide as digits


def place_tokens(box: TextBox, index: int, text_tokens: list[TextToken], text: str) -> list[Token]:
    """Estimate each token's x-extent from its characters' share of the box width."""
    widths = [_char_width(ch) for ch in text]
    total = sum(widths) or 1.0
    scale = (box.x_max - box.x_min) / total
    placed = []
    for t in text_tokens:
        x0 = box.x_min + sum(widths[: t.start]) * scale
        x1 = box.x_min + sum(widths[: t.end]) * scale
        placed.append(Token(t.kind, t.text, t.unit, index, t.start, t.end, x0, x1, box.y_min, box.y_max))
    return placed


def tilt(boxes: Sequence[TextBox]) -> float:
    """The photo's tilt in radians: the width-weighted median slope of the boxes' top edges."""
    slopes = []
    for box in boxes:
        (x0, y0), (x1, y1) = box.points[0], box.points[1]
        if box.text.strip() and x1 > x0:
            slopes.append((math.atan2(y1 - y0, x1 - x0), math.hypot(x1 - x0, y1 - y0)))
    if not slopes:
        return 0.0
    slopes.sort()
    half, seen = sum(w for _, w in slopes) / 2, 0.0
    for angle, weight in slopes:
        seen += weight
        if seen >= half:
            return angle if abs(angle) <= MAX_TILT else 0.0
    return 0.0


def straighten(boxes: Sequence[TextBox]) -> list[TextBox]:
    """The boxes rotated so the text lines run level: a tilted phone photo groups into lines like a level one."""
    angle = tilt(boxes)
    if abs(angle) < 1e-3:
        return list(boxes)
    cos, sin = math.cos(-angle), math.sin(-angle)
    return [TextBox(tuple((x * cos - y * sin, x * sin + y * cos) for x, y in b.points), b.text, b.score) for b in boxes]


def tokenize_lines(boxes: Sequence[TextBox], units: UnitTable) -> tuple[list[list[Token]], list[str]]:
    """Tokens line by line in reading order, and each box's normalised text (positions straightened)."""
    texts = [normalize_box_text(b.text) for b in boxes]
    level = straighten(boxes)
    lines = []
    for line_no, indices in enumerate(group_lines(level)):
        line: list[Token] = []
        for i in indices:
            text_tokens = split_text(texts[i], units)
            in_photo = place_tokens(boxes[i], i, text_tokens, texts[i])
            for token, seen in zip(place_tokens(level[i], i, text_tokens, texts[i]), in_photo):
                token.line = line_no
                token.image_center = (seen.cx, (seen.y0 + seen.y1) / 2)
                line.append(token)
        lines.append(line)
    return lines, texts
