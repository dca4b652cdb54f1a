"""What changed in a record, field by field, for the append-only history (ISO/IEC 17025 7.5.2).

Records are compared as their JSON (``record_to_dict``), flattened to paths such as
``points[2].reading``. A point that arrives with a reading corrected from what OCR read is listed as
that correction: old value the OCR text, new value the reading. A new record is one entry ("created"),
plus its readings corrected from OCR: its first values are the saved record itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    what: str  # the field's path, or "record" for the record as a whole
    old: str
    new: str


def flatten(data: Any, path: str = "") -> dict[str, str]:
    if isinstance(data, dict):
        items = {f"{path}.{key}" if path else key: value for key, value in data.items()}
    elif isinstance(data, list):
        items = {f"{path}[{index}]": value for index, value in enumerate(data)}
    else:
        return {path: "" if data is None else str(data)}
    flat: dict[str, str] = {}
    for key, value in items.items():
        flat.update(flatten(value, key))
    return flat


def changes(old: dict | None, new: dict) -> list[Change]:
    """The history entries for saving ``new`` over ``old`` (None: the record is new)."""
    found = [Change("record", "", "created")] if old is None else []
    before, after = flatten(old or {}), flatten(new)
    for key in sorted(before.keys() | after.keys(), key=_natural):
        was, now = before.get(key, ""), after.get(key, "")
        if key.endswith(".reading") and key not in before:
            ocr = after.get(key[: -len("reading")] + "ocr_text", "")
            if ocr and ocr != now:
                found.append(Change(f"{key} (corrected from OCR)", ocr, now))
                continue
        if was != now and old is not None:  # a new record's first values are the record itself
            found.append(Change(key, was, now))
    return found


def _natural(key: str) -> list:
    """points[10] after points[9]."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key)]
