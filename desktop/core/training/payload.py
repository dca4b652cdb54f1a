"""A training job as data: what `lcdreader train --payload JOB.json` reads and the wizard writes."""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.models.registry import check_name
from desktop.core.ocr.model_files import REC_MIN_WIDTH_RANGE
from desktop.core.ocr.types import ModelError

ACTIVATE_CHOICES = ("if_not_worse", "always", "never")
UNLABELED_TEXT_CHOICES = ("kept", "unknown", "background")
SOURCE_FORMATS = ("det", "rec", "corrections", "screens", "accepted")


class PayloadError(ValueError):
    """A job file that cannot be run: the message says which field is wrong."""


@dataclass
class Source:
    format: str          # "det" / "rec": PaddleOCR label file; "corrections": the app's session store;
                         # "screens" (validation only): whole screens with confirmed readings (training/screens.py);
                         # "accepted" (validation only): screens the technician accepted as read (accepted.py)
    path: str            # the label file, or the session store's SQLite file
    root: str | None = None  # folder the label paths are relative to (default: the label file's folder)
    group: str | None = None  # e.g. the instrument template: validation accuracy is also reported per group


# Steps that fit a stage on ~300 labeled photos into 15 minutes on a 2-core CPU (benchmarks/own_instruments.py
# measures accuracy against steps): recognition ~5-6 s a step at batch 16, detection ~3-4 s at batch 4,
# validation every 25 steps included. stage_minutes stops a slower machine in time anyway.
DEFAULT_STEPS = {"rec": 120, "det": 160}
# A stage's learning rate when the job leaves it open (None), by where it starts. A recogniser our
# pipeline already finetuned has converged on screens: at 3e-4 Adam's first steps move every weight by
# about the full rate (crops 0.918 -> 0.028 in 10 steps); at 3e-5 they hold and a lab's later photos
# read more (68.0 -> 70.0-75.5 %, benchmarks/own_instruments.py). A stock recogniser is far from
# screens: from stock PP-OCRv4, 2e-4 reads 67 % of an instrument's values, 3e-5 only 52 %
# (benchmarks/finetune.py).
LEARNING_RATES = {"det": {"stock": 1e-4, "finetuned": 1e-4}, "rec": {"stock": 2e-4, "finetuned": 3e-5}}


@dataclass
class StageSettings:
    steps: int
    batch_size: int
    learning_rate: float | None = None  # None: LEARNING_RATES for the model it starts from
    freeze_backbone: bool = False


def learning_rate_for(stage: str, settings: StageSettings, base) -> float:
    """The rate a stage trains at from ``base`` (a resolved model set): the job's, else the one for a
    stock or an already finetuned part."""
    if settings.learning_rate is not None:
        return settings.learning_rate
    from desktop.core.models.builtin import is_stock_part

    return LEARNING_RATES[stage]["stock" if is_stock_part(base, stage) else "finetuned"]


@dataclass
class TrainJob:
    name: str
    tasks: list[str] = field(default_factory=lambda: ["rec"])
    base_model: str = "default"
    train: list[Source] = field(default_factory=list)
    val: list[Source] = field(default_factory=list)
    val_fraction: float = 0.2
    synthetic_screens: int = 100     # generated screens mixed in: digits, units and labels not forgotten
    synthetic_seed: int = 1
    synthetic_looks: list[str] | None = None  # scene names (synth.scenes.SCENE_NAMES) to draw; None: the mix
    general_text_fraction: float = 0.3  # share of printed labels / units / words in the rec mix
    rec: StageSettings = field(default_factory=lambda: StageSettings(DEFAULT_STEPS["rec"], 16))
    det: StageSettings = field(default_factory=lambda: StageSettings(DEFAULT_STEPS["det"], 4))
    stage_minutes: float | None = 15.0  # each stage stops in time, keeping its best checkpoint; None: no limit
    # Text on a det-labeled photo that no box covers: "kept" (taught as text where the base detector
    # finds it: it must not unlearn what it reads), "unknown" (left out of the loss there; people box
    # only what matters) or "background" (every text is boxed).
    unlabeled_text: str = "kept"
    rec_min_width: int | None = None  # pad recognition crops to at least this width; None: as the base model
    eval_every: int = 25
    device: str = "auto"
    activate: str = "if_not_worse"
    work_dir: str | None = None      # checkpoints live here; the same folder resumes a stopped run
    cancel_file: str | None = None
    seed: int = 0

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def load_job(path: str | Path) -> TrainJob:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PayloadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise PayloadError(f"{path}: not valid JSON ({exc})") from exc
    return parse_job(raw, str(path))


# What each field of a job file holds; checked before anything is built from it, so a wrong type is
# a PayloadError (a JSON error event for the wizard), never a TypeError half-way through the checks.
def _or_null(kind: tuple[str, Callable[[Any], bool]]) -> tuple[str, Callable[[Any], bool]]:
    return f"{kind[0]} or null", lambda v: v is None or kind[1](v)


