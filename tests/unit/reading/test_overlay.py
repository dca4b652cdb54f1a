import pytest

from desktop.core.reading import extract_readings
from desktop.core.reading.overlay import is_camera_overlay


@pytest.mark.parametrize("text", ["2024-05-12 14:33", "2024/05/12", "2024.5.12 09:01:59", "2023年5月12日",
                                  "14:33 2024-05-12", "2024-05-12 2:33PM"])
def test_camera_dates_are_overlays(text):
    assert is_camera_overlay(text)


@pytest.mark.parametrize("text", ["12:22", "100.07", "2024", "05-12", "大气压", "12.5.3"])
def test_readings_are_not_overlays(text):
    assert not is_camera_overlay(text)


def test_overlay_box_gives_no_reading_but_indices_stay(box):
    boxes = [box(400, 440, 200, 20, "2024-05-12 14:33"), box(10, 10, 80, 30, "大气压"), box(100, 10, 100, 30, "100.07kPa")]
    [reading] = extract_readings(boxes)
    assert (reading.key, reading.value, reading.unit, reading.boxes) == ("大气压", "100.07", "kPa", [1, 2])
