"""Helpers for the finetune wizard and model manager tests: a store with corrections, a fake
training process, recorded questions, fake model versions."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from desktop.core.store import SessionStore
from tests.unit.models.helpers import PIR_OUTLINE

FAKE_TRAIN = Path(__file__).with_name("fake_train.py")


def fake_command(payload) -> list[str]:
    return [sys.executable, str(FAKE_TRAIN), str(payload)]


def synthetic_crops(folder: Path, screens: int = 3, seed: int = 7) -> Path:
    """A tiny PaddleOCR rec data set (crops + rec_gt.txt) from the synthetic screen generator."""
    from desktop.core.training.synth.dataset import generate_dataset

    generate_dataset(folder, screens, seed)
    return folder / "rec_gt.txt"


def add_corrections(store: SessionStore, rec_label: Path, templates=("烟尘采样器", "")) -> int:
    """One image per crop with a box correction carrying the crop; templates alternate. Returns the count."""
    session = store.new_session()
    lines = [ln.split("\t", 1) for ln in rec_label.read_text(encoding="utf-8").splitlines() if "\t" in ln]
    for number, (path, text) in enumerate(lines):
        png = (rec_label.parent / path).read_bytes()
        image_id = store.add_image(session, "file", f"shot{number}.png", data=png)
        box = {"text": text + "?", "score": 0.5, "points": [[0, 0], [10, 0], [10, 5], [0, 5]]}
        store.save_result(image_id, width=10, height=5, device="cpu", model="fake", elapsed_ms=1.0,
                          boxes=[box], readings=[])
        template = templates[number % len(templates)] or None
        store.add_correction(image_id, kind="box", original=text + "?", corrected=text, boxes=[{**box, "text": text}],
                             readings=[], box_index=0, crop_png=png, template=template)
    return len(lines)


def add_sample_screen(store: SessionStore, name: str = "sampler_lcd.png", template: str = "smoke-dust-sampler") -> int:
    """A sample screen read with its true readings, and one corrected value box with its crop; returns its image id."""
    import json

    import cv2
    import numpy as np

    from desktop.core.ocr.crop import crop_text_region

    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    truth = json.loads((samples / "samples.json").read_text(encoding="utf-8"))[name]
    image_path = samples / name
    boxes = [{"text": r["text"], "score": 0.9, "points": r["points"]} for r in truth["regions"]]
    value = next(i for i, r in enumerate(truth["regions"]) if r["kind"] == "value")
    crop = crop_text_region(cv2.imread(str(image_path)), np.array(boxes[value]["points"], np.float32))
    image_id = store.add_image(store.new_session(), "file", name, path=str(image_path))
    store.save_result(image_id, width=640, height=480, device="cpu", model="fake", elapsed_ms=1.0,
                      boxes=boxes, readings=[], template=template)
    store.add_correction(image_id, kind="box", original=boxes[value]["text"] + "?", corrected=boxes[value]["text"],
                         boxes=boxes, readings=truth["readings"], box_index=value,
                         crop_png=cv2.imencode(".png", crop)[1].tobytes(), template=template)
    return image_id


class Questions:
    """Replaces ModelMessages: answers questions from a queue and records them."""

    def __init__(self, monkeypatch):
        from desktop.ui.dialogs.model_messages import ModelMessages

        self.answers: list[bool] = []
        self.asked: list[str] = []
        self.texts: list[str] = []
        self.folders: list[str] = []
        self.infos: list[str] = []
        monkeypatch.setattr(ModelMessages, "ask", classmethod(lambda cls, parent, title, text="", *a, **k: self._ask(title, text)))
        monkeypatch.setattr(ModelMessages, "error", classmethod(
            lambda cls, parent, title, text: pytest.fail(f"unexpected error dialog: {title}: {text}")))
        monkeypatch.setattr(ModelMessages, "info", classmethod(lambda cls, parent, title, text: self.infos.append(text)))
        monkeypatch.setattr(ModelMessages, "choose_folder", classmethod(lambda cls, parent, title: self.folders.pop(0)))
        monkeypatch.setattr(ModelMessages, "open_label_files", classmethod(lambda cls, parent: []))

    def _ask(self, title: str, text: str = "") -> bool:
        self.asked.append(title)
        self.texts.append(text)
        assert self.answers, f"unexpected question: {title}"
        return self.answers.pop(0)


def make_version(name: str, accuracy: float = 0.9, created: str = "2025-03-01T10:00:00+00:00") -> Path:
    """A user model version the registry accepts: model.yaml and a rec/ folder with dummy files."""
    from desktop.core.paths import user_models_dir

    folder = user_models_dir() / name
    (folder / "rec").mkdir(parents=True)
    (folder / "rec" / "inference.json").write_text(PIR_OUTLINE, encoding="utf-8")
    (folder / "rec" / "inference.pdiparams").write_bytes(b"0")
    meta = {"name": name, "base_model": "pp-ocrv4", "created": created,
            "metrics": {"rec": {"metric": "accuracy", "before": {"accuracy": 0.6}, "after": {"accuracy": accuracy}}}}
    (folder / "model.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    return folder
