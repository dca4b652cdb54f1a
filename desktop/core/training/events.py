"""What a training run tells its caller: progress, metrics, the end. JSON Lines on stdout in `train`.

The GUI wizard reads these lines through QProcess; tests read them too. Keep the keys stable.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable

Emit = Callable[[dict], None]
GROUP_SEPARATOR = "@"  # score key "hmean@ammeter": a score on one group (instrument) alone
GROUP_ACCURACY = "accuracy" + GROUP_SEPARATOR


def group_key(metric: str, group: str) -> str:
    return f"{metric}{GROUP_SEPARATOR}{group}"


def split_group_key(key: str) -> tuple[str, str | None]:
    """("hmean", "ammeter") for "hmean@ammeter"; (key, None) for a score on everything."""
    metric, separator, group = key.partition(GROUP_SEPARATOR)
    return (metric, group) if separator else (key, None)


def progress_event(stage: str, step: int, steps: int, loss: float, eta_s: float, **extra) -> dict:
    return {"event": "progress", "stage": stage, "step": step, "steps": steps,
            "loss": round(float(loss), 5), "eta_s": round(float(eta_s), 1), **extra}


def metric_event(stage: str, name: str, value: float, when: str, **extra) -> dict:
    """``when``: "before" (the starting model), "after" (the saved model) or "step N"."""
    return {"event": "metric", "stage": stage, "name": name, "value": round(float(value), 5),
            "when": when, **extra}


def log_event(message: str) -> dict:
    return {"event": "log", "message": message}


def done_event(**result) -> dict:
    return {"event": "done", **result}


def error_event(message: str) -> dict:
    return {"event": "error", "message": message}


def json_lines_emitter(stream=None) -> Emit:
    out = stream or sys.stdout

    def emit(event: dict) -> None:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        out.flush()

    return emit
