"""Live camera: the UI stays responsive while OCR runs; a reading is stable only after agreement."""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from .fakes import FakeCapture, FakeEngine


def start_live(window, qtbot):
    window.actions.live.trigger()
    assert window.live.running


def test_ui_never_stalls_while_ocr_runs(make_window, qtbot):
    """A 5 ms timer ticks while the fake OCR sleeps 80 ms per frame in the worker: no gap >= 50 ms."""
    engine = FakeEngine(delay=0.08)
    window = make_window(engine, capture=lambda i: FakeCapture(i, fps=30, size=(720, 1280)))
    start_live(window, qtbot)
    qtbot.waitUntil(lambda: engine.calls >= 1, timeout=3000)  # the first frame is through
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    calls_before = engine.calls
    timer.start()
    qtbot.wait(1500)
    timer.stop()
    window.actions.live.trigger()
    assert not window.live.running
    longest = max(gaps) * 1000
    assert engine.calls - calls_before >= 8, "OCR kept running on the newest frames"
    print(f"longest UI-thread stall {longest:.1f} ms over {len(gaps)} ticks, {engine.calls - calls_before} OCR reads")
    assert longest < 50, f"longest UI-thread stall {longest:.1f} ms"
    assert len(gaps) > 100


def test_stable_only_after_agreement(make_window, qtbot):
    flicker = ["23.5", "23.8"] * 4
    engine = FakeEngine(delay=0.01, values=flicker + ["23.6"] * 50)
    window = make_window(engine, prefs=None)
    seen = []
    window.live.result.connect(lambda outcome, states: seen.append(
        ([r.value for r in outcome.readings], dict(states))))
    start_live(window, qtbot)
    qtbot.waitUntil(lambda: len(seen) >= len(flicker) + 4, timeout=5000)
    window.actions.freeze.trigger()
    frames = window.prefs.stable_frames
    first_stable = next(i for i, (_, states) in enumerate(seen) if any(ok for _, ok in states.values()))
    # every result before the first stable one was not stable, and the last N agree
    values = [v[0] if v else None for v, _ in seen]
    assert first_stable >= frames - 1
    assert len(set(values[first_stable - frames + 1:first_stable + 1])) == 1
    assert values[first_stable] == "23.6"
    assert not any(v in ("23.5", "23.8") for v in window.live.tracker.stable_values().values())
    # the table shows the reading as stable; capture records only stable readings
    model = window.readings.readings_model
    assert "Stable" in model.index(0, 4).data()
    image_id = window.capture()
    record = window.session.records[image_id]
    assert [r.value for r in record.readings] == ["23.6"]
    assert window.store.result(image_id).readings[0]["value"] == "23.6"
    assert window.store.image_data(image_id).startswith(b"\x89PNG")
    assert window.live.running  # capturing does not stop the camera


def test_flicker_is_never_recorded(make_window, qtbot):
    engine = FakeEngine(delay=0.01, values=["23.5", "23.8"] * 100)
    window = make_window(engine)
    start_live(window, qtbot)
    qtbot.waitUntil(lambda: engine.calls >= 8, timeout=5000)
    assert window.live.tracker.stable_values() == {}
    image_id = window.capture()
    assert window.session.records[image_id].readings == []
    assert "No stable reading" in window.banner.text()


def test_no_camera_gives_a_message(make_window, qtbot):
    window = make_window(capture=lambda i: FakeCapture(i, opened=False))
    window.actions.live.trigger()
    qtbot.waitUntil(lambda: "No camera at 0" in window.banner.text(), timeout=3000)
    assert not window.live.running and not window.actions.live.isChecked()
    assert not window.actions.capture.isEnabled()


def test_camera_driver_exception_is_a_message(make_window, qtbot):
    def broken(index):
        raise OSError("device busy")

    window = make_window(capture=broken)
    window.actions.live.trigger()
    qtbot.waitUntil(lambda: "device busy" in window.banner.text(), timeout=3000)
    assert not window.live.running


def test_close_while_live_leaves_no_thread(make_window, qtbot):
    window = make_window(FakeEngine(delay=0.05))
    start_live(window, qtbot)
    qtbot.wait(200)
    window.close()
    assert not window.ocr.is_running()
    assert not window.live.running


def test_readings_without_a_key_settle_each_on_its_own(make_window, qtbot):
    """Bare numbers on a screen: the first is the indication (示值), the others have no key; before,
    those shared the key "" and overwrote each other."""
    from desktop.core.ocr.types import TextBox

    from .fakes import quad

    boxes = [TextBox(quad(20, 20, 140, 60), "23.5", 0.97), TextBox(quad(20, 200, 140, 240), "45.1", 0.97),
             TextBox(quad(20, 380, 140, 420), "7.25", 0.97)]
    window = make_window(FakeEngine(delay=0.01, boxes=boxes))
    seen = []
    window.live.result.connect(lambda outcome, states: seen.append(dict(states)))
    start_live(window, qtbot)
    qtbot.waitUntil(lambda: len(seen) >= window.prefs.stable_frames + 1, timeout=5000)
    window.actions.freeze.trigger()
    assert len(seen[-1]) == 3 and all(stable for _, stable in seen[-1].values())
    model = window.readings.readings_model
    assert [model.index(row, 4).data() for row in range(model.rowCount())] == ["Stable"] * 3
    assert sorted(r.value for r in window.live.stable_readings()) == ["23.5", "45.1", "7.25"]
    window.actions.live.trigger()


class SwitchedCapture(FakeCapture):
    """A camera on a meter whose value the test changes: ``picture`` 0 or 1, marked in pixel (0, 0)
    and drawn as a dark block (the segments that change)."""

    picture = 0

    def read(self):
        ok, frame = super().read()
        frame[0, 0] = self.picture
        if self.picture:
            frame[100:200, 100:200] = 20
        return ok, frame


class PictureReader(FakeEngine):
    """Reads the value of the picture it is given (the marker in pixel (0, 0))."""

    def read(self, image):
        from .fakes import screen_boxes

        result = super().read(image)
        result.boxes = screen_boxes(("3.77", "3.78")[int(image[0, 0, 0])])
        return result


def test_a_changed_picture_drops_the_stable_mark_at_once(make_window, qtbot):
    """Before, the old value stayed Stable (and F8 recorded it) until OCR had read the new picture."""
    camera = SwitchedCapture(fps=30)
    window = make_window(PictureReader(delay=0.25), capture=lambda source: camera)
    model = window.readings.readings_model

    def marks():
        return [model.index(row, 4).data() for row in range(model.rowCount())]

    start_live(window, qtbot)
    qtbot.waitUntil(lambda: "Stable" in marks(), timeout=10000)
    assert [r.value for r in window.live.stable_readings()] == ["3.77"]
    stable_after_change = []
    window.live.result.connect(lambda outcome, states: stable_after_change.extend(
        r.value for r in window.live.stable_readings()))
    camera.picture = 1                                            # the meter shows a new value
    qtbot.waitUntil(lambda: int(window.live.last_frame[0, 0, 0]) == 1, timeout=3000)
    assert "Stable" not in marks()                                # on the first frame of the new picture
    assert window.live.stable_readings() == []
    window.actions.capture.trigger()                              # F8 now records no stale value
    assert window.session.records[max(window.session.records)].readings == []
    qtbot.waitUntil(lambda: [r.value for r in window.live.stable_readings()] == ["3.78"], timeout=10000)
    assert "Stable" in marks()
    assert "3.77" not in stable_after_change                      # not even from a result of the old picture
    assert window.engine.line_reads >= 1                          # a still picture is re-read at its lines
    window.actions.live.trigger()
