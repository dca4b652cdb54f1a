"""Corrections as training data: every box correction is a (crop, corrected text) pair."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .session_store import SessionStore


@dataclass
class TrainingSample:
    correction_id: int
    image_id: int
    kind: str
    original: str
    text: str
    crop_png: bytes
    template: str | None


def _crop_label(store: SessionStore, correction) -> str | None:
    """The full text of the corrected crop: a box correction is that text; a reading correction
    (``100.01`` for ``100.07``) is spliced into the text of the box it was read from."""
    if correction.kind == "box":
        return correction.corrected
    result = store.result(correction.image_id)
    if result is None or correction.box_index is None or not 0 <= correction.box_index < len(result.boxes):
        return None
    box_text = result.boxes[correction.box_index].get("text", "")
    if not correction.original or correction.original not in box_text:
        return None
    return box_text.replace(correction.original, correction.corrected, 1)


def training_samples(store: SessionStore, session_id: int | None = None) -> list[TrainingSample]:
    """Corrections that carry a crop, oldest first; the latest correction of a region wins."""
    latest: dict[tuple, TrainingSample] = {}
    for c in store.corrections(session_id=session_id):
        text = _crop_label(store, c) if c.crop_png else None
        if not text or not text.strip():
            continue
        key = (c.image_id, c.kind, c.box_index, c.field)
        latest[key] = TrainingSample(c.id, c.image_id, c.kind, c.original, text, c.crop_png, c.template)
    return sorted(latest.values(), key=lambda s: s.correction_id)


def export_rec_dataset(store: SessionStore, out_dir: str | Path, session_id: int | None = None) -> Path:
    """Write crops and a PaddleOCR recognition label file (``path\\ttext``); return the label file."""
    out = Path(out_dir)
    (out / "crops").mkdir(parents=True, exist_ok=True)
    lines = []
    for sample in training_samples(store, session_id):
        rel = f"crops/correction_{sample.correction_id}.png"
        (out / rel).write_bytes(sample.crop_png)
        lines.append(f"{rel}\t{sample.text}")
    label_file = out / "rec_gt.txt"
    label_file.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    return label_file
