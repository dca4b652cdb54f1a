"""From OCR boxes to checked readings: tokens -> keys -> pairs -> Reading."""
from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from desktop.core.ocr.types import TextBox
from desktop.core.reading.checks import allowed_units, flag_repeated_keys, takes_number, text_value, value_issues
from desktop.core.reading.clock import free_clock_times
from desktop.core.reading.display import main_value, on_display, outside_template_display
from desktop.core.reading.keys import KeyDictionary, KeyEntry, load_keys
from desktop.core.reading.layout import Token, tokenize_lines
from desktop.core.reading.numbers import TIME_RE, ParsedNumber, parse_number
from desktop.core.reading.pairing import (
    KeyItem,
    Pair,
    find_keys,
    merge_identifiers,
    pair_below,
    pair_line,
    pair_text_below,
    pair_units_apart,
)
from desktop.core.reading.reading import Reading
from desktop.core.reading.stamps import stamp_boxes
from desktop.core.reading.templates import GENERIC, Field, Template, load_template
from desktop.core.reading.tokens import UNIT
from desktop.core.reading.units import UnitTable, load_units

UNIT_KEY_FACTOR = 0.9  # a key inferred from the unit alone is less certain than a printed one


def extract_readings(
    boxes: Sequence[TextBox],
    template: Template | None = None,
    image_size: tuple[int, int] | None = None,
) -> list[Reading]:
    """Readings in reading order, the display's main value marked ``primary``.

    ``image_size`` (width, height) enables template regions. Camera stamps, and boxes outside the
    template's display region, keep their place (readings point into ``boxes`` by index) but say nothing.
    """
    template = template or load_template(GENERIC)
    silent = stamp_boxes(boxes) | outside_template_display(boxes, template, image_size)
    boxes = [TextBox(b.points, "", b.score) if i in silent else b for i, b in enumerate(boxes)]
    units = load_units()
    match = make_matcher(template, load_keys())
    token_lines, texts = tokenize_lines(boxes, units)
    item_lines = [find_keys(merge_identifiers(line, match), match) for line in token_lines]
    key_items = [item for line in item_lines for item in line if isinstance(item, KeyItem)]
    pairs = [pair for line in item_lines for pair in pair_line(line)]
    pair_units_apart(pairs, item_lines)
    pair_below(pairs, key_items)
    pairs = free_clock_times(pair_text_below(pairs, key_items, item_lines), item_lines)
    # A key alone is worth reporting (its value was missed) only when it matched exactly: a fuzzy match
    # with nothing to read is usually a title or status word (烟尘采样器 is not 烟尘采样嘴).
    pairs += [Pair(key=key) for key in key_items if not key.paired and key.match.score >= 1.0]
    main = main_value(pairs)
    pairs = on_display(pairs, main, texts)
    if main is not None and main.clock:  # the clock's digits find the display; its time is no measured value
        main = main_value([p for p in pairs if not p.clock])
    builder = _Builder(boxes, texts, template, units, image_size)
    readings = [(p.anchor.line, p.anchor.x0, builder.build(p, p is main)) for p in builder.ordered(pairs)]
    ordered = [reading for _, _, reading in sorted(readings, key=lambda r: (r[0], r[1]))]
    return flag_repeated_keys(ordered)


def make_matcher(template: Template, keys: KeyDictionary):
    """Key matching for one template: its fields first; only them if it reads no other keys."""
    dictionary = keys if template.other_keys or template.all_keys else KeyDictionary(f.entry for f in template.fields)
    preferred = () if template.all_keys else tuple(f.entry for f in template.fields)
    cache: dict = {}

    def match(text: str):
        if text not in cache:
            cache[text] = dictionary.match(text, preferred)
        return cache[text]

    return match


def join_text(tokens: list[Token], texts: list[str]) -> str:
    """The displayed text covered by ``tokens``: slices of each box's text, boxes joined by a space."""
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].box == tokens[i].box:
            j += 1
        parts.append(texts[tokens[i].box][tokens[i].start : tokens[j].end].strip())
        i = j + 1
    return " ".join(parts)


