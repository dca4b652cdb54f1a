"""Whole screens with the readings a technician confirmed: how often the full pipeline (detection,
recognition, key-value pairing) gives exactly those readings. The wizard writes them from corrected
images of the app's sessions and from det-labeled pictures; a training job scores the model before
and after finetuning on them.

File format: JSON Lines, one screen per line:
    {"image": "screens/image12.png", "template": "sampler", "group": "sampler",
     "readings": [{"key": "大气压", "value": "100.07", "unit": "kPa"}]}
Image paths are relative to the file's folder unless absolute. An empty key accepts any key: a
det-labeled photo whose labels box a value and its unit but not the key printed beside it says
nothing about the key. A null unit accepts any unit, for the same reason: labels that box `2840` and
not the `MΩ` beside it say nothing about the unit (issue 27: scored as "no unit", the default's right
`2840 MΩ` counted wrong on every photo, and a detector that learnt to drop the unit looked better).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.label_files import parse_det_regions
from desktop.core.training.events import GROUP_ACCURACY

Expected = tuple[str, str, str | None]  # key ("" any), value, unit (None: any)


@dataclass(frozen=True)
class Screen:
    image: str
    readings: tuple[Expected, ...]
    template: str | None = None
    group: str | None = None


def expected_readings(readings: list[dict]) -> tuple[Expected, ...]:
    """(key, value, unit) of the stored readings (``Reading.to_json()``) that have a key and a value."""
    return tuple((r["key"], r["value"], r.get("unit", "")) for r in readings if r.get("key") and r.get("value"))


def labeled_screen(image: str, det_label: str, group: str | None = None) -> Screen | None:
    """A det-labeled picture (PaddleOCR / PPOCRLabel regions) as a screen: the readings that its true
    text regions give are the expected ones. None when they give no reading."""
    return screen_from_regions(image, parse_det_regions(det_label), group)


def screen_from_regions(image: str, regions, group: str | None = None) -> Screen | None:
    """A picture with its labeled regions (DetRegion) as a screen; None when they give no reading.
    People box values and units, not always the key: a key no labeled text shows is left open (""),
    so is a unit (None), and a boxed value with no key at all (a table's second column) is expected
    all the same."""
    from desktop.core.ocr.types import TextBox
    from desktop.core.reading import extract_readings

    boxes = []
    for region in regions:
        if region.ignored:
            continue
        xs, ys = [x for x, _ in region.points], [y for _, y in region.points]
        corners = ((min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys)))
        boxes.append(TextBox(corners, region.text, 1.0))
    readings = tuple((r.key if _key_shown(r, boxes) else "", r.value, r.unit or None)
                     for r in extract_readings(boxes) if r.value)
    return Screen(image, readings, None, group) if readings else None


def _key_shown(reading, boxes) -> bool:
    """Do the reading's own boxes show a word (its key), beyond its value and unit?"""
    from desktop.core.reading.tokens import WORD, normalize_box_text, split_text
    from desktop.core.reading.units import load_units

    units = load_units()
    return any(token.kind == WORD for i in reading.boxes
               for token in split_text(normalize_box_text(boxes[i].text), units))


def write_screens(path: str | Path, screens: list[Screen]) -> None:
    folder = Path(path).parent
    lines = []
    for screen in screens:
        image = Path(screen.image)
        lines.append(json.dumps({
            "image": str(image.relative_to(folder)) if image.is_relative_to(folder) else str(image),
            "template": screen.template, "group": screen.group,
            "readings": [{"key": k, "value": v, "unit": u} for k, v, u in screen.readings],
        }, ensure_ascii=False))
    folder.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def read_screens(path: str | Path, skipped: list[str]) -> list[Screen]:
    """The screens of a file; unreadable lines and missing images are listed in ``skipped``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        skipped.append(f"{path}: cannot be read ({exc.strerror or exc})")
        return []
    screens = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            readings = tuple((r.get("key") or "", r["value"], r.get("unit", "")) for r in raw["readings"]
                             if r.get("value"))
            screen = Screen(str(path.parent / raw["image"]), readings, raw.get("template"), raw.get("group"))
        except (ValueError, KeyError, TypeError) as exc:
            skipped.append(f"{path}:{number}: not a screen line ({exc})")
            continue
        if not Path(screen.image).is_file():
            skipped.append(f"{path}:{number}: image not found: {screen.image}")
        elif screen.readings:
            screens.append(screen)
    return screens


def _template(name: str | None):
    from desktop.core.reading.templates import TemplateError, load_template

    try:
        return load_template(name) if name else None
    except TemplateError:  # deleted since: the generic rules still read the screen
        return None


def _shown(reading: Expected | None) -> str:
    return " ".join(part for part in reading if part) if reading else "—"


def _same(expected: Expected, read: Expected) -> bool:
    key, value, unit = expected
    return value == read[1] and key in ("", read[0]) and unit in (None, read[2])


def _take_match(unmatched: list[Expected], expected: Expected) -> Expected | None:
    """The first reading not matched yet that gives ``expected``, taken out of ``unmatched``."""
    for index, read in enumerate(unmatched):
        if _same(expected, read):
            return unmatched.pop(index)
    return None


def _closest(unmatched: list[Expected], expected: Expected) -> Expected | None:
    """What was read instead, to show: a reading left under the same key, or with the same unit."""
    key, _value, unit = expected
    same_key = [read for read in unmatched if key and read[0] == key]
    same_unit = [read for read in unmatched if not key and unit and read[2] == unit]
    return (same_key or same_unit or [None])[0]


def score_screens(engine, screens: list[Screen]) -> dict:
    """Share of confirmed readings the engine reproduces exactly (key, value and unit; an open key
    matches any), overall and per group; share of screens with every reading right ("strict"); how many
    readings each group holds ("counts"); one example per confirmed reading: (expected, what was read
    for it); per screen ("per_screen"): its image, whether every reading was right, what it expects and
    what was read. Reading order does not matter: a tilted table lists its three values in another order
    than its labels."""
    from desktop.core.ocr.images import load_image
    from desktop.core.ocr.types import OcrError
    from desktop.core.reading import extract_readings

    hits: dict[str | None, list[int]] = {}
    examples, per_screen = [], []
    strict = 0
    for screen in screens:
        try:
            image = load_image(screen.image)
        except OcrError:  # changed on disk since it was listed: score the others
            continue
        boxes = engine.read(image).boxes
        read = extract_readings(boxes, _template(screen.template), (image.shape[1], image.shape[0]))
        unmatched = [(r.key, r.value, r.unit) for r in read]
        matches = [_take_match(unmatched, expected) for expected in screen.readings]
        all_right = True
        for expected, match in zip(screen.readings, matches):
            right = match is not None
            got = match or _closest(unmatched, expected)
            all_right &= right
            for group in {None, screen.group}:
                counts = hits.setdefault(group, [0, 0])
                counts[0] += right
                counts[1] += 1
            examples.append((_shown(expected), _shown(got)))
        strict += all_right
        per_screen.append({"image": screen.image, "right": all_right, "expected": _listed(screen.readings),
                           "read": _listed([(r.key, r.value, r.unit) for r in read])})
    total_right, total = hits.get(None, [0, 0])
    return {"accuracy": total_right / total if total else 0.0, "strict": strict / len(screens) if screens else 0.0,
            "readings": total, "screens": len(screens),
            **{f"{GROUP_ACCURACY}{group}": right / count
               for group, (right, count) in sorted(hits.items(), key=lambda kv: str(kv[0])) if group},
            "counts": {group: count for group, (_, count) in hits.items() if group}, "examples": examples,
            "per_screen": per_screen}


def _listed(readings) -> str:
    return "; ".join(_shown(reading) for reading in readings) or "—"
