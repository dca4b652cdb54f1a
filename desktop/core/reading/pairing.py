"""Pair keys with values by geometry: the key on the left on the same line, else directly above.

Works on tokens in reading order (layout.py), so the order OCR returned boxes in
does not matter. Values left without a key are handled by the caller (template default,
unit, region).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.reading.checks import is_duration_unit, takes_number
from desktop.core.reading.keys import KeyMatch
from desktop.core.reading.layout import Token
from desktop.core.reading.numbers import TIME_RE
from desktop.core.reading.tokens import NUMBER, UNIT, WORD

MAX_UNIT_GAP = 3.0  # a unit in its own box may sit this many value heights to the right
MAX_BELOW_GAP = 3.0  # a value may sit this many line heights below its key
MAX_STATUS_LETTERS = 5  # "Error", "OPEN", "OL": what a display shows in a number's place
# A unit in its own smaller box under the digits or at their lower right ("419" over "ARMS"):
MAX_UNDER_GAP = 0.75  # its top at most this many value heights below the digits
MAX_SIDE_GAP = 1.0  # or its left edge this close to their right edge, its middle in their lower half or below
SUPERSCRIPT_UNITS = ("℃", "℉")  # printed small at the digits' upper right on thermometers
TABLE_UNIT_HEIGHT = 1.6  # a unit row under a table's values: as tall as the digits, its OCR box up to this much taller
IDENTIFIER = "identifier"  # Token.unit of a word merged from letters and digits


@dataclass(eq=False)
class KeyItem:
    """One key on the screen: one or more word tokens ("干球" + "温度") and its match."""

    tokens: list[Token]
    match: KeyMatch
    paired: bool = False

    @property
    def line(self) -> int:
        return self.tokens[0].line

    @property
    def x0(self) -> float:
        return min(t.x0 for t in self.tokens)

    @property
    def x1(self) -> float:
        return max(t.x1 for t in self.tokens)

    @property
    def y0(self) -> float:
        return min(t.y0 for t in self.tokens)

    @property
    def y1(self) -> float:
        return max(t.y1 for t in self.tokens)

    @property
    def height(self) -> float:
        return max(t.height for t in self.tokens)

    @property
    def takes_text(self) -> bool:
        """Model names, serial numbers, times: the value is whatever text follows."""
        entries = [self.match.entry] if self.match.entry else list(self.match.candidates)
        return all(e.kind != "number" for e in entries)


@dataclass(eq=False)
class Pair:
    key: KeyItem | None = None
    value: Token | None = None  # a NUMBER token, or the word shown where a number should be ("Err")
    unit: Token | None = None  # a UNIT token, or an unrecognised word glued to the number
    text_tokens: list[Token] = field(default_factory=list)  # the value of a text/time key
    clock: str | None = None  # the value is a clock's time, as the clock shows it ("12:04"): clock.py

    @property
    def tokens(self) -> list[Token]:
        own = [t for t in (self.value, self.unit) if t is not None]
        return (self.key.tokens if self.key else []) + own + self.text_tokens

    @property
    def anchor(self) -> Token:
        return self.tokens[0]


Matcher = Callable[[str], KeyMatch]


def is_key(match: KeyMatch) -> bool:
    return match.entry is not None or match.ambiguous


def _is_latin(token: Token) -> bool:
    return token.kind in (WORD, UNIT) and any(ch.isascii() and ch.isalpha() for ch in token.text)


def _unit_of_number_before(merged: list[Token]) -> bool:
    """The last token is a unit glued to the number before it: "16.1℃94%RH" is 16.1 ℃ then 94 %RH, a
    thermo-hygrometer's two values in one box, not the identifier "℃94"."""
    if len(merged) < 2:
        return False
    number, unit = merged[-2], merged[-1]
    return unit.kind == UNIT and number.kind == NUMBER and number.box == unit.box and number.end == unit.start


def merge_identifiers(line: list[Token], match: Matcher) -> list[Token]:
    """Letters run straight into digits ("MA302", "DH485", "HTC-1", "ZR-3260A") name a model or a part:
    one word, not a unit before a value. A key run into its value ("Temp23.5") stays apart."""
    merged: list[Token] = []
    for token in line:
        prev = merged[-1] if merged else None
        glued = prev is not None and prev.box == token.box and prev.end == token.start
        starts_id = (glued and token.kind == NUMBER and _is_latin(prev) and not is_key(match(prev.text))
                     and not _unit_of_number_before(merged))
        if starts_id or (glued and prev.kind == WORD and prev.unit == IDENTIFIER):
            merged[-1] = Token(WORD, prev.text + token.text, IDENTIFIER, prev.box, prev.start, token.end,
                               prev.x0, token.x1, min(prev.y0, token.y0), max(prev.y1, token.y1), prev.line,
                               prev.image_center)
        else:
            merged.append(token)
    return merged