class _Builder:
    def __init__(self, boxes, texts, template: Template, units: UnitTable, image_size):
        self.boxes, self.texts, self.template, self.units = boxes, texts, template, units
        self.image_size = image_size
        self.assigned: dict[int, tuple[Field, float]] = {}  # id(pair) -> (field, key score)

    def ordered(self, pairs: list[Pair]) -> list[Pair]:
        """Decide the field of each keyless value; the tallest digits get the default field."""
        used = {self.template.field_for(p.key.match.entry) for p in pairs if p.key and p.key.match.entry}
        keyless = [p for p in pairs if p.key is None and p.value is not None]
        keyless.sort(key=lambda p: (-p.value.height, p.value.line, p.value.x0))
        for pair in keyless:
            choice = self._field_for_keyless(pair, used)
            if choice is not None:
                self.assigned[id(pair)] = choice
                used.add(choice[0])
        return pairs

    def _field_for_keyless(self, pair: Pair, used: set) -> tuple[Field, float] | None:
        t = self.template
        if self.image_size:
            width, height = self.image_size
            cx, cy = pair.value.image_center[0] / width, pair.value.image_center[1] / height
            for f in t.fields:
                if f.region and f not in used and f.region[0] <= cx <= f.region[2] and f.region[1] <= cy <= f.region[3]:
                    return f, 1.0
        if pair.clock or TIME_RE.fullmatch(pair.value.text):  # a clock or timer with no key: the time field
            times = [f for f in t.fields if f.entry.kind == "time" and f not in used]
            if len(times) == 1:
                return times[0], 1.0
            if pair.clock:
                return None  # never the template's default field (a thermo-hygrometer's is its temperature)
        unit = pair.unit.unit if pair.unit is not None and pair.unit.kind == UNIT else ""
        if unit and t.all_keys:
            key = self.units.units[unit].key
            field = t.field_for(load_keys().get(key)) if key else None
            if field is not None:
                return field, UNIT_KEY_FACTOR
        elif unit:
            fits = [f for f in t.fields if f not in used and f.units and unit in f.units]
            if len(fits) == 1:
                return fits[0], UNIT_KEY_FACTOR
        default = t.default_field
        if default is not None and default not in used:
            return default, 1.0
        return None

    def build(self, pair: Pair, primary: bool = False) -> Reading:
        issues: list[str] = []
        candidates: list[str] = []
        unit, unit_known = self._unit(pair)
        entry, key_score = None, 1.0
        if pair.key is not None:
            key_text = "".join(t.text for t in pair.key.tokens)
            match = pair.key.match
            entry, key_score = match.entry, match.score
            if entry is None:
                entry = self._resolve_by_unit(match.candidates, unit)
                key_score *= UNIT_KEY_FACTOR
            if entry is None:
                issues.append("ambiguous_key")
                candidates = [c.key for c in match.candidates]
        elif id(pair) in self.assigned:
            field, key_score = self.assigned[id(pair)]
            entry = field.entry
        elif pair.clock:
            entry = load_keys().get("time")
        else:
            issues.append("no_key")
        field = self.template.field_for(entry) if entry is not None else None
        as_number = takes_number(entry, unit)
        if not as_number:
            unit, unit_known = "", True  # "3012H" is a model name, not 3012 henry
        elif not unit and field is not None and field.unit:
            unit, unit_known = field.unit, True  # the template knows the unit the screen omits
        parsed = self._value(pair, entry, as_number)
        issues += value_issues(parsed, unit, unit_known, entry, field, self.units)
        box_ids = sorted({t.box for t in pair.tokens})
        ocr = fmean(self.boxes[i].score for i in box_ids) if box_ids else 0.0
        return Reading(
            key=entry.key if entry else (key_text if pair.key else ""),
            key_en=entry.en if entry else "",
            value=parsed.value,
            number=parsed.number,
            unit=unit,
            score=max(0.0, min(1.0, ocr * key_score)),
            boxes=box_ids,
            field=field.name if field else None,
            issues=issues,
            candidates=candidates,
            template=self.template.name,
            label=join_text(pair.key.tokens, self.texts) if pair.key is not None and pair.key.match.qualifier else "",
            note=self.units.note(pair.unit.text) if unit and pair.unit is not None and pair.unit.kind == UNIT else "",
            primary=primary,
        )

    def _unit(self, pair: Pair) -> tuple[str, bool]:
        if pair.unit is None:
            return "", True
        if pair.unit.kind == UNIT:
            return pair.unit.unit, True
        return pair.unit.text, False

    def _resolve_by_unit(self, candidates: tuple[KeyEntry, ...], unit: str) -> KeyEntry | None:
        """An ambiguous key is settled only when exactly one candidate takes the shown unit."""
        if not unit:
            return None
        fits = [c for c in candidates if unit in (allowed_units(c, self.template.field_for(c)) or ())]
        return fits[0] if len(fits) == 1 else None

    def _value(self, pair: Pair, entry: KeyEntry | None, as_number: bool) -> ParsedNumber:
        tokens = pair.text_tokens or [t for t in (pair.value, pair.unit) if t is not None]
        if not tokens:
            return ParsedNumber("", None, None, ["no_value"])
        if pair.clock:
            return ParsedNumber(pair.clock, None, None)
        if not as_number or pair.text_tokens:
            return text_value(join_text(tokens, self.texts), entry)
        return parse_number(pair.value.text)
