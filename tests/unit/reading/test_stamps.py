import pytest

from desktop.core.reading import extract_readings
from desktop.core.reading.stamps import is_camera_stamp, stamp_boxes


@pytest.mark.parametrize("text", [
    "2024-05-12 14:33", "2024/05/12", "2024.5.12 09:01:59", "2023年5月12日", "14:33 2024-05-12", "2024-05-12 2:33PM",
    "Jun 14,2024 12:27:20 PM", "Jun 19, 2024 8:08:29 PM", "Aug 30, 2024 1:16:42 PM", "Apr 20, 2025 11:50:53 PM",
    "0ct 11,20247:36:42 PM",  # OCR slips: O read as 0, year run into the time
    "14/06/2024 12:27", "2024-06-14 12:27:20", "2024年6月14日", "2024年6月14日 下午 12:27", "14 Jun 2024",
    "Sept 3rd, 2024 09:15 am", "06-14-2024", "Friday, June 14, 2024", "2024.06.14 星期五", "2024-06-14 周五 12:27",
    "2019/01/22 01-10", "2018.10.2621:17:17", "2024年6月14日 下午12:27",
    "Index number: 101", "Index number: 1319", "lndex number:288", "Index No. 7",
    "GPS: 31.2304, 121.4737", "Lat: 31.2304 N", "Longitude: 121.47", "N 31.230416, E 121.473701", "31°14'N 121°28'E",
])
def test_camera_stamps(text):
    assert is_camera_stamp(text)


@pytest.mark.parametrize("text", ["12:22", "7:34", "100.07", "2024", "05-12", "大气压", "12.5.3", "419", "ARMS",
                                  "MA302", "Index", "23.5°C", "Jun", "00:12:34", "12:27:20 PM",
                                  "Fri", "星期五", "SAT 12:30"])
def test_readings_are_not_stamps(text):
    assert not is_camera_stamp(text)


def test_a_time_beside_a_date_stamp_is_part_of_it(box):
    boxes = [box(300, 330, 80, 16, "Jun 14, 2024"), box(385, 330, 70, 16, "12:27:20 PM"),
             box(100, 100, 150, 60, "12:27"), box(310, 400, 70, 16, "8:15")]
    assert stamp_boxes(boxes) == {0, 1}


def test_lines_stacked_on_a_stamp_are_part_of_it(box):
    # Timestamp-camera apps stack more lines under the date, flush right or left: index, speed, place.
    boxes = [box(304, 327, 153, 18, "Jun 14,2024 12:27:20 PM"), box(377, 345, 56, 18, "Index number:"),
             box(436, 345, 21, 18, "101"), box(330, 364, 127, 18, "Speed: 0.0km/h"),
             box(337, 383, 120, 18, "Pune, Maharashtra"),
             box(319, 102, 98, 65, "419"), box(300, 250, 60, 18, "Speed"), box(200, 345, 60, 18, "23.5")]
    assert stamp_boxes(boxes) == {0, 1, 2, 3, 4}
    readings = extract_readings(boxes)
    assert [(r.value, r.primary) for r in readings if r.value] == [("419", True)]


def test_a_stamp_box_gives_no_reading_but_indices_stay(box):
    boxes = [box(400, 440, 200, 20, "2024-05-12 14:33"), box(10, 10, 80, 30, "大气压"), box(100, 10, 100, 30, "100.07kPa")]
    [reading] = extract_readings(boxes)
    assert (reading.key, reading.value, reading.unit, reading.boxes) == ("大气压", "100.07", "kPa", [1, 2])
