"""Whole-screen reading accuracy: the screens file, and scoring with a stand-in engine."""
from __future__ import annotations

import cv2
import numpy as np

from desktop.core.ocr.types import OcrResult, TextBox
from desktop.core.training.screens import Screen, expected_readings, read_screens, score_screens, write_screens


def box(text: str, x: float, y: float, w: float = 80, h: float = 30) -> TextBox:
    return TextBox(((x, y), (x + w, y), (x + w, y + h), (x, y + h)), text, 0.99)


class LinesEngine:
    """Reads each image as the boxes listed for its width: a stand-in for the OCR engine."""

    def __init__(self, boxes_by_width: dict[int, list[TextBox]]):
        self.boxes_by_width = boxes_by_width

    def read(self, image: np.ndarray) -> OcrResult:
        return OcrResult(image.shape[1], image.shape[0], "cpu", "fake", self.boxes_by_width[image.shape[1]], {})


def image_file(folder, name: str, width: int) -> str:
    path = folder / name
    cv2.imwrite(str(path), np.zeros((120, width, 3), np.uint8))
    return str(path)


def test_stored_readings_without_key_or_value_are_not_expected():
    stored = [{"key": "大气压", "value": "100.07", "unit": "kPa"}, {"key": "", "value": "12"},
              {"key": "流量", "value": ""}, {"key": "电压", "value": "5.0"}]
    assert expected_readings(stored) == (("大气压", "100.07", "kPa"), ("电压", "5.0", ""))


def test_file_round_trip_with_relative_images_and_bad_lines(tmp_path):
    screens = [Screen(image_file(tmp_path, "a.png", 300), (("大气压", "100.07", "kPa"),), "烟尘采样器", "烟尘采样器"),
               Screen(image_file(tmp_path, "b.png", 310), (("流量", "30.0", "L/min"),))]
    label_file = tmp_path / "screens.jsonl"
    write_screens(label_file, screens)
    assert '"image": "a.png"' in label_file.read_text(encoding="utf-8")
    with label_file.open("a", encoding="utf-8") as out:
        out.write("not json\n")
        out.write('{"image": "gone.png", "readings": [{"key": "流量", "value": "1", "unit": ""}]}\n')
    skipped: list[str] = []
    assert read_screens(label_file, skipped) == screens
    assert len(skipped) == 2 and "not a screen line" in skipped[0] and "image not found" in skipped[1]
    assert read_screens(tmp_path / "missing.jsonl", skipped) == [] and "cannot be read" in skipped[-1]


def test_accuracy_counts_confirmed_readings_read_exactly_overall_and_per_instrument(tmp_path):
    sampler = Screen(image_file(tmp_path, "s.png", 400),
                     (("大气压", "100.07", "kPa"), ("流量", "30.0", "L/min")), None, "烟尘采样器")
    meter = Screen(image_file(tmp_path, "m.png", 500), (("电压", "5.00", "V"),), None, "万用表")
    engine = LinesEngine({
        400: [box("大气压", 10, 10), box("100.01", 100, 10), box("kPa", 190, 10),
              box("流量", 10, 60), box("30.0", 100, 60), box("L/min", 190, 60)],
        500: [box("电压", 10, 10), box("5.00", 100, 10), box("V", 190, 10, w=20)],
    })
    scores = score_screens(engine, [sampler, meter])
    assert scores["readings"] == 3 and scores["screens"] == 2
    assert scores["accuracy"] == 2 / 3 and scores["strict"] == 0.5
    assert scores["accuracy@烟尘采样器"] == 0.5 and scores["accuracy@万用表"] == 1.0
    assert scores["counts"] == {"烟尘采样器": 2, "万用表": 1}
    assert scores["examples"][0] == ("大气压 100.07 kPa", "大气压 100.01 kPa")
    assert scores["examples"][1] == ("流量 30.0 L/min", "流量 30.0 L/min")


def test_a_key_the_engine_missed_shows_as_a_dash(tmp_path):
    screen = Screen(image_file(tmp_path, "s.png", 400), (("大气压", "100.07", "kPa"),))
    scores = score_screens(LinesEngine({400: [box("hello", 10, 10)]}), [screen])
    assert scores["accuracy"] == 0.0 and scores["examples"] == [("大气压 100.07 kPa", "—")]


def test_readings_under_one_key_are_matched_in_reading_order(tmp_path):
    """Two channels with one key: the second is scored against the second read, not the first."""
    rows = (("流量", "30.0", "L/min"), ("流量", "25.5", "L/min"))
    screen = Screen(image_file(tmp_path, "t.png", 400), rows)

    def engine(second: str) -> LinesEngine:
        return LinesEngine({400: [box("流量", 10, 10), box("30.0", 100, 10), box("L/min", 190, 10),
                                  box("流量", 10, 60), box(second, 100, 60), box("L/min", 190, 60)]})

    scores = score_screens(engine("25.5"), [screen])
    assert scores["accuracy"] == 1.0 and scores["strict"] == 1.0, scores["examples"]
    misread = score_screens(engine("25.8"), [screen])
    assert misread["accuracy"] == 0.5 and misread["examples"][1] == ("流量 25.5 L/min", "流量 25.8 L/min")


