"""The finetune wizard's pure core: presets and time estimate, run state from events, data files."""
from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from desktop.core.label_files import LabelError, read_det_labels, read_rec_labels
from desktop.core.training.payload import DEFAULT_STEPS, TrainJob, parse_job
from desktop.core.training.presets import data_level, estimate_seconds, format_duration, preset
from desktop.core.training.run_state import RunState, parse_line
from desktop.core.training.wizard_data import (
    Sample,
    imported_samples,
    label_format,
    photos_per_instrument,
    split_samples,
    write_sources,
)


def test_presets_carry_the_measured_numbers():
    assert (preset("quick", "rec").steps, preset("quick", "rec").batch_size, preset("quick", "rec").learning_rate) == \
        (60, 16, None)  # None: the rate for the starting model
    assert (preset("quick", "det").steps, preset("quick", "det").batch_size) == (30, 4)
    assert preset("thorough", "rec").steps == DEFAULT_STEPS["rec"] and preset("thorough", "det").steps == DEFAULT_STEPS["det"]
    a = preset("quick", "rec")
    a.steps = 1
    assert preset("quick", "rec").steps == 60  # a copy, not the table


def test_estimate_on_the_measured_2_core_cpu():
    job = TrainJob(name="x", tasks=["rec"], rec=preset("quick", "rec"), synthetic_screens=0)
    seconds = estimate_seconds(job, cpu_count=2)
    assert 60 * 9 <= seconds <= 60 * 9 + 120  # ~9 s per step at batch 16, plus start-up and scoring
    thorough = TrainJob(name="x", tasks=["rec"], rec=preset("thorough", "rec"), synthetic_screens=0)
    assert seconds * 1.5 < estimate_seconds(thorough, cpu_count=2) <= 15 * 60 + 60  # a stage stops in 15 min
    unlimited = TrainJob(name="x", tasks=["rec"], rec=preset("thorough", "rec"), synthetic_screens=0, stage_minutes=None)
    assert estimate_seconds(unlimited, cpu_count=2) > estimate_seconds(thorough, cpu_count=2)
    both = TrainJob(name="x", tasks=["det", "rec"], rec=preset("quick", "rec"), det=preset("quick", "det"))
    assert estimate_seconds(both, cpu_count=2) > seconds + 30 * 2
    assert estimate_seconds(job, cpu_count=8) < seconds
    assert estimate_seconds(TrainJob(name="x", device="gpu")) is None


def test_data_levels_and_durations():
    assert [data_level(n) for n in (0, 5, 20, 99, 100)] == ["none", "little", "ok", "ok", "good"]
    assert data_level(12, "det") == "ok"
    assert [format_duration(s) for s in (42, 600, 4800)] == ["42 s", "10 min", "1 h 20 min"]


def test_run_state_from_event_lines():
    state = RunState(["det", "rec"], {"det": 10, "rec": 20})
    assert parse_line("W0101 12:00 paddle says hi") is None and parse_line("{not json") is None
    for line in ['{"event": "log", "message": "loading"}',
                 '{"event": "metric", "stage": "det", "name": "hmean", "value": 0.5, "when": "before"}',
                 '{"event": "progress", "stage": "det", "step": 5, "steps": 10, "loss": 1.5, "eta_s": 10}',
                 '{"event": "metric", "stage": "det", "name": "hmean", "value": 0.6, "when": "step 5"}']:
        state.feed(parse_line(line))
    assert state.fraction == pytest.approx(5 / 30)
    assert state.remaining_seconds() == pytest.approx(10 + 20 * 2)  # this stage + the next at this rate
    assert state.metrics["det"] == [(0, 0.5), (5, 0.6)] and state.losses["det"] == [(5, 1.5)]
    state.feed({"event": "error", "message": "boom"})
    assert state.error == "boom"
    state.feed({"event": "done", "stages": {}, "cancelled": False})
    assert state.fraction == 1.0 and state.remaining_seconds() == 0.0


def _rec_folder(tmp_path):
    from desktop.core.training.synth.dataset import generate_dataset

    generate_dataset(tmp_path / "ds", 2, seed=5)
    return tmp_path / "ds"


