"""What the technician changed in the readings, worked out by comparing with what the boxes give.

A reading is known by the boxes it was read from (its key text may be the very thing corrected). The
app (ui/session.py) applies these rules; setting one field again is the table editor's
(ui/reading_adapter.py ``reapply_field``).
"""
from __future__ import annotations

from collections.abc import Iterable

FIELDS = ("key", "value", "unit")


def boxes_of(reading) -> tuple[int, ...]:
    return tuple(reading.boxes or ())


def carry_over(before: list, current: list, after: list, edited_box: int, reapply) -> list:
    """The readings after a box's text was corrected.

    ``before`` and ``after`` are what the boxes give before and after the edit, ``current`` what the
    technician has now. A reading the technician deleted stays deleted; a field they corrected in the
    table stays corrected, unless the box edit changed that same field (the newer fix wins).
    ``reapply(reading, field, text)`` sets one field, as the table editor does.
    """
    read_before = {boxes_of(r): r for r in before}
    kept = {boxes_of(r): r for r in current}
    result = []
    for reading in after:
        boxes = boxes_of(reading)
        old = read_before.get(boxes)
        mine = kept.get(boxes)
        if old is not None and mine is None and edited_box not in boxes:
            continue  # deleted by the technician
        if old is not None and mine is not None:
            for name in FIELDS:
                fixed, was, now = getattr(mine, name), getattr(old, name), getattr(reading, name)
                if fixed != was and now == was:
                    reading = reapply(reading, name, fixed)
        result.append(reading)
    return result


def corrected_fields(read: list, current: list, corrected_boxes: Iterable[int]) -> list[set[str]]:
    """For each current reading, the fields the technician changed: the table edits (compared with what
    the boxes give), and every field of a reading read from a box whose text they corrected."""
    read_by_boxes = {boxes_of(r): r for r in read}
    fixed_boxes = set(corrected_boxes)
    marks = []
    for reading in current:
        boxes = boxes_of(reading)
        original = read_by_boxes.get(boxes)
        fields = set() if original is None else {n for n in FIELDS if getattr(reading, n) != getattr(original, n)}
        if original is None or fixed_boxes.intersection(boxes):
            fields.add("boxes")
        marks.append(fields)
    return marks

