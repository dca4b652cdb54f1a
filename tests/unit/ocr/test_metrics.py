"""Metrics against hand-computed cases."""
import pytest

from desktop.core.ocr_metrics.metrics import RecScore, edit_distance, iou, match_detections


def square(x, y, side=10):
    return [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]


def test_iou_hand_computed():
    assert iou(square(0, 0), square(0, 0)) == pytest.approx(1.0)
    assert iou(square(0, 0), square(5, 0)) == pytest.approx(50 / 150)
    assert iou(square(0, 0), square(20, 20)) == 0.0


def test_one_to_one_matching():
    gts = [square(0, 0), square(100, 0)]
    dets = [square(1, 0), square(0, 1), square(300, 300)]  # two detections on the first GT, one stray
    counts = match_detections(gts, [False, False], dets)
    assert (counts.matched, counts.gt_cared, counts.det_cared) == (1, 2, 3)
    assert counts.precision == pytest.approx(1 / 3)
    assert counts.recall == pytest.approx(1 / 2)
    assert counts.hmean == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_detection_on_ignored_region_is_not_counted():
    counts = match_detections([square(0, 0), square(50, 0)], [False, True], [square(0, 0), square(50, 0)])
    assert (counts.matched, counts.gt_cared, counts.det_cared) == (1, 1, 1)
    assert counts.hmean == 1.0


def test_iou_at_exactly_half_does_not_match():
    # IoU of these two is 1/3: below the 0.5 rule
    assert match_detections([square(0, 0)], [False], [square(5, 0)]).matched == 0


def test_edit_distance():
    assert edit_distance("100.07", "10007") == 1
    assert edit_distance("", "abc") == 3
    assert edit_distance("kPa", "KPa") == 1


def test_rec_score_ignores_spaces_and_normalises():
    score = RecScore()
    score.add("100.07 kPa", "100.07kPa")
    score.add("1OO", "100")
    assert score.accuracy == 0.5
    assert score.norm_edit == pytest.approx(1 - (0 + 2 / 3) / 2)
    assert score.mistakes == [("100", "1OO")]


def test_ocr_metrics_and_key_matching_share_one_edit_distance():
    from desktop.core.reading import keys

    assert edit_distance is keys.edit_distance
