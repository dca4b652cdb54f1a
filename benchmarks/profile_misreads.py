"""How many wrong values reach "OK" (photos) or "Stable" (live), without and with the instrument profile.

Stand-in: the six sample screens' own boxes (resources/samples/samples.json), each read many times with
new true values of the screen's own format, and misreads injected as OCR makes them on LCDs: the decimal
point lost (``3.77`` -> ``377``), a decimal point seen that is not there (``1870`` -> ``187.0``), the
leading digit lost (``122`` -> ``22``), and one the profile cannot see, a digit confused (``122`` ->
``422``). The real reading layer (``extract_readings``) turns the boxes into readings.

The technician, as the app expects: they check every value of the first photo of each instrument, and
every value the app flags; a value shown OK is not looked at again, so a wrong one reaches the record.
Live: each photo stays 5 frames in front of the camera (a misread stays for all 5, as a consistent
misread does); a value is Stable after 3 agreeing frames, as in the app.

    .venv/bin/python benchmarks/profile_misreads.py [--photos 60] [--misread-rate 0.2] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.live.stability import StabilityTracker  # noqa: E402
from desktop.core.ocr.types import TextBox  # noqa: E402
from desktop.core.reading import extract_readings  # noqa: E402
from desktop.core.reading.profile import InstrumentProfiles, fits_profile  # noqa: E402

FRAMES_PER_PHOTO, STABLE_FRAMES = 5, 3


def lose_point(value: str) -> str | None:
    return value.replace(".", "") if "." in value else None


def extra_point(value: str) -> str | None:
    digits = value.lstrip("-").replace(".", "")
    if len(digits) < 2:
        return None
    moved = value.index(".") + 1 if "." in value else len(value) - 1
    plain = value.replace(".", "")
    return plain[:moved] + "." + plain[moved:] if moved < len(plain) else None


def lose_lead(value: str) -> str | None:
    sign, body = ("-", value[1:]) if value.startswith("-") else ("", value)
    return sign + body[1:] if len(body.split(".")[0]) >= 2 else None


def confuse_digit(value: str) -> str | None:
    for i, ch in enumerate(value):
        if ch in "17":
            return value[:i] + ("7" if ch == "1" else "1") + value[i + 1:]
    return None


MISREADS = {"lost decimal point": lose_point, "extra decimal point": extra_point, "lost leading digit": lose_lead,
            "digit confused (same format)": confuse_digit}


def split_unit(text: str) -> tuple[str, str]:
    """A value box may hold its unit: ``"778MΩ"`` -> ``("778", "MΩ")``."""
    number = re.match(r"-?[\d.]+", text).group()
    return number, text[len(number):]


def same_format(value: str, rng: random.Random) -> str:
    """A new value shown the way ``value`` is: same digits, point and sign; no new leading zero."""
    out, first = [], True
    for ch in value:
        if ch.isdigit():
            out.append(str(rng.randint(1, 9) if first and ch != "0" else rng.randint(0, 9)))
            first = False
        else:
            out.append(ch)
    return "".join(out)


def screens() -> list[tuple[str, list[TextBox], list[int]]]:
    """(name, boxes, indices of the value boxes) of each sample screen."""
    data = json.loads((ROOT / "resources" / "samples" / "samples.json").read_text(encoding="utf-8"))
    found = []
    for name, screen in data.items():
        boxes = [TextBox(tuple(tuple(p) for p in r["points"]), r["text"], 0.95) for r in screen["regions"]]
        found.append((name, boxes, [i for i, r in enumerate(screen["regions"]) if r["kind"] == "value"]))
    return found


def read(boxes: list[TextBox], values: dict[int, str]):
    """The readings of the screen showing ``values`` (box index -> text), by value box."""
    shown = [TextBox(b.points, values.get(i, b.text), b.score) for i, b in enumerate(boxes)]
    return {i: r for r in extract_readings(shown) for i in r.boxes if i in values}


def run(args, use_profile: bool) -> Counter:
    rng = random.Random(args.seed)
    profiles = InstrumentProfiles()
    counts: Counter = Counter()
    for _name, boxes, value_boxes in screens():
        tracker = StabilityTracker(STABLE_FRAMES)
        for photo in range(args.photos):
            truth = {i: same_format(boxes[i].text, rng) for i in value_boxes}
            shown = dict(truth)
            kind = None
            if photo > 0 and rng.random() < args.misread_rate:
                target, kind = rng.choice(value_boxes), rng.choice(list(MISREADS))
                number, unit = split_unit(truth[target])
                shown[target] = (MISREADS[kind](number) or number) + unit
                kind = kind if shown[target] != truth[target] else None
            readings = read(boxes, shown)
            if use_profile:
                readings = {i: profiles.check_one(r) for i, r in readings.items()}
            checked = []  # what the technician looks at: the first photo, and what the app flags
            for i, reading in readings.items():
                wrong = shown[i] != truth[i]
                counts["values"] += 1
                counts["misreads"] += wrong
                if wrong and reading.valid:
                    counts["wrong shown OK"] += 1
                    counts[f"wrong shown OK: {kind}"] += 1
                if not wrong and not reading.valid and not fits_profile(reading):
                    counts["right value flagged by the profile"] += 1
                true_value = split_unit(truth[i])[0]
                if wrong and reading.suggestion:
                    counts["suggestion right" if reading.suggestion == true_value else "suggestion wrong"] += 1
                if photo == 0 or not reading.valid:
                    checked.append((reading, true_value))
            if kind is not None:
                counts["misreads: " + kind] += 1
            for _frame in range(FRAMES_PER_PHOTO):  # live: the same screen in front of the camera
                states = tracker.update({str(i): r.value for i, r in readings.items()})
                for i, reading in readings.items():
                    if states[str(i)].stable and shown[i] != truth[i] and (fits_profile(reading) or not use_profile):
                        counts["wrong shown Stable (frames)"] += 1
            stable_wrong = {i for i, r in readings.items() if shown[i] != truth[i] and (fits_profile(r) or not use_profile)}
            counts["wrong values reaching Stable"] += len(stable_wrong)
            if stable_wrong:
                counts[f"wrong values reaching Stable: {kind}"] += len(stable_wrong)
            if use_profile:
                for reading, true_value in checked:  # confirmed or corrected: the profile learns the true value
                    reading.value, reading.number = true_value, float(true_value)
                    profiles.learn([reading])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=60, help="photos per instrument")
    parser.add_argument("--misread-rate", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    before, after = run(args, use_profile=False), run(args, use_profile=True)
    print(f"{len(screens())} instruments x {args.photos} photos, misread rate {args.misread_rate}, seed {args.seed}")
    print(f"values read: {before['values']}, misreads injected: {before['misreads']}")
    names = sorted(k for k in set(before) | set(after) if k not in ("values", "misreads"))
    print(f"{'':60s} {'before':>8s} {'after':>8s}")
    for name in names:
        print(f"{name:60s} {before[name]:8d} {after[name]:8d}")


if __name__ == "__main__":
    main()