def find_keys(line: list[Token], match: Matcher) -> list[Token | KeyItem]:
    """Replace word tokens that name a key with KeyItems, joining words split by OCR."""
    items: list[Token | KeyItem] = []
    i = 0
    while i < len(line):
        if line[i].kind != WORD:
            items.append(line[i])
            i += 1
            continue
        group, current = [line[i]], match(line[i].text)
        while i + len(group) < len(line) and line[i + len(group)].kind == WORD:
            nxt = line[i + len(group)]
            joined = match(" ".join(t.text for t in [*group, nxt]))  # the space lets "R RES" be a tagged name
            # Join when the whole explains the text at least as well as either part.
            if is_key(joined) and joined.score >= max(current.score, match(nxt.text).score):
                group.append(nxt)
                current = joined
            else:
                break
        if is_key(current):
            items.append(KeyItem(group, current))
        else:
            items.extend(group)
        i += len(group)
    return items


def _is_latin_word(token: Token) -> bool:
    return token.kind == WORD and any(ch.isascii() and ch.isalpha() for ch in token.text)


def _is_status_word(token: Token) -> bool:
    """A word a display shows where its number should be ("OL", "Err", "OPEN"): a short one. A longer word
    after a key is the rest of a title ("POWER MONITOR", "INSULATION TESTER"), not a reading."""
    return _is_latin_word(token) and sum(ch.isalpha() for ch in token.text) <= MAX_STATUS_LETTERS


def pair_line(items: list[Token | KeyItem]) -> list[Pair]:
    """Same-line pairing: each value takes the nearest unpaired key on its left."""
    pairs: list[Pair] = []
    pending: KeyItem | None = None
    last: Pair | None = None  # the pair whose number was the previous item (may take a unit)
    k = 0
    while k < len(items):
        item = items[k]
        if isinstance(item, KeyItem):
            last = None
            following = []
            for nxt in items[k + 1 :]:
                if isinstance(nxt, KeyItem):
                    break
                following.append(nxt)
            if item.takes_text and following and not _duration_ahead(item, following):
                pairs.append(Pair(key=item, text_tokens=following))
                item.paired, pending = True, None
                k += 1 + len(following)
                continue
            pending = item
        elif item.kind == NUMBER:
            last = Pair(key=pending, value=item)
            pairs.append(last)
            if pending is not None:
                pending.paired, pending = True, None
        elif item.kind == UNIT:
            if last is not None and item.box != last.value.box and item.cx < last.value.cx:
                pass  # a small box under the digits' left half (a MIN / MAX flag) is not beside them
            else:
                if last is not None and item.x0 - last.value.x1 <= MAX_UNIT_GAP * last.value.height:
                    last.unit = item
                last = None
        elif last is not None and item.box == last.value.box and _is_latin_word(item):
            last.unit = item  # "12.5KX": an unknown unit glued to its number
            last = None
        elif pending is not None and _is_latin_word(item) and not _number_ahead(items, k):
            if _is_status_word(item):
                pairs.append(Pair(key=pending, value=item))  # "Err", "OL" where the value should be
            # else the key is a word of a phrase or title ("POWER MONITOR"): no reading, no value below it
            pending.paired, pending = True, None
            last = None
        else:
            last = None
        k += 1
    return pairs


def pair_units_apart(pairs: list[Pair], lines: list[list[Token | KeyItem]]) -> None:
    """A unit left alone on its line goes to the value it sits under or at the lower right of."""
    taken = {id(p.unit) for p in pairs if p.unit is not None}
    loose = [t for line in lines for t in line if not isinstance(t, KeyItem) and t.kind == UNIT and id(t) not in taken]
    for unit in loose:
        extended = [pair for pair in pairs if _extends_glued_unit(unit, pair)]
        if extended:
            extended[0].unit = unit
            continue
        ranked = [(gap, pair) for pair in pairs if pair.unit is None and pair.value is not None
                  and pair.value.kind == NUMBER and (gap := _unit_gap(unit, pair.value)) is not None]
        if ranked:
            min(ranked, key=lambda r: r[0])[1].unit = unit


def _extends_glued_unit(unit: Token, pair: Pair) -> bool:
    """"15%" beside "%RH": the digits' box took the first character of the unit box it overlaps."""
    glued = pair.unit
    return (glued is not None and pair.value is not None and glued.box == pair.value.box and glued.kind == UNIT
            and unit.unit != glued.unit and unit.unit.startswith(glued.unit)
            and unit.x0 < glued.x1 < unit.x1 and unit.y0 < glued.y1 and glued.y0 < unit.y1)


