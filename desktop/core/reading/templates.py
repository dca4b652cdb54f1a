"""Instrument templates (``resources/templates/<name>.yaml``): what a screen type shows.

A template narrows the dictionary to the instrument's fields, fixes their units,
decimals and plausible ranges, names the field a lone number is read as, and may
pin fields to screen regions, or name the display's region (``display``: nothing outside it is
read). ``generic`` needs no setup: every dictionary key is a field.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from desktop.core.reading.keys import KeyDictionary, KeyEntry, load_keys
from desktop.core.reading.units import UnitTable, load_units
from desktop.core.resources import resource_path

GENERIC = "generic"


class TemplateError(ValueError):
    """A template is unknown or its file is invalid; the message names which and why."""


@dataclass(frozen=True)
class Field:
    name: str
    entry: KeyEntry
    units: tuple[str, ...] | None  # None: any unit fits
    range: tuple[float, float] | None
    range_unit: str | None  # the unit `range` is written in
    unit: str | None = None  # assumed when the screen shows no unit
    decimals: int | None = None
    region: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1 as image fractions


@dataclass(frozen=True)
class Template:
    name: str
    title: dict[str, str]
    fields: tuple[Field, ...]
    default: str | None = None  # field a value with no key is read as
    other_keys: bool = True  # also read dictionary keys that are not fields (field None)
    all_keys: bool = False  # every dictionary key is a field (the generic template)
    description: str = ""
    display: tuple[float, float, float, float] | None = None  # the screen, x0, y0, x1, y1 as image fractions

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def field_for(self, entry: KeyEntry) -> Field | None:
        return next((f for f in self.fields if f.entry.id == entry.id), None)

    @property
    def default_field(self) -> Field | None:
        return self.field(self.default) if self.default else None


def field_from_entry(entry: KeyEntry, name: str | None = None) -> Field:
    range_unit = entry.units[0] if entry.units else None
    return Field(name or entry.id, entry, entry.units, entry.range, range_unit)


def templates_dir() -> Path:
    return resource_path("templates")


def list_templates() -> list[str]:
    return sorted(p.stem for p in templates_dir().glob("*.yaml"))


def load_template(name: str) -> Template:
    """A shipped template by name, or a template file by path."""
    path = Path(name)
    if path.suffix not in (".yaml", ".yml") or not path.is_file():
        path = templates_dir() / f"{name}.yaml"
    if not path.is_file():
        raise TemplateError(f"Unknown template {name!r}; available: {', '.join(list_templates())}")
    return _load_file(str(path.resolve()))


@lru_cache(maxsize=32)
def _load_file(path: str) -> Template:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateError(f"Template {path}: cannot read it ({exc})") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"Template {path}: expected a mapping at the top")
    return parse_template(data, Path(path).stem, load_keys(), load_units())


def parse_template(data: dict, fallback_name: str, keys: KeyDictionary, units: UnitTable) -> Template:
    name = str(data.get("name", fallback_name))

    def fail(message: str) -> TemplateError:
        return TemplateError(f"Template {name!r}: {message}")

    explicit = [_parse_field(spec, keys, units, fail) for spec in data.get("fields") or []]
    all_keys = bool(data.get("all_keys", False))
    fields = list(explicit)
    if all_keys:
        taken = {f.entry.id for f in explicit}
        fields += [field_from_entry(e) for e in keys.entries if e.id not in taken]
    names = [f.name for f in fields]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise fail(f"duplicate field names {duplicates}")
    default = data.get("default")
    if default is not None and default not in names:
        raise fail(f"default {default!r} is not one of its fields {names}")
    title = data.get("title") or {}
    return Template(
        name=name,
        title={"en": str(title.get("en", name)), "zh": str(title.get("zh", title.get("en", name)))},
        fields=tuple(fields),
        default=default,
        other_keys=bool(data.get("other_keys", True)),
        all_keys=all_keys,
        description=str(data.get("description", "")),
        display=_region(data["display"], fail, "display") if data.get("display") is not None else None,
    )


def _parse_field(spec, keys: KeyDictionary, units: UnitTable, fail) -> Field:
    if not isinstance(spec, dict) or "key" not in spec:
        raise fail(f"each field needs a `key`, got {spec!r}")
    entry = keys.get(str(spec["key"]))
    if entry is None:
        raise fail(f"field key {spec['key']!r} is not in keys.yaml")
    field_units = tuple(str(u) for u in spec["units"]) if spec.get("units") else entry.units
    for u in field_units or ():
        if u not in units.units:
            raise fail(f"field {entry.key!r}: unknown unit {u!r} (see units.yaml)")
    unit = spec.get("unit")
    if unit is not None and field_units and unit not in field_units:
        raise fail(f"field {entry.key!r}: unit {unit!r} is not among its units {list(field_units)}")
    if unit is not None and unit not in units.units:
        raise fail(f"field {entry.key!r}: unknown unit {unit!r} (see units.yaml)")
    if "range" in spec:
        rng = _pair(spec["range"], fail, entry.key)
        range_unit = unit or (field_units[0] if field_units else None)
    else:
        rng, range_unit = entry.range, entry.units[0] if entry.units else None
    decimals = spec.get("decimals")
    if decimals is not None and (not isinstance(decimals, int) or decimals < 0):
        raise fail(f"field {entry.key!r}: decimals must be a whole number >= 0")
    region = spec.get("region")
    if region is not None:
        region = _region(region, fail, f"field {entry.key!r}: region")
    return Field(str(spec.get("name", entry.id)), entry, field_units, rng, range_unit, unit, decimals, region)


def _region(region, fail, what: str) -> tuple[float, float, float, float]:
    if not (isinstance(region, list) and len(region) == 4 and all(isinstance(v, (int, float)) for v in region)):
        raise fail(f"{what} must be [x0, y0, x1, y1] fractions of the image")
    if not (0 <= region[0] < region[2] <= 1 and 0 <= region[1] < region[3] <= 1):
        raise fail(f"{what} {region} is not inside [0, 1] with x0 < x1, y0 < y1")
    return tuple(float(v) for v in region)


def _pair(value, fail, key: str) -> tuple[float, float]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)):
        raise fail(f"field {key!r}: range must be [min, max]")
    if value[0] > value[1]:
        raise fail(f"field {key!r}: range min {value[0]} is above max {value[1]}")
    return float(value[0]), float(value[1])
