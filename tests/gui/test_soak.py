"""Minutes of live camera, then the wizard, then Ctrl+Q: the app exits 0. Run in a real subprocess
(``soak_child.py``), as PySide6 6.12.0's abort came after about two minutes of live mode, and at exit.

    LCDREADER_SOAK_S=600 pytest tests/gui/test_soak.py   (default: 150 s)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .mjpeg_server import MjpegServer

CHILD = Path(__file__).with_name("soak_child.py")


@pytest.mark.slow
def test_live_for_minutes_then_the_wizard_then_ctrl_q(tmp_path):
    seconds = float(os.environ.get("LCDREADER_SOAK_S", "150"))
    server = MjpegServer(hold_frames=45).start()   # the number on the screen changes every 1.5 s
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LCDREADER_HOME": str(tmp_path / "home")}
        done = subprocess.run([sys.executable, str(CHILD), server.url, str(seconds)], env=env, capture_output=True,
                              text=True, timeout=seconds + 180)
    finally:
        server.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(figures)
    assert figures["wizard"]
    assert figures["results"] >= 5 * seconds, figures    # boxes drawn on each, at 5 or more a second
    assert figures["stable"] > 0 and figures["unsettled"] > 0, figures
