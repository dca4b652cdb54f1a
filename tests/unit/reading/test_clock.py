"""A clock's time is a time, never a temperature (issue 28): the OCR lines of three real clock / humidity
LCD photos whose temperature (24.2, 24.4, 24.5) the detector did not find."""
import pytest

from desktop.core.reading import extract_readings
from desktop.core.reading.templates import load_template

SIZE = (508, 381)


@pytest.fixture
def clock_lcd(box):
    """The photo's boxes as PP-OCRv6 drew them, with ``middle`` between the title and the model name."""
    return lambda *middle, model="HTC-1": [box(136, 56, 128, 19, "TEMPERATURE"), *middle,
                                           box(149, 248, 129, 20, "CLOCK/HUMIDITY"), box(150, 268, 51, 17, model),
                                           box(331, 345, 176, 20, "0ct 11,2024 7:36:42 PM")]


def summary(boxes, template=None):
    readings = extract_readings(boxes, template=template, image_size=SIZE)
    return [(r.key, r.value, r.valid, r.primary) for r in readings]


def test_1204_beside_am_is_the_clocks_time_not_the_temperature(clock_lcd, box):
    boxes = clock_lcd(box(170, 173, 78, 58, "1204"), box(140, 176, 24, 14, "AM"))
    assert summary(boxes) == [("时间", "12:04", True, False)]


def test_no_digits_read_gives_no_temperature_value(clock_lcd):
    readings = extract_readings(clock_lcd(model="HTC-2"), image_size=SIZE)
    assert all(r.value == "" for r in readings if r.key == "温度")


def test_12_00_under_temperature_is_a_time(clock_lcd, box):
    boxes = clock_lcd(box(170, 173, 78, 58, "12:00"))
    assert summary(boxes) == [("时间", "12:00", True, False)]


def test_the_temperature_read_beside_the_clock_stays_the_temperature(clock_lcd, box):
    boxes = clock_lcd(box(150, 90, 110, 70, "24.2"), box(300, 100, 24, 12, "℃"),
                      box(170, 173, 60, 40, "1204"), box(140, 176, 24, 14, "AM"))
    readings = {r.key: r for r in extract_readings(boxes, image_size=SIZE)}
    assert (readings["温度"].value, readings["温度"].primary, readings["温度"].valid) == ("24.2", True, True)
    assert readings["时间"].value == "12:04" and not readings["时间"].primary


def test_a_thermo_hygrometer_template_does_not_take_the_time_as_its_default_temperature(box):
    boxes = [box(170, 173, 78, 58, "12:00"), box(150, 268, 51, 17, "HTC-1")]
    template = load_template("thermo-hygrometer")
    assert all(r.key != "温度" for r in extract_readings(boxes, template=template, image_size=SIZE))


@pytest.mark.parametrize("text", ["1204", "0845"])
def test_digits_without_am_pm_are_still_a_number(clock_lcd, box, text):
    boxes = clock_lcd(box(170, 173, 78, 58, text))
    (reading,) = [r for r in extract_readings(boxes, image_size=SIZE) if r.value]
    assert (reading.key, reading.value) == ("温度", text)


def test_a_duration_under_a_time_key_is_untouched(box):
    boxes = [box(20, 20, 80, 20, "采样时间"), box(120, 20, 60, 20, "605"), box(185, 25, 30, 15, "min")]
    (reading,) = extract_readings(boxes)
    assert (reading.key, reading.value, reading.unit) == ("时间", "605", "min")


def test_a_thermometers_small_degree_sign_at_the_digits_upper_right_is_their_unit(box):
    """A clock LCD's temperature (the second look's box) with ℃ printed as a superscript."""
    boxes = [box(255, 140, 125, 95, "5.9"), box(384, 118, 30, 25, "℃"), box(158, 246, 92, 50, "2:48"),
             box(295, 255, 70, 45, "92%")]
    readings = {r.value: r for r in extract_readings(boxes, image_size=SIZE)}
    assert (readings["5.9"].key, readings["5.9"].unit, readings["5.9"].primary) == ("温度", "℃", True)


@pytest.mark.parametrize("text", ["16.1℃94%RH", "20.0℃50%"])
def test_temperature_and_humidity_in_one_box_are_two_readings(box, text):
    """The detector often draws a thermo-hygrometer's two values as one line: ℃ glued to the humidity's
    digits is the temperature's unit, not an identifier such as "HTC-1"."""
    readings = extract_readings([box(170, 157, 160, 40, text), box(183, 204, 130, 20, "CLOCK/HUMIDITY")])
    temperature, humidity = text.split("℃")
    digits = humidity.rstrip("%RH")
    assert [(r.value, r.unit) for r in readings] == [(temperature, "℃"), (digits, humidity[len(digits):])]
    assert readings[0].key == "温度" and readings[0].primary
