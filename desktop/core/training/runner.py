"""Run one training job end to end: data, before-scores, finetune each stage, save, after-scores,
register the new version, and activate it only when it is not worse (unless told otherwise)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.training.cancel import CancelToken
from desktop.core.training.events import Emit, done_event, log_event, metric_event
from desktop.core.training.payload import TrainJob, learning_rate_for


def training_device(request: str) -> str:
    from desktop.core.ocr.device import choose_device

    return "gpu" if choose_device(request).kind == "gpu" else "cpu"


def make_task(stage: str, job: TrainJob, data, dictionary: list[str], base):
    from desktop.core.models.model_files import read_det_input, read_min_width
    from desktop.core.training.det_task import DetTask
    from desktop.core.training.rec_task import RecTask

    settings = getattr(job, stage)
    if stage == "rec":
        min_width = job.rec_min_width or read_min_width(base.rec_dir)
        return RecTask(data.rec_train, data.rec_val, dictionary, settings.batch_size, job.seed, min_width)
    return DetTask(data.det_train, data.det_val, settings.batch_size, seed=job.seed,
                   run=read_det_input(base.det_dir))


def run_job(job: TrainJob, emit: Emit, cancel: CancelToken) -> dict:
    # oneDNN must be off while training (it aborts backward passes); predictors still enable it.
    os.environ["FLAGS_use_mkldnn"] = "0"
    import paddle

    from desktop.core.models.convert import trainable_copy
    from desktop.core.models.model_files import load_dictionary
    from desktop.core.models.predictor import predictor_infer
    from desktop.core.models.registry import resolve_model
    from desktop.core.ocr.device import choose_device
    from desktop.core.training.job_data import load_job_data
    from desktop.core.training.loop import LoopSettings, PhotoJudge, run_loop, save_inference_model

    started = time.perf_counter()
    paddle.seed(job.seed)
    device = training_device(job.device)
    paddle.set_device(device)
    inference_device = choose_device("cpu" if device == "cpu" else "gpu")
    base = resolve_model(job.base_model)
    _check_name_free(job)
    work = _work_dir(job)
    output = work / "model"
    emit(log_event(f"loading data for '{job.name}' (base model {base.name}, training on {device})"))
    data = load_job_data(job)
    emit(log_event("data: " + ", ".join(f"{k} {v}" for k, v in data.summary().items() if k != "sha256")))
    for message in data.skipped[:20]:
        emit(log_event(f"skipped: {message}"))
    dictionary = load_dictionary(base.keys_path)
    read_started = time.perf_counter()
    readings_before = _reading_scores(base, data.screens, inference_device, emit, "current model")
    reading_seconds = time.perf_counter() - read_started
    stages: dict[str, dict] = {}
    cancelled = False
    for stage in job.tasks:
        stage_started = time.perf_counter()
        task_data = data
        if stage == "det" and job.unlabeled_text != "background":
            task_data = _base_text_marked(base, inference_device, data, job.unlabeled_text == "kept", emit)
        if stage == "rec":
            data.rec_train, data.rec_val = _cut_as_detected(base, inference_device, data, emit)
        task = make_task(stage, job, task_data, dictionary, base)
        if not task.train or not task.val:
            emit(log_event(f"{stage}: skipped, it needs training and validation samples"))
            continue
        model_dir = base.rec_dir if stage == "rec" else base.det_dir
        scored = time.perf_counter()
        before = task.evaluate(predictor_infer(model_dir, inference_device))
        scoring = time.perf_counter() - scored
        emit(metric_event(stage, task.metric, before[task.metric], "before", split="val"))
        model = paddle.jit.load(str(trainable_copy(model_dir) / "inference"))
        settings = getattr(job, stage)
        settings = replace(settings, learning_rate=learning_rate_for(stage, settings, base))
        setattr(job, stage, settings)  # the model's metadata records the rate it was trained at
        emit(log_event(f"{stage}: learning rate {settings.learning_rate:g}"))
        judge = None if readings_before is None else \
            PhotoJudge(_photo_scorer(base, stage, data.screens, inference_device), readings_before)
        outcome = run_loop(model, task, LoopSettings(settings.steps, settings.learning_rate, inference_device,
                                                     job.eval_every, settings.freeze_backbone,
                                                     _loop_seconds(job, stage_started, scoring + reading_seconds),
                                                     judge, _job_digest(job, stage, data, base)),
                           work / "checkpoints" / stage, emit, cancel, before)
        stage_dir = output / stage
        save_inference_model(model, task, stage_dir)
        if base.family == "pp-ocrv4":  # the only family shipped as a legacy program
            _legacy_for_speed(stage, stage_dir, emit)
        after = task.evaluate(predictor_infer(stage_dir, inference_device))
        emit(metric_event(stage, task.metric, after[task.metric], "after", split="val"))
        stages[stage] = {
            "metric": task.metric, "before": _scores(before), "after": _scores(after),
            "best_step": outcome.best_step, "steps_done": outcome.steps_done, "steps_planned": settings.steps,
            "out_of_time": outcome.out_of_time, "minutes": job.stage_minutes,
            "seconds": round(time.perf_counter() - stage_started, 1),
            "seconds_per_step": {k: round(v, 3) for k, v in outcome.seconds_per_step.items()},
            "changed_examples": _changed_examples(before, after),
        }
        if outcome.cancelled:
            cancelled = True
            break
    candidate = _candidate(job, base, output, stages)
    readings = None
    if readings_before is not None and candidate is not None:
        after = _reading_scores(candidate, data.screens, inference_device, emit, "new model")
        readings = {"metric": "accuracy", "screens": len(data.screens), "counts": readings_before["counts"],
                    "before": _scores(readings_before), "after": _scores(after),
                    "changed_examples": _changed_examples(readings_before, after)}
    regressions = _accepted_read_differently(base, candidate, data.accepted, inference_device, emit)
    result = {"name": job.name, "stages": stages, "readings": readings, "data": data.summary(),
              "regressions": regressions, "cancelled": cancelled, "seconds": round(time.perf_counter() - started, 1)}
    result.update(_register(job, base, output, stages, readings, data.summary(), device, regressions))
    emit(done_event(**result))
    return result


def _accepted_read_differently(base, candidate, accepted: list, device, emit: Emit) -> list[dict]:
    """The photos the technician accepted as read that the new model reads otherwise (accepted.py)."""
    from desktop.core.training.accepted import read_differently

    if candidate is None or not accepted:
        return []
    changed = read_differently(_read_screens(base, accepted, device), _read_screens(candidate, accepted, device))
    emit(log_event(f"photos accepted as read: the new model reads {len(changed)} of {len(accepted)} differently"))
    return changed


def _loop_seconds(job: TrainJob, stage_started: float, scoring: float) -> float | None:
    """What is left of the stage's time for the loop: the final scoring (the stage's and whole photos)
    and saving (about one more scoring, with the program conversions) still have to fit."""
    if job.stage_minutes is None:
        return None
    spent = time.perf_counter() - stage_started
    return max(job.stage_minutes * 60 - spent - 2 * scoring - 20, 0.0)


def _photo_scorer(base, stage: str, screens: list, device):
    """Whole-photo reading scores of the engine with a checkpoint of ``stage`` in place of the base's."""
    return lambda folder: _read_screens(replace(base, **{f"{stage}_dir": folder}), screens, device)


