import numpy as np
from rapidocr_paddle.ch_ppocr_det.utils import DetPreProcess

from desktop.core.ocr.detector import IMAGENET_MEAN, IMAGENET_STD, TextDetector


def test_detector_input_matches_paddleocr_preprocessing():
    image = np.random.default_rng(4).integers(0, 256, (200, 300, 3), dtype=np.uint8)
    seen = []
    TextDetector(lambda batch: seen.append(batch) or batch).probability_map(image)
    reference = DetPreProcess(960, "max", IMAGENET_MEAN, IMAGENET_STD)(image)
    assert seen[0].shape == reference.shape == (1, 3, 192, 288)
    assert seen[0].dtype == np.float32
    np.testing.assert_allclose(seen[0], reference, atol=1e-5)


def test_warm_up_runs_the_largest_input_the_detector_can_be_given():
    for limit in (960, 1000, 480):
        seen = []
        detector = TextDetector(lambda batch: seen.append(batch.shape) or batch, limit_side_len=limit)
        detector.warm_up()
        warm = seen.pop()
        for height, width in [(3000, 4000), (4000, 3000), (950, 950), (300, 2000), (1000, 999)]:
            detector.probability_map(np.zeros((height, width, 3), np.uint8))
            shape = seen.pop()
            assert shape[2] <= warm[2] and shape[3] <= warm[3], (limit, shape, warm)
