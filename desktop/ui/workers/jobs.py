"""Plain data sent to and from the OCR worker (Signal(object) payloads)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class OcrJob:
    kind: str                       # "file", "box" (a drawn box): never dropped; "live": latest frame wins
    image_id: int | None = None     # the session store's image id (file jobs)
    path: str | None = None         # read the image from this file in the worker...
    data: bytes | None = None       # ...or decode these bytes...
    image: np.ndarray | None = None  # ...or use this BGR array as it is
    name: str = ""
    template: str | None = None
    points: tuple | None = None     # "box": the four corners drawn on ``image``
    lines: tuple | None = None      # "live": text lines of an earlier read of this same picture (rec only)


@dataclass
class OcrOutcome:
    job: OcrJob
    image: np.ndarray | None = None
    result: object | None = None    # OcrResult
    readings: list = field(default_factory=list)
    error: str | None = None