def test_imported_label_files_and_format_detection(tmp_path):
    ds = _rec_folder(tmp_path)
    assert label_format(ds / "det_gt.txt") == "det" and label_format(ds / "rec_gt.txt") == "rec"
    det = imported_samples(ds / "det_gt.txt")
    rec = imported_samples(ds / "rec_gt.txt")
    assert len(det) == 2 and all(s.kind == "det" and s.path and s.det_label.startswith("[") for s in det)
    assert rec and all(s.kind == "rec" for s in rec)
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(LabelError, match=r"notes\.txt: no 'path<TAB>label' lines"):
        imported_samples(bad)


def test_split_keeps_shots_together_and_sources_round_trip(tmp_path):
    ds = _rec_folder(tmp_path)
    samples = imported_samples(ds / "rec_gt.txt") + imported_samples(ds / "det_gt.txt")
    samples.append(Sample("c1", "rec", "corrections", "", "100.07", "image1", png=(ds / "images/000000.png").read_bytes()))
    train, val = split_samples(samples)
    assert train and val and len(train) + len(val) == len(samples)
    assert not {s.shot for s in train} & {s.shot for s in val}
    train_sources, val_sources = write_sources(train, val, tmp_path / "job")
    job = parse_job({"name": "t", "train": [vars(s) for s in train_sources], "val": [vars(s) for s in val_sources]})
    rec_files = [s for s in job.train + job.val if s.format == "rec"]
    read_back = sum(len(read_rec_labels(s.path)) for s in rec_files)
    assert read_back == sum(s.kind == "rec" for s in samples)
    det_files = [s for s in job.train + job.val if s.format == "det"]
    assert sum(len(read_det_labels(s.path)) for s in det_files) == 2
    # the job's data loader reads them without re-splitting (validation is always given)
    assert any(s.format == "rec" for s in job.val)
    json.dumps([vars(s) for s in train_sources])