TEXT = ("text", lambda v: isinstance(v, str))
WHOLE = ("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool))
NUMBER = ("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v))
LIST = ("a list", lambda v: isinstance(v, list))
BOOL = ("true or false", lambda v: isinstance(v, bool))
JOB_FIELDS = {"name": TEXT, "tasks": LIST, "base_model": TEXT, "val_fraction": NUMBER, "synthetic_screens": WHOLE,
              "synthetic_seed": WHOLE, "synthetic_looks": _or_null(LIST), "general_text_fraction": NUMBER,
              "stage_minutes": _or_null(NUMBER), "unlabeled_text": TEXT, "rec_min_width": _or_null(WHOLE),
              "eval_every": WHOLE, "device": TEXT, "activate": TEXT, "work_dir": _or_null(TEXT),
              "cancel_file": _or_null(TEXT), "seed": WHOLE}
STAGE_FIELDS = {"steps": WHOLE, "batch_size": WHOLE, "learning_rate": _or_null(NUMBER), "freeze_backbone": BOOL}
SOURCE_FIELDS = {"format": TEXT, "path": TEXT, "root": _or_null(TEXT), "group": _or_null(TEXT)}


def _type_problems(raw: dict, fields: dict, where: str = "") -> list[str]:
    problems = []
    for key, (name, test) in fields.items():
        if key in raw and not test(raw[key]):
            problems.append(f"'{where}{key}' must be {name}, not {type(raw[key]).__name__}")
    return problems


def _all_type_problems(raw: dict) -> list[str]:
    problems = _type_problems(raw, JOB_FIELDS)
    for stage in ("rec", "det"):
        if stage in raw:
            problems += (_type_problems(raw[stage], STAGE_FIELDS, f"{stage}.") if isinstance(raw[stage], dict)
                         else [f"'{stage}' must be an object of settings, not {type(raw[stage]).__name__}"])
    for role in ("train", "val"):
        sources = raw.get(role, [])
        if not isinstance(sources, list):
            problems.append(f"'{role}' must be a list of sources, not {type(sources).__name__}")
            continue
        for i, source in enumerate(sources):
            problems += (_type_problems(source, SOURCE_FIELDS, f"{role}[{i}].") if isinstance(source, dict)
                         else [f"'{role}[{i}]' must be an object, not {type(source).__name__}"])
    return problems


def parse_job(raw: dict, origin: str = "job") -> TrainJob:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise PayloadError(f"{origin}: a job needs at least a 'name'")
    problems = _all_type_problems(raw)
    if problems:
        raise PayloadError(f"{origin}: " + "; ".join(problems))
    try:
        job = TrainJob(**{k: v for k, v in raw.items() if k not in ("train", "val", "rec", "det")})
        job.train = [Source(**s) for s in raw.get("train", [])]
        job.val = [Source(**s) for s in raw.get("val", [])]
        for stage in ("rec", "det"):
            if stage in raw:
                setattr(job, stage, StageSettings(**{**asdict(getattr(job, stage)), **raw[stage]}))
    except TypeError as exc:
        raise PayloadError(f"{origin}: unknown or missing field ({exc})") from exc
    _check(job, origin)
    return job


def _check(job: TrainJob, origin: str) -> None:
    problems = []
    try:
        check_name(str(job.name))  # the new version's name: refused now, not after the whole run
    except ModelError as exc:
        problems.append(f"'name': {exc}")
    if not job.tasks or any(t not in ("rec", "det") for t in job.tasks):
        problems.append("'tasks' must list 'rec' and / or 'det'")
    if job.unlabeled_text not in UNLABELED_TEXT_CHOICES:
        problems.append(f"'unlabeled_text' must be one of {', '.join(UNLABELED_TEXT_CHOICES)}")
    if job.stage_minutes is not None and (isinstance(job.stage_minutes, bool)
                                          or not isinstance(job.stage_minutes, (int, float)) or job.stage_minutes <= 0):
        problems.append("'stage_minutes' must be a positive number of minutes, or null for no limit")
    if job.activate not in ACTIVATE_CHOICES:
        problems.append(f"'activate' must be one of {', '.join(ACTIVATE_CHOICES)}")
    for source in job.train + job.val:
        if source.format not in SOURCE_FORMATS:
            problems.append(f"source format '{source.format}' is not one of {', '.join(SOURCE_FORMATS)}")
    if any(source.format in ("screens", "accepted") for source in job.train):
        problems.append("'screens' and 'accepted' sources only score a model: put them under 'val'")
    if not job.train and job.synthetic_screens <= 0:
        problems.append("no training data: give 'train' sources or 'synthetic_screens'")
    if job.synthetic_looks is not None:
        from desktop.core.training.synth.scenes import check_looks

        if not isinstance(job.synthetic_looks, list) or not all(isinstance(n, str) for n in job.synthetic_looks):
            problems.append("'synthetic_looks' must be a list of scene names")
        else:
            try:
                check_looks(job.synthetic_looks)
            except ValueError as exc:
                problems.append(f"'synthetic_looks': {exc}")
    for stage in ("rec", "det"):
        settings = getattr(job, stage)
        if settings.steps < 1 or settings.batch_size < 1 or (settings.learning_rate is not None
                                                             and settings.learning_rate <= 0):
            problems.append(f"'{stage}' needs steps >= 1, batch_size >= 1 and learning_rate > 0 (or null: "
                            "the rate for its starting model)")
    low, high = REC_MIN_WIDTH_RANGE
    if job.rec_min_width is not None and (not isinstance(job.rec_min_width, int)
                                          or not low <= job.rec_min_width <= high):
        problems.append(f"'rec_min_width' must be a whole number of pixels from {low} to {high}")
    if not 0 <= job.general_text_fraction < 1:
        problems.append("'general_text_fraction' must be between 0 and 1")
    if job.eval_every < 1:
        problems.append("'eval_every' must be at least 1 (validate every so many steps)")
    if not 0 <= job.val_fraction < 1:
        problems.append("'val_fraction' must be between 0 and 1")
    if problems:
        raise PayloadError(f"{origin}: " + "; ".join(problems))
