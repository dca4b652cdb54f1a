"""Corrections as a technician makes them: key and value corrections that survive a box edit, a wrong
reading deleted, a missed box drawn, corrected rows marked, Ctrl+Z / Ctrl+Y."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.core.ocr.types import TextBox
from desktop.core.store import training_samples
from desktop.ui import theme
from desktop.ui.item_models.readings_model import KEY, STATUS, VALUE

from .fakes import FakeEngine, quad, write_sample

BOXES = [TextBox(quad(20, 20, 140, 60), "大气压", 0.99), TextBox(quad(160, 20, 300, 60), "100.07", 0.97),
         TextBox(quad(310, 20, 380, 60), "kPa", 0.95), TextBox(quad(20, 70, 140, 110), "温度", 0.99),
         TextBox(quad(160, 70, 300, 110), "23.5", 0.97)]


def open_screen(make_window, qtbot, tmp_path, **engine):
    window = make_window(FakeEngine(boxes=BOXES, **engine))
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    qtbot.waitUntil(lambda: window.readings.readings_model.rowCount() == 2, timeout=2000)
    return window, image_id


def cells(window, column=VALUE):
    model = window.readings.readings_model
    if column == KEY:  # the key as stored (the English interface shows and edits its English name)
        return [reading.key for reading in model.readings()]
    return [model.index(row, column).data(Qt.ItemDataRole.EditRole) for row in range(model.rowCount())]


def type_into(window, qtbot, view, index, text):
    """Select the cell, F2, type, Enter: as the technician edits."""
    view.setCurrentIndex(index)
    view.setFocus()
    window.actions.correct.trigger() if view is window.readings.readings_view else view.edit(index)
    (editor,) = view.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def shortcut(window, qtbot, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def test_key_and_value_corrections_survive_a_later_box_edit(make_window, qtbot, tmp_path):
    window, image_id = open_screen(make_window, qtbot, tmp_path)
    model = window.readings.readings_model
    assert model.setData(model.index(1, KEY), "湿度")              # key corrected: 温度 -> 湿度
    qtbot.waitUntil(lambda: cells(window, KEY)[1] == "湿度", timeout=2000)
    assert model.setData(model.index(1, VALUE), "45.5")            # then its value
    qtbot.waitUntil(lambda: cells(window)[1] == "45.5", timeout=2000)
    boxes = window.readings.boxes_model
    assert boxes.setData(boxes.index(1, 1), "100.08")              # a box edit elsewhere re-reads the screen
    qtbot.waitUntil(lambda: cells(window)[0] == "100.08", timeout=2000)
    assert cells(window, KEY)[1] == "湿度" and cells(window)[1] == "45.5"
    saved = window.store.result(image_id).readings
    assert [(r["key"], r["value"]) for r in saved] == [("大气压", "100.08"), ("湿度", "45.5")]


def test_delete_a_wrong_reading_with_the_delete_key_and_undo_it(make_window, qtbot, tmp_path):
    window, image_id = open_screen(make_window, qtbot, tmp_path)
    view = window.readings.readings_view
    view.selectRow(1)
    view.setFocus()
    shortcut(window, qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: cells(window) == ["100.07"], timeout=2000)
    assert [r["value"] for r in window.store.result(image_id).readings] == ["100.07"]
    (deleted,) = window.store.corrections(image_id)
    assert deleted.kind == "delete" and deleted.original == "温度 23.5" and deleted.crop_png is None
    assert training_samples(window.store) == []                    # a deleted reading teaches nothing
    boxes = window.readings.boxes_model                             # a box edit does not bring it back
    assert boxes.setData(boxes.index(1, 1), "100.08")
    qtbot.waitUntil(lambda: cells(window) == ["100.08"], timeout=2000)
    shortcut(window, qtbot, Qt.Key.Key_Z)                           # undo the box edit, then the deletion
    qtbot.waitUntil(lambda: cells(window) == ["100.07"], timeout=2000)
    shortcut(window, qtbot, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: cells(window) == ["100.07", "23.5"], timeout=2000)
    assert window.store.corrections(image_id) == []
    assert not window.actions.undo.isEnabled() and window.actions.redo.isEnabled()
    shortcut(window, qtbot, Qt.Key.Key_Y)                           # redo: deleted again
    qtbot.waitUntil(lambda: cells(window) == ["100.07"], timeout=2000)
    assert [c.kind for c in window.store.corrections(image_id)] == ["delete"]


def test_corrected_rows_are_marked_and_undo_redo_the_correction(make_window, qtbot, tmp_path):
    window, image_id = open_screen(make_window, qtbot, tmp_path)
    model = window.readings.readings_model
    view = window.readings.readings_view
    assert model.index(0, STATUS).data() == "OK"
    type_into(window, qtbot, view, model.index(0, VALUE), "100.01")
    qtbot.waitUntil(lambda: cells(window)[0] == "100.01", timeout=2000)
    qtbot.waitUntil(lambda: "Corrected" in model.index(0, STATUS).data(), timeout=2000)
    assert model.index(0, VALUE).data(Qt.ItemDataRole.BackgroundRole) == theme.CORRECTED_BG
    assert model.index(1, STATUS).data() == "OK"                     # the other row is as read
    assert model.index(1, VALUE).data(Qt.ItemDataRole.BackgroundRole) != theme.CORRECTED_BG
    (sample,) = training_samples(window.store)
    assert sample.text == "100.01"
    shortcut(window, qtbot, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: cells(window)[0] == "100.07", timeout=2000)
    assert model.index(0, STATUS).data() == "OK" and training_samples(window.store) == []
    assert window.session.records[image_id].corrections == 0
    shortcut(window, qtbot, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: cells(window)[0] == "100.01", timeout=2000)
    assert "Corrected" in model.index(0, STATUS).data()
    assert [s.text for s in training_samples(window.store)] == ["100.01"]


def test_draw_a_missed_box_it_is_read_then_typed_and_its_crop_is_the_sample(make_window, qtbot, tmp_path):
    boxes = BOXES[:4]  # the detector missed the "23.5" next to 温度
    window = make_window(FakeEngine(boxes=boxes, box_text="23.6"))
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    assert cells(window) == ["100.07", ""]                           # 温度 without its value
    window.actions.draw_box.trigger()                               # Edit > Draw a missed box (Ctrl+B)
    view = window.view
    start = view.mapFromScene(160, 70)
    end = view.mapFromScene(300, 110)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: len(window.session.records[image_id].boxes) == 5, timeout=3000)
    assert not window.actions.draw_box.isChecked()                 # one box, then back to panning
    engine = window.engine
    assert engine.crops and abs(engine.crops[0].shape[1] - 140) <= 4  # the recogniser read that crop
    qtbot.waitUntil(lambda: cells(window) == ["100.07", "23.6"], timeout=2000)
    editors = window.readings.boxes_view.viewport().findChildren(QLineEdit)
    assert editors, "the drawn box's text opens for checking"
    editors[0].selectAll()
    qtbot.keyClicks(editors[0], "23.5")                              # the technician types what it shows
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cells(window) == ["100.07", "23.5"], timeout=2000)
    samples = training_samples(window.store)
    assert [s.text for s in samples] == ["23.5"]                     # the drawn box, with the typed text
    crop = samples[0].crop_png
    import cv2
    import numpy as np
    assert abs(cv2.imdecode(np.frombuffer(crop, np.uint8), cv2.IMREAD_COLOR).shape[1] - 140) <= 4


def test_a_correction_whose_text_is_in_no_box_gives_no_training_sample(make_window, qtbot, tmp_path):
    window, image_id = open_screen(make_window, qtbot, tmp_path)
    record = window.session.records[image_id]
    readings = list(record.readings)
    from desktop.ui import reading_adapter
    readings[1] = reading_adapter.edit_value(readings[1], "30.5", "en")[0]
    window.session.correct_reading(image_id, 1, "value", "1", "30.5", readings)  # "1" is in no box of it
    (correction,) = window.store.corrections(image_id)
    assert correction.box_index is None and correction.crop_png is None
    assert training_samples(window.store) == []


def open_twins(make_window, qtbot, tmp_path, twin_value, twin_score):
    """A screen with 温度 read twice (23.5, and the twin's value): both readings flagged."""
    boxes = BOXES[:3] + [TextBox(quad(20, 120, 140, 160), "温度", 0.99), TextBox(quad(160, 120, 300, 160), "23.5", 0.97),
                         TextBox(quad(20, 170, 140, 210), "温度", 0.99),
                         TextBox(quad(160, 170, 300, 210), twin_value, twin_score)]
    window = make_window(FakeEngine(boxes=boxes))
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.readings.readings_model.rowCount() == 3, timeout=5000)
    model = window.readings.readings_model
    assert model.index(1, STATUS).data() != "OK" and model.index(2, STATUS).data() != "OK"   # flagged twice
    return window, image_id


