"""What the detector is taught: text at the size inference sees it, kernels the post-processing keeps,
and text nobody boxed left alone (neither text nor background)."""
from __future__ import annotations

import random

import cv2
import numpy as np

from desktop.core.label_files import DetRegion
from desktop.core.ocr.detector import TextDetector
from desktop.core.training.det_task import DetTask, mark_base_text, shrink_polygon, text_maps
from desktop.core.training.samples import DetItem
from desktop.core.training.synth.instruments import HMI_SIZE, hmi_table_screen


def _item(screen, kinds=None, complete=False) -> DetItem:
    regions = tuple(DetRegion(r.text, tuple(map(tuple, r.points.tolist()))) for r in screen.regions
                    if kinds is None or r.kind in kinds)
    return DetItem(screen.image, regions, "hmi.png", complete=complete)


class PerfectNetwork:
    """A detector network that outputs exactly what training teaches: the target map."""

    def __init__(self, target: np.ndarray):
        self.target = target

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        out = np.zeros((1, 1, *batch.shape[2:]), np.float32)
        out[0, 0, : self.target.shape[0], : self.target.shape[1]] = self.target
        return out


def test_hmi_table_values_are_about_19x8_px_in_a_508x381_photo():
    screen = hmi_table_screen(random.Random(1))
    assert screen.image.shape[:2] == (HMI_SIZE[1], HMI_SIZE[0])
    values = [r.points for r in screen.regions if r.kind == "value"]
    sizes = np.array([p.max(0) - p.min(0) for p in values])
    assert len(values) == 3 and np.all(np.abs(sizes - (18, 8)) <= 1.5)


def test_tiny_table_values_are_taught_at_inference_size_and_survive_post_processing():
    """The table values of 19x8 px: every kernel training teaches comes back from the detector's own
    post-processing as a box, and no value is taught smaller than inference sees it. Before, training
    scaled photos by 0.6-1.3 and shrank 8 px text to 3 px kernels that post-processing drops."""
    task = DetTask([_item(hmi_table_screen(random.Random(seed))) for seed in range(4)], [], batch_size=4)
    for step in range(12):
        _images, targets, _weights = task.batch(step)
        for target in targets[:, 0]:
            count, _labels, stats, centres = cv2.connectedComponentsWithStats((target > 0.5).astype(np.uint8))
            inside = [centre for (x, y, w, h, _area), centre in zip(stats[1:], centres[1:])
                      if x > 0 and y > 0 and x + w < target.shape[1] and y + h < target.shape[0]]
            boxes = TextDetector(PerfectNetwork(target)).detect(np.zeros((*target.shape, 3), np.uint8))
            lost = [c for c in inside if not any(cv2.pointPolygonTest(b, tuple(map(float, c)), False) >= 0
                                                 for b in boxes)]
            assert not lost, f"step {step}: kernels taught at {lost} come back as no box"
            heights = [float(np.linalg.norm(b[0] - b[3])) for b in boxes]
            assert min(heights) >= 0.88 * 7.7, f"step {step}: a value taught at {min(heights):.1f} px"


def test_small_text_taught_alone_is_found_where_it_is():
    """A perfect student of the targets finds 19 px wide text 6-10 px tall; DB's own shrink taught
    text up to 6 px tall as kernels the post-processing drops."""
    from desktop.core.ocr_metrics.metrics import iou

    for height in (6, 7, 8, 10):
        for x, y in ((20, 30), (20.5, 30.25), (50.75, 41.5)):
            box = np.array([[x, y], [x + 19, y], [x + 19, y + height], [x, y + height]], np.float32)
            target, _weight = text_maps((64, 96), [box], [False])
            found = TextDetector(PerfectNetwork(target)).detect(np.zeros((64, 96, 3), np.uint8))
            assert len(found) == 1 and iou(found[0], box) > 0.5, (height, x, y)


def test_large_text_keeps_dbs_own_kernel():
    big = np.array([[0, 0], [300, 0], [300, 60], [0, 60]], np.float32)
    assert min(cv2.minAreaRect(shrink_polygon(big).astype(np.float32))[1]) < 20


class FixedDetector:
    """A base detector that finds ``boxes``, its map holding ``kernels``."""

    thresh = 0.3

    def __init__(self, boxes, kernels=()):
        self.found = [np.array(b, np.float32) for b in boxes]
        self.kernels = [np.array(k, np.int32) for k in kernels]

    def probability_map(self, image):
        prob = np.zeros((1, 1, *image.shape[:2]), np.float32)
        for kernel in self.kernels:
            cv2.fillPoly(prob[0, 0], [kernel], 0.9)
        return prob

    def boxes(self, _prob, _shape):
        return self.found


