"""The one place the UI couples to ``desktop.core.reading``.

Everything the UI needs from the reading layer goes through these functions, so a renamed core
function is a one-line fix here.

Which edits are refused and which are kept but flagged is the core's rule (``core.edit_value``);
this module only turns its issue codes into messages.
"""
from __future__ import annotations

import dataclasses

from desktop.core import reading as core
from desktop.core.reading import Reading
from desktop.core.reading.keys import load_keys
from desktop.core.reading.profile import fits_profile  # noqa: F401  (the UI asks it through this module)


def extract(boxes, template: str | None = None, image_size: tuple[int, int] | None = None) -> list:
    """Readings found in the boxes, the display's main value first (pure; safe in the worker thread).
    The app keeps this order everywhere: a table row is an index into the image's readings."""
    tpl = core.load_template(template) if template else None
    readings = core.extract_readings(boxes, tpl, image_size)
    return sorted(readings, key=lambda reading: not reading.primary)  # stable: reading order otherwise


def flag_repeated_keys(readings: list) -> list:
    """The readings with the core's repeated-key rule applied again (after a deletion or a box edit)."""
    return core.flag_repeated_keys(readings)


def list_templates() -> list[str]:
    try:
        return list(core.list_templates())
    except Exception:  # noqa: BLE001  (a broken template folder must not break the settings dialog)
        return []


def to_json(reading) -> dict:
    data = reading.to_json()
    data.setdefault("template", reading.template)
    return data


def from_json(data: dict):
    names = {f.name for f in dataclasses.fields(Reading)}
    return Reading(**{k: v for k, v in data.items() if k in names})


def key_name(key: str, lang: str) -> str:
    """A key in the interface language: 电流 -> "current" in English; a key not in the dictionary as it is."""
    return load_keys().name(key, "en" if lang.startswith("en") else "zh")


def issue_message(code: str, lang: str) -> str:
    return core.issue_message(code, "zh" if lang.startswith("zh") else "en")


def edit_value(reading, text: str, lang: str):
    """Validate a technician's edit of a value: ``(new_reading, None)`` or ``(None, reason)``."""
    text = text.strip()
    if not text:
        return None, issue_message("no_digits", lang)
    edited, refused = core.edit_value(reading, text)
    if refused:
        return None, " ".join(issue_message(code, lang) for code in refused)
    return _checked(reading, edited), None


def edit_unit(reading, text: str):
    return _checked(reading, core.edit_reading(reading, reading.value, unit=text.strip()))


def edit_key(reading, text: str):
    return _checked(reading, core.edit_reading(reading, reading.value, unit=reading.unit, key=text.strip()))


def reapply_field(reading, name: str, text: str):
    """One field set again as the table editor sets it (a refused value leaves the reading as it is):
    how core/reading/corrections.py ``carry_over`` keeps a table correction after a box edit."""
    if name == "value":
        return edit_value(reading, text, "en")[0] or reading
    if name == "unit":
        return edit_unit(reading, text)
    return edit_key(reading, text)


def _checked(original, edited):
    """A human-checked reading: full confidence; the original boxes are kept for the crops."""
    return dataclasses.replace(edited, score=1.0, boxes=list(original.boxes), suggestion="")
