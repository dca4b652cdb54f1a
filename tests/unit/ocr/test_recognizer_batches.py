import numpy as np
import pytest

from desktop.core.ocr.model_files import REC_INPUT_FILE as INPUT_FILE, read_min_width, write_min_width
from desktop.core.ocr.recognizer import REC_MIN_WIDTH, WIDTH_STEP, TextRecognizer, width_groups
from desktop.core.ocr.types import ModelError

DICTIONARY = list("0123456789.")


def crop(width: int, height: int = 48) -> np.ndarray:
    return np.full((height, width, 3), 128, np.uint8)


def test_each_crop_is_padded_only_to_its_own_width_step():
    crops = [crop(100), crop(900), crop(150), crop(330)]
    assert width_groups(crops) == {REC_MIN_WIDTH: [0, 2], 480: [3], 960: [1]}


def test_a_smaller_minimum_width_gives_short_crops_a_narrower_input():
    crops = [crop(100), crop(900), crop(150), crop(200)]
    assert width_groups(crops, min_width=160) == {160: [0, 2], 320: [3], 960: [1]}


def test_recognize_batches_per_width_and_returns_results_in_input_order():
    shapes = []

    def fake_infer(batch: np.ndarray) -> np.ndarray:
        shapes.append(batch.shape)
        steps = batch.shape[3] // 8
        probs = np.zeros((batch.shape[0], steps, len(DICTIONARY) + 2), np.float32)
        probs[:, :, 0] = 1.0  # blank everywhere...
        probs[:, 0, 0] = 0.0
        probs[:, 0, 1 + batch.shape[3] // WIDTH_STEP] = 1.0  # ...but the first step names the width
        return probs

    recognizer = TextRecognizer(fake_infer, DICTIONARY, batch_size=8)
    texts = [text for text, _score in recognizer.recognize([crop(900), crop(100), crop(150)])]
    assert sorted(shapes) == [(1, 3, 48, 960), (2, 3, 48, 320)]
    assert texts == ["6", "2", "2"]  # 960 / 160 = 6, 320 / 160 = 2


def test_warm_up_runs_a_full_batch_at_the_usual_width():
    shapes = []
    TextRecognizer(lambda batch: shapes.append(batch.shape), DICTIONARY, batch_size=8).warm_up()
    assert shapes == [(8, 3, 48, REC_MIN_WIDTH)]


def test_warm_up_stays_at_the_usual_width_for_a_narrower_model():
    shapes = []
    TextRecognizer(lambda batch: shapes.append(batch.shape), DICTIONARY, batch_size=8, min_width=160).warm_up()
    assert shapes == [(8, 3, 48, REC_MIN_WIDTH)]


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
