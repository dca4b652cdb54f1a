"""Pieces every OCR sub-command shares: engine options, quiet paddle, progress on stderr."""
from __future__ import annotations

import argparse
import sys
import time
import warnings

from desktop.core.ocr.device import DEVICE_CHOICES
from desktop.core.ocr.engine import DEFAULT_DET_SIDE, DET_SIDE_RANGE


def add_engine_options(parser) -> None:
    parser.add_argument("--device", choices=DEVICE_CHOICES, default="auto", help="where to run (default: auto)")
    parser.add_argument("--model", default="default", help="model name (see `lcdreader models list`)")
    low, high = DET_SIDE_RANGE
    parser.add_argument("--det-size", type=detection_side, default=DEFAULT_DET_SIDE, metavar="PIXELS",
                        help=f"longest side of the detection input, {low}-{high} (default {DEFAULT_DET_SIDE})")
    parser.add_argument("--one-look", action="store_true",
                        help="detect once: no second look at the display's region")


def detection_side(text: str) -> int:
    """argparse type: a side the detector can use (argparse exits 2 with the message otherwise)."""
    low, high = DET_SIDE_RANGE
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of pixels") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{value} is outside {low}-{high} pixels")
    return value


def create_engine(args):
    """The engine for these options, or None after printing why it cannot be made."""
    warnings.filterwarnings("ignore", module="paddle")  # compiler hints paddle prints on import
    from desktop.core.models.errors import ModelError
    from desktop.core.ocr.open_engine import open_engine
    from desktop.core.ocr.types import OcrError

    try:
        engine = open_engine(model=args.model, device=args.device, det_limit_side=args.det_size,
                             second_look=not args.one_look)
    except (OcrError, ModelError) as exc:
        print(f"lcdreader: {exc}", file=sys.stderr)
        return None
    if engine.choice.notice:
        print(f"lcdreader: {engine.choice.notice}", file=sys.stderr)
    return engine


class Progress:
    """A one-line progress bar with ETA on stderr, drawn only on a terminal (logs stay clean)."""

    def __init__(self, total: int, label: str, stream=None):
        self.total, self.label = total, label
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and self.stream.isatty()
        self.start = time.perf_counter()

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        elapsed = time.perf_counter() - self.start
        eta = elapsed / done * (self.total - done) if done else 0.0
        filled = int(30 * done / self.total)
        bar = "#" * filled + "-" * (30 - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{self.total}  ETA {eta:5.0f} s")
        if done == self.total:
            self.stream.write("\n")
        self.stream.flush()
