"""What the finetune wizard offers: "quick" and "thorough" settings, how much data is enough, and
how long a run will take on this PC. Pure Python, no Qt.

Times were measured on a 2-core lab PC: recognition about 9 s per step at batch 16 (~0.56 s per
sample), detection 2-3 s per step at batch 4 (~0.6 s per sample). GPU speed is not measured.
"""
from __future__ import annotations

import os

from desktop.core.training.payload import DEFAULT_STEPS, StageSettings, TrainJob

PRESETS: dict[str, dict[str, StageSettings]] = {
    "quick": {"rec": StageSettings(60, 16), "det": StageSettings(30, 4)},
    "thorough": {"rec": StageSettings(DEFAULT_STEPS["rec"], 16), "det": StageSettings(DEFAULT_STEPS["det"], 4)},
}

# seconds per training sample on the measured 2-core CPU
SECONDS_PER_SAMPLE = {"rec": 9.0 / 16, "det": 2.5 / 4}
# seconds to score one validation sample (predictor inference), and a fixed start-up cost
SECONDS_PER_VAL_SAMPLE = {"rec": 0.02, "det": 0.4}
SECONDS_PER_SYNTHETIC_SCREEN = 0.05
STARTUP_SECONDS = 25.0
# Whole-screen reading accuracy, before and after: an engine load, then one read per screen (bench
# figures: load plus first call 1-2 s, a read 0.15-0.4 s).
SECONDS_PER_ENGINE_LOAD = 2.0
SECONDS_PER_SCREEN_READ = 0.4
MEASURED_CORES = 2

# How many labeled samples make a finetune worth it (recognition crops, detection pictures)
ENOUGH = {"rec": (20, 100), "det": (10, 50)}  # (minimum, good)


def preset(name: str, stage: str) -> StageSettings:
    s = PRESETS[name][stage]
    return StageSettings(s.steps, s.batch_size, s.learning_rate, s.freeze_backbone)


def data_level(count: int, stage: str = "rec") -> str:
    """"none", "little" (below the minimum), "ok" or "good"."""
    minimum, good = ENOUGH[stage]
    if count <= 0:
        return "none"
    if count < minimum:
        return "little"
    return "ok" if count < good else "good"


def val_size(job: TrainJob, stage: str, user_val: int) -> int:
    """Roughly how many validation samples a stage will score (user's + synthetic + general text)."""
    screens = max(2, round(job.synthetic_screens * job.val_fraction)) if job.synthetic_screens > 0 else 0
    if stage == "det":
        return user_val + screens
    return user_val + screens * 6 + 20


def estimate_seconds(job: TrainJob, user_val: dict[str, int] | None = None, cpu_count: int | None = None) -> float | None:
    """Wall time of a job on this PC's CPU; None on a GPU (not measured: much faster)."""
    if job.device == "gpu":
        return None
    cores = cpu_count or os.cpu_count() or MEASURED_CORES
    speed = min(2.5, max(1.0, cores / MEASURED_CORES) ** 0.7)  # more cores help, not linearly
    user_val = user_val or {}
    total = STARTUP_SECONDS + SECONDS_PER_SYNTHETIC_SCREEN * job.synthetic_screens * (1 + job.val_fraction)
    screens = user_val.get("screens", 0)
    # whole photos read once before and after, and at every validation in between (they choose the checkpoint)
    reading = SECONDS_PER_ENGINE_LOAD + screens * SECONDS_PER_SCREEN_READ if screens else 0.0
    for stage in job.tasks:
        settings: StageSettings = getattr(job, stage)
        per_step = SECONDS_PER_SAMPLE[stage] * settings.batch_size
        evaluations = 2 + settings.steps // max(1, job.eval_every)
        scoring = evaluations * (val_size(job, stage, user_val.get(stage, 0)) * SECONDS_PER_VAL_SAMPLE[stage] + reading)
        stage_seconds = (settings.steps * per_step + scoring) / speed
        total += min(stage_seconds, job.stage_minutes * 60) if job.stage_minutes else stage_seconds
    return total + 2 * reading / speed


def format_duration(seconds: float, units: tuple[str, str, str] = ("s", "min", "h")) -> str:
    """'45 s', '12 min', '1 h 20 min'; ``units`` (seconds, minutes, hours) come translated from the UI."""
    sec, mins, hours = units
    seconds = max(0, round(seconds))
    if seconds < 90:
        return f"{seconds} {sec}"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} {mins}"
    return f"{minutes // 60} {hours} {minutes % 60:02d} {mins}"
