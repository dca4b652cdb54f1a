"""The first start converts PP-OCRv6 (several seconds, once): the status bar says so, with a progress
bar and the time left, not only "loading models…"."""
from __future__ import annotations

import time

from desktop.core.models import load_progress
from desktop.core.preferences import Preferences

from .fakes import FakeCapture, FakeEngine


def test_the_status_bar_says_what_loading_does_and_how_long_is_left(qtbot, store, monkeypatch):
    from desktop.ui.main_window import MainWindow

    monkeypatch.setitem(load_progress.EXPECTED_SECONDS, "convert_ppocrv6", 30.0)

    def first_start(_prefs):
        load_progress.report("convert_ppocrv6")  # as ppocrv6_model_set does when there is nothing converted
        time.sleep(1.5)
        return FakeEngine()

    window = MainWindow(first_start, Preferences(), store, capture_factory=lambda i: FakeCapture(i))
    qtbot.addWidget(window)
    window.show()
    status = window.status
    qtbot.waitUntil(lambda: "converting PP-OCRv6" in status.device.text(), timeout=3000)
    assert status.device.text().startswith(
        "Device: converting PP-OCRv6 for this computer (only the first time)… about ")
    assert status.device.text().endswith(" s left") and status.load_progress.isVisible()
    qtbot.waitUntil(lambda: window.ocr.ready, timeout=5000)
    assert status.device.text() == "Device: CPU" and not status.load_progress.isVisible()
    window.close()
