"""The guard against forgetting: per look of display, does a model read at least what its base reads?

Synthetic photos of every look (``desktop/core/training/synth/scenes.py``: classic screens, the thin-segment
insulation tester, backlit LCDs in a case, red LED panels, HMI tables, clock LCDs), from seeds no training
used, drawn with another Chinese font (WenQuanYi instead of Noto) where the look has Chinese. The
default model never trains on ``hmi_table``: that look is unseen by construction.

    .venv/bin/python benchmarks/forgetting.py [--per-look 30] [--base pp-ocrv6] [--models ...] [--guard lcd-default]

For each look: strict (every value on the photo read exactly, with its unit), values read, and
``lost``: values the base read exactly that the model no longer reads. The guard passes when no guarded
model (``--guard``) reads a look's values less often than the base does (one value fewer counts).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from screens import TEST_FONT, canonical_unit, extra_readings, make_reader  # noqa: E402


def read_hits(reader, screens, units) -> tuple[list[list[bool]], int]:
    """Per screen, per expected value: read exactly with its unit? And the readings that are no value."""
    from desktop.core.reading import extract_readings

    hits, extra = [], 0
    for screen in screens:
        result = reader.read(screen.image)
        readings = extract_readings(result.boxes, image_size=(result.width, result.height))
        found = {(r.value, r.unit) for r in readings}
        hits.append([(value, canonical_unit(units, unit)) in found for _key, value, unit in screen.readings])
        extra += extra_readings(screen.readings, readings)
    return hits, extra


def summary(hits: list[list[bool]]) -> tuple[float, float]:
    screens = [h for h in hits if h]
    strict = sum(all(h) for h in screens) / max(len(screens), 1)
    values = sum(map(sum, screens)) / max(sum(map(len, screens)), 1)
    return strict, values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-look", type=int, default=30)
    parser.add_argument("--base", default="pp-ocrv6", help="the model the others must not fall below")
    parser.add_argument("--models", nargs="+", default=["pp-ocrv4", "pp-ocrv6", "lcd-default"])
    parser.add_argument("--guard", nargs="+", default=["lcd-default"], help="the models held to the base")
    args = parser.parse_args()
    if TEST_FONT.is_file():
        os.environ["LCDREADER_CJK_FONT"] = str(TEST_FONT)
    sys.path.insert(0, str(ROOT))
    from desktop.core.reading.units import load_units
    from desktop.core.training.synth.dataset import make_screen
    from desktop.core.training.synth.scenes import SCENE_NAMES

    units = load_units()
    screens = {look: [make_screen(f"forgetting-{look}-{i}", looks=[look]) for i in range(args.per_look)]
               for look in SCENE_NAMES}
    models = list(dict.fromkeys([args.base, *args.models]))
    hits, extras = {}, {}
    for model in models:
        reader = make_reader(model)
        results = {look: read_hits(reader, screens[look], units) for look in SCENE_NAMES}
        hits[model] = {look: result[0] for look, result in results.items()}
        extras[model] = sum(result[1] for result in results.values()) / (args.per_look * len(SCENE_NAMES))
        del reader
    print(f"{args.per_look} photos per look, unseen seeds, font {os.environ.get('LCDREADER_CJK_FONT', 'default')}; "
          f"strict / values / values lost against {args.base}")
    print("| look | " + " | ".join(args.models) + " |")
    print("|---|" + "---|" * len(args.models))
    failures = []
    for look in SCENE_NAMES:
        cells = []
        base_hits = hits[args.base][look]
        for model in args.models:
            strict, values = summary(hits[model][look])
            lost = sum(b and not m for bs, ms in zip(base_hits, hits[model][look]) for b, m in zip(bs, ms))
            cells.append(f"{strict:.0%} / {values:.0%} / {lost}")
            if model in args.guard and values < summary(base_hits)[1]:
                failures.append(f"{model} on {look}")
        print(f"| {look} | " + " | ".join(cells) + " |")
    totals = [summary([h for look in SCENE_NAMES for h in hits[m][look]]) for m in args.models]
    print("| all | " + " | ".join(f"{s:.0%} / {v:.0%}" for s, v in totals) + " |")
    print("| extra readings / photo | " + " | ".join(f"{extras[m]:.2f}" for m in args.models) + " |")
    print("guard: " + ("passed" if not failures else "FAILED for " + ", ".join(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
