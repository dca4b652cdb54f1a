"""Checkpoints of a finetuning run that a kill -9 cannot damage and a planted file cannot exploit.

Weights and optimizer moments are ``.npz`` files of plain numpy arrays, read with ``allow_pickle=False``;
step, scores and the learning-rate schedule are JSON. (``paddle.save`` / ``paddle.load`` pickle:
loading one runs whatever code the file carries.) Batches are drawn from ``Random(seed, step)``, so the
step is all the data order needs.

A resume point is a folder ``resume-STEP/`` (weights, optimizer, ``state.json`` with the SHA-256 of
each file), built under a temporary name, synced and renamed into place; the best weights seen are
``best-STEP.npz``, which the resume points name. The last two resume points are kept: when the newest is
damaged, the run goes on from the one before and says so, and a damaged one is removed (left, it would
outrank the fresh run's own points and have them pruned). ``job.json`` holds the digest of the job's data
and settings the points were trained for: a job of the same name with other data or settings starts
afresh instead of resuming someone else's weights.
"""
from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop.core.atomic_files import replace_folder, write_atomic
from desktop.core.models.integrity import check_against, sha256_file

KEEP = 2
STATE = "state.json"
JOB = "job.json"
NAMES_KEY = "__names__"  # parameter names can hold any character: arrays are stored as a0, a1, ...


@dataclass
class ResumePoint:
    step: int
    best: float
    best_step: int
    best_file: str
    schedule: dict          # the learning-rate scheduler's state (plain numbers)
    weights: dict           # name -> numpy array
    optimizer: dict
    best_keeps: bool = False  # does the best checkpoint keep every shown score (loop.better_checkpoint)?


def save_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    names = list(arrays)
    packed = {f"a{i}": np.asarray(arrays[name]) for i, name in enumerate(names)}
    write_atomic(path, lambda stream: np.savez(stream, **{NAMES_KEY: np.array(names, dtype=str)}, **packed))


def load_arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        names = [str(n) for n in data[NAMES_KEY]]
        return {name: data[f"a{i}"] for i, name in enumerate(names)}


class CheckpointStore:
    def __init__(self, folder: Path, job_digest: str = ""):
        """``job_digest``: of the data and settings this run trains with ('' skips the check)."""
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.job_digest = job_digest
        self.other_job = bool(job_digest) and self._recorded_digest() != job_digest \
            and any(self.folder.glob("resume-*"))

    def _recorded_digest(self) -> str:
        try:
            return str(json.loads((self.folder / JOB).read_text(encoding="utf-8"))["digest"])
        except (OSError, ValueError, KeyError, TypeError):
            return ""

    def _start_afresh(self) -> None:
        for old in self.folder.glob("resume-*"):
            shutil.rmtree(old, ignore_errors=True)
        for old in self.folder.glob("best-*.npz"):
            old.unlink(missing_ok=True)

    def save_best(self, step: int, weights: dict[str, np.ndarray]) -> str:
        if self.job_digest and self._recorded_digest() != self.job_digest:
            write_atomic(self.folder / JOB, lambda stream: stream.write(
                json.dumps({"digest": self.job_digest}).encode("utf-8")))
        name = f"best-{step:06d}.npz"
        save_arrays(self.folder / name, weights)
        return name

    def load_best(self, name: str) -> dict[str, np.ndarray]:
        return load_arrays(self.folder / name)

    def save_resume(self, point: ResumePoint) -> None:
        final = self.folder / f"resume-{point.step:06d}"
        temp = self.folder / f".resume-{point.step:06d}.{uuid.uuid4().hex[:8]}.tmp"
        temp.mkdir()
        save_arrays(temp / "weights.npz", point.weights)
        save_arrays(temp / "optimizer.npz", point.optimizer)
        state = {"step": point.step, "best": point.best, "best_step": point.best_step,
                 "best_file": point.best_file, "best_keeps": point.best_keeps, "schedule": point.schedule,
                 "sha256": {name: sha256_file(path) for name, path in
                            (("weights.npz", temp / "weights.npz"), ("optimizer.npz", temp / "optimizer.npz"),
                             (point.best_file, self.folder / point.best_file))}}
        (temp / STATE).write_text(json.dumps(state, indent=1), encoding="utf-8")
        replace_folder(temp, final)  # final exists when the same step is saved again (cancelled right after)
        self._prune()

    def latest(self, report) -> ResumePoint | None:
        """The newest resume point that is intact; ``report(message)`` hears about each damaged one."""
        if self.other_job:
            report("the checkpoints here were made from other data or settings: training starts from the beginning")
            self._start_afresh()
            return None
        for folder in sorted(self.folder.glob("resume-*"), reverse=True):
            try:
                return self._load(folder)
            except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:  # damaged: try the one before
                report(f"checkpoint {folder.name} is damaged ({type(exc).__name__}: {str(exc)[:120]}); "
                       "going back to the one before")
                shutil.rmtree(folder, ignore_errors=True)
        if any(self.folder.glob("*.pdparams")):
            report("old-format checkpoints (pickle files) are ignored: training starts again from the beginning")
        return None

    def _load(self, folder: Path) -> ResumePoint:
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
        if not str(state["best_file"]).startswith("best-") or Path(state["best_file"]).name != state["best_file"]:
            raise ValueError("names no best weights of this folder")
        digests = dict(state["sha256"])
        checks = [check for name in digests  # the best weights live beside the resume points
                  for check in check_against(folder if (folder / name).exists() else self.folder, digests, [name], STATE)]
        damaged = [check for check in checks if not check.ok]
        if damaged:
            raise ValueError(f"{damaged[0].path}: {damaged[0].problem}")
        return ResumePoint(int(state["step"]), float(state["best"]), int(state["best_step"]), str(state["best_file"]),
                           dict(state["schedule"]), load_arrays(folder / "weights.npz"),
                           load_arrays(folder / "optimizer.npz"), bool(state.get("best_keeps", False)))

    def _prune(self) -> None:
        """Keep the newest resume points and the best weights they name; drop leftovers of killed writes."""
        points = sorted(self.folder.glob("resume-*"), reverse=True)
        for old in points[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
        named = set()
        for point in points[:KEEP]:
            try:
                named.add(json.loads((point / STATE).read_text(encoding="utf-8"))["best_file"])
            except (OSError, ValueError, KeyError):
                continue
        newest_best = max(self.folder.glob("best-*.npz"), default=None)
        for best in self.folder.glob("best-*.npz"):
            if best.name not in named and best != newest_best:
                best.unlink(missing_ok=True)
        for leftover in self.folder.glob(".*.tmp"):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
