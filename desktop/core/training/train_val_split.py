"""Train / validation split: each instrument's latest photos validate, near-duplicate consecutive shots
stay together.

A lab's later photos come from other days, with other ranges and light; the first session's photos
are all alike. A random or interleaved fifth validates on photos of the very sessions training saw and
cannot show what happens later (issue 27: validation rose from 49 to 71 % while later photos read
worse). The latest photos are the nearest thing to the next ones: by capture time where every photo
of the instrument carries one (EXIF), else in the order they are listed (a label file's lines, the
order corrections were made in the app).

A technician photographs the same screen three times in a row: if one copy lands in training and
another in validation, validation measures memory, not reading.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

import cv2
import numpy as np

T = TypeVar("T")
SAME_SHOT = 12.0  # mean absolute difference of 16x16 grey thumbnails (0-255) below which shots match
EXIF_IFD = 0x8769
EXIF_TAKEN = (0x9003, 0x0132)  # DateTimeOriginal in the Exif IFD, else the main DateTime


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


def capture_time(path: str | None) -> datetime | None:
    """When the photo was taken, from its EXIF; None without a readable date."""
    if not path:
        return None
    from PIL import Image

    try:
        with Image.open(path) as image:
            exif = image.getexif()
            stamps = [exif.get_ifd(EXIF_IFD).get(EXIF_TAKEN[0]), exif.get(EXIF_TAKEN[1])]
    except (OSError, ValueError, SyntaxError):
        return None
    for stamp in stamps:
        try:
            return datetime.strptime(str(stamp).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
        except ValueError:
            continue
    return None


def split_items(items: Sequence[T], groups: Sequence[int], val_fraction: float = 0.2,
                strata: Sequence[str] | None = None,
                taken: Sequence[datetime | None] | None = None) -> tuple[list[T], list[T]]:
    """Each instrument (``strata``: one label per item) gives its latest shot groups to validation, its
    share and at least one when it has two: a per-instrument verdict needs photos of every instrument.
    Latest by ``taken`` (capture times) when every item of the instrument has one, else by position."""
    last_position: dict[int, int] = {}
    stratum_of: dict[int, str] = {}
    for index, group in enumerate(groups):
        last_position[group] = index
        stratum_of.setdefault(group, strata[index] if strata is not None else "")
    in_val: set[int] = set()
    for stratum in dict.fromkeys(stratum_of.values()):
        members = [g for g in last_position if stratum_of[g] == stratum]
        members.sort(key=_latest_first(members, groups, taken))
        if len(members) > 1:
            in_val.update(members[: min(max(1, round(val_fraction * len(members))), len(members) - 1)])
    train = [item for item, g in zip(items, groups) if g not in in_val]
    val = [item for item, g in zip(items, groups) if g in in_val]
    return train, val


def _latest_first(members: list[int], groups: Sequence[int],
                  taken: Sequence[datetime | None] | None) -> Callable[[int], Any]:
    """Sort key putting the latest shot group first: by capture time if every item of ``members`` has one."""
    position = {g: i for i, g in enumerate(groups)}  # each group's last item
    wanted = set(members)
    times: dict[int, datetime] = {}
    for group, when in zip(groups, taken or ()):
        if group in wanted:
            if when is None:
                return lambda g: -position[g]
            times[group] = max(when, times.get(group, when))
    if taken is not None:
        return lambda g: (-times[g].timestamp(), -position[g])
    return lambda g: -position[g]
