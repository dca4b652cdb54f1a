"""Procedural segment-display glyphs (seven-segment, fourteen-segment, 5x7 dot matrix), no font files.

A string is laid out as cells: one wide cell per character, a narrow decimal-point slot after every
seven/fourteen-segment digit (lit when the text has a '.' there, like real LCDs where the point
belongs to the digit before it) and a narrow colon cell. Segments are bevelled polygons filled
anti-aliased; the result is a float mask of lit ink, a float mask of the unlit ("ghost") segments and
the tight box of the lit ink.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

SEVEN_SEGMENTS: dict[str, str] = {
    "0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg", "5": "acdfg",
    "6": "acdefg", "7": "abc", "8": "abcdefg", "9": "abcdfg", "-": "g", " ": "", "_": "d",
    "A": "abcefg", "b": "cdefg", "C": "adef", "c": "deg", "d": "bcdeg", "E": "adefg", "F": "aefg",
    "H": "bcefg", "h": "cefg", "L": "def", "n": "ceg", "o": "cdeg", "P": "abefg", "r": "eg",
    "t": "defg", "U": "bcdef", "u": "cde",
}

FOURTEEN_SEGMENTS: dict[str, str] = {
    "0": "abcdefjk", "1": "bc", "2": "abdeg1g2", "3": "abcdg2", "4": "bcfg1g2", "5": "acdfg1g2",
    "6": "acdefg1g2", "7": "abc", "8": "abcdefg1g2", "9": "abcdfg1g2", "-": "g1g2", " ": "",
    "/": "jk", "A": "abcefg1g2", "B": "abcdg2il", "C": "adef", "D": "abcdil", "E": "adefg1",
    "F": "aefg1", "G": "acdefg2", "H": "bcefg1g2", "I": "adil", "J": "bcde", "K": "efg1jm",
    "L": "def", "M": "bcefhj", "N": "bcefhm", "O": "abcdef", "P": "abefg1g2", "R": "abefg1g2m",
    "S": "acdfg1g2", "T": "ail", "U": "bcdef", "V": "efjk", "W": "bcefkm", "X": "hjkm", "Y": "hjl",
    "Z": "adjk",
}
FOURTEEN_ALL = ("a", "b", "c", "d", "e", "f", "g1", "g2", "h", "i", "j", "k", "l", "m")

_DOT_ROWS: dict[str, tuple[int, ...]] = {
    "0": (14, 17, 19, 21, 25, 17, 14), "1": (4, 12, 4, 4, 4, 4, 14), "2": (14, 17, 1, 2, 4, 8, 31),
    "3": (31, 2, 4, 2, 1, 17, 14), "4": (2, 6, 10, 18, 31, 2, 2), "5": (31, 16, 30, 1, 1, 17, 14),
    "6": (6, 8, 16, 30, 17, 17, 14), "7": (31, 1, 2, 4, 8, 8, 8), "8": (14, 17, 17, 14, 17, 17, 14),
    "9": (14, 17, 17, 15, 1, 2, 12), "-": (0, 0, 0, 31, 0, 0, 0), " ": (0,) * 7,
    "/": (0, 1, 2, 4, 8, 16, 0), "%": (24, 25, 2, 4, 8, 19, 3), "A": (14, 17, 17, 17, 31, 17, 17),
    "C": (14, 17, 16, 16, 16, 17, 14), "E": (31, 16, 16, 30, 16, 16, 31),
    "H": (17, 17, 17, 31, 17, 17, 17), "K": (17, 18, 20, 24, 20, 18, 17),
    "L": (16, 16, 16, 16, 16, 16, 31), "M": (17, 27, 21, 21, 17, 17, 17),
    "O": (14, 17, 17, 17, 17, 17, 14), "P": (30, 17, 17, 30, 16, 16, 16),
    "R": (30, 17, 17, 30, 20, 18, 17), "S": (15, 16, 16, 14, 1, 1, 30), "T": (31, 4, 4, 4, 4, 4, 4),
    "V": (17, 17, 17, 17, 17, 10, 4), "X": (17, 17, 10, 4, 10, 17, 17),
    "a": (0, 0, 14, 1, 15, 17, 15), "k": (16, 16, 18, 20, 24, 20, 18), "m": (0, 0, 26, 21, 21, 17, 17),
    "s": (0, 0, 14, 16, 14, 1, 30), "z": (0, 0, 31, 2, 4, 8, 31), "i": (4, 0, 12, 4, 4, 4, 14),
    "n": (0, 0, 22, 25, 17, 17, 17), ".": (0, 0, 0, 0, 0, 12, 12), ":": (0, 12, 12, 0, 12, 12, 0),
}

_KINDS = ("seven", "fourteen", "dots")
_AA_SHIFT = 3  # sub-pixel bits for cv2.fillPoly


@dataclass(frozen=True)
class SegmentStyle:
    """Geometry of a segment display; lengths are fractions of the digit height."""

    kind: str = "seven"          # 'seven' | 'fourteen' | 'dots'
    height: int = 64             # digit height in pixels
    width: float = 0.55          # cell width
    stroke: float = 0.13         # segment thickness (dots: dot size relative to the pitch)
    gap: float = 0.015           # gap between neighbouring segments
    spacing: float = 0.16        # space between cells
    slant: float = 0.0           # italic slant in degrees, positive leans right

    def __post_init__(self):
        if self.kind not in _KINDS:
            raise ValueError(f"unknown segment kind {self.kind!r}")


@dataclass(frozen=True)
class Cell:
    """One laid-out cell: the character it shows ('8' for a ghost-only cell), its lit segments and x range."""

    char: str
    kind: str        # 'glyph' | 'dp' | 'colon'
    lit: frozenset
    x0: float
    x1: float


@dataclass
class RenderedText:
    lit: np.ndarray                   # float32 HxW in [0, 1]
    ghost: np.ndarray                 # float32 HxW in [0, 1], unlit segments only
    bbox: tuple[int, int, int, int]   # x0, y0, x1, y1 (exclusive) of the lit ink
    cells: list[Cell] = field(default_factory=list)


def supported_chars(kind: str) -> set[str]:
    table = {"seven": SEVEN_SEGMENTS, "fourteen": FOURTEEN_SEGMENTS, "dots": _DOT_ROWS}[kind]
    return set(table) | {".", ":"}


def can_render(text: str, kind: str) -> bool:
    return bool(text) and set(text) <= supported_chars(kind)


def _hbar(x0, x1, y, t):
    h = t / 2
    return [(x0, y), (x0 + h, y - h), (x1 - h, y - h), (x1, y), (x1 - h, y + h), (x0 + h, y + h)]


def _vbar(x, y0, y1, t):
    h = t / 2
    return [(x, y0), (x + h, y0 + h), (x + h, y1 - h), (x, y1), (x - h, y1 - h), (x - h, y0 + h)]


def _diag(p0, p1, t, gap):
    (x0, y0), (x1, y1) = p0, p1
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    x0, y0, x1, y1 = x0 + ux * gap, y0 + uy * gap, x1 - ux * gap, y1 - uy * gap
    nx, ny = -uy * t / 2, ux * t / 2
    return [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)]


def _segment_polygons(kind: str, w: float, h: float, t: float, g: float) -> dict[str, list]:
    """Segment polygons of one cell, origin at its top-left, before slant."""
    xl, xr, yt, ym, yb = t / 2, w - t / 2, t / 2, h / 2, h - t / 2
    polys = {
        "a": _hbar(xl + g, xr - g, yt, t), "d": _hbar(xl + g, xr - g, yb, t),
        "b": _vbar(xr, yt + g, ym - g, t), "c": _vbar(xr, ym + g, yb - g, t),
        "e": _vbar(xl, ym + g, yb - g, t), "f": _vbar(xl, yt + g, ym - g, t),
    }
    if kind == "seven":
        polys["g"] = _hbar(xl + g, xr - g, ym, t)
        return polys
    xc = w / 2
    polys.update({
        "g1": _hbar(xl + g, xc - g, ym, t), "g2": _hbar(xc + g, xr - g, ym, t),
        "i": _vbar(xc, yt + g, ym - g, t * 0.9), "l": _vbar(xc, ym + g, yb - g, t * 0.9),
    })
    d = t * 0.8
    inner = t * 1.1
    polys["h"] = _diag((xl + inner, yt + inner), (xc - t * 0.6, ym - t * 0.6), d, g)
    polys["j"] = _diag((xr - inner, yt + inner), (xc + t * 0.6, ym - t * 0.6), d, g)
    polys["k"] = _diag((xl + inner, yb - inner), (xc - t * 0.6, ym + t * 0.6), d, g)
    polys["m"] = _diag((xr - inner, yb - inner), (xc + t * 0.6, ym + t * 0.6), d, g)
    return polys


def _dot_polygons(w: float, h: float, fill: float) -> dict[tuple[int, int], list]:
    pitch_x, pitch_y = w / 5, h / 7
    r = min(pitch_x, pitch_y) * fill / 2
    out = {}
    for row in range(7):
        for col in range(5):
            cx, cy = (col + 0.5) * pitch_x, (row + 0.5) * pitch_y
            out[(row, col)] = [(cx + r * math.cos(a), cy + r * math.sin(a))
                               for a in np.linspace(0, 2 * math.pi, 8, endpoint=False) + math.pi / 8]
    return out


def _layout(text: str, style: SegmentStyle, field_cells: int) -> list[Cell]:
    """Cells left to right; a '.' lights the slot of the digit before it; ghost cells pad to field_cells."""
    h = style.height
    cw, gap = style.width * h, style.spacing * h
    dp_w = style.stroke * h * 1.4 if style.kind != "dots" else 0.0
    glyphs: list[tuple[str, bool]] = []  # (char, point after it)
    colons: set[int] = set()
    for ch in text:
        if ch == "." and glyphs and style.kind != "dots":
            glyphs[-1] = (glyphs[-1][0], True)
        elif ch == ":" and style.kind != "dots":
            colons.add(len(glyphs))
        else:
            glyphs.append((ch, False))
    ghosts = max(0, field_cells - len(glyphs))
    glyphs = [("8", False)] * ghosts + glyphs
    colons = {c + ghosts for c in colons}
    cells: list[Cell] = []
    x = 0.0
    for i, (ch, point) in enumerate(glyphs + [("", False)]):
        if i in colons:
            cells.append(Cell(":", "colon", frozenset({"colon"}), x, x + max(dp_w, 0.18 * h)))
            x = cells[-1].x1 + gap * 0.6
        if not ch:
            break
        lit = frozenset() if i < ghosts else _lit_segments(ch, style.kind)
        cells.append(Cell(" " if i < ghosts else ch, "glyph", lit, x, x + cw))
        x += cw
        if dp_w:
            cells.append(Cell("." if point else "", "dp", frozenset({"dp"}) if point else frozenset(), x, x + dp_w))
            x += dp_w
        x += gap
    return cells


def _lit_segments(ch: str, kind: str) -> frozenset:
    if kind == "seven":
        return frozenset(SEVEN_SEGMENTS[ch])
    if kind == "fourteen":
        code, segs = FOURTEEN_SEGMENTS[ch], set()
        for name in sorted(FOURTEEN_ALL, key=len, reverse=True):
            if name in code:
                segs.add(name)
                code = code.replace(name, "")
        return frozenset(segs)
    return frozenset((r, c) for r, bits in enumerate(_DOT_ROWS[ch]) for c in range(5) if bits >> (4 - c) & 1)


def _all_segments(kind: str, w: float, h: float, t: float, g: float, fill: float) -> dict:
    if kind == "dots":
        return _dot_polygons(w, h, fill)
    return _segment_polygons(kind, w, h, t, g)


def _fill(mask: np.ndarray, polys: list[np.ndarray]) -> None:
    if polys:
        pts = [np.round(p * (1 << _AA_SHIFT)).astype(np.int32) for p in polys]
        cv2.fillPoly(mask, pts, 255, lineType=cv2.LINE_AA, shift=_AA_SHIFT)


def render_text(text: str, style: SegmentStyle, field_cells: int = 0) -> RenderedText:
    """Render ``text`` as a segment display; ``field_cells`` > len pads with unlit leading '8' cells."""
    if not can_render(text, style.kind):
        raise ValueError(f"{style.kind}-segment display cannot show {text!r}")
    h = style.height
    t = max(1.0, style.stroke * h)
    g = style.gap * h
    cells = _layout(text, style, field_cells)
    shear = math.tan(math.radians(style.slant))
    margin = max(2.0, t)
    width = cells[-1].x1 + abs(shear) * h + 2 * margin
    size = (int(math.ceil(h + 2 * margin)), int(math.ceil(width)))
    lit_mask, ghost_mask = np.zeros(size, np.uint8), np.zeros(size, np.uint8)
    glyph = _all_segments(style.kind, style.width * h, h, t, g, min(0.95, 0.45 + style.stroke * 3))
    x_off = margin + (abs(shear) * h if shear < 0 else 0.0)

    def place(poly, cell_x):
        p = np.asarray(poly, np.float64)
        p[:, 0] += cell_x + x_off + shear * (h - p[:, 1])
        p[:, 1] += margin
        return p

    lit_polys, ghost_polys = [], []
    for cell in cells:
        if cell.kind == "glyph":
            for name, poly in glyph.items():
                (lit_polys if name in cell.lit else ghost_polys).append(place(poly, cell.x0))
        else:
            dots = _point_dots(cell, h, t)
            (lit_polys if cell.lit else ghost_polys).extend(place(d, 0.0) for d in dots)
    _fill(lit_mask, lit_polys)
    _fill(ghost_mask, ghost_polys)
    lit = lit_mask.astype(np.float32) / 255.0
    ghost = np.clip(ghost_mask.astype(np.float32) / 255.0 - lit, 0.0, 1.0)
    return RenderedText(lit=lit, ghost=ghost, bbox=ink_bbox(lit), cells=cells)


def _point_dots(cell: Cell, h: float, t: float) -> list[list]:
    """Square-ish dots of a decimal point (bottom of its slot) or a colon (two, at 1/3 and 2/3)."""
    s = min(cell.x1 - cell.x0, t * 1.15)
    cx = (cell.x0 + cell.x1) / 2
    ys = [h - s / 2] if cell.kind == "dp" else [h * 0.3, h * 0.7]
    return [[(cx - s / 2, y - s / 2), (cx + s / 2, y - s / 2), (cx + s / 2, y + s / 2), (cx - s / 2, y + s / 2)]
            for y in ys]


def ink_bbox(mask: np.ndarray, threshold: float = 0.25) -> tuple[int, int, int, int]:
    """Tight box (x0, y0, x1, y1), exclusive end, of mask pixels above threshold; zeros if empty."""
    ys, xs = np.nonzero(mask > threshold)
    if len(xs) == 0:
        return (0, 0, 0, 0)
    return (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
