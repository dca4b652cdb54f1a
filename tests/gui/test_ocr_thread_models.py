"""The OCR thread on the real engine with a model mixing program formats: a recogniser-only finetune
that stayed in Paddle 3's format runs beside the stock legacy-format detector. This crashed the app
in 4 of 5 runs while Paddle's numpy bridge was first used on the first image instead of at load
(predictor.py now sets it up before any predictor, and the affine fold's weight reads happen at load
too). It runs twice, each time in its own process: the crash could only happen once per process."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 2

pytestmark = pytest.mark.model


def test_a_recogniser_only_model_reads_in_the_ocr_thread(tmp_path):
    from desktop.core.models.convert import trainable_copy
    from desktop.core.models.model_files import base_model_set

    # the stock recogniser in Paddle 3's format, as training saves it when it cannot go back to legacy
    shutil.copytree(trainable_copy(base_model_set().rec_dir), tmp_path / "model" / "rec")
    child = Path(__file__).with_name("mixed_model_child.py")
    sample = ROOT / "resources" / "samples" / "sampler_lcd.png"
    for _ in range(RUNS):
        run = subprocess.run([sys.executable, str(child), str(tmp_path / "model"), str(sample)],
                             capture_output=True, text=True, timeout=300, cwd=ROOT)
        assert run.returncode == 0, f"exit {run.returncode}: {run.stderr[-2000:]}"
        assert "100.07" in run.stdout
