import numpy as np
import pytest

from desktop.core.models.errors import ModelError
from desktop.core.models.model_files import REC_INPUT_FILE as INPUT_FILE
from desktop.core.models.model_files import read_min_width, write_min_width
from desktop.core.ocr.recognizer import (
    REC_MIN_WIDTH,
    WIDTH_LADDER,
    TextRecognizer,
    batch_width,
    input_widths,
    width_groups,
)

DICTIONARY = list("0123456789.")


def crop(width: int, height: int = 48) -> np.ndarray:
    return np.full((height, width, 3), 128, np.uint8)


def test_each_crop_is_padded_only_to_its_own_width_step():
    crops = [crop(100), crop(900), crop(150), crop(330)]
    assert width_groups(crops) == {REC_MIN_WIDTH: [0, 2], 480: [3], 960: [1]}


def test_a_smaller_minimum_width_gives_short_crops_a_narrower_input():
    crops = [crop(100), crop(900), crop(150), crop(200)]
    assert width_groups(crops, min_width=160) == {160: [0, 2], 320: [3], 960: [1]}


def recording_recognizer(shapes: list, **kwargs) -> TextRecognizer:
    """A recogniser on a stand-in network that records its input shapes and reads the batch width
    divided by 160 as a digit in the first step (blank elsewhere)."""

    def fake_infer(batch: np.ndarray) -> np.ndarray:
        shapes.append(batch.shape)
        probs = np.zeros((batch.shape[0], batch.shape[3] // 8, len(DICTIONARY) + 2), np.float32)
        probs[:, :, 0] = 1.0
        probs[:, 0, 0] = 0.0
        probs[:, 0, 1 + batch.shape[3] // 160 % 10] = 1.0
        return probs

    return TextRecognizer(fake_infer, DICTIONARY, **kwargs)


def test_recognize_batches_per_width_and_returns_results_in_input_order():
    shapes = []
    texts = [text for text, _score in recording_recognizer(shapes).recognize([crop(900), crop(100), crop(150)])]
    assert sorted(shapes) == [(1, 3, 48, 960), (2, 3, 48, 320)]
    assert texts == ["6", "2", "2"]  # 960 / 160 = 6, 320 / 160 = 2


def test_widths_follow_the_ladder_and_the_widest_crops_are_squeezed_into_its_last_rung():
    assert input_widths(160) == WIDTH_LADDER
    assert input_widths(200) == (200, *WIDTH_LADDER[1:])
    assert batch_width([crop(700)]) == 960 and batch_width([crop(1000)]) == 1280
    assert batch_width([crop(9000)]) == WIDTH_LADDER[-1]


@pytest.mark.parametrize("min_width, batch_size", [(320, 8), (160, 8), (200, 8), (320, 32), (1280, 8)])
def test_every_batch_recognize_sends_is_one_of_the_input_shapes_warm_up_runs(min_width, batch_size):
    shapes = []
    recognizer = recording_recognizer(shapes, batch_size=batch_size, min_width=min_width)
    rng = np.random.default_rng(min_width + batch_size)
    for _screen in range(60):
        count = int(rng.integers(1, 3 * batch_size))
        recognizer.recognize([crop(int(rng.integers(8, 4000)), int(rng.integers(8, 120))) for _ in range(count)])
    known = recognizer.input_shapes()
    assert set(shapes) <= set(known) and len(set(known)) == len(known)
    # no batch holds more than batch_size stock-width crops' worth of pixels: the warm-up's largest
    assert max(n * w for n, _c, _h, w in known) <= batch_size * REC_MIN_WIDTH
    assert known[0][0] * known[0][3] == max(n * w for n, _c, _h, w in known)


def test_the_stock_width_recogniser_has_a_short_list_of_input_shapes():
    shapes = recording_recognizer([]).input_shapes()
    assert shapes[0] == (1, 3, 48, 2560) and shapes[-1] == (1, 3, 48, 320)
    assert (8, 3, 48, 320) in shapes and (5, 3, 48, 480) in shapes and (6, 3, 48, 480) not in shapes
    assert len(shapes) == 23


def test_a_model_folder_states_its_minimum_width_else_the_stock_one(tmp_path):
    assert read_min_width(tmp_path) == REC_MIN_WIDTH
    write_min_width(tmp_path, 160)
    assert read_min_width(tmp_path) == 160


@pytest.mark.parametrize("text, message", [
    ("min_width: [1", "unreadable"),
    ("- 160", "unreadable"),
    ("min_width: wide", "not 'wide'"),
    ("min_width: 8", "from 48"),
])
def test_a_broken_width_file_is_a_model_error_naming_it(tmp_path, text, message):
    (tmp_path / INPUT_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(ModelError, match=message) as error:
        read_min_width(tmp_path)
    assert INPUT_FILE in str(error.value)