def _read_screens(model, screens: list, device) -> dict:
    from desktop.core.ocr.engine import OcrEngine
    from desktop.core.training.screens import score_screens

    return score_screens(OcrEngine(model, device=device.kind), screens)


def _base_text_marked(base, device, data, keep: bool, emit: Emit):
    """The job's data with the text the base detector finds and no label covers added to its det items
    (det_task.py): taught as text (``keep``) or left out of the loss (unknown)."""
    from desktop.core.models.model_files import read_det_input
    from desktop.core.training.det_task import mark_base_text

    detector, ratio = _base_detector(base, device), read_det_input(base.det_dir).unclip_ratio
    marked = replace(data, det_train=mark_base_text(data.det_train, detector, keep, ratio),
                     det_val=mark_base_text(data.det_val, detector, keep, ratio))
    added = sum(len(new.regions) - len(old.regions)
                for new, old in zip(marked.det_train + marked.det_val, data.det_train + data.det_val))
    partial = sum(not item.complete for item in marked.det_train + marked.det_val)
    emit(log_event(f"det: {added} boxes of text the current detector finds beyond the labels on {partial} "
                   "labeled photos " + ("are kept as text, with all it finds around the labels, so that it does not "
                                        "unlearn them" if keep
                                        else "are left out of the loss (unknown, not background)")))
    return marked


