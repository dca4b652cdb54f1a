"""Re-check a value a technician typed, by the same rule as a value read from the screen.

An edit whose form is wrong is refused; a well-formed but implausible one is kept and flagged
(``checks.REFUSED_EDIT_ISSUES`` says which is which).
"""
from __future__ import annotations

from dataclasses import replace

from desktop.core.reading.checks import KEY_ISSUES, refused_edit_issues, takes_number, text_value, value_issues
from desktop.core.reading.keys import load_keys
from desktop.core.reading.numbers import TIME_RE, ParsedNumber, parse_number
from desktop.core.reading.reading import Reading
from desktop.core.reading.templates import GENERIC, Template, TemplateError, load_template
from desktop.core.reading.tokens import NUMBER, UNIT, normalize_box_text, split_text
from desktop.core.reading.units import load_units


def edit_reading(
    reading: Reading,
    value_text: str,
    unit: str | None = None,
    key: str | None = None,
    template: Template | None = None,
) -> Reading:
    """A copy of ``reading`` with the edited value (and unit, key), normalised and re-checked.

    ``value_text`` may carry its unit ("100.07kPa"); an explicit ``unit`` wins. A ``key``
    (Chinese key or id) settles an ambiguous or missing key. The score is kept.
    """
    template = template or _template_of(reading)
    units = load_units()
    entry = load_keys().get(key if key is not None else reading.key)
    issues: list[str] = []
    if entry is None:
        issues.append("no_key" if not (key if key is not None else reading.key) else "ambiguous_key")
    field = template.field_for(entry) if entry is not None else None
    parsed, shown_unit, known = _parse_edit(value_text)
    if unit is not None:
        shown_unit = unit.strip()
        canonical = (units.canonical(normalize_box_text(shown_unit)) or "") if shown_unit else ""
        shown_unit, known = (canonical, True) if canonical or not shown_unit else (shown_unit, False)
    if not takes_number(entry, shown_unit):
        parsed, shown_unit, known = text_value(value_text.strip(), entry), "", True
    issues += value_issues(parsed, shown_unit, known, entry, field, units)
    return replace(
        reading,
        key=entry.key if entry else (key if key is not None else reading.key),
        key_en=entry.en if entry else "",
        value=parsed.value,
        number=parsed.number,
        unit=shown_unit,
        field=field.name if field else None,
        issues=issues,
        candidates=[] if entry else list(reading.candidates),
        template=template.name,
    )


def edit_value(reading: Reading, value_text: str) -> tuple[Reading, list[str]]:
    """A technician's edit of the value: (the edited reading, the issues that refuse it; [] = accepted).

    A number typed without its unit keeps the unit shown ("100.01" on a kPa reading stays kPa);
    a time of day typed for a duration drops it.
    """
    edited = edit_reading(reading, value_text)
    if not edited.unit and reading.unit and not TIME_RE.fullmatch(edited.value):
        edited = edit_reading(reading, value_text, unit=reading.unit)
    return edited, refused_edit_issues(edited.issues)


def validate_value(
    reading_or_key: Reading | str,
    value_text: str,
    unit: str | None = None,
    template: Template | None = None,
) -> list[str]:
    """Issues of an edited value for this reading or key; problems of the key itself are left out."""
    if isinstance(reading_or_key, str):
        reading_or_key = Reading(reading_or_key, "", "", None, "", 1.0, [])
    edited = edit_reading(reading_or_key, value_text, unit, template=template)
    return [code for code in edited.issues if code not in KEY_ISSUES]


def _template_of(reading: Reading) -> Template:
    try:
        return load_template(reading.template or GENERIC)
    except TemplateError:
        return load_template(GENERIC)


def _parse_edit(value_text: str) -> tuple[ParsedNumber, str, bool]:
    """A typed value: one number, optionally followed by its unit."""
    tokens = split_text(normalize_box_text(value_text.strip()), load_units())
    if not tokens:
        return ParsedNumber("", None, None, ["no_digits"]), "", True
    if tokens[0].kind != NUMBER or len(tokens) > 2 or (len(tokens) == 2 and tokens[1].kind == NUMBER):
        return ParsedNumber(value_text.strip(), None, None, ["not_a_number"]), "", True
    parsed = parse_number(tokens[0].text)
    if len(tokens) == 1:
        return parsed, "", True
    if tokens[1].kind == UNIT:
        return parsed, tokens[1].unit, True
    return parsed, tokens[1].text, False
