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


def split_items(items: Sequence[T], names: Sequence[str], groups: Sequence[int],
                val_fraction: float = 0.2) -> tuple[list[T], list[T]]:
    """Each group goes to validation when the hash of its first name says so: stable across runs."""
    first_name: dict[int, str] = {}
    for name, group in zip(names, groups):
        first_name.setdefault(group, name)
    in_val = {g: int(hashlib.sha1(n.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF < val_fraction
              for g, n in first_name.items()}
    if len(first_name) > 1 and not any(in_val.values()):
        in_val[max(first_name)] = True  # a tiny set still gets a validation group
    if all(in_val.values()) and len(first_name) > 1:
        in_val[min(first_name)] = False
    train = [item for item, g in zip(items, groups) if not in_val[g]]
    val = [item for item, g in zip(items, groups) if in_val[g]]
    return train, val
