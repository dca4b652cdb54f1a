"""Labeled training samples from the sources users have: PaddleOCR det / rec label files,
the app's corrections, and our synthetic screens.

Recognition crops from full images are cut by the engine's own ``crop_text_region``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import cv2
import numpy as np

from desktop.core.label_files import DetRegion, read_det_labels, read_rec_labels
from desktop.core.ocr.crop import crop_text_region
from desktop.core.ocr.images import load_image
from desktop.core.ocr.types import ImageError

MAX_DET_SIDE = 1280  # det trains at a few hundred pixels: keeping 12-MP photos in memory buys nothing


@dataclass(frozen=True)
class DetItem:
    image: np.ndarray
    regions: tuple[DetRegion, ...]
    name: str
    group: str = ""       # the instrument (source group or the image's folder), for per-group scores
    path: str = ""        # the image file, for whole-screen reading accuracy
    complete: bool = False  # every text is boxed (synthetic screens); else unboxed text is unknown
    # The base detector's text pixels that the labels leave to it (det_task.base_kernels), at its map's
    # scale: taught as text with the labels' kernels, so the finetuned detector keeps what the base found.
    base_text: np.ndarray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class RecItem:
    crop: np.ndarray
    text: str
    name: str
    group: str = ""  # the source's group (an instrument template), for per-group validation scores


def det_items_from_labels(label_file: Path, root: Path, skipped: list[str] | None = None) -> list[DetItem]:
    items = []
    for sample in read_det_labels(label_file):
        try:
            image = load_image(Path(root) / sample.path)
        except ImageError as exc:
            if skipped is not None:
                skipped.append(str(exc))
            continue
        items.append(DetItem(image, sample.regions, sample.path, group=Path(sample.path).parent.name,
                             path=str(Path(root) / sample.path)))
    return items


def rec_items_from_labels(label_file: Path, root: Path, skipped: list[str] | None = None) -> list[RecItem]:
    items = []
    for sample in read_rec_labels(label_file):
        try:
            items.append(RecItem(load_image(Path(root) / sample.path), sample.text, sample.path))
        except ImageError as exc:
            if skipped is not None:
                skipped.append(str(exc))
    return items


def rec_items_from_corrections(store_file: Path, skipped: list[str] | None = None) -> list[RecItem]:
    """The technician's corrections: crops the engine cut, with the corrected text."""
    from desktop.core.ocr.images import decode_image_bytes
    from desktop.core.store.session_store import SessionStore
    from desktop.core.store.training_export import training_samples

    if not Path(store_file).is_file():
        raise ImageError(f"{store_file}: session store not found")
    store = SessionStore(store_file)
    try:
        items = []
        for sample in training_samples(store):
            name = f"correction-image{sample.image_id}#{sample.correction_id}"
            try:
                items.append(RecItem(decode_image_bytes(sample.crop_png, name), sample.text, name))
            except ImageError as exc:
                if skipped is not None:
                    skipped.append(str(exc))
        return items
    finally:
        store.close()


def rec_item_name(det_name: str, index: int) -> str:
    """The crop of region ``index`` of a det-labeled picture: its photo's name, then ``#index``."""
    return f"{det_name}#{index}"


def rec_items_from_det_items(items: list[DetItem]) -> list[RecItem]:
    """One crop per readable region, cut exactly as the engine cuts them at inference."""
    return [
        RecItem(crop_text_region(item.image, region.points), region.text, rec_item_name(item.name, index), item.group)
        for item in items
        for index, region in enumerate(item.regions)
        if not region.ignored and region.text.strip()
    ]


def downscaled(item: DetItem, max_side: int = MAX_DET_SIDE) -> DetItem:
    height, width = item.image.shape[:2]
    scale = max_side / max(height, width)
    if scale >= 1:
        return item
    image = cv2.resize(item.image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    regions = tuple(DetRegion(r.text, tuple((x * scale, y * scale) for x, y in r.points), r.ignored)
                    for r in item.regions)
    return replace(item, image=image, regions=regions)
