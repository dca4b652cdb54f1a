"""Deterministic train / validation split that keeps near-duplicate consecutive shots together.

A technician photographs the same screen three times in a row: if one copy lands in training and
another in validation, validation measures memory, not reading.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

import cv2
import numpy as np

T = TypeVar("T")
SAME_SHOT = 12.0  # mean absolute difference of 16x16 grey thumbnails (0-255) below which shots match


def thumbnail(image: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    return cv2.resize(grey, (16, 16), interpolation=cv2.INTER_AREA).astype(np.float32)


def shot_groups(images: Sequence[np.ndarray]) -> list[int]:
    """A group number per image: consecutive images that look the same share one."""
    groups, previous, group = [], None, -1
    for image in images:
        current = thumbnail(image)
        if previous is None or float(np.abs(current - previous).mean()) >= SAME_SHOT:
            group += 1
        groups.append(group)
        previous = current
    return groups


def split_items(items: Sequence[T], names: Sequence[str], groups: Sequence[int], val_fraction: float = 0.2,
                strata: Sequence[str] | None = None) -> tuple[list[T], list[T]]:
    """Each instrument (``strata``: one label per item) gives its share of shot groups to validation, at
    least one when it has two: a per-instrument verdict needs photos of every instrument. Which groups go
    is decided by the hash of their first name, so a split is the same on every run."""
    first_name: dict[int, str] = {}
    stratum_of: dict[int, str] = {}
    for index, (name, group) in enumerate(zip(names, groups)):
        first_name.setdefault(group, name)
        stratum_of.setdefault(group, strata[index] if strata is not None else "")
    in_val: set[int] = set()
    for stratum in dict.fromkeys(stratum_of.values()):
        members = sorted((g for g in first_name if stratum_of[g] == stratum), key=lambda g: _rank(first_name[g]))
        if len(members) > 1:
            in_val.update(members[: min(max(1, round(val_fraction * len(members))), len(members) - 1)])
    train = [item for item, g in zip(items, groups) if g not in in_val]
    val = [item for item, g in zip(items, groups) if g in in_val]
    return train, val


def _rank(name: str) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)
