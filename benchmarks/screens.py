"""Out-of-the-box accuracy: stock PP-OCRv4 vs our LCD-tuned default model, on screens neither saw.

The test screens come from seeds the training never used and are drawn with another Chinese font
(WenQuanYi Micro Hei instead of Noto Sans CJK) and a stronger phone-photo degradation. General-text
crops (labels, units, words) check that finetuning forgot nothing.

    .venv/bin/python benchmarks/screens.py [--screens 150] [--models stock pp-ocrv4 lcd-default lcd-default:nosplit]

Strict reading accuracy: a screen counts only if EVERY value on it is read exactly with its unit.
Extra readings: readings per screen whose value is not one the screen shows (case printing, a stamp,
a misread); the precision beside strict accuracy. Values only, readings vs box texts: a screen counts
if every value is among the readings' values, or among the numbers in any box text; the reading layer
should lose nothing the OCR read (the first no lower than the second). Model ``truth`` reads the generator's own boxes:
the reading layer measured alone, in a second or two.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST_SEED = "heldout-2026"
TEST_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def canonical_unit(units, text: str) -> str:
    return units.canonical(unicodedata.normalize("NFKC", text)) or text if text else ""


def screen_correct(expected, readings, units) -> tuple[int, int]:
    """(values read exactly with their unit, values expected) for one screen."""
    found = {(r.value, r.unit) for r in readings}
    hits = sum((value, canonical_unit(units, unit)) in found for _key, value, unit in expected)
    return hits, len(expected)


def extra_readings(expected, readings) -> int:
    """Readings whose value is not an expected one; a value read twice where it is shown once counts once."""
    left = Counter(value for _key, value, _unit in expected)
    extra = 0
    for reading in readings:
        if left[reading.value] > 0:
            left[reading.value] -= 1
        else:
            extra += 1
    return extra


def all_in(expected, found) -> bool:
    """Every expected value is among ``found`` (as often as it is expected)."""
    return not Counter(value for _key, value, _unit in expected) - Counter(found)


def box_numbers(boxes, units) -> list[str]:
    """Every number any box text shows, as the reading layer would write it."""
    from desktop.core.reading.numbers import parse_number
    from desktop.core.reading.tokens import NUMBER, normalize_box_text, split_text

    return [parse_number(t.text).value for b in boxes for t in split_text(normalize_box_text(b.text), units)
            if t.kind == NUMBER]


class TruthReader:
    """The generator's own text regions as OCR boxes: what a perfect OCR would hand the reading layer."""

    def read(self, screen):
        from desktop.core.ocr.types import OcrResult, TextBox

        boxes = [TextBox(points=tuple((float(x), float(y)) for x, y in r.points), text=r.text, score=1.0)
                 for r in screen.regions]
        height, width = screen.image.shape[:2]
        return OcrResult(width=width, height=height, device="cpu", model="truth", boxes=boxes, timings_ms={})

    def recognize_crops(self, crops):
        return [None] * len(crops)


class StockReader:
    """Stock PaddleOCR.ocr() (paddleocr 2.10, its defaults, the stock files) behind the engine's two calls."""

    def __init__(self):
        from desktop.core.ocr_metrics.stock import stock_ocr

        self._ocr = stock_ocr()

    def read(self, image):
        from desktop.core.ocr.types import OcrResult, TextBox

        lines = (self._ocr.ocr(image, cls=False) or [None])[0] or []
        boxes = [TextBox(points=tuple(tuple(map(float, p)) for p in points), text=text, score=score)
                 for points, (text, score) in lines]
        return OcrResult(width=image.shape[1], height=image.shape[0], device="cpu", model="stock",
                         boxes=boxes, timings_ms={})

    def recognize_crops(self, crops):
        return [self._ocr.ocr(crop, det=False, cls=False)[0][0] for crop in crops]


class RapidOcrReader:
    """Stock PP-OCRv6 small as rapidocr 3.10 runs it (ONNX Runtime, its own defaults): the pipeline the
    real-photo figures of PP-OCRv6 came from, to compare our Paddle port (``pp-ocrv6``) with."""

    def __init__(self):
        from rapidocr import RapidOCR

        self._ocr = RapidOCR(params={"Global.use_cls": False, "Global.log_level": "error"})

    def read(self, image):
        from desktop.core.ocr.types import OcrResult, TextBox

        output = self._ocr(image)
        boxes = [] if output.boxes is None else [
            TextBox(tuple((float(x), float(y)) for x, y in points), text, float(score))
            for points, text, score in zip(output.boxes, output.txts, output.scores)]
        return OcrResult(width=image.shape[1], height=image.shape[0], device="cpu", model="rapidocr-onnx",
                         boxes=boxes, timings_ms={})

    def recognize_crops(self, crops):
        results = []
        for crop in crops:
            output = self._ocr(crop, use_det=False, use_cls=False, use_rec=True)
            results.append((output.txts[0], float(output.scores[0])) if output.txts else ("", 0.0))
        return results


