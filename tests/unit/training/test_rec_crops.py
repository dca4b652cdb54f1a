"""Recognition crops cut from the detector's own boxes, as the engine cuts them (issue 21)."""
import numpy as np

from desktop.core.label_files import DetRegion
from desktop.core.training.rec_crops import crops_as_detected, detected_box, recut, text_in_box
from desktop.core.training.samples import DetItem, rec_items_from_det_items


def quad(x0, y0, x1, y1):
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def box(x0, y0, x1, y1):
    return np.array(quad(x0, y0, x1, y1), np.float32)


def test_a_looser_detected_box_of_the_same_text_is_the_one_cut():
    found = detected_box(quad(100, 50, 180, 80), [], [box(94, 44, 186, 86), box(300, 50, 340, 80)])
    assert found is not None and found.tolist() == box(94, 44, 186, 86).tolist()


def test_a_box_that_merged_a_neighbour_or_missed_the_text_is_not_used():
    value, unit = quad(100, 50, 180, 90), quad(182, 50, 200, 70)  # "26.7" and its "℃" beside it
    assert detected_box(value, [unit], [box(96, 46, 204, 94)]) is None  # one box over both
    assert detected_box(value, [unit], [box(300, 50, 340, 80)]) is None  # not found
    assert detected_box(value, [unit], []) is None


def test_rec_items_are_recut_where_the_detector_found_their_region_alone():
    image = np.zeros((120, 320, 3), np.uint8)
    regions = (DetRegion("12.5", quad(100, 50, 180, 80)), DetRegion("kPa", quad(200, 50, 260, 80)),
               DetRegion("###", quad(10, 10, 40, 30), ignored=True))
    item = DetItem(image, regions, "shot.png")
    crops = crops_as_detected([item], lambda _image: [box(94, 44, 186, 86)], lambda crops: ["12.5"] * len(crops))
    assert list(crops) == ["shot.png#0"] and crops["shot.png#0"][0].shape[:2] == (42, 92)
    items = recut(rec_items_from_det_items([item]), crops)
    assert [(i.name, i.crop.shape[:2]) for i in items] == [("shot.png#0", (42, 92)), ("shot.png#1", (30, 60))]


def test_a_unit_nobody_boxed_in_the_detected_box_is_taught_as_the_base_reads_it():
    # The label boxes `221.6`, the detector's box also holds the `V` after it, and the base reads `221.6V`:
    # taught as `221.6`, the recogniser learnt to drop the unit (issue 27).
    image = np.zeros((120, 320, 3), np.uint8)
    item = DetItem(image, (DetRegion("221.6", quad(100, 50, 180, 80)),), "shot.png")
    crops = crops_as_detected([item], lambda _image: [box(94, 44, 200, 86)], lambda crops: ["221.6V"] * len(crops))
    [taught] = recut(rec_items_from_det_items([item]), crops)
    assert taught.text == "221.6V" and taught.crop.shape[:2] == (42, 106)


def test_a_base_misread_is_never_taught():
    assert text_in_box("221.6", "221.6 MΩ") == "221.6 MΩ"
    assert text_in_box("7.02", "702") == "7.02"        # misread: the label teaches
    assert text_in_box("221.6", "1221.6") == "221.6"   # a digit the label does not name
    assert text_in_box("3836.05", "-3836.05") == "3836.05"  # nor a sign
    assert text_in_box("08.53", "08.53:") == "08.53"
