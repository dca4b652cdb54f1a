"""A trained model (``inference.json``) rewritten as the stock legacy program reads exactly as before."""
from __future__ import annotations

import shutil

import cv2
import numpy as np
import pytest

from desktop.core.models.convert import trainable_copy
from desktop.core.models.legacy_export import to_legacy_program
from desktop.core.models.model_files import base_model_set
from desktop.core.models.predictor import predictor_infer
from desktop.core.ocr.detector import TextDetector
from desktop.core.ocr.device import choose_device
from desktop.core.ocr.recognizer import make_batch

from .conftest import SAMPLES


def network_input(stage: str) -> np.ndarray:
    image = cv2.imread(str(SAMPLES / "sampler_lcd.png"))
    if stage == "det":
        detector = TextDetector(lambda batch: batch)  # identity network: returns its own input
        return detector.probability_map(image)
    return make_batch([image[40:100, 20:300], image[120:170, 20:200]])


@pytest.mark.parametrize("stage", ["det", "rec"])
def test_a_json_model_as_legacy_program_gives_the_same_output(tmp_path, stage):
    stock = getattr(base_model_set(), f"{stage}_dir")
    trained = tmp_path / stage
    shutil.copytree(trainable_copy(stock), trained)  # the json form training saves
    device = choose_device("cpu")
    batch = network_input(stage)
    before = predictor_infer(trained, device)(batch)
    assert to_legacy_program(trained, stock)
    assert sorted(p.name for p in trained.iterdir()) == ["inference.pdiparams", "inference.pdmodel"]
    after = predictor_infer(trained, device)(batch)
    assert np.abs(before - after).max() < 1e-3


def test_weights_of_another_architecture_leave_the_folder_unchanged(tmp_path):
    stock = base_model_set()
    trained = tmp_path / "rec"
    shutil.copytree(trainable_copy(stock.rec_dir), trained)
    files = sorted(p.name for p in trained.iterdir())
    assert not to_legacy_program(trained, stock.det_dir)
    assert sorted(p.name for p in trained.iterdir()) == files


def test_a_failed_rewrite_keeps_the_trained_model_and_says_so(tmp_path):
    from desktop.core.training.runner import _legacy_for_speed

    trained = tmp_path / "det"
    trained.mkdir()
    (trained / "inference.json").write_text("{}", encoding="utf-8")  # unloadable
    (trained / "inference.pdiparams").write_bytes(b"weights")
    events = []
    _legacy_for_speed("det", trained, events.append)
    assert sorted(p.name for p in trained.iterdir()) == ["inference.json", "inference.pdiparams"]
    assert not (tmp_path / "det.legacy").exists()
    assert "det: kept in Paddle 3 format" in events[0]["message"]
