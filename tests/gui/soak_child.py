"""Run in a subprocess by test_soak: the app's own window (``create_window``, as ``run_app`` builds it)
in live mode on an MJPEG stream for a few minutes, boxes drawn on every result; then the finetune
wizard from the Tools menu; then Ctrl+Q. Prints its figures as JSON; the exit code is the app's.

PySide6 6.12.0 aborted this with ``Fatal Python error: none_dealloc`` in ``ImageView.set_boxes`` after
about two minutes, and again at Ctrl+Q after the wizard.

    python tests/gui/soak_child.py URL SECONDS
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).parent))

from fakes import FakeEngine, quad, screen_boxes
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.core.paths import data_dir
from desktop.core.preferences import Preferences
from desktop.ui.app import create_window
from desktop.ui.workers.camera import opencv_capture


def wait(app, condition, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"timeout: {what}")
        app.processEvents()
        time.sleep(0.005)


def press(app, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    widget.activateWindow()
    wait(app, lambda: QApplication.activeWindow() is widget.window(), 5, "active window")
    QTest.keyClick(widget, key, modifiers)


def main(url: str, seconds: float) -> int:
    app = QApplication([])
    app.setOrganizationName("LCDReaderSoak")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(data_dir() / "settings"))
    boxes = screen_boxes() + [type(b)(quad(20, 80 + 30 * i, 200, 100 + 30 * i), f"{i}.5", 0.9) for i, b in
                              enumerate(screen_boxes())]  # six boxes drawn, with labels, on every result
    window = create_window(lambda prefs: FakeEngine(delay=0.02, boxes=boxes), capture_factory=opencv_capture,
                           prefs=Preferences(stable_frames=3, language="en"))
    window.show()
    figures = {"results": 0, "stable": 0, "unsettled": 0}
    window.live.result.connect(lambda outcome, states: figures.update(
        results=figures["results"] + 1, stable=figures["stable"] + any(ok for _, ok in states.values())))
    window.live.unsettled.connect(lambda *_: figures.update(unsettled=figures["unsettled"] + 1))
    wait(app, lambda: window.ocr.ready, 30, "engine")

    combo = window.camera_bar.device                   # the camera's address typed in, then F6
    combo.setFocus()
    combo.lineEdit().selectAll()
    QTest.keyClicks(combo.lineEdit(), url)
    QTest.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    press(app, window, Qt.Key.Key_F6)
    wait(app, lambda: window.live.running, 5, "live mode")
    end = time.monotonic() + seconds
    wait(app, lambda: time.monotonic() > end, seconds + 5, "soak")
    figures["seconds"] = seconds
    press(app, window, Qt.Key.Key_F6)                 # camera off
    wait(app, lambda: not window.live.running, 5, "live mode off")

    assert window.actions.improve_model in window._menus["tools"].actions()
    window.actions.improve_model.trigger()             # Tools > Improve the model…
    wait(app, lambda: window.model_tools.wizard is not None and window.model_tools.wizard.isVisible(), 10, "wizard")
    figures["wizard"] = True
    QTimer.singleShot(500, lambda: press(app, window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier))
    code = app.exec()                                  # Ctrl+Q closes the wizard and the window, as run_app ends
    print(json.dumps(figures), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
