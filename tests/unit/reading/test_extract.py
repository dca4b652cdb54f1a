"""extract_readings: from hand-built OCR boxes to readings."""
import pytest

from desktop.core.reading import Reading, extract_readings, flag_repeated_keys, load_template

SMOKE = "smoke-dust-sampler"


def summary(readings):
    return [(r.key, r.value, r.number, r.unit, r.valid) for r in readings]


def texts(boxes, reading):
    return [boxes[i].text for i in reading.boxes]


def note_screen(box):
    """The PaddleOCR LCD note's service output, as boxes, with misread keys and split units."""
    return [
        box(10, 10, 60, 20, "大.气压"), box(80, 10, 50, 20, "100.07"), box(135, 10, 30, 20, "KPa"),
        box(10, 40, 80, 20, "干球温废"), box(100, 40, 60, 20, "0000℃"),
        box(10, 70, 60, 20, "计前温"), box(80, 70, 45, 20, "0000"), box(130, 70, 20, 20, "oC"),
        box(10, 100, 150, 20, "湿球温度0000.C"),
        box(10, 130, 160, 20, "计前压力一0000kPa"),
        box(10, 160, 150, 20, "流量 00.0L/min"),
        box(10, 190, 40, 20, "静压"), box(80, 190, 80, 20, "00000KPA"),
        box(10, 220, 60, 20, "含湿量"), box(80, 220, 40, 20, "00.0"), box(125, 220, 15, 20, "%"),
    ]


NOTE_EXPECTED = [
    ("大气压", "100.07", 100.07, "kPa", True),
    ("干球温度", "0000", 0.0, "℃", True),
    ("计前温度", "0000", 0.0, "℃", True),
    ("湿球温度", "0000", 0.0, "℃", True),
    ("计前压力", "-0000", 0.0, "kPa", True),
    ("流量", "00.0", 0.0, "L/min", True),
    ("静压", "00000", 0.0, "kPa", True),
    ("含湿量", "00.0", 0.0, "%", True),
]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("template", [None, SMOKE])
def test_note_service_output_in_any_box_order(box, shuffled, seed, template):
    boxes = shuffled(note_screen(box), seed)
    readings = extract_readings(boxes, load_template(template) if template else None)
    assert summary(readings) == NOTE_EXPECTED
    assert sorted(texts(boxes, readings[0])) == sorted(["大.气压", "100.07", "KPa"])
    assert sorted(texts(boxes, readings[2])) == sorted(["计前温", "0000", "oC"])
    assert texts(boxes, readings[3]) == ["湿球温度0000.C"]
    assert sorted(texts(boxes, readings[7])) == sorted(["含湿量", "00.0", "%"])


def test_note_readings_carry_fields_english_names_and_scores(box):
    readings = extract_readings(note_screen(box), load_template(SMOKE))
    first = readings[0]
    assert (first.key_en, first.field, first.score, first.issues) == ("atmospheric pressure", "atmospheric_pressure", 0.9, [])
    dry = readings[1]
    assert dry.field == "dry_bulb_temperature"
    assert dry.score == pytest.approx(0.9 * 0.75)  # misread key: lower score
    assert all(r.template == SMOKE for r in readings)


def test_to_json_has_the_cli_shape(box):
    boxes = [box(10, 10, 60, 20, "大气压"), box(80, 10, 80, 20, "100.07kPa", 0.95)]
    data = extract_readings(boxes)[0].to_json()
    assert list(data)[:8] == ["key", "key_en", "value", "number", "unit", "score", "valid", "boxes"]
    assert data == {
        "key": "大气压", "key_en": "atmospheric pressure", "value": "100.07", "number": 100.07, "unit": "kPa",
        "score": 0.925, "valid": True, "boxes": [0, 1], "field": "atmospheric_pressure", "issues": [],
        "candidates": [], "label": "", "note": "", "primary": True, "suggestion": "",
    }


