"""The display: which of the values found are on the instrument's screen, and which is its main value.

A photo shows more than the screen: the case's printing (a model name, range legends such as 125V,
button labels), a paper sheet beside it. With no template region to go by, the screen is found from
box geometry: its main value is the tallest number, and what sits on the screen is drawn at a
comparable size. Small loose numbers and key words far from the values are printing, not readings.
"""
from __future__ import annotations

from typing import Sequence

from desktop.core.ocr.types import TextBox
from desktop.core.reading.keys import clean_key_text
from desktop.core.reading.pairing import Pair
from desktop.core.reading.templates import Template
from desktop.core.reading.tokens import NUMBER

KEYLESS_SHARE = 0.5  # a number with no key is on the screen when at least half as tall as the main value
KEYED_SHARE = 0.2  # a keyed value, or a lone key, at least a fifth as tall (paper print is smaller)
DISPLAY_MARGIN = 1.0  # a lone key lies within this many main-value heights of the screen's values


def outside_template_display(boxes: Sequence[TextBox], template: Template, image_size) -> set[int]:
    """Boxes whose centre lies outside the display region the template names (none without one)."""
    if template.display is None or not image_size:
        return set()
    width, height = image_size
    x0, y0, x1, y1 = template.display
    return {i for i, b in enumerate(boxes)
            if not (x0 <= b.center[0] / width <= x1 and y0 <= b.center[1] / height <= y1)}


def main_value(pairs: list[Pair]) -> Pair | None:
    """The display's main value: the number with the tallest digits (the wider one on a tie)."""
    numbers = [p for p in pairs if p.value is not None and p.value.kind == NUMBER]
    if not numbers:
        return None
    return max(numbers, key=lambda p: (p.value.height, p.value.x1 - p.value.x0))


def on_display(pairs: list[Pair], main: Pair | None, texts: list[str]) -> list[Pair]:
    """The pairs that belong to the screen around ``main`` (all of them when there is no value)."""
    if main is None:
        return pairs
    size = main.value.height
    kept = [p for p in pairs if p is main or _drawn_on_screen(p, size)]
    valued = [p for p in kept if p.value is not None or p.text_tokens]
    x0 = min(t.x0 for p in valued for t in p.tokens) - DISPLAY_MARGIN * size
    x1 = max(t.x1 for p in valued for t in p.tokens) + DISPLAY_MARGIN * size
    y0 = min(t.y0 for p in valued for t in p.tokens) - DISPLAY_MARGIN * size
    y1 = max(t.y1 for p in valued for t in p.tokens) + DISPLAY_MARGIN * size
    return [p for p in kept if p in valued or (
        _whole_box(p, texts) and all(x0 <= t.x0 and t.x1 <= x1 and y0 <= t.y0 and t.y1 <= y1 for t in p.tokens))]


def _drawn_on_screen(pair: Pair, size: float) -> bool:
    own = [t for t in (pair.value, pair.unit) if t is not None] + pair.text_tokens
    height = max(t.height for t in own) if own else max(t.height for t in pair.key.tokens)
    if pair.key is None:
        return height >= KEYLESS_SHARE * size
    return height >= KEYED_SHARE * size


def _whole_box(pair: Pair, texts: list[str]) -> bool:
    """A lone key that is all of its box's text; one word of a phrase ("Contact Resistance") is a title."""
    key_text = clean_key_text("".join(t.text for t in pair.key.tokens))
    box_text = clean_key_text("".join(texts[i] for i in sorted({t.box for t in pair.key.tokens})))
    return key_text == box_text
