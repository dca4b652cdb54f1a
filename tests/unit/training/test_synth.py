"""Synthetic screen generator: deterministic, labels match the pixels, PaddleOCR label formats."""
from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop.core.training.synth.dataset import DET_LABELS, REC_LABELS, generate_dataset, make_screen
from desktop.core.training.synth.fonts import FontSet, find_font, system_fonts
from desktop.core.training.synth.looks import LOOKS
from desktop.core.training.synth.photo import degrade
from desktop.core.training.synth.screen import KINDS, Field, Region, ScreenSpec, SyntheticScreen, render_screen
from desktop.core.training.synth.segments import SegmentStyle, can_render, render_text

FONTS = system_fonts()
needs_latin = pytest.mark.skipif(FONTS.latin is None, reason="no Latin system font")

# Pure colours make "is there ink here" a colour test.
PURE = dataclasses.replace(LOOKS["lcd_grey"], background=(0, 0, 0), ink=(0, 0, 255), print_ink=(0, 255, 0),
                           body=(40, 40, 40), ghost=0.0, glow=0.0, shading=0.0)
SPEC = ScreenSpec(rows=((Field("100.07", "大气压", "kPa"),), (Field("-1.25", "计前压力", "kPa", cells=5),),
                        (Field("778", "绝缘电阻", "MΩ", glued=True),)),
                  look=PURE, style=SegmentStyle(slant=6.0), title="烟尘采样器")


