"""The picture-change test that drops a stale Stable mark: a changed digit counts, noise does not."""
from __future__ import annotations

import random

import cv2
import numpy as np

from desktop.core.live.change import picture_changed, thumbnail
from desktop.core.training.synth.fonts import system_fonts
from desktop.core.training.synth.looks import LOOKS
from desktop.core.training.synth.screen import Field, ScreenSpec, render_screen
from desktop.core.training.synth.segments import SegmentStyle


def screen(value: str) -> np.ndarray:
    spec = ScreenSpec(rows=((Field(value, None, "A"),),), look=LOOKS["lcd_grey"], style=SegmentStyle())
    return render_screen(spec, system_fonts(), random.Random(1)).image


def in_a_frame(picture: np.ndarray, size=(720, 1280)) -> np.ndarray:
    """The screen a third of a camera frame wide, as a technician frames a clamp meter."""
    frame = np.full((*size, 3), 90, np.uint8)
    scale = size[1] / 3 / picture.shape[1]
    small = cv2.resize(picture, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    frame[200:200 + small.shape[0], 400:400 + small.shape[1]] = small
    return frame


def test_one_changed_digit_is_a_change():
    before, after = in_a_frame(screen("3.77")), in_a_frame(screen("3.78"))
    assert picture_changed(thumbnail(before), thumbnail(after))


def test_sensor_noise_is_not_a_change():
    frame = in_a_frame(screen("3.77"))
    noise = np.random.default_rng(0).normal(0, 6, frame.shape)
    noisy = np.clip(frame + noise, 0, 255).astype(np.uint8)
    assert not picture_changed(thumbnail(frame), thumbnail(noisy))
    assert not picture_changed(thumbnail(frame), thumbnail(frame.copy()))


def test_a_new_frame_size_is_a_change():
    frame = in_a_frame(screen("3.77"))
    assert picture_changed(thumbnail(frame), thumbnail(frame[:, :640]))
