"""Write a synthetic dataset in PaddleOCR label formats: det (``det_gt.txt``) and rec (``rec_gt.txt``).

Layout of ``out_dir``::

    images/000000.png   det_gt.txt: images/000000.png<TAB>[{"transcription": "...", "points": [[x, y] x4]}]
    crops/000000_00.png rec_gt.txt: crops/000000_00.png<TAB>text

Rec crops are cut with ``crop_text_region``, the same cut the engine makes at inference.
Image ``i`` depends only on (seed, i): the same seed gives the same bytes.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2

from desktop.core.labels import format_det_line, format_rec_line
from desktop.core.ocr.crop import crop_text_region
from desktop.core.training.synth.fonts import FontSet, system_fonts
from desktop.core.training.synth.photo import degrade
from desktop.core.training.synth.scenarios import random_spec
from desktop.core.training.synth.screen import SyntheticScreen, render_screen

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

DET_LABELS = "det_gt.txt"
REC_LABELS = "rec_gt.txt"
MIN_CROP_SIDE = 4


@dataclass
class DatasetSummary:
    out_dir: Path
    images: int
    crops: int
    cancelled: bool = False


def make_screen(seed: int | str, fonts: FontSet | None = None, strength: float = 1.0,
                date_stamp: float = 0.15) -> SyntheticScreen:
    """One random screen photographed with phone-like degradation; ``strength`` 0 gives the clean screen."""
    fonts = fonts or system_fonts()
    rng = random.Random(seed)
    screen = render_screen(random_spec(rng), fonts, rng)
    if strength <= 0:
        return screen
    return degrade(screen, rng, fonts, strength=strength, date_stamp=date_stamp)


def det_line(rel_path: str, screen: SyntheticScreen) -> str:
    return format_det_line(rel_path, screen.regions) + "\n"


def generate_dataset(out_dir: str | Path, n: int, seed: int, *, strength: float = 1.0, crops: bool = True,
                     date_stamp: float = 0.15, fonts: FontSet | None = None,
                     progress: Progress | None = None, cancelled: Cancelled | None = None) -> DatasetSummary:
    """Generate ``n`` screens into ``out_dir``; stops cleanly (labels consistent) when ``cancelled()``."""
    out = Path(out_dir)
    (out / "images").mkdir(parents=True, exist_ok=True)
    if crops:
        (out / "crops").mkdir(exist_ok=True)
    fonts = fonts or system_fonts()
    summary = DatasetSummary(out_dir=out, images=0, crops=0)
    with open(out / DET_LABELS, "w", encoding="utf-8") as det, open(out / REC_LABELS, "w", encoding="utf-8") as rec:
        for i in range(n):
            if cancelled is not None and cancelled():
                summary.cancelled = True
                break
            screen = make_screen(f"{seed}:{i}", fonts, strength, date_stamp)
            rel = f"images/{i:06d}.png"
            cv2.imwrite(str(out / rel), screen.image)
            det.write(det_line(rel, screen))
            summary.images += 1
            if crops:
                summary.crops += _write_crops(out, i, screen, rec)
            if progress is not None:
                progress((i + 1) / n, f"{i + 1} / {n} screens")
    return summary


def _write_crops(out: Path, index: int, screen: SyntheticScreen, rec) -> int:
    written = 0
    for j, region in enumerate(screen.regions):
        crop = crop_text_region(screen.image, region.points)
        if min(crop.shape[:2]) < MIN_CROP_SIDE or not region.text.strip():
            continue
        rel = f"crops/{index:06d}_{j:02d}.png"
        cv2.imwrite(str(out / rel), crop)
        rec.write(format_rec_line(rel, region.text) + "\n")
        written += 1
    return written
