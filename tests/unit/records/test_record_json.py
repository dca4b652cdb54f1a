import json

import pytest

from desktop.core.records.json_io import FORMAT_NAME, FORMAT_VERSION, RecordFormatError, load_records, record_to_dict
from desktop.core.resources import resource_path

EXAMPLE = resource_path("examples", "records.json")


def test_the_shipped_example_loads(example_records):
    sampler, hygrometer, gauge = example_records
    assert sampler.instrument.serial == "A3012H-19120458"
    assert [p.quantity for p in sampler.points] == ["大气压", "流量", "流量", "流量"]
    assert sampler.points[1].reading == "20.3" and sampler.points[1].ocr_text == "203"
    assert sampler.points[0].crop == (40, 60, 240, 90)
    assert sampler.standards[1].due_date.isoformat() == "2025-11-03"
    assert sampler.passed is True and hygrometer.passed is False
    assert hygrometer.decision_rule == "guarded" and hygrometer.verdict() == "fail"
    assert [p.result("guarded").verdict for p in hygrometer.points][2] == "conditional_pass"
    assert gauge.adjusted and gauge.points[0].tolerance == "±(0.5 %rdg + 2 dgt)" and gauge.passed is True
    assert sampler.history[0].revision == 0 and sampler.revision == 1 and sampler.title == "certificate"


def test_photo_paths_are_relative_to_the_json_file(example_records):
    photo = example_records[0].points[0].photo
    assert photo == str(EXAMPLE.parent / "photos" / "sampler_pressure.png")


def test_save_then_load_keeps_every_field(tmp_path, example_records):
    path = tmp_path / "copy.json"
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "records": [record_to_dict(r) for r in example_records]}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert load_records(path) == example_records


def test_numbers_may_be_json_numbers(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["records"][0]["points"][0]["reading"] = 101.39
    path = tmp_path / "numbers.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_records(path)[0].points[0].reading == "101.39"


def _broken(tmp_path, change):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(document)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, field", [
    (lambda d: d["records"][0].pop("number"), r"records\[0\]\.number: missing"),
    (lambda d: d["records"][1]["points"][2].update(reading="3O.5"), r"records\[1\]\.points\[2\]\.reading: expected a number"),
    (lambda d: d["records"][0].update(calibration_date="14.03.2025"), r"records\[0\]\.calibration_date: expected a date"),
    (lambda d: d["records"][0]["standards"][0].update(due_date="soon"), r"records\[0\]\.standards\[0\]\.due_date"),
    (lambda d: d["records"][0]["points"][0].update(crop=[1, 2]), r"records\[0\]\.points\[0\]\.crop"),
    (lambda d: d["records"][0].update(points=[]), r"records\[0\]\.points: expected a non-empty list"),
    (lambda d: d["records"][0]["instrument"].pop("name"), r"records\[0\]\.instrument\.name: missing"),
    (lambda d: d.update(version=9), r"version"),
    (lambda d: d["records"][1].update(number="LCD-20250314-0001"), r"duplicate record number"),
])
def test_errors_name_the_file_and_the_field(tmp_path, change, field):
    path = _broken(tmp_path, change)
    with pytest.raises(RecordFormatError, match=rf"broken\.json: .*{field}"):
        load_records(path)


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "records": [\n    {"number": }\n]}', encoding="utf-8")
    with pytest.raises(RecordFormatError, match=r"bad\.json: invalid JSON at line 3"):
        load_records(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(RecordFormatError, match="file not found"):
        load_records(tmp_path / "nope.json")
