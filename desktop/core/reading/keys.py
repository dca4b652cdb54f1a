"""Key dictionary (``resources/keys.yaml``) and fuzzy matching of OCR'd key text."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import yaml

from desktop.core.reading.units import normalize_text
from desktop.core.resources import resource_path

KINDS = ("number", "text", "time")
MIN_SCORE = 0.6  # 3-char key missing a char scores 0.67; 2-char key with one slip (0.5) is too weak
# A wrong character in a 3-char name (0.67) turns status words into keys ("测量中" -> 测量值),
# so same-length matches need more: one wrong character in four (0.75) is fine.
MIN_SAME_LENGTH_SCORE = 0.7
AMBIGUITY_MARGIN = 0.1  # two entries closer than this: flag it, do not pick one
# Latin names slip less than Chinese ones and short ones collide ("RRES" is 0.6 from "Press"):
# a Latin name matches fuzzily only from 5 letters on and with at most one slip in five.
MIN_LATIN_LENGTH = 5
MIN_LATIN_SCORE = 0.8
# "R" in "R-RES", "CH1" in "CH1 VOLT", "2" in "TEMP 2": a tag naming which one of a kind. Letters-only
# tags are single letters, so a value word after a key ("INSULATION OL") is no tag.
_TAG = re.compile(r"[A-Za-z]|[A-Za-z]{0,2}\d{1,2}")

_NOT_NAME_CHARS = re.compile(r"[^\w]|_", re.UNICODE)
_LABEL_PARTS = re.compile(r"[-_/\s.]+")


@dataclass(frozen=True)
class KeyEntry:
    id: str
    key: str
    en: str
    aliases: tuple[str, ...] = ()
    kind: str = "number"
    units: tuple[str, ...] | None = None  # None: any unit fits
    range: tuple[float, float] | None = None  # in units[0]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, self.en, *self.aliases)


@dataclass(frozen=True)
class KeyMatch:
    entry: KeyEntry | None  # None when nothing matched or the match is ambiguous
    score: float
    text: str  # the cleaned text that was matched
    candidates: tuple[KeyEntry, ...] = ()  # the tied entries of an ambiguous match
    qualifier: str = ""  # the tag beside the name in a label such as "R-RES" (phase R's resistance)

    @property
    def ambiguous(self) -> bool:
        return self.entry is None and len(self.candidates) > 1


def clean_key_text(text: str) -> str:
    """Drop what OCR sprinkles into words: spaces, dots, colons; fold case."""
    return _NOT_NAME_CHARS.sub("", normalize_text(text)).casefold()


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


class KeyDictionary:
    def __init__(self, entries: Iterable[KeyEntry]):
        self.entries = tuple(entries)
        self._by_key = {e.key: e for e in self.entries}
        self._by_id = {e.id: e for e in self.entries}
        self._by_en = {e.en.casefold(): e for e in self.entries if e.en}
        self._names = [(e, clean_key_text(n)) for e in self.entries for n in e.names]

    def get(self, key_or_id: str) -> KeyEntry | None:
        """The entry of a Chinese key, an id, or an English name (as the English interface shows it)."""
        return (self._by_key.get(key_or_id) or self._by_id.get(key_or_id)
                or self._by_en.get((key_or_id or "").strip().casefold()))

    def name(self, key: str, lang: str) -> str:
        """A key as a language names it: 电流 -> "current" in English ("en"); an unknown key as it is."""
        entry = self.get(key) if key else None
        if entry is None:
            return key
        return entry.en or entry.key if lang.startswith("en") else entry.key

    def match(self, text: str, preferred: Iterable[KeyEntry] = ()) -> KeyMatch:
        """Best entry for ``text``.

        An exact match anywhere wins, then a label made of a name and a short tag ("R-RES"). Otherwise
        ``preferred`` entries (the template's fields) are tried first, then the whole dictionary. Two
        entries scoring within AMBIGUITY_MARGIN of each other give an ambiguous match, never a guess.
        """
        cleaned = clean_key_text(text)
        scores: dict[KeyEntry, float] = {}
        for entry, name in self._names:
            score = similarity(cleaned, name)
            if score < 1.0 and name.isascii() and (len(name) < MIN_LATIN_LENGTH or score < MIN_LATIN_SCORE):
                continue  # "AT" is not a slip of "ATM", nor "RRES" of "Press"
            if len(cleaned) == len(name) and score < MIN_SAME_LENGTH_SCORE:
                continue
            if score > scores.get(entry, 0.0):
                scores[entry] = score
        exact = [e for e, s in scores.items() if s == 1.0]
        if exact:
            return self._decide(cleaned, {e: 1.0 for e in exact})
        qualified = self._qualified(text)
        if qualified is not None:
            return qualified
        preferred_ids = {e.id for e in preferred}
        preferred_scores = {e: s for e, s in scores.items() if e.id in preferred_ids}
        result = self._decide(cleaned, preferred_scores)
        if result.entry is None and not result.ambiguous:
            result = self._decide(cleaned, scores)
        return result

    def _qualified(self, text: str) -> KeyMatch | None:
        """``R-RES``, ``CH1 VOLT``: one part names a key exactly in Latin letters, the other is a tag."""
        parts = [p for p in _LABEL_PARTS.split(normalize_text(text).strip()) if p]
        if len(parts) != 2:
            return None
        for name_part, tag in (parts, parts[::-1]):
            if not _TAG.fullmatch(tag) or not name_part.isascii() or len(name_part) <= len(tag):
                continue
            cleaned = clean_key_text(name_part)
            exact = {e: 1.0 for e, name in self._names if name == cleaned}
            if exact:
                found = self._decide(cleaned, exact)
                return KeyMatch(found.entry, found.score, found.text, found.candidates, tag)
        return None

    @staticmethod
    def _decide(cleaned: str, scores: dict[KeyEntry, float]) -> KeyMatch:
        ranked = sorted(((s, e) for e, s in scores.items() if s >= MIN_SCORE), key=lambda p: -p[0])
        if not ranked:
            return KeyMatch(None, 0.0, cleaned)
        best = ranked[0][0]
        tied = tuple(e for s, e in ranked if best - s < AMBIGUITY_MARGIN)
        if len(tied) > 1:
            return KeyMatch(None, best, cleaned, tied)
        return KeyMatch(tied[0], best, cleaned)


def _entry(spec: dict) -> KeyEntry:
    kind = spec.get("kind", "number")
    if kind not in KINDS:
        raise ValueError(f"keys.yaml: {spec.get('key')!r} has kind {kind!r}, expected one of {KINDS}")
    units = spec.get("units")
    rng = spec.get("range")
    return KeyEntry(
        id=spec["id"],
        key=spec["key"],
        en=spec["en"],
        aliases=tuple(str(a) for a in spec.get("aliases", ())),
        kind=kind,
        units=tuple(str(u) for u in units) if units else None,
        range=(float(rng[0]), float(rng[1])) if rng else None,
    )


@lru_cache(maxsize=1)
def load_keys() -> KeyDictionary:
    data = yaml.safe_load(resource_path("keys.yaml").read_text(encoding="utf-8"))
    return KeyDictionary(_entry(spec) for spec in data["keys"])