def test_deleting_the_misread_twin_of_a_key_makes_the_other_valid(make_window, qtbot, tmp_path):
    """The sampler's 流量 read twice ("30.0" and a unit box read as "1 L/min"): the twin deleted, the
    reading left is no longer flagged, also after a later box edit."""
    window, image_id = open_twins(make_window, qtbot, tmp_path, "1", 0.6)
    model = window.readings.readings_model
    window.readings.readings_view.selectRow(2)
    window.actions.delete_reading.trigger()
    qtbot.waitUntil(lambda: cells(window) == ["100.07", "23.5"], timeout=2000)
    assert model.index(1, STATUS).data() == "OK"
    assert window.store.result(image_id).readings[1]["valid"] is True
    assert window.readings.boxes_model.setData(window.readings.boxes_model.index(1, 1), "100.08")
    qtbot.waitUntil(lambda: cells(window) == ["100.08", "23.5"], timeout=2000)
    assert model.index(1, STATUS).data() == "OK"


def test_deleting_the_misread_r_res_twin_leaves_both_resistances_valid(make_window, qtbot, tmp_path):
    """Two R-RES and one Y-RES (issue 30): both R-RES are flagged, Y-RES is another resistance. The
    misread R-RES deleted with the Delete key, the R-RES left and Y-RES are both valid, in the table and
    in the store: the app applies the core's repeated-key rule, which tells the labels apart."""
    boxes = [TextBox(quad(20, 20, 140, 60), "R-RES", 0.99), TextBox(quad(160, 20, 300, 60), "04.00", 0.97),
             TextBox(quad(310, 20, 370, 60), "Ω", 0.95), TextBox(quad(20, 70, 140, 110), "R-RES", 0.99),
             TextBox(quad(160, 70, 300, 110), "1", 0.6), TextBox(quad(20, 120, 140, 160), "Y-RES", 0.99),
             TextBox(quad(160, 120, 300, 160), "08.27", 0.97), TextBox(quad(310, 120, 370, 160), "Ω", 0.95)]
    window = make_window(FakeEngine(boxes=boxes))
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.readings.readings_model.rowCount() == 3, timeout=5000)
    model = window.readings.readings_model
    assert cells(window) == ["04.00", "1", "08.27"]
    assert [model.index(row, STATUS).data() == "OK" for row in range(3)] == [False, False, True]
    view = window.readings.readings_view
    view.selectRow(1)
    view.setFocus()
    shortcut(window, qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: cells(window) == ["04.00", "08.27"], timeout=2000)
    assert [model.index(row, STATUS).data() for row in range(2)] == ["OK", "OK"]
    saved = window.store.result(image_id).readings
    assert [(r["label"], r["valid"], r["issues"]) for r in saved] == [("R-RES", True, []), ("Y-RES", True, [])]


