"""Camera stamps: the date, time, index and GPS lines a phone or inspection camera burns into a photo.

They are never readings, wherever they sit. A bare time is NOT a stamp by its text alone: a timer's
``12:22`` or a clock's ``7:34`` is the instrument's own display. A time becomes a stamp only when it
sits right beside a date stamp (the stamp split over two boxes).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.ocr.types import TextBox

_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|[o0]ct|nov|dec)[a-z]*\.?"  # "0ct": OCR reads O as 0
_WEEKDAY = r"(?:星期[一二三四五六日天]|周[一二三四五六日]|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)"
_TIME = r"(?:(?:[ap]m|上午|下午)\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\s*(?:[ap]\.?m\.?))?"
_DATES = (
    rf"{_YEAR}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?",  # 2024-06-14, 2024/6/14, 2024年6月14日
    rf"\d{{1,2}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*{_YEAR}",  # 14/06/2024, 06-14-2024, 14.06.2024
    rf"{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*{_YEAR}",  # Jun 14, 2024 / Jun 14,2024
    rf"\d{{1,2}}\s*{_MONTH}\s*,?\s*{_YEAR}",  # 14 Jun 2024
)
_DATE = "(?:" + "|".join(_DATES) + ")"
# After a full date only a weekday and a time can follow, and OCR slips in the time ("20247:36:42 PM" with
# the year run into it, "01-10" for 01:10) leave digits, separators and AM/PM: all of it is the stamp.
_AFTER_DATE = rf"[\s,]*{_WEEKDAY}?[\s\d:：.,\-/]*(?:[ap]\.?m\.?|上午|下午)?[\s\d:：.,\-/]*"
_STAMP = re.compile(rf"^\s*(?:{_WEEKDAY}[\s,]*)?(?:{_DATE}{_AFTER_DATE}|{_TIME}\s+{_DATE})\s*$", re.IGNORECASE)
_INDEX = re.compile(r"^\s*[il1|]nd[eo]x\s*(?:(?:number|no\.?|num)\s*[:：.]?\s*\d*|[:：.]?\s*\d+)\s*$", re.IGNORECASE)
_GPS_WORD = re.compile(r"\b(?:gps|lat(?:itude)?|lon(?:g|gitude)?|alt(?:itude)?)\b\s*[:：]", re.IGNORECASE)
_COORDINATES = re.compile(
    r"^\s*[NSEW]?\s*-?\d{1,3}\.\d{3,}\s*°?\s*[NSEW]?\s*[,;/ ]\s*[NSEW]?\s*-?\d{1,3}\.\d{3,}\s*°?\s*[NSEW]?\s*$"
    r"|\d{1,3}\s*°\s*\d{1,2}\s*['′]",  # 31°14'
    re.IGNORECASE,
)
# What is left of a stamp split over boxes: a time, a number ("Index number:" then "101").
_STAMP_PIECE = re.compile(r"^[\s\d:：.,\-/]*(?:[ap]\.?m\.?|上午|下午)?[\s\d:：.,\-/]*$", re.IGNORECASE)
NEIGHBOUR_GAP = 1.5  # the rest of a stamp on its line sits within this many line heights of it
STACK_GAP = 0.6  # a stamp's next line (index, GPS, place, speed) starts within this many line heights
SAME_SIZE = 0.35  # stamp lines differ in height by at most this share


def is_camera_stamp(text: str) -> bool:
    """The text alone says it is a camera stamp (a date, an index number, a GPS line)."""
    return bool(_STAMP.match(text) or _INDEX.match(text) or _GPS_WORD.search(text) or _COORDINATES.search(text))


def stamp_boxes(boxes: Sequence[TextBox]) -> set[int]:
    """Indices of the boxes that are camera stamps: by their text, and the boxes that continue one (the rest
    of its line split off, or the lines stacked under or over it flush with its edge, whatever they say)."""
    stamps = {i for i, box in enumerate(boxes) if is_camera_stamp(box.text)}
    grown = True
    while grown:
        grown = False
        for i, box in enumerate(boxes):
            if i not in stamps and box.text.strip() and any(_continues(box, boxes[j]) for j in stamps):
                stamps.add(i)
                grown = True
    return stamps


def _continues(box: TextBox, stamp: TextBox) -> bool:
    size = max(box.height, stamp.height)
    if abs(box.height - stamp.height) > SAME_SIZE * size:
        return False
    dx = max(stamp.x_min - box.x_max, box.x_min - stamp.x_max, 0.0)
    dy = max(stamp.y_min - box.y_max, box.y_min - stamp.y_max, 0.0)
    vertical_overlap = min(box.y_max, stamp.y_max) - max(box.y_min, stamp.y_min)
    if vertical_overlap > 0.5 * min(box.height, stamp.height):  # same line: only the rest of a date and time
        return dx <= NEIGHBOUR_GAP * size and bool(_STAMP_PIECE.match(box.text))
    flush = min(abs(box.x_min - stamp.x_min), abs(box.x_max - stamp.x_max)) <= 0.5 * size
    return dy <= STACK_GAP * size and flush
