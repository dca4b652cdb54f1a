"""The reading a technician sees: ``大气压 = 100.07 kPa``, checked."""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field

from desktop.core.reading.checks import issue_message


@dataclass
class Reading:
    key: str  # "大气压"; the OCR'd text for an ambiguous key; "" when no key was found
    key_en: str  # "atmospheric pressure"; "" when the key is not a dictionary key
    value: str  # as displayed, normalised: "100.07", "-0000", "00.0", "12:30:45", "ZR-3260"
    number: float | None  # parsed value; None for text, times and unreadable values
    unit: str  # canonical unit ("kPa", "℃"), the raw text of an unknown unit, or ""
    score: float  # 0..1: OCR confidence of its boxes times how well the key matched
    boxes: list[int]  # indices into the OCR boxes the reading was built from
    field: str | None = None  # template field it matched
    issues: list[str] = dc_field(default_factory=list)  # codes, see checks.ISSUES
    candidates: list[str] = dc_field(default_factory=list)  # keys an ambiguous key could be
    template: str | None = None  # template it was read with (edits are re-checked against it)
    label: str = ""  # the screen's own label when it tags the key ("R-RES": phase R's resistance)
    note: str = ""  # what the unit's spelling adds ("RMS" for ARMS)
    primary: bool = False  # the display's main value: the tallest digits
    suggestion: str = ""  # the one value the instrument profile finds plausible for a misread (never applied)

    @property
    def valid(self) -> bool:
        """A reading is valid when no issue was found: derived, so it never disagrees with the issues."""
        return not self.issues

    def messages(self, lang: str = "en") -> list[str]:
        return [issue_message(code, lang) for code in self.issues]

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "key_en": self.key_en,
            "value": self.value,
            "number": self.number,
            "unit": self.unit,
            "score": round(self.score, 4),
            "valid": self.valid,
            "boxes": list(self.boxes),
            "field": self.field,
            "issues": list(self.issues),
            "candidates": list(self.candidates),
            "label": self.label,
            "note": self.note,
            "primary": self.primary,
            "suggestion": self.suggestion,
        }