def test_correcting_the_key_of_a_misread_twin_leaves_both_valid(make_window, qtbot, tmp_path):
    """温度 read twice: the technician types the right key (湿度) over the twin's instead of deleting it;
    the repeated-key rule is applied again, so neither reading is flagged any more."""
    window, image_id = open_twins(make_window, qtbot, tmp_path, "45", 0.9)
    model = window.readings.readings_model
    view = window.readings.readings_view
    cell = view.visualRect(model.index(2, KEY)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # the key cell opens for editing
    (editor,) = view.viewport().findChildren(QLineEdit)
    editor.setText("湿度")                                            # what the input method types
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cells(window, KEY) == ["大气压", "温度", "湿度"], timeout=2000)
    qtbot.waitUntil(lambda: model.index(1, STATUS).data() == "OK", timeout=2000)
    assert model.index(2, STATUS).data() == "✎ Corrected"          # corrected, and no longer flagged
    assert [r["valid"] for r in window.store.result(image_id).readings] == [True, True, True]


def test_read_again_ends_the_undo_history_of_that_image(make_window, qtbot, tmp_path):
    window, image_id = open_screen(make_window, qtbot, tmp_path)
    model = window.readings.readings_model
    assert model.setData(model.index(0, VALUE), "100.01")
    qtbot.waitUntil(window.actions.undo.isEnabled, timeout=2000)
    window.actions.reread.trigger()                                  # Ctrl+R: a new result
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    qtbot.waitUntil(lambda: not window.actions.undo.isEnabled(), timeout=2000)
    window.actions.undo.trigger()                                   # nothing to take back on it
    assert [c.corrected for c in window.store.corrections(image_id)] == ["100.01"]


def test_a_drawn_box_the_recogniser_cannot_read_is_typed_in(make_window, qtbot, tmp_path):
    window = make_window(FakeEngine(boxes=BOXES[:4], box_text=None))
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    window.actions.draw_box.trigger()
    view = window.view
    start, end = view.mapFromScene(160, 70), view.mapFromScene(300, 110)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: len(window.session.records[image_id].boxes) == 5, timeout=3000)
    assert "could not be read" in window.banner.text()
    qtbot.waitUntil(lambda: bool(window.readings.boxes_view.viewport().findChildren(QLineEdit)), timeout=2000)
    (editor,) = window.readings.boxes_view.viewport().findChildren(QLineEdit)
    qtbot.keyClicks(editor, "23.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cells(window) == ["100.07", "23.5"], timeout=2000)
    assert [s.text for s in training_samples(window.store)] == ["23.5"]
