import numpy as np

from desktop.core.label_files import DetRegion
from desktop.core.training.det_task import shrink_polygon, text_maps
from desktop.core.training.general_text import GENERAL_PREFIX, general_text_items
from desktop.core.training.samples import DetItem, downscaled, rec_items_from_det_items
from desktop.core.training.train_val_split import shot_groups, split_items


def shot(value: int, noise: int = 0) -> np.ndarray:
    image = np.full((60, 80, 3), value, np.uint8)
    image[10:20, 10 + noise: 30 + noise] = 255 - value
    return image


def test_consecutive_near_duplicates_share_a_group():
    images = [shot(20), shot(20, 1), shot(200), shot(200, 1), shot(20)]
    assert shot_groups(images) == [0, 0, 1, 1, 2]


def test_split_keeps_groups_together_and_validates_on_the_latest():
    groups = [i // 3 for i in range(60)]
    train, val = split_items(list(range(60)), groups, 0.25)
    assert val == list(range(45, 60)) and train == list(range(45))  # the last 5 of 20 shot groups


def test_every_instrument_gives_its_latest_photos_to_validation():
    # 3 instruments of 10, 10 and 3 shots, listed one after the other and interleaved: a per-instrument
    # verdict needs each one in validation, and each one's latest photos are the nearest to its next ones.
    strata = ["ammeter"] * 10 + ["timer"] * 10 + ["table"] * 3
    train, val = split_items(list(range(23)), list(range(23)), 0.2, strata)
    assert val == [8, 9, 18, 19, 22] and len(train) == 18
    mixed = ["ammeter", "timer"] * 5
    assert split_items(list(range(10)), list(range(10)), 0.2, mixed)[1] == [8, 9]


def test_capture_times_order_the_photos_when_every_one_has_them(tmp_path):
    # Listed out of order (a label file sorted by name), taken on three days: the latest day validates.
    from datetime import datetime

    from PIL import Image

    from desktop.core.training.train_val_split import capture_time

    days = [3, 1, 2, 1, 3, 2]
    paths = []
    for number, day in enumerate(days):
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = f"2026:05:{day:02d} 10:{number:02d}:00"
        path = tmp_path / f"{number}.jpg"
        Image.new("RGB", (40, 30)).save(path, exif=exif)
        paths.append(str(path))
    taken = [capture_time(p) for p in paths]
    assert taken[1] == datetime(2026, 5, 1, 10, 1)
    assert split_items(list(range(6)), list(range(6)), 0.34, None, taken)[1] == [0, 4]
    Image.new("RGB", (40, 30)).save(tmp_path / "plain.jpg")
    assert capture_time(str(tmp_path / "plain.jpg")) is None and capture_time(str(tmp_path / "gone.jpg")) is None
    # one photo without a date: the listed order decides
    assert split_items(list(range(6)), list(range(6)), 0.34, None, taken[:5] + [None])[1] == [4, 5]


def test_tiny_sets_still_get_both_sides():
    train, val = split_items(["a", "b"], [0, 1], 0.2)
    assert len(train) == 1 and len(val) == 1


def test_rec_crops_come_from_labeled_regions_and_skip_ignored():
    image = np.zeros((100, 200, 3), np.uint8)
    regions = (DetRegion("12.5", ((10, 10), (90, 10), (90, 40), (10, 40))),
               DetRegion("###", ((100, 10), (150, 10), (150, 40), (100, 40)), ignored=True))
    [item] = rec_items_from_det_items([DetItem(image, regions, "shot.png")])
    assert item.text == "12.5" and item.crop.shape[:2] == (30, 80) and item.name == "shot.png#0"


def test_downscale_moves_the_regions_too():
    item = DetItem(np.zeros((2000, 4000, 3), np.uint8),
                   (DetRegion("x", ((400, 200), (800, 200), (800, 400), (400, 400))),), "big")
    small = downscaled(item, 1000)
    assert small.image.shape[:2] == (500, 1000)
    assert small.regions[0].points[2] == (200.0, 100.0)


def test_text_maps_shrink_kernels_and_ignore_regions():
    box = np.array([[10, 10], [110, 10], [110, 50], [10, 50]], np.float32)
    around = np.array([[0, 0], [127, 0], [127, 63], [0, 63]], np.float32)
    target, weight = text_maps((64, 128), [box, around], [False, True])
    kernel = shrink_polygon(box)
    assert kernel is not None and target.sum() > 0
    assert target[30, 60] == 1.0 and target[11, 11] == 0.0  # centre in, edge shrunk away
    assert weight[30, 60] == 1.0 and weight[5, 5] == 0.0  # the labeled box is taught inside an ignored one


def test_general_text_items_are_legible_and_deterministic():
    first = general_text_items(12, seed=5)
    again = general_text_items(12, seed=5)
    assert [i.text for i in first] == [i.text for i in again]
    assert all(i.name.startswith(GENERAL_PREFIX) and i.crop.ndim == 3 and i.crop.shape[0] >= 8 for i in first)
    assert np.array_equal(first[0].crop, again[0].crop)
