import numpy as np

from desktop.core.models.model_files import base_model_set, load_dictionary
from desktop.core.ocr.recognizer import batch_width, input_widths
from desktop.core.training.rec_task import RecTask
from desktop.core.training.samples import RecItem


def crop(width: int) -> np.ndarray:
    return np.full((48, width, 3), 200, np.uint8)


def test_each_batch_has_one_width_and_labels_encode():
    items = [RecItem(crop(w), "12.5", f"c{i}") for i, w in enumerate([100, 150, 300, 300, 700, 900] * 4)]
    task = RecTask(items, items[:2], load_dictionary(base_model_set().keys_path), batch_size=4, seed=3)
    widths = set()
    for step in range(12):
        images, labels, lengths = task.batch(step)
        widths.add(images.shape[3])
        assert images.shape[:3] == (4, 3, 48) and lengths.tolist() == [4] * 4
        assert (labels[:, 4:] == 0).all() and (labels[:, :4] > 0).all()
    # Short crops train at the short width; augmentation may move a batch up one width step at most.
    ladder = input_widths()
    assert 320 in widths and max(widths) <= ladder[ladder.index(batch_width([crop(900)])) + 1]


def test_a_smaller_minimum_width_trains_and_scores_short_crops_narrower():
    items = [RecItem(crop(w), "12.5", f"c{i}") for i, w in enumerate([60, 80, 100, 120] * 4)]
    task = RecTask(items, items[:2], load_dictionary(base_model_set().keys_path), batch_size=4, seed=3,
                   min_width=160)
    assert {task.batch(step)[0].shape[3] for step in range(6)} <= {160, 320}
    shapes = []

    def blank(batch):
        shapes.append(batch.shape)
        return np.zeros((len(batch), batch.shape[3] // 8, len(task.index) + 1), np.float32)

    task.evaluate(blank)
    assert {shape[3] for shape in shapes} == {160}  # scored at the width the engine will run


def test_unencodable_labels_are_dropped_and_listed():
    items = [RecItem(crop(100), "ok", "a"), RecItem(crop(100), "x" * 40, "b"), RecItem(crop(100), "", "c")]
    task = RecTask(items, [], load_dictionary(base_model_set().keys_path))
    assert [i.text for i in task.train] == ["ok"] and len(task.dropped) == 2