def test_key_and_value_in_one_box_without_unit(box):
    (r,) = extract_readings([box(10, 10, 80, 20, "湿度45.2")])
    assert (r.key, r.value, r.number, r.unit, r.boxes, r.valid) == ("湿度", "45.2", 45.2, "", [0], True)


def test_key_above_value(box, shuffled):
    boxes = shuffled([
        box(10, 10, 60, 20, "大气压"), box(200, 10, 40, 20, "流量"),
        box(10, 40, 100, 30, "100.07kPa"), box(200, 40, 60, 30, "30.0"), box(265, 45, 50, 20, "L/min"),
    ], 5)
    readings = extract_readings(boxes)
    assert summary(readings) == [("大气压", "100.07", 100.07, "kPa", True), ("流量", "30.0", 30.0, "L/min", True)]
    assert sorted(texts(boxes, readings[1])) == sorted(["流量", "30.0", "L/min"])


def test_left_key_wins_and_leftover_value_goes_to_key_above(box):
    boxes = [
        box(10, 10, 40, 20, "温度"), box(60, 10, 40, 20, "23.5"), box(200, 10, 40, 20, "湿度"),
        box(200, 40, 40, 20, "45.2"),
    ]
    assert summary(extract_readings(boxes)) == [("温度", "23.5", 23.5, "", True), ("湿度", "45.2", 45.2, "", True)]


@pytest.mark.parametrize("split", [False, True])
def test_several_readings_per_line(box, shuffled, split):
    if split:
        boxes = shuffled([
            box(10, 10, 40, 20, "温度"), box(60, 10, 40, 20, "23.5"), box(105, 10, 15, 20, "℃"),
            box(150, 10, 40, 20, "湿度"), box(200, 10, 40, 20, "45.2"), box(245, 10, 30, 20, "%RH"),
        ], 7)
    else:
        boxes = [box(10, 10, 300, 20, "温度23.5℃ 湿度45.2%RH")]
    readings = extract_readings(boxes)
    assert summary(readings) == [("温度", "23.5", 23.5, "℃", True), ("湿度", "45.2", 45.2, "%RH", True)]


def test_key_split_over_two_boxes_is_joined(box):
    boxes = [box(10, 10, 40, 20, "干球"), box(55, 10, 40, 20, "温度"), box(100, 10, 50, 20, "23.5")]
    (r,) = extract_readings(boxes)
    assert (r.key, r.value, r.boxes) == ("干球温度", "23.5", [0, 1, 2])


def test_two_keys_next_to_each_other_are_not_joined(box):
    readings = extract_readings([box(10, 10, 40, 20, "温度"), box(60, 10, 40, 20, "湿度")])
    assert [(r.key, r.value, r.issues) for r in readings] == [("温度", "", ["no_value"]), ("湿度", "", ["no_value"])]


def test_lines_are_grouped_by_geometry_even_with_tall_digits(box):
    # Big digits with a small unit beside them and a small key above them.
    boxes = [box(10, 60, 120, 60, "101.3"), box(135, 95, 30, 20, "kPa"), box(10, 20, 60, 20, "大气压")]
    (r,) = extract_readings(boxes)
    assert (r.key, r.value, r.unit, r.boxes) == ("大气压", "101.3", "kPa", [0, 1, 2])


# --- Value-only screens ---------------------------------------------------------

def test_panel_meter_number_only(box):
    (r,) = extract_readings([box(10, 10, 120, 60, "220.5V")], load_template("panel-meter"))
    assert (r.key, r.key_en, r.value, r.unit, r.field, r.valid) == ("示值", "indication", "220.5", "V", "indication", True)


def test_generic_number_only_is_the_indication(box):
    (r,) = extract_readings([box(10, 10, 120, 60, "1234")])
    assert (r.key, r.number, r.field, r.valid) == ("示值", 1234.0, "indication", True)


