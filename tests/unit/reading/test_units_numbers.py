import pytest
import yaml

from desktop.core.reading.numbers import clean_numeric_text, parse_number
from desktop.core.reading.units import load_units, normalize_text
from desktop.core.resources import resource_path


@pytest.mark.parametrize(
    "text, unit",
    [
        ("℃", "℃"), ("°C", "℃"), (".C", "℃"), ("oC", "℃"), ("OC", "℃"), ("ºC", "℃"),
        ("kPa", "kPa"), ("KPa", "kPa"), ("kpa", "kPa"), ("KPA", "kPa"), ("ｋＰａ", "kPa"),
        ("L/min", "L/min"), ("l/min", "L/min"), ("L/MIN", "L/min"), ("LPM", "L/min"),
        ("%", "%"), ("％", "%"), ("%RH", "%RH"), ("%rh", "%RH"), ("RH%", "%RH"),
        ("MΩ", "MΩ"), ("MΩ", "MΩ"), ("M2", "MΩ"), ("MQ", "MΩ"), ("MO", "MΩ"),
        ("A", "A"), ("V", "V"), ("mA", "mA"), ("MA", "mA"), ("mV", "mV"),
        ("m/s", "m/s"), ("m/S", "m/s"), ("M/S", "m/s"),
        ("Pa", "Pa"), ("hPa", "hPa"), ("MPa", "MPa"), ("Mpa", "MPa"),
        ("KW", "kW"), ("KM", "kW"), ("kw", "kW"),
        ("m3/h", "m³/h"), ("m³/h", "m³/h"), ("rpm", "r/min"), ("GQ", "GΩ"), ("Hz", "Hz"),
        # contact-resistance tables, breaker timers and LED power panels (issue 21)
        ("μΩ", "μΩ"), ("µΩ", "μΩ"), ("uΩ", "μΩ"), ("mΩ", "mΩ"), ("ms", "ms"), ("kVA", "kVA"), ("KVA", "kVA"),
    ],
)
def test_unit_aliases_become_canonical(text, unit):
    assert load_units().canonical(normalize_text(text)) == unit


def test_every_alias_in_the_table_maps_to_its_unit():
    data = yaml.safe_load(resource_path("units.yaml").read_text(encoding="utf-8"))
    table = load_units()
    for name, spec in data["units"].items():
        for alias in [name, *spec["aliases"]]:
            assert table.canonical(normalize_text(str(alias)).strip()) == name, alias


def test_case_is_only_ignored_when_unambiguous():
    table = load_units()
    assert table.canonical("MV") == "mV"  # only mV folds to "mv"
    assert table.canonical("Xyz") is None


def test_unit_prefix_needs_a_word_boundary():
    table = load_units()
    assert table.match_prefix("100.07kPa湿度", 6) == ("kPa", 9)
    assert table.match_prefix("30.0L/min", 4) == ("L/min", 9)
    assert table.match_prefix("5kPaX", 1) is None


def test_convert_within_a_quantity_only():
    table = load_units()
    assert table.convert(101.3, "kPa", "hPa") == pytest.approx(1013.0)
    assert table.convert(2.5, "GΩ", "MΩ") == pytest.approx(2500.0)
    assert table.convert(145, "%", "%RH") == 145
    assert table.convert(1, "kPa", "℃") is None


@pytest.mark.parametrize(
    "raw, clean",
    [("一0000", "-0000"), ("−12.5", "-12.5"), ("1OO.7", "100.7"), ("1O0.O7", "100.07"), ("12,5", "12.5"),
     ("3l.5", "31.5"), ("23.5oC", "23.5oC"), ("计前压力一0000", "计前压力-0000")],
)
def test_clean_numeric_text(raw, clean):
    assert clean_numeric_text(raw) == clean


@pytest.mark.parametrize(
    "text, value, number, decimals, issues",
    [
        ("100.07", "100.07", 100.07, 2, []),
        ("-0000", "-0000", 0.0, 0, []),
        ("00.0", "00.0", 0.0, 1, []),
        ("+5", "5", 5.0, 0, []),
        ("-12.50", "-12.50", -12.5, 2, []),
        (".5", ".5", 0.5, 1, []),
        ("1.00.07", "1.00.07", None, None, ["two_decimal_points"]),
        ("100..07", "100..07", None, None, ["two_decimal_points"]),
        ("--.-", "--.-", None, None, ["no_digits"]),
        ("Err", "Err", None, None, ["no_digits"]),
        ("12:30:45", "12:30:45", None, None, []),
    ],
)
def test_parse_number_keeps_display_and_parses(text, value, number, decimals, issues):
    parsed = parse_number(text)
    assert (parsed.value, parsed.number, parsed.decimals, parsed.issues) == (value, number, decimals, issues)


def test_negative_zero_is_plain_zero():
    assert str(parse_number("-0000").number) == "0.0"


def test_stray_punctuation_between_number_and_unit_is_skipped():
    from desktop.core.reading.tokens import split_text
    from desktop.core.reading.units import load_units

    tokens = split_text("12.5 ' kPa", load_units())
    assert [(t.kind, t.text) for t in tokens][0][1] == "12.5"
    assert tokens[-1].unit == "kPa"


@pytest.mark.parametrize("text, unit, note", [("ARMS", "A", "RMS"), ("Arms", "A", "RMS"), ("VRMS", "V", "RMS"),
                                              ("VDC", "V", "DC"), ("A", "A", ""), ("mA", "mA", "")])
def test_unit_spellings_that_say_more_keep_a_note(text, unit, note):
    units = load_units()
    assert (units.canonical(text), units.note(text)) == (unit, note)
