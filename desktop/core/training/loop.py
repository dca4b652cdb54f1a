"""The finetuning loop shared by det and rec: steps, progress events, periodic validation, the best
checkpoint kept, cancel and resume. A task supplies ``batch``, ``loss``, ``evaluate``, ``metric`` and
``write_settings`` (what the engine needs beside the weights)."""
from __future__ import annotations

import shutil
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.models.predictor import predictor_infer
from desktop.core.ocr.device import Device
from desktop.core.training.cancel import CancelToken
from desktop.core.training.checkpoints import CheckpointStore, ResumePoint
from desktop.core.training.events import Emit, log_event, metric_event, progress_event


@dataclass
class PhotoJudge:
    """Whole-photo reading scores of a saved checkpoint (training/screens.py): the figure that decides."""
    score: Callable[[Path], dict]  # checkpoint folder -> scores of the engine reading with it
    before: dict                   # the starting model's


@dataclass
class LoopSettings:
    steps: int
    learning_rate: float
    inference_device: Device
    eval_every: int = 25
    freeze_backbone: bool = False
    seconds: float | None = None  # time budget of the loop, its last validation included
    judge: PhotoJudge | None = None  # with validation photos, checkpoints are chosen by their readings
    job_digest: str = ""  # of the data and settings: checkpoints of another job's are not resumed


@dataclass
class LoopOutcome:
    best_metric: float
    best_step: int
    steps_done: int
    cancelled: bool
    seconds_per_step: dict[str, float] = field(default_factory=dict)
    out_of_time: bool = False


def save_inference_model(model, task, folder: Path) -> None:
    """Save as a Paddle inference model (``inference.json``) that the engine loads unchanged, with the
    settings it is run with (the recogniser's width, the detector's normalisation)."""
    import paddle

    shutil.rmtree(folder, ignore_errors=True)
    paddle.jit.save(model, str(folder / "inference"),
                    input_spec=[paddle.static.InputSpec(task.input_spec_shape, "float32", "x")])
    task.write_settings(folder)