def test_a_table_read_in_another_order_than_labeled_is_right(tmp_path):
    """A tilted table: its values come out of reading order differently from the labels (issue 21)."""
    rows = (("电阻", "39.94", "μΩ"), ("电阻", "83.00", "μΩ"), ("电阻", "98.69", "μΩ"))
    screen = Screen(image_file(tmp_path, "t.png", 400), rows)
    engine = LinesEngine({400: [box("98.69", 10, 10), box("μΩ", 10, 45, w=30), box("39.94", 100, 12),
                                box("μΩ", 100, 47, w=30), box("83.00", 190, 14), box("μΩ", 190, 49, w=30)]})
    scores = score_screens(engine, [screen])
    assert scores["accuracy"] == 1.0 and scores["strict"] == 1.0, scores["examples"]


def det_label(*regions: tuple[str, float, float, float]) -> str:
    import json

    return json.dumps([{"transcription": text, "points": [[x, y], [x + w, y], [x + w, y + 30], [x, y + 30]]}
                       for text, x, y, w in regions], ensure_ascii=False)


def test_a_det_labeled_picture_expects_the_readings_its_true_text_gives(tmp_path):
    from desktop.core.training.screens import labeled_screen

    label = det_label(("大气压", 10, 10, 80), ("100.07", 100, 10, 80), ("kPa", 190, 10, 40), ("###", 10, 60, 50))
    screen = labeled_screen(str(tmp_path / "a.png"), label, "lab.txt")
    assert screen.readings == (("大气压", "100.07", "kPa"),) and screen.group == "lab.txt"
    assert labeled_screen(str(tmp_path / "b.png"), det_label(("hello", 10, 10, 80)), None) is None


def test_a_key_nobody_boxed_is_left_open_and_any_key_matches_it(tmp_path):
    # Only the value and its unit are boxed: the labels say nothing about the key printed beside them.
    from desktop.core.training.screens import labeled_screen

    screen = labeled_screen(image_file(tmp_path, "c.png", 400), det_label(("23.62", 100, 10, 80), ("mΩ", 190, 10, 40)))
    assert screen.readings == (("", "23.62", "mΩ"),)
    read = LinesEngine({400: [box("R-RES", 10, 10), box("23.62", 100, 10), box("mΩ", 190, 10, w=40)]})
    assert score_screens(read, [screen])["accuracy"] == 1.0
    label_file = tmp_path / "screens.jsonl"
    write_screens(label_file, [screen])
    assert read_screens(label_file, []) == [screen]


def test_every_boxed_value_of_a_keyless_table_row_is_expected(tmp_path):
    # A technician boxes a table's three values, not its column heads: all three are checked, not the
    # first alone (the others have no key, and a keyless reading was dropped).
    from desktop.core.training.screens import labeled_screen

    label = det_label(("98.54", 100, 10, 60), ("13.36", 200, 10, 60), ("30.84", 300, 10, 60))
    screen = labeled_screen(image_file(tmp_path, "t.png", 400), label)
    assert sorted(screen.readings) == [("", "13.36", None), ("", "30.84", None), ("", "98.54", None)]


def test_wizard_writes_det_labeled_validation_pictures_as_screens(tmp_path):
    from desktop.core.training.wizard_data import Sample, write_screen_source

    image = image_file(tmp_path, "shot.png", 300)
    label = det_label(("流量", 10, 10, 60), ("30.0", 100, 10, 60), ("L/min", 170, 10, 60))
    val = [Sample("lab.txt:1", "det", "lab.txt", "lab.txt", "流量 · 30.0", image, path=image, det_label=label)]
    source = write_screen_source(None, val, tmp_path / "job")
    skipped: list[str] = []
    assert read_screens(source.path, skipped) == [Screen(image, (("流量", "30.0", "L/min"),), None, "lab.txt")]
    assert not skipped


def test_a_unit_nobody_boxed_is_left_open_and_any_unit_matches_it(tmp_path):
    # Issue 27: the insulation tester's labels box the digits `2840`, the display shows `2840 MΩ`. The
    # default read every such photo exactly and was scored wrong on all of them, so a detector that
    # learnt to drop the unit looked better.
    from desktop.core.training.screens import labeled_screen

    screen = labeled_screen(image_file(tmp_path, "ir.png", 400), det_label(("2840", 100, 10, 80)))
    assert screen.readings == (("", "2840", None),)
    with_unit = LinesEngine({400: [box("2840 MΩ", 100, 10, w=120)]})
    assert score_screens(with_unit, [screen])["strict"] == 1.0
    without_unit = LinesEngine({400: [box("2840", 100, 10)]})
    assert score_screens(without_unit, [screen])["strict"] == 1.0
    wrong_value = LinesEngine({400: [box("2640 MΩ", 100, 10, w=120)]})
    assert score_screens(wrong_value, [screen])["strict"] == 0.0
    label_file = tmp_path / "screens.jsonl"
    write_screens(label_file, [screen])
    assert read_screens(label_file, []) == [screen]


def test_a_boxed_unit_is_still_demanded(tmp_path):
    from desktop.core.training.screens import labeled_screen

    screen = labeled_screen(image_file(tmp_path, "v.png", 400), det_label(("5.00", 100, 10, 80), ("V", 190, 10, 30)))
    assert screen.readings == (("", "5.00", "V"),)
    assert score_screens(LinesEngine({400: [box("5.00", 100, 10)]}), [screen])["strict"] == 0.0
