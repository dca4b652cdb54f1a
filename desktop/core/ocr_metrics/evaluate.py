"""Run a detector or recogniser over a labeled set and score it (used by `eval` and by training)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desktop.core.label_files import DetSample, RecSample
from desktop.core.ocr.images import load_image
from desktop.core.ocr.types import ImageError
from desktop.core.ocr_metrics.metrics import DetCounts, RecScore, match_detections

ProgressFn = Callable[[float, str], None]


@dataclass
class DetEvaluation:
    counts: DetCounts = field(default_factory=DetCounts)
    images: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class RecEvaluation:
    score: RecScore = field(default_factory=RecScore)
    errors: list[str] = field(default_factory=list)


def evaluate_detection(detect: Callable[[np.ndarray], list], samples: Sequence[DetSample], root: Path,
                       progress: ProgressFn | None = None) -> DetEvaluation:
    result = DetEvaluation()
    for index, sample in enumerate(samples, start=1):
        try:
            image = load_image(Path(root) / sample.path)
        except ImageError as exc:
            result.errors.append(str(exc))
            continue
        detections = detect(image)
        result.counts.add(match_detections([r.points for r in sample.regions],
                                           [r.ignored for r in sample.regions], detections))
        result.images += 1
        if progress:
            progress(index / len(samples), sample.path)
    return result


def evaluate_recognition(recognize: Callable[[list[np.ndarray]], list[tuple[str, float]]],
                         samples: Sequence[RecSample], root: Path, batch: int = 32,
                         progress: ProgressFn | None = None) -> RecEvaluation:
    result = RecEvaluation()
    for start in range(0, len(samples), batch):
        crops, expected = [], []
        for sample in samples[start : start + batch]:
            try:
                crops.append(load_image(Path(root) / sample.path))
                expected.append(sample.text)
            except ImageError as exc:
                result.errors.append(str(exc))
        for (predicted, _score), text in zip(recognize(crops) if crops else [], expected):
            result.score.add(predicted, text)
        if progress:
            progress(min(start + batch, len(samples)) / len(samples), samples[start].path)
    return result
