"""Run in a subprocess by test_restore: open images, correct a reading and a box, then SIGKILL itself."""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).parent))

from fakes import FakeEngine
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.paths import data_dir
from desktop.core.preferences import Preferences
from desktop.core.store import SessionStore
from desktop.ui.item_models.readings_model import VALUE
from desktop.ui.main_window import MainWindow


def wait(app, condition, timeout=10.0):
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timeout")
        app.processEvents()
        time.sleep(0.005)


def main(paths: list[str]) -> None:
    app = QApplication([])
    store = SessionStore(data_dir())
    window = MainWindow(lambda p: FakeEngine(), Preferences(), store)
    window.show()
    ids = window.open_files(paths)
    wait(app, lambda: all(window.session.records[i].status == "done" for i in ids))
    window.show_image(ids[0])
    model = window.readings.readings_model
    row = next(r for r in range(model.rowCount()) if model.index(r, VALUE).data() == "100.07")
    assert model.setData(model.index(row, VALUE), "100.01", Qt.ItemDataRole.EditRole)
    window.show_image(ids[1])
    boxes = window.readings.boxes_model
    assert boxes.setData(boxes.index(1, 1), "101.5", Qt.ItemDataRole.EditRole)
    print("CORRECTED", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no clean exit, no close event, no atexit


if __name__ == "__main__":
    main(sys.argv[1:])
