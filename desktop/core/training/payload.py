"""A training job as data: what `lcdreader train --payload JOB.json` reads and the wizard writes."""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from desktop.core.models.errors import ModelError
from desktop.core.models.model_files import REC_MIN_WIDTH_RANGE, ModelSet
from desktop.core.models.registry import check_name

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


def learning_rate_for(stage: str, settings: StageSettings, base: ModelSet) -> float:
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
FieldType = tuple[str, Callable[[Any], bool]]  # its name in a message, its test


def _or_null(kind: FieldType) -> FieldType:
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


def _type_problems(raw: dict[str, Any], fields: dict[str, FieldType], where: str = "") -> list[str]:
    problems = []
    for key, (name, test) in fields.items():
        if key in raw and not test(raw[key]):
            problems.append(f"'{where}{key}' must be {name}, not {type(raw[key]).__name__}")
    return problems


def _all_type_problems(raw: dict[str, Any]) -> list[str]:
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


def parse_job(raw: dict[str, Any], origin: str = "job") -> TrainJob:
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


# The checks of a job's values, one rule a line: the fields it reads, what it finds wrong in a job, and what
# the job is told for each wrong thing found ("{}" names it: a source's format, a stage, the reason a name is
# refused). parse_job checks the types first (JOB_FIELDS), so a rule may rely on them. The messages come in
# the table's order; a new rule needs its line here (a test checks the fields the rules read).
class Rule(NamedTuple):
    fields: str  # the TrainJob fields the rule reads, space-separated
    wrong: Callable[[TrainJob], list[str]]  # what is wrong with a job: [] when it keeps the rule
    message: str


def _must(holds: Callable[[TrainJob], bool]) -> Callable[[TrainJob], list[str]]:
    """A rule a job keeps or breaks as a whole: one message, naming nothing."""
    return lambda job: [] if holds(job) else [""]


def _refusal(check: Callable[[Any], object], value: object) -> list[str]:
    """Why ``check`` refuses ``value``, in its own words (nothing when it takes it)."""
    try:
        check(value)
    except (ModelError, ValueError) as exc:
        return [str(exc)]
    return []


def _one_of(name: str, choices: tuple[str, ...]) -> Rule:
    return Rule(name, _must(lambda job: getattr(job, name) in choices), f"'{name}' must be one of {', '.join(choices)}")


def _fraction(name: str) -> Rule:
    return Rule(name, _must(lambda job: 0 <= getattr(job, name) < 1), f"'{name}' must be between 0 and 1")


def _looks_are_names(job: TrainJob) -> bool:
    return job.synthetic_looks is None or all(isinstance(look, str) for look in job.synthetic_looks)


def _unknown_looks(job: TrainJob) -> list[str]:
    """check_looks' reason, asked only of a list of names (the rule before refuses anything else)."""
    if job.synthetic_looks is None or not _looks_are_names(job):
        return []
    from desktop.core.training.synth.scenes import check_looks  # drawing code: loaded when a job names looks

    return _refusal(check_looks, job.synthetic_looks)


def _stage_settled(settings: StageSettings) -> bool:
    return settings.steps >= 1 and settings.batch_size >= 1 and (settings.learning_rate is None
                                                                 or settings.learning_rate > 0)


_REC_MIN_WIDTH_LOW, _REC_MIN_WIDTH_HIGH = REC_MIN_WIDTH_RANGE

CHECKS: list[Rule] = [
    # the new version's name: refused now, not after the whole run
    Rule("name", lambda job: _refusal(check_name, job.name), "'name': {}"),
    Rule("tasks", _must(lambda job: bool(job.tasks) and all(t in ("rec", "det") for t in job.tasks)),
         "'tasks' must list 'rec' and / or 'det'"),
    _one_of("unlabeled_text", UNLABELED_TEXT_CHOICES),
    Rule("stage_minutes", _must(lambda job: job.stage_minutes is None or job.stage_minutes > 0),
         "'stage_minutes' must be a positive number of minutes, or null for no limit"),
    _one_of("activate", ACTIVATE_CHOICES),
    Rule("train val", lambda job: [s.format for s in job.train + job.val if s.format not in SOURCE_FORMATS],
         "source format '{}' is not one of " + ", ".join(SOURCE_FORMATS)),
    Rule("train", _must(lambda job: all(s.format not in ("screens", "accepted") for s in job.train)),
         "'screens' and 'accepted' sources only score a model: put them under 'val'"),
    Rule("train synthetic_screens", _must(lambda job: bool(job.train) or job.synthetic_screens > 0),
         "no training data: give 'train' sources or 'synthetic_screens'"),
    Rule("synthetic_looks", _must(_looks_are_names), "'synthetic_looks' must be a list of scene names"),
    Rule("synthetic_looks", _unknown_looks, "'synthetic_looks': {}"),
    Rule("rec det", lambda job: [stage for stage in ("rec", "det") if not _stage_settled(getattr(job, stage))],
         "'{}' needs steps >= 1, batch_size >= 1 and learning_rate > 0 (or null: the rate for its starting model)"),
    Rule("rec_min_width", _must(lambda job: job.rec_min_width is None
                                or _REC_MIN_WIDTH_LOW <= job.rec_min_width <= _REC_MIN_WIDTH_HIGH),
         f"'rec_min_width' must be a whole number of pixels from {_REC_MIN_WIDTH_LOW} to {_REC_MIN_WIDTH_HIGH}"),
    _fraction("general_text_fraction"),
    Rule("eval_every", _must(lambda job: job.eval_every >= 1),
         "'eval_every' must be at least 1 (validate every so many steps)"),
    _fraction("val_fraction"),
]


def _check(job: TrainJob, origin: str) -> None:
    problems = [rule.message.format(wrong) for rule in CHECKS for wrong in rule.wrong(job)]
    if problems:
        raise PayloadError(f"{origin}: " + "; ".join(problems))
