"""How to start a training job as a separate process: the app itself with the `train` sub-command.

A crash or out-of-memory in training then never takes the GUI down. A frozen build re-runs its own
executable; a source install runs this Python with ``-m desktop.cli``.
"""
from __future__ import annotations

import sys
from pathlib import Path


def train_command(payload: str | Path) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "train", "--payload", str(payload)]
    return [sys.executable, "-m", "desktop.cli", "train", "--payload", str(payload)]
