"""The PySide6 release in use keeps the reference counts of ``None`` and ``True``: a long live-camera
session (tens of thousands of void Qt calls and emits) must not abort.

With PySide6 6.12.0 the child aborts (exit 134, ``none_dealloc``) within its first few thousand calls;
to see it: ``pip install --target /tmp/ps612 PySide6-Essentials==6.12.0 shiboken6==6.12.0``, then
``PYTHONPATH=/tmp/ps612:. python tests/gui/refcount_child.py``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("refcount_child.py")


def test_a_million_void_calls_and_bool_emits_then_a_clean_exit():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(CHILD), "1000000"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    drift = json.loads(done.stdout.strip().splitlines()[-1])
    assert drift["received"] == 1_000_000
    assert drift["none"] > -100 and drift["true"] > -100, drift  # 6.12.0: -1,000,000 each, had it lived
