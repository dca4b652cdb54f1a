"""The OCR thread on the real engine with a model mixing program formats: a recogniser-only finetune
runs the stock legacy-format detector beside a Paddle 3-format recogniser. Before predictor.py set up
Paddle's numpy bridge up front, this crashed the app in 4 of 5 runs, so it runs twice, each time in
its own process (the crash can only happen once per process, on the first image)."""
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
    shutil.copytree(ROOT / "models" / "lcd-default" / "rec", tmp_path / "model" / "rec")
    child = Path(__file__).with_name("mixed_model_child.py")
    sample = ROOT / "resources" / "samples" / "sampler_lcd.png"
    for _ in range(RUNS):
        run = subprocess.run([sys.executable, str(child), str(tmp_path / "model"), str(sample)],
                             capture_output=True, text=True, timeout=300, cwd=ROOT)
        assert run.returncode == 0, f"exit {run.returncode}: {run.stderr[-2000:]}"
        assert "100.07" in run.stdout
