"""A lab's own instruments, synthetic: each keeps its layout, look and keys from photo to photo; only the
values and the photo (angle, light, blur, camera stamp) change. ``labels()`` is what a technician boxes
on them (values, units, mode words; not titles, buttons or camera stamps).

As unkind as a real lab (issue 27): the insulation tester's labels box its digits and not the `MΩ`
beside them; the temperature LCD has no labels at all; and the later photos (``later=True``: the ones
read after finetuning) come from other days: other ranges of values, harsher light and angles, and a
camera stamp on most of them. Labels and validation then see only the first session's photos.

Five instruments like the ones of a real lab: an insulation tester LCD, a red-LED ammeter, a red-LED
timer, an HMI table with tiny values like a contact-resistance tester's (boxes of about 19x8 px in a 508x381 photo) and a
big-digit temperature LCD.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace

import cv2
import numpy as np

from desktop.core.training.synth.fonts import FontSet
from desktop.core.training.synth.looks import LOOKS
from desktop.core.training.synth.photo import degrade
from desktop.core.training.synth.screen import (
    PARTIAL_LABEL_KINDS,
    Field,
    Region,
    ScreenSpec,
    SyntheticScreen,
    render_screen,
)
from desktop.core.training.synth.segments import SegmentStyle, can_render
from desktop.core.training.synth.text_sources import BY_KEY, random_value

HMI_SIZE = (508, 381)
HMI_ROWS = ("VOLT", "CURR", "FREQ")  # keys the reading rules know (R-RES reads as 压力)
HMI_BUTTONS = ("PRINT", "SAVE", "HEADER", "EXIT")
HMI_FONT = cv2.FONT_HERSHEY_SIMPLEX
HMI_VALUE_SCALE = 0.28  # 4-character values ink about 17x6 px: boxes of about 19x8 px
# Later photos, taken on other days: the photo effects this much stronger, and a camera stamp this often.
LATER_STRENGTH = 0.25
LATER_DATE_STAMP = 0.8


@dataclass(frozen=True)
class Instrument:
    name: str
    # the clean screen, values drawn from rng; later: in the ranges the first photos do not show
    screen: Callable[[random.Random, FontSet, bool], SyntheticScreen]
    photo_strength: float = 0.6
    boxed: tuple[str, ...] = PARTIAL_LABEL_KINDS  # the region kinds the lab's technician boxes
    labeled: bool = True  # False: nobody labels it, it must only not read worse


def photo(instrument: Instrument, seed: int | str, fonts: FontSet, later: bool = False) -> SyntheticScreen:
    rng = random.Random(f"{instrument.name}:{seed}")
    strength = min(instrument.photo_strength + LATER_STRENGTH * later, 1.0)
    return degrade(instrument.screen(rng, fonts, later), rng, fonts, strength,
                   date_stamp=LATER_DATE_STAMP if later else 0.3)


def labels(instrument: Instrument, screen: SyntheticScreen) -> list[Region]:
    """What the lab's technician boxes on one photo of ``instrument``."""
    return [r for r in screen.partial_regions() if r.kind in instrument.boxed]


def _ranged(quantity, later: bool):
    """The first photos show the first of a quantity's usual ranges (decimal places), later ones the others."""
    decimals = quantity.decimals[1:] if later and len(quantity.decimals) > 1 else quantity.decimals[:1]
    return replace(quantity, decimals=decimals)


def _segment_screen(look: str, style: SegmentStyle, keys: tuple[str, ...], units: tuple[str, ...],
                    size: tuple[int, int], title: str | None = None) -> Callable:
    def screen(rng: random.Random, fonts: FontSet, later: bool = False) -> SyntheticScreen:
        fields = []
        for key, unit in zip(keys, units):
            quantity = _ranged(BY_KEY[key], later)
            value = random_value(rng, quantity)
            while not can_render(value, style.kind):
                value = random_value(rng, quantity)
            fields.append((Field(value=value, key=key, unit=unit),))
        spec = ScreenSpec(rows=tuple(fields), look=LOOKS[look], style=style, title=title, size=size)
        return render_screen(spec, fonts, rng)

    return screen


def hmi_table_screen(rng: random.Random, _fonts: FontSet | None = None, later: bool = False) -> SyntheticScreen:
    """An HMI page like a contact-resistance tester's: a title, a table of tiny values, one per keyed
    row, and a row of buttons. Values are boxed at about 19x8 px in a 508x381 screen; later photos show
    values of 10-99.99 instead of 0-9.99."""
    width, height = HMI_SIZE
    image = np.full((height, width, 3), (92, 58, 28), np.uint8)  # the HMI's dark blue
    regions = [_hmi_text(image, "POWER MONITOR", (150, 40), 0.5, (255, 255, 255), "label"),
               _hmi_text(image, "PHASE", (110, 90), 0.35, (200, 230, 255), "label"),
               _hmi_text(image, "VALUE", (230, 90), 0.35, (200, 230, 255), "label")]
    readings = []
    for row, key in enumerate(HMI_ROWS):
        y = 125 + 30 * row
        cv2.line(image, (100, y + 9), (420, y + 9), (140, 110, 80), 1)
        regions.append(_hmi_text(image, key, (110, y), 0.35, (200, 230, 255), "key"))
        value = f"{rng.uniform(10, 99.99) if later else rng.uniform(0, 9.99):.2f}"
        regions.append(_hmi_text(image, value, (240, y), HMI_VALUE_SCALE, (255, 255, 255), "value"))
        readings.append((key, value, ""))
    for number, button in enumerate(HMI_BUTTONS):
        x0 = 30 + 120 * number
        cv2.rectangle(image, (x0, 320), (x0 + 90, 350), (180, 160, 140), -1)
        regions.append(_hmi_text(image, button, (x0 + 12, 340), 0.4, (40, 30, 20), "label"))
    return SyntheticScreen(image=image, regions=regions, readings=readings)


def _hmi_text(image: np.ndarray, text: str, origin: tuple[int, int], scale: float, colour, kind: str) -> Region:
    mask = np.zeros(image.shape[:2], np.uint8)
    cv2.putText(mask, text, origin, HMI_FONT, scale, 255, 1, cv2.LINE_AA)
    image[mask > 0] = (image[mask > 0] * (1 - mask[mask > 0, None] / 255)
                       + np.array(colour) * (mask[mask > 0, None] / 255)).astype(np.uint8)
    ys, xs = np.nonzero(mask > 64)
    x0, y0, x1, y1 = xs.min() - 1, ys.min() - 1, xs.max() + 2, ys.max() + 2
    points = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)
    return Region(text, points, kind)


def _seven(stroke: float, slant: float) -> SegmentStyle:
    return SegmentStyle(kind="seven", width=0.55, stroke=stroke, gap=0.02, spacing=0.18, slant=slant)


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("insulation-lcd", _segment_screen("lcd_grey", _seven(0.08, 6.0), ("绝缘电阻", "电压"), ("MΩ", "V"),
                                                 (640, 480), "INSULATION TESTER"), boxed=("value", "mode")),
    Instrument("ammeter-led", _segment_screen("led_red", _seven(0.15, 0.0), ("电流",), ("A",), (600, 400))),
    Instrument("timer-led", _segment_screen("led_red", _seven(0.14, 8.0), ("采样时间",), ("min",), (560, 380))),
    Instrument("hmi-table", hmi_table_screen, photo_strength=0.3),
    Instrument("temperature-lcd", _segment_screen("lcd_green", _seven(0.18, 0.0), ("温度",), ("℃",), (640, 480),
                                                  "TEMP"), labeled=False),
)
