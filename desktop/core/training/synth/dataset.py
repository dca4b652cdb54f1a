"""Write a synthetic dataset in PaddleOCR label formats: det (``det_gt.txt``) and rec (``rec_gt.txt``).

Layout of ``out_dir``::

    images/000000.png   det_gt.txt: images/000000.png<TAB>[{"transcription": "...", "points": [[x, y] x4]}]
    crops/000000_00.png rec_gt.txt: crops/000000_00.png<TAB>text
                        screens.jsonl: one line per image, the expected readings and every region's role:
        {"image": "images/000000.png", "group": scene, "scene": scene,
         "readings": [{"key": "R-RES", "value": "04.00", "unit": ""}],
         "regions": [{"text": "04.00", "points": [...], "kind": "value", "reading": 0}, ...]}

``labels="partial"`` boxes only what a technician boxes (values, units, mode words: screen.PARTIAL_LABEL_KINDS)
in det_gt.txt and the crops; screens.jsonl always lists every region. ``looks`` picks the scenes by name
(scenes.SCENE_NAMES), e.g. a validation set of looks the training never saw.
Rec crops are cut with ``crop_text_region``, the same cut the engine makes at inference.
Image ``i`` depends only on (seed, i): the same seed gives the same bytes.
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2

from desktop.core.label_files import format_det_line, format_rec_line
from desktop.core.ocr.crop import crop_text_region
from desktop.core.training.synth.compose import compose_photo, photo_size
from desktop.core.training.synth.fonts import FontSet, system_fonts
from desktop.core.training.synth.photo import degrade
from desktop.core.training.synth.scenarios import random_spec
from desktop.core.training.synth.scenes import check_looks, choose_scene, stamp_chance
from desktop.core.training.synth.screen import Region, SyntheticScreen, render_screen

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

DET_LABELS = "det_gt.txt"
REC_LABELS = "rec_gt.txt"
SCREENS = "screens.jsonl"
LABEL_MODES = ("full", "partial")
MIN_CROP_SIDE = 4


@dataclass
class DatasetSummary:
    out_dir: Path
    images: int
    crops: int
    cancelled: bool = False


def make_screen(seed: int | str, fonts: FontSet | None = None, strength: float = 1.0,
                date_stamp: float = 0.15, looks: Sequence[str] | None = None) -> SyntheticScreen:
    """One random screen photographed with phone-like degradation; ``strength`` 0 gives the clean screen.

    ``looks`` limits the scenes drawn from (scenes.SCENE_NAMES; all when None). ``date_stamp`` is the
    chance of a camera stamp on a classic screen; whole photos get one more often (scenes.stamp_chance).
    """
    fonts = fonts or system_fonts()
    scene = choose_scene(seed, looks)
    rng = random.Random(seed)
    if scene.build is None:
        screen = render_screen(random_spec(rng), fonts, rng)
        if strength <= 0:
            return screen
        return degrade(screen, rng, fonts, strength=strength, date_stamp=date_stamp)
    size = photo_size(rng)
    return compose_photo(scene.build(rng, fonts, size), scene.name, rng, fonts, size=size, strength=strength,
                         stamp=stamp_chance(date_stamp), paper=scene.paper)


def det_line(rel_path: str, screen: SyntheticScreen, labels: str = "full") -> str:
    return format_det_line(rel_path, labelled_regions(screen, labels)) + "\n"


def labelled_regions(screen: SyntheticScreen, labels: str) -> list[Region]:
    """Every region (``full``) or only those a technician boxes (``partial``)."""
    return screen.partial_regions() if labels == "partial" else screen.regions


def screen_line(rel_path: str, screen: SyntheticScreen) -> str:
    return json.dumps({"image": rel_path, "group": screen.scene, "scene": screen.scene,
                       "readings": [{"key": k, "value": v, "unit": u} for k, v, u in screen.readings],
                       "regions": [r.to_json() for r in screen.regions]}, ensure_ascii=False) + "\n"


def generate_dataset(out_dir: str | Path, n: int, seed: int, *, strength: float = 1.0, crops: bool = True,
                     date_stamp: float = 0.15, fonts: FontSet | None = None, looks: Sequence[str] | None = None,
                     labels: str = "full", progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> DatasetSummary:
    """Generate ``n`` screens into ``out_dir``; stops cleanly (labels consistent) when ``cancelled()``."""
    if labels not in LABEL_MODES:
        raise ValueError(f"labels must be one of {LABEL_MODES}, not {labels!r}")
    check_looks(looks)
    out = Path(out_dir)
    (out / "images").mkdir(parents=True, exist_ok=True)
    if crops:
        (out / "crops").mkdir(exist_ok=True)
    fonts = fonts or system_fonts()
    summary = DatasetSummary(out_dir=out, images=0, crops=0)
    with open(out / DET_LABELS, "w", encoding="utf-8") as det, open(out / REC_LABELS, "w", encoding="utf-8") as rec, \
            open(out / SCREENS, "w", encoding="utf-8") as screens:
        for i in range(n):
            if cancelled is not None and cancelled():
                summary.cancelled = True
                break
            screen = make_screen(f"{seed}:{i}", fonts, strength, date_stamp, looks)
            rel = f"images/{i:06d}.png"
            cv2.imwrite(str(out / rel), screen.image)
            det.write(det_line(rel, screen, labels))
            screens.write(screen_line(rel, screen))
            summary.images += 1
            if crops:
                summary.crops += _write_crops(out, i, labelled_regions(screen, labels), screen.image, rec)
            if progress is not None:
                progress((i + 1) / n, f"{i + 1} / {n} screens")
    return summary


def _write_crops(out: Path, index: int, regions: list[Region], image, rec) -> int:
    written = 0
    for j, region in enumerate(regions):
        crop = crop_text_region(image, region.points)
        if min(crop.shape[:2]) < MIN_CROP_SIDE or not region.text.strip() or region.ignored:
            continue
        rel = f"crops/{index:06d}_{j:02d}.png"
        cv2.imwrite(str(out / rel), crop)
        rec.write(format_rec_line(rel, region.text) + "\n")
        written += 1
    return written