def test_generic_infers_the_key_from_the_unit(box):
    (r,) = extract_readings([box(10, 10, 100, 50, "23.5"), box(115, 30, 20, 20, "℃")])
    assert (r.key, r.value, r.unit, r.field, r.valid) == ("温度", "23.5", "℃", "temperature", True)
    assert r.score == pytest.approx(0.81)  # inferred key: less certain


def test_pressure_gauge_number_only_gets_the_templates_unit(box):
    (r,) = extract_readings([box(10, 10, 120, 60, "101.3")], load_template("pressure-gauge"))
    assert (r.key, r.value, r.unit, r.field) == ("压力", "101.3", "kPa", "pressure")


def test_timer_screen(box):
    (r,) = extract_readings([box(10, 10, 120, 60, "00:12:34")], load_template("timer"))
    assert (r.key, r.value, r.number, r.unit, r.valid) == ("时间", "00:12:34", None, "", True)


def test_tallest_number_gets_the_default_field_others_have_no_key(box):
    boxes = [box(10, 10, 40, 35, "12"), box(10, 50, 120, 60, "88.8")]
    readings = extract_readings(boxes, load_template("panel-meter"))
    assert [(r.key, r.value, r.issues) for r in readings] == [("", "12", ["no_key"]), ("示值", "88.8", [])]


def test_template_field_found_by_unit(box):
    boxes = [box(10, 10, 100, 40, "23.5℃"), box(10, 60, 100, 40, "45.2%RH")]
    readings = extract_readings(boxes, load_template("thermo-hygrometer"))
    assert [(r.key, r.value, r.unit, r.valid) for r in readings] == [("温度", "23.5", "℃", True), ("湿度", "45.2", "%RH", True)]


def test_regions_place_keyless_values(box, tmp_path):
    path = tmp_path / "dual.yaml"
    path.write_text(
        "fields:\n"
        "  - {key: 温度, unit: ℃, region: [0, 0, 1, 0.5]}\n"
        "  - {key: 湿度, unit: '%RH', region: [0, 0.5, 1, 1]}\n",
        encoding="utf-8",
    )
    boxes = [box(10, 120, 100, 50, "45.2"), box(10, 10, 100, 50, "23.5")]
    readings = extract_readings(boxes, load_template(str(path)), image_size=(200, 200))
    assert [(r.key, r.value, r.unit, r.boxes) for r in readings] == [("温度", "23.5", "℃", [1]), ("湿度", "45.2", "%RH", [0])]


# --- Ambiguity and checks -------------------------------------------------------

def test_ambiguous_key_is_flagged_not_guessed(box):
    (r,) = extract_readings([box(10, 10, 60, 20, "球温度"), box(80, 10, 50, 20, "23.5℃")])
    assert (r.key, r.key_en, r.value, r.valid, r.field) == ("球温度", "", "23.5", False, None)
    assert r.issues == ["ambiguous_key"]
    assert r.candidates == ["干球温度", "湿球温度", "温度"]


def test_template_narrows_an_ambiguous_key(box):
    (r,) = extract_readings([box(10, 10, 60, 20, "球温度"), box(80, 10, 50, 20, "23.5℃")], load_template("panel-meter"))
    # panel-meter reads only 示值, so 球温度 is no key at all: the value is the indication.
    assert (r.key, r.value) == ("示值", "23.5")


def test_ambiguous_key_settled_only_by_a_unit_one_candidate_takes(box):
    (r,) = extract_readings([box(10, 10, 60, 20, "测流速"), box(80, 10, 50, 20, "3.2m/S")])
    assert r.issues == ["ambiguous_key"]  # both 预测流速 and 流速 take m/s
    assert r.candidates == ["预测流速", "流速"]


