import numpy as np
import pytest
from rapidocr_paddle.ch_ppocr_det.utils import DetPreProcess

from desktop.core.models.model_files import DetInput
from desktop.core.ocr.detector import TextDetector, canvas_for, canvas_sides


def test_detector_input_is_paddleocrs_preprocessing_padded_to_a_canvas():
    image = np.random.default_rng(4).integers(0, 256, (200, 300, 3), dtype=np.uint8)
    seen = []
    prob = TextDetector(lambda batch: seen.append(batch) or batch).probability_map(image)
    reference = DetPreProcess(960, "max", DetInput().mean, DetInput().std)(image)  # PP-OCRv4: ImageNet's
    assert reference.shape == (1, 3, 192, 288) and seen[0].shape == (1, 3, 192, 320)
    assert seen[0].dtype == np.float32
    np.testing.assert_allclose(seen[0][..., :192, :288], reference, atol=1e-5)
    # padded with the edge pixels repeated
    np.testing.assert_array_equal(seen[0][..., 288:], np.repeat(seen[0][..., 287:288], 32, axis=3))
    assert prob.shape == reference.shape  # the map is cut back to the image


def test_canvases_for_the_default_size():
    sides = canvas_sides(960)
    assert sides == {320: (192, 256, 320), 640: (384, 480, 640), 960: (544, 736, 960)}
    assert canvas_for(480, 640, sides) == (480, 640)  # a 640x480 screen photo: no padding
    assert canvas_for(384, 512, sides) == (384, 640)  # a 508x381 phone photo
    assert canvas_for(704, 960, sides) == (736, 960)  # a 4:3 phone photo
    assert canvas_for(960, 544, sides) == (960, 544)  # a 16:9 one held upright
    assert canvas_for(32, 672, sides) == (544, 960)  # a strip just too long for the small canvas


@pytest.mark.parametrize("limit", [960, 1000, 480, 1280])
def test_every_input_the_detector_gives_is_one_of_the_shapes_warm_up_runs(limit):
    seen = []
    detector = TextDetector(lambda batch: seen.append(batch.shape) or batch, limit_side_len=limit)
    rng = np.random.default_rng(limit)
    sizes = [(3000, 4000), (4000, 3000), (950, 950), (300, 2000), (1000, 999), (8, 8), (1080, 1920)]
    sizes += [tuple(int(v) for v in rng.integers(8, 5000, 2)) for _ in range(200)]
    for height, width in sizes:
        prob = detector.probability_map(np.zeros((height, width, 3), np.uint8))
        assert prob is None or prob.shape[2:] == DetPreProcess(limit, "max").resize(
            np.zeros((height, width, 3), np.uint8)).shape[:2]
    known = detector.input_shapes()
    assert set(seen) <= set(known) and len(known) == {480: 10}.get(limit, 15)  # 5 a long side
    assert known[0][2] * known[0][3] == max(h * w for _n, _c, h, w in known)  # the largest first


def test_a_small_photo_can_be_enlarged_to_the_detection_size_and_boxes_come_back_in_its_pixels():
    image = np.full((381, 508, 3), 255, np.uint8)
    seen = []

    def text_at_the_same_place(batch):  # a "network" that sees text where the photo has its dark bar
        seen.append(batch.shape)
        prob = np.zeros((1, 1, *batch.shape[2:]), np.float32)
        scale = 960 / 508
        prob[0, 0, int(100 * scale):int(120 * scale), int(200 * scale):int(300 * scale)] = 1.0
        return prob

    boxes = TextDetector(text_at_the_same_place, 960, enlarge_small=True).detect(image)
    assert seen == [(1, 3, 736, 960)]  # 508x381 enlarged to 960x720, on the 960x736 canvas
    (x0, y0), (x1, y1) = boxes[0].min(axis=0), boxes[0].max(axis=0)  # DB's unclip adds a margin
    assert x0 <= 200 and x1 >= 299 and y0 <= 100 and y1 >= 119
    assert abs((x0 + x1) / 2 - 250) < 3 and abs((y0 + y1) / 2 - 110) < 3
    TextDetector(lambda b: seen.append(b.shape) or np.zeros((1, 1, *b.shape[2:]), np.float32)).detect(image)
    assert seen[-1] == (1, 3, 384, 640)  # not enlarged by default: 512x384 on the 640x384 canvas
