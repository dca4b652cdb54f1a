"""System fonts for printed labels: a CJK font for Chinese keys, a Latin one for units and titles.

No font is bundled. Without a CJK font the generator still works: it draws English keys instead.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

_FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"),
              str(Path.home() / ".local/share/fonts"), "C:/Windows/Fonts", "/System/Library/Fonts",
              "/Library/Fonts"]
CJK_FONT_NAMES = ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansCJK-Medium.ttc",
                  "wqy-microhei.ttc", "wqy-zenhei.ttc", "msyh.ttc", "simhei.ttf", "simsun.ttc",
                  "PingFang.ttc", "STHeiti Medium.ttc"]
LATIN_FONT_NAMES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf", "arial.ttf",
                    "Arial.ttf", "Helvetica.ttc"]


def find_font(names: list[str], dirs: list[str] | None = None) -> Path | None:
    """First file named in ``names`` (in that order of preference) under the font folders."""
    found: dict[str, Path] = {}
    for root in dirs if dirs is not None else _FONT_DIRS:
        if not os.path.isdir(root):
            continue
        for folder, _subdirs, files in os.walk(root):
            for name in files:
                found.setdefault(name.lower(), Path(folder) / name)
    for name in names:
        if name.lower() in found:
            return found[name.lower()]
    return None


@dataclass(frozen=True)
class FontSet:
    """The fonts the generator may draw with; ``cjk`` is None when the system has no Chinese font."""

    cjk: Path | None
    latin: Path | None

    def path_for(self, text: str) -> Path | None:
        if any(ord(c) > 0x2FFF for c in text):
            return self.cjk
        return self.latin or self.cjk

    def can_draw(self, text: str) -> bool:
        return self.path_for(text) is not None


@functools.lru_cache(maxsize=1)
def system_fonts() -> FontSet:
    """Fonts found on this machine (``LCDREADER_CJK_FONT`` / ``LCDREADER_LATIN_FONT`` override)."""
    cjk = os.environ.get("LCDREADER_CJK_FONT")
    latin = os.environ.get("LCDREADER_LATIN_FONT")
    return FontSet(cjk=Path(cjk) if cjk else find_font(CJK_FONT_NAMES),
                   latin=Path(latin) if latin else find_font(LATIN_FONT_NAMES))


@functools.lru_cache(maxsize=8)
def _face_index(path: str) -> int:
    """Index of the face to use in a font file: in a .ttc collection the Simplified Chinese one."""
    if not path.lower().endswith(".ttc"):
        return 0
    for index in range(10):
        try:
            name = " ".join(ImageFont.truetype(path, 12, index=index).getname())
        except OSError:
            break
        if " SC" in name:
            return index
    return 0


@functools.lru_cache(maxsize=128)
def _load(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=_face_index(path))


def text_mask(text: str, font_path: Path, size: int) -> np.ndarray:
    """Anti-aliased float32 mask of ``text`` with a small margin; ink in [0, 1]."""
    font = _load(str(font_path), int(size))
    x0, y0, x1, y1 = font.getbbox(text)
    pad = max(2, size // 8)
    img = Image.new("L", (x1 - x0 + 2 * pad, y1 - y0 + 2 * pad), 0)
    ImageDraw.Draw(img).text((pad - x0, pad - y0), text, font=font, fill=255)
    return np.asarray(img, np.float32) / 255.0


_VARIANT_WORDS = {"bold": ("bold",), "condensed": ("condensed",), "mono": ("mono",), "serif": ("serif",)}


@functools.lru_cache(maxsize=16)
def latin_variant(latin: Path | None, variant: str) -> Path | None:
    """A sibling of the Latin font in another style ('bold', 'condensed', 'mono', 'serif'): its family's file
    whose name says so and nothing odder (no oblique, no light); the Latin font itself when there is none."""
    if latin is None or variant not in _VARIANT_WORDS:
        return latin
    family = latin.stem.split("-")[0].lower().replace("sans", "")
    odd = ("oblique", "italic", "light", "math", "thin")
    candidates = []
    for path in sorted(latin.parent.glob("*.tt[fc]")):
        name = path.stem.lower()
        if family and not name.startswith(family):
            continue
        if all(w in name for w in _VARIANT_WORDS[variant]) and not any(w in name for w in odd):
            candidates.append(path)
    return min(candidates, key=lambda p: len(p.name)) if candidates else latin