def _area(points: np.ndarray) -> float:
    x, y = points[:, 0], points[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def _polygon_mask(shape, points) -> np.ndarray:
    mask = np.zeros(shape[:2], np.uint8)
    cv2.fillPoly(mask, [np.round(points).astype(np.int32)], 1)
    return mask.astype(bool)


# ---------------------------------------------------------------- segments

def test_seven_segment_digits_light_the_right_segments():
    style = SegmentStyle(height=40)
    eight, one = render_text("8", style), render_text("1", style)
    assert len(eight.cells[0].lit) == 7 and eight.cells[0].lit == frozenset("abcdefg")
    assert one.cells[0].lit == frozenset("bc")
    assert 0.2 < one.lit.sum() / eight.lit.sum() < 0.4          # two of seven segments worth of ink
    assert eight.ghost.sum() < 0.15 * one.ghost.sum()           # '8' leaves only its point slot unlit


def test_decimal_point_is_a_cell_attached_to_the_digit_before_it():
    r = render_text("1.5", SegmentStyle(height=40))
    glyphs = [c for c in r.cells if c.kind == "glyph"]
    points = [c for c in r.cells if c.kind == "dp" and c.lit]
    assert [c.char for c in glyphs] == ["1", "5"]
    assert len(points) == 1 and glyphs[0].x1 <= points[0].x0 < glyphs[1].x0
    x0 = int(points[0].x0) + 4
    assert r.lit[:, x0:x0 + 3].sum() > 0                       # the point is drawn


def test_ghost_cells_pad_the_field_and_stay_unlit():
    r = render_text("5", SegmentStyle(height=40), field_cells=3)
    glyphs = [c for c in r.cells if c.kind == "glyph"]
    assert len(glyphs) == 3 and not glyphs[0].lit and not glyphs[1].lit
    assert r.bbox[0] >= glyphs[2].x0                             # the ink box starts at the lit digit
    assert r.ghost[:, : int(glyphs[1].x1)].sum() > 0


def test_other_kinds_colon_and_unsupported_text():
    for kind in ("seven", "fourteen", "dots"):
        r = render_text("12:34", SegmentStyle(kind=kind, height=35, slant=8))
        assert r.lit.max() > 0.9 and r.bbox[2] > r.bbox[0]
    assert can_render("-0.35", "seven") and not can_render("kPa", "seven")
    with pytest.raises(ValueError, match="seven-segment display cannot show 'kPa'"):
        render_text("kPa", SegmentStyle())


# ---------------------------------------------------------------- screens and labels

@needs_latin
def test_same_seed_same_bytes():
    a, b = make_screen(7, FONTS), make_screen(7, FONTS)
    assert a.image.tobytes() == b.image.tobytes()
    assert [r.text for r in a.regions] == [r.text for r in b.regions]
    assert make_screen(8, FONTS).image.tobytes() != a.image.tobytes()


@needs_latin
@pytest.mark.parametrize("seed", range(6))
def test_regions_are_inside_and_clockwise(seed):
    s = make_screen(seed, FONTS, date_stamp=0.5)
    h, w = s.image.shape[:2]
    assert s.regions and s.image.dtype == np.uint8 and s.image.ndim == 3
    for r in s.regions:
        assert r.points.shape == (4, 2) and r.text and r.kind in KINDS
        assert (r.points >= 0).all() and (r.points[:, 0] <= w).all() and (r.points[:, 1] <= h).all()
        assert _area(r.points) > 0                               # clockwise on screen (y down)


@needs_latin
def test_value_regions_hold_the_ink_and_nothing_lit_is_unlabelled():
    s = render_screen(SPEC, FONTS)
    red = (s.image[..., 2] > 120) & (s.image[..., 1] < 60)
    labelled = np.zeros(red.shape, bool)
    for r in s.regions:
        inside = _polygon_mask(s.image.shape, r.points)
        labelled |= inside
        if r.kind == "value":
            assert red[inside].mean() > 0.1, r.text
    assert not (red & ~labelled).any()
    texts = [r.text for r in s.regions]
    assert "778MΩ" in texts and "-1.25" in texts and ("大气压" in texts) == (FONTS.cjk is not None)
    assert s.readings[2] == (s.readings[2][0], "778", "MΩ")


@needs_latin
def test_degrade_moves_points_with_the_pixels():
    img = np.zeros((300, 400, 3), np.uint8)
    pts = np.float32([[120, 100], [260, 100], [260, 170], [120, 170]])
    cv2.fillPoly(img, [pts.astype(np.int32)], (255, 255, 255))
    clean = SyntheticScreen(img, [Region("x", pts, "value")])
    for seed in range(4):
        photo = degrade(clean, random.Random(seed), FONTS, strength=1.0, date_stamp=0.0)
        moved = photo.regions[0].points
        grey = cv2.cvtColor(photo.image, cv2.COLOR_BGR2GRAY).astype(np.float32)
        inside = _polygon_mask(grey.shape, moved)
        core = cv2.erode(inside.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
        ring = cv2.dilate(inside.astype(np.uint8), np.ones((21, 21), np.uint8)).astype(bool) & ~cv2.dilate(
            inside.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
        assert grey[core].mean() > grey[ring].mean() + 60, seed


def test_missing_cjk_font_degrades_to_english_keys():
    latin_only = FontSet(cjk=None, latin=FONTS.latin)
    if latin_only.latin is None:
        pytest.skip("no Latin system font")
    s = render_screen(SPEC, latin_only)
    assert all(ord(c) < 0x2E80 for r in s.regions for c in r.text)
    assert [k for k, _, _ in s.readings] == ["Baro", "Pm", "INSU"]
    bare = render_screen(SPEC, FontSet(cjk=None, latin=None))    # no font at all: segments only
    assert {r.kind for r in bare.regions} == {"value"}
    assert find_font(["NotoSansCJK-Regular.ttc"], dirs=[]) is None


# ---------------------------------------------------------------- dataset files

@needs_latin
def test_dataset_files_parse_in_paddleocr_formats(tmp_path: Path):
    calls = []
    summary = generate_dataset(tmp_path, 2, seed=3, fonts=FONTS, progress=lambda f, m: calls.append(f))
    assert summary.images == 2 and calls == [0.5, 1.0]
    det_lines = (tmp_path / DET_LABELS).read_text(encoding="utf-8").splitlines()
    assert len(det_lines) == 2
    for line in det_lines:
        rel, labels = line.split("\t")
        assert cv2.imread(str(tmp_path / rel)) is not None
        for item in json.loads(labels):
            assert set(item) == {"transcription", "points"} and item["transcription"]
            assert np.asarray(item["points"], float).shape == (4, 2)
    rec_lines = (tmp_path / REC_LABELS).read_text(encoding="utf-8").splitlines()
    assert len(rec_lines) == summary.crops > 0
    for line in rec_lines:
        rel, text = line.split("\t")
        assert text and cv2.imread(str(tmp_path / rel)) is not None

    again = tmp_path / "again"
    generate_dataset(again, 2, seed=3, fonts=FONTS)
    assert (again / "images/000001.png").read_bytes() == (tmp_path / "images/000001.png").read_bytes()
    assert (again / DET_LABELS).read_text(encoding="utf-8") == "\n".join(det_lines) + "\n"


@needs_latin
def test_dataset_cancel_stops_with_consistent_labels(tmp_path: Path):
    summary = generate_dataset(tmp_path, 5, seed=1, fonts=FONTS, crops=False,
                               cancelled=lambda: len(list((tmp_path / "images").iterdir())) >= 1)
    assert summary.cancelled and summary.images == 1
    assert len((tmp_path / DET_LABELS).read_text(encoding="utf-8").splitlines()) == 1