def test_the_latest_samples_validate_and_the_photos_per_instrument_are_counted():
    # Label-file lines and corrections in the order they were made: each group's latest validate.
    det = [Sample(f"lab.txt:{n}", "det", "lab.txt", "meter", "1.0", f"shot{n}", path=f"/none/{n}.jpg")
           for n in range(1, 11)]
    corrections = [Sample(f"c{n}", "rec", "corrections", "sampler", "2.0", f"image{n // 2}", image_id=n // 2)
                   for n in range(10)]
    train, val = split_samples(det + corrections)
    assert [s.key for s in val] == ["lab.txt:9", "lab.txt:10", "c8", "c9"]
    assert photos_per_instrument(val) == {"meter": 2, "sampler": 1}


def test_an_empty_validation_still_gets_a_label_file(tmp_path):
    only = [Sample("c1", "rec", "corrections", "", "1.5", "image1", png=b"png")]
    train_sources, val_sources = write_sources(only, [], tmp_path)
    assert [s.format for s in val_sources] == ["rec"] and read_rec_labels(val_sources[0].path) == []


def test_validation_is_written_per_instrument_and_scored_per_group(tmp_path):
    import numpy as np

    from desktop.core.models.model_files import base_model_set, load_dictionary
    from desktop.core.training.events import GROUP_ACCURACY
    from desktop.core.training.job_data import load_sources
    from desktop.core.training.rec_task import RecTask
    from desktop.core.training.wizard_data import Sample

    png = cv2.imencode(".png", np.full((20, 60, 3), 255, np.uint8))[1].tobytes()
    val = [Sample(f"c{i}", "rec", "corrections", group, "12.5", f"image{i}", png=png)
           for i, group in enumerate(["sampler", "sampler", "hygrometer"])]
    _train_sources, val_sources = write_sources([], val, tmp_path)
    assert sorted(s.group for s in val_sources) == ["hygrometer", "sampler"]
    _det, items = load_sources(val_sources, [])
    assert sorted(i.group for i in items) == ["hygrometer", "sampler", "sampler"]
    blank = lambda batch: np.eye(6625)[np.zeros((len(batch), 40), int)]  # noqa: E731  (reads nothing)
    scores = RecTask(items, items, load_dictionary(base_model_set().keys_path)).evaluate(blank)
    assert scores[f"{GROUP_ACCURACY}sampler"] == 0.0 and f"{GROUP_ACCURACY}hygrometer" in scores


def test_validation_screens_come_from_the_store_with_the_readings_as_left(tmp_path):
    """Whole screens behind validation corrections, from a real session store: a pasted image (bytes
    in the store) and a file image; screens without readings or with their file gone are left out."""
    from desktop.core.store.session_store import SessionStore
    from desktop.core.training.job_data import load_job_data
    from desktop.core.training.wizard_data import correction_samples, write_screen_source

    store = SessionStore(tmp_path / "store")
    session = store.new_session()
    png = cv2.imencode(".png", np.full((60, 120, 3), 200, np.uint8))[1].tobytes()
    photo = tmp_path / "photo.png"
    photo.write_bytes(png)
    gone = tmp_path / "gone.png"
    gone.write_bytes(png)
    readings = [{"key": "大气压", "value": "100.07", "unit": "kPa"}, {"key": "", "value": "12", "unit": ""}]
    ids = [store.add_image(session, "clipboard", "pasted.png", data=png),
           store.add_image(session, "file", "photo.png", path=str(photo)),
           store.add_image(session, "file", "gone.png", path=str(gone)),
           store.add_image(session, "clipboard", "empty.png", data=png)]
    for number, image_id in enumerate(ids):
        box = {"text": "100.01", "score": 0.9, "points": [[0, 0], [10, 0], [10, 5], [0, 5]]}
        template = "烟尘采样器" if number == 0 else None
        store.save_result(image_id, width=120, height=60, device="cpu", model="m", elapsed_ms=1.0, boxes=[box],
                          readings=[], template=template)
        store.add_correction(image_id, kind="box", original="100.01", corrected="100.07", boxes=[box],
                             readings=readings if number < 3 else [], box_index=0, crop_png=png, template=template)
    store.close()
    gone.unlink()
    val = correction_samples(store.path)
    source = write_screen_source(store.path, val, tmp_path / "job")
    assert source.format == "screens"
    (tmp_path / "train.txt").write_text("", encoding="utf-8")
    data = load_job_data(parse_job({"name": "t", "synthetic_screens": 0, "val": [vars(source)],
                                    "train": [{"format": "rec", "path": str(tmp_path / "train.txt")}]}))
    assert [(s.template, s.group, s.readings) for s in data.screens] == [
        ("烟尘采样器", "烟尘采样器", (("大气压", "100.07", "kPa"),)), (None, None, (("大气压", "100.07", "kPa"),))]
    assert data.screens[1].image == str(photo) and data.screens[0].image.endswith("image1.png")
    assert write_screen_source(None, val, tmp_path / "other") is None
    assert write_screen_source(store.path, [s for s in val if s.image_id in ids[2:]], tmp_path / "x") is None


def test_estimate_counts_the_whole_screens_read_before_after_and_at_every_validation():
    from desktop.core.training.presets import SECONDS_PER_ENGINE_LOAD, SECONDS_PER_SCREEN_READ
    from desktop.core.training.wizard_data import screen_count

    val = [Sample("c1", "rec", "corrections", "", "1", "image1", image_id=1),
           Sample("c2", "rec", "corrections", "", "2", "image1", image_id=1),
           Sample("l:1", "det", "l.txt", "l.txt", "x", "a.png", path="a.png", det_label="[]")]
    assert screen_count(val) == 2
    job = TrainJob(name="x", tasks=["rec"], rec=preset("quick", "rec"), synthetic_screens=0)
    plain = estimate_seconds(job, {"rec": 2}, cpu_count=2)
    with_screens = estimate_seconds(job, {"rec": 2, "screens": 2}, cpu_count=2)
    validations = 2 + job.rec.steps // job.eval_every
    assert with_screens - plain == pytest.approx((2 + validations) * (SECONDS_PER_ENGINE_LOAD + 2 * SECONDS_PER_SCREEN_READ))
