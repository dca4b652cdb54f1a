"""A stand-in for `lcdreader train` in GUI tests: speaks the same JSON lines, honours the cancel file
and SIGTERM, and registers a fake model version. No Paddle: it runs in a fraction of a second.

Usage: python fake_train.py JOB.json. FAKE_TRAIN_SCENARIO: "better" (default), "worse", "characters"
(text read exactly rises, characters right falls 1.1 points), "instrument" (better in total, worse on
one instrument), "photos" (as "characters", with whole photos read better beside it and one
instrument's photos one reading lower), "fail";
FAKE_TRAIN_DELAY: seconds per step (default 0.02).
"""
from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

stop = False


def on_term(_signum, _frame):
    global stop
    stop = True


def emit(event: dict) -> None:
    print(json.dumps(event, ensure_ascii=False), flush=True)


def fake_version(name: str, before: float, after: float) -> None:
    from desktop.core.models.registry import add_version

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "rec").mkdir()
        (Path(tmp) / "rec" / "inference.json").write_text("{}", encoding="utf-8")
        (Path(tmp) / "rec" / "inference.pdiparams").write_bytes(b"0")
        add_version(name, Path(tmp), {"base_model": "pp-ocrv4", "created": "2025-01-02T03:04:05+00:00",
                                      "metrics": {"rec": {"metric": "accuracy", "before": {"accuracy": before},
                                                          "after": {"accuracy": after}}}})


def main() -> int:
    from desktop.core.training.verdict import drops, gains, score_rows, scored_sections

    signal.signal(signal.SIGTERM, on_term)
    job = json.loads(Path(sys.argv[-1]).read_text(encoding="utf-8"))
    scenario = os.environ.get("FAKE_TRAIN_SCENARIO", "better")
    delay = float(os.environ.get("FAKE_TRAIN_DELAY", "0.02"))
    cancel = Path(job["cancel_file"]) if job.get("cancel_file") else None
    print("W0101 paddle noise on stderr", file=sys.stderr, flush=True)
    emit({"event": "log", "message": f"loading data for '{job['name']}'"})
    if scenario == "fail":
        emit({"event": "error", "message": "out of memory: use a smaller batch size"})
        return 1
    before, after = {"better": (0.62, 0.88), "characters": (0.80, 0.85), "photos": (0.80, 0.85),
                     "instrument": (0.62, 0.88), "accepted": (0.62, 0.88)}.get(scenario, (0.80, 0.71))
    instrument = (0.5, 0.3) if scenario == "instrument" else (0.5, 0.9)
    characters = (0.970, 0.959) if scenario in ("characters", "photos") else (0.9, 0.95)
    readings = {"metric": "accuracy", "counts": {"thermo-hygrometer": 15},  # one reading of 15 lost there
                "before": {"accuracy": 0.64, "strict": 0.52, "accuracy@thermo-hygrometer": 13 / 15},
                "after": {"accuracy": 0.885, "strict": 0.83, "accuracy@thermo-hygrometer": 12 / 15}} \
        if scenario == "photos" else None
    if scenario == "level":  # the stage scores rose, the photos read no better, and time ran out
        readings = {"metric": "accuracy", "counts": {}, "before": {"accuracy": 0.8, "strict": 0.7},
                    "after": {"accuracy": 0.8, "strict": 0.7}}
    stages, cancelled = {}, False
    for stage in job["tasks"]:
        planned = job[stage]["steps"]
        steps = planned // 2 if scenario == "level" else planned
        emit({"event": "metric", "stage": stage, "name": "accuracy", "value": before, "when": "before", "split": "val"})
        step = 0
        while step < steps:
            if stop or (cancel is not None and cancel.exists()):
                cancelled = True
                break
            time.sleep(delay)
            step += 1
            emit({"event": "progress", "stage": stage, "step": step, "steps": steps, "loss": 3.0 / step,
                  "eta_s": delay * (steps - step)})
            if step % 5 == 0 or step == steps:
                emit({"event": "metric", "stage": stage, "name": "accuracy", "value": before + (after - before) * step / steps,
                      "when": f"step {step}", "split": "val"})
        emit({"event": "metric", "stage": stage, "name": "accuracy", "value": after, "when": "after", "split": "val"})
        stages[stage] = {"metric": "accuracy", "before": {"accuracy": before, "norm_edit_dis": characters[0],
                                                           "accuracy@smoke-dust-sampler": instrument[0]},
                         "after": {"accuracy": after, "norm_edit_dis": characters[1],
                                   "accuracy@smoke-dust-sampler": instrument[1]}, "best_step": max(step, 1),
                         "steps_done": step, "steps_planned": planned, "out_of_time": step < planned and not cancelled,
                         "minutes": 15.0, "seconds_per_step": {},
                         "changed_examples": [{"expected": "100.07", "before": "10007", "after": "100.07"},
                                              {"expected": "-1.25", "before": "8.8.25", "after": "-1.25"}]}
        if cancelled:
            break
    name = job["name"]
    fake_version(name, before, after)
    rows = score_rows(scored_sections({"stages": stages, "readings": readings}))
    accepted = [screen for source in job["val"] if source["format"] == "accepted"
                for screen in Path(source["path"]).read_text(encoding="utf-8").splitlines()]
    regressions = [{"image": json.loads(line)["image"], "expected": "电压 5.00 V", "after": "电压 5.08 V"}
                   for line in accepted] if scenario == "accepted" else []
    activated = not drops(rows) and bool(gains(rows)) and not regressions  # the runner's rule
    if activated:
        from desktop.core.models.registry import activate

        activate(name)
    emit({"event": "done", "name": name, "stages": stages, **({"readings": readings} if readings else {}),
          "data": {"rec_train": 40, "rec_val": 12, "det_train": 0, "det_val": 0},
          "cancelled": cancelled, "seconds": 1.0, "model": name, "activated": activated,
          "gained": bool(gains(rows)), "regressions": regressions,
          "reason": "activated" if activated else "kept the current model: the new one scored lower on validation"})
    return 3 if cancelled else 0


if __name__ == "__main__":
    sys.exit(main())
