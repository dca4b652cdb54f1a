"""A flat instrument front panel, drawn item by item in photo pixels: case, display glass, printing, digits.

Every text drawn is recorded as a Region with its kind (screen.KINDS) and, when it is part of an expected
reading, that reading's index. Positions are given by an anchor on the ink box: ``anchor=(1, 1)`` puts the
ink's bottom-right corner at (x, y).
"""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import cv2
import numpy as np

from desktop.core.training.synth import looks as looks_mod
from desktop.core.training.synth.fonts import FontSet, latin_variant, text_mask
from desktop.core.training.synth.looks import Look
from desktop.core.training.synth.screen import Region, SyntheticScreen, detector_box
from desktop.core.training.synth.segments import SegmentStyle, ink_bbox, render_text

Box = tuple[float, float, float, float]   # x0, y0, x1, y1 of ink


class Panel:
    def __init__(self, width: int, height: int, color, rng: random.Random, fonts: FontSet, texture: float = 3.0):
        self.width, self.height = int(width), int(height)
        self.fonts = fonts
        self.rng = rng
        self.image = np.empty((self.height, self.width, 3), np.float32)
        self.image[:] = np.asarray(color, np.float32)
        if texture > 0:  # moulded plastic / brushed metal: low-frequency mottling
            small = np.random.default_rng(rng.getrandbits(32)).normal(0, texture, (max(2, self.height // 8),
                                                                                   max(2, self.width // 8)))
            self.image += cv2.resize(small.astype(np.float32), (self.width, self.height))[..., None]
        self.alpha = np.ones((self.height, self.width), np.float32)   # where the panel is (rounded corners)
        self.regions: list[Region] = []
        self.readings: list[tuple[str, str, str]] = []

    # ------------------------------------------------------------------ shapes

    def box(self, x0: float, y0: float, x1: float, y1: float, color, radius: float = 0.0,
            border=None, border_width: int = 1) -> None:
        """A filled (rounded) rectangle: a bezel, a button, a window."""
        x0, y0, x1, y1 = (int(round(v)) for v in (x0, y0, x1, y1))
        _rounded_rect(self.image, x0, y0, x1, y1, tuple(float(c) for c in color), radius)
        if border is not None:
            cv2.rectangle(self.image, (x0, y0), (x1, y1), tuple(float(c) for c in border), border_width, cv2.LINE_AA)

    def shape_case(self, radius: float, bevel: float) -> None:
        """Round the case's corners and light its moulded edge: brighter at the top, darker at the bottom."""
        mask = np.zeros((self.height, self.width), np.float32)
        _rounded_rect(mask, 0, 0, self.width - 1, self.height - 1, 1.0, radius)
        self.alpha = mask
        if bevel >= 1:
            inside = cv2.distanceTransform((mask > 0.5).astype(np.uint8), cv2.DIST_L2, 3)
            ramp = np.linspace(1.0, -1.0, self.height, dtype=np.float32)[:, None]
            self.image *= (1.0 + 0.25 * np.exp(-inside / bevel) * ramp)[..., None]

    def glass(self, x0: float, y0: float, x1: float, y1: float, look: Look) -> None:
        """A display window with the look's background (shading and backlight falloff), sometimes a
        reflection across it."""
        x0, y0, x1, y1 = (int(round(v)) for v in (x0, y0, x1, y1))
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(self.width, x1), min(self.height, y1)
        if x1 - x0 <= 1 or y1 - y0 <= 1:
            return
        self.image[y0:y1, x0:x1] = looks_mod.background(look, y1 - y0, x1 - x0, self.rng)
        if self.rng.random() < 0.35:
            h, w = y1 - y0, x1 - x0
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            angle = self.rng.uniform(0.3, 1.2)
            across = (xx * np.cos(angle) + yy * np.sin(angle)) - self.rng.uniform(0, w + h)
            band = np.exp(-(across / (self.rng.uniform(0.05, 0.25) * (w + h))) ** 2) * self.rng.uniform(12, 45)
            self.image[y0:y1, x0:x1] += band[..., None]

    # ------------------------------------------------------------------ text

    def reading(self, key: str, value: str, unit: str) -> int:
        """Record an expected reading; returns the index its regions refer to."""
        self.readings.append((key, value, unit))
        return len(self.readings) - 1

    def text(self, text: str, x: float, y: float, size: float, color, kind: str, *, anchor=(0.0, 0.0),
             variant: str = "", reading: int | None = None) -> Box | None:
        """Print ``text`` (font size ``size`` px); None when no font can draw it or it would not fit."""
        path = self._font(text, variant)
        if path is None or not text.strip():
            return None
        mask = text_mask(text, path, max(5, int(round(size))))
        return self._put(text, mask, None, x, y, anchor, color, None, kind, reading)

    def digits(self, text: str, style: SegmentStyle, x: float, y: float, ink, ghost=None, *, kind: str = "value",
               anchor=(0.0, 0.0), cells: int = 0, glow: float = 0.0, reading: int | None = None) -> Box | None:
        """Segment digits (with unlit ghost segments in colour ``ghost`` when given)."""
        r = render_text(text, style, cells)
        ghost_mask = r.ghost if ghost is not None else None
        return self._put(text, r.lit, ghost_mask, x, y, anchor, ink, ghost, kind, reading, glow=glow,
                         extent=ink_bbox(np.maximum(r.lit, r.ghost)) if ghost is not None else None)

    def measure(self, text: str, size: float, variant: str = "") -> tuple[int, int]:
        """Width and height of the ink of ``text`` at ``size`` (0, 0 when it cannot be drawn)."""
        path = self._font(text, variant)
        if path is None:
            return 0, 0
        x0, y0, x1, y1 = ink_bbox(text_mask(text, path, max(5, int(round(size)))))
        return x1 - x0, y1 - y0

    def _font(self, text: str, variant: str) -> Path | None:
        path = self.fonts.path_for(text)
        if variant and path is not None and path == self.fonts.latin:
            return latin_variant(path, variant)
        return path

    def _put(self, text, mask, ghost_mask, x, y, anchor, color, ghost_color, kind, reading, *, glow=0.0,
             extent=None) -> Box | None:
        bx0, by0, bx1, by1 = ink_bbox(mask)
        if bx1 <= bx0:
            return None
        ex0, ey0, ex1, ey1 = extent or (bx0, by0, bx1, by1)   # what the anchor aligns: ink plus ghosts
        ox = int(round(x - ex0 - anchor[0] * (ex1 - ex0)))
        oy = int(round(y - ey0 - anchor[1] * (ey1 - ey0)))
        mh, mw = mask.shape
        if ox + bx0 < 0 or oy + by0 < 0 or ox + bx1 > self.width or oy + by1 > self.height:
            return None
        sx0, sy0 = max(0, -ox), max(0, -oy)
        sx1, sy1 = min(mw, self.width - ox), min(mh, self.height - oy)
        window = self.image[oy + sy0:oy + sy1, ox + sx0:ox + sx1]
        if ghost_mask is not None:
            looks_mod.paint(window, ghost_mask[sy0:sy1, sx0:sx1], ghost_color)
        lit = mask[sy0:sy1, sx0:sx1]
        looks_mod.paint(window, lit, color)
        if glow > 0:
            self._glow(lit, ox + sx0, oy + sy0, color, glow, (by1 - by0) * 0.08)
        ink = (ox + bx0, oy + by0, ox + bx1, oy + by1)
        self.regions.append(Region(text, detector_box(*ink), kind, reading))
        return ink

    def _glow(self, lit: np.ndarray, x: int, y: int, color, amount: float, radius: float) -> None:
        """LED bloom around the lit ink (in place), spreading a few radii beyond the mask."""
        m = int(3 * radius) + 1
        x0, y0 = max(0, x - m), max(0, y - m)
        x1, y1 = min(self.width, x + lit.shape[1] + m), min(self.height, y + lit.shape[0] + m)
        big = np.zeros((y1 - y0, x1 - x0), np.float32)
        big[y - y0:y - y0 + lit.shape[0], x - x0:x - x0 + lit.shape[1]] = lit
        halo = cv2.GaussianBlur(big, (0, 0), max(0.5, radius))
        self.image[y0:y1, x0:x1] += (halo * amount)[..., None] * np.asarray(color, np.float32) * 0.8

    def screen(self, scene: str) -> SyntheticScreen:
        return SyntheticScreen(image=self.image, regions=self.regions, readings=self.readings, scene=scene)


def _rounded_rect(img: np.ndarray, x0: int, y0: int, x1: int, y1: int, color, radius: float) -> None:
    r = int(max(0, min(radius, (x1 - x0) / 2, (y1 - y0) / 2)))
    cv2.rectangle(img, (x0 + r, y0), (x1 - r, y1), color, -1, cv2.LINE_AA)
    cv2.rectangle(img, (x0, y0 + r), (x1, y1 - r), color, -1, cv2.LINE_AA)
    if r:
        for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
            cv2.circle(img, (cx, cy), r, color, -1, cv2.LINE_AA)


def fit_digits(text: str, style: SegmentStyle, max_width: float, cells: int = 0) -> SegmentStyle:
    """``style`` with its digit height lowered (never raised) so that ``text`` spans at most ``max_width``."""
    r = render_text(text, style, cells)
    x0, _, x1, _ = ink_bbox(np.maximum(r.lit, r.ghost))
    if x1 - x0 <= max_width:
        return style
    return dataclasses.replace(style, height=max(8, int(style.height * max_width / (x1 - x0))))
