"""Live camera: how fast a new value on the instrument becomes Stable, and whether a wrong one ever does.

A video of a synthetic clamp-meter screen (our own renderer) whose value changes every ``--hold``
seconds is written with OpenCV, then played through the app's real live pipeline: the camera thread
(the file at its own frame rate), the live controller (display timer, latest-frame-wins, frame
difference, stability over N reads) and the OCR worker thread with the real default model.

    flock /tmp/heavy.lock .venv/bin/python benchmarks/live.py [--values 16] [--hold 3] [--fps 15] [--full-reads]

``--full-reads``: every frame detected and recognised, as before live re-reads at known text lines.

Reported: OCR reads per second; stable values per second (live results whose value is marked Stable);
seconds and video frames from a change on the screen to the new value marked Stable (median, p90), and
the OCR reads that took; how long the old value stayed Stable after the change; wrong values marked
Stable (the value on the screen was another one), split into misreads and stale values.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

# Values a clamp meter shows in turn: a digit that changes (3.77 -> 3.78), the decimal point that moves,
# a digit more or less; the misreads were 377 for 3.77 and 422 for 122.
VALUES = ["3.77", "3.78", "12.2", "122", "0.85", "1.25", "42.2", "422", "7.01", "17.0",
          "0.52", "5.20", "99.9", "100", "2.46", "24.6"]


def render_values(values: list[str]) -> list[np.ndarray]:
    """One 640 x 480 picture per value, the same meter each time: only the segments change."""
    from desktop.core.training.synth.fonts import system_fonts
    from desktop.core.training.synth.looks import LOOKS
    from desktop.core.training.synth.screen import Field, ScreenSpec, render_screen
    from desktop.core.training.synth.segments import SegmentStyle

    style = SegmentStyle(kind="seven", stroke=0.12, width=0.52, gap=0.012, spacing=0.16, slant=4.0)
    look = dataclasses.replace(LOOKS["lcd_grey"], ghost=0.05)
    fonts = system_fonts()
    return [render_screen(ScreenSpec(rows=((Field(v, "电流", "A", cells=4),),), look=look, style=style,
                                     title="钳形电流表", unit_scale=0.45), fonts, random.Random(0)).image
            for v in values]


def write_video(path: Path, pictures: list[np.ndarray], hold_s: float, fps: float) -> int:
    """Each picture for ``hold_s`` seconds, with a little sensor noise on every frame; returns frames."""
    rng = np.random.default_rng(0)
    height, width = pictures[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    frames = 0
    for picture in pictures:
        for _ in range(round(hold_s * fps)):
            noise = rng.normal(0, 2.0, picture.shape)
            writer.write(np.clip(picture + noise, 0, 255).astype(np.uint8))
            frames += 1
    writer.release()
    return frames


class Classifier:
    """Which of the pictures a frame shows (the nearest thumbnail): the truth of a frame."""

    def __init__(self, pictures: list[np.ndarray]):
        from desktop.core.live.change import thumbnail

        self._thumbnail = thumbnail
        self._thumbs = [thumbnail(p).astype(np.int16) for p in pictures]

    def __call__(self, frame: np.ndarray) -> int:
        thumb = self._thumbnail(frame).astype(np.int16)
        return int(np.argmin([np.abs(thumb - t).mean() for t in self._thumbs]))


@dataclasses.dataclass
class Change:
    index: int             # the picture shown from now on
    shown_at: float        # its first frame on the screen
    old_was_stable: bool   # the old value was marked Stable when the picture changed
    reads: int = 0         # OCR results since, until the new value was marked Stable
    stable_at: float | None = None
    old_dropped_at: float | None = None  # the old value's Stable mark gone


class Recorder:
    """Listens to the live controller as the main window does, and keeps the figures."""

    def __init__(self, live, values: list[str], classify: Classifier):
        self.live, self.values, self.classify = live, values, classify
        self.shown: int | None = None
        self.changes: list[Change] = []
        self.results = self.stable_results = 0
        self.misread: list[tuple[str, str]] = []   # (marked Stable, truth of the frame it was read from)
        self.stale: list[tuple[str, str]] = []     # (marked Stable, the value on the screen by then)
        self.first_result_at: float | None = None
        self.wrapped = False
        live.frame.connect(self.on_frame)
        live.result.connect(self.on_result)
        live.unsettled.connect(self.on_unsettled)

    def on_frame(self, frame) -> None:
        index = self.classify(frame)
        if index == self.shown:
            return
        if self.shown is not None and index < self.shown:
            self.wrapped = True  # the file starts again: the run is over
            return
        if self.shown is not None and not self.wrapped:
            self.changes.append(Change(index, time.perf_counter(), bool(self.live.stable_readings())))
        self.shown = index

    def on_unsettled(self, _outcome, _states) -> None:
        self._old_dropped()

    def on_result(self, outcome, _states) -> None:
        if self.wrapped or outcome.error or self.shown is None:
            return
        now = time.perf_counter()
        self.first_result_at = self.first_result_at or now
        self.results += 1
        change = self.changes[-1] if self.changes else None
        if change is not None and change.stable_at is None:
            change.reads += 1
        stable = [r.value for r in self.live.stable_readings() if r.key == "电流"]
        if not stable:
            self._old_dropped()
            return
        self.stable_results += 1
        value, truth = stable[0], self.values[self.shown]
        read_truth = self.values[self.classify(outcome.image)]
        if value != read_truth:
            self.misread.append((value, read_truth))
        elif value != truth:
            self.stale.append((value, truth))
        if change is not None and value == truth:
            self._old_dropped()
            if change.stable_at is None:
                change.stable_at = now

    def _old_dropped(self) -> None:
        if self.changes and self.changes[-1].old_dropped_at is None:
            self.changes[-1].old_dropped_at = time.perf_counter()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(args) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.core.preferences import Preferences
    from desktop.ui.app import real_engine
    from desktop.ui.live import LiveController
    from desktop.ui.workers.ocr_worker import OcrService

    values = VALUES[:args.values]
    pictures = render_values(values)
    folder = Path(tempfile.mkdtemp(prefix="live-bench-"))
    video = folder / "clamp_meter.avi"
    frames = write_video(video, pictures, args.hold, args.fps)
    print(f"video: {frames} frames at {args.fps:g} fps, {len(values)} values held {args.hold:g} s each ({video})")

    app = QApplication([])
    prefs = Preferences(model=args.model, stable_frames=args.stable_frames)
    ocr = OcrService(lambda: real_engine(prefs))
    live = LiveController(ocr, stable_frames=prefs.stable_frames)
    if args.full_reads:
        from desktop.core.live.reread import LineReuse

        live.lines = LineReuse(rereads=0)
    recorder = Recorder(live, values, Classifier(pictures))
    errors: list[str] = []
    ocr.engineFailed.connect(errors.append)
    live.failed.connect(errors.append)
    loaded = time.perf_counter()
    ocr.start()
    while not ocr.ready and not errors:
        app.processEvents()
        time.sleep(0.01)
    print(f"engine: {args.model}, loaded in {time.perf_counter() - loaded:.1f} s; stable after {prefs.stable_frames} "
          f"agreeing reads; {'full reads only' if args.full_reads else 'still pictures re-read at their text lines'}")
    started = time.perf_counter()
    live.start(str(video), 640, 480)
    limit = started + frames / args.fps * 1.5 + 30
    while not recorder.wrapped and not errors and time.perf_counter() < limit:
        app.processEvents()
        time.sleep(0.002)
    elapsed = time.perf_counter() - (recorder.first_result_at or started)
    live.shutdown()
    ocr.shutdown()
    shutil.rmtree(folder)
    if errors:
        print("failed:", "; ".join(errors))
        return 1
    report(recorder, elapsed, args.fps)
    return 0


def report(rec: Recorder, elapsed: float, fps: float) -> None:
    latencies = [c.stable_at - c.shown_at for c in rec.changes if c.stable_at is not None]
    reads = [c.reads for c in rec.changes if c.stable_at is not None]
    drops = [c.old_dropped_at - c.shown_at for c in rec.changes if c.old_was_stable and c.old_dropped_at is not None]
    print(f"OCR reads per second:        {rec.results / elapsed:.2f} ({rec.results} in {elapsed:.1f} s)")
    print(f"stable values per second:    {rec.stable_results / elapsed:.2f} ({rec.stable_results} results marked Stable)")
    print(f"changes on the screen:       {len(rec.changes)}, new value marked Stable after {len(latencies)}")
    if latencies:
        median, p90 = statistics.median(latencies), percentile(latencies, 0.9)
        print(f"change -> new value Stable:  median {median:.2f} s ({median * fps:.0f} frames), "
              f"p90 {p90:.2f} s ({p90 * fps:.0f} frames), max {max(latencies):.2f} s; "
              f"OCR reads median {statistics.median(reads):g}")
    if drops:
        print(f"old value's Stable dropped:  {len(drops)} times, median {statistics.median(drops) * 1000:.0f} ms, "
              f"max {max(drops) * 1000:.0f} ms after the change")
    wrong = rec.misread + rec.stale
    print(f"wrong values marked Stable:  {len(wrong)} of {rec.stable_results} "
          f"(misread {len(rec.misread)}, stale {len(rec.stale)})"
          + (": " + ", ".join(f"{v} for {t}" for v, t in sorted(set(wrong))) if wrong else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=len(VALUES), help=f"values shown in turn (at most {len(VALUES)})")
    parser.add_argument("--hold", type=float, default=3.0, help="seconds each value is shown")
    parser.add_argument("--fps", type=float, default=15.0, help="the video's frame rate")
    parser.add_argument("--model", default="default")
    parser.add_argument("--stable-frames", type=int, default=3, help="agreeing reads before Stable (the app's default)")
    parser.add_argument("--full-reads", action="store_true", help="no re-reads at known text lines")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