VALUE = ((100, 100), (140, 100), (140, 116), (100, 116))
BUTTON = [[200, 160], [260, 160], [260, 180], [200, 180]]
AROUND_VALUE = [[90, 90], [150, 90], [150, 126], [90, 126]]  # the base's box: the value unclipped


def maps(item: DetItem):
    return text_maps((200, 300), [np.array(r.points, np.float32) for r in item.regions],
                     [r.ignored for r in item.regions])


def test_text_nobody_boxed_that_the_base_finds_is_kept_as_text():
    # Learning without forgetting (issue 27): what the base detector finds beyond the labels stays text.
    item = DetItem(np.zeros((200, 300, 3), np.uint8), (DetRegion("12.5", VALUE),), "photo.png")
    [marked] = mark_base_text([item], FixedDetector([BUTTON, AROUND_VALUE]))
    assert [(r.text, r.ignored) for r in marked.regions] == [("12.5", False), ("", False)]
    target, weight = maps(marked)
    assert weight[170, 230] > 0 and target[170, 230] == 1   # the button: text, as the base found it
    assert weight[108, 120] > 0 and target[108, 120] == 1   # the value: text
    assert weight[50, 50] == 1 and target[50, 50] == 0      # empty glass: background


def test_a_unit_beside_the_boxed_digits_is_kept_with_them():
    # The labels box `2840`, the base's box holds `2840 MΩ`: left to the labels, the unit was taught as
    # background and the finetuned detector dropped it.
    item = DetItem(np.zeros((200, 300, 3), np.uint8), (DetRegion("2840", VALUE),), "photo.png")
    with_unit = [[90, 90], [200, 90], [200, 126], [90, 126]]
    [marked] = mark_base_text([item], FixedDetector([with_unit]))
    assert len(marked.regions) == 2 and not marked.regions[1].ignored
    target, _ = maps(marked)
    assert target[108, 175] == 1  # the unit's middle
    two_values = DetItem(item.image, (DetRegion("2840", VALUE),
                                      DetRegion("12", ((160, 100), (190, 100), (190, 116), (160, 116)))), "t.png")
    assert mark_base_text([two_values], FixedDetector([with_unit]))[0] == two_values  # merged: labels teach


# The base's kernel of `221.6 V`: the digits and the small `V` after them, past the label's right end.
VALUE_AND_V = [[104, 104], [152, 104], [152, 112], [104, 112]]


def test_a_base_kernel_reaching_beyond_its_label_is_taught_whole():
    # The labels box `221.6`; the base reads `221.6v` from one kernel whose box stays within the label's
    # reach, so no box of it is kept. Its kernel is: a perfect student finds the value with its `V`.
    # (192x288: the detector's own grid, so its map is the picture's size)
    item = DetItem(np.zeros((192, 288, 3), np.uint8), (DetRegion("221.6", VALUE),), "photo.png")
    base_box = [[96, 96], [156, 96], [156, 120], [96, 120]]
    [marked] = mark_base_text([item], FixedDetector([base_box], [VALUE_AND_V]))
    assert len(marked.regions) == 1 and marked.base_text[108, 148] == 1
    target, weight = text_maps((192, 288), [np.array(VALUE, np.float32)], [False], marked.base_text)
    assert target[108, 148] == 1 and target[108, 138] == 1  # the V, and the gap up to it: one kernel
    assert np.ptp(weight[target > 0]) < 1e-6  # one kernel, one weight
    [found] = TextDetector(PerfectNetwork(target)).detect(item.image)
    assert found[:, 0].max() > 152  # the box reaches past the V
    plain, _ = text_maps((192, 288), [np.array(VALUE, np.float32)], [False])
    [label_only] = TextDetector(PerfectNetwork(plain)).detect(item.image)
    assert label_only[:, 0].max() < 146  # taught by the label alone, the V was background


def test_a_base_kernel_joining_two_labeled_values_is_left_to_the_labels():
    second = ((160, 100), (190, 100), (190, 116), (160, 116))
    item = DetItem(np.zeros((200, 300, 3), np.uint8), (DetRegion("2840", VALUE), DetRegion("12", second)), "t.png")
    [marked] = mark_base_text([item], FixedDetector([], [[[104, 104], [186, 104], [186, 112], [104, 112]]]))
    assert not marked.base_text.any()


