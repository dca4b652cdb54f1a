"""Compose an instrument screen from a spec: rows of [key] [segment value] [unit] on a display glass.

The ground truth is one region per drawn text item, boxed like PaddleOCR boxes text: a key, a value,
a unit. A unit drawn glued to its value (``Field.glued``, no visible gap) is one region whose text is
value + unit ('778MΩ'); a unit with a gap is a region of its own.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import cv2
import numpy as np

from desktop.core.label_files import IGNORED_TEXT
from desktop.core.training.synth import looks as looks_mod
from desktop.core.training.synth.fonts import FontSet, text_mask
from desktop.core.training.synth.looks import Look
from desktop.core.training.synth.segments import SegmentStyle, ink_bbox, render_text
from desktop.core.training.synth.text_sources import BY_KEY

# What a region is. Display text: key, value, unit, mode (HOLD, PM, ARMS as a mode word), label (titles,
# column heads that are no key). Clutter, never a reading: overlay (camera stamp), case (printing on the
# instrument's case: maker, model, range legends, button labels), paper (a printed sheet beside it).
KINDS = ("key", "value", "unit", "label", "overlay", "mode", "case", "paper")
CLUTTER_KINDS = ("overlay", "case", "paper")
# What a technician boxes when labeling by hand: the values, their units and mode words.
PARTIAL_LABEL_KINDS = ("value", "unit", "mode")


@dataclass(frozen=True)
class Field:
    """One reading on the screen."""

    value: str
    key: str | None = None
    unit: str | None = None
    glued: bool = False   # unit right against the value: one region 'value+unit'
    cells: int = 0        # digit cells of the display (> digits: unlit leading '8' ghosts)


@dataclass(frozen=True)
class ScreenSpec:
    rows: tuple[tuple[Field, ...], ...]
    look: Look
    style: SegmentStyle
    title: str | None = None
    footer: str | None = None
    size: tuple[int, int] = (640, 480)   # width, height
    window: float = 0.88                 # share of the image the display glass covers
    key_scale: float = 0.42              # key font size / digit height
    unit_scale: float = 0.40             # unit font size / digit height
    unit_align: str = "bottom"           # 'bottom' | 'middle' | 'top' of the digits


@dataclass
class Region:
    text: str
    points: np.ndarray   # 4x2 float32, clockwise from top-left, image pixels
    kind: str            # one of KINDS
    reading: int | None = None   # index in SyntheticScreen.readings of the reading it is part of

    @property
    def clutter(self) -> bool:
        return self.kind in CLUTTER_KINDS

    @property
    def ignored(self) -> bool:
        """Text only partly in the photo ('###'): the detector may skip it, nothing reads it."""
        return self.text == IGNORED_TEXT

    def to_json(self) -> dict:
        out = {"text": self.text, "points": [[round(float(x), 1), round(float(y), 1)] for x, y in self.points],
               "kind": self.kind}
        if self.reading is not None:
            out["reading"] = self.reading
        return out


@dataclass
class SyntheticScreen:
    image: np.ndarray                                  # BGR uint8
    regions: list[Region]
    readings: list[tuple[str, str, str]] = field(default_factory=list)   # (key, value, unit)
    scene: str = "classic"   # the scene (look) it was drawn as: scenes.SCENE_NAMES

    def reading_regions(self) -> list[Region]:
        """Regions that are part of an expected reading (its key, value or unit)."""
        return [r for r in self.regions if r.reading is not None]

    def clutter_regions(self) -> list[Region]:
        return [r for r in self.regions if r.clutter]

    def partial_regions(self) -> list[Region]:
        """The regions a technician boxes: values, units and mode words on the display, nothing else."""
        return [r for r in self.regions if r.kind in PARTIAL_LABEL_KINDS and not r.ignored]


@dataclass
class _Item:
    text: str
    kind: str
    layer: str            # 'segments' | 'print'
    mask: np.ndarray
    ghost: np.ndarray | None
    bbox: tuple[int, int, int, int]   # lit ink box inside mask: the region
    extent: tuple[int, int, int, int]  # lit + ghost ink box: what the layout aligns
    x: float = 0.0                    # mask position in content coordinates
    y: float = 0.0
    reading: int | None = None        # the field (in reading order) it belongs to


def _drawable(text: str | None, fonts: FontSet) -> str | None:
    """The text to draw for a printed label: English stand-in or nothing when no font can draw it."""
    if not text or fonts.can_draw(text):
        return text
    q = BY_KEY.get(text)
    return q.english if q is not None and fonts.can_draw(q.english) else None


def _print_item(text: str, kind: str, size: float, fonts: FontSet) -> _Item:
    mask = text_mask(text, fonts.path_for(text), max(6, int(round(size))))
    box = ink_bbox(mask)
    return _Item(text, kind, "print", mask, None, box, box)


def _value_item(f: Field, style: SegmentStyle) -> _Item:
    r = render_text(f.value, style, f.cells)
    return _Item(f.value, "value", "segments", r.lit, r.ghost, r.bbox, ink_bbox(np.maximum(r.lit, r.ghost)))


def _build(spec: ScreenSpec, fonts: FontSet, digit_h: int):
    """Lay out every item at digit height ``digit_h``; returns items and the content size."""
    style = SegmentStyle(**{**spec.style.__dict__, "height": digit_h})
    d = float(digit_h)
    rows = []
    index = 0
    for row in spec.rows:
        cols = []
        for f in row:
            key = _drawable(f.key, fonts)
            unit = _drawable(f.unit, fonts)
            parts = (_print_item(key, "key", spec.key_scale * d, fonts) if key else None,
                     _value_item(f, style),
                     _print_item(unit, "unit", spec.unit_scale * d, fonts) if unit else None)
            for part in parts:
                if part is not None:
                    part.reading = index
            cols.append((*parts, f.glued))
            index += 1
        rows.append(cols)
    ncols = max(len(r) for r in rows)
    width = lambda it: (it.extent[2] - it.extent[0]) if it else 0  # noqa: E731
    key_w = [max(width(r[j][0]) for r in rows if j < len(r)) for j in range(ncols)]
    val_w = [max(width(r[j][1]) for r in rows if j < len(r)) for j in range(ncols)]
    unit_w = [max(width(r[j][2]) for r in rows if j < len(r)) for j in range(ncols)]
    margin, key_gap, unit_gap, col_gap = 0.35 * d, 0.3 * d, 0.14 * d, 0.7 * d
    glue_gap = 0.04 * d
    items: list[_Item] = []
    y = margin
    if spec.title and (title := _drawable(spec.title, fonts)):
        t = _print_item(title, "label", 0.4 * d, fonts)
        _place(t, margin, y)
        items.append(t)
        y += (t.extent[3] - t.extent[1]) + 0.35 * d
    right = margin
    for cols in rows:
        x = margin
        for j, (key, value, unit, glued) in enumerate(cols):
            top, bottom = y, y + d
            if key:
                kh = key.extent[3] - key.extent[1]
                _place(key, x, (top + bottom - kh) / 2)
                items.append(key)
            x += key_w[j] + (key_gap if key_w[j] else 0)
            vx = x + val_w[j] - width(value)
            _place(value, vx, top)
            items.append(value)
            x += val_w[j]
            if unit:
                uh = unit.extent[3] - unit.extent[1]
                uy = {"bottom": bottom - uh, "top": top, "middle": (top + bottom - uh) / 2}[spec.unit_align]
                ux = value.x + value.bbox[2] + glue_gap if glued else x + unit_gap
                _place(unit, ux, uy)
                items.append(unit)
                if glued:
                    unit.kind = "glued"
            x += unit_gap + unit_w[j] + col_gap
            right = max(right, x - col_gap)
        y += d * 1.45
    if spec.footer and (footer := _drawable(spec.footer, fonts)):
        t = _print_item(footer, "label", 0.3 * d, fonts)
        _place(t, margin, y - 0.2 * d)
        items.append(t)
        y += (t.extent[3] - t.extent[1])
    return items, (right + margin, y - 0.45 * d + margin)


def _place(item: _Item, ink_x: float, ink_y: float) -> None:
    """Position the item so that its extent starts at (ink_x, ink_y)."""
    item.x, item.y = ink_x - item.extent[0], ink_y - item.extent[1]


def _stamp(layer: np.ndarray, mask: np.ndarray, x: float, y: float, scale: float) -> None:
    """Max-blend ``mask`` scaled by ``scale`` at (x, y) into ``layer`` (sub-pixel exact via warpAffine)."""
    h, w = layer.shape
    m = np.float32([[scale, 0, x], [0, scale, y]])
    warped = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    np.maximum(layer, warped, out=layer)


def render_screen(spec: ScreenSpec, fonts: FontSet, rng: random.Random | None = None) -> SyntheticScreen:
    """Draw ``spec``; ``rng`` only varies the background shading (a fixed seed when None)."""
    rng = rng or random.Random(0)
    img_w, img_h = spec.size
    win_w, win_h = int(img_w * spec.window), int(img_h * spec.window)
    win_x, win_y = (img_w - win_w) // 2, (img_h - win_h) // 2
    nrows = len(spec.rows) + (0.6 if spec.title else 0) + (0.4 if spec.footer else 0)
    digit_h = max(12, int(win_h / (nrows * 1.45 + 0.3)))
    items, (cw, ch) = _build(spec, fonts, digit_h)
    scale = min(win_w / cw, win_h / ch)
    if scale < 0.97:  # too wide: lay out again at the size that fits, then scale the last bit
        digit_h = max(12, int(digit_h * scale))
        items, (cw, ch) = _build(spec, fonts, digit_h)
        scale = min(1.0, win_w / cw, win_h / ch)
    ox, oy = win_x + (win_w - cw * scale) / 2, win_y + (win_h - ch * scale) / 2

    lit = np.zeros((img_h, img_w), np.float32)
    ghost, printed = np.zeros_like(lit), np.zeros_like(lit)
    regions: list[Region] = []
    for it in items:
        x, y = ox + it.x * scale, oy + it.y * scale
        _stamp(lit if it.layer == "segments" else printed, it.mask, x, y, scale)
        if it.ghost is not None:
            _stamp(ghost, it.ghost, x, y, scale)
        x0, y0, x1, y1 = (np.array(it.bbox, np.float32) * scale) + [x, y, x, y]
        if it.kind == "glued":
            regions[-1] = _merge(regions[-1], it.text, (x0, y0, x1, y1))
        else:
            regions.append(Region(it.text, detector_box(x0, y0, x1, y1), it.kind, it.reading))

    canvas = np.empty((img_h, img_w, 3), np.float32)
    canvas[:] = np.asarray(spec.look.body, np.float32)
    canvas[win_y:win_y + win_h, win_x:win_x + win_w] = looks_mod.background(spec.look, win_h, win_w, rng)
    cv2.rectangle(canvas, (win_x - 1, win_y - 1), (win_x + win_w, win_y + win_h),
                  tuple(float(c) * 0.6 for c in spec.look.body), max(1, img_w // 200))
    looks_mod.paint(canvas, ghost, looks_mod.ghost_color(spec.look))
    looks_mod.paint(canvas, lit, spec.look.ink)
    looks_mod.paint(canvas, printed, spec.look.print_ink)
    looks_mod.add_glow(canvas, lit, spec.look, radius=digit_h * scale * 0.06)
    image = np.clip(canvas, 0, 255).astype(np.uint8)
    readings = [(_drawable(f.key, fonts) or "", f.value, f.unit or "") for row in spec.rows for f in row]
    return SyntheticScreen(image=image, regions=regions, readings=readings)


def detector_box(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """Axis-aligned box around ink, padded like a detector box (a little air around the glyphs)."""
    pad = max(1.5, 0.12 * (y1 - y0))
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)


def _merge(value: Region, unit_text: str, unit_ink: tuple) -> Region:
    """A value region grown to cover its glued unit: one box, text value + unit."""
    p = value.points
    pad = max(1.5, 0.12 * ((p[2, 1] - p[0, 1]) / 1.24))
    x1 = max(p[1, 0], unit_ink[2] + pad)
    y0, y1 = min(p[0, 1], unit_ink[1] - pad), max(p[2, 1], unit_ink[3] + pad)
    box = np.array([[p[0, 0], y0], [x1, y0], [x1, y1], [p[0, 0], y1]], np.float32)
    return Region(value.text + unit_text, box, "value", value.reading)
