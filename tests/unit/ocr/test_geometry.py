import numpy as np

from desktop.core.ocr.crop import crop_text_region, order_points, reading_order


def test_order_points_from_any_order():
    pts = [(10, 20), (0, 0), (10, 0), (0, 20)]
    assert order_points(pts).tolist() == [[0, 0], [10, 0], [10, 20], [0, 20]]


def test_crop_is_the_region_and_upright():
    image = np.zeros((100, 200, 3), np.uint8)
    image[20:40, 50:150] = 255
    crop = crop_text_region(image, [(50, 20), (150, 20), (150, 40), (50, 40)])
    assert crop.shape[:2] == (20, 100)
    assert crop.mean() > 250


def test_tall_crop_is_rotated_to_read_left_to_right():
    image = np.zeros((200, 100, 3), np.uint8)
    crop = crop_text_region(image, [(10, 10), (30, 10), (30, 110), (10, 110)])
    assert crop.shape[:2] == (20, 100)


def test_reading_order_groups_lines_with_tolerance():
    def box(x, y):
        return np.array([[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10]], np.float32)

    boxes = [box(100, 52), box(0, 50), box(50, 5), box(0, 0)]
    assert reading_order(boxes) == [3, 2, 1, 0]