def test_the_base_kernels_move_with_the_training_window():
    item = DetItem(np.zeros((200, 300, 3), np.uint8), (DetRegion("221.6", VALUE),), "photo.png")
    [marked] = mark_base_text([item], FixedDetector([], [VALUE_AND_V]))
    with_kernels, without = (DetTask([i], [], batch_size=1, size=320) for i in (marked, item))
    kept, plain = (task.batch(0)[1][0, 0] for task in (with_kernels, without))
    assert kept.sum() > plain.sum() * 1.3


def test_text_nobody_boxed_can_be_left_out_of_the_loss_instead():
    item = DetItem(np.zeros((200, 300, 3), np.uint8), (DetRegion("12.5", VALUE),), "photo.png")
    [marked] = mark_base_text([item], FixedDetector([BUTTON, AROUND_VALUE]), keep=False)
    assert [r.ignored for r in marked.regions] == [False, True]
    target, weight = maps(marked)
    assert weight[170, 230] == 0 and target[170, 230] == 0  # the button: not taught either way
    assert weight[108, 120] == 1 and target[108, 120] == 1  # the value: text


def test_fully_labeled_screens_keep_the_base_detectors_mistakes_as_background():
    item = DetItem(np.zeros((200, 300, 3), np.uint8), (), "synthetic-1", complete=True)
    [same] = mark_base_text([item], FixedDetector([[[10, 10], [60, 10], [60, 30], [10, 30]]]))
    assert same.regions == ()


def test_a_missed_small_unit_costs_as_much_as_the_background_around_it():
    # One 20x15 px unit on a 480x480 window the detector leaves out entirely: averaged over every pixel
    # its loss vanished (0.3 % of the map); balanced, it is a quarter of the BCE (DB's 3 negatives per positive).
    import paddle

    from desktop.core.training.det_task import balanced_bce

    targets = np.zeros((1, 1, 480, 480), np.float32)
    targets[0, 0, 100:115, 200:220] = 1
    prob = np.where(targets > 0, 0.05, 0.01).astype(np.float32)
    pixel_loss = -np.log(np.where(targets > 0, prob, 1 - prob))
    loss = float(balanced_bce(paddle.to_tensor(pixel_loss), paddle.to_tensor(targets),
                              paddle.to_tensor(np.ones_like(targets))))
    assert abs(loss - (-np.log(0.05) - 3 * np.log(0.99)) / 4) < 1e-3
    plain = pixel_loss.mean()
    assert loss > 50 * plain


def test_ignored_pixels_are_neither_text_nor_hard_background():
    import paddle

    from desktop.core.training.det_task import balanced_bce

    targets = np.zeros((1, 1, 8, 8), np.float32)
    targets[0, 0, 0, 0] = 1
    weights = np.ones_like(targets)
    weights[0, 0, 4:, :] = 0   # unknown text: its high loss must not be mined as background
    pixel_loss = np.full_like(targets, 0.1)
    pixel_loss[0, 0, 4:, :] = 9.0
    loss = float(balanced_bce(*(paddle.to_tensor(a) for a in (pixel_loss, targets, weights))))
    assert abs(loss - 0.1) < 1e-4
    assert float(balanced_bce(*(paddle.to_tensor(a) for a in (pixel_loss, np.zeros_like(targets), weights)))) == 0.0


def test_a_small_unit_weighs_as_much_as_the_big_digits_beside_it():
    # A thermo-hygrometer's 150x90 px temperature and its 20x15 px ℃: each kernel's weights add up to the
    # same, and all text together keeps the weight it had (one per text pixel).
    digits = np.array([[20, 20], [170, 20], [170, 110], [20, 110]], np.float32)
    unit = np.array([[180, 20], [200, 20], [200, 35], [180, 35]], np.float32)
    target, weight = text_maps((160, 240), [digits, unit], [False, False])
    on_digits, on_unit = weight[(target > 0) & (np.arange(240)[None, :] < 175)], weight[(target > 0) & (np.arange(240)[None, :] >= 175)]
    assert abs(on_digits.sum() - on_unit.sum()) < 1e-3 * on_digits.sum()
    assert abs(weight[target > 0].sum() - (target > 0).sum()) < 1e-3 * (target > 0).sum()
    assert weight[150, 10] == 1  # background: unchanged