def make_reader(model: str):
    """``stock`` (PaddleOCR.ocr(), PP-OCRv4), ``rapidocr-onnx`` (rapidocr's PP-OCRv6 on ONNX Runtime),
    ``truth`` (the generator's own boxes), or a model name with optional @DET_SIZE, :nosplit,
    :enlarge (small photos enlarged to the detection size), :onelook (no second look at the display) and
    :closer (the second look also enlarged for small values)."""
    from desktop.core.ocr.engine import DEFAULT_DET_SIDE
    from desktop.core.ocr.open_engine import open_engine

    if model == "stock":
        return StockReader()
    if model == "truth":
        return TruthReader()
    if model == "rapidocr-onnx":
        return RapidOcrReader()
    spec, *options = model.split(":")
    name, _, det_size = spec.partition("@")
    return open_engine(model=name, device="cpu", split_gaps="nosplit" not in options,
                       det_limit_side=int(det_size) if det_size else DEFAULT_DET_SIDE,
                       det_enlarge_small="enlarge" in options, second_look="onelook" not in options, enlarged_look="closer" in options)


def evaluate(model: str, screens, general, units) -> dict:
    from desktop.core.ocr_metrics.metrics import RecScore
    from desktop.core.reading import extract_readings

    reader = make_reader(model)
    if hasattr(reader, "warm_up"):  # ms / screen then leaves out Paddle's one-off cost per input shape
        reader.warm_up()
    strict = values = total_values = extra = in_readings = in_boxes = 0
    started = time.perf_counter()
    for screen in screens:
        result = reader.read(screen if isinstance(reader, TruthReader) else screen.image)
        readings = extract_readings(result.boxes, image_size=(result.width, result.height))
        hits, count = screen_correct(screen.readings, readings, units)
        values += hits
        total_values += count
        strict += hits == count
        extra += extra_readings(screen.readings, readings)
        in_readings += all_in(screen.readings, [r.value for r in readings])
        in_boxes += all_in(screen.readings, box_numbers(result.boxes, units))
    elapsed = time.perf_counter() - started
    score = RecScore()
    if not isinstance(reader, TruthReader):
        for (text, _conf), item in zip(reader.recognize_crops([i.crop for i in general]), general):
            score.add(text, item.text)
    return {"model": model, "strict": strict / len(screens), "values": values / total_values,
            "extra": extra / len(screens), "in_readings": in_readings / len(screens),
            "in_boxes": in_boxes / len(screens), "general": score.accuracy if score.total else None,
            "ms": elapsed * 1000 / len(screens)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=150)
    parser.add_argument("--general", type=int, default=300, help="general-text crops")
    parser.add_argument("--models", nargs="+", default=["pp-ocrv4", "lcd-default"],
                        help="model names; NAME@640 sets the detection size, NAME:nosplit reads without "
                             "splitting lines at wide gaps; 'stock' is PaddleOCR.ocr() itself (needs .[bench])")
    args = parser.parse_args()
    if TEST_FONT.is_file():
        os.environ["LCDREADER_CJK_FONT"] = str(TEST_FONT)
    sys.path.insert(0, str(ROOT))
    from desktop.core.reading.units import load_units
    from desktop.core.training.general_text import general_text_items
    from desktop.core.training.synth.dataset import make_screen

    screens = [make_screen(f"{TEST_SEED}-{i}", strength=1.2, date_stamp=0.3) for i in range(args.screens)]
    general = general_text_items(args.general, seed=987_654)
    units = load_units()
    rows = [evaluate(model, screens, general, units) for model in args.models]
    print(f"{len(screens)} held-out synthetic screens ({sum(len(s.readings) for s in screens)} values), "
          f"{len(general)} general-text crops, font {os.environ.get('LCDREADER_CJK_FONT', 'default')}")
    print("| model | strict reading accuracy | values read exactly | extra readings / screen "
          "| values only: readings / box texts | general text accuracy | ms / screen |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        general = "-" if row["general"] is None else f"{row['general']:.1%}"
        print(f"| {row['model']} | {row['strict']:.1%} | {row['values']:.1%} | {row['extra']:.2f} "
              f"| {row['in_readings']:.1%} / {row['in_boxes']:.1%} | {general} "
              f"| {row['ms']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
