"""The display's second look: detection run again on the display's region, at the size it reads best.

A phone photo is detected at its own size (a 508x381 photo on a 512x384 canvas). There the detector
misses what is far from the text sizes it learned: a clock LCD's thin-segment temperature, 100 px
high, is found only with the region shrunk to about 160 px high, and a table's 37x17 px values are read
more exactly enlarged (RapidOCR scales every photo's short side up to 736 px, ``limit_type: min``).
Enlarging the whole photo lost red LED panels (40 -> 24 %) and costs four times the detection. So, as
a person looks again closer at the display: the region the first pass's boxes outline (text at the
photo's edge, such as a camera stamp, left out) is detected again, shrunk when it is large, and
optionally (``enlarge``) enlarged as well when the first pass read small values in it. Its boxes join
the first pass's where the first pass found nothing, and the enlarged look's replace the first pass's
boxes of small values (``merge``); everything else keeps its first-pass box (enlarged, an LED panel's
segments fall apart, and a tighter box cut the `s` off a table's `ms`). The enlarged look is off by
default: on 20 synthetic photos of each look it read no value more, and on HMI tables it read three
differently (`20.79` as `208.79`) and added 0.1 extra readings a photo (docs/second-look.md).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

EDGE = 0.01  # a box this close to the photo's edge is a stamp or the frame's clutter, not the display
MARGIN = 0.5  # the region reaches this many tallest-box heights beyond the boxes (digits the first pass missed)
# The shrunk looks: the region's short side, in pixels. Big thin digits are found at some sizes and not
# at others a little apart (a clock LCD's 5.9 at 0.35-0.4, 0.45 and 0.6 times, not at 0.5 or 0.7). On 20
# synthetic photos per look, 120 alone read what 120 and 200 read (and 100, 130 and 200: one classic screen
# and LED panel more, one HMI table and clock fewer), at half the cost of two.
SHRINK_SIDES = (120,)
MAX_SHRINK = 0.8  # a region that would shrink less than this is seen well enough by the first pass
MAX_SCALE = 2.0  # the enlarged look: the region at most twice its size in the photo
MIN_GAIN = 1.3  # and at least this much larger than the first pass saw it
SMALL_TEXT = 24  # boxes lower than this (px in the photo) are small text: numbers are read again enlarged
SAME_TEXT = 0.5  # a box this much inside another is the same text
NEW_TEXT = 0.2  # a second-look box at most this much inside any first-pass box is text the first pass missed

# a value as a table shows it ("08.53", "08:53" misread, "-0.25"): not a date, a stamp or words on paper
_VALUE_RE = re.compile(r"[-+]?[\d.,:]*\d[\d.,:]*\d[\d.,:]*")

Detect = Callable[[np.ndarray], list[np.ndarray]]


@dataclass
class Look:
    """A second look's result: the first pass's boxes, then its own; those in the merged result; and for
    each of its boxes, the boxes it replaced."""

    boxes: list[np.ndarray]
    kept: set[int]
    displaced: dict[int, set[int]] = field(default_factory=dict)
    # a look's box that redraws one small number -> that box: its text is read from the look's (tighter)
    # crop and placed where the first pass drew it, so the reading layer's geometry stays the first pass's
    redraws: dict[int, int] = field(default_factory=dict)

    def settle(self, readable: set[int]) -> list[int]:
        """The merged result once the look's boxes are read: one that reads nothing gives its place back
        to the boxes it replaced (a redrawn unit the recogniser cannot read loses nothing)."""
        kept = set(self.kept)
        for index in sorted(self.displaced, reverse=True):
            if index in kept and index not in readable:
                kept.discard(index)
                kept |= self.displaced[index]
        return sorted(kept)


def _rect(quad: np.ndarray) -> tuple[float, float, float, float]:
    return float(quad[:, 0].min()), float(quad[:, 1].min()), float(quad[:, 0].max()), float(quad[:, 1].max())


def _inside(a: tuple, b: tuple) -> float:
    """The share of rectangle ``a`` that lies inside ``b``."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0) * max(h, 0) / max((a[2] - a[0]) * (a[3] - a[1]), 1e-6)


