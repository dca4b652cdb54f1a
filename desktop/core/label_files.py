"""PaddleOCR / PPOCRLabel label files, the formats users already have.

det: ``path<TAB>[{"transcription": "...", "points": [[x, y], ...]}, ...]``
rec: ``path<TAB>text``
Paths are relative to a root folder. ``###`` transcriptions (and ``"difficult": true``) mark regions
that evaluation ignores.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

IGNORED_TEXT = "###"


class LabelError(ValueError):
    """A label file that cannot be parsed: the message names the file and line."""


@dataclass(frozen=True)
class DetRegion:
    text: str
    points: tuple[tuple[float, float], ...]
    ignored: bool = False


@dataclass(frozen=True)
class DetSample:
    path: str
    regions: tuple[DetRegion, ...]


@dataclass(frozen=True)
class RecSample:
    path: str
    text: str


def _label_lines(label_file: Path):
    try:
        text = Path(label_file).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise LabelError(f"{label_file}: cannot be read ({exc.strerror or exc})") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if "\t" not in line:
            raise LabelError(f"{label_file}:{number}: expected 'path<TAB>label'")
        path, label = line.split("\t", 1)
        yield number, path.strip(), label


def parse_det_regions(label: str) -> tuple[DetRegion, ...]:
    """The regions of one det label (the JSON after the tab); ValueError, KeyError or TypeError if it is not one."""
    return tuple(
        DetRegion(
            text=str(item.get("transcription", "")),
            points=tuple((float(x), float(y)) for x, y in item["points"]),
            ignored=item.get("transcription") == IGNORED_TEXT or bool(item.get("difficult", False)),
        )
        for item in json.loads(label)
    )


def read_det_labels(label_file: Path) -> list[DetSample]:
    samples = []
    for number, path, label in _label_lines(label_file):
        try:
            regions = parse_det_regions(label)
        except (ValueError, KeyError, TypeError) as exc:
            raise LabelError(f"{label_file}:{number}: not a det label ({exc})") from exc
        samples.append(DetSample(path, regions))
    return samples


def read_rec_labels(label_file: Path) -> list[RecSample]:
    return [RecSample(path, label) for _number, path, label in _label_lines(label_file)]


def format_det_line(path: str, regions) -> str:
    items = [{"transcription": r.text, "points": [[round(float(x), 1), round(float(y), 1)] for x, y in r.points]}
             for r in regions]
    return f"{path}\t{json.dumps(items, ensure_ascii=False)}"


def format_rec_line(path: str, text: str) -> str:
    return f"{path}\t{text}"
