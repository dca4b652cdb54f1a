"""Camera stamps: the date, time, index and GPS lines a phone or inspection camera burns into a photo.

They are never readings, wherever they sit. A bare time is NOT a stamp by its text alone: a timer's
``12:22`` or a clock's ``7:34`` is the instrument's own display. A time becomes a stamp only when it
sits right beside a date stamp (the stamp split over two boxes).
"""
from __future__ import annotations

import re
from typing import Sequence

from desktop.core.ocr.types import TextBox

_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|[o0]ct|nov|dec)[a-z]*\.?"  # "0ct": OCR reads O as 0
_TIME = r"(?:(?:[ap]m|上午|下午)\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\s*(?:[ap]\.?m\.?))?"
_DATES = (
    rf"{_YEAR}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?",  # 2024-06-14, 2024/6/14, 2024年6月14日
    rf"\d{{1,2}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*{_YEAR}",  # 14/06/2024, 06-14-2024, 14.06.2024
    rf"{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*{_YEAR}",  # Jun 14, 2024 / Jun 14,2024
    rf"\d{{1,2}}\s*{_MONTH}\s*,?\s*{_YEAR}",  # 14 Jun 2024
)
_DATE = "(?:" + "|".join(_DATES) + ")"
# The year may run into the time with no space ("Oct 11,20247:36:42 PM"): the time needs no separator.
_STAMP = re.compile(rf"^\s*(?:{_DATE}\s*(?:{_TIME})?|{_TIME}\s+{_DATE})\s*$", re.IGNORECASE)
_INDEX = re.compile(r"^\s*[il1|]nd[eo]x\s*(?:(?:number|no\.?|num)\s*[:：.]?\s*\d*|[:：.]?\s*\d+)\s*$", re.IGNORECASE)
_GPS_WORD = re.compile(r"\b(?:gps|lat(?:itude)?|lon(?:g|gitude)?|alt(?:itude)?)\b\s*[:：]", re.IGNORECASE)
_COORDINATES = re.compile(
    r"^\s*[NSEW]?\s*-?\d{1,3}\.\d{3,}\s*°?\s*[NSEW]?\s*[,;/ ]\s*[NSEW]?\s*-?\d{1,3}\.\d{3,}\s*°?\s*[NSEW]?\s*$"
    r"|\d{1,3}\s*°\s*\d{1,2}\s*['′]",  # 31°14'
    re.IGNORECASE,
)
_BARE_TIME = re.compile(rf"^\s*{_TIME}\s*$", re.IGNORECASE)
NEIGHBOUR_GAP = 1.5  # a stamp's other half sits within this many line heights of it


def is_camera_stamp(text: str) -> bool:
    """The text alone says it is a camera stamp (a date, an index number, a GPS line)."""
    return bool(_STAMP.match(text) or _INDEX.match(text) or _GPS_WORD.search(text) or _COORDINATES.search(text))


def stamp_boxes(boxes: Sequence[TextBox]) -> set[int]:
    """Indices of the boxes that are camera stamps: by their text, or a bare time right beside a date stamp."""
    stamps = {i for i, box in enumerate(boxes) if is_camera_stamp(box.text)}
    for i, box in enumerate(boxes):
        if i not in stamps and _BARE_TIME.match(box.text) and any(_beside(box, boxes[j]) for j in stamps):
            stamps.add(i)
    return stamps


def _beside(box: TextBox, stamp: TextBox) -> bool:
    """Same line and close on either side, or the line right above or below and overlapping in x."""
    size = max(box.height, stamp.height)
    if abs(box.height - stamp.height) > 0.5 * size:
        return False
    dx = max(stamp.x_min - box.x_max, box.x_min - stamp.x_max, 0.0)
    dy = max(stamp.y_min - box.y_max, box.y_min - stamp.y_max, 0.0)
    same_line = dy == 0.0 and dx <= NEIGHBOUR_GAP * size
    next_line = dx == 0.0 and dy <= NEIGHBOUR_GAP * size
    return same_line or next_line
