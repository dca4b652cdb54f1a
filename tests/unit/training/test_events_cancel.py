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
