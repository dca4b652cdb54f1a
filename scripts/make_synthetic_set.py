"""Write a synthetic dataset of named scenes (looks): PaddleOCR det / rec labels plus screens.jsonl with the
expected readings and every region's role (reading, display text or clutter).

    .venv/bin/python scripts/make_synthetic_set.py OUT_DIR [--n 200] [--seed 7] [--looks hmi_table,led_panel]
        [--labels full|partial] [--strength 1.0] [--no-crops]

A validation set of looks the training never saw: train with ``"synthetic_looks"`` in the job (payload.py)
and generate the others here. Scenes: see desktop/core/training/synth/__init__.py.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from desktop.core.training.synth.dataset import LABEL_MODES, generate_dataset
    from desktop.core.training.synth.scenes import SCENE_NAMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--n", type=int, default=200, help="number of images")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--looks", default="", help=f"comma-separated scene names from: {', '.join(SCENE_NAMES)}")
    parser.add_argument("--labels", choices=LABEL_MODES, default="full",
                        help="'partial': box only values, units and mode words, as a technician labels")
    parser.add_argument("--strength", type=float, default=1.0, help="photo degradation, 0 for clean renders")
    parser.add_argument("--no-crops", action="store_true", help="skip the rec crops")
    args = parser.parse_args(argv)
    looks = [name.strip() for name in args.looks.split(",") if name.strip()] or None
    try:
        summary = generate_dataset(args.out_dir, args.n, args.seed, looks=looks, labels=args.labels,
                                   strength=args.strength, crops=not args.no_crops)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{summary.images} images, {summary.crops} crops in {summary.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
