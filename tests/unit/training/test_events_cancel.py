import io
import json
import os
import signal

from desktop.core.training.cancel import CancelToken
from desktop.core.training.events import json_lines_emitter, metric_event, progress_event


def test_events_are_json_lines_with_stable_keys():
    stream = io.StringIO()
    emit = json_lines_emitter(stream)
    emit(progress_event("rec", 10, 200, 0.31234567, 95.04))
    emit(metric_event("rec", "accuracy", 0.9, "before", split="val"))
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first == {"event": "progress", "stage": "rec", "step": 10, "steps": 200, "loss": 0.31235, "eta_s": 95.0}
    assert second == {"event": "metric", "stage": "rec", "name": "accuracy", "value": 0.9, "when": "before",
                      "split": "val"}


def test_cancel_by_file_and_by_sigterm(tmp_path):
    token = CancelToken(tmp_path / "stop")
    assert not token.cancelled
    (tmp_path / "stop").touch()
    assert token.cancelled
    previous = signal.getsignal(signal.SIGTERM)
    try:
        token = CancelToken()
        token.cancel_on_sigterm()
        os.kill(os.getpid(), signal.SIGTERM)
        assert token.cancelled
    finally:
        signal.signal(signal.SIGTERM, previous)


def _train(payload, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    job = tmp_path / "job.json"
    job.write_text(json.dumps(payload), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", "train", "--payload", str(job)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_payload_of_wrong_types_gives_an_error_event(tmp_path):
    proc = _train({"name": "x", "steps": "10", "tasks": 5, "rec": {"steps": "10"}}, tmp_path)
    out, err = proc.communicate(timeout=120)
    events = [json.loads(line) for line in out.splitlines()]
    assert proc.returncode == 2 and "Traceback" not in err
    assert events[-1]["event"] == "error" and "'tasks' must be a list, not int" in events[-1]["message"]


def test_sigterm_before_training_begins_gives_an_event(tmp_path):
    proc = _train({"name": "x", "synthetic_screens": 10}, tmp_path)
    assert json.loads(proc.stdout.readline())["event"] == "log"  # the handler is in place from here on
    proc.send_signal(signal.SIGTERM)
    out, _err = proc.communicate(timeout=120)
    events = [json.loads(line) for line in out.splitlines()]
    assert proc.returncode == 3
    assert events[-1]["event"] == "error" and "stopped before training began" in events[-1]["message"]
