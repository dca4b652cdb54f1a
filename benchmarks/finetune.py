"""Finetuning on ~100 labeled photos of ONE instrument type: reading accuracy on its other photos,
before and after, without losing accuracy on other screens; CPU time and where it goes.

    .venv/bin/python benchmarks/finetune.py [--photos 100] [--rec-steps 60] [--det-steps 30] [--rec-lr 3e-5]

The instrument: a smoke-dust sampler (烟尘采样器) with a thin, slanted seven-segment LCD with unlit
ghost digits, photographed 150 times (values, light, angle, blur all change). 100 photos are labeled
for training (det label file, as PPOCRLabel writes it); the other 50 are the test.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from screens import evaluate  # noqa: E402

QUANTITIES = (("大气压", "kPa", 80, 106, 2), ("计前温度", "℃", -10, 60, 1),
              ("计前压力", "kPa", -20, 5, 2), ("流量", "L/min", 0, 120, 1))


def instrument_photo(seed: str):
    from desktop.core.training.synth.fonts import system_fonts
    from desktop.core.training.synth.looks import LOOKS, jitter
    from desktop.core.training.synth.photo import degrade
    from desktop.core.training.synth.screen import Field, ScreenSpec, render_screen
    from desktop.core.training.synth.segments import SegmentStyle

    rng = random.Random(seed)
    rows = tuple((Field(value=f"{rng.uniform(low, high):.{decimals}f}", key=key, unit=unit, cells=5),)
                 for key, unit, low, high, decimals in QUANTITIES)
    style = SegmentStyle(kind="seven", width=0.5, stroke=0.07, gap=0.02, spacing=0.18, slant=8.0)
    spec = ScreenSpec(rows=rows, look=jitter(LOOKS["lcd_green"], rng), style=style, title="烟尘采样器",
                      size=(640, 480), key_scale=0.42, unit_scale=0.38)
    fonts = system_fonts()
    return degrade(render_screen(spec, fonts, rng), rng, fonts, strength=rng.uniform(0.5, 1.0))


def write_labeled_set(folder: Path, count: int) -> Path:
    from desktop.core.label_files import format_det_line

    (folder / "images").mkdir(parents=True)
    lines = []
    for index in range(count):
        photo = instrument_photo(f"instrument-train-{index}")
        name = f"images/{index:04d}.jpg"
        cv2.imwrite(str(folder / name), photo.image, [cv2.IMWRITE_JPEG_QUALITY, 92])
        lines.append(format_det_line(name, photo.regions))
    labels = folder / "Label.txt"
    labels.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return labels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--test", type=int, default=50)
    parser.add_argument("--rec-steps", type=int, default=60)
    parser.add_argument("--det-steps", type=int, default=30)
    parser.add_argument("--rec-lr", type=float, help="recognition's learning rate (default: the one for its stock base)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="lcdreader-finetune-bench-"))
    os.environ["LCDREADER_HOME"] = str(scratch / "home")
    from desktop.core.reading.units import load_units
    from desktop.core.training.cancel import CancelToken
    from desktop.core.training.general_text import general_text_items
    from desktop.core.training.payload import parse_job
    from desktop.core.training.runner import run_job
    from desktop.core.training.synth.dataset import make_screen

    labels = write_labeled_set(scratch / "labeled", args.photos)
    test = [instrument_photo(f"instrument-test-{i}") for i in range(args.test)]
    others = [make_screen(f"other-screens-{i}", strength=1.0) for i in range(60)]
    general = general_text_items(200, seed=424242)
    units = load_units()
    job = parse_job({
        "name": "instrument-bench", "tasks": ["rec", "det"], "base_model": "pp-ocrv4",
        "train": [{"format": "det", "path": str(labels)}], "synthetic_screens": 40,
        "rec": {"steps": args.rec_steps, "batch_size": 16, "learning_rate": args.rec_lr},
        "det": {"steps": args.det_steps, "batch_size": 4, "learning_rate": 1e-4},
        "eval_every": max(args.rec_steps // 2, 1), "device": "cpu", "activate": "never",
        "work_dir": str(scratch / "job"),
    }, "benchmark")
    started = time.perf_counter()
    result = run_job(job, lambda event: None, CancelToken())
    minutes = (time.perf_counter() - started) / 60
    models = ["pp-ocrv4"] + ([result["model"]] if result.get("model") else [])
    print(f"{args.photos} labeled photos of one instrument, {args.test} test photos of it, 60 other screens, "
          f"{len(general)} general-text crops")
    print("| model | this instrument: strict | values | other screens: strict | values | general text |")
    print("|---|---|---|---|---|---|")
    for model in models:
        mine, other = evaluate(model, test, general, units), evaluate(model, others, [], units)
        print(f"| {model} | {mine['strict']:.1%} | {mine['values']:.1%} | {other['strict']:.1%} | "
              f"{other['values']:.1%} | {mine['general']:.1%} |")
    print(f"\nfinetune wall time on this CPU: {minutes:.1f} min (data, before/after scoring and training)")
    for stage, info in result["stages"].items():
        per_step = info["seconds_per_step"]
        print(f"  {stage}: {info['steps_done']} steps, seconds per step: " +
              ", ".join(f"{k} {v:.2f}" for k, v in per_step.items()) + f" (best step {info['best_step']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
