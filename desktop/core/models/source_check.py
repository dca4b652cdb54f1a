"""Check a model folder before it is registered (from a training run, or imported from another PC):
everything is checked first, nothing is copied or deleted until all of it passed.

Only the files a model needs are accepted: Paddle programs, their weights (Paddle's binary tensor
format, never a pickle) and the recogniser's ``input.yaml``. A ``.pdiparams.info`` or ``.pdparams``
is a pickle, which runs code when loaded: refused, as are symlinks and paths that leave the folder.
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from desktop.core import limited_yaml
from desktop.core.models.errors import ModelError
from desktop.core.models.integrity import MANIFEST, check_manifest, require_intact
from desktop.core.models.model_files import (
    PARAMS_NAME,
    PROGRAM_NAMES,
    REC_INPUT_FILE,
    check_program,
    program_and_params,
    read_det_input,
    read_min_width,
)

PARTS = ("det", "rec")
MODEL_FILES = frozenset((*PROGRAM_NAMES, PARAMS_NAME, REC_INPUT_FILE))


def check_model_parts(source: Path) -> list[str]:
    """The parts (det, rec) a folder holds, after checking every file in them; a ModelError otherwise."""
    source = Path(source)
    if not source.is_dir():
        raise ModelError(f"{source} is not a folder")
    _refuse_links(source)
    parts = [part for part in PARTS if (source / part).is_dir()]
    if not parts:
        raise ModelError(f"{source} holds no det/ or rec/ model")
    for part in parts:
        for entry in (source / part).iterdir():
            if entry.is_dir() or entry.name not in MODEL_FILES | {MANIFEST}:  # a converted cache's own list
                raise ModelError(f"{entry}: not a model file (a model folder holds only "
                                 f"{', '.join(sorted(MODEL_FILES))})")
        program_and_params(source / part)
    return parts


def check_model_settings(source: Path, parts: list[str]) -> None:
    """Every program and settings file a model's parts hold, read as the engine will read it: a file that
    would stop every read after activation is refused now."""
    for part in parts:
        program, _params = program_and_params(source / part)
        check_program(program)
        if part == "rec":
            read_min_width(source / part)
        else:
            read_det_input(source / part)


def _refuse_links(source: Path) -> None:
    """Symlinks (and Windows junctions) could make a copy read files from anywhere on the disk."""
    root = os.path.realpath(source)
    for folder, dirs, files in os.walk(source):
        for name in dirs + files:
            path = Path(folder, name)
            if path.is_symlink() or getattr(path, "is_junction", lambda: False)():
                raise ModelError(f"{path}: a link; a model folder must hold real files only")
            if os.path.commonpath([root, os.path.realpath(path)]) != root:
                raise ModelError(f"{path}: leaves the model folder")


def check_incoming_manifest(source: Path) -> None:
    """An exported folder carries its checksums: a file damaged on the way is found now."""
    if (Path(source) / MANIFEST).is_file():  # only the model parts are copied: other files may come and go
        checks = check_manifest(source)
        require_intact([c for c in checks if c.path == MANIFEST or c.path.split("/")[0] in PARTS], str(source))


def read_description(path: Path) -> dict:
    """A model's description (``model.yaml``): a mapping whose known fields pass DESCRIPTION_FIELDS;
    a ModelError naming the file and the field otherwise."""
    try:
        metadata = limited_yaml.load_file(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        detail = f": {exc}" if isinstance(exc, limited_yaml.YamlLimitError) else ""
        raise ModelError(f"{path}: unreadable model description ({type(exc).__name__}{detail})") from exc
    metadata = {} if metadata is None else metadata
    if not isinstance(metadata, dict):
        raise ModelError(f"{path}: must describe the model as 'field: value' lines, not a "
                         f"{type(metadata).__name__}")
    for field, (kinds, check) in DESCRIPTION_FIELDS.items():
        if field not in metadata:
            continue
        value = metadata[field]
        problem = (f"must be {' or '.join(KIND_NAMES[k] for k in kinds)}, not {type(value).__name__}"
                   if not isinstance(value, kinds) else check(value))
        if problem:
            raise ModelError(f"{path}: '{field}' {problem}")
    return metadata


def _family_problem(family: str) -> str:
    from desktop.core.models.builtin import BUILTINS

    return "" if family in BUILTINS else f"'{family}' is not one of {', '.join(BUILTINS)}"


def _metrics_problem(metrics: dict) -> str:
    return next((f"of '{stage}': {metric_problem(info)}" for stage, info in metrics.items()
                 if metric_problem(info)), "")


def _no_problem(_value) -> str:
    return ""


KIND_NAMES = {str: "text", dict: "'field: value' lines", date: "a date", datetime: "a date and time"}
# The fields of model.yaml the app reads, with their types and checks; other fields are kept as they are.
DESCRIPTION_FIELDS: dict[str, tuple[tuple[type, ...], Callable[[Any], str]]] = {
    "name": ((str,), _no_problem),
    "description": ((str,), _no_problem),
    "base_model": ((str,), _no_problem),
    "family": ((str,), _family_problem),
    "created": ((str, date, datetime), _no_problem),
    "device": ((str,), _no_problem),
    "data": ((dict,), _no_problem),
    "parameters": ((dict,), _no_problem),
    "metrics": ((dict,), _metrics_problem),
}


def metric_problem(info) -> str:
    """What is wrong with one stage's metrics ({metric, before, after}), or '' when nothing is."""
    if not isinstance(info, dict) or not isinstance(info.get("metric"), str):
        return "needs a 'metric' name"
    for when in ("before", "after"):
        value = info.get(when, {}).get(info["metric"]) if isinstance(info.get(when), dict) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return f"needs a number for '{when}' {info['metric']}"
    return ""
