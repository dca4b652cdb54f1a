"""Checkpoints: .npz and JSON only (a planted pickle never runs), each written whole or not at all, and a
damaged newest one gives way to the one before, said in the log."""
import json
import pickle

import numpy as np
import pytest

from desktop.core.ocr.device import Device
from desktop.core.training.cancel import CancelToken
from desktop.core.training.checkpoints import CheckpointStore, load_arrays, save_arrays

pytestmark = pytest.mark.slow  # imports paddle (a few seconds), trains a 3x1 linear layer


class LineTask:
    """A task the loop can run: fit y = x . (1, 2, 3) with a linear layer."""
    stage, metric, input_spec_shape = "rec", "score", [None, 3]

    def __init__(self):
        rng = np.random.default_rng(0)
        self.x = rng.normal(size=(64, 3)).astype("float32")
        self.y = self.x @ np.array([[1.0], [2.0], [3.0]], dtype="float32")

    def batch(self, step):
        rows = np.random.default_rng(step).choice(64, 8)
        return self.x[rows], self.y[rows]

    def loss(self, model, batch):
        import paddle

        x, y = (paddle.to_tensor(a) for a in batch)
        return ((model(x) - y) ** 2).mean()

    def evaluate(self, infer):
        return {"score": -float(((infer(self.x) - self.y) ** 2).mean())}

    def write_settings(self, folder):
        (folder / "settings.txt").write_text("line", encoding="utf-8")


def train(folder, steps, cancel_after=None, events=None, judge=None, digest=""):
    import paddle

    from desktop.core.training.loop import LoopSettings, run_loop

    paddle.seed(0)
    names = paddle.utils.unique_name.guard()  # the parameter and moment names a new process would give
    names.__enter__()
    model = paddle.nn.Linear(3, 1)
    cancel = CancelToken(None)
    events = [] if events is None else events

    def emit(event):
        events.append(event)
        if cancel_after and event.get("event") == "progress" and event["step"] == cancel_after:
            cancel.cancel()

    outcome = run_loop(model, LineTask(), LoopSettings(steps, 0.05, Device("cpu"), eval_every=2, judge=judge,
                                                          job_digest=digest),
                       folder, emit, cancel, baseline={"score": -1e9})
    names.__exit__(None, None, None)
    return outcome, model.weight.numpy().copy(), events


def messages(events):
    return [e.get("message", "") for e in events if e["event"] == "log"]


def test_arrays_round_trip_without_pickle(tmp_path):
    arrays = {"linear_0.w_0": np.ones((3, 1), "float32"), "odd/name with spaces": np.arange(4)}
    save_arrays(tmp_path / "a.npz", arrays)
    back = load_arrays(tmp_path / "a.npz")
    assert list(back) == list(arrays) and all(np.array_equal(back[k], arrays[k]) for k in arrays)


def test_resumed_run_ends_where_an_uninterrupted_one_does(tmp_path):
    _, straight, _ = train(tmp_path / "a", 8)
    first, _, _ = train(tmp_path / "b", 8, cancel_after=3)
    assert first.cancelled and first.steps_done == 3
    second, resumed, events = train(tmp_path / "b", 8)
    assert any(m.startswith("resuming at step 3") for m in messages(events))  # saved when cancelled
    assert second.steps_done == 8 and np.allclose(resumed, straight, atol=1e-6)
    folder = tmp_path / "b"
    assert sorted(p.name for p in folder.glob("resume-*")) == ["resume-000006", "resume-000008"]
    assert not list(folder.glob("*.pdparams")) and not list(folder.glob(".*"))


def test_a_damaged_newest_checkpoint_falls_back_to_the_one_before(tmp_path):
    train(tmp_path, 6, cancel_after=5)  # resume points at steps 4 and 5
    (tmp_path / "resume-000005" / "weights.npz").write_bytes(b"")  # as a write cut by kill -9 once left it
    _, _, events = train(tmp_path, 6)
    logged = messages(events)
    assert any("resume-000005 is damaged" in m for m in logged)
    assert any(m.startswith("resuming at step 4") for m in logged)