def trainable_parameters(model, freeze_backbone: bool):
    """All parameters, or only those after the backbone (the last third, in program order)."""
    params = list(model.parameters())
    if freeze_backbone:
        for param in params[: 2 * len(params) // 3]:
            param.stop_gradient = True
    return [p for p in params if not p.stop_gradient]


def checkpoint_scores(model, task, scratch: Path, settings: LoopSettings) -> dict[str, dict]:
    """The current weights' scores by section: the stage's own, through Paddle Inference (about 30x
    faster than the dygraph layer), and whole photos read with them when there is a judge."""
    save_inference_model(model, task, scratch)
    sections = {task.stage: task.evaluate(predictor_infer(scratch, settings.inference_device))}
    if settings.judge is not None:
        sections["readings"] = settings.judge.score(scratch)
    return sections


def chased(sections: dict[str, dict], task) -> float:
    """What training chases: whole-photo reading accuracy when photos are judged, else the stage's metric."""
    return sections["readings"]["accuracy"] if "readings" in sections else sections[task.stage][task.metric]


def keeps_every_score(before: dict[str, dict], after: dict[str, dict]) -> bool:
    """No shown score of any section (total or per instrument) below the starting model's: the
    refuse-worse rule."""
    from desktop.core.training.verdict import drops, score_rows

    return not drops(score_rows({name: {"before": before[name], "after": after[name],
                                        "counts": before[name].get("counts", {})} for name in after}))


def better_checkpoint(candidate: tuple[bool, float], best: tuple[bool, float], baseline: float,
                      have_best: bool) -> bool:
    """Is a checkpoint (keeps every score, metric) the one to keep? It must reach the starting metric;
    one that keeps every score beats one that does not, then the higher metric wins (ties: the later)."""
    if candidate[1] < baseline:
        return False
    return not have_best or candidate >= best


def run_loop(model, task, settings: LoopSettings, checkpoints: Path, emit: Emit, cancel: CancelToken,
             baseline: dict) -> LoopOutcome:
    """Train ``model`` in place; on return it holds the best weights seen (or the starting ones).
    ``baseline``: the starting model's validation scores."""
    import paddle

    start = {task.stage: baseline, **({"readings": settings.judge.before} if settings.judge else {})}

    store = CheckpointStore(checkpoints, settings.job_digest)
    params = trainable_parameters(model, settings.freeze_backbone)
    # A short warm-up keeps the first steps from throwing away what the stock weights know.
    schedule = paddle.optimizer.lr.LinearWarmup(
        paddle.optimizer.lr.CosineAnnealingDecay(settings.learning_rate, T_max=settings.steps),
        warmup_steps=max(1, settings.steps // 20), start_lr=settings.learning_rate / 10,
        end_lr=settings.learning_rate)
    optimizer = paddle.optimizer.Adam(learning_rate=schedule, parameters=params,
                                      grad_clip=paddle.nn.ClipGradByGlobalNorm(5.0))
    resumed = store.latest(lambda message: emit(log_event(f"{task.stage}: {message}")))
    if resumed is None:  # the starting weights are the best until a step beats them
        start_step, best, best_step, best_keeps = 0, chased(start, task), 0, False
        best_file = store.save_best(0, _arrays(model.state_dict()))
    else:
        model.set_state_dict(_tensors(resumed.weights))
        with warnings.catch_warnings():  # LinearWarmup's nested state makes Paddle warn of "unused values"
            warnings.simplefilter("ignore", UserWarning)
            optimizer.set_state_dict({**_tensors(resumed.optimizer), "LR_Scheduler": resumed.schedule})
        start_step, best, best_step = resumed.step, resumed.best, resumed.best_step
        best_file, best_keeps = resumed.best_file, resumed.best_keeps
        emit(log_event(f"resuming at step {start_step} (best so far {best:.4f} at step {best_step})"))
    spent = {"data": 0.0, "forward": 0.0, "backward": 0.0}
    model.train()
    step = start_step
    run_started = time.perf_counter()
    evaluation_seconds = 0.0
    out_of_time = False
    while step < settings.steps and not cancel.cancelled and not out_of_time:
        t0 = time.perf_counter()
        batch = task.batch(step)
        t1 = time.perf_counter()
        loss = task.loss(model, batch)
        t2 = time.perf_counter()
        loss.backward()
        optimizer.step()
        optimizer.clear_grad()
        schedule.step()
        t3 = time.perf_counter()
        for key, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2)):
            spent[key] += seconds
        step += 1
        rate = (time.perf_counter() - run_started) / (step - start_step)
        emit(progress_event(task.stage, step, settings.steps, float(loss), rate * (settings.steps - step)))
        out_of_time = _out_of_time(settings.seconds, time.perf_counter() - run_started,
                                   (time.perf_counter() - run_started) / (step - start_step), evaluation_seconds)
        if step % settings.eval_every == 0 or step == settings.steps or out_of_time:
            evaluated = time.perf_counter()
            sections = checkpoint_scores(model, task, checkpoints / "scratch", settings)
            evaluation_seconds = time.perf_counter() - evaluated
            _report(sections, task, step, emit)
            keeps = keeps_every_score(start, sections)
            if better_checkpoint((keeps, chased(sections, task)), (best_keeps, best), chased(start, task),
                                 best_step > 0):
                best, best_step, best_keeps = chased(sections, task), step, keeps
                best_file = store.save_best(step, _arrays(model.state_dict()))
            store.save_resume(_resume_point(model, optimizer, schedule, step, best, best_step, best_file, best_keeps))
    cancelled = step < settings.steps and not out_of_time
    if out_of_time:
        emit(log_event(f"{task.stage}: stopped after step {step} of {settings.steps}: its time budget "
                       f"({settings.seconds / 60:.0f} min) is spent; keeping the best checkpoint (step {best_step})"))
    if cancelled:
        emit(log_event(f"{task.stage}: cancelled after step {step}; keeping the best checkpoint (step {best_step})"))
        store.save_resume(_resume_point(model, optimizer, schedule, step, best, best_step, best_file, best_keeps))
    model.set_state_dict(_tensors(store.load_best(best_file)))
    done = max(step - start_step, 1)
    return LoopOutcome(best, best_step, step, cancelled, {k: v / done for k, v in spent.items()}, out_of_time)


def _report(sections: dict[str, dict], task, step: int, emit: Emit) -> None:
    readings = sections.get("readings")
    emit(metric_event(task.stage, task.metric, sections[task.stage][task.metric], f"step {step}", split="val",
                      **({"readings": round(readings["accuracy"], 5)} if readings else {})))
    if readings:
        emit(log_event(f"{task.stage} step {step}: whole photos {readings['accuracy']:.1%} of "
                       f"{readings['readings']} readings right, {readings['strict']:.1%} of photos"))


def _out_of_time(budget: float | None, spent: float, per_step: float, evaluation: float) -> bool:
    """Would one more step and a validation after it overrun the budget?"""
    return budget is not None and spent + per_step + max(evaluation, per_step) > budget


def _arrays(state: dict) -> dict:
    """Tensors as numpy arrays; the optimizer's non-tensor entries (its scheduler) are kept apart."""
    return {name: value.numpy() for name, value in state.items() if hasattr(value, "numpy")}


def _tensors(arrays: dict) -> dict:
    import paddle

    return {name: paddle.to_tensor(value) for name, value in arrays.items()}


def _resume_point(model, optimizer, schedule, step: int, best: float, best_step: int, best_file: str,
                  best_keeps: bool) -> ResumePoint:
    return ResumePoint(step, best, best_step, best_file, schedule.state_dict(), _arrays(model.state_dict()),
                       _arrays(optimizer.state_dict()), best_keeps)