@pytest.mark.parametrize(
    "lines, template, expected",
    [
        (["湿度 145%"], None, ("湿度", "145", 145.0, "%", ["out_of_range"])),
        (["大气压 10007kPa"], SMOKE, ("大气压", "10007", 10007.0, "kPa", ["out_of_range", "decimals_mismatch"])),
        (["大气压 1013hPa"], None, ("大气压", "1013", 1013.0, "hPa", [])),  # converted for the range check
        (["大气压 100.07℃"], None, ("大气压", "100.07", 100.07, "℃", ["unit_mismatch"])),
        (["测试电压 1.0.00V"], None, ("测试电压", "1.0.00", None, "V", ["two_decimal_points"])),
        (["绝缘电阻 OL"], "insulation-tester", ("绝缘电阻", "OL", None, "MΩ", ["no_digits"])),
        (["流量 --.-"], None, ("流量", "--.-", None, "", ["no_digits"])),
        (["压力 12.5KX"], None, ("压力", "12.5", 12.5, "KX", ["unknown_unit"])),
        (["大气压 1OO.7"], SMOKE, ("大气压", "100.7", 100.7, "kPa", ["decimals_mismatch"])),
        (["绝缘电阻 500M2"], None, ("绝缘电阻", "500", 500.0, "MΩ", [])),
        (["绝缘电阻 2.5GQ"], "insulation-tester", ("绝缘电阻", "2.5", 2.5, "GΩ", [])),
        (["功率 12.5KM"], None, ("功率", "12.5", 12.5, "kW", [])),
        (["风速 3.2m/S"], None, ("风速", "3.2", 3.2, "m/s", [])),
        (["电流 一1.25A"], None, ("电流", "-1.25", -1.25, "A", [])),
    ],
)
def test_values_are_normalised_and_checked(box, lines, template, expected):
    boxes = [box(10, 10 + 30 * i, 200, 20, text) for i, text in enumerate(lines)]
    (r,) = extract_readings(boxes, load_template(template) if template else None)
    assert (r.key, r.value, r.number, r.unit, r.issues) == expected
    assert r.valid is (not expected[4])


def test_value_with_no_key_on_a_multi_reading_screen(box):
    boxes = [box(10, 10, 60, 20, "大气压"), box(80, 10, 60, 20, "100.07"), box(10, 40, 60, 20, "50.0")]
    readings = extract_readings(boxes, load_template(SMOKE))
    assert [(r.key, r.value, r.issues) for r in readings] == [("大气压", "100.07", []), ("", "50.0", ["no_key"])]


def test_status_words_are_ignored(box):
    boxes = [box(10, 10, 60, 20, "采样中"), box(10, 40, 60, 20, "流量"), box(80, 40, 80, 20, "30.0L/min")]
    assert summary(extract_readings(boxes)) == [("流量", "30.0", 30.0, "L/min", True)]


# --- Text and time keys -------------------------------------------------------

def test_text_keys_take_the_text_on_their_right_or_below(box, shuffled):
    boxes = shuffled([
        box(10, 10, 40, 20, "型号"), box(60, 10, 80, 20, "ZR-3260A"),
        box(10, 40, 40, 20, "厂家"), box(10, 70, 60, 20, "崂应"),
        box(10, 100, 140, 20, "时间:12:30:45"),
        box(10, 130, 100, 20, "计量器具编号"), box(120, 130, 80, 20, "3012H"),
    ], 3)
    readings = extract_readings(boxes, load_template(SMOKE))
    assert [(r.key, r.value, r.number, r.unit, r.valid) for r in readings] == [
        ("型号", "ZR-3260A", None, "", True),
        ("厂家", "崂应", None, "", True),
        ("时间", "12:30:45", None, "", True),
        ("计量器具编号", "3012H", None, "", True),
    ]


def test_readings_are_dataclasses(box):
    (r,) = extract_readings([box(10, 10, 80, 20, "温度23.5℃")])
    assert isinstance(r, Reading)
    assert r.messages() == []


def test_no_boxes_no_readings():
    assert extract_readings([]) == []


def test_a_title_that_looks_like_a_key_is_not_a_reading(box):
    boxes = [box(10, 0, 200, 30, "烟尘采样器"), box(10, 50, 80, 30, "大气压"), box(100, 50, 100, 30, "100.07kPa")]
    assert [(r.key, r.value) for r in extract_readings(boxes)] == [("大气压", "100.07")]


