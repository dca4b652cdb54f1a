from datetime import date

import pytest

from desktop.core.reading.keys import load_keys
from desktop.core.reading.numbers import parse_number
from desktop.core.records.calibration_record import (
    ENVIRONMENT_KEY_IDS,
    MeasurementPoint,
    ambient_conditions,
    decimals_of,
    kept_for_next,
)
from desktop.core.records.numbering import DEFAULT_PATTERN, format_number, next_number


@pytest.mark.parametrize("text, decimals", [("100.07", 2), ("30.0", 1), ("30", 0), ("-0.5", 1), (" 1.250 ", 3)])
def test_decimals_follow_the_displayed_text(text, decimals):
    assert decimals_of(text) == decimals
    assert parse_number(text).decimals == decimals  # the reading's decimals check counts them the same way


def test_error_is_rounded_to_the_displayed_decimals():
    point = MeasurementPoint("流量", "L/min", standard="20.00", reading="20.3", tolerance="1.00")
    assert point.error_decimals == 2
    assert point.error == 0.3


@pytest.mark.parametrize("reading, passed", [("100.07", True), ("99.93", True), ("100.08", False), ("99.92", False)])
def test_pass_rule_is_abs_error_within_tolerance_including_the_edge(reading, passed):
    # 100.07 - 100.00 is 0.0699999... in binary floating point; the edge must still pass.
    point = MeasurementPoint("大气压", "kPa", standard="100.00", reading=reading, tolerance="0.07")
    assert point.passed is passed


def test_no_tolerance_means_no_verdict(new_record):
    point = MeasurementPoint("大气压", "kPa", standard="100.00", reading="100.07")
    assert point.passed is None
    assert new_record(points=[point]).passed is None


def test_record_fails_when_any_point_fails(new_record):
    record = new_record()
    assert record.passed is True
    record.points.append(MeasurementPoint("流量", "L/min", "40.00", "41.0", "0.50"))
    assert record.passed is False


def test_environment_values_are_found_in_a_monitor_s_readings():
    found = ambient_conditions([("大气压", "100.07", "kPa"), ("干球温度", "23.5", "℃"), ("相对湿度", "45", ""),
                                ("流量", "30.0", "L/min")])
    assert found == {"temperature": "23.5", "humidity": "45", "pressure": "100.07"}


def test_environment_ignores_readings_that_are_not_numbers():
    assert ambient_conditions([("Pressure", "--.--", "kPa")]) == {}


def test_ambient_labels_and_units_are_those_of_keys_yaml():
    """The monitor's labels are the names of the keys in resources/keys.yaml (no second list), and a
    unit keys.yaml allows for the ambient pressure is taken too, converted to the record's kPa."""
    keys = load_keys()
    for name, ids in ENVIRONMENT_KEY_IDS.items():
        for label in (n for i in ids for n in keys.get(i).names):
            assert name in ambient_conditions([(label, "12.5", "")]), label
    assert set(keys.get("atmospheric_pressure").units) == {"kPa", "hPa", "Pa"}
    shown = [("大气压", "1013.2", "hPa"), ("Humidity", "45", "%"), ("Temp", "23.5", "℃")]
    assert ambient_conditions(shown) == {"pressure": "101.32", "humidity": "45", "temperature": "23.5"}
    assert ambient_conditions([("ATM", "101320", "Pa")]) == {"pressure": "101.320"}
    assert ambient_conditions([("温度", "74", "℉"), ("湿度", "45", "kPa")]) == {}  # units those keys do not allow


def test_numbers_follow_the_pattern_and_restart_each_day():
    day = date(2025, 3, 14)
    assert format_number(DEFAULT_PATTERN, day, 7) == "LCD-20250314-0007"
    existing = ["LCD-20250314-0001", "LCD-20250314-0009", "LCD-20250313-0042", "other"]
    assert next_number(DEFAULT_PATTERN, day, existing) == "LCD-20250314-0010"
    assert next_number(DEFAULT_PATTERN, date(2025, 3, 15), existing) == "LCD-20250315-0001"
    assert next_number("JZ{date:%Y}-{seq:03d}", day, ["JZ2025-099"]) == "JZ2025-100"


@pytest.mark.parametrize("pattern", ["LCD-{date:%Y}", "LCD-{serial}-{seq}"])
def test_bad_patterns_are_refused_with_the_reason(pattern):
    with pytest.raises(ValueError, match="numbering pattern"):
        format_number(pattern, date(2025, 3, 14), 1)


def test_the_next_record_keeps_the_bench_not_the_instrument(example_records):
    sampler = example_records[0]
    kept = kept_for_next(sampler)
    assert "instrument" not in kept and "points" not in kept and "number" not in kept
    assert kept["customer"] == sampler.customer and kept["standards"] == sampler.standards
    kept["standards"][0].name = "changed"  # a copy: the record left behind is not edited
    assert sampler.standards[0].name != "changed"