def _cut_as_detected(base, device, data, emit: Emit) -> tuple[list, list]:
    """Rec crops of det-labeled photos cut from the base detector's boxes, as the engine cuts (rec_crops.py)."""
    from desktop.core.training.rec_crops import crops_as_detected, recut

    detect, read = _base_detector(base, device).detect, _base_reader(base, device)
    crops = crops_as_detected(data.det_train + data.det_val, detect, read)
    names = {item.name: item.text for item in data.rec_train + data.rec_val}
    beyond = sum(text != names.get(name, text) for name, (_crop, text) in crops.items())
    emit(log_event(f"rec: {len(crops)} labeled text regions cut from the detector's own boxes, as the engine "
                   f"cuts them (the others from their labeled boxes); {beyond} of them taught with what the "
                   "current model reads beside the label in the same box (a unit nobody boxed)"))
    return recut(data.rec_train, crops), recut(data.rec_val, crops)


def _base_reader(base, device):
    """crops -> texts, as the base recogniser reads them."""
    from desktop.core.models.model_files import load_dictionary, read_min_width
    from desktop.core.models.predictor import predictor_infer
    from desktop.core.ocr.recognizer import TextRecognizer

    recognizer = TextRecognizer(predictor_infer(base.rec_dir, device), load_dictionary(base.keys_path),
                                min_width=read_min_width(base.rec_dir))
    return lambda crops: [text for text, _score in recognizer.recognize(crops)]


def _base_detector(base, device):
    from desktop.core.models.model_files import read_det_input
    from desktop.core.models.predictor import predictor_infer
    from desktop.core.ocr.detector import TextDetector

    return TextDetector(predictor_infer(base.det_dir, device), run=read_det_input(base.det_dir))


def _legacy_for_speed(stage: str, stage_dir: Path, emit: Emit) -> None:
    """Rewrite a trained model as the legacy program (faster on the CPU, legacy_export.py).
    Only an optimisation: whatever happens, the trained model stays."""
    from desktop.core.models.legacy_export import to_legacy_program
    from desktop.core.models.model_files import base_model_set

    try:
        converted = to_legacy_program(stage_dir, getattr(base_model_set(), f"{stage}_dir"))
        reason = "its weights do not fit"
    except Exception as exc:  # noqa: BLE001  (any failure: keep the saved model)
        converted, reason = False, f"{type(exc).__name__}: {str(exc)[:200]}"
    if not converted:
        emit(log_event(f"{stage}: kept in Paddle 3 format, slower on the CPU ({reason})"))


def _trained(stages: dict) -> dict:
    """The stages a new version takes from this run: those where some step beat the starting model."""
    return {stage: info for stage, info in stages.items() if info["best_step"] > 0}


def _candidate(job: TrainJob, base, output: Path, stages: dict):
    """The model the run would register (its trained stages over the base), or None."""
    trained = _trained(stages)
    if not trained:
        return None
    return replace(base, name=job.name, **{f"{stage}_dir": output / stage for stage in trained})


def _reading_scores(model, screens: list, device, emit: Emit, label: str) -> dict | None:
    """Whole-screen reading accuracy of one model (the full engine: detection, recognition, pairing)."""
    if not screens:
        return None
    scores = _read_screens(model, screens, device)
    emit(log_event(f"whole screens, {label}: {scores['accuracy']:.1%} of {scores['readings']} confirmed "
                   f"readings right on {scores['screens']} screens"))
    return scores


def _scores(scores: dict) -> dict:
    return {k: round(v, 5) for k, v in scores.items() if isinstance(v, float)}


def _changed_examples(before: dict, after: dict, limit: int = 12) -> list[dict]:
    pairs = zip(before.get("examples", []), after.get("examples", []))
    return [{"expected": expected, "before": old, "after": new}
            for (expected, old), (_, new) in pairs if old != new][:limit]


