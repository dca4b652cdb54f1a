"""A trained detector (``inference.json``) rewritten as the stock legacy program reads exactly as before."""
from __future__ import annotations

import shutil

import cv2
import numpy as np

from desktop.core.ocr.device import choose_device
from desktop.core.ocr.detector import TextDetector
from desktop.core.ocr.model_files import base_model_set
from desktop.core.ocr.predictor import predictor_infer
from desktop.core.training.convert import trainable_copy
from desktop.core.training.legacy_export import to_legacy_program

from .conftest import SAMPLES


def test_a_json_detector_as_legacy_program_gives_the_same_map(tmp_path):
    stock = base_model_set()
    trained = tmp_path / "det"
    shutil.copytree(trainable_copy(stock.det_dir), trained)  # the json form training saves
    device = choose_device("cpu")
    image = cv2.imread(str(SAMPLES / "sampler_lcd.png"))
    before = TextDetector(predictor_infer(trained, device)).probability_map(image)
    assert to_legacy_program(trained, stock.det_dir)
    assert sorted(p.name for p in trained.iterdir()) == ["inference.pdiparams", "inference.pdmodel"]
    after = TextDetector(predictor_infer(trained, device)).probability_map(image)
    assert np.abs(before - after).max() < 1e-3


def test_weights_of_another_architecture_leave_the_folder_unchanged(tmp_path):
    stock = base_model_set()
    trained = tmp_path / "rec"
    shutil.copytree(trainable_copy(stock.rec_dir), trained)
    files = sorted(p.name for p in trained.iterdir())
    assert not to_legacy_program(trained, stock.det_dir)
    assert sorted(p.name for p in trained.iterdir()) == files


def test_a_failed_rewrite_keeps_the_trained_detector_and_says_so(tmp_path):
    from desktop.core.training.runner import _detector_for_speed

    trained = tmp_path / "det"
    trained.mkdir()
    (trained / "inference.json").write_text("{}", encoding="utf-8")  # unloadable
    (trained / "inference.pdiparams").write_bytes(b"weights")
    events = []
    _detector_for_speed(trained, events.append)
    assert sorted(p.name for p in trained.iterdir()) == ["inference.json", "inference.pdiparams"]
    assert not (tmp_path / "det.legacy").exists()
    assert "kept in Paddle 3 format" in events[0]["message"]
