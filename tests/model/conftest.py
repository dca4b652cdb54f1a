"""Shared real-model fixtures: the engine loads once per session (Paddle predictors are costly)."""
import json
from pathlib import Path

import pytest

from desktop.core.resources import resource_path

SAMPLES = resource_path("samples")


@pytest.fixture(scope="session")
def base_engine():
    from desktop.core.ocr.open_engine import open_engine

    return open_engine(model="pp-ocrv4", device="cpu")


@pytest.fixture(scope="session")
def sample_truth() -> dict:
    return json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))


def sample(name: str) -> Path:
    return SAMPLES / name
