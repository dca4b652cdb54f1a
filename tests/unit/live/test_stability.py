import pytest

from desktop.core.live.stability import StabilityTracker


def test_stable_after_n_agreeing_frames():
    t = StabilityTracker(3)
    assert not t.update({"p": "100.07"})["p"].stable
    assert not t.update({"p": "100.07"})["p"].stable
    assert t.update({"p": "100.07"})["p"].stable
    assert t.stable_values() == {"p": "100.07"}


def test_flicker_never_stable():
    t = StabilityTracker(3)
    for value in ["100.07", "100.01", "100.07", "100.01", "100.07", "100.01"]:
        assert not t.update({"p": value})["p"].stable
    assert t.stable_values() == {}


def test_missing_key_resets():
    t = StabilityTracker(2)
    t.update({"p": "1"})
    t.update({})
    assert not t.update({"p": "1"})["p"].stable
    assert t.update({"p": "1"})["p"].stable


def test_frames_validation():
    with pytest.raises(ValueError, match="frames must be at least 1"):
        StabilityTracker(0)
    assert StabilityTracker(1).update({"a": "1"})["a"].stable
