"""Folder queue processes every image; the item models pass qtmodeltester."""
from __future__ import annotations

from desktop.core.ocr.types import TextBox
from desktop.ui import reading_adapter
from desktop.ui.item_models.boxes_model import BoxesModel
from desktop.ui.item_models.image_record import ImageRecord
from desktop.ui.item_models.queue_model import QueueModel
from desktop.ui.item_models.readings_model import ReadingsModel

from .fakes import screen_boxes, write_sample


def test_folder_queue_processes_all(make_window, qtbot, tmp_path):
    window = make_window()
    folder = tmp_path / "batch"
    for i in range(6):
        write_sample(folder / f"img_{i}.png")
    (folder / "notes.txt").write_text("not an image")
    ids = window.open_folder(str(folder))
    assert len(ids) == 6
    qtbot.waitUntil(lambda: all(window.session.records[i].status == "done" for i in ids), timeout=10000)
    assert all(row.status == "done" for row in window.store.images(window.session.session_id))
    assert window.queue_panel.title.text() == "Images 6/6"
    assert window.engine.calls == 6
    # the first image stays on screen; the technician steps through the rest
    assert window.current_id == ids[0]
    window.actions.next.trigger()
    assert window.current_id == ids[1]


def test_stop_queue(make_window, qtbot, tmp_path):
    from .fakes import FakeEngine

    window = make_window(FakeEngine(delay=0.2))
    folder = tmp_path / "batch"
    for i in range(5):
        write_sample(folder / f"img_{i}.png")
    ids = window.open_folder(str(folder))
    window.actions.stop_queue.trigger()
    qtbot.waitUntil(lambda: all(window.session.records[i].status in ("done", "error") for i in ids), timeout=5000)
    assert any(window.session.records[i].status == "error" for i in ids)


def test_readings_model_tester(qtmodeltester):
    model = ReadingsModel()
    model.set_readings(reading_adapter.extract(screen_boxes()))
    qtmodeltester.check(model)


def test_boxes_model_tester(qtmodeltester):
    model = BoxesModel()
    model.set_boxes(screen_boxes() + [TextBox(((0, 0), (1, 0), (1, 1), (0, 1)), "x", 0.3)])
    qtmodeltester.check(model)


def test_queue_model_tester(qtmodeltester):
    model = QueueModel()
    model.append(ImageRecord(1, "a.png", "file", status="done", corrections=2))
    model.append(ImageRecord(2, "b.png", "file", status="error", error="bad"))
    model.append(ImageRecord(3, "c.png", "folder"))
    qtmodeltester.check(model)
