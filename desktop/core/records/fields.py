"""The record's form fields by key (``customer``, ``instrument.serial``, ``standard.due_date``, ...):
read as text, written from text with the checks each kind of field needs.

The app's form and its controller use these; a refusal says what kind of value was expected
(``FieldRefused.kind``) so the UI can say it in the user's language.
"""
from __future__ import annotations

import dataclasses
from datetime import date

from desktop.core.records.calibration_record import TITLES, CalibrationRecord, StandardUsed, is_number_text
from desktop.core.records.verdicts import DECISION_RULES

TEXT_FIELDS = ("number", "customer", "procedure", "location", "technician", "checker", "remarks",
               "customer_address", "item_condition", "deviations", "standards_override", "tur_reason", "specification")
DATE_FIELDS = ("received_date", "issue_date")
CHOICES = {"title": TITLES, "decision_rule": DECISION_RULES}
GROUPS = ("instrument", "environment", "standard", "signatory")
TYPED = "typed"  # Environment.source when the technician typed the ambient conditions


class FieldRefused(ValueError):
    def __init__(self, kind: str, text: str):
        super().__init__(f"{kind}: {text!r}")
        self.kind, self.text = kind, text  # kind: "number", "date", "choice"


def field_value(record: CalibrationRecord, key: str) -> str:
    if key in TEXT_FIELDS or key in CHOICES or key == "coverage_factor":
        return getattr(record, key)
    if key in DATE_FIELDS:
        return _text(getattr(record, key))
    group, _, name = key.partition(".")
    if group == "standard":
        return _text(getattr(record.standards[0], name)) if record.standards else ""
    if group in GROUPS:
        return getattr(getattr(record, group), name)
    raise KeyError(key)


def set_field(record: CalibrationRecord, key: str, text: str) -> None:
    """Write ``text`` (already stripped) into the record; FieldRefused when it is not the kind of value."""
    group, _, name = key.partition(".")
    if (group == "environment" or key == "coverage_factor") and text and not is_number_text(text):
        raise FieldRefused("number", text)
    if key in CHOICES and text not in CHOICES[key]:
        raise FieldRefused("choice", text)
    value = _day(text) if key in DATE_FIELDS or key == "standard.due_date" else text
    if key in TEXT_FIELDS or key in CHOICES or key in DATE_FIELDS or key == "coverage_factor":
        setattr(record, key, value)
    elif group == "standard":
        standard = record.standards[0] if record.standards else StandardUsed(name="")
        setattr(standard, name, value)
        empty = not any(getattr(standard, f.name) for f in dataclasses.fields(StandardUsed))
        record.standards[:1] = [] if empty else [standard]
    elif group in GROUPS:
        setattr(getattr(record, group), name, value)
        if group == "environment":
            record.environment.source = TYPED
    else:
        raise KeyError(key)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise FieldRefused("date", text) from None


def _text(value) -> str:
    return value.isoformat() if isinstance(value, date) else (value or "")
