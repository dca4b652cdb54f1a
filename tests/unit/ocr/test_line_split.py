import numpy as np

from desktop.core.ocr.line_split import split_at_gaps


def line_with_blocks(blocks, height=20, width=300, dark_on_light=True):
    crop = np.full((height, width, 3), 230 if dark_on_light else 20, np.uint8)
    for start, end in blocks:
        crop[4:16, start:end] = 20 if dark_on_light else 230
    return crop


QUAD = np.array([[100, 50], [400, 50], [400, 70], [100, 70]], np.float32)


def test_wide_gap_splits_the_quad_in_image_coordinates():
    parts = split_at_gaps(QUAD, line_with_blocks([(10, 100), (160, 290)]))
    assert len(parts) == 2
    left, right = parts
    assert left[0][0] < 110 + 1 and 195 <= left[1][0] <= 205  # 100 + 100 + margin 5
    assert 255 <= right[0][0] <= 260 and right[1][0] <= 400
    assert left[0][1] == 50 and left[3][1] == 70


def test_digit_spacing_does_not_split():
    blocks = [(10 + 25 * i, 28 + 25 * i) for i in range(8)]  # gaps of 7 px, a third of the height
    assert len(split_at_gaps(QUAD, line_with_blocks(blocks))) == 1


def test_light_text_on_dark_and_short_crops():
    assert len(split_at_gaps(QUAD, line_with_blocks([(10, 100), (160, 290)], dark_on_light=False))) == 2
    assert len(split_at_gaps(QUAD, line_with_blocks([(2, 10)], width=30))) == 1


def test_noise_fragment_is_not_a_part():
    assert len(split_at_gaps(QUAD, line_with_blocks([(10, 150), (280, 285)]))) == 1
