"""Real phone photos, as the OCR boxes PP-OCRv6 small returned on them (issue 17): the readings are the
display's values only, not the camera's stamp, the case's printing or a paper sheet beside it."""
import json
from pathlib import Path

import pytest

from desktop.core.ocr.types import TextBox
from desktop.core.reading import extract_readings, load_template

PHOTOS = {json.loads(line)["display"]: json.loads(line)
          for line in (Path(__file__).parent / "data" / "real_photos.jsonl").read_text(encoding="utf-8").splitlines()}

# display -> [(key, label, value, unit, note, valid, primary)]
EXPECTED = {
    "red-LED panel ammeter": [("电流", "", "419", "A", "RMS", True, True)],
    "contact-resistance tester, HMI result table": [
        ("电阻", "R-RES", "04.00", "", "", True, True),  # three values of one size: the first is the main one
        ("电阻", "Y-RES", "08.27", "", "", True, False),
        ("电阻", "B-RES", "09.54", "", "", True, False),
    ],
    # The temperature was not detected at all; the clock under TEMPERATURE is a time, and no measured value.
    "temperature/clock LCD beside a paper test sheet": [("时间", "", "7:34", "", "", True, False)],
    "insulation tester, thin-segment LCD": [("绝缘电阻", "", "2720", "MΩ", "", True, True)],
    "red-LED timer": [("示值", "", "00.13", "", "", True, True)],
}


def boxes_of(photo):
    return [TextBox(((x0, y0), (x1, y0), (x1, y1), (x0, y1)), text, 0.9) for text, (x0, y0, x1, y1) in photo["boxes"]]


@pytest.mark.parametrize("display", list(EXPECTED))
def test_a_real_photo_gives_the_displays_values_only(display):
    photo = PHOTOS[display]
    readings = extract_readings(boxes_of(photo), image_size=tuple(photo["image_size"]))
    assert [(r.key, r.label, r.value, r.unit, r.note, r.valid, r.primary) for r in readings] == EXPECTED[display]
    assert sum(r.primary for r in readings) == any(e[6] for e in EXPECTED[display])


@pytest.mark.parametrize("display", list(EXPECTED))
def test_box_order_does_not_matter(display, shuffled):
    photo = PHOTOS[display]
    boxes = shuffled(boxes_of(photo), seed=11)
    readings = extract_readings(boxes, image_size=tuple(photo["image_size"]))
    assert [(r.key, r.value, r.unit, r.primary) for r in readings] == [(e[0], e[2], e[3], e[6]) for e in EXPECTED[display]]


def test_the_json_marks_the_main_value():
    photo = PHOTOS["red-LED panel ammeter"]
    (data,) = [r.to_json() for r in extract_readings(boxes_of(photo))]
    assert (data["value"], data["unit"], data["note"], data["primary"]) == ("419", "A", "RMS", True)


def contact_resistance_table(unit_row: str = ""):
    photo = PHOTOS["contact-resistance tester, HMI result table"]
    boxes = boxes_of(photo)
    if unit_row:  # the table's unit under each value, as some testers print it
        boxes += [TextBox(((x0, 191), (x0 + 14, 191), (x0 + 14, 201), (x0, 201)), unit_row, 0.9) for x0 in (280, 306, 335)]
    return boxes, tuple(photo["image_size"])


def test_the_contact_resistance_template_fills_the_unit_the_table_does_not_print():
    boxes, size = contact_resistance_table()
    readings = extract_readings(boxes, load_template("contact-resistance-tester"), size)
    assert [(r.label, r.value, r.unit, r.valid) for r in readings] == [
        ("R-RES", "04.00", "mΩ", True), ("Y-RES", "08.27", "mΩ", True), ("B-RES", "09.54", "mΩ", True)]


@pytest.mark.parametrize("template", [None, "contact-resistance-tester"])
def test_a_resistance_in_milliohms_is_a_resistance(template):
    """mΩ and μΩ are resistance units: a table printing them was flagged "unit does not fit"."""
    boxes, size = contact_resistance_table("mΩ")
    readings = extract_readings(boxes, load_template(template) if template else None, size)
    assert [(r.value, r.unit, r.issues) for r in readings] == [("04.00", "mΩ", []), ("08.27", "mΩ", []),
                                                                ("09.54", "mΩ", [])]
