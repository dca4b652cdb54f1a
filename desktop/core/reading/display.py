"""The display: which of the values found are on the instrument's screen, and which is its main value.

A photo shows more than the screen: the case's printing (a model name, range legends such as 125V,
button labels), a paper sheet beside it. With no template region to go by, the screen is found from
box geometry: its main value is the tallest number, and what sits on the screen is drawn at a
comparable size. Small loose numbers are printing, not readings, and a key with no value is reported
only as a row of the screen's key list (its value missed), not as a word on the case or on paper.
"""
from __future__ import annotations

from collections.abc import Sequence

from desktop.core.ocr.types import TextBox
from desktop.core.reading.keys import clean_key_text
from desktop.core.reading.pairing import KeyItem, Pair
from desktop.core.reading.templates import Template
from desktop.core.reading.tokens import NUMBER, UNIT
from desktop.core.reading.units import load_units

SAME_SIZE = 0.8  # digits this close in box height are drawn at one size
KEYLESS_SHARE = 0.5  # a number with no key is on the screen when at least half as tall as the main value
# A keyless percentage may be smaller: a thermo-hygrometer's humidity digits are a third to a half as tall
# as its temperature ("23.5℃" over "45%RH"). Only percentages: with any unit, an insulation tester's range
# legends ("250V 500V 1000V" around its knob) became readings.
KEYLESS_PERCENT_SHARE = 0.3
KEYED_SHARE = 0.2  # a keyed value at least a fifth as tall (print on paper beside it is smaller)
LIST_HEIGHT_RATIO = 1.6  # a lone key is at most this much taller or smaller than the keys read beside it
LIST_ROWS = 4.0  # and within this many key heights of one of them


def outside_template_display(boxes: Sequence[TextBox], template: Template, image_size) -> set[int]:
    """Boxes whose centre lies outside the display region the template names (none without one)."""
    if template.display is None or not image_size:
        return set()
    width, height = image_size
    x0, y0, x1, y1 = template.display
    return {i for i, b in enumerate(boxes)
            if not (x0 <= b.center[0] / width <= x1 and y0 <= b.center[1] / height <= y1)}


def main_value(pairs: list[Pair]) -> Pair | None:
    """The display's main value: the number with the tallest digits. Digits of one size give OCR boxes
    a few pixels apart, so among those as tall as the tallest, the first in reading order is the main one."""
    numbers = [p for p in pairs if p.value is not None and p.value.kind == NUMBER]
    if not numbers:
        return None
    tallest = max(p.value.height for p in numbers)
    return min((p for p in numbers if p.value.height >= SAME_SIZE * tallest), key=lambda p: (p.value.line, p.value.x0))


def on_display(pairs: list[Pair], main: Pair | None, texts: list[str]) -> list[Pair]:
    """The pairs that belong to the screen around ``main`` (all of them when there is no value)."""
    if main is None:
        return pairs
    kept = [p for p in pairs if p is main or (p.value is not None or p.text_tokens) and _drawn_on_screen(p, main)]
    keys = [p.key for p in kept if p.key is not None]
    return [p for p in pairs if p in kept or (p.value is None and not p.text_tokens and _whole_box(p, texts)
                                              and any(_same_list(p.key, key) for key in keys))]


def _same_list(lone: KeyItem, key: KeyItem) -> bool:
    """A key whose value was missed is a row of the screen's key list: as tall as a read key and in
    its column or its row, within a few rows of it."""
    if not 1 / LIST_HEIGHT_RATIO <= lone.height / key.height <= LIST_HEIGHT_RATIO:
        return False
    size = max(lone.height, key.height)
    same_column = abs(lone.x0 - key.x0) <= size and abs(lone.y0 - key.y0) <= LIST_ROWS * size
    gap = min(abs(lone.x0 - key.x1), abs(key.x0 - lone.x1))
    same_row = min(lone.y1, key.y1) > max(lone.y0, key.y0) and gap <= LIST_ROWS * size
    return same_column or same_row


def _drawn_on_screen(pair: Pair, main: Pair) -> bool:
    size = main.value.height
    own = [t for t in (pair.value, pair.unit) if t is not None] + pair.text_tokens
    height = max(t.height for t in own)
    if pair.key is None:
        return height >= (KEYLESS_PERCENT_SHARE if _is_percentage(pair) else KEYLESS_SHARE) * size
    return height >= KEYED_SHARE * size


def _is_percentage(pair: Pair) -> bool:
    return pair.unit is not None and pair.unit.kind == UNIT and load_units().quantity_of(pair.unit.unit) == "fraction"


def _whole_box(pair: Pair, texts: list[str]) -> bool:
    """A lone key that is all of its box's text; one word of a phrase ("Contact Resistance") is a title."""
    key_text = clean_key_text("".join(t.text for t in pair.key.tokens))
    box_text = clean_key_text("".join(texts[i] for i in sorted({t.box for t in pair.key.tokens})))
    return key_text == box_text
