"""Recognition crops cut from the detector's own boxes, as the engine cuts them (issue 21)."""
import numpy as np

from desktop.core.label_files import DetRegion
from desktop.core.training.rec_crops import crops_as_detected, detected_box, recut
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
    crops = crops_as_detected([item], lambda _image: [box(94, 44, 186, 86)])
    assert list(crops) == ["shot.png#0"] and crops["shot.png#0"].shape[:2] == (42, 92)
    items = recut(rec_items_from_det_items([item]), crops)
    assert [(i.name, i.crop.shape[:2]) for i in items] == [("shot.png#0", (42, 92)), ("shot.png#1", (30, 60))]
