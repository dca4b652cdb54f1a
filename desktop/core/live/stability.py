"""A reading is stable only after it agrees over N consecutive frames.

Pure logic: feed it the readings of each live frame as ``{key: value}``; it tells which keys are
stable and with which value. A key whose value changes, or which is missing from a frame, starts
counting again, so a flickering digit never becomes stable.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyState:
    value: str
    count: int          # consecutive frames with this value
    stable: bool


class StabilityTracker:
    def __init__(self, frames: int = 3):
        if frames < 1:
            raise ValueError("frames must be at least 1")
        self.frames = frames
        self._last: dict[str, str] = {}
        self._count: dict[str, int] = {}

    def reset(self) -> None:
        self._last.clear()
        self._count.clear()

    def update(self, values: dict[str, str]) -> dict[str, KeyState]:
        """Add one frame; return the state of every key seen in it."""
        for key in list(self._last):
            if key not in values:
                del self._last[key]
                del self._count[key]
        states: dict[str, KeyState] = {}
        for key, value in values.items():
            if self._last.get(key) == value:
                self._count[key] += 1
            else:
                self._last[key] = value
                self._count[key] = 1
            count = self._count[key]
            states[key] = KeyState(value, count, count >= self.frames)
        return states

    def stable_values(self) -> dict[str, str]:
        return {k: v for k, v in self._last.items() if self._count[k] >= self.frames}
