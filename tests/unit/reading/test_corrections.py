"""core/reading/corrections.py: which of the technician's corrections survive a box edit, and which fields
they changed. A reading is known by its boxes."""
from dataclasses import replace

from desktop.core.reading import Reading
from desktop.core.reading.corrections import carry_over, corrected_fields


def reading(key: str, value: str, unit: str, boxes: list[int]) -> Reading:
    return Reading(key=key, key_en="", value=value, number=None, unit=unit, score=0.9, boxes=boxes)


def set_field(r: Reading, name: str, text: str) -> Reading:
    return replace(r, **{name: text})


def test_a_deleted_reading_stays_deleted_unless_its_own_box_was_edited():
    before = [reading("电压", "12.0", "V", [0, 1]), reading("电流", "3.0", "A", [2, 3])]
    after = [reading("电压", "12.0", "V", [0, 1]), reading("电流", "3.5", "A", [2, 3])]
    current = [before[0]]  # the technician deleted 电流
    assert carry_over(before, current, after, edited_box=0, reapply=set_field) == [after[0]]
    assert carry_over(before, current, after, edited_box=3, reapply=set_field) == after  # read again from its box


def test_a_table_correction_survives_unless_the_box_edit_changed_that_field():
    before = [reading("电压", "12.0", "V", [0, 1])]
    current = [reading("电压", "12.8", "V", [0, 1])]  # value corrected in the table
    same_value = [reading("电压", "12.0", "mV", [0, 1])]  # the box edit changed the unit only
    assert carry_over(before, current, same_value, 1, set_field) == [reading("电压", "12.8", "mV", [0, 1])]
    new_value = [reading("电压", "13.0", "V", [0, 1])]  # the box edit changed the value: the newer fix wins
    assert carry_over(before, current, new_value, 1, set_field) == new_value


def test_corrected_fields_are_table_edits_and_every_reading_of_a_corrected_box():
    read = [reading("电压", "12.0", "V", [0, 1]), reading("电流", "3.0", "A", [2, 3])]
    current = [reading("电压", "12.8", "V", [0, 1]), read[1], reading("", "7", "", [4])]
    assert corrected_fields(read, current, corrected_boxes=[3]) == [{"value"}, {"boxes"}, {"boxes"}]
