"""Run in a subprocess by test_ocr_thread_models: the app's window reads a sample screen with a
recogniser-only model (stock legacy-format detector, Paddle 3-format recogniser), prints the
readings and exits 0. A crash of Paddle in the OCR thread kills this process, not the test run."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LCDREADER_HOME"] = tempfile.mkdtemp(prefix="lcdreader-mixed-")

from PySide6.QtWidgets import QApplication

from desktop.core.models.registry import model_set_from_folder
from desktop.core.ocr.open_engine import open_engine
from desktop.core.preferences import Preferences
from desktop.ui.app import create_window


def wait(app, condition) -> None:
    end = time.monotonic() + 120
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(model_folder: str, image: str) -> int:
    app = QApplication([])
    model = model_set_from_folder(Path(model_folder), "rec-only")
    window = create_window(lambda prefs: open_engine(model, device="cpu"), prefs=Preferences(language="en"))
    window.show()
    # The image comes after the engine is ready, as when a technician opens one: the first image is
    # then read in a later slot call of the OCR thread than the one that loaded the models.
    wait(app, lambda: window.ocr.ready)
    image_id = window.open_files([image])[0]
    wait(app, lambda: window.session.records[image_id].status in ("done", "error"))
    record = window.session.records[image_id]
    print("READINGS", [(r.key, r.value, r.unit) for r in record.readings], flush=True)
    window.close()
    return 0 if record.status == "done" else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