def test_checkpoints_of_another_job_under_the_same_name_are_not_resumed(tmp_path):
    _, straight, _ = train(tmp_path / "a", 8, digest="new data")
    train(tmp_path / "b", 8, cancel_after=3, digest="old data")  # the job deleted, its folder left
    outcome, weights, events = train(tmp_path / "b", 8, digest="new data")
    assert any("made from other data or settings" in m for m in messages(events))
    assert not any(m.startswith("resuming") for m in messages(events))
    assert outcome.steps_done == 8 and np.allclose(weights, straight, atol=1e-6)
    _, _, events = train(tmp_path / "b", 8, digest="new data")  # its own checkpoints: resumed
    assert any(m.startswith("resuming at step 8") for m in messages(events))


def test_when_every_resume_point_is_damaged_the_fresh_run_keeps_its_own(tmp_path):
    train(tmp_path, 6, cancel_after=5)  # resume points at steps 4 and 5
    for point in ("resume-000004", "resume-000005"):
        (tmp_path / point / "weights.npz").write_bytes(b"")
    first, _, _ = train(tmp_path, 6, cancel_after=3)
    assert first.steps_done == 3
    _, _, events = train(tmp_path, 6)
    assert any(m.startswith("resuming at step 3") for m in messages(events))


def test_a_planted_pickle_is_never_loaded(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    folder = tmp_path / "ck"
    folder.mkdir()
    for name in ("last.state", "last.pdparams", "last.pdopt", "best.pdparams"):
        (folder / name).write_bytes(pickle.dumps(Evil()))
    outcome, _, events = train(folder, 2)
    assert not marker.exists() and outcome.steps_done == 2
    assert any("old-format checkpoints" in m for m in messages(events))
    (folder / "resume-000002" / "weights.npz").write_bytes(pickle.dumps({"w": Evil()}))
    state = json.loads((folder / "resume-000002" / "state.json").read_text())
    state["sha256"].pop("weights.npz")  # even with its checksum gone, np.load refuses the pickle
    (folder / "resume-000002" / "state.json").write_text(json.dumps(state))
    with pytest.raises(ValueError, match="allow_pickle"):
        CheckpointStore(folder)._load(folder / "resume-000002")
    assert not marker.exists()


def test_with_validation_photos_the_checkpoint_kept_is_chosen_by_their_readings(tmp_path):
    """The stage's own score rises at every check; whole photos read best at step 4, and at step 6 one
    instrument reads worse than before: the loop keeps step 4 (issue 21: whole photos decide)."""
    from desktop.core.training.loop import PhotoJudge

    photos = iter([{"accuracy": 0.6, "strict": 0.5, "accuracy@table": 0.5},
                   {"accuracy": 0.7, "strict": 0.6, "accuracy@table": 0.5},
                   {"accuracy": 0.9, "strict": 0.8, "accuracy@table": 0.4}])
    seen = []

    def score(folder):
        seen.append((folder / "settings.txt").read_text(encoding="utf-8"))
        return {**next(photos), "readings": 10}

    before = {"accuracy": 0.5, "strict": 0.4, "accuracy@table": 0.5, "readings": 10}
    outcome, _, events = train(tmp_path, 6, judge=PhotoJudge(score, before))
    assert (outcome.best_step, outcome.best_metric) == (4, 0.7)
    assert seen == ["line"] * 3  # each checkpoint is read as the engine will run it
    assert [e["readings"] for e in events if e["event"] == "metric"] == [0.6, 0.7, 0.9]
    assert "rec step 4: whole photos 70.0% of 10 readings right, 60.0% of photos" in messages(events)


def test_a_checkpoint_file_is_checked_as_a_model_file_is(tmp_path):
    """One checksum check (models/integrity.check_against) for model folders and checkpoints alike."""
    train(tmp_path, 6, cancel_after=5)
    store = CheckpointStore(tmp_path)
    best = store._load(tmp_path / "resume-000005").best_file
    (tmp_path / best).write_bytes(b"flipped")
    with pytest.raises(ValueError, match=f"{best}: damaged: its SHA-256 differs from state.json"):
        store._load(tmp_path / "resume-000005")