def _job_digest(job: TrainJob, stage: str, data, base) -> str:
    """What a stage's checkpoints are made from: its data, its settings and the model it starts from.
    A run resumes only checkpoints with the same digest (a reused job name with other data starts afresh)."""
    made_from = {"data": data.digest, "stage": stage, "settings": vars(getattr(job, stage)), "base": base.name,
                 "family": base.family, "seed": job.seed, "rec_min_width": job.rec_min_width,
                 "unlabeled_text": job.unlabeled_text, "eval_every": job.eval_every}
    return hashlib.sha256(json.dumps(made_from, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _same_job(job: TrainJob) -> bool:
    """Is the version named like this job the one an earlier (cancelled) run of this job registered?"""
    from desktop.core.models.errors import ModelError
    from desktop.core.models.registry import find_version

    try:
        version = find_version(job.name)
    except ModelError:
        return False
    return not version.bundled and version.metadata.get("job_work_dir") == str(_work_dir(job))


def _check_name_free(job: TrainJob) -> None:
    """Before any work: the version this job registers must not take the name of another one."""
    from desktop.core.models.errors import ModelError
    from desktop.core.paths import user_models_dir

    if (user_models_dir() / job.name).exists() and not _same_job(job):
        raise ModelError(f"a model named '{job.name}' exists already: give the job another name")


def _work_dir(job: TrainJob) -> Path:
    from desktop.core.paths import data_dir

    return Path(job.work_dir) if job.work_dir else data_dir() / "jobs" / job.name


def _register(job: TrainJob, base, output: Path, stages: dict, readings: dict | None, data: dict,
              device: str, regressions: list[dict] = ()) -> dict:
    from desktop.core.models.builtin import is_stock_part
    from desktop.core.models.registry import activate, add_version
    from desktop.core.training.verdict import drops, gains, score_rows, scored_sections

    trained = _trained(stages)
    if not trained:
        return {"model": None, "activated": False, "reason": "no step improved on the starting model"}
    for stage in ("det", "rec"):
        if stage in trained:
            continue
        shutil.rmtree(output / stage, ignore_errors=True)
        if not is_stock_part(base, stage):  # keep what the base version had finetuned
            shutil.copytree(getattr(base, f"{stage}_dir"), output / stage)
    scored = scored_sections({"stages": trained, "readings": readings})  # readings: whole screens
    rows = score_rows(scored)
    dropped = drops(rows)
    informing = "; ".join(row.describe() for row in rows if row.dropped and not row.decides)
    metadata = {
        "base_model": base.name, "family": base.family, "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "device": device, "data": data, "job_work_dir": str(output.parent),
        "parameters": {stage: vars(getattr(job, stage)) for stage in trained},
        "metrics": {stage: {"metric": i["metric"], "before": i["before"], "after": i["after"]}
                    for stage, i in scored.items()},
    }
    version = add_version(job.name, output, metadata, replace=_same_job(job))
    gained = gains(rows)
    should_activate = job.activate == "always" or (job.activate == "if_not_worse" and not dropped and bool(gained)
                                                    and not regressions)
    if should_activate:
        activate(version.name)
    lower = "; ".join(row.describe() for row in dropped)
    if should_activate and dropped:
        reason = f"activated as asked (activate: always), although it scored lower on {lower}"
    elif job.activate == "if_not_worse" and not dropped and regressions:
        reason = (f"kept the current model: the new one reads {len(regressions)} photo(s) you accepted as read "
                  "differently; look at them before you use it")
    elif job.activate == "if_not_worse" and not dropped and not gained:
        reason = "kept the current model: the new one reads the validation photos no better (no deciding score rose)"
    elif should_activate:
        reason = (f"activated: whole photos read no worse (lower, not deciding: {informing})" if informing
                  else "activated: no score dropped")
    elif dropped:
        reason = f"kept the current model: the new one scored lower on {lower}"
    else:
        reason = "not activated (activate: never)"
    return {"model": version.name, "activated": should_activate, "reason": reason, "gained": bool(gained),
            "dropped": [{"section": r.section, "score": r.key, "before": r.before, "after": r.after} for r in dropped]}
