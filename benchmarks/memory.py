"""Memory of `lcdreader read` over a folder of 100 photos: RSS must stay flat (no growth per image).

    .venv/bin/python benchmarks/memory.py [--images 100] [--model NAME] [--size 1600x1200]

Photos come in three scales of varied synthetic screens, or all at one ``--size`` (one phone).

Reads /proc/<pid>/status while the command runs; reports RSS after the first 10 images and at the end.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def make_photos(folder: Path, count: int, size: tuple[int, int] | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    from desktop.core.training.synth.dataset import make_screen

    for index in range(count):
        screen = make_screen(f"memory-{index}")
        if size:
            photo = cv2.resize(screen.image, size)
        else:
            scale = 1 + index % 3  # 640x480, 1280x960, 1920x1440: phone photos come in several sizes
            photo = cv2.resize(screen.image, None, fx=scale, fy=scale)
        cv2.imwrite(str(folder / f"{index:03d}.jpg"), photo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=100)
    parser.add_argument("--model", default="default")
    parser.add_argument("--size", help="every photo at this WIDTHxHEIGHT, e.g. 1600x1200")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder, out = Path(scratch) / "photos", Path(scratch) / "out.jsonl"
        folder.mkdir()
        make_photos(folder, args.images, tuple(map(int, args.size.split("x"))) if args.size else None)
        process = subprocess.Popen([sys.executable, "-m", "desktop.cli", "read", str(folder), "--out", str(out),
                                    "--model", args.model],
                                   stderr=subprocess.DEVNULL)
        samples: list[tuple[int, float]] = []
        while process.poll() is None:
            done = out.read_text(encoding="utf-8").count("\n") if out.exists() else 0
            try:
                samples.append((done, rss_mb(process.pid)))
            except OSError:
                break
            time.sleep(0.2)
    after_10 = max(rss for done, rss in samples if done <= 10)
    late = [rss for done, rss in samples if done >= args.images - 10]
    peak = max(rss for _done, rss in samples)
    print(f"{args.images} photos: RSS peak up to image 10 {after_10:.0f} MB, over the last 10 "
          f"{max(late) if late else float('nan'):.0f} MB, overall peak {peak:.0f} MB")
    curve = [f"{n}: {max(rss for done, rss in samples if done <= n):.0f}"
             for n in [1, 2, 5, *range(10, args.images + 1, 10)] if any(done <= n for done, _ in samples)]
    print("peak RSS (MB) up to image N: " + ", ".join(curve))
    growth = (max(late) - after_10) / args.images if late else float("nan")
    print(f"growth per image after warm-up: {growth:.2f} MB")
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
