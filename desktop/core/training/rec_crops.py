"""Recognition crops cut as the engine cuts them: from the detector's own boxes.

People box text tightly; the engine reads the detector's boxes, which are looser (DB's unclip). A
recogniser finetuned on tight crops read more of those crops and fewer whole photos (issue 21: crop
accuracy 0.925 -> 0.934 while whole-photo readings fell 86.2 -> 83.5 %). So each labeled region the
detector finds on its own is cut from the detector's box; one it misses, or finds merged with a
neighbour, keeps its labeled box (a merged box shows text the label does not name).

A detector's box also holds what people leave unboxed beside a label: the `V` after a boxed `221.6`.
Taught as `221.6`, the recogniser learnt to drop the unit it read before (whole photos 92 -> 80 % on
the stand-in, issue 27). Such a crop is taught as the base recogniser reads it, where that read holds
the label whole and adds no digit (``text_in_box``).
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from desktop.core.ocr.crop import crop_text_region
from desktop.core.ocr_metrics.metrics import intersection_area, iou, polygon_area
from desktop.core.training.samples import DetItem, RecItem, rec_item_name

SAME_BOX = 0.5  # IoU from which a detected box is the labeled region's
NEIGHBOUR_COVERED = 0.3  # a detected box covering this much of another labeled region has merged it
NUMBER_MARKS = ".,:-+"  # what a base read may not add to a label: part of a number, not a unit


def detected_box(region_points, others: list, boxes: list[np.ndarray]) -> np.ndarray | None:
    """The detector's box for one labeled region, if it found that region alone."""
    scored = [(iou(region_points, box), box) for box in boxes]
    best_iou, best = max(scored, key=lambda s: s[0], default=(0.0, None))
    if best is None or best_iou < SAME_BOX:
        return None
    merged = any(intersection_area(other, best) > NEIGHBOUR_COVERED * polygon_area(other) for other in others)
    return None if merged else best


def text_in_box(label: str, read: str) -> str:
    """What a detector's box around a labeled region holds: the base's ``read`` where it holds the label
    whole and adds only what is no number (a unit, a sign word: `221.6` read as `221.6V`); else the label
    (a misread, or a digit the label does not name, is never taught)."""
    at = read.find(label)
    if at < 0:
        return label
    beyond = read[:at] + read[at + len(label):]
    return label if any(ch.isdigit() or ch in NUMBER_MARKS for ch in beyond) else read


def crops_as_detected(items: list[DetItem], detect, read) -> dict[str, tuple[np.ndarray, str]]:
    """(crop, text) per rec item name (``samples.rec_item_name``) for every labeled region ``detect``
    (image -> boxes) finds alone; ``read`` (crops -> texts): the base recogniser, for ``text_in_box``."""
    found: list[tuple[str, str, np.ndarray]] = []
    for item in items:
        readable = [(index, region) for index, region in enumerate(item.regions)
                    if not region.ignored and region.text.strip()]
        if not readable:
            continue
        boxes = detect(item.image)
        for index, region in readable:
            others = [r.points for i, r in enumerate(item.regions) if i != index]
            box = detected_box(region.points, others, boxes)
            if box is not None:
                found.append((rec_item_name(item.name, index), region.text, crop_text_region(item.image, box)))
    texts = read([crop for _name, _label, crop in found]) if found else []
    return {name: (crop, text_in_box(label, text)) for (name, label, crop), text in zip(found, texts)}


def recut(rec_items: list[RecItem], crops: dict[str, tuple[np.ndarray, str]]) -> list[RecItem]:
    return [replace(item, crop=crops[item.name][0], text=crops[item.name][1]) if item.name in crops else item
            for item in rec_items]