def display_region(quads: list[np.ndarray], height: int, width: int) -> tuple[int, int, int, int] | None:
    """(x0, y0, x1, y1) around the first pass's boxes away from the photo's edges, or None."""
    inner = [r for r in map(_rect, quads) if r[0] > EDGE * width and r[1] > EDGE * height
             and r[2] < (1 - EDGE) * width and r[3] < (1 - EDGE) * height]
    if not inner:
        return None
    margin = MARGIN * max(r[3] - r[1] for r in inner)
    x0, y0 = min(r[0] for r in inner) - margin, min(r[1] for r in inner) - margin
    x1, y1 = max(r[2] for r in inner) + margin, max(r[3] for r in inner) + margin
    return max(0, int(x0)), max(0, int(y0)), min(width, int(np.ceil(x1))), min(height, int(np.ceil(y1)))


def look_scales(region, small_numbers: bool, first_scale: float, max_side: int) -> list[float]:
    """The scales (photo pixels -> look pixels) the region is looked at again: shrunk when it is large,
    enlarged when the first pass read small numbers in it; none that would show nothing new."""
    x0, y0, x1, y1 = region
    scales = [shrink for shrink in (side / max(min(x1 - x0, y1 - y0), 1) for side in SHRINK_SIDES)
              if shrink <= MAX_SHRINK * first_scale]
    enlarge = min(MAX_SCALE, max_side / max(x1 - x0, y1 - y0, 1))
    if small_numbers and enlarge >= MIN_GAIN * first_scale:
        scales.append(enlarge)
    return scales


def _detect_region(detect: Detect, image: np.ndarray, region, scale: float) -> list[np.ndarray]:
    """Boxes found in the region at this scale, in photo pixels; boxes cut by the region's border
    (where it is not the photo's) are left out: their text goes on beyond it."""
    x0, y0, x1, y1 = region
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    seen = cv2.resize(image[y0:y1, x0:x1], None, fx=scale, fy=scale, interpolation=interpolation)
    height, width = image.shape[:2]
    border = (x0 > 0 and x0 + 1, y0 > 0 and y0 + 1, x1 < width and x1 - 1, y1 < height and y1 - 1)
    quads = []
    for quad in detect(seen):
        quad = quad / scale + np.array([x0, y0], np.float32)
        r = _rect(quad)
        cut = ((border[0] and r[0] <= border[0]) or (border[1] and r[1] <= border[1])
               or (border[2] and r[2] >= border[2]) or (border[3] and r[3] >= border[3]))
        if not cut:
            quads.append(quad)
    return quads


def merge(look: Look, second: list[np.ndarray], redrawn: set[int]) -> None:
    """Second-look boxes join the look where no kept box is (kept boxes inside such a box give way to
    it: a unit beside the digits it missed), and where they redraw boxes of ``redrawn`` (small numbers,
    replaced)."""
    for quad in second:
        rect = _rect(quad)
        rects = {i: _rect(look.boxes[i]) for i in look.kept}
        most = max((_inside(rect, r) for r in rects.values()), default=0.0)
        inner = {i for i, r in rects.items() if _inside(r, rect) >= SAME_TEXT}
        same = inner | {i for i, r in rects.items() if _inside(rect, r) >= SAME_TEXT}
        if most <= NEW_TEXT:
            replaced = inner
        elif same and same <= redrawn and rect[3] - rect[1] < SMALL_TEXT:
            replaced = same
            if len(same) == 1:
                look.redraws[len(look.boxes)] = next(iter(same))
        else:
            continue
        look.kept -= replaced
        look.displaced[len(look.boxes)] = replaced
        look.kept.add(len(look.boxes))
        look.boxes.append(quad)


def look_again(detect: Detect, image: np.ndarray, first: list[np.ndarray], texts: list[str],
               first_scale: float, max_side: int, enlarge: bool = False) -> Look:
    """The display looked at again (see the module's note); ``texts`` are the first pass's readings."""
    height, width = image.shape[:2]
    look = Look(list(first), set(range(len(first))))
    region = display_region(first, height, width)
    if region is None:
        return look
    small_numbers = {i for i, (quad, text) in enumerate(zip(first, texts))
                     if enlarge and _rect(quad)[3] - _rect(quad)[1] < SMALL_TEXT
                     and _VALUE_RE.fullmatch(text.replace(" ", "")) and _inside(_rect(quad), region) >= SAME_TEXT}
    for scale in look_scales(region, bool(small_numbers), first_scale, max_side):
        merge(look, _detect_region(detect, image, region, scale), small_numbers if scale > 1 else set())
    return look
