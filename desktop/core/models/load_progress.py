"""What loading the OCR models is doing, for whoever shows it (the app's status bar).

Loading runs deep inside the engine's constructor (a model is resolved, PP-OCRv6 converted the first
time, predictors built), so its steps are told to a listener set for the loading thread rather than
passed down every call: ``report(stage, seconds)`` names the step and how long it usually takes. No
listener, nothing happens. Stages: "load" (building the predictors), "convert_ppocrv6" (once per
installation: the ONNX weights made into a Paddle model set).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Measured on a 2-core lab PC (the dev machine): PP-OCRv6 conversion 6.5 s, building predictors 2 s.
EXPECTED_SECONDS = {"load": 3.0, "convert_ppocrv6": 8.0}
_local = threading.local()


def report(stage: str) -> None:
    listener: Callable[[str, float], None] | None = getattr(_local, "listener", None)
    if listener is not None:
        listener(stage, EXPECTED_SECONDS.get(stage, 0.0))


@contextmanager
def listening(listener: Callable[[str, float], None]) -> Iterator[None]:
    """Within this block, steps reported in this thread go to ``listener(stage, expected_seconds)``."""
    previous = getattr(_local, "listener", None)
    _local.listener = listener
    try:
        yield
    finally:
        _local.listener = previous
