"""Plain data sent to and from the OCR worker (Signal(object) payloads)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np


@dataclass
class OcrJob:
    kind: str                       # "file": never dropped; "live": latest frame wins
    image_id: int | None = None     # the session store's image id (file jobs)
    path: str | None = None         # read the image from this file in the worker...
    data: bytes | None = None       # ...or decode these bytes...
    image: np.ndarray | None = None  # ...or use this BGR array as it is
    name: str = ""
    template: str | None = None
    submitted: float = field(default_factory=time.perf_counter)


@dataclass
class OcrOutcome:
    job: OcrJob
    image: np.ndarray | None = None
    result: object | None = None    # OcrResult
    readings: list = field(default_factory=list)
    error: str | None = None
    latency_ms: float = 0.0         # submit -> result, including the wait in the inbox
