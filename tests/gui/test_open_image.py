"""Open an image: boxes and readings appear; selection follows between boxes and readings."""
from __future__ import annotations

import threading

from desktop.ui.item_models.readings_model import VALUE

from .fakes import VALUE as TEXT
from .fakes import FakeEngine, write_sample


def value_row(model, text=TEXT):
    for row in range(model.rowCount()):
        if model.index(row, VALUE).data() == text:
            return row
    return -1


def test_open_image_shows_boxes_and_readings(make_window, qtbot, tmp_path):
    window = make_window()
    path = write_sample(tmp_path / "screen.png")
    (image_id,) = window.open_files([str(path)])
    record = window.session.records[image_id]
    qtbot.waitUntil(lambda: record.status == "done", timeout=5000)
    assert window.view.box_count() == 3
    assert window.view.has_image()
    model = window.readings.readings_model
    assert value_row(model) >= 0
    assert window.readings.boxes_model.rowCount() == 3
    assert window.store.result(image_id).boxes[1]["text"] == TEXT
    assert "fake PP-OCRv4" in window.status.model.text() and "CPU" in window.status.device.text()
    assert "Read in" in window.status.read_time.text() and "ms" in window.status.read_time.text()
    # the engine was created, warmed up and used in the worker thread, never in the UI thread
    assert window.engine.threads and threading.get_ident() not in window.engine.threads
    assert window.engine.warmed_up_in in window.engine.threads


def test_an_image_opened_during_warm_up_is_read_first_and_warm_up_goes_on_after(make_window, qtbot, tmp_path):
    engine = FakeEngine(warm_up_steps=40, warm_up_step_s=0.05)  # two seconds of warm-up
    window = make_window(engine)
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=1500)
    assert "read" in engine.events and engine.events.count("warm") < 40
    qtbot.waitUntil(lambda: engine.warm_up_left == 0, timeout=5000)
    assert engine.events[-1] == "warm"


def test_box_selection_selects_reading_and_back(make_window, qtbot, tmp_path):
    window = make_window()
    (image_id,) = window.open_files([str(write_sample(tmp_path / "s.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    model = window.readings.readings_model
    row = value_row(model)
    box = model.reading(row).boxes[0]
    window.view.box_item(1).setSelected(True)
    selected = window.readings.readings_view.selectionModel().selectedRows()
    assert selected and selected[0].row() == model.row_for_box(1)
    window.view.box_item(1).setSelected(False)
    window.readings.select_reading(-1)
    window.readings.readings_view.selectRow(row)
    assert box in window.view.selected_boxes()


def test_recent_files_menu(make_window, qtbot, tmp_path):
    window = make_window()
    path = write_sample(tmp_path / "recent.png")
    window.open_files([str(path)])
    actions = window.actions.recent_menu.actions()
    assert actions and actions[0].toolTip() == str(path)


def test_paste_image_from_clipboard(make_window, qtbot, tmp_path, qapp):
    from PySide6.QtGui import QImage

    window = make_window()
    image = QImage(str(write_sample(tmp_path / "clip.png")))
    qapp.clipboard().setImage(image)
    window.actions.paste.trigger()                      # Edit's Paste image (Ctrl+V)
    qtbot.waitUntil(lambda: len(window.session.records) == 1, timeout=2000)
    (image_id,) = window.session.records
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    assert window.store.image_data(image_id)  # pasted bytes are kept: no file to go back to


def test_worker_error_reaches_user_and_app_keeps_running(make_window, qtbot, tmp_path):
    from .fakes import FakeEngine

    window = make_window(FakeEngine(fail_on="poison"))
    bad = write_sample(tmp_path / "bad.png", poison=True)
    good = write_sample(tmp_path / "good.png")
    bad_id, good_id = window.open_files([str(bad), str(good)])
    qtbot.waitUntil(lambda: window.session.records[good_id].status == "done", timeout=5000)
    assert window.session.records[bad_id].status == "error"
    assert window.store.images(window.session.session_id)[0].status == "error"
    assert "fake engine failure" in window.banner.text() and window.banner.isVisible()


def test_engine_load_failure_is_a_message_not_a_crash(qtbot, store):
    from desktop.core.preferences import Preferences
    from desktop.ui.main_window import MainWindow

    def broken(prefs):
        raise RuntimeError("model folder missing")

    window = MainWindow(broken, Preferences(), store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "model folder missing" in window.banner.text(), timeout=5000)
    assert "unavailable" in window.status.device.text()
    window.close()
    assert not window.ocr.is_running()


def test_startup_does_not_wait_for_models(qtbot, store):
    """Model loading (here 1.5 s) happens in the worker: the window is up at once."""
    import time

    from desktop.core.preferences import Preferences
    from desktop.ui.main_window import MainWindow

    from .fakes import FakeEngine

    def slow(prefs):
        time.sleep(1.5)
        return FakeEngine()

    start = time.perf_counter()
    window = MainWindow(slow, Preferences(), store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert time.perf_counter() - start < 1.0
    assert "loading" in window.status.device.text()
    qtbot.waitUntil(lambda: window.ocr.ready, timeout=5000)
    window.close()
