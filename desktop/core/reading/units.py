"""Unit table (``resources/units.yaml``): canonical spellings, OCR slips, conversions."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import yaml

from desktop.core.resources import resource_path


@dataclass(frozen=True)
class Unit:
    name: str  # canonical spelling, e.g. "℃", "kPa", "MΩ"
    quantity: str
    factor: float  # size in the quantity's base unit
    key: str | None  # key a bare value with this unit is read as (generic template)


class UnitTable:
    """Looks up what a piece of screen text means as a unit."""

    def __init__(self, units: dict[str, Unit], aliases: dict[str, str], notes: dict[str, str] | None = None):
        self.units = units
        self._exact = aliases
        self._notes = {alias.casefold(): note for alias, note in (notes or {}).items()}
        folded: dict[str, set[str]] = {}
        for alias, name in aliases.items():
            folded.setdefault(alias.casefold(), set()).add(name)
        # Ignoring case is only safe when it cannot turn mV into MV-like mix-ups.
        self._folded = {a: next(iter(n)) for a, n in folded.items() if len(n) == 1}
        self.max_alias_len = max(len(a) for a in aliases)

    def canonical(self, text: str) -> str | None:
        """Canonical unit for ``text`` (already NFKC-normalised), or None."""
        text = text.strip()
        return self._exact.get(text) or self._folded.get(text.casefold())

    def note(self, text: str) -> str:
        """What a unit's spelling says beyond the unit: "RMS" for "ARMS", "" for plain "A"."""
        return self._notes.get(normalize_text(text).strip().casefold(), "")

    def match_prefix(self, text: str, start: int) -> tuple[str, int] | None:
        """Longest unit alias at ``text[start:]`` that is not glued to more letters.

        Returns (canonical unit, end offset).
        """
        for end in range(min(len(text), start + self.max_alias_len), start, -1):
            if end < len(text) and _is_latin(text[end]) and _is_latin(text[end - 1]):
                continue  # "kPaX" is not kPa followed by X
            name = self.canonical(text[start:end])
            if name and text[start:end] == text[start:end].strip():
                return name, end
        return None

    def quantity_of(self, unit: str) -> str | None:
        known = self.units.get(unit)
        return known.quantity if known is not None else None

    def convert(self, number: float, unit: str, to_unit: str) -> float | None:
        """``number`` in ``unit`` expressed in ``to_unit``; None if they do not convert."""
        a, b = self.units.get(unit), self.units.get(to_unit)
        if a is None or b is None or a.quantity != b.quantity:
            return None
        return number * a.factor / b.factor


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def normalize_text(text: str) -> str:
    """NFKC (full-width forms, ℃ -> °C, ohm sign) so one alias covers every look-alike."""
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=1)
def load_units() -> UnitTable:
    data = yaml.safe_load(resource_path("units.yaml").read_text(encoding="utf-8"))
    units: dict[str, Unit] = {}
    aliases: dict[str, str] = {}
    notes: dict[str, str] = {}
    for name, spec in data["units"].items():
        name = str(name)
        units[name] = Unit(name, spec["quantity"], float(spec["factor"]), spec.get("key"))
        noted = {normalize_text(str(a)).strip(): str(n) for a, n in (spec.get("noted") or {}).items()}
        notes.update(noted)
        for alias in [name, *spec.get("aliases", []), *noted]:
            aliases[normalize_text(str(alias)).strip()] = name
    return UnitTable(units, aliases, notes)
