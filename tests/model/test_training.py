"""A real, tiny finetune through the `train` sub-command: events, registration, cancel and resume."""
import json
import os
import subprocess
import sys

import pytest

from desktop.core.models.model_files import read_min_width
from desktop.core.training.launch import train_command
from tests.model.conftest import sample

pytestmark = [pytest.mark.model, pytest.mark.slow]


def write_job(tmp_path, **overrides) -> str:
    job = {"name": "smoke", "tasks": ["rec"], "synthetic_screens": 4, "general_text_fraction": 0.3,
           "rec": {"steps": 2, "batch_size": 4}, "eval_every": 2, "device": "cpu",
           "work_dir": str(tmp_path / "work"), **overrides}
    path = tmp_path / "job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    return str(path)


def run_events(command, env, stop_after_progress: int | None = None):
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    events = []
    for line in process.stdout:
        event = json.loads(line)
        events.append(event)
        if stop_after_progress and event["event"] == "progress" and event["step"] == stop_after_progress:
            process.terminate()  # SIGTERM: stop after the current step, keep the best checkpoint
    return process.wait(timeout=300), events


@pytest.fixture
def env(isolated_data_dir):
    return {**os.environ, "LCDREADER_HOME": str(isolated_data_dir)}


def test_tiny_finetune_speaks_json_lines_and_registers_a_model(tmp_path, env):
    code, events = run_events(train_command(write_job(tmp_path, activate="always", rec_min_width=160)), env)
    kinds = [e["event"] for e in events]
    assert code == 0 and kinds[-1] == "done", events[-3:]
    progress = [e for e in events if e["event"] == "progress"]
    assert [p["step"] for p in progress] == [1, 2] and all(p["steps"] == 2 for p in progress)
    assert {"before", "after"} <= {e["when"] for e in events if e["event"] == "metric"}
    done = events[-1]
    assert done["stages"]["rec"]["steps_done"] == 2 and set(done["stages"]["rec"]["seconds_per_step"]) == \
        {"data", "forward", "backward"}
    assert read_min_width(tmp_path / "work" / "model" / "rec") == 160  # the engine pads as training did
    if done["model"]:  # a 2-step run may not beat the stock weights; then nothing is registered
        listed = subprocess.run([sys.executable, "-m", "desktop.cli", "models", "list"], env=env,
                                capture_output=True, text=True, check=True).stdout
        assert "* smoke" in listed


def test_a_finetuned_detector_is_saved_as_the_faster_legacy_program(tmp_path, env):
    payload = write_job(tmp_path, tasks=["det"], det={"steps": 1, "batch_size": 2}, eval_every=1,
                        activate="always", base_model="pp-ocrv4")
    code, events = run_events(train_command(payload), env)
    assert code == 0 and events[-1]["event"] == "done", events[-3:]
    det = events[-1]["stages"]["det"]
    assert det["steps_done"] == 1 and "hmean" in det["after"]  # scored through the rewritten program
    if events[-1]["model"]:
        folder = tmp_path / "work" / "model" / "det"
        assert sorted(p.name for p in folder.iterdir()) == ["inference.pdiparams", "inference.pdmodel", "input.yaml"]


def test_pp_ocrv6_trains_both_stages_and_the_result_reads(tmp_path, env):
    """PP-OCRv6, converted from the wheel, is finetuned like any base: its detector keeps its own way of
    being run (normalisation, post-processing), and the registered version loads and reads."""
    from desktop.core.models.model_files import read_det_input
    from desktop.core.models.ppocrv6.prepare import DET_INPUT

    payload = write_job(tmp_path, tasks=["det", "rec"], base_model="pp-ocrv6", det={"steps": 1, "batch_size": 2},
                        rec={"steps": 1, "batch_size": 4}, eval_every=1, activate="always", stage_minutes=None)
    code, events = run_events(train_command(payload), env)
    assert code == 0 and events[-1]["event"] == "done", events[-3:]
    assert set(events[-1]["stages"]) == {"det", "rec"}
    assert read_det_input(tmp_path / "work" / "model" / "det") == DET_INPUT
    if events[-1]["model"]:
        read = subprocess.run([sys.executable, "-m", "desktop.cli", "read", "--model", "smoke",
                               str(sample("sampler_lcd.png"))], env=env, capture_output=True, text=True)
        result = json.loads(read.stdout)  # one step of training may misread it; it must load and read
        assert read.returncode == 0 and result["model"] == "smoke" and result["boxes"], read.stderr[-500:]


def test_cancel_keeps_the_best_and_resume_continues(tmp_path, env):
    payload = write_job(tmp_path, rec={"steps": 4, "batch_size": 4}, eval_every=1, activate="never")
    code, events = run_events(train_command(payload), env, stop_after_progress=1)
    assert code == 3 and events[-1]["event"] == "done" and events[-1]["cancelled"] is True
    assert any("cancelled after step" in e.get("message", "") for e in events)
    code, events = run_events(train_command(payload), env)
    assert code == 0 and events[-1]["cancelled"] is False
    assert any(e.get("message", "").startswith("resuming at step") for e in events)
    assert events[-1]["stages"]["rec"]["steps_done"] == 4


def test_bad_payload_is_one_error_event(tmp_path, env):
    path = tmp_path / "job.json"
    path.write_text('{"name": "x", "tasks": ["cls"]}', encoding="utf-8")
    result = subprocess.run(train_command(path), env=env, capture_output=True, text=True)
    assert result.returncode == 2
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["event"] for e in events] == ["log", "error"]  # "loading the training libraries", then why not
    assert "'tasks'" in events[-1]["message"]
