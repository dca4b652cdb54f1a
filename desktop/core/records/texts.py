"""Text that goes into a workbook cell: what Excel cannot hold is cleaned (and said so) or refused.

Excel keeps at most 32,767 characters in a cell and XML cannot hold most control characters
(``\\x00``, ``\\x0b``), the non-characters U+FFFE and U+FFFF, nor a lone surrogate (``"\\ud800"`` in
JSON); openpyxl raises on the latter and cuts the former without a word.
"""
from __future__ import annotations

import dataclasses
import re

MAX_CELL_TEXT = 32_767
# XML 1.0 forbids these (tab, LF, CR are fine); a lone surrogate cannot even be encoded as UTF-8
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class FieldTextError(ValueError):
    """A text field that cannot go into a cell; the message names the field."""


def clean_text(text: str, where: str) -> tuple[str, str]:
    """The text without control characters, and a note saying what was removed ("" when nothing).

    Refuses text longer than a cell holds, naming ``where``.
    """
    if len(text) > MAX_CELL_TEXT:
        raise FieldTextError(f"{where}: {len(text):,} characters; a cell holds at most {MAX_CELL_TEXT:,}")
    found = CONTROL_CHARACTERS.findall(text)
    if not found:
        return text, ""
    shown = ", ".join(sorted({repr(ch)[1:-1] for ch in found}))
    return CONTROL_CHARACTERS.sub("", text), f"{where}: removed {len(found)} character(s) a workbook cannot hold ({shown})"


def text_problems(record) -> list[str]:
    """Every text field of a record (nested dataclasses and lists too) that a cell cannot hold as it is."""
    problems = []
    for where, text in _texts(record, "record"):
        if len(text) > MAX_CELL_TEXT:
            problems.append(f"{where}: {len(text):,} characters; a cell holds at most {MAX_CELL_TEXT:,}")
        elif CONTROL_CHARACTERS.search(text):
            problems.append(f"{where}: contains characters that a workbook cannot hold")
    return problems


def _texts(value, where: str):
    if isinstance(value, str):
        yield where, value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{where}[{i}]")
