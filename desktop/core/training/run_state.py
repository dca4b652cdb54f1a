"""What a caller knows about a running `lcdreader train` process, built from its JSON-lines events.

The wizard feeds every stdout line to ``RunState.feed``; the state keeps the loss curve, the
validation metric points, overall progress and the final result. No Qt.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field


def parse_line(line: str) -> dict | None:
    """An event dict, or None for a line that is not one (stray prints are logged, not parsed)."""
    line = line.strip()
    if not line.startswith("{"):
        return None
    try:
        event = json.loads(line)
    except ValueError:
        return None
    return event if isinstance(event, dict) and isinstance(event.get("event"), str) else None


@dataclass
class RunState:
    tasks: list[str]
    steps: dict[str, int]                       # planned steps per stage
    step: dict[str, int] = field(default_factory=dict)
    losses: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    metrics: dict[str, list[tuple[int, float]]] = field(default_factory=dict)  # (step, value); before = step 0
    metric_names: dict[str, str] = field(default_factory=dict)
    stage: str | None = None
    eta_s: float | None = None
    result: dict | None = None
    error: str | None = None

    def feed(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "progress":
            stage = event["stage"]
            self.stage = stage
            self.step[stage] = int(event["step"])
            self.steps[stage] = int(event.get("steps") or self.steps.get(stage, 1))
            self.losses.setdefault(stage, []).append((int(event["step"]), float(event["loss"])))
            self.eta_s = float(event.get("eta_s", 0.0))
        elif kind == "metric":
            stage = event["stage"]
            self.metric_names[stage] = event.get("name", "")
            when = str(event.get("when", ""))
            if when == "before":
                step = 0
            elif when.startswith("step "):
                step = int(when.split()[1])
            elif when == "after":
                step = self.step.get(stage, self.steps.get(stage, 0))
            else:
                return
            self.metrics.setdefault(stage, []).append((step, float(event["value"])))
            if self.stage is None:
                self.stage = stage
        elif kind == "done":
            self.result = event
            self.eta_s = 0.0
        elif kind == "error":
            self.error = str(event.get("message", ""))

    @property
    def fraction(self) -> float:
        """Overall progress over all stages, 0..1."""
        total = sum(self.steps.get(t, 0) for t in self.tasks) or 1
        done = sum(min(self.step.get(t, 0), self.steps.get(t, 0)) for t in self.tasks)
        return 1.0 if self.result is not None else min(1.0, done / total)

    def remaining_seconds(self) -> float | None:
        """The current stage's ETA plus the later stages at the current rate (None before the first step)."""
        if self.result is not None:
            return 0.0
        if self.stage is None or self.eta_s is None:
            return None
        done = self.step.get(self.stage, 0)
        left = self.steps.get(self.stage, 0) - done
        per_step = self.eta_s / left if left > 0 else 0.0
        later = self.tasks[self.tasks.index(self.stage) + 1:] if self.stage in self.tasks else []
        return self.eta_s + sum(self.steps.get(t, 0) for t in later) * per_step