def _unit_gap(unit: Token, value: Token) -> float | None:
    """How far ``unit`` sits from ``value`` in value heights, if it is placed as that value's unit."""
    h = value.height
    unit_cx, unit_cy = (unit.x0 + unit.x1) / 2, (unit.y0 + unit.y1) / 2
    under = unit.y0 - value.y1
    # A result table prints each column's unit in its own row under the value, as tall as the digits.
    if unit.height >= h:
        centred = value.x0 <= unit_cx <= value.x1 and unit.x1 - unit.x0 <= value.x1 - value.x0
        table_row = centred and unit.height <= TABLE_UNIT_HEIGHT * h and 0 <= under <= MAX_UNDER_GAP * h
        return under / h if table_row else None
    if -0.25 * h <= under <= MAX_UNDER_GAP * h and value.x0 <= unit_cx <= value.x1 + 0.5 * h:
        return max(under, 0.0) / h
    side = unit.x0 - value.x1
    if -0.5 * unit.height <= side <= MAX_SIDE_GAP * h and (value.y0 + value.y1) / 2 <= unit_cy <= value.y1 + unit.height:
        return max(side, 0.0) / h
    superscript = value.y0 - unit.height <= unit_cy <= (value.y0 + value.y1) / 2
    if unit.unit in SUPERSCRIPT_UNITS and superscript and -0.5 * unit.height <= side <= MAX_SIDE_GAP * h:
        return max(side, 0.0) / h
    return None


def _duration_ahead(key: KeyItem, following: list[Token | KeyItem]) -> bool:
    """A time key followed by a count and its duration unit ("采样时间 605 min") pairs like a number key."""
    return (key.match.entry is not None and key.match.entry.kind == "time" and len(following) >= 2
            and following[0].kind == NUMBER and not TIME_RE.fullmatch(following[0].text)
            and following[1].kind == UNIT and is_duration_unit(following[1].unit))


def _number_ahead(items: list[Token | KeyItem], k: int) -> bool:
    for item in items[k + 1 :]:
        if isinstance(item, KeyItem):
            return False
        if item.kind == NUMBER:
            return True
    return False


def _below(key: KeyItem, x0: float, x1: float, y0: float, height: float, line: int) -> float | None:
    """Distance rank of a value below ``key``, or None if it is not directly below."""
    if line <= key.line:
        return None
    gap = y0 - key.y1
    if gap < -0.25 * height or gap > MAX_BELOW_GAP * max(height, key.height):
        return None
    overlap = min(x1, key.x1) - max(x0, key.x0)
    centre_shift = abs((x0 + x1) / 2 - (key.x0 + key.x1) / 2)
    if overlap <= 0 and centre_shift > max(x1 - x0, key.x1 - key.x0):
        return None
    return (line - key.line) * 1e6 + centre_shift


def _time_key(key: KeyItem) -> bool:
    """A time's value has digits: the column heads under the title "Opening Time" are not one."""
    return key.match.entry is not None and key.match.entry.kind == "time"


def _takes_unit(key: KeyItem, unit: Token | None) -> bool:
    """Can the key's value carry this unit? A title "Opening Time" over a table does not own "112.7 Ω"."""
    if unit is None or unit.kind != UNIT:
        return True
    entries = [key.match.entry] if key.match.entry else list(key.match.candidates)
    return any(takes_number(entry, unit.unit) for entry in entries)


def pair_below(pairs: list[Pair], keys: list[KeyItem]) -> None:
    """Give keyless values the unpaired key directly above them (nearest line, then column)."""
    for pair in pairs:
        if pair.key is not None or pair.value is None or pair.value.kind != NUMBER:
            continue
        extent = [t for t in (pair.value, pair.unit) if t is not None]
        x0, x1 = min(t.x0 for t in extent), max(t.x1 for t in extent)
        ranked = []
        for key in keys:
            if not key.paired and _takes_unit(key, pair.unit):
                rank = _below(key, x0, x1, pair.value.y0, pair.value.height, pair.value.line)
                if rank is not None:
                    ranked.append((rank, key))
        if ranked:
            key = min(ranked, key=lambda r: r[0])[1]
            pair.key, key.paired = key, True


def pair_text_below(pairs: list[Pair], keys: list[KeyItem], lines: list[list[Token | KeyItem]]) -> list[Pair]:
    """A text key (型号, 厂家) with nothing on its right takes the text directly below it."""
    keyed_tokens = {id(t) for p in pairs if p.key is not None for t in p.tokens}
    for key in keys:
        if key.paired or not key.takes_text or key.line + 1 >= len(lines):
            continue
        below = [
            t
            for t in lines[key.line + 1]
            if not isinstance(t, KeyItem)
            and id(t) not in keyed_tokens
            and _below(key, t.x0, t.x1, t.y0, t.height, t.line) is not None
        ]
        if below and (not _time_key(key) or any(ch.isdigit() for t in below for ch in t.text)):
            taken = {id(t) for t in below}
            pairs = [p for p in pairs if not (p.key is None and any(id(t) in taken for t in p.tokens))]
            pairs.append(Pair(key=key, text_tokens=below))
            keyed_tokens |= taken
            key.paired = True
    return pairs
