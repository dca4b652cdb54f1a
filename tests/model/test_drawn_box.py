"""A box the technician draws round a value the detector missed is read, however loosely it is drawn:
a real model on a synthetic clock LCD showing 24.2 (read whole, a loose box gave "242" or "2")."""
import numpy as np
import pytest

from desktop.core.ocr.crop import crop_text_region
from desktop.core.training.synth.segments import SegmentStyle, render_text

SIZE = (400, 640)  # height, width


@pytest.fixture(scope="module")
def clock_screen():
    """A grey-green LCD with 24.2 in seven-segment digits; (image, ink box x0, y0, x1, y1)."""
    rendered = render_text("24.2", SegmentStyle(height=80))
    image = np.full((*SIZE, 3), (175, 195, 170), np.uint8)
    h, w = rendered.lit.shape
    y0, x0 = 150, 220
    area = image[y0:y0 + h, x0:x0 + w].astype(np.float32)
    image[y0:y0 + h, x0:x0 + w] = (area * (1 - rendered.lit[..., None]) + 30 * rendered.lit[..., None]).astype(np.uint8)
    bx0, by0, bx1, by1 = rendered.bbox
    return image, (x0 + bx0, y0 + by0, x0 + bx1, y0 + by1)


def drawn(ink, pad_x, pad_y):
    x0, y0, x1, y1 = ink
    x0, y0 = max(0, x0 - pad_x), max(0, y0 - pad_y)
    x1, y1 = min(SIZE[1] - 1, x1 + pad_x), min(SIZE[0] - 1, y1 + pad_y)
    return (x0, y0), (x1, y0), (x1, y1), (x0, y1)


@pytest.mark.parametrize("pad_x, pad_y", [(0, 0), (0, 100), (5, 140), (60, 60), (100, 100)])
def test_a_drawn_box_reads_the_value_in_it(base_engine, clock_screen, pad_x, pad_y):
    image, ink = clock_screen
    text, score = base_engine.read_region(image, drawn(ink, pad_x, pad_y))
    assert text == "24.2" and score > 0.9


def test_read_whole_a_loose_box_loses_the_value(base_engine, clock_screen):
    """Why the region is searched for lines: the old way, the whole crop read as one line."""
    image, ink = clock_screen
    read = [base_engine.recognize_crops([crop_text_region(image, drawn(ink, *pad))])[0][0]
            for pad in ((0, 100), (5, 140), (60, 60))]
    assert "24.2" not in read
