"""The newer generation as a base? Stock PP-OCRv6 small (ONNX, shipped in the `rapidocr` 3.10 wheel)
on the same held-out screens and general-text crops as benchmarks/screens.py.

Runs in its own environment, because rapidocr and onnxruntime are not the app's dependencies:

    python3.11 -m venv /tmp/v6 && /tmp/v6/bin/pip install rapidocr==3.10.0 onnxruntime pyyaml pillow numpy opencv-python-headless
    PYTHONPATH=. /tmp/v6/bin/python benchmarks/ppocrv6.py [--screens 150]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from screens import TEST_FONT, TEST_SEED, screen_correct  # noqa: E402


def as_boxes(output):
    from desktop.core.ocr.types import TextBox

    if output.boxes is None:
        return []
    return [TextBox(tuple((float(x), float(y)) for x, y in points), text, float(score))
            for points, text, score in zip(output.boxes, output.txts, output.scores)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=150)
    parser.add_argument("--general", type=int, default=300)
    args = parser.parse_args()
    if TEST_FONT.is_file():
        os.environ["LCDREADER_CJK_FONT"] = str(TEST_FONT)
    from rapidocr import RapidOCR

    from desktop.core.evaluation.metrics import RecScore
    from desktop.core.reading import extract_readings
    from desktop.core.reading.units import load_units
    from desktop.core.training.general_text import general_text_items
    from desktop.core.training.synth.dataset import make_screen

    engine = RapidOCR(params={"Global.use_cls": False, "Global.log_level": "error"})
    screens = [make_screen(f"{TEST_SEED}-{i}", strength=1.2, date_stamp=0.3) for i in range(args.screens)]
    general = general_text_items(args.general, seed=987_654)
    units = load_units()
    strict = values = total = 0
    started = time.perf_counter()
    for screen in screens:
        hits, count = screen_correct(screen.readings, extract_readings(as_boxes(engine(screen.image))), units)
        values, total, strict = values + hits, total + count, strict + (hits == count)
    ms = (time.perf_counter() - started) * 1000 / len(screens)
    score = RecScore()
    for item in general:
        output = engine(item.crop, use_det=False, use_cls=False, use_rec=True)
        score.add(output.txts[0] if output.txts else "", item.text)
    print("| model | strict reading accuracy | values read exactly | general text accuracy | ms / screen |")
    print(f"| stock PP-OCRv6 small (ONNX Runtime) | {strict / len(screens):.1%} | {values / total:.1%} | "
          f"{score.accuracy:.1%} | {ms:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