def test_an_exact_key_without_value_is_still_reported(box):
    readings = extract_readings([box(10, 50, 80, 30, "大气压")])
    assert [(r.key, r.valid, r.issues) for r in readings] == [("大气压", False, ["no_value"])]


def test_a_small_unit_at_the_top_right_of_big_digits_belongs_to_them(box, shuffled):
    """LCDs print the unit small, top-aligned beside tall digits, with the key centred on the left."""
    boxes = [box(148, 331, 68, 37, "压力"), box(321, 312, 289, 77, "114.555"), box(615, 312, 60, 30, "kPa"),
             box(150, 224, 127, 37, "烟气温度"), box(474, 200, 156, 95, "110"), box(604, 208, 53, 31, "℃")]
    for seed in range(3):
        readings = extract_readings(shuffled(boxes, seed))
        assert [(r.key, r.value, r.unit) for r in readings] == [("烟气温度", "110", "℃"), ("压力", "114.555", "kPa")]


def test_a_key_read_twice_on_one_screen_is_flagged_on_both(box):
    # A unit box that reached into the value's last digit: '30.0' alone, then '1L/min'.
    boxes = [box(91, 381, 57, 34, "流量"), box(321, 362, 157, 74, "30.0"), box(448, 370, 100, 50, "1L/min")]
    readings = extract_readings(boxes)
    assert [(r.key, r.value, r.valid) for r in readings] == [("流量", "30.0", False), ("流量", "1", False)]
    assert all(r.issues[-1] == "repeated_key" for r in readings)
    assert "不止一次" in readings[0].messages("zh")[-1]


def test_the_misread_twin_of_a_tagged_key_deleted_the_other_is_valid(box):
    """Two R-RES and one Y-RES: both R-RES are flagged, Y-RES (another resistance) is not. With the
    misread twin deleted, the rule applied again (as the app does after a deletion) flags nothing."""
    boxes = [box(20, 20, 120, 40, "R-RES"), box(160, 20, 140, 40, "04.00"), box(310, 20, 60, 40, "Ω"),
             box(20, 70, 120, 40, "R-RES"), box(160, 70, 140, 40, "1"),
             box(20, 120, 120, 40, "Y-RES"), box(160, 120, 140, 40, "08.27"), box(310, 120, 60, 40, "Ω")]
    readings = extract_readings(boxes)
    assert [(r.label, r.value, r.valid, r.issues) for r in readings] == [
        ("R-RES", "04.00", False, ["repeated_key"]), ("R-RES", "1", False, ["repeated_key"]),
        ("Y-RES", "08.27", True, [])]
    left = flag_repeated_keys([readings[0], readings[2]])
    assert [(r.label, r.valid, r.issues) for r in left] == [("R-RES", True, []), ("Y-RES", True, [])]
    assert flag_repeated_keys(readings) == readings  # applied twice, it flags the same


def test_validity_is_derived_from_the_issues(box):
    (reading,) = extract_readings([box(10, 50, 80, 30, "大气压"), box(100, 50, 100, 30, "100.07kPa")])
    assert reading.valid and reading.to_json()["valid"] is True
    reading.issues.append("out_of_range")
    assert not reading.valid and reading.to_json()["valid"] is False


@pytest.mark.parametrize("title", ["POWER MONITOR", "INSULATION TESTER"])
def test_the_rest_of_a_title_is_no_reading(box, title):
    # A key word at the start of a panel's title took the next word as its value: `功率 = MONITOR` on
    # every HMI photo, an extra reading the technician had to delete.
    assert extract_readings([box(10, 10, 200, 20, title)]) == []


@pytest.mark.parametrize("word", ["OL", "Err", "OPEN", "Error"])
def test_a_short_word_in_a_numbers_place_is_still_read(box, word):
    (r,) = extract_readings([box(10, 10, 200, 20, f"RES {word}")])
    assert r.value == word and "no_digits" in r.issues
