"""`lcdreader bench PATH...`: latency of our engine and of stock PaddleOCR on the same images, same run.

Two figures each: the first pass (every image read once, as a technician opens photos: ours after its
warm-up, as `lcdreader read` and the app run it; stock as `PaddleOCR.ocr()` comes, with none), then
warm (``--repeat`` timed passes after ``--warmup`` untimed ones)."""
from __future__ import annotations

import statistics
import sys
import time

from desktop.commands.common import add_engine_options


def register(subparsers) -> None:
    parser = subparsers.add_parser("bench", help="measure latency against the stock PaddleOCR pipeline")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the images (default 5)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed passes first (default 2)")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock PaddleOCR reference")
    add_engine_options(parser)
    parser.set_defaults(run=run)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def time_pipeline(fn, images, repeat: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        for image in images:
            fn(image)
    samples = []
    for _ in range(repeat):
        for image in images:
            start = time.perf_counter()
            fn(image)
            samples.append((time.perf_counter() - start) * 1000.0)
    return samples


def summary(label: str, samples: list[float]) -> str:
    return f"{label:<40} median {statistics.median(samples):7.1f} ms   p90 {percentile(samples, 0.9):7.1f} ms"


def run(args) -> int:
    start = time.perf_counter()
    import paddle  # noqa: F401  (timed here on purpose)

    from desktop.commands.common import create_engine  # imports paddle

    import_s = time.perf_counter() - start
    from desktop.core.ocr.images import find_images, load_image
    from desktop.core.ocr.types import ImageError

    images = []
    for path in find_images(args.paths):
        try:
            images.append(load_image(path))
        except ImageError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    if not images:
        print("lcdreader: no readable images", file=sys.stderr)
        return 1
    start = time.perf_counter()
    engine = create_engine(args)
    if engine is None:
        return 2
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    engine.read(images[0])
    first_ms = (time.perf_counter() - start) * 1000.0
    start = time.perf_counter()
    engine.warm_up()
    warm_up_s = time.perf_counter() - start

    print(f"{len(images)} images, device {engine.device}, model {engine.model_name}, det size {args.det_size}, "
          f"second look {'off' if args.one_look else 'on'}")
    print(f"import paddle + engine {import_s:.2f} s, model load {load_s:.2f} s, first call {first_ms:.0f} ms, "
          f"then warm-up {warm_up_s:.2f} s")
    stages: dict[str, list[float]] = {}

    def ours(image):
        for stage, ms in engine.read(image).timings_ms.items():
            stages.setdefault(stage, []).append(ms)

    ours_first = time_pipeline(engine.read, images, 1, 0)
    print(summary("ours, first pass (per image)", ours_first))
    ours_ms = time_pipeline(ours, images, args.repeat, args.warmup)
    print(summary("ours, warm (per image)", ours_ms))
    for stage, values in stages.items():
        print(summary(f"  stage {stage}", values[-len(ours_ms):]))
    return compare_with_stock(args, engine, images, ours_first, ours_ms)


def compare_with_stock(args, engine, images, ours_first: list[float], ours_ms: list[float]) -> int:
    from desktop.core.ocr_metrics.stock import stock_available, stock_pipeline

    if args.no_stock:
        return 0
    if not stock_available():
        print("stock reference skipped: paddleocr is not installed (pip install '.[bench]')")
        return 0
    if engine.model_name != "pp-ocrv4":
        print(f"note: the stock pipeline runs the stock pp-ocrv4 files; ours ran {engine.model_name} "
              "(use --model pp-ocrv4 to compare the pipelines alone)")
    for mkldnn in (False, True):
        label = f"stock PaddleOCR (mkldnn {'on' if mkldnn else 'off'})"
        stock = stock_pipeline(enable_mkldnn=mkldnn, det_limit_side=args.det_size)
        stock_first = time_pipeline(stock, images, 1, 0)
        print(summary(f"{label}, first pass", stock_first))
        stock_ms = time_pipeline(stock, images, args.repeat, args.warmup)
        print(summary(f"{label}, warm", stock_ms))
        print(f"  ratio ours / {label}: first pass {_ratio(ours_first, stock_first):.2f}, "
              f"warm {_ratio(ours_ms, stock_ms):.2f}")
    return 0


def _ratio(ours: list[float], stock: list[float]) -> float:
    return statistics.median(ours) / statistics.median(stock)
