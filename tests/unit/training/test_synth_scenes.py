"""Named scenes of the synthetic generator: whole phone photos of real-looking instruments with clutter,
readings told apart from clutter, named-look datasets and partial labels."""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop.core.training.job_data import synthetic_items
from desktop.core.training.screens import read_screens
from desktop.core.training.synth.compose import PHOTO_SIZES
from desktop.core.training.synth.dataset import DET_LABELS, REC_LABELS, SCREENS, generate_dataset, make_screen
from desktop.core.training.synth.fonts import system_fonts
from desktop.core.training.synth.photo import degrade
from desktop.core.training.synth.printing import random_camera_stamp
from desktop.core.training.synth.scenarios import random_spec
from desktop.core.training.synth.scenes import SCENE_NAMES, SCENES, choose_scene
from desktop.core.training.synth.screen import CLUTTER_KINDS, KINDS, PARTIAL_LABEL_KINDS, render_screen

FONTS = system_fonts()
pytestmark = pytest.mark.skipif(FONTS.latin is None, reason="no Latin system font")
NEW = [name for name in SCENE_NAMES if name != "classic"]


def _area(points: np.ndarray) -> float:
    x, y = points[:, 0], points[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def _height(region) -> float:
    return float(region.points[:, 1].max() - region.points[:, 1].min())


@pytest.mark.parametrize("name", NEW)
def test_each_scene_is_a_photo_with_its_readings_boxed_and_inside(name):
    for i in range(3):
        s = make_screen(f"t{i}", FONTS, looks=[name])
        h, w = s.image.shape[:2]
        assert s.scene == name and (w, h) in PHOTO_SIZES and s.image.dtype == np.uint8
        assert s.readings
        for r in s.regions:
            assert r.text.strip() and r.kind in KINDS
            assert (r.points >= 0).all() and (r.points[:, 0] <= w).all() and (r.points[:, 1] <= h).all()
            assert _area(r.points) > 0
            assert r.reading is None or (not r.clutter and 0 <= r.reading < len(s.readings))
        for index, (_key, value, _unit) in enumerate(s.readings):
            values = [r.text for r in s.reading_regions() if r.reading == index and r.kind == "value"]
            assert values == [value], (name, i, s.readings)


@pytest.mark.parametrize("name", NEW)
def test_value_regions_hold_contrasting_ink(name):
    s = make_screen("ink", FONTS, strength=0.0, looks=[name])
    grey = cv2.cvtColor(s.image, cv2.COLOR_BGR2GRAY).astype(np.float32)
    values = [r for r in s.regions if r.kind == "value"]
    assert values, name  # a scene without a value would check nothing
    for r in values:
        x0, y0 = np.floor(r.points.min(axis=0)).astype(int)
        x1, y1 = np.ceil(r.points.max(axis=0)).astype(int)
        patch = grey[y0:y1, x0:x1]
        assert patch.max() - patch.min() > 40, (name, r.text)


def test_sizes_match_the_real_photos():
    # Fixtures of issue 17, in a 508x381 photo: tester digits 37 px high (10-20 % here), HMI values 11-13 px.
    for i in range(6):
        tester = make_screen(f"size{i}", FONTS, strength=0.0, looks=["thin_lcd"])
        value = next(r for r in tester.regions if r.kind == "value")
        unit = next(r for r in tester.regions if r.kind == "unit")
        photo_h = tester.image.shape[0]
        assert 0.08 * photo_h < _height(value) / 1.24 < 0.22 * photo_h     # the box pads the ink by 12 % a side
        assert _height(unit) < 0.6 * _height(value)
        assert unit.points[:, 0].min() > value.points[:, 0].max() - 0.2 * _height(value)   # to the right
        hmi = make_screen(f"size{i}", FONTS, strength=0.0, looks=["hmi_table"])
        scale = 381 / hmi.image.shape[0]
        hmi_values = [r for r in hmi.regions if r.kind == "value"]
        assert hmi_values
        for r in hmi_values:
            assert 6 < _height(r) * scale < 18, r.text


def _overlap(a, b) -> bool:
    (ax0, ay0), (ax1, ay1) = a.points.min(axis=0), a.points.max(axis=0)
    (bx0, by0), (bx1, by1) = b.points.min(axis=0), b.points.max(axis=0)
    return ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1


def test_clutter_is_never_a_reading_and_the_stamp_covers_no_text():
    kinds = set()
    for i in range(24):
        s = make_screen(f"c{i}", FONTS, looks=NEW)
        kinds |= {r.kind for r in s.clutter_regions()}
        assert all(r.reading is None for r in s.clutter_regions())
        stamp = [r for r in s.regions if r.kind == "overlay"]
        assert not any(_overlap(a, b) for a in stamp for b in s.regions if b.kind != "overlay" and not b.ignored)
        assert all(r.reading is None and r not in s.partial_regions() for r in s.regions if r.ignored)
        assert {r.kind for r in s.partial_regions()} <= set(PARTIAL_LABEL_KINDS)
    assert kinds == set(CLUTTER_KINDS)


def test_camera_stamps_come_in_the_formats_of_real_photos():
    rng = random.Random(5)
    lines = [line for _ in range(400) for line in random_camera_stamp(rng)]
    patterns = [r"^[A-Z][a-z]{2} \d{1,2}, ?\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$", r"^Index number: \d+$",
                r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", r"^\d{4}年\d{1,2}月\d{1,2}日",
                r"^(Lat|GPS)"]
    for pattern in patterns:
        assert any(re.match(pattern, line) for line in lines), pattern


def test_scene_choice_by_name_and_mix():
    assert {choose_scene(i).name for i in range(200)} == set(SCENE_NAMES)
    assert {choose_scene(i, ["led_panel", "hmi_table"]).name for i in range(50)} == {"led_panel", "hmi_table"}
    with pytest.raises(ValueError, match="no_such_look"):
        choose_scene(1, ["no_such_look"])
    assert abs(sum(s.weight for s in SCENES.values()) - 1.0) < 1e-9


def test_classic_scene_keeps_the_original_generator_bytes():
    for seed in ("a", "b", 3):
        rng = random.Random(seed)
        original = degrade(render_screen(random_spec(rng), FONTS, rng), rng, FONTS)
        again = make_screen(seed, FONTS, looks=["classic"])
        assert again.image.tobytes() == original.image.tobytes() and again.scene == "classic"
        assert all(r.reading is not None for r in again.regions if r.kind in ("key", "value", "unit"))


def test_same_seed_same_photo():
    a, b = make_screen("d", FONTS, looks=NEW), make_screen("d", FONTS, looks=NEW)
    assert a.image.tobytes() == b.image.tobytes() and [r.to_json() for r in a.regions] == [r.to_json()
                                                                                         for r in b.regions]


def test_named_look_dataset_with_partial_labels(tmp_path: Path):
    summary = generate_dataset(tmp_path, 4, seed=11, looks=["hmi_table", "led_panel"], labels="partial",
                               fonts=FONTS)
    assert summary.images == 4
    lines = (tmp_path / SCREENS).read_text(encoding="utf-8").splitlines()
    det = (tmp_path / DET_LABELS).read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(det) == 4
    for line, det_line in zip(lines, det):
        raw = json.loads(line)
        assert raw["scene"] in ("hmi_table", "led_panel") and raw["readings"]
        boxed = [item["transcription"] for item in json.loads(det_line.split("\t")[1])]
        partial = [r["text"] for r in raw["regions"] if r["kind"] in PARTIAL_LABEL_KINDS]
        assert boxed == partial and len(raw["regions"]) > len(partial)      # clutter is listed, not boxed
        values = {r["value"] for r in raw["readings"]}
        assert values <= set(boxed)
    rec = (tmp_path / REC_LABELS).read_text(encoding="utf-8").splitlines()
    assert len(rec) == summary.crops > 0
    keyed = read_screens(tmp_path / SCREENS, skipped := [])
    assert not skipped and all(Path(s.image).is_file() for s in keyed)      # the runner's 'screens' format


def test_dataset_rejects_unknown_looks_and_label_modes(tmp_path: Path):
    with pytest.raises(ValueError, match="hmi"):
        generate_dataset(tmp_path, 1, seed=1, looks=["hmi"])
    with pytest.raises(ValueError, match="labels"):
        generate_dataset(tmp_path, 1, seed=1, labels="some")


def test_text_cut_by_the_frame_is_ignored_not_dropped():
    ignored = [r for i in range(30) for r in make_screen(f"cut{i}", FONTS, looks=NEW).regions if r.ignored]
    assert ignored and all(r.text == "###" and r.kind in KINDS for r in ignored)
    items = synthetic_items(6, 3, looks=["thin_lcd"])
    flags = [(r.text == "###", r.ignored) for item in items for r in item.regions]
    assert all(a == b for a, b in flags)


def test_script_writes_a_named_look_set_and_refuses_unknown_looks(tmp_path: Path):
    script = Path(__file__).resolve().parents[3] / "scripts" / "make_synthetic_set.py"
    ok = subprocess.run([sys.executable, str(script), str(tmp_path / "set"), "--n", "2", "--looks", "led_panel",
                         "--labels", "partial", "--no-crops"], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert [json.loads(line)["scene"] for line in (tmp_path / "set" / SCREENS).read_text("utf-8").splitlines()] \
        == ["led_panel", "led_panel"]
    bad = subprocess.run([sys.executable, str(script), str(tmp_path / "bad"), "--looks", "led"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown scene" in bad.stderr and not (tmp_path / "bad").exists()
